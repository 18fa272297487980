"""The words and schema.org names of an event's status, shared by every output format.

One place for them, so the page, the cards, the feeds, the calendar file and the
JSON-LD say the same thing; the countdown's own words live with it (`countdown.py`).
"""

from __future__ import annotations

from typing import TypeGuard

from briefing_site.model import Event, EventStatus
from briefing_site.output.dates import clock_time, long_date

SCHEMA_NAME: dict[EventStatus, str] = {
    "scheduled": "EventScheduled",
    "postponed": "EventPostponed",
    "cancelled": "EventCancelled",
    "rescheduled": "EventRescheduled",
    "moved-online": "EventMovedOnline",
}

LABEL: dict[EventStatus, str] = {
    "scheduled": "Scheduled",
    "postponed": "Postponed",
    "cancelled": "Cancelled",
    "rescheduled": "Rescheduled",
    "moved-online": "Moved online",
}

# What the status means for the date and place the key facts give: a reader who sees
# "Postponed" next to a date must not take that date for the new one.
NOTE: dict[EventStatus, str] = {
    "scheduled": "",
    "postponed": "The event will not take place on the date given here; no new date has been set.",
    "cancelled": "The event will not take place.",
    "rescheduled": "The event has a new date: the one given here.",
    "moved-online": "The event takes place online instead of in person.",
}


def announced(event: Event | None) -> TypeGuard[Event]:
    """Whether readers are told a status: any but the default, scheduled."""
    return event is not None and event.status != "scheduled"


def previous_when(event: Event) -> str:
    """When a rescheduled event was first due, as the key facts write a start
    ("Friday, February 7, 2025, 11:00 a.m. EST"); "" when the editor did not say."""
    if event.previous_start is None:
        return ""
    day = long_date(event.previous_start)
    return day if event.all_day else f"{day}, {clock_time(event.previous_start)}"


def status_words(event: Event) -> str:
    """The status as its line opens: "Rescheduled from <when it was due>", else the label."""
    since = previous_when(event)
    return f"{LABEL[event.status]} from {since}" if since else LABEL[event.status]


def headline(title: str, event: Event | None) -> str:
    """A title with the status in front ("Cancelled: ..."), for feeds and calendars where
    a reader sees the title alone; the title as it is for a scheduled event."""
    if not announced(event):
        return title
    return f"{LABEL[event.status]}: {title}"
