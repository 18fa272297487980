"""`event.status`: a cancelled, postponed, rescheduled or moved-online event, as readers
and machines see it (page, cards, countdown, JSON-LD, calendar file, feeds, explain),
and a wrong value named at its line with the build left as it was."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
from conftest import Opened, Run, serve
from filetree import tree
from htmlcheck import Page

NOW = "2025-02-05T10:00:00-05:00"  # two days before the summit
AFTER = "2025-02-20T10:00:00-05:00"  # two weeks after it
STATUS_NAMES = {
    "scheduled": "EventScheduled",
    "postponed": "EventPostponed",
    "cancelled": "EventCancelled",
    "rescheduled": "EventRescheduled",
    "moved-online": "EventMovedOnline",
}


def _sidecar(status: str | None, slug: str = "summit") -> str:
    line = f"  status: {status}\n" if status is not None else ""
    return (
        f"title: Leaders meet in Geneva ({slug})\n"
        "summary: Two leaders were to meet on trade and security.\n"
        "date: 2025-02-01T09:00:00-05:00\n"
        "event:\n"
        "  name: Geneva summit\n"
        "  start: 2025-02-07T11:00:00-05:00\n"
        "  timezone: America/New_York\n"
        "  location: Palais des Nations, Geneva\n"
        f"{line}"
        "tags: [diplomacy]\n"
    )


_BODY = (
    "The two leaders were due to meet in Geneva on Friday to discuss tariffs.\n"
    "Officials said the talks would cover investment and the defense budget.\n"
)


def _site(
    make_site: Callable[[dict[str, str | bytes]], Path], statuses: dict[str, str | None]
) -> Path:
    files: dict[str, str | bytes] = {
        "briefing.yaml": "title: Briefings\nbase_url: https://e.test/b/\n"
    }
    for slug, status in statuses.items():
        files[f"content/{slug}.txt"] = _BODY
        files[f"content/{slug}.yaml"] = _sidecar(status, slug)
    return make_site(files)


def _build(cli: Callable[..., Run], site: Path, now: str = NOW) -> Path:
    result = cli("build", "-s", str(site), "--now", now)
    assert result.code == 0, result.err
    return site / "build"


def _html(out: Path, path: str = "briefings/summit/index.html") -> str:
    return (out / path).read_text(encoding="utf-8")


def _countdown_texts(html: str) -> list[str]:
    """The words of each `<time class="countdown">`, in page order."""
    return re.findall(r'<time class="countdown"[^>]*>([^<]*)</time>', html)


def _status_line(html: str) -> str:
    """The status line's text (tags dropped), or "" when the page has none."""
    found = re.search(r'<p class="event-status"[^>]*>(.*?)</p>', html, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


def _jsonld_event(out: Path) -> dict[str, Any]:
    html = _html(out)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block is not None
    about: dict[str, Any] = json.loads(block.group(1))["about"]
    return about


def _ics(out: Path, slug: str = "summit") -> list[str]:
    """The calendar file's lines, as written (CRLF ends; read as bytes, not translated)."""
    return (out / "briefings" / slug / f"{slug}.ics").read_bytes().decode().split("\r\n")


def test_a_cancelled_event_says_so_and_is_never_counted_down(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = _site(make_site, {"summit": "cancelled"})
    for now in (NOW, AFTER):  # before the old date, and after it: neither counts nor "took place"
        html = _html(_build(cli, site, now))
        assert _status_line(html) == "Cancelled. The event will not take place."
        assert _countdown_texts(html) == ["Cancelled"]
        assert "Starts in" not in html and "Took place" not in html
        page = Page(html)
        (countdown,) = page.find("time", class_="countdown")
        assert countdown["data-event-status"] == "cancelled"
        assert "role" not in countdown  # no timer for screen readers to follow
        # The status line comes before the key facts and the countdown, within the glance box.
        assert html.index('class="event-status"') < html.index('class="countdown-box"')
        assert html.index('class="countdown-box"') < html.index('class="facts"')


def test_a_postponed_event_says_no_new_date_is_set(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    out = _build(cli, _site(make_site, {"summit": "postponed"}))
    html = _html(out)
    assert _status_line(html).startswith("Postponed. The event will not take place on the date")
    assert "no new date has been set" in _status_line(html)
    assert _countdown_texts(html) == ["Postponed: no new date yet"]


@pytest.mark.parametrize("status", ["rescheduled", "moved-online"])
def test_a_rescheduled_or_online_event_still_counts_down_and_says_what_changed(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run], status: str
) -> None:
    html = _html(_build(cli, _site(make_site, {"summit": status})))
    assert _countdown_texts(html) == ["Starts in 2 days"]
    expected = {"rescheduled": "Rescheduled.", "moved-online": "Moved online."}[status]
    assert _status_line(html).startswith(expected)


def test_a_scheduled_event_has_no_status_line(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    out = _build(cli, _site(make_site, {"summit": None, "plain": "scheduled"}))
    for slug in ("summit", "plain"):
        html = _html(out, f"briefings/{slug}/index.html")
        assert _status_line(html) == "" and "data-event-status" not in html
        assert _countdown_texts(html) == ["Starts in 2 days"]


@pytest.mark.parametrize("status", sorted(STATUS_NAMES))
def test_json_ld_gives_the_schema_org_event_status(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run], status: str
) -> None:
    event = _jsonld_event(_build(cli, _site(make_site, {"summit": status})))
    assert event["eventStatus"] == f"https://schema.org/{STATUS_NAMES[status]}"
    assert event["startDate"] == "2025-02-07T11:00:00-05:00"  # postponed keeps the original
    previous = event.get("previousStartDate")
    assert previous == ("2025-02-07T11:00:00-05:00" if status == "postponed" else None)
    online = status == "moved-online"
    mode = "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"
    assert event["eventAttendanceMode"] == f"https://schema.org/{mode}"


def test_the_calendar_file_cancels_or_holds_the_entry(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    statuses: dict[str, str | None] = {
        "gone": "cancelled",
        "later": "postponed",
        "moved": "rescheduled",
        "same": None,
    }
    out = _build(cli, _site(make_site, statuses))
    gone, later, moved, same = (_ics(out, slug) for slug in statuses)
    assert "STATUS:CANCELLED" in gone and "SEQUENCE:1" in gone
    assert "SUMMARY:Cancelled: Geneva summit" in gone
    # Postponed: no new time exists, so it stays on the old one, tentative and not busy.
    assert {"STATUS:TENTATIVE", "TRANSP:TRANSPARENT", "SEQUENCE:1"} <= set(later)
    assert "DTSTART:20250207T160000Z" in later
    assert "SUMMARY:Postponed: Geneva summit" in later
    assert any(line.startswith("DESCRIPTION:Postponed. The event will not") for line in later)
    assert "STATUS:CONFIRMED" in moved and "SUMMARY:Rescheduled: Geneva summit" in moved
    # A scheduled event's file is as it always was.
    assert not any(line.startswith(("STATUS:", "SEQUENCE:", "TRANSP:")) for line in same)
    assert "SUMMARY:Geneva summit" in same
    # A calendar reader takes them so (icalendar, as test_publish_ics checks escaping).
    read = {
        slug: icalendar.Calendar.from_ical((out / f"briefings/{slug}/{slug}.ics").read_bytes())
        for slug in statuses
    }
    seen = {slug: cal.walk("VEVENT")[0].get("STATUS") for slug, cal in read.items()}
    assert seen == {"gone": "CANCELLED", "later": "TENTATIVE", "moved": "CONFIRMED", "same": None}


def test_feed_titles_say_the_status(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    out = _build(cli, _site(make_site, {"summit": "cancelled", "plain": None}))
    atom = (out / "feed.xml").read_text(encoding="utf-8")
    assert "<title>Cancelled: Leaders meet in Geneva (summit)</title>" in atom
    assert "<title>Leaders meet in Geneva (plain)</title>" in atom
    items = json.loads((out / "feed.json").read_text(encoding="utf-8"))["items"]
    assert sorted(item["title"] for item in items) == [
        "Cancelled: Leaders meet in Geneva (summit)",
        "Leaders meet in Geneva (plain)",
    ]


def test_cards_on_listings_say_the_status(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    statuses: dict[str, str | None] = {"gone": "cancelled", "moved": "moved-online", "same": None}
    out = _build(cli, _site(make_site, statuses))
    html = _html(out, "tags/diplomacy/index.html")
    cards = re.findall(r'<article class="card">.*?</article>', html, re.S)
    by_slug = {re.search(r"\((\w+)\)</a>", card).group(1): card for card in cards}  # type: ignore[union-attr]
    assert _countdown_texts(by_slug["gone"]) == ["Cancelled"]
    assert 'data-event-status="cancelled"' in by_slug["gone"]
    assert _countdown_texts(by_slug["moved"]) == ["Starts in 2 days"]
    assert (
        '<span class="status-mark" data-event-status="moved-online">Moved online</span>'
        in (by_slug["moved"])
    )
    assert "data-event-status" not in by_slug["same"]
    index = _html(out, "index.html")
    # The moved-online event goes ahead, so it leads the home page (the cancelled one,
    # as soon, does not); the cancelled one's card says so.
    assert ">Cancelled</time>" in index and _status_line(index).startswith("Moved online.")
    # A topic page shows each briefing's section, with no countdown: a mark for every status.
    topic_pages = [p.read_text(encoding="utf-8") for p in sorted(out.glob("topics/*/index.html"))]
    entries = [
        e
        for t in topic_pages
        for e in re.findall(r"<article class=\"topic-entry\".*?</article>", t, re.S)
    ]
    gone = [e for e in entries if 'data-briefing="gone"' in e]
    assert gone and all('data-event-status="cancelled">Cancelled</span>' in e for e in gone)
    assert all("data-event-status" not in e for e in entries if 'data-briefing="same"' in e)


def test_explain_prints_the_status(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = _site(make_site, {"summit": "postponed"})
    result = cli("explain", str(site / "content/summit.txt"))
    assert result.code == 0, result.err
    assert "  event: Geneva summit; status: postponed" in result.out.splitlines()


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("canceled", "'canceled' is not a status (did you mean 'cancelled'?)"),
        ("EventPostponed", "'EventPostponed' is not a status (did you mean 'postponed'?)"),
        ("called off", "'called off' is not a status;"),
        ("", "is empty;"),
        ("[cancelled]", "['cancelled'] is not a status;"),
    ],
)
def test_a_wrong_status_is_named_at_its_line_and_the_build_kept(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    value: str,
    why: str,
) -> None:
    site = _site(make_site, {"summit": "cancelled"})
    out = _build(cli, site)
    before = tree(out)
    (site / "content/summit.yaml").write_text(_sidecar(value), encoding="utf-8")
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert result.err.startswith(f"content/summit.yaml:9: event.status: {why}"), result.err
    assert "scheduled, postponed, cancelled, rescheduled, moved-online" in result.err
    assert tree(out) == before


def test_status_at_the_top_level_points_inside_event(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = _site(make_site, {"summit": None})
    (site / "content/summit.yaml").write_text(
        _sidecar(None) + "status: cancelled\n", encoding="utf-8"
    )
    result = cli("check", "-s", str(site))
    assert result.code == 1
    assert "content/summit.yaml:10: unknown key 'status': it belongs inside event" in result.err


@pytest.mark.browser
def test_pages_with_every_status_are_valid_html(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    from test_html_valid import nu_messages

    out = _build(cli, _site(make_site, {s.replace("-", ""): s for s in STATUS_NAMES}))
    pages = [*sorted(out.glob("briefings/*/index.html")), out / "index.html"]
    pages += [out / "tags/diplomacy/index.html", *sorted(out.glob("topics/*/index.html"))]
    assert nu_messages(pages) == []


def test_the_live_countdown_does_not_count_to_a_cancelled_event(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    open_url: Callable[..., Opened],
) -> None:
    site = _site(make_site, {"gone": "cancelled", "later": "postponed", "same": None})
    (site / "briefing.yaml").write_text("title: Briefings\n", encoding="utf-8")  # served at /
    out = _build(cli, site, "2025-02-03T10:00:00-05:00")  # the page's text is days stale
    at = datetime.fromisoformat("2025-02-07T10:30:00-05:00")  # the old day, before its hour
    with serve(out) as url:
        for slug, expected in (("gone", "Cancelled"), ("later", "Postponed: no new date yet")):
            page = open_url(f"{url}briefings/{slug}/", at).page
            countdown = page.locator("time.countdown")
            page.clock.run_for(2000)
            assert countdown.text_content() == expected
            page.clock.fast_forward("48:00:00")  # past the old date: still no "Took place"
            page.clock.run_for(2000)
            assert countdown.text_content() == expected
        # The script runs on these pages: the scheduled one is brought up to the minute.
        page = open_url(f"{url}briefings/same/", at).page
        page.clock.run_for(2000)
        assert page.locator("time.countdown").text_content() == "Today"
        home = open_url(url, at).page
        home.clock.run_for(2000)
        texts = home.locator("time.countdown").all_text_contents()
        assert "Cancelled" in texts and "Postponed: no new date yet" in texts


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_status_lines_and_marks_pass_axe(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    open_url: Callable[..., Opened],
    scheme: str,
) -> None:
    from test_a11y import AXE

    site = _site(make_site, {s.replace("-", ""): s for s in STATUS_NAMES})
    (site / "briefing.yaml").write_text("title: Briefings\n", encoding="utf-8")  # served at /
    out = _build(cli, site)
    found = {}
    with serve(out) as url:
        topics = [
            p.parent.relative_to(out).as_posix() + "/" for p in out.glob("topics/*/index.html")
        ]
        for path in (
            "",
            "briefings/cancelled/",
            "briefings/movedonline/",
            "tags/diplomacy/",
            *topics[:1],
        ):
            at = datetime.fromisoformat(NOW)
            page = open_url(url + path, at, color_scheme=scheme).page
            page.clock.resume()  # axe waits on timers of its own
            results = AXE.run(page)
            if results.violations_count:
                found[path or "/"] = results.generate_report()
    assert found == {}


REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "realworld" / "content"


def _with_status(sidecar: str, status: str) -> str:
    """A real sidecar with `status:` added under its `event:`, indented as its keys are."""
    lines = sidecar.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.rstrip() == "event:")
    indent = re.match(r"\s*", lines[at + 1]).group(0)  # type: ignore[union-attr]
    lines.insert(at + 1, f"{indent}status: {status}\n")
    return "".join(lines)


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="no ../shared/eval/realworld")
def test_every_real_article_carries_its_status_everywhere(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """The real-world set's articles, each given a status in turn: whatever their event
    (all-day, multi-day, timed, long past), the page, JSON-LD and calendar agree."""
    files: dict[str, str | bytes] = {"briefing.yaml": "title: B\nbase_url: https://e.test/\n"}
    statuses = sorted(STATUS_NAMES)
    given = {}
    for n, sidecar in enumerate(sorted(REALWORLD.glob("*.yaml"))):
        text = sidecar.read_text(encoding="utf-8")
        if not re.search(r"^event:\s*$", text, re.M):
            continue
        given[sidecar.stem] = statuses[n % len(statuses)]
        files[f"content/{sidecar.name}"] = _with_status(text, given[sidecar.stem])
        files[f"content/{sidecar.stem}.txt"] = sidecar.with_suffix(".txt").read_bytes()
    assert len(given) >= 20
    out = _build(cli, make_site(files), "2026-11-29T00:00:00Z")
    for slug, status in given.items():
        html = _html(out, f"briefings/{slug}/index.html")
        halted = {"cancelled": "Cancelled", "postponed": "Postponed: no new date yet"}
        if status in halted:
            assert _countdown_texts(html) == [halted[status]], slug
        else:
            assert _countdown_texts(html)[0].startswith(("Took place", "Starts in")), slug
        assert bool(_status_line(html)) == (status != "scheduled"), slug
        event = json.loads(
            re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1)  # type: ignore[union-attr]
        )["about"]
        assert event["eventStatus"].endswith(STATUS_NAMES[status]), slug
        ics = icalendar.Calendar.from_ical((out / f"briefings/{slug}/{slug}.ics").read_bytes())
        want = {"cancelled": "CANCELLED", "postponed": "TENTATIVE", "scheduled": None}
        assert ics.walk("VEVENT")[0].get("STATUS") == want.get(status, "CONFIRMED"), slug


@pytest.mark.parametrize("status", ["moved-online", "cancelled"])
def test_a_rebuild_after_the_status_changes_redraws_every_place_that_shows_it(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run], status: str
) -> None:
    """The build cache keeps cards and pages keyed on what they show: the status is part of it."""
    site = _site(make_site, {"summit": None, "other": None})
    out = _build(cli, site)
    (site / "content/summit.yaml").write_text(_sidecar(status), encoding="utf-8")
    out = _build(cli, site)
    label = {"moved-online": "Moved online", "cancelled": "Cancelled"}[status]
    for path in ("briefings/summit/index.html", "index.html", "tags/diplomacy/index.html"):
        assert f'data-event-status="{status}"' in _html(out, path), path
    assert _status_line(_html(out)).startswith(label)
    assert f"<title>{label}: Leaders meet in Geneva (summit)</title>" in _html(out, "feed.xml")
    assert "SEQUENCE:1" in _ics(out)


def test_a_new_article_shows_where_the_status_goes(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """`new` writes the status as a comment under the event: uncommented, it builds."""
    site = make_site({"briefing.yaml": "title: B\ntimezone: Europe/Paris\n"})
    start = "2025-03-01T10:00:00+01:00"
    assert cli("new", "Paris talks", "-s", str(site), "--event-start", start).code == 0
    (article,) = (site / "content").glob("*.md")
    text = article.read_text(encoding="utf-8")
    assert "postponed, cancelled, rescheduled, moved-online" in text
    text = text.replace("draft: true", "draft: false")  # published, for the build to show
    article.write_text(text.replace("  # status: cancelled", "  status: cancelled"), "utf-8")
    out = _build(cli, site, "2030-01-01T00:00:00+01:00")  # after `new` dated it, and the event
    html = _html(out, "briefings/paris-talks/index.html")
    assert _countdown_texts(html) == ["Cancelled"]


def test_search_results_say_the_status_not_upcoming(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    open_url: Callable[..., Opened],
) -> None:
    site = _site(make_site, {"gone": "cancelled", "online": "moved-online", "same": None})
    (site / "briefing.yaml").write_text("title: Briefings\n", encoding="utf-8")  # served at /
    out = _build(cli, site)
    with serve(out) as url:
        page = open_url(f"{url}search/?q=geneva", datetime.fromisoformat(NOW)).page
        page.clock.resume()
        page.wait_for_function("document.querySelectorAll('.search-results li').length === 3")
        items = page.locator(".search-results li")
        by_slug = {}
        for n in range(items.count()):
            title = items.nth(n).locator("h2").inner_text()
            slug = title.rsplit("(", 1)[1].rstrip(")")
            by_slug[slug] = str(items.nth(n).locator(".result-meta").text_content())
    assert "Cancelled:" in by_slug["gone"] and "Upcoming" not in by_slug["gone"]
    assert "Moved online" in by_slug["online"] and "Upcoming:" in by_slug["online"]
    assert "Upcoming:" in by_slug["same"] and "Cancelled" not in by_slug["same"]


def _dated(slug: str, start: str, status: str | None) -> str:
    """A sidecar like `_sidecar`'s with its own event start (and so its own place in time)."""
    return _sidecar(status, slug).replace("2025-02-07T11:00:00-05:00", start)


def _lead_and_list(out: Path, path: str = "index.html") -> tuple[str, list[str]]:
    """The home page's featured briefing (its <h1>) and the slugs of the cards after it."""
    html = _html(out, path)
    h1 = re.search(r"<h1[^>]*>([^<]*)</h1>", html)
    assert h1 is not None
    cards = re.findall(r'class="card-title"[^>]*><a href="[^"]*">[^<]*\((\w+)\)</a>', html)
    return h1.group(1), cards


def test_the_home_page_features_the_next_event_that_goes_ahead(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """A cancelled or postponed event sooner than the next real one is listed (with its
    status), not featured: the front page leads with what will happen next."""
    files: dict[str, str | bytes] = {"briefing.yaml": "title: Briefings\n"}
    events = {
        "gone": ("2025-02-06T11:00:00-05:00", "cancelled"),
        "later": ("2025-02-06T15:00:00-05:00", "postponed"),
        "next": ("2025-02-08T11:00:00-05:00", "rescheduled"),  # goes ahead: its new date
        "after": ("2025-02-09T11:00:00-05:00", None),
        "old": ("2025-01-20T11:00:00-05:00", None),
    }
    for slug, (start, status) in events.items():
        files[f"content/{slug}.txt"] = _BODY
        files[f"content/{slug}.yaml"] = _dated(slug, start, status)
    out = _build(cli, make_site(files))
    lead, cards = _lead_and_list(out)
    assert lead == "Leaders meet in Geneva (next)"
    # Going ahead soonest first, then the called-off ones soonest first, then the past.
    assert cards == ["after", "gone", "later", "old"]
    home = _html(out, "index.html")
    assert ">Cancelled</time>" in home and ">Postponed: no new date yet</time>" in home
    assert "<title>Leaders meet in Geneva (next)" in home
    # The archive keeps the home page's order.
    archive = re.findall(r"\((\w+)\)</a>", _html(out, "briefings/index.html"))
    assert archive == ["next", "after", "gone", "later", "old"]


def test_with_nothing_going_ahead_the_latest_briefing_leads_not_a_called_off_one(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    files: dict[str, str | bytes] = {"briefing.yaml": "title: Briefings\n"}
    events = {
        "gone": ("2025-02-06T11:00:00-05:00", "cancelled"),
        "old": ("2025-01-20T11:00:00-05:00", None),
        "older": ("2025-01-10T11:00:00-05:00", None),
    }
    for slug, (start, status) in events.items():
        files[f"content/{slug}.txt"] = _BODY
        files[f"content/{slug}.yaml"] = _dated(slug, start, status)
    site = make_site(files)
    lead, cards = _lead_and_list(_build(cli, site))
    assert lead == "Leaders meet in Geneva (old)"
    assert cards == ["gone", "older"]
    # Only when every briefing is called off does one of them lead.
    for slug in ("old", "older"):
        (site / f"content/{slug}.yaml").write_text(
            _dated(slug, events[slug][0], "postponed"), encoding="utf-8"
        )
    lead, cards = _lead_and_list(_build(cli, site))
    assert lead == "Leaders meet in Geneva (gone)"
    assert cards == ["old", "older"]


def _moved_from(previous: str, status: str = "rescheduled", start: str = "") -> str:
    """`_sidecar(status)` with `previous_start` under the event (line 10), and a new start."""
    text = _sidecar(status).replace("tags:", f"  previous_start: {previous}\ntags:")
    return text.replace("2025-02-07T11:00:00-05:00", start) if start else text


def test_a_rescheduled_event_says_when_it_was_first_due(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = _site(make_site, {"summit": None})
    (site / "content/summit.yaml").write_text(
        _moved_from("2025-02-04T09:30:00-05:00"), encoding="utf-8"
    )
    out = _build(cli, site)
    html = _html(out)
    assert _status_line(html) == (
        "Rescheduled from Tuesday, February 4, 2025, 9:30 a.m. EST. "
        "The event has a new date: the one given here."
    )
    assert '<time datetime="2025-02-04T09:30:00-05:00">' in html
    assert _countdown_texts(html) == ["Starts in 2 days"]  # to the new date
    event = _jsonld_event(out)
    assert event["startDate"] == "2025-02-07T11:00:00-05:00"
    assert event["previousStartDate"] == "2025-02-04T09:30:00-05:00"
    description = "".join(line.removeprefix(" ") for line in _ics(out))  # unfolded
    assert "DESCRIPTION:Rescheduled from Tuesday\\, February 4\\, 2025\\, 9:30 a.m. EST." in (
        description
    )
    explained = cli("explain", str(site / "content/summit.yaml"))
    assert "previous start: 2025-02-04T09:30:00-05:00" in explained.out
    # A later edit of the old date is seen on the rebuilt page (the cache keys on it).
    (site / "content/summit.yaml").write_text(
        _moved_from("2025-02-03T09:30:00-05:00"), encoding="utf-8"
    )
    assert "Rescheduled from Monday, February 3" in _status_line(_html(_build(cli, site)))


def test_an_all_day_rescheduled_event_gives_the_old_day(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = _site(make_site, {"summit": None})
    (site / "content/summit.yaml").write_text(
        _moved_from("2025-02-04", start="2025-02-07"), encoding="utf-8"
    )
    out = _build(cli, site)
    assert _status_line(_html(out)).startswith("Rescheduled from Tuesday, February 4, 2025. ")
    event = _jsonld_event(out)
    assert (event["startDate"], event["previousStartDate"]) == ("2025-02-07", "2025-02-04")


@pytest.mark.parametrize(
    ("value", "status", "why"),
    [
        ("2025-02-07T11:00:00-05:00", "rescheduled", "is the same as start;"),
        ("2025-02-04", "rescheduled", "must be the same kind as start (date or date-time)"),
        ("Feb 4", "rescheduled", "'Feb 4' is not an ISO 8601 date"),
        ("2025-02-04T09:30:00Z", "rescheduled", "'2025-02-04T09:30:00Z': offset +0000 disagrees"),
        ("", "rescheduled", "is empty;"),
        ("2025-02-04", "postponed", "a postponed event keeps the date it was due as its start"),
        ("2025-02-04T09:30:00-05:00", "cancelled", "only a rescheduled event was due at another"),
    ],
)
def test_a_wrong_previous_start_is_named_at_its_line_and_the_build_kept(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    value: str,
    status: str,
    why: str,
) -> None:
    site = _site(make_site, {"summit": "rescheduled"})
    out = _build(cli, site)
    before = tree(out)
    (site / "content/summit.yaml").write_text(_moved_from(value, status), encoding="utf-8")
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert result.err.startswith(f"content/summit.yaml:10: event.previous_start: {why}"), result.err
    assert tree(out) == before


def test_a_reader_sees_the_next_going_ahead_event_lead_the_home_page(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    open_url: Callable[..., Opened],
) -> None:
    """In the browser: the featured briefing is the rescheduled event (it goes ahead),
    its status line says when it was first due and its countdown runs live; the sooner
    cancelled event is a card below that says so and never counts down."""
    files: dict[str, str | bytes] = {"briefing.yaml": "title: Briefings\n"}  # served at /
    files["content/gone.txt"] = files["content/next.txt"] = _BODY
    files["content/gone.yaml"] = _dated("gone", "2025-02-06T11:00:00-05:00", "cancelled")
    files["content/next.yaml"] = _moved_from(
        "2025-02-04T09:30:00-05:00", start="2025-02-08T11:00:00-05:00"
    ).replace("(summit)", "(next)")
    out = _build(cli, make_site(files), "2025-02-03T10:00:00-05:00")  # stale by two days
    with serve(out) as url:
        page = open_url(url, datetime.fromisoformat("2025-02-07T10:30:00-05:00")).page
        page.clock.run_for(2000)
        lead = page.locator("article.briefing")
        assert lead.locator("h1").inner_text() == "Leaders meet in Geneva (next)"
        assert (
            lead.locator(".event-status")
            .inner_text()
            .startswith("RESCHEDULED FROM Tuesday, February 4, 2025, 9:30 a.m. EST.")
        )
        # Built days before, brought up to the minute by the live script.
        assert lead.locator("time.countdown").inner_text() == "Starts in 1 day, 0 hours, 29 minutes"
        cards = page.locator(".more article.card")
        assert cards.count() == 1
        assert "(gone)" in cards.locator(".card-title").inner_text()
        assert cards.locator("time.countdown").inner_text() == "Cancelled"
