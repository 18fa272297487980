"""`import` on real-world copy: zone abbreviations, datelines, and stamps ahead of the clock.

The cases are written for these tests, in the shapes wire and scraped copy take.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import yaml
from conftest import run_cli, write_site

from briefing_site.commands.propose import propose


def _at(now: str) -> datetime:
    return datetime.fromisoformat(now)


def test_est_in_july_is_read_as_new_york_summer_time_with_a_review_note() -> None:
    text = ["The two leaders will hold talks at the White House on July 9 at 3 p.m. EST."]
    found = propose(text, _at("2026-07-02T12:00:00+00:00"))
    assert found.start == "2026-07-09T15:00:00-04:00"
    assert found.zone == "America/New_York"
    assert any("EDT, not EST" in note for note in found.notes)


def test_ist_is_read_as_india_when_the_text_names_an_indian_place() -> None:
    """A time given in IST for an event abroad: converted from India's clock."""
    text = [
        "Officials in New Delhi said the prime minister had prepared a long speech.",
        "He will address the General Assembly in New York on September 26 at 7:30 p.m. IST.",
    ]
    found = propose(text, _at("2026-09-20T08:00:00+00:00"))
    assert found.start == "2026-09-26T10:00:00-04:00"  # 19:30 in India
    assert found.zone == "America/New_York"
    assert any("Asia/Kolkata" in note for note in found.notes)


def test_ist_with_no_place_to_settle_it_is_left_for_the_editor() -> None:
    text = ["The ministers will meet in London on March 12 at 9 p.m. IST to sign the deal."]
    found = propose(text, _at("2026-03-06T12:00:00+00:00"))
    assert found.start == ""
    assert "IST" in found.reason and "several zones" in found.reason


def test_an_abbreviation_alone_gives_the_zone_when_no_place_is_named() -> None:
    text = ["The leaders will sign the pact on May 4 at 10 a.m. SGT, the office confirmed."]
    found = propose(text, _at("2026-04-28T12:00:00+00:00"))
    assert found.start == "2026-05-04T10:00:00+08:00"
    assert found.zone == "Asia/Singapore"


def test_a_time_in_alaska_daylight_time_is_read_in_anchorages_zone() -> None:
    text = ["The meeting is due to begin at 11:30 a.m. Alaska Daylight Time on Friday."]
    found = propose(text, _at("2026-08-12T20:00:00+00:00"))
    assert found.start == "2026-08-14T11:30:00-08:00"


def test_a_title_case_dateline_places_an_event_named_in_a_later_paragraph() -> None:
    text = [
        "Tokyo \u2014 Officials briefed reporters on Monday about the coming visit.",
        "The talks will open on Friday at 10 a.m. with a working lunch.",
    ]
    found = propose(text, _at("2026-12-01T03:00:00+00:00"))
    assert found.start == "2026-12-04T10:00:00+09:00"


def test_a_slashed_agency_dateline_and_a_speakers_place_do_not_place_the_event() -> None:
    """'CITY, June 11. /AGENCY/.' is a dateline (its date is no event), and the White
    House that announces a meeting abroad is not where the meeting is."""
    text = [
        "WASHINGTON, June 11. /AGENCY/. The two leaders will meet in Singapore at 9 a.m. "
        "local time on Tuesday, the White House said on Monday."
    ]
    found = propose(text, _at("2026-06-11T16:00:00+00:00"))
    assert found.start == "2026-06-16T09:00:00+08:00"
    assert found.zone == "Asia/Singapore"


def test_event_timezone_written_as_an_abbreviation_is_refused_with_the_zone_to_write(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/talks.txt": "The leaders meet in Washington.\n",
            "content/talks.yaml": (
                "title: Talks\nevent:\n  name: Talks\n  start: 2026-07-09T15:00\n  timezone: EST\n"
            ),
        },
    )
    result = run_cli("check", "-s", str(site))
    assert result.code == 1
    assert "content/talks.yaml:5: event.timezone: 'EST'" in result.err
    assert "America/New_York" in result.err


def test_a_publication_stamp_over_an_hour_ahead_of_the_clock_is_not_taken(
    tmp_path: Path,
) -> None:
    site = write_site(tmp_path / "site", {"content/.keep": ""})
    source = tmp_path / "copy.txt"
    source.write_text(
        "Leaders to meet at the White House next week\n"
        "Published December 1, 2026 11:30 PM EST\n\n"
        "The two leaders will hold talks at the White House on December 9, officials "
        "told reporters here in a briefing on the visit.\n",
        "utf-8",
    )
    now = "2026-12-01T20:00:00+00:00"  # 15:00 in New York: the stamp is 8.5 hours ahead
    result = run_cli("import", str(source), "-s", str(site), "--slug", "t", "--now", now)
    sidecar = (site / "content/t.yaml").read_text("utf-8")
    assert "date" not in (yaml.safe_load(sidecar) or {})
    assert "ahead of the clock" in result.out
