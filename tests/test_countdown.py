"""The build-time countdown: state and text from an event and a fixed build clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from briefing_site.content.countdown import (
    NEAR,
    compute_countdown,
    day_in_zone,
    live_text,
    next_change,
)
from briefing_site.model import Event

NY = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")

SEED = Event(
    name="Japan-US summit",
    start=datetime(2025, 2, 7, 11, 55, tzinfo=NY),
    timezone="America/New_York",
    location="The White House, Washington, D.C.",
    also_in=("Asia/Tokyo",),
)


def ny(year: int, month: int, day: int, hour: int = 0, minute: int = 0, sec: int = 0) -> datetime:
    """A wall-clock time in New York, the seed event's zone."""
    return datetime(year, month, day, hour, minute, sec, tzinfo=NY)


def date_only(year: int, month: int, day: int, last: tuple[int, int, int] | None = None) -> Event:
    return Event(
        name="Day event",
        start=ny(year, month, day),
        end=ny(*last) if last else None,
        timezone="America/New_York",
        all_day=True,
    )


def test_seed_counts_down_days_hours_minutes_before_the_event() -> None:
    countdown = compute_countdown(SEED, ny(2025, 2, 5, 10, 0))
    assert countdown.state == "upcoming"
    assert countdown.text == "Starts in 2 days"  # 48 hours or more: whole days at build time
    assert live_text(SEED, ny(2025, 2, 5, 10, 0)) == "Starts in 2 days, 1 hour, 55 minutes"
    assert countdown.target == SEED.start
    assert countdown.timezone == "America/New_York"


def test_date_only_event_counts_down_to_midnight_in_its_zone() -> None:
    event = date_only(2025, 2, 7)
    countdown = compute_countdown(event, event.start - timedelta(hours=38))
    assert (countdown.state, countdown.text) == ("upcoming", "Starts in 1 day, 14 hours, 0 minutes")


@pytest.mark.parametrize(
    ("before", "text"),
    [
        (timedelta(hours=5, minutes=3), "Starts in 5 hours, 3 minutes"),
        (timedelta(hours=5, minutes=3, seconds=59), "Starts in 5 hours, 3 minutes"),
        (timedelta(hours=1, minutes=1), "Starts in 1 hour, 1 minute"),
        (timedelta(days=1, minutes=2), "Starts in 1 day, 0 hours, 2 minutes"),
        (
            timedelta(days=1, hours=23, minutes=59, seconds=59),
            "Starts in 1 day, 23 hours, 59 minutes",
        ),
        (timedelta(days=2), "Starts in 2 days"),
        (timedelta(days=12, hours=2), "Starts in 12 days"),
    ],
)
def test_upcoming_text_floors_to_minutes_and_counts_units_right(
    before: timedelta, text: str
) -> None:
    event = date_only(2025, 2, 7)
    assert compute_countdown(event, event.start - before).text == text


def test_instants_in_any_zone_give_the_same_answer() -> None:
    now = ny(2025, 2, 5, 10, 0)
    for other in (now.astimezone(UTC), now.astimezone(TOKYO)):
        assert compute_countdown(SEED, other) == compute_countdown(SEED, now)


def test_event_day_before_the_start_time_is_today() -> None:
    countdown = compute_countdown(SEED, ny(2025, 2, 7, 8, 0))
    assert (countdown.state, countdown.text) == ("today", "Today")


def test_late_in_washington_is_today_though_tokyo_is_on_the_next_day() -> None:
    now = ny(2025, 2, 7, 23, 30).astimezone(TOKYO)
    assert now.date().day == 8
    assert compute_countdown(SEED, now).state == "today"


def test_window_spans_the_event_day_in_its_zone() -> None:
    countdown = compute_countdown(SEED, ny(2025, 2, 1))
    assert countdown.window_start == ny(2025, 2, 7)
    assert countdown.window_end == ny(2025, 2, 8)
    assert countdown.window_start.tzinfo == NY
    assert countdown.window_start.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(
    ("now", "state", "text"),
    [
        (ny(2025, 2, 6, 23, 59, 59), "upcoming", "Starts in 11 hours, 55 minutes"),
        (ny(2025, 2, 7), "today", "Today"),
        (ny(2025, 2, 7, 23, 59, 59), "today", "Today"),
        (ny(2025, 2, 8), "past", "Took place 1 day ago"),
    ],
)
def test_window_boundaries(now: datetime, state: str, text: str) -> None:
    countdown = compute_countdown(SEED, now)
    assert (countdown.state, countdown.text) == (state, text)


@pytest.mark.parametrize(
    ("now", "text"),
    [
        (ny(2025, 2, 9, 0, 0), "Took place 2 days ago"),
        (ny(2025, 2, 8, 23, 59), "Took place 1 day ago"),
        (ny(2026, 11, 28, 12, 0), "Took place 659 days ago"),
        # 03:00 UTC on Nov 28 is still Nov 27 in New York: calendar days in the event's zone.
        (datetime(2026, 11, 28, 3, 0, tzinfo=UTC), "Took place 658 days ago"),
        (datetime(2026, 11, 27, 22, 0, tzinfo=NY).astimezone(TOKYO), "Took place 658 days ago"),
    ],
)
def test_past_counts_calendar_days_in_the_event_zone(now: datetime, text: str) -> None:
    countdown = compute_countdown(SEED, now)
    assert (countdown.state, countdown.text) == ("past", text)


def test_spring_forward_day_is_23_hours_long() -> None:
    event = date_only(2025, 3, 9)
    countdown = compute_countdown(event, ny(2025, 3, 1))
    length = countdown.window_end.astimezone(UTC) - countdown.window_start.astimezone(UTC)
    assert length == timedelta(hours=23)
    assert countdown.window_end.utcoffset() == timedelta(hours=-4)
    late = datetime(2025, 3, 10, 3, 30, tzinfo=UTC)  # 23:30 EDT on Mar 9
    assert compute_countdown(event, late).state == "today"
    assert compute_countdown(event, datetime(2025, 3, 10, 4, 0, tzinfo=UTC)).state == "past"


def test_fall_back_day_is_25_hours_long() -> None:
    countdown = compute_countdown(date_only(2025, 11, 2), ny(2025, 10, 1))
    length = countdown.window_end.astimezone(UTC) - countdown.window_start.astimezone(UTC)
    assert length == timedelta(hours=25)


def test_countdown_across_the_dst_change_counts_real_hours() -> None:
    event = Event("Talks", start=ny(2025, 3, 10, 12, 0), timezone="America/New_York")
    # Noon EST on Mar 8 to noon EDT on Mar 10 is 47 hours, not 48.
    countdown = compute_countdown(event, ny(2025, 3, 8, 12, 0))
    assert countdown.text == "Starts in 1 day, 23 hours, 0 minutes"


def test_multi_day_event_is_today_on_each_day_then_past() -> None:
    event = date_only(2025, 6, 2, last=(2025, 6, 4))
    for day in (2, 3, 4):
        for hour in (0, 12, 23):
            assert compute_countdown(event, ny(2025, 6, day, hour)).state == "today"
    assert compute_countdown(event, ny(2025, 6, 1, 23, 59)).state == "upcoming"
    after = compute_countdown(event, ny(2025, 6, 5))
    assert (after.state, after.text) == ("past", "Took place 1 day ago")
    assert after.window_end == ny(2025, 6, 5)
    assert compute_countdown(event, ny(2025, 6, 14, 9)).text == "Took place 10 days ago"


def test_timed_multi_day_event_window_ends_after_the_end_day() -> None:
    event = Event(
        "Summit",
        start=ny(2025, 6, 2, 9, 0),
        end=ny(2025, 6, 3, 17, 0),
        timezone="America/New_York",
    )
    assert compute_countdown(event, ny(2025, 6, 3, 22, 0)).state == "today"
    assert compute_countdown(event, ny(2025, 6, 4, 0, 0)).state == "past"


def test_timed_event_ending_at_midnight_is_today_only_on_the_days_it_covers() -> None:
    """An evening ending at 00:00 covers none of the next day: that day it is past."""
    event = Event(
        "Gala", start=ny(2025, 6, 2, 19, 0), end=ny(2025, 6, 3), timezone="America/New_York"
    )
    assert compute_countdown(event, ny(2025, 6, 2, 23, 59)).state == "today"
    after = compute_countdown(event, ny(2025, 6, 3, 0, 0))
    assert (after.state, after.text) == ("past", "Took place 1 day ago")
    assert after.window_end == ny(2025, 6, 3)
    assert compute_countdown(event, ny(2025, 6, 3, 12, 0)).text == "Took place 1 day ago"
    # A night that runs past 00:00 still covers its second day.
    late = Event(
        "Vote", start=ny(2025, 6, 2, 19), end=ny(2025, 6, 3, 0, 1), timezone=event.timezone
    )
    assert compute_countdown(late, ny(2025, 6, 3, 12, 0)).state == "today"
    # Three whole days ending at midnight: today on those three, past on the fourth.
    three = Event("Fair", start=ny(2025, 6, 2), end=ny(2025, 6, 5), timezone=event.timezone)
    assert compute_countdown(three, ny(2025, 6, 4, 23)).state == "today"
    assert compute_countdown(three, ny(2025, 6, 5, 1)).state == "past"


def test_all_day_event_end_still_names_its_last_day() -> None:
    """An all-day event's end is 00:00 of its last day, which it does cover."""
    event = date_only(2025, 6, 2, last=(2025, 6, 3))
    assert compute_countdown(event, ny(2025, 6, 3, 12, 0)).state == "today"


def test_zone_with_midnight_gap_starts_the_day_at_its_first_instant() -> None:
    # America/Havana springs forward at 00:00 -> 01:00 (2025-03-09): the day begins at 01:00.
    havana = ZoneInfo("America/Havana")
    event = Event("Talks", start=datetime(2025, 3, 9, 10, tzinfo=havana), timezone="America/Havana")
    countdown = compute_countdown(event, datetime(2025, 3, 1, tzinfo=UTC))
    assert countdown.window_start.astimezone(UTC) == datetime(2025, 3, 9, 5, 0, tzinfo=UTC)
    assert countdown.window_start.hour == 1


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        compute_countdown(SEED, datetime(2025, 2, 5, 10, 0))


@pytest.mark.parametrize(
    "before",
    [
        timedelta(days=12, hours=2, seconds=1),
        timedelta(days=2, minutes=1),
        timedelta(days=2),
        timedelta(days=1, hours=23, minutes=59, seconds=30),
        timedelta(minutes=30, microseconds=1),
        timedelta(seconds=20),
        timedelta(hours=-3),  # today, after the start
        timedelta(days=-3, hours=-5),  # past
    ],
)
def test_next_change_is_exactly_when_the_build_time_text_changes(before: timedelta) -> None:
    """The text holds up to `next_change` and differs just after it: so a rebuild may reuse it."""
    now = SEED.start - before
    change = next_change(SEED, now)
    shown = compute_countdown(SEED, now)
    assert change > now
    assert compute_countdown(SEED, change - timedelta(microseconds=1)) == shown
    assert compute_countdown(SEED, change) != shown


def test_far_from_the_event_the_build_time_text_holds_for_hours() -> None:
    now = SEED.start - timedelta(days=5, hours=3)
    assert next_change(SEED, now) - now == timedelta(hours=3, microseconds=1)
    near = SEED.start - NEAR + timedelta(seconds=30)
    assert next_change(SEED, near) - near == timedelta(seconds=30, microseconds=1)


@pytest.mark.parametrize(
    "minutes", [-40 * 1440, -1441, -1, 0, 1, 59, 60 * 5, 1439, 1440, 2880, 2881, 40 * 1440]
)
def test_next_change_from_a_known_countdown_is_the_same_instant(minutes: int) -> None:
    """A build passes each briefing's countdown (already computed at its clock) to
    `next_change` instead of working out the event's window again: same answer."""
    now = SEED.start + timedelta(minutes=minutes)
    assert next_change(SEED, now, compute_countdown(SEED, now)) == next_change(SEED, now)


@pytest.mark.parametrize(
    "now",
    [
        datetime(2025, 2, 2, 1, 0, tzinfo=UTC),  # upcoming: "Starts in 5 days" all night
        datetime(2025, 2, 8, 1, 0, tzinfo=UTC),  # today in New York, the 8th in UTC
        datetime(2025, 2, 11, 1, 0, tzinfo=UTC),  # past
    ],
    ids=["upcoming", "today", "past"],
)
def test_the_day_a_countdown_is_counted_on_is_the_event_zone_s_and_holds_to_its_midnight(
    now: datetime,
) -> None:
    """The countdown's "as of" line says the day in the event's zone (the 7th at 20:00
    in New York, though UTC says the 8th), and a build's countdown holds no later
    than that zone's next midnight, when the line reads differently."""
    day = day_in_zone(now, SEED.timezone)
    assert day == (now - timedelta(days=1)).date()  # 01:00 UTC is the evening before
    midnight = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=NY)
    change = next_change(SEED, now)
    assert change <= midnight
    assert day_in_zone(change - timedelta(microseconds=1), SEED.timezone) == day
    assert day_in_zone(midnight, SEED.timezone) != day
