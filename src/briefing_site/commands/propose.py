"""Propose an article's event from its prose: dates, times and places it names.

Nothing is invented. A date ("on Friday, February 7", "Feb. 7", "next
Tuesday") is resolved against the publication date; a time ("at 11:55 a.m.",
"at noon", "1655 GMT") is taken only when the text names one; the zone comes
from a place the sentence (else its paragraph) names (data/places.yaml), else
from the dateline.
A proposal is certain only when the text leaves one choice; otherwise the
candidates are returned for the editor to choose from.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

import yaml

from briefing_site.config.zones import ABBREVIATIONS

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
_TO = r"\s*(?:-|\u2013|to|through)\s*"
_DATES = (  # "Friday, February 7", "June 9-10, 2018", "6 May 2025", "9-10 June 2018"
    re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:{_TO}(?P<last>[0-3]?\d)(?!\d))?{_YEAR}", re.I
    ),
    re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?:(?P<first>[0-3]?\d)(?:st|nd|rd|th)?{_TO})?"
        rf"{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}",
        re.I,
    ),
)
# Dates this long before publication are background, never the event of a report.
HISTORY_DAYS = 14
# The days after an event's opening day that its text may name (a three-day summit's).
SPAN_DAYS = 6
# A weekday on its own counts only after a word that points at one day.
# "here" is a dateline story's: "kicked off here Tuesday" (no "on" in wire style).
# Wire style names the day after the verb with no "on": "the summit opens Tuesday", "the
# council meets Monday", "set for Saturday", "will be held Thursday".
_RELATIVE = re.compile(
    r"\b(?P<cue>on|this|next|coming|last|by|until|here|for|held|opens?|begins?|starts?"
    rf"|convenes?|meets?|met|resumes?|arrives?|arriving)\s+{_WEEKDAY}\b",
    re.I,
)
# A span of weekdays: "Thursday through Saturday", "Saturday and Sunday", "begin on
# Sunday and run through Tuesday": the second day is the event's last.
# "the summit opens Tuesday", "talks will begin on June 3": the first of the event's days.
_OPENS = re.compile(
    r"\b(?:opens?|begins?|starts|convenes?|kicks? off|gets? under way)\s+(?:on\s+)?$", re.I
)
# Cues that only ever look forward: a schedule's present tense ("opens Tuesday", "the
# council meets Monday") and "set for Monday". A past sentence never turns them back.
_FORWARD_CUES = frozenset(
    [
        "for",
        "open",
        "opens",
        "begin",
        "begins",
        "start",
        "starts",
        "convene",
        "convenes",
        "meet",
        "meets",
        "resume",
        "resumes",
        "arrive",
        "arrives",
        "arriving",
    ]
)
# "postponed", "called off": the sentence's day is the one that no longer holds.
_CALLED_OFF = re.compile(
    r"\b(?:postpone[sd]?|postponing|postponement|delay(?:s|ed|ing)?|cancel(?:s|led|ed|ling|ing)?"
    r"|cancellation|call(?:s|ed|ing)? off|put(?:s|ting)? off|scrap(?:s|ped|ping)?"
    r"|suspend(?:s|ed|ing)?|adjourn(?:s|ed|ing)?|rescheduled?)\b",
    re.I,
)
_OPENS_WINDOW = 80  # how far before a day "opens" or "said" may stand (a long line is linear)
_WEEKDAY_SPAN = re.compile(
    r",?\s*(?:-|\u2013|to|through|thru|till|until|and"
    r"|and\s+(?:will\s+)?(?:runs?|lasts?|continues?|ends?|closes?|concludes?)"
    rf"\s+(?:through|until|till|to|on))\s+{_WEEKDAY}\b",
    re.I,
)
# "the ministry on Monday said", "the office last Saturday published the list": the
# day dates a statement, not the event. Not "opens on Tuesday, said a spokesman": there
# the comma ends the event's clause and the attribution follows it.
_REPORTED_AFTER = re.compile(
    r"\s+(?:said|says|told|announced|reported|confirmed|added|stated|released|published"
    r"|issued|posted|unveiled)\b",
    re.I,
)
# "runs up to November 21": the date is the event's last day, not its start. Not
# "running up to" ("in the weeks running up to March 20", "tension is running up to
# the March 20 election"): that is the lead-up to the day, so "running" is not taken
# ("lasting until" and "continuing until" have no such second sense).
_UNTIL = re.compile(
    r"\b(?:runs?|ran|lasts?|lasting|continues?|continuing|is on|are on)"
    r"\s+(?:up\s+to|until|till|through|to)\s+(?:(?:the|" + "|".join(_WEEKDAYS) + r"),?\s+)?$",
    re.I,
)
# "runs up to the March 20 election": the date names the day of what follows it, not
# a last day (a date after "the" and before a word in lower case).
_THE_DATE_OF = re.compile(rf"(?i:{_MONTH}\s+{_DAY}{_YEAR})\s+[a-z]")
_THE = re.compile(r"\bthe\s+$", re.I)
# "said on Monday" dates a statement, not the event.
_REPORTED = re.compile(
    r"\b(?:said|says|told(?: \w+)?|announced|reported|confirmed|added|stated|released"
    r"|published|issued)\s*$",
    re.I,
)
_PAST_CUES = re.compile(
    r"\b(?:held|met|was|were|had|did|signed|agreed|visited|arrived|talked|spoke|hosted"
    r"|opened|ended|began|kicked off|announced)\b",
    re.I,
)
_STRONG_FUTURE = re.compile(
    # "accords to be signed when he visits on Monday": "signed" is no past tense there.
    # Not any "to be ...ed": "appeared to be relieved" is past.
    r"\b(?:will|is due|are due|scheduled|set to|is to|are to|next|upcoming"
    r"|(?<!appeared )(?<!seemed )(?<!appears )(?<!seems )to be (?:signed|held|opened"
    r"|launched|hosted|staged|convened|inaugurated|unveiled))\b",
    re.I,
)
_FUTURE_CUES = re.compile(
    r"\b(?:will|to (?:meet|hold|host|visit|travel|attend|sign|begin|start|open)|is due|are due|"
    r"scheduled|set to|plans? to|expected to|is to|are to|next|coming|upcoming"
    # a schedule's present tense: "the summit opens Tuesday", "leaders arrive Sunday"
    r"|opens?|begins?|starts|convenes?|kicks? off|gets? under way)\b",
    re.I,
)
_TIMES = re.compile(
    r"\b(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<half>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|\b(?P<word>noon|midday|midnight)\b"
    # "at 16:00", not "at 4:30 p.m." (the first branch's: finditer would take "at 4:30")
    r"|\bat\s+(?P<h24>[01]?\d|2[0-3])[:.h](?P<m24>[0-5]\d)\b(?!\s*[ap]\.?\s?m\b)"
    r"|\b(?P<wire>[0-2]\d[0-5]\d)\s+(?:GMT|UTC)\b",
    re.I,
)
# Zone abbreviations news copy puts after a time ("3 p.m. EST", "10:00 CEST"), each
# read as its place's zone (config/zones.py); those that name several zones (CST, IST)
# have none of their own, and only a place the text names settles them.
_ZONE_WORDS = {name.lower(): each.zone for name, each in ABBREVIATIONS.items() if each.zone}
# The common ones in any case, as before ("3 p.m. et"); the rest only in capitals, as
# copy writes them, so "west", "ict" or "ist" in running words are no zone.
_ANY_CASE = ("gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "jst", "kst", "bst", "cet")
ZONE_ABBREVIATION = (
    r"(?i:cest|aest|"
    + "|".join(_ANY_CASE)
    + r")|(?-i:"
    + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")"
)
# A zone said in words after a time ("3pm UK time", "9 p.m. Eastern").
_ZONE_NAMES = {
    "uk": "Europe/London",
    "british": "Europe/London",
    "london": "Europe/London",
    "eastern": "America/New_York",
    "pacific": "America/Los_Angeles",
    "japan": "Asia/Tokyo",
    "tokyo": "Asia/Tokyo",
    "moscow": "Europe/Moscow",
    "beijing": "Asia/Shanghai",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
}
_ZONE_AFTER = re.compile(
    r"^\s*\(?(?:(?P<zone>" + ZONE_ABBREVIATION + r")\b(?!\s*[-+\u2212]\s*\d)"
    r"|(?P<named>uk|british|london|japan|tokyo|moscow|beijing)\s+time\b"
    # "11:30 a.m. Alaska Daylight Time", "7 p.m. Central Time": only with "time" after
    r"|(?P<region>central|mountain|alaska|hawaii)\s+(?:standard\s+|daylight\s+)?time\b"
    r"|(?P<coast>eastern|pacific)(?:\s+(?:standard\s+|daylight\s+)?time\b"
    # the word alone only where the time's phrase ends: "Eastern Europe time" is
    # Kyiv's and "Pacific Islands Forum" a body's name, neither the coast's zone
    r"|(?=\s*(?:[^\w\s]|$)|\s+on\b)))",
    re.I,
)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sept?|Oct|Nov|Dec|a\.m|p\.m|D\.C|U\.S|U\.K|U\.N|E\.U)\.)$"
)
_DATELINE = re.compile(  # "WASHINGTON (Reuters) -", "TOKYO, Feb 5 -", "Prague, July 3 (CTK) -"
    r"^\s*(?:(?:(?P<place>[A-Z][A-Z.'\u2019\- ]{2,40}?)(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?"
    r"|(?P<town>[A-Z][A-Za-z.'\u2019\- ]{2,40}?)(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*\([^)]{1,40}\))\s*[-\u2014\u2013:]"
    # "WASHINGTON, June 11. /TASS/.": the agency between slashes, no dash
    r"|(?P<slashed>[A-Z][A-Z.'\u2019\- ]{2,40}?),?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\.?"
    r"\s*/[A-Za-z][\w -]{1,20}/\.?"
    # "MOSCOW (Agency / Other - 27th June, 2019) A meeting": a bracket that ends in its year
    r"|(?P<stamped>[A-Z][A-Z.'\u2019\- ]{2,40}?)\s*\([^)]{1,70}(?:19|20)\d\d\)(?=\s))"
)
# A dateline in title case with no agency: "Tokyo —", "Tokyo, Japan —", "Paris, France,
# March 3 —", "Beijing, China :". Taken only when it opens with a place the table knows,
# and its dash stands apart ("Washington-based" is a word, not a dateline).
_TITLE_DATELINE = re.compile(
    r"^\s*(?P<town>[A-Z][a-z][A-Za-z.'\u2019\- ]{1,30}?)(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\s[-\u2014\u2013]{1,2}|[\u2014\u2013]|\s?:)\s"
)
_DATELINE_DEPTH = 3  # a dateline opens one of the first paragraphs (after any byline)


@dataclass(frozen=True)
class Place:
    """A place the text names, with its time zone."""

    name: str
    zone: str
    location: str


@dataclass(frozen=True)
class Candidate:
    """One date the text names, with what else its sentence says."""

    day: date
    last_day: date | None  # the end of a range ("June 9-10")
    clock: time | None
    clock_zone: str  # the zone the text gives the time in ("1655 GMT", "3 p.m. ET"), or ""
    sentence: str
    places: tuple[Place, ...]
    firm: bool  # an explicit date, or a weekday the sentence ties to the future
    note: str = ""
    paragraph: str = ""
    past: bool = False  # a weekday the sentence's past tense resolved back ("met on Saturday")
    opening: bool = False  # the sentence says the event opens that day ("opens Tuesday")
    clock_label: str = ""  # the abbreviation the time is given in, as written ("EST", "IST")


@dataclass(frozen=True)
class Proposal:
    """The event the text supports, or why there is none, with every candidate."""

    candidates: tuple[Candidate, ...]
    chosen: Candidate | None
    start: str  # ISO date or date-time with offset; "" when not certain
    zone: str
    location: str
    reason: str  # why the event is uncertain ("" when it is certain)
    zone_from: str = ""  # where the zone came from: "the sentence", "the dateline"...
    end: str = ""  # ISO date: the last day of a range of days ("June 9-10")
    notes: tuple[str, ...] = ()  # what the editor should check in the reading ("EST" in July)


@lru_cache(maxsize=1)
def place_table() -> tuple[tuple[re.Pattern[str], Place], ...]:
    """The packaged place names, compiled once, landmarks before cities."""
    text = resources.files("briefing_site").joinpath("data/places.yaml").read_text("utf-8")
    table = []
    for entry in yaml.safe_load(text):
        for name in entry["names"]:
            pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
            table.append((pattern, Place(name, entry["zone"], entry["location"])))
    return tuple(table)


@lru_cache(maxsize=1)
def _place_scanner() -> tuple[re.Pattern[str], dict[str, tuple[int, Place]]]:
    """Every name in one pattern, longest first, and each name's table rank and place.

    One pass over a text finds them all: at each spot the longest name wins
    ("Washington, D.C." over "Washington"), and a name is never found inside another.
    """
    ranked: dict[str, tuple[int, Place]] = {}
    for rank, (_, place) in enumerate(place_table()):
        ranked.setdefault(place.name, (rank, place))
    names = sorted(ranked, key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), ranked


def _whole_name(text: str) -> str:
    """A place's name as compared whole: trimmed, spaces collapsed, any case, without
    a leading "the" ("The White House" is the table's "White House")."""
    return " ".join(text.split()).casefold().removeprefix("the ")


@lru_cache(maxsize=1)
def _whole_places() -> dict[str, Place]:
    """Every name and shown location in the table, as `_whole_name` gives it."""
    found: dict[str, Place] = {}
    for _, place in place_table():
        found.setdefault(_whole_name(place.name), place)
        found.setdefault(_whole_name(place.location), place)
    return found


def place_named(text: str) -> Place | None:
    """The place `text` is, as a whole ("paris", "Élysée Palace, Paris"), or None:
    "Paris, Texas" names Paris but is not it."""
    return _whole_places().get(_whole_name(text))


@lru_cache(maxsize=16)  # a one-line text is its sentence, its paragraph and the whole text
def places_in(text: str) -> tuple[Place, ...]:
    """Places named in `text`, in table order (landmarks first), one per location."""
    scanner, ranked = _place_scanner()
    found = sorted({ranked[match.group(0)] for match in scanner.finditer(text)}, key=lambda f: f[0])
    by_location: dict[str, Place] = {}
    for _, place in found:
        by_location.setdefault(place.location, place)
    return tuple(by_location.values())


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: the paragraph it opens, where it ends, its place and date."""

    index: int
    end: int
    place: Place | None
    text: str


def find_dateline(paragraphs: Sequence[str]) -> Dateline | None:
    """The first dateline among the opening paragraphs that names a known place or agency."""
    for index, paragraph in enumerate(paragraphs[:_DATELINE_DEPTH]):
        match = _DATELINE.match(paragraph) or _TITLE_DATELINE.match(paragraph)
        if not match:
            continue
        groups = match.groupdict()
        named = groups.get("place") or groups.get("slashed") or groups.get("stamped")
        name = (named or match.group("town")).strip(" .-").casefold()
        place = next((p for _, p in place_table() if p.name.casefold() == name), None)
        if place is not None or "(" in match.group(0) or "/" in match.group(0):
            return Dateline(index, match.end(), place, match.group(0).rstrip())
    return None


# A paragraph's opening header up to its dash or colon: "KATHMANDU, Aug 31:",
# "TASHKENT (Uzbekistan), Oct 19 —", "Honiara, Solomon Islands, Friday 12 September 2025 -".
_HEADER = re.compile(r"^[^.!?\n]{3,100}?(?:\s*[-\u2013\u2014]{1,2}\s|\s*:-?\s)")


def _dated_header_end(paragraph: str) -> int:
    """Where a dated wire header ends, or 0: its date is when the story was filed, not the
    event's. A header is names, places and a date before a dash or colon (at most two words
    in lower case, "and", "of"), the shape `_DATELINE` does not know."""
    match = _HEADER.match(paragraph)
    if match is None:
        return 0
    header = match.group(0)
    lower = [w for w in re.findall(r"[^\W\d_]+", header) if w[0].islower()]
    if len(lower) > 2 or not any(p.search(header) for p in _DATES):
        return 0
    opening = sentences(paragraph[match.end() :])[:1]
    if opening and _SAME_DAY.search(opening[0]):
        return 0  # "... meeting here today": the header's date is the event's
    return match.end()


_SAME_DAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)


def dateline_day(paragraphs: Sequence[str], near: date) -> date | None:
    """The date a dateline gives ("OSLO, May 12 (Wire) -"): when the story was filed."""
    found = find_dateline(paragraphs)
    match = _DATES[0].search(found.text) if found else None
    if match is None:
        return None
    month, day = _MONTHS[match.group("month").lower()], int(match.group("day"))
    if match.group("year"):
        return _resolve(month, day, match.group("year"), near)
    # Copy is filed before it is imported: the latest such day not after the clock
    # (a day's grace for zones), never next year's, however near that is.
    for year in (near.year, near.year - 1):
        with contextlib.suppress(ValueError):
            if (filed := date(year, month, day)) <= near + timedelta(days=1):
                return filed
    return None


def sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences; "a.m.", "Feb." and "D.C." do not end one."""
    out: list[str] = []
    start = 0
    for match in re.finditer(r"[.!?][\"\u201d\u2019)]?\s+(?=[\"\u201c(]?[A-Z0-9])", paragraph):
        head = paragraph[start : match.start() + 1]
        if _ABBREVIATIONS.search(head):
            continue
        out.append(head.strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def _year_near(month: int, day: int, published: date) -> date | None:
    """The date nearest the publication date with this month and day."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - published).days)) if options else None


def _ending(
    days: list[tuple[date, date | None, bool, str]], last: date | None
) -> list[tuple[date, date | None, bool, str]]:
    """The sentence's days with the day it says the event runs up to as their end; that
    day alone is no start ("the fair runs up to May 4" does not say when it opened)."""
    if last is None:
        return days
    ended = [(d, end or (last if last > d else None), firm, note) for d, end, firm, note in days]
    if ended:
        return ended
    return [(last, None, False, f"{last.isoformat()} is the last day (the event runs up to it)")]


def _explicit_dates(sentence: str, published: date) -> list[tuple[date, date | None, str, int]]:
    """Month-and-day dates (and day ranges), each with a note if its weekday disagrees
    and where in the sentence it starts."""
    found: dict[date, tuple[date | None, str, int]] = {}
    for pattern in _DATES:
        for match in pattern.finditer(sentence):
            groups = match.groupdict()
            month = _MONTHS[match.group("month").lower()]
            first = int(groups.get("first") or match.group("day"))
            last = groups.get("last") or (match.group("day") if groups.get("first") else None)
            day = _resolve(month, first, match.group("year"), published)
            if day is None:
                continue
            end = _resolve(month, int(last), str(day.year), published) if last else None
            weekday = match.group("weekday")
            note = ""
            if weekday and _WEEKDAYS[day.weekday()] != weekday.lower():
                actual = _WEEKDAYS[day.weekday()].title()
                note = f"the text says {weekday}, but {day.isoformat()} is a {actual}"
            found.setdefault(day, (end if end and end > day else None, note, match.start()))
    return [(day, end, note, at) for day, (end, note, at) in found.items()]


def _resolve(month: int, day: int, year: str | None, published: date) -> date | None:
    """The date, in the year given or else the year that puts it nearest publication."""
    if year is None:
        return _year_near(month, day, published)
    try:
        return date(int(year), month, day)
    except ValueError:
        return None


def _weekday_dates(
    sentence: str, published: date, explicit: bool
) -> list[tuple[date, date | None, bool, bool]]:
    """Weekday-only dates ("on Friday"), resolved from the publication date.

    Forward when the sentence speaks of the future, back to the latest such
    day when it speaks of the past ("met on Saturday") or says "last"; a
    weekday with neither is a candidate only. "said on Monday" is skipped. Each is
    (day, last day of a span, firm, resolved back into the past).
    """
    if explicit:
        return []  # "Friday, February 7" is already an explicit date
    strong = bool(_STRONG_FUTURE.search(sentence))
    past = not strong and bool(_PAST_CUES.search(sentence))
    future = strong or (not past and bool(_FUTURE_CUES.search(sentence)))
    out: list[tuple[date, date | None, bool, bool]] = []
    spanned = -1  # where the last span's second weekday ends: not a day of its own
    for match in _RELATIVE.finditer(sentence):
        if match.start() < spanned:
            continue
        before = sentence[max(0, match.start() - _OPENS_WINDOW) : match.start()]
        if _REPORTED.search(before) or _REPORTED_AFTER.match(sentence, match.end()):
            continue
        target = _WEEKDAYS.index(match.group("weekday").lower())
        cue = match.group("cue").lower()
        span = _WEEKDAY_SPAN.match(sentence, match.end())
        also = None  # "on Monday and Friday": two days, each its own
        if span and " ".join(span.group(0).strip(" ,").lower().split()[:-1]) == "and":
            second = _WEEKDAYS.index(span.group("weekday").lower())
            if second != (target + 1) % 7:  # only "Saturday and Sunday" is one event's days
                span, also = None, second
        if span:
            spanned = span.end()
        forward = cue in _FORWARD_CUES
        if cue in ("last", "met") or (
            past and not forward and cue not in ("this", "next", "coming")
        ):
            # "talks held Thursday ended": wire style's bare "held" is past or future
            # ("will be held Thursday"); resolved back, it is a candidate only
            for each in (target,) if also is None else (target, also):
                delta = (published.weekday() - each) % 7 or (7 if cue == "last" else 0)
                out.append((published - timedelta(days=delta), None, cue != "held", True))
            continue
        delta = (target - published.weekday()) % 7  # "on Tuesday" on a Tuesday: that day
        if cue in ("next", "coming") and delta < 2:
            delta += 7
        day = published + timedelta(days=delta)
        if also is not None:
            out.append((day + timedelta(days=(also - target) % 7), None, future, False))
        last = None
        if span:
            last_target = _WEEKDAYS.index(span.group("weekday").lower())
            last = (
                day + timedelta(days=(last_target - target) % 7) if last_target != target else None
            )
        out.append((day, last, future, False))
    return out


def _times(sentence: str) -> list[tuple[time, str, str]]:
    """The clock times a sentence names, each with the zone the text gives it in (or "")
    and the abbreviation that gave it ("EST"; "IST" gives no zone alone)."""
    out: list[tuple[time, str, str]] = []
    for match in _TIMES.finditer(sentence):
        named, label = _zone_after(sentence[match.end() :])
        if match.group("word"):
            word = match.group("word").lower()
            out.append((time(0) if word == "midnight" else time(12), named, label))
        elif match.group("wire"):
            digits = match.group("wire")
            out.append((time(int(digits[:2]) % 24, int(digits[2:])), "UTC", ""))
        elif match.group("h24"):
            out.append((time(int(match.group("h24")), int(match.group("m24"))), named, label))
        else:
            hour = int(match.group("hour"))
            if not 1 <= hour <= 12:
                continue
            pm = match.group("half").lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
            out.append((time(hour, int(match.group("minute") or 0)), named, label))
    return list(dict.fromkeys(out))


# "16:00 Kyiv time", "10 a.m. Brussels time": any place the table knows, as a whole.
_PLACE_TIME = re.compile(r"^\s*\(?(?P<place>(?:[A-Z][\w'\u2019.-]+\s+){1,3})time\b")


# The place in a time's label ("at 16:00 Kyiv time") names the clock, not where the
# event is: the meeting it times is in London.
_TIME_LABEL = re.compile(r"(?<=[\d.mM])\s+\(?(?:[A-Z][\w'\u2019.-]+\s+){1,3}(?=time\b)")


# "..., the White House said on Monday", "..., citing a Kremlin spokesman": who speaks,
# not where the event is. A place named only there does not place the sentence's event.
_ATTRIBUTION = re.compile(
    r",\s+[^,]{0,60}?\b(?:said|says|told|announced|reported|confirmed|citing|according to)"
    r"\b[^,]{0,80}$"
)


def _zone_after(text: str) -> tuple[str, str]:
    """The zone a time is given in, from the words after it ("ET", "UK time", "Kyiv
    time"), or "", and the abbreviation it was read from ("EST"), or ""."""
    given = _ZONE_AFTER.match(text)
    if given is None:
        placed = _PLACE_TIME.match(text)
        place = place_named(placed.group("place")) if placed else None
        return (place.zone if place else "", "")
    if given.group("zone"):
        label = given.group("zone").upper()
        return ABBREVIATIONS[label].zone, "" if label in ("GMT", "UTC") else label
    named = given.group("named") or given.group("coast") or given.group("region")
    return _ZONE_NAMES[named.lower()], ""


def _same_day(sentence: str, published: date, times: int) -> list[tuple[date, bool]]:
    """The publication day for "today" or "tonight" ("tonight at 9 p.m. ET"), firm only
    with one time of day (a "today" alone is as often the story's present as its event's)."""
    match = _SAME_DAY.search(sentence)
    if match is None or _REPORTED.search(
        sentence[max(0, match.start() - _OPENS_WINDOW) : match.start()]
    ):
        return []
    return [(published, times == 1)]


def _opening_days(sentence: str, published: date) -> set[date]:
    """The days the sentence says the event opens on ("the summit opens Tuesday")."""
    days = {
        day
        for day, _, _, at in _explicit_dates(sentence, published)
        if _OPENS.search(sentence[max(0, at - _OPENS_WINDOW) : at])
    }
    for match in _RELATIVE.finditer(sentence):
        at = match.start("weekday")
        if _OPENS.search(sentence[max(0, at - _OPENS_WINDOW) : at]):
            days.update(d for d, _, _, _ in _weekday_dates(match.group(0), published, False))
    return days


def _until_split(
    sentence: str, published: date
) -> tuple[list[tuple[date, date | None, str]], date | None]:
    """The sentence's explicit dates without the one it says the event runs up to, and that one."""
    last: date | None = None
    starts = []
    for day, end, note, at in _explicit_dates(sentence, published):
        before = sentence[max(0, at - _OPENS_WINDOW) : at]
        of_what = _THE.search(before) and _THE_DATE_OF.match(sentence, at)
        if last is None and _UNTIL.search(before) and not of_what:
            last = end or day
        else:
            starts.append((day, end, note))
    return starts, last


def candidates(paragraphs: Sequence[str], published: date) -> tuple[Candidate, ...]:
    """Every date the text names, in reading order, with its sentence's time and places."""
    out: list[Candidate] = []
    dateline = find_dateline(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        # A dateline's date ("OSLO, May 12 (Wire) -") is when the story was filed.
        skip = dateline.end if dateline and dateline.index == index else 0
        if skip and _DATES[0].search(paragraph[:skip]):
            opening = sentences(paragraph[skip:])[:1]
            skip = 0 if opening and _SAME_DAY.search(opening[0]) else skip  # "... tonight"
        if index < _DATELINE_DEPTH:
            skip = max(skip, _dated_header_end(paragraph))
        for sentence in sentences(paragraph[skip:]):
            explicit, last = _until_split(sentence, published)
            days = [(d, end, True, note) for d, end, note in explicit]
            weekdays = _weekday_dates(sentence, published, bool(explicit))
            days += [(d, end, firm, "") for d, end, firm, _ in weekdays]
            back = {d for d, _, _, was in weekdays if was}
            opens = _opening_days(sentence, published)
            times = _times(sentence)
            if not days:
                days = [
                    (d, None, firm, "") for d, firm in _same_day(sentence, published, len(times))
                ]
            days = _ending(days, last)
            if not days:
                continue
            clock, zone, label = times[0] if len(times) == 1 else (None, "", "")
            places = places_in(_ATTRIBUTION.sub("", _TIME_LABEL.sub(" time", sentence)))
            called_off = bool(_CALLED_OFF.search(sentence))
            for day, end, firm, note in days:
                firm = firm and not note and not called_off
                out.append(
                    Candidate(
                        day,
                        end,
                        clock,
                        zone,
                        sentence,
                        places,
                        firm,
                        note,
                        paragraph,
                        day in back,
                        day in opens,
                        label,
                    )
                )
    return tuple(out)


def propose(paragraphs: Sequence[str], published: datetime, title: str = "") -> Proposal:
    """The event the prose supports, or the candidates when it leaves a choice.

    The headline settles a choice the prose leaves: the one date it names among the
    prose's ("Modi to visit from March 10"), and the place when the prose names none
    near the event's sentence ("Leaders converge on Washington for summit").
    """
    found = candidates(paragraphs, published.date())
    chosen, reason = _choose(found, published.date(), _headline_days(title, published.date()))
    if chosen is None:
        return Proposal(found, None, "", "", "", reason)
    place, zone_from = _place_for(chosen, paragraphs, chosen.clock is None, title)
    if chosen.clock is None:
        zone = place.zone if place else ""  # the build falls back to the site's zone
        start, end = chosen.day.isoformat(), chosen.last_day.isoformat() if chosen.last_day else ""
        return Proposal(found, chosen, start, zone, _location(place), "", zone_from, end)
    settled, why = _settle_abbreviation(chosen, place, paragraphs)
    if settled is None:
        return Proposal(found, chosen, "", "", "", why)
    if place is None and not settled.clock_zone:
        return Proposal(found, chosen, "", "", "", zone_from or "no place names the time's zone")
    timed = _timed(found, settled, place)
    notes = _abbreviation_notes(settled, why) if timed.start else ()
    return replace(timed, zone_from=zone_from if place else _CLOCK_ZONE, notes=notes)


def _settle_abbreviation(
    chosen: Candidate, place: Place | None, paragraphs: Sequence[str]
) -> tuple[Candidate | None, str]:
    """The candidate with the zone its time's abbreviation names, and what settled it.

    "9 p.m. IST" is India's, Ireland's or Israel's: the event's place settles it when
    its zone is one of them, else the one such zone the text's places are in. With
    none, (None, why): the time is not read in a zone the text does not support.
    """
    label = chosen.clock_label
    if not label or chosen.clock_zone:
        return chosen, ""
    options = ABBREVIATIONS[label].zones
    if place is not None and place.zone in options:
        return replace(chosen, clock_zone=place.zone), place.name
    named = [p for p in places_in("\n".join(paragraphs)) if p.zone in options]
    if len({p.zone for p in named}) == 1:
        return replace(chosen, clock_zone=named[0].zone), named[0].name
    zones = ", ".join(options)
    return None, f"the time is given in {label}, which names several zones ({zones}); " + (
        "no place in the text settles which"
        if not named
        else "the text names places in more than one"
    )


def _abbreviation_notes(chosen: Candidate, settled_by: str) -> tuple[str, ...]:
    """What to check of a time given as an abbreviation: the zone it was read in, and
    whether the abbreviation fits the season ("EST" in July is New York's EDT)."""
    label, zone = chosen.clock_label, chosen.clock_zone
    if not label or chosen.clock is None:
        return ()
    local = datetime.combine(chosen.day, chosen.clock, ZoneInfo(zone))
    note = f"the text gives the time in {label}, read as {zone}"
    note += f" (settled by {settled_by}, named in the text)" if settled_by else ""
    summer = ABBREVIATIONS[label].summer
    if summer is not None and summer != bool(local.dst()):
        note += (
            f"; on {chosen.day} {zone} keeps {local.tzname()}, not {label}: "
            f"the time is read as {zone}'s clock, check it"
        )
    return (note,)


_SEVERAL_ZONES = "the sentence names places in several time zones"
_CLOCK_ZONE = "the zone the sentence gives the time in"  # "3 p.m. KST": no place, no location


def _timed(found: tuple[Candidate, ...], chosen: Candidate, place: Place | None) -> Proposal:
    """A date-time start in the place's zone (a time given in GMT or ET is converted to it)."""
    assert chosen.clock is not None
    zone = place.zone if place else chosen.clock_zone
    if chosen.clock_zone:
        given = datetime.combine(chosen.day, chosen.clock, ZoneInfo(chosen.clock_zone))
        instant = given.astimezone(ZoneInfo(zone))
        return Proposal(found, chosen, instant.isoformat(), zone, _location(place), "")
    local = datetime.combine(chosen.day, chosen.clock, ZoneInfo(zone))
    # A wall-clock time a DST change skips or repeats is not certain.
    back = local.astimezone(UTC).astimezone(ZoneInfo(zone))
    late = local.replace(fold=1)
    if back.replace(tzinfo=None) != local.replace(tzinfo=None) or (
        late.utcoffset() != local.utcoffset()
    ):
        reason = f"{chosen.day} {chosen.clock} is skipped or repeated by a DST change in {zone}"
        return Proposal(found, chosen, "", "", "", reason)
    return Proposal(found, chosen, local.isoformat(), zone, _location(place), "")


def _location(place: Place | None) -> str:
    return place.location if place else ""


def _headline_days(title: str, published: date) -> set[date]:
    """The days a headline names ("... to visit Morocco on June 18-19": the 18th)."""
    return {day for day, _, _, _ in _explicit_dates(title, published)}


def _choose(
    found: Sequence[Candidate], published: date, headline: set[date] | None = None
) -> tuple[Candidate | None, str]:
    """One date, when the text names only one (or only one on or after publication, or
    one whose range of days holds the others, or the one the headline names)."""
    if not found:
        return None, "the text names no date"
    firm = [c for c in found if c.firm]
    if not firm:
        return None, "no date is certain: " + "; ".join(
            c.note or "a weekday without a date or a future tense" for c in found[:3]
        )
    recent = [c for c in firm if (published - c.day).days <= HISTORY_DAYS]
    if not recent:
        return None, f"every date the text names is over {HISTORY_DAYS} days before publication"
    firm = recent
    days = sorted({c.day for c in firm})
    # A day the past tense resolved back ("ministers met on Saturday") is not ahead,
    # even when it is the publication day.
    ahead = sorted({c.day for c in firm if c.day >= published and not c.past})
    spans = [c for c in firm if c.last_day is not None and (not ahead or c.day in ahead)]
    # "in Ljubljana on December 5-6 ... will open on December 5 ... on 6 December": the
    # days inside a range are the range's event, not a choice.
    holding = {
        c.day
        for c in spans
        if all(c.day <= d <= c.last_day for d in (ahead or days))  # type: ignore[operator]
    }
    named = sorted(set(ahead or days) & (headline or set()))
    # "The summit opens Tuesday ... leaders meet on Wednesday": the first day, when the
    # text says the event opens then.
    first = min(ahead or days)
    opens = any(c.opening and c.day == first and not c.past for c in firm)
    if len(days) == 1:
        day = days[0]
    elif len(ahead) == 1:
        day = ahead[0]
    elif len(holding) == 1:
        day = holding.pop()
    elif len(named) == 1:
        day = named[0]
    elif opens and (max(ahead or days) - first).days <= SPAN_DAYS:
        day = first
    else:
        listed = ", ".join(d.isoformat() for d in (ahead or days)[:5])
        return None, f"the text names several dates ({listed})"
    same_day = [c for c in firm if c.day == day]
    timed = {(c.clock, c.clock_zone, c.clock_label) for c in same_day if c.clock is not None}
    if len(timed) > 1:
        return None, f"the text gives {day.isoformat()} several times of day"
    # The sentence that says most: a time, then a place, then the longest (not a stamp line).
    best = max(
        same_day,
        key=lambda c: (
            c.clock is not None,
            c.last_day is not None,
            bool(c.places),
            len(c.sentence),
        ),
    )
    return best, ""


def _place_for(
    chosen: Candidate, paragraphs: Sequence[str], whole_text: bool, title: str = ""
) -> tuple[Place | None, str]:
    """The place whose zone the event is in, and where it was named.

    Nearest first: the sentence, its paragraph, the dateline, the headline, and (for a
    date without a time, where a wrong zone cannot move the instant) the
    whole text; each counts only when its places share one zone. When the
    sentence names several zones, the dateline may settle it; else (None, why).
    """
    found = find_dateline(paragraphs)
    dateline = found.place if found else None
    zones = {p.zone for p in chosen.places}
    if len(zones) > 1:
        # Only the dateline's own place named in the sentence: "MOSCOW - The Kremlin said
        # its delegation would travel to Istanbul" is not settled by the Kremlin's zone.
        if dateline is not None and any(p.name == dateline.name for p in chosen.places):
            return next(p for p in chosen.places if p.name == dateline.name), "the dateline"
        named = ", ".join(p.name for p in chosen.places)
        return None, f"{_SEVERAL_ZONES} ({named})"
    for places, where in (
        (chosen.places, "the sentence"),
        (places_in(chosen.paragraph), "its paragraph"),
        ((dateline,) if dateline else (), "the dateline"),
        # a date without a time only: a wrong zone cannot move its instant
        (places_in(title) if whole_text else (), "the headline"),
        (places_in("\n".join(paragraphs)) if whole_text else (), "the text (its only place)"),
    ):
        if len({p.zone for p in places}) == 1:
            return places[0], where
    return None, ""
