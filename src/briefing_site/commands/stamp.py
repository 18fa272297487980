"""The publication date a pasted page states on a line of its own above the story.

Copy pasted from a news page keeps the page's date line ("Published June 12, 2024
5:02am EDT", "Updated: 2012-04-06", "30 November 2005 [03:45] - TODAY.AZ"): the
build drops it as furniture, but it is when the story was written, which is what the
story's "on Thursday" counts from. A line is a stamp only when, without its date,
time, zone and a few stamp words ("Published", "Updated", "at", "views"), at most a
few words are left (a site's name, a byline's): a sentence that names a date is the
story's, never its stamp.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from briefing_site.commands.propose import _MONTH, _MONTHS, ZONE_ABBREVIATION
from briefing_site.config.zones import ABBREVIATIONS

# "2025-03-12T14:30:00Z", "2025-03-12T14:30:00+00:00": a machine stamp, time and offset kept
_ISO_STAMP = re.compile(
    r"\b(?:19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][01]\d:?[0-5]\d)"
)
# A page's own label: "Published 12 March 2025", "First published on Wed 12 Mar 2025".
_PUBLISHED = re.compile(r"^\W*(?:first\s+)?(?:published|posted)\b", re.I)
_UPDATED = re.compile(r"^\W*(?:updated|last\s+(?:updated|modified)|modified)\b", re.I)
_LABEL = re.compile(r"\b(?:published|updated|posted|modified|by)\b", re.I)
# "Macron visits China | 3 March 2025": a related story's link, not this page's stamp
_SEPARATOR = re.compile(r"\s[|\u2013\u2014-]\s|\|")
_FULL_DATES = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
    re.compile(
        rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(
        rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    # "21.04.2024": dotted dates are day first
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mm>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
)
_CLOCK = re.compile(
    r"\b(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<half>[ap]\.?\s?m\b\.?)?", re.I
)
_ZONE = re.compile(r"\b(?P<zone>" + ZONE_ABBREVIATION + r")\b")
# Words a stamp line says besides its date.
_STAMP_WORDS = re.compile(
    r"\b(?:published|updated|posted|last|modified|first|on|at|date|read|views?|am|pm|by"
    r"|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
# A line that says what it dates is an event's, not the page's: "When: June 13, 2024",
# "Summit starts June 13, 2024", "Deadline: 30 May 2024".
_NOT_STAMP = re.compile(
    r"\b(?:when|where|event|venue|meeting|summit|conference|visit|talks|deadline|starts?"
    r"|ends?|opens?|closes?|until|from|through|held|takes? place)\b",
    re.I,
)
_MAX_WORDS = 14  # a stamp line is short
_LEFT_WORDS = 3  # words it may hold besides (a site's name, "Staff reports")
_SEARCH_LINES = 8  # it sits above the story, under the menu and the headline


def stamp_date(lines: Sequence[str]) -> tuple[str, str]:
    """The first stamp among `lines` (those above the story) as ISO 8601, with its line:
    a date-time with offset when the line gives a time and a zone ("4:11 p.m. ET"),
    else the date alone. A "Published" line wins over an "Updated" one. ("", "") if none."""
    found: list[tuple[int, str, str]] = []
    for line in lines[:_SEARCH_LINES]:
        stamp = _read(line)
        if stamp:
            rank = 0 if _PUBLISHED.match(line) else 2 if _UPDATED.match(line) else 1
            found.append((rank, stamp, line.strip()))
    if not found:
        return "", ""
    _, stamp, line = min(found, key=lambda f: f[0])  # the first of the best-labelled
    return stamp, line


def _read(line: str) -> str:
    text = " ".join(line.split())
    if not text or len(text.split()) > _MAX_WORDS or text.endswith((".", "!", "?", '"')):
        return ""
    if _NOT_STAMP.search(text):
        return ""
    iso = _ISO_STAMP.search(text)
    if iso is not None:
        try:
            return datetime.fromisoformat(iso.group(0).replace("Z", "+00:00")).isoformat()
        except ValueError:
            return ""
    for pattern in _FULL_DATES:
        match = pattern.search(text)
        if match is not None:
            break
    else:
        return ""
    day = _day(match.groupdict())
    if day is None:
        return ""
    rest = text[: match.start()] + " " + text[match.end() :]
    clock = _CLOCK.search(rest)
    zone = _ZONE.search(rest[clock.end() :]) if clock else None
    left = _ZONE.sub(" ", _CLOCK.sub(" ", rest))
    left = _STAMP_WORDS.sub(" ", left)
    if len(re.findall(r"[^\W\d_]{2,}", left)) > _LEFT_WORDS:
        return ""
    words = [
        w for w in re.sub(r"[|\u2013\u2014,\[\]()]", " ", left).split() if re.search(r"[^\W\d_]", w)
    ]
    if _SEPARATOR.search(text) and len(words) >= 2 and not _LABEL.search(text):
        return ""  # "Title | 3 March 2025": more than a date and a site's name
    named = ABBREVIATIONS[zone.group("zone").upper()].zone if zone else ""
    if clock is None or not named:
        return day.isoformat()  # "09:21 IST": India's, Ireland's or Israel's clock
    hour = int(clock.group("hour"))
    half = (clock.group("half") or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return day.isoformat()
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23:
        return day.isoformat()
    local = datetime.combine(day, time(hour, int(clock.group("minute"))))
    return local.replace(tzinfo=ZoneInfo(named)).isoformat()


def _day(groups: dict[str, str | None]) -> date | None:
    name = groups.get("month")
    month = _MONTHS[name.lower()] if name else int(groups["mm"] or 0)
    try:
        return date(int(groups["year"] or 0), month, int(groups["day"] or 0))
    except ValueError:
        return None
