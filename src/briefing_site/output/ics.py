"""A briefing's event as an iCalendar file (RFC 5545), for "Add to calendar".

Written by hand rather than with a library: the format is small, and the
details calendars trip on are kept in view here: CRLF line ends, lines folded
at 75 octets without splitting a UTF-8 character, escaped text, a UID that
stays the same across builds, DTSTAMP from the build clock, times in UTC (so
no VTIMEZONE is needed) and `VALUE=DATE` for all-day events.

DTSTAMP is the build clock at the granularity the site shows it, its date
(`Site.today`: 00:00 in the clock's offset). RFC 5545 makes it the time this
instance of the calendar object was created; a file every build on one day
writes the same is one instance, so it does not change with the second and
a rebuild need not rewrite every calendar.

An event's status (`event.status`) reaches a calendar this way:

- cancelled: STATUS:CANCELLED, which calendars show struck through or remove.
- postponed: there is no new time to give, and the old one is no commitment any
  more, yet a reader who added it wants to be reminded to look for the new date.
  So the entry stays at its original time as STATUS:TENTATIVE with TRANSP:TRANSPARENT
  (it does not block the reader's time), its summary starts "Postponed:" and its
  description says no new date has been set.
- rescheduled and moved online: STATUS:CONFIRMED at the times given (the new ones),
  the summary starting with the status so the change is seen in a calendar's grid;
  the description says when a rescheduled event was first due, if the editor said.

Any status but scheduled carries SEQUENCE:1: a calendar that imported the file when
the event was scheduled (SEQUENCE 0, the default) takes the same UID with a higher
sequence as a change to that entry (RFC 5546 2.1.4), not as a stale copy.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from briefing_site import __version__
from briefing_site.model import Briefing, Event
from briefing_site.output.eventstatus import NOTE, announced, headline, status_words
from briefing_site.output.urls import Urls, briefing_path

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped; controls dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    lines = [_CONTROL.sub("", line) for line in value.split("\n")]
    return "\\n".join(lines)


def fold(line: str) -> str:
    """One content line folded at 75 octets, never inside a UTF-8 character.

    Cut by offsets into the encoded line, not by slicing off its rest each time:
    a long summary (up to an article's size) folds in linear time."""
    data = line.encode("utf-8")
    chunks: list[bytes] = []
    start, limit = 0, LINE_OCTETS
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: back up to the character's start
            cut -= 1
        chunks.append(data[start:cut])
        start = cut
        limit = LINE_OCTETS - 1  # a continuation line's leading space counts
    chunks.append(data[start:])
    return (b"\r\n ".join(chunks) + b"\r\n").decode("utf-8")


def uid(slug: str, urls: Urls) -> str:
    """Stable across builds: the slug at the site's host and path, never a random id."""
    host = urls.host or "briefing-site.invalid"
    path = urls.prefix.strip("/")
    return f"{slug}@{host}" + (f"/{path}" if path else "")


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def event_times(event: Event) -> list[str]:
    """DTSTART/DTEND: UTC instants (no DTEND equal to DTSTART), or dates with DTEND
    the day after the last day."""
    if event.all_day:
        last = (event.end or event.start).date()
        return [
            f"DTSTART;VALUE=DATE:{_day(event.start.date())}",
            f"DTEND;VALUE=DATE:{_day(last + timedelta(days=1))}",
        ]
    start = _utc(event.start)
    times = [f"DTSTART:{start}"]
    # DTEND must be later than DTSTART (RFC 5545 3.8.2.2): an event that ends as it
    # starts is the zero-length one a DATE-TIME DTSTART alone describes. The written
    # times are compared: they are whole seconds (an end 0.5 s later is the same).
    end = _utc(event.end) if event.end is not None else ""
    if end > start:
        times.append(f"DTEND:{end}")
    return times


_ICS_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def status_lines(event: Event) -> list[str]:
    """STATUS, TRANSP and SEQUENCE for the event's status (see the module's docstring)."""
    if not announced(event):
        return []
    lines = [f"STATUS:{_ICS_STATUS.get(event.status, 'CONFIRMED')}"]
    if event.status == "postponed":
        lines.append("TRANSP:TRANSPARENT")
    return [*lines, "SEQUENCE:1"]


def _description(briefing: Briefing, link: str) -> str:
    meta = briefing.meta
    event = meta.event
    parts = [f"{status_words(event)}. {NOTE[event.status]}"] if announced(event) else []
    parts += [meta.summary] if meta.summary else []
    if meta.people:
        people = ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in meta.people)
        parts.append(f"Who: {people}")
    parts.append(f"Briefing: {link}")
    return "\n\n".join(parts)


def event_calendar(briefing: Briefing, urls: Urls, now: datetime) -> bytes:
    """The VCALENDAR for one briefing's event (the briefing must have one), stamped `now`."""
    event = briefing.meta.event
    if event is None:
        raise ValueError("event_calendar needs a briefing with an event")
    link = urls.absolute(briefing_path(briefing.meta.slug))
    # The article's own language, if not the site's: the words are the article's (RFC 5545 3.2.10).
    language = f";LANGUAGE={briefing.meta.language}" if briefing.meta.language else ""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//briefing-site//briefing-site {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{escape_text(uid(briefing.meta.slug, urls))}",
        f"DTSTAMP:{_utc(now)}",
        *event_times(event),
        *status_lines(event),
        f"SUMMARY{language}:{escape_text(headline(event.name or briefing.meta.title, event))}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    lines.append(f"DESCRIPTION{language}:{escape_text(_description(briefing, link))}")
    if urls.has_host:
        lines.append(f"URL:{link}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) for line in lines).encode("utf-8")
