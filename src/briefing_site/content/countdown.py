"""The event countdown at build time: state and text, from the event and the build clock.

The browser script `templates/static/briefing.js` repeats these rules and words so the
page stays live; keep the two in step. The script counts to the minute (`live_text`);
the text written at build time does so only within `NEAR` of the start and counts
whole days before that, so a page far from its event reads the same all day and a
rebuild need not redraw it (`next_change` says when it would read differently). Every interval is measured between instants
(in UTC), never between wall-clock times: Python subtracts and compares datetimes that
share a tzinfo by their wall clocks, which is wrong across a DST change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from briefing_site.model import Countdown, CountdownState, Event

NEAR = timedelta(hours=48)
"""Closer than this to its start, an event's build-time text counts minutes; else days."""

HALTED_TEXT = {"cancelled": "Cancelled", "postponed": "Postponed: no new date yet"}
"""What the countdown says instead of counting, for an event with no time to count to
(`Event.halted`); briefing.js has the same words."""


def compute_countdown(event: Event, now: datetime) -> Countdown:
    """Say whether `event` is upcoming, today or past at the instant `now`, and how far off.

    "Today" covers the event's whole calendar day(s) in its own zone, so readers
    everywhere see the same state at the same instant.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"the build clock must be an aware datetime, got naive {now.isoformat()}")
    zone = ZoneInfo(event.timezone)
    window_start, window_end = event_window(event, zone)
    state = _state(now, window_start, window_end)
    text = _text(event, zone, state, now, near=NEAR)
    return Countdown(
        state=state,
        text=text,
        target=event.start,
        window_start=window_start,
        window_end=window_end,
        timezone=event.timezone,
    )


def live_text(event: Event, now: datetime) -> str:
    """The countdown's words as the browser script shows them at `now`: always to the minute."""
    zone = ZoneInfo(event.timezone)
    state = _state(now, *event_window(event, zone))
    return _text(event, zone, state, now, near=None)


def next_change(event: Event, now: datetime, known: Countdown | None = None) -> datetime:
    """The first instant after `now` at which the build-time state or text differs, or
    the day it is counted on (the next midnight in the event's zone at the latest).

    A build's countdowns hold for every clock before it, so its output can be
    reused until then (see `horizon`). `known` is the event's countdown at
    `now` when the caller has it: its window is then not worked out again
    (at 10,000 briefings, a tenth of a second of every rebuild).
    """
    zone = ZoneInfo(event.timezone)
    if known is None:
        window_start, window_end = event_window(event, zone)
        state = _state(now, window_start, window_end)
    else:
        window_start, window_end, state = known.window_start, known.window_end, known.state
    # The line for readers without the script says the day in the event's zone ("as of
    # ..."; `day_in_zone`), so every page reads differently from that zone's next
    # midnight on. A today window ends at a midnight too, and an upcoming one starts at one.
    midnight = _midnight(day_in_zone(now, event.timezone) + timedelta(days=1), zone)
    tomorrow = midnight.astimezone(UTC)
    if state != "upcoming" or event.halted:  # a halted event's words never change
        return min(tomorrow, window_start.astimezone(UTC)) if state == "upcoming" else tomorrow
    start = event.start.astimezone(UTC)
    remaining = start - now.astimezone(UTC)
    if remaining >= NEAR:
        step = timedelta(days=remaining // timedelta(days=1))
    else:
        step = timedelta(minutes=max(0, remaining // timedelta(minutes=1)))
    # The text counts floored units: it reads one fewer just after `start - step`.
    return min(start - step + timedelta(microseconds=1), window_start.astimezone(UTC), tomorrow)


@lru_cache(maxsize=256)
def day_in_zone(now: datetime, timezone: str) -> date:
    """The calendar day of the build clock `now` in the event's zone `timezone`: the day
    the countdown's text is counted on, which its "as of" line says. Kept per zone: a
    build asks for it once per briefing, and a site's events share a few zones."""
    return now.astimezone(ZoneInfo(timezone)).date()


def _text(
    event: Event, zone: ZoneInfo, state: CountdownState, now: datetime, near: timedelta | None
) -> str:
    if event.halted:  # neither "Starts in" nor "Took place": it will not, or not then
        return HALTED_TEXT[event.status]
    if state == "upcoming":
        remaining = event.start.astimezone(UTC) - now.astimezone(UTC)
        if near is not None and remaining >= near:
            return _starts_in_days(remaining // timedelta(days=1))
        return _starts_in(remaining)
    if state == "today":
        return "Today"
    return _took_place(_last_day(event, zone), now.astimezone(zone).date())


def event_window(event: Event, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The event's calendar days in its zone: 00:00 of the first to 00:00 after the last."""
    first_day = event.start.astimezone(zone).date()
    return _midnight(first_day, zone), _midnight(_last_day(event, zone) + timedelta(days=1), zone)


def _last_day(event: Event, zone: ZoneInfo) -> date:
    """The event's last calendar day in its zone (its start's day when it has no end).

    An all-day event's `end` is 00:00 of its last day, so its date is that day. A
    timed event that ends at 00:00 (the first instant of a day) covers none of that
    day, so its last day is the one before. An end before the start (bad data)
    cannot shrink the window below the first day.
    """
    first_day = event.start.astimezone(zone).date()
    if event.end is None:
        return first_day
    last_day = event.end.astimezone(zone).date()
    if not event.all_day and event.end.astimezone(UTC) == _midnight(last_day, zone):
        last_day -= timedelta(days=1)
    return max(first_day, last_day)


# The days' bounds and the words are kept once for all the events that share them (a
# build holds every briefing's countdown, and a site's events fall on far fewer days
# than it has briefings): the same values, one object each.
@lru_cache(maxsize=4096)
def _midnight(day: date, zone: ZoneInfo) -> datetime:
    """The first instant of `day` in `zone`, as an aware datetime in that zone.

    Where a DST gap swallows 00:00 (some zones change at midnight), zoneinfo reads
    the missing wall time with the offset from before the gap, which is exactly the
    instant the day begins; the UTC round trip then shows it with its real offset.
    """
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC).astimezone(zone)


def _state(now: datetime, window_start: datetime, window_end: datetime) -> CountdownState:
    instant = now.astimezone(UTC)
    if instant < window_start.astimezone(UTC):
        return "upcoming"
    if instant < window_end.astimezone(UTC):
        return "today"
    return "past"


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _starts_in(remaining: timedelta) -> str:
    """E.g. "Starts in 1 day, 14 hours, 0 minutes": floored to whole minutes, days only if any."""
    minutes_total = max(0, int(remaining.total_seconds() // 60))
    days, minutes_left = divmod(minutes_total, 24 * 60)
    hours, minutes = divmod(minutes_left, 60)
    parts = [_plural(days, "day")] if days else []
    parts += [_plural(hours, "hour"), _plural(minutes, "minute")]
    return "Starts in " + ", ".join(parts)


@lru_cache(maxsize=4096)
def _starts_in_days(days: int) -> str:
    return "Starts in " + _plural(days, "day")


@lru_cache(maxsize=4096)
def _took_place(last_day: date, today: date) -> str:
    """E.g. "Took place 3 days ago": calendar days in the event's zone since its last day."""
    return f"Took place {_plural((today - last_day).days, 'day')} ago"
