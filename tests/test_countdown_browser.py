"""The live countdown script in a real browser (Chromium via Playwright, fake clock).

The pages are written here from the markup contract the templates emit, with the
build-time text from `compute_countdown`, and served over HTTP on 127.0.0.1. The
script must give the same state and words as Python at every instant, whatever the
reader's time zone.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from conftest import Opened, serve

from briefing_site.content.countdown import compute_countdown, live_text
from briefing_site.model import Event

pytestmark = pytest.mark.browser  # launches Chromium: `pytest -m "not browser"` skips these
SCRIPT = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "briefing_site"
    / "theme"
    / "static"
    / "briefing.js"
)
NY = ZoneInfo("America/New_York")
SEED = Event(
    name="Japan-US summit",
    start=datetime(2025, 2, 7, 11, 55, tzinfo=NY),
    timezone="America/New_York",
)
DAY_EVENT = Event(
    name="Day event",
    start=datetime(2025, 3, 9, tzinfo=NY),
    timezone="America/New_York",
    all_day=True,
)
GALA = Event(  # a timed evening that ends exactly at midnight
    name="Gala",
    start=datetime(2025, 2, 10, 19, tzinfo=NY),
    end=datetime(2025, 2, 11, tzinfo=NY),
    timezone="America/New_York",
)
BUILT_AT = datetime(2025, 1, 28, 12, 0, tzinfo=NY)  # the pages' build clock: text is stale
# Half a minute past the minute, so a tick up to a second either side gives the same text.
INSTANTS = [
    datetime(2025, 2, 5, 10, 0, 30, tzinfo=NY),
    datetime(2025, 2, 7, 11, 0, 30, tzinfo=NY),
    datetime(2025, 2, 7, 23, 30, 30, tzinfo=NY),  # Feb 8 in Tokyo
    datetime(2025, 2, 8, 0, 0, 30, tzinfo=NY),
    datetime(2026, 11, 28, 3, 0, 30, tzinfo=UTC),  # Nov 27 in New York, Nov 28 in Tokyo
    datetime(2026, 11, 28, 12, 0, 30, tzinfo=NY),
]


def _box(event: Event) -> str:
    """The countdown box as the default theme's `_countdown.html` wraps it."""
    countdown = compute_countdown(event, BUILT_AT)
    return f"""<div class="countdown-box">
  <p class="countdown-line"><span class="countdown-label">{html.escape(event.name)}:</span>
    <time class="countdown" role="timer" aria-live="off"
          datetime="{html.escape(event.start.isoformat())}" data-state="{countdown.state}"
          data-window-start="{html.escape(countdown.window_start.isoformat())}"
          data-window-end="{html.escape(countdown.window_end.isoformat())}"
          data-zone="{html.escape(countdown.timezone)}">{html.escape(countdown.text)}</time>
  </p>
  <p class="visually-hidden" role="status" data-countdown-status></p>
</div>"""


def _page_html(event: Event) -> str:
    """A page with the countdown markup of the template contract, built at BUILT_AT."""
    countdown = compute_countdown(event, BUILT_AT)
    start = html.escape(event.start.isoformat())
    all_day = " data-all-day" if event.all_day else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(event.name)}</title>
<link rel="icon" href="data:,">
<script src="briefing.js" defer></script></head>
<body>
<p class="countdown-line">
  <time class="countdown" role="timer" aria-live="off"
        datetime="{start}"
        data-state="{countdown.state}"
        data-window-start="{html.escape(countdown.window_start.isoformat())}"
        data-window-end="{html.escape(countdown.window_end.isoformat())}"
        data-zone="{html.escape(countdown.timezone)}">{html.escape(countdown.text)}</time>
</p>
<p class="visually-hidden" role="status" data-countdown-status></p>
<time class="local-time" datetime="{start}"{all_day} hidden></time>
</body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the test pages over real HTTP; yields the base URL."""
    root = tmp_path_factory.mktemp("site")
    shutil.copy(SCRIPT, root / "briefing.js")
    (root / "seed.html").write_text(_page_html(SEED), encoding="utf-8")
    (root / "day.html").write_text(_page_html(DAY_EVENT), encoding="utf-8")
    (root / "gala.html").write_text(_page_html(GALA), encoding="utf-8")
    later = Event("Dinner", start=datetime(2025, 2, 9, 19, tzinfo=NY), timezone="America/New_York")
    (root / "two.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two</title>'
        '<link rel="icon" href="data:,"><script src="briefing.js" defer></script></head>'
        f"<body><main>{_box(later)}<ul><li>{_box(SEED)}</li></ul></main></body></html>",
        encoding="utf-8",
    )
    (root / "plain.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title>'
        '<link rel="icon" href="data:,">'
        '<script src="briefing.js" defer></script></head><body><p>No event.</p></body></html>',
        encoding="utf-8",
    )
    with serve(root) as url:
        yield url


@pytest.fixture
def open_page(open_url: Callable[..., Opened], site: str) -> Callable[..., Opened]:
    """Open one of this module's pages at `path` with the fake clock at `at`."""
    return lambda path, at, **options: open_url(site + path, at, **options)


def _countdown(page: Any) -> tuple[str, str]:
    element = page.locator("time.countdown")
    return element.get_attribute("data-state"), element.text_content()


def _python(event: Event, at: datetime) -> tuple[str, str]:
    """What the script should show at `at`: the state, and the words to the minute."""
    return compute_countdown(event, at).state, live_text(event, at)


def _built(event: Event, at: datetime) -> tuple[str, str]:
    """What a page built at `at` says without the script."""
    countdown = compute_countdown(event, at)
    return countdown.state, countdown.text


def test_counts_down_and_ticks_as_the_clock_advances(open_page: Callable[..., Opened]) -> None:
    at = datetime(2025, 2, 5, 9, 59, 59, 500000, tzinfo=NY)
    page = open_page("seed.html", at).page
    assert _countdown(page) == ("upcoming", "Starts in 2 days, 1 hour, 55 minutes")
    page.clock.run_for(60_000)
    assert _countdown(page) == ("upcoming", "Starts in 2 days, 1 hour, 54 minutes")
    page.clock.fast_forward("02:00:00")
    page.clock.run_for(30_000)
    assert _countdown(page) == ("upcoming", "Starts in 1 day, 23 hours, 53 minutes")


def test_agrees_with_python_in_tokyo_and_new_york(open_page: Callable[..., Opened]) -> None:
    seen: dict[str, list[tuple[str, str]]] = {}
    for zone in ("Asia/Tokyo", "America/New_York"):
        page = open_page("seed.html", INSTANTS[0], timezone_id=zone).page
        seen[zone] = []
        for instant in INSTANTS:
            page.clock.pause_at(instant)
            page.clock.run_for(1000)
            seen[zone].append(_countdown(page))
    expected = [_python(SEED, instant) for instant in INSTANTS]
    assert seen["Asia/Tokyo"] == seen["America/New_York"] == expected
    assert ("past", "Took place 658 days ago") in expected
    assert ("past", "Took place 659 days ago") in expected
    assert expected[2] == ("today", "Today")


def test_event_day_before_the_start_time_is_today(open_page: Callable[..., Opened]) -> None:
    at = datetime(2025, 2, 7, 8, 0, tzinfo=NY)
    page = open_page("seed.html", at, timezone_id="Asia/Tokyo").page
    assert _countdown(page) == ("today", "Today")


def test_long_after_counts_calendar_days(open_page: Callable[..., Opened]) -> None:
    at = datetime(2026, 11, 28, 12, 0, tzinfo=NY)
    page = open_page("seed.html", at, timezone_id="Pacific/Kiritimati").page
    assert _countdown(page) == ("past", "Took place 659 days ago")


def test_dst_day_ends_after_23_hours(open_page: Callable[..., Opened]) -> None:
    at = datetime(2025, 3, 9, 23, 59, 0, tzinfo=NY)
    page = open_page("day.html", at, timezone_id="Europe/London").page
    assert _countdown(page) == ("today", "Today")
    page.clock.run_for(61_000)
    assert _countdown(page) == ("past", "Took place 1 day ago")


def test_event_ending_at_midnight_is_past_as_the_next_day_begins(
    open_page: Callable[..., Opened],
) -> None:
    at = datetime(2025, 2, 10, 23, 59, 0, tzinfo=NY)
    page = open_page("gala.html", at, timezone_id="Asia/Tokyo").page
    assert _countdown(page) == ("today", "Today") == _python(GALA, at)
    page.clock.run_for(61_000)
    after = at + timedelta(seconds=61)
    assert _countdown(page) == ("past", "Took place 1 day ago") == _python(GALA, after)


def test_state_change_is_announced_once(open_page: Callable[..., Opened]) -> None:
    at = datetime(2025, 2, 6, 23, 59, 0, tzinfo=NY)
    page = open_page("seed.html", at).page
    status = page.locator("[data-countdown-status]")
    page.evaluate(
        """() => {
            window.statusWrites = [];
            const el = document.querySelector('[data-countdown-status]');
            new MutationObserver(() => window.statusWrites.push(el.textContent))
                .observe(el, {childList: true, characterData: true, subtree: true});
        }"""
    )
    assert status.text_content() == ""
    page.clock.run_for(120_000)
    assert _countdown(page) == ("today", "Today")
    assert status.text_content() == "The event is today."
    page.clock.run_for(30_000)
    assert page.evaluate("window.statusWrites") == ["The event is today."]
    page.clock.fast_forward("24:00:00")
    page.clock.run_for(1000)
    assert _countdown(page) == ("past", "Took place 1 day ago")
    assert page.evaluate("window.statusWrites") == [
        "The event is today.",
        "The event has taken place.",
    ]


def test_correcting_stale_text_on_load_is_not_announced(open_page: Callable[..., Opened]) -> None:
    page = open_page("seed.html", datetime(2025, 2, 7, 12, 0, tzinfo=NY)).page
    assert _countdown(page) == ("today", "Today")
    assert page.locator("[data-countdown-status]").text_content() == ""


def test_reduced_motion_updates_once_a_minute(open_page: Callable[..., Opened]) -> None:
    at = SEED.start - timedelta(days=1, hours=1, seconds=0.5)
    calm = open_page("seed.html", at, reduced_motion="reduce").page
    busy = open_page("seed.html", at, reduced_motion="no-preference").page
    for page in (calm, busy):
        assert _countdown(page) == ("upcoming", "Starts in 1 day, 1 hour, 0 minutes")
        page.clock.run_for(1000)
    assert _countdown(calm) == ("upcoming", "Starts in 1 day, 1 hour, 0 minutes")
    assert _countdown(busy) == ("upcoming", "Starts in 1 day, 0 hours, 59 minutes")
    calm.clock.run_for(60_000)
    assert _countdown(calm) == ("upcoming", "Starts in 1 day, 0 hours, 59 minutes")


def test_without_javascript_the_build_time_text_stays(open_page: Callable[..., Opened]) -> None:
    page = open_page("seed.html", INSTANTS[-1], java_script_enabled=False).page
    assert _countdown(page) == _built(SEED, BUILT_AT)
    assert _countdown(page) == ("upcoming", "Starts in 9 days")  # far off: whole days
    assert page.locator("time.local-time").is_hidden()


@pytest.mark.parametrize(
    ("zone", "text"),
    [
        ("Asia/Tokyo", "Your time: Sat, Feb 8, 1:55 AM (GMT+9)"),
        ("America/New_York", "Your time: Fri, Feb 7, 11:55 AM (EST)"),
    ],
)
def test_local_time_shows_the_start_in_the_readers_zone(
    open_page: Callable[..., Opened], zone: str, text: str
) -> None:
    page = open_page("seed.html", INSTANTS[0], timezone_id=zone).page
    local = page.locator("time.local-time")
    assert local.is_visible()
    assert local.text_content().replace("\u202f", " ") == text


def test_all_day_event_has_no_local_time(open_page: Callable[..., Opened]) -> None:
    page = open_page("day.html", datetime(2025, 3, 1, tzinfo=NY), timezone_id="Asia/Tokyo").page
    assert page.locator("time.local-time").is_hidden()
    assert page.locator("time.local-time").text_content() == ""


def test_page_without_countdown_is_left_alone(open_page: Callable[..., Opened]) -> None:
    page = open_page("plain.html", INSTANTS[0]).page
    page.clock.run_for(5000)
    assert page.locator("p").text_content() == "No event."


def test_each_countdown_announces_in_its_own_box(open_page: Callable[..., Opened]) -> None:
    page = open_page("two.html", datetime(2025, 2, 6, 23, 59, 30, tzinfo=NY)).page
    page.clock.run_for(60_000)
    states = page.locator("time.countdown").evaluate_all("els => els.map(e => e.dataset.state)")
    assert states == ["upcoming", "today"]
    statuses = page.locator("[data-countdown-status]").all_text_contents()
    assert statuses == ["", "The event is today."]


@pytest.mark.parametrize("locale", ["fa-IR", "zh-TW", "ar-EG", "hi-IN", "ja-JP", "de-DE"])
def test_local_time_names_the_zone_once_in_any_locale(
    open_page: Callable[..., Opened], locale: str
) -> None:
    # Some locales write the zone inside brackets of their own (Persian: "(... گرینویچ)"):
    # taking the zone out must not leave those brackets behind, empty.
    page = open_page("seed.html", INSTANTS[0], timezone_id="Asia/Kolkata", locale=locale).page
    text = page.locator("time.local-time").text_content()
    assert text.startswith("Your time: ")
    assert not re.search(r"[(\[\uff08\uff3b]\W*[)\]\uff09\uff3d]", text)  # no empty brackets
    assert re.search(r"\S \([^()]+\)$", text)  # the zone ends it, in brackets


@pytest.mark.parametrize("locale", ["en-GB", "de-DE", "fr-FR", "ru-RU", "bg-BG"])
def test_local_time_keeps_the_hours_leading_zero_in_24_hour_locales(
    open_page: Callable[..., Opened], locale: str
) -> None:
    # 11:55 in New York is 08:55 in Los Angeles: a 24-hour locale writes "08:55" (and
    # Bulgarian its "ч." after it), as the locale's own date-and-time pattern does.
    page = open_page("seed.html", INSTANTS[0], timezone_id="America/Los_Angeles", locale=locale)
    text = page.page.locator("time.local-time").text_content()
    assert re.search(r"\b08:55\b", text), text
    if locale == "bg-BG":
        assert "08:55 ч." in text, text
