"""What an editor met importing real announcements of upcoming meetings (summits, state
visits, ministerials, signings), in shapes rewritten from real pages: each wrong or missing
field here was one the editor had to find and fix by hand."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Run

from briefing_site.commands.propose import propose

NOW = "2025-01-01T00:00:00Z"
# Wednesday 12 June 2024, 06:00 in New York
WEDNESDAY = datetime.fromisoformat("2024-06-12T06:00:00-04:00")
# Saturday 25 October 2025, noon in Kuala Lumpur
SATURDAY = datetime.fromisoformat("2025-10-25T12:00:00+08:00")


@pytest.fixture
def site(tmp_path: Path, cli: Callable[..., Run]) -> Path:
    root = tmp_path / "site"
    assert cli("init", str(root), "--now", NOW).code == 0
    return root


def _imported(
    site: Path, cli: Callable[..., Run], copy: str, now: str
) -> tuple[Run, dict[str, Any], str]:
    page = site.parent / "pasted.txt"
    page.write_text(copy, "utf-8")
    result = cli("import", str(page), "-s", str(site), "--slug", "story", "--now", now)
    sidecar = (site / "content/story.yaml").read_text("utf-8")
    return result, yaml.safe_load(sidecar) or {}, sidecar


def test_a_pm_time_after_at_is_in_the_afternoon() -> None:
    """'at 4:30 p.m.' was read as 04:30 (the 24-hour reading of 'at 4:30' came first):
    a signing in the afternoon was proposed for before dawn."""
    proposal = propose(
        ["The accord will be signed on Friday at 4:30 p.m. at the Dolmabahce Palace in Istanbul."],
        WEDNESDAY,
    )
    assert proposal.start == "2024-06-14T16:30:00+03:00"
    morning = propose(["Talks in Rome will open on Friday at 9:15 a.m."], WEDNESDAY)
    assert morning.start == "2024-06-14T09:15:00+02:00"
    clock = propose(["Talks in Rome will open on Friday at 17:45."], WEDNESDAY)
    assert clock.start == "2024-06-14T17:45:00+02:00"


def test_a_time_given_in_a_named_city_time_is_converted_to_the_event_place() -> None:
    """'16:00 Kyiv time' for a meeting in London: the instant is the same, shown in London's zone."""
    proposal = propose(
        ["The London meeting on Sunday, March 2, is due to start at 16:00 Kyiv time."],
        datetime.fromisoformat("2025-02-28T09:00:00+00:00"),
    )
    assert proposal.start == "2025-03-02T14:00:00+00:00"
    assert proposal.zone == "Europe/London"


def test_a_span_of_weekdays_gives_the_event_its_last_day() -> None:
    proposal = propose(
        ["The three-day summit will be held Thursday through Saturday at a resort near Rome."],
        WEDNESDAY,
    )
    assert (proposal.start, proposal.end, proposal.zone) == (
        "2024-06-13",
        "2024-06-15",
        "Europe/Rome",
    )
    weekend = propose(
        ["The meeting, set for Saturday and Sunday in Hangzhou, will be chaired by the host."],
        WEDNESDAY,
    )
    assert (weekend.start, weekend.end, weekend.zone) == (
        "2024-06-15",
        "2024-06-16",
        "Asia/Shanghai",
    )


def test_a_past_meeting_on_the_publication_day_does_not_hide_the_summit_ahead() -> None:
    """Published on a Saturday: the ministers 'met on Saturday'; the summit 'begins on
    Sunday and runs through Tuesday'. The summit is the event, not the ministers' day."""
    proposal = propose(
        [
            "Police have been posted across the capital to guard the meetings in Kuala Lumpur,"
            " which begin on Sunday and run through Tuesday.",
            "Foreign ministers met in the Malaysian capital on Saturday, ahead of the summit.",
        ],
        SATURDAY,
    )
    assert (proposal.start, proposal.end) == ("2025-10-26", "2025-10-28")
    assert proposal.zone == "Asia/Kuala_Lumpur"


@pytest.mark.parametrize(
    "sentence",
    [
        "The host's office last Saturday published the topics for the Kananaskis meeting.",
        "The ministry on Thursday said the talks in Kananaskis will cover trade.",
    ],
)
def test_the_day_a_statement_came_out_is_not_the_event(sentence: str) -> None:
    proposal = propose([sentence], SATURDAY)
    assert proposal.start == ""


def test_days_inside_a_range_are_the_range_not_a_choice() -> None:
    proposal = propose(
        [
            "The ministerial council will take place in Ljubljana, Slovenia on December 5-6.",
            "The chair will open the meeting on December 5 with the first plenary session.",
            "The third plenary session will be held on 6 December, when the text is adopted.",
        ],
        datetime.fromisoformat("2025-11-30T04:00:00+01:00"),
    )
    assert (proposal.start, proposal.end, proposal.zone) == (
        "2025-12-05",
        "2025-12-06",
        "Europe/Ljubljana",
    )


def test_the_opening_day_of_a_meeting_over_several_days_is_its_start() -> None:
    """'opens Tuesday' (wire style, no 'on'), then what happens on Wednesday and Thursday."""
    proposal = propose(
        [
            "The summit of the leading economies opens Tuesday in Paris.",
            "The leaders will meet African heads of state on Wednesday.",
            "On Thursday, several leaders will join a session on debt.",
        ],
        datetime.fromisoformat("2025-06-09T12:00:00+02:00"),  # a Monday
    )
    assert (proposal.start, proposal.zone) == ("2025-06-10", "Europe/Paris")


def test_the_headline_settles_the_date_and_the_place_the_prose_leaves_open() -> None:
    tour = propose(
        [
            "The prime minister will leave on March 10 for a five-day tour of three island states.",
            "He will hold talks with the first host on March 11.",
            "He will visit the last country on March 13 and 14.",
        ],
        datetime.fromisoformat("2025-03-06T18:00:00+05:30"),
        title="Premier to tour three island nations from March 10",
    )
    assert tour.start == "2025-03-10"
    arrivals = propose(
        [
            "Dozens of leaders will gather on Thursday for two days of talks.",
            "Work began after attacks in Brussels and shootings in Paris and California.",
        ],
        datetime.fromisoformat("2016-03-30T08:00:00-04:00"),
        title="World leaders converge on Washington for security summit",
    )
    assert (arrivals.start, arrivals.zone, arrivals.zone_from) == (
        "2016-03-31",
        "America/New_York",
        "the headline",
    )


PASTED = """Skip to content
World | Europe
What to watch at the leaders' summit in Italy
Published June 12, 2024 5:02am EDT
The wars in Ukraine and Gaza are expected to dominate the agenda when leaders meet in Italy this week.
The three-day summit will be held Thursday through Saturday at a resort in Borgo Egnazia, and will bring the leaders of seven economies together.
Top stories
July 31, 2025
"""


def test_pasted_copy_dates_from_its_own_date_line_not_the_import_day(
    site: Path, cli: Callable[..., Run]
) -> None:
    """An editor imports the page three days after it came out. The page's 'Published' line
    was dropped as furniture and the clock taken instead: 'Thursday' became the week after
    the summit. The line is the publication date, marked for review."""
    result, meta, sidecar = _imported(site, cli, PASTED, "2024-06-15T09:00:00+00:00")
    assert result.code == 0, result.err
    assert meta["title"] == "What to watch at the leaders' summit in Italy"
    assert meta["date"] == datetime.fromisoformat("2024-06-12T05:02:00-04:00")
    assert "# REVIEW: from the line" in sidecar
    # the key facts' "What" and the countdown's label would repeat the headline
    assert 'name: "What to watch at the leaders\' summit in Italy"  # REVIEW' in sidecar
    assert (str(meta["event"]["start"]), str(meta["event"]["end"])) == ("2024-06-13", "2024-06-15")
    assert meta["event"]["timezone"] == "Europe/Rome"
    assert meta["event"]["location"] == "Borgo Egnazia, Apulia"  # not the region alone
    assert "date: read from the page's line 'Published June 12, 2024 5:02am EDT'" in result.out
    check = cli("check", "-s", str(site), "--now", "2024-06-15T09:00:00+00:00")
    assert check.code == 0, check.err


def test_a_title_ending_in_its_date_is_the_title_and_the_date(
    site: Path, cli: Callable[..., Run]
) -> None:
    copy = (
        "Accessibility links\n"
        "Leaders Gather on the Coast for Economic Summit - 2004-06-07\n"
        "The summit of the leading economies opens Tuesday on the coast near Lisbon,"
        " a resort where leaders will meet for three days.\n"
        "The leaders will meet African heads of state on Wednesday.\n"
    )
    result, meta, _ = _imported(site, cli, copy, "2004-06-10T09:00:00+00:00")
    assert result.code == 0, result.err
    assert meta["title"] == "Leaders Gather on the Coast for Economic Summit"
    assert str(meta["date"]) == "2004-06-07"
    assert str(meta["event"]["start"]) == "2004-06-08"


@pytest.mark.parametrize(
    "line",
    [
        "This file photo from May 25, 2017, shows the two presidents shaking hands.",
        "Leaders will meet on March 3, 2025 to sign the accord in Rome officially",
        "When: March 3, 2025, 10:00 CET",  # an advisory's line: the event's date
        "Summit starts March 3, 2025",
    ],
)
def test_a_sentence_that_names_a_date_is_no_date_line(
    site: Path, cli: Callable[..., Run], line: str
) -> None:
    copy = (
        f"Leaders to sign accord in Rome\n{line}\nLeaders will sign the accord in Rome next week.\n"
    )
    result, meta, _ = _imported(site, cli, copy, "2025-02-26T12:00:00+00:00")
    assert "date" not in meta
    assert "date: the source gives no publication date" in result.out


def test_a_date_line_with_a_time_but_no_zone_asks_for_both(
    site: Path, cli: Callable[..., Run]
) -> None:
    copy = (
        "Diplomacy\n"
        "Ministers ready accords for Monday visit to Baghdad\n"
        "Published 21.04.2024 14:12\n"
        "Ministers have readied 20 accords to be signed when the president visits Baghdad"
        " on Monday, the foreign minister said.\n"
    )
    result, meta, _ = _imported(site, cli, copy, "2024-04-24T09:00:00+03:00")
    assert str(meta["date"]) == "2024-04-21"  # dotted dates are day first
    assert "the line gives a time but no zone" in result.out
    assert str(meta["event"]["start"]) == "2024-04-22"


# A Friday: 14 March 2025, 10:00 UTC
FRIDAY = datetime.fromisoformat("2025-03-14T10:00:00+00:00")


def test_an_attribution_after_the_day_leaves_the_day_to_the_event() -> None:
    """'opens on Tuesday, said an aide': the comma ends the event's clause; only 'on
    Monday said' (no comma) dates a statement."""
    proposal = propose(
        ["The fair in Vienna will open on Tuesday, said an aide to the mayor."], FRIDAY
    )
    assert proposal.start == "2025-03-18"


def test_a_schedule_word_in_a_past_sentence_never_counts_back() -> None:
    """'opens'/'for' look forward only, and a past sentence makes their day a candidate
    for the editor, never a day of last week proposed as the event."""
    strike = propose(["Dockers had called a strike for Monday in Hamburg."], FRIDAY)
    assert strike.start == ""
    assert {c.day.isoformat() for c in strike.candidates} == {"2025-03-17"}
    forum = propose(
        ["Ministers began arriving in Osaka on Wednesday for the forum that opens Thursday."],
        datetime.fromisoformat("2016-05-25T10:00:00+00:00"),  # a Wednesday
    )
    assert "2016-05-19" not in {c.day.isoformat() for c in forum.candidates}


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote in Berlin was scheduled for Monday but postponed after the coalition split.",
        "The ministers will not meet in Oslo on Tuesday: the meeting was called off.",
        "Opponents asked for Monday's vote in Berlin to be delayed.",
    ],
)
def test_a_day_that_was_called_off_is_no_event(sentence: str) -> None:
    assert propose([sentence], FRIDAY).start == ""


def test_appeared_to_be_is_no_future() -> None:
    """'appeared to be relieved' read as 'to be held': the past meeting became next Saturday."""
    proposal = propose(
        [
            "The envoy, who met her counterpart on Saturday, appeared to be pleased after the talks in Lisbon."
        ],
        FRIDAY,
    )
    assert proposal.start == "2025-03-08"


def test_the_headline_place_gives_no_zone_to_a_time() -> None:
    """'leaves Kyiv for talks': the headline names where the traveller starts from, and a
    wrong zone would move the meeting's instant."""
    proposal = propose(
        ["The president will meet his counterpart on Friday at 11:00, aides said."],
        FRIDAY,
        title="President leaves Kyiv for talks abroad",
    )
    assert proposal.start == "" and proposal.zone == ""


STAMPED = """Ministers meet in Brussels on spending
{stamps}
Defence ministers will meet in Brussels on Friday to agree a spending plan, officials said.
"""


@pytest.mark.parametrize(
    ("stamps", "date"),
    [
        (
            "Updated: March 13, 2025 8:10 p.m. ET\nPublished: March 11, 2025 4:11 p.m. ET",
            "2025-03-11T16:11:00-04:00",
        ),
        (
            "Changed on Thu 13 Mar 2025\nFirst published on Wed 12 Mar 2025 14.30 GMT",
            "2025-03-12T14:30:00+00:00",
        ),
        ("2025-03-12T14:30:00Z", "2025-03-12T14:30:00+00:00"),
        ("2025-03-12T15:30:00+01:00", "2025-03-12T15:30:00+01:00"),
        ("Premier visits Lagos | 3 March 2025\nPublished 12 March 2025", "2025-03-12"),
    ],
)
def test_the_published_line_is_the_date_with_its_time_and_offset(
    site: Path, cli: Callable[..., Run], stamps: str, date: str
) -> None:
    result, meta, _ = _imported(site, cli, STAMPED.format(stamps=stamps), "2025-03-14T10:00:00Z")
    assert result.code == 0, result.err
    got = meta["date"].isoformat() if len(date) > 10 else str(meta["date"])
    assert got == date


@pytest.mark.parametrize(
    "copy",
    [
        STAMPED.format(stamps="Premier visits Lagos | 3 March 2025"),
        "Ministers meet in Brussels\nDefence ministers, who\nfirst met on March 3, 2025 in\n"
        "Brussels, will meet again\non Friday in Brussels.\n",
        STAMPED.format(stamps="Published June 12, 2025 5:02am EDT"),  # after today
        STAMPED.format(stamps="03.12.2025 14:12"),  # 3 December: after today
    ],
    ids=["a related link", "the story's first wrapped line", "after today", "dotted, after today"],
)
def test_no_line_but_the_page_own_stamp_is_its_date(
    site: Path, cli: Callable[..., Run], copy: str
) -> None:
    result, meta, sidecar = _imported(site, cli, copy, "2025-03-14T10:00:00Z")
    assert result.code == 0, result.err
    assert "date" not in meta, sidecar


def test_a_stamp_after_today_is_named_for_the_editor(site: Path, cli: Callable[..., Run]) -> None:
    copy = STAMPED.format(stamps="Published June 12, 2025 5:02am EDT")
    result, _, sidecar = _imported(site, cli, copy, "2025-03-14T10:00:00Z")
    assert "after today" in result.out and "after today" in sidecar


def test_a_dateline_does_not_settle_a_sentence_naming_two_zones() -> None:
    """MOSCOW: the Kremlin's delegation goes to Istanbul; the Kremlin is not where the talks are."""
    proposal = propose(
        ["MOSCOW (Wire) - The Kremlin said its envoys will fly to Istanbul for talks on Thursday."],
        FRIDAY,
    )
    # the day stands (a date without a time: no zone can move it); the place is left open
    assert (proposal.start, proposal.zone, proposal.location) == ("2025-03-20", "", "")


def test_two_days_apart_joined_by_and_are_two_days_not_a_span() -> None:
    apart = propose(["Negotiators will meet on Monday and Thursday in Geneva."], FRIDAY)
    assert (apart.start, apart.end) == ("", "")
    weekend = propose(["Negotiators will meet on Saturday and Sunday in Geneva."], FRIDAY)
    assert (weekend.start, weekend.end) == ("2025-03-15", "2025-03-16")


def test_a_long_single_line_is_read_in_time() -> None:
    """Every weekday looked back over the whole sentence for 'opens': a long line took minutes."""
    line = "The delegates will meet on Monday and talk on Tuesday in Rome " * 4000
    started = time.monotonic()
    propose([line], FRIDAY)
    assert time.monotonic() - started < 20
