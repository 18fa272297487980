"""Validate an article's metadata into typed values.

Every problem is collected with its line, so an editor fixes them all in one
pass. Times are strict: a date without a year or a datetime without an offset
is never guessed at, and an offset must agree with the event's zone.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from briefing_site.clock import FIRST_YEAR, LAST_YEAR
from briefing_site.config.schema import (
    abbreviation_problem,
    image_problem,
    language_problem,
    unknown_key_message,
    zone_problem,
)
from briefing_site.errors import ProblemList
from briefing_site.model import (
    EVENT_STATUSES,
    Event,
    EventStatus,
    Location,
    Metadata,
    Person,
    SiteConfig,
    Source,
    SourceArticle,
)
from briefing_site.safetext import (
    forbidden_in,
    shows_nothing,
    without_any_invisible,
    without_forbidden,
    without_invisible,
)

# Tags an article may have: each is a page, and one article's 20,000 made 164 MB of them.
MAX_TAGS = 100
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
_T = TypeVar("_T")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEYS = (
    "title",
    "summary",
    "slug",
    "date",
    "updated",
    "event",
    "people",
    "tags",
    "sources",
    "draft",
    "sections",
    "drop",
    "keep",
    "image",
    "author",
    "language",
)
_PERSON_KEYS = ("name", "role")
_SOURCE_KEYS = ("title", "url")
_EVENT_KEYS = (
    "name",
    "start",
    "end",
    "timezone",
    "location",
    "also_in",
    "status",
    "previous_start",
)


# Letters NFKD does not take apart into ASCII plus accents.
_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "œ": "oe", "þ": "th", "ð": "d"}
    | {"Æ": "AE", "Ø": "O", "Đ": "D", "Ł": "L", "Œ": "OE", "Þ": "TH", "Ð": "D", "\u0131": "i"}
)


def slugify(text: str) -> str:
    """A safe ASCII slug, the same for NFC and NFD input ('Élysée—talks' → 'elysee-talks').

    Accents are dropped; any other character that is not an ASCII letter or
    digit (an em dash, a space, a CJK character) separates words.
    """
    visible = without_any_invisible(text)  # 'ab\u200bcd' is 'abcd', not 'ab-cd'
    decomposed = unicodedata.normalize("NFKD", visible.translate(_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")
    return slug[:80].strip("-")


def safe_slug(slug: str) -> bool:
    """True for a slug that is safe as one path segment on every system."""
    return bool(SLUG.fullmatch(slug)) and not reserved_name(slug) and len(slug) <= 80


def reserved_name(name: str) -> bool:
    """Windows device names (`CON`, `nul`, `com1`...): unusable as a file or folder."""
    return name.lower() in _RESERVED


@dataclass
class _Checker:
    """Carries the article's path, lines and problem list through the checks."""

    article: SourceArticle
    problems: ProblemList

    def where(self, key: str) -> Location:
        return Location(self.article.metadata_path, self.article.metadata_lines.get(key, 1))

    def error(self, key: str, message: str) -> None:
        self.problems.add(self.where(key), f"{key}: {message}" if key else message)

    def line_in(self, value: object, key: str) -> Location:
        """The line of `key` inside a nested mapping from the YAML loader."""
        lines = getattr(value, "lines", {})
        return Location(self.article.metadata_path, lines.get(key, getattr(value, "line", 1)))

    def item_at(self, items: list[Any], index: int, key: str) -> Location:
        """The line of item `index` of the list under top-level `key` (the key's own
        line for a list the YAML loader did not number)."""
        lines = getattr(items, "lines", ())
        if index < len(lines):
            return Location(self.article.metadata_path, lines[index])
        return self.where(key)


def validate(article: SourceArticle, config: SiteConfig) -> Metadata:
    """The article's Metadata, or ContentError listing every problem."""
    check = _Checker(article, ProblemList())
    for line, message, _ in article.metadata_errors:
        check.problems.add(Location(article.metadata_path, line), message)
    for line, message in article.text_errors:
        check.problems.add(Location(article.path, line), message)
    unreadable = {key for _, _, key in article.metadata_errors}
    meta = article.metadata
    for key in meta:
        if key in _EVENT_KEYS and key not in ("name", *_KEYS):
            check.problems.add(
                check.where(key),
                f"unknown key {key!r}: it belongs inside event, as event.{key} "
                f"(indent it under event:, as '  {key}: ...')",
            )
        elif key not in _KEYS:
            check.problems.add(check.where(key), unknown_key_message(key, _KEYS))
    title = meta.get("title")
    blank = isinstance(title, str) and not _visible(title)  # "", or "\u200b" (shows nothing)
    missing = [key for key in ("title",) if (not title or blank) and key not in unreadable]
    if "title" in missing and "title" in meta and (title is None or blank):
        missing.remove("title")  # `title: #1 priority` is a key with a comment for its value
        comment = meta["title"] is None  # `title: #1 ...` (a quoted "" is plainly empty)
        check.error(
            "title",
            "is empty; write the headline"
            + (", in quotes if it starts with '#' (YAML reads the rest as a comment)" * comment),
        )
    event = meta.get("event")
    if isinstance(event, dict) and event.get("start") is None:
        missing.append("event.start")
    if missing:
        plural = "s" if len(missing) > 1 else ""
        check.problems.add(
            Location(article.metadata_path, 1),
            f"missing required field{plural}: {', '.join(missing)}",
        )
    values: dict[str, Any] = {
        "title": without_invisible(_text(check, "title")),
        "summary": _text(check, "summary"),
        "slug": _slug(check),
        "date": _published(check, "date", config.timezone),
        "updated": _published(check, "updated", config.timezone),
        "event": _event(check, config),
        "people": _people(check),
        **_tags(check),
        "sources": _sources(check),
        "draft": _flag(check, "draft"),
        "sections": _sections(check, config),
        "drop": _numbers(check, "drop"),
        "keep": _numbers(check, "keep"),
        "image": _image(check, "image"),
        "author": _text(check, "author"),
        "language": _language(check),
    }
    if not article.text_errors:  # (text that could not be read has no paragraphs to name)
        _paragraphs_named(check, values["drop"], values["keep"], values["sections"])
    check.problems.raise_if_any()
    return Metadata(**values)


def _text(check: _Checker, key: str) -> str:
    value = check.article.metadata.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        check.error(key, "must be text")
        return ""
    return without_forbidden(
        str(value)
    ).strip()  # pasted controls: no page, feed or card shows them


def _language(check: _Checker) -> str:
    """The article's own language, when it differs from the site's: its page's
    `lang` (screen readers pick their voice by it) and its feed and JSON-LD entries."""
    value = check.article.metadata.get("language")
    if value is None or value == "":
        return ""
    problem = language_problem(value)
    if problem:
        check.error("language", problem)
        return ""
    return str(value)


def _image(check: _Checker, key: str) -> str:
    """A share image: an http(s) URL or a path inside the built site."""
    value = _text(check, key)
    message = image_problem(value) if value else ""
    if message:
        check.error(key, message)
        return ""
    return value


def _flag(check: _Checker, key: str) -> bool:
    value = check.article.metadata.get(key, False)
    if not isinstance(value, bool):
        check.error(key, f"must be true or false, not {value!r}")
        return False
    return value


def _slug(check: _Checker) -> str:
    given = check.article.metadata.get("slug")
    if given is None:
        slug = slugify(PurePosixPath(check.article.path).stem)
        if not safe_slug(slug):
            check.problems.add(
                Location(check.article.path, 1),
                f"the file name gives no usable slug ({slug!r}): rename it or set slug: "
                "in the metadata",
            )
        return slug
    if isinstance(given, str) and reserved_name(given):
        check.error("slug", f"{given!r} is a reserved device name on Windows; choose another")
        return ""
    if isinstance(given, str) and SLUG.fullmatch(given) and not safe_slug(given):
        check.error("slug", f"{given[:40]!r}... is {len(given)} characters long; the limit is 80")
        return ""
    if not isinstance(given, str) or not safe_slug(given):
        better = slugify(given) if isinstance(given, str) else ""
        hint = f" (slug: {better})" if better and safe_slug(better) else ""
        message = f"{given!r} must be lower-case letters, digits and single hyphens{hint}"
        check.error("slug", message)
        return ""
    return given


def parse_instant(text: str, zone: str, keep_offset: bool = False) -> tuple[datetime, bool]:
    """An ISO date or datetime as an aware datetime in `zone`, and whether date-only.

    A datetime with an offset must agree with the zone at that instant (unless
    `keep_offset`: a publication time keeps the offset it was written with);
    one without is read in the zone, refusing times a DST change skips or repeats.
    """
    tz = ZoneInfo(zone)
    if not text.isascii():
        _refuse_lookalikes(text)
    if _DATE_ONLY.fullmatch(text):
        return datetime.combine(_iso(date.fromisoformat, _in_years(text)), time(0), tz), True
    if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", text):
        raise ValueError(f"{text!r} is not an ISO 8601 date (YYYY-MM-DD) or date-time")
    _in_years(text)
    value = _iso(datetime.fromisoformat, text)
    if value.tzinfo is None:
        return _localize(value, tz, zone), False
    if keep_offset:
        return value, False
    local = value.astimezone(tz)
    if local.utcoffset() != value.utcoffset():
        raise ValueError(
            f"{text!r}: offset {value.strftime('%z')} disagrees with {zone} "
            f"({local.strftime('%z')} at that time)"
        )
    return local, False


# What a word processor or a web page puts in a date for the ASCII it looks like: the
# minus sign (U+2212) Wikipedia writes offsets with, dashes, full-width colons.
_LOOKALIKES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-")
    | dict.fromkeys("\uff1a\u2236\ua789", ":")
    | dict.fromkeys("\u00a0\u2007\u202f\u3000", " ")
    | {"\uff0b": "+", "\uff34": "T", "\uff3a": "Z"}
)


def _refuse_lookalikes(text: str) -> None:
    """A date-time that only looks like ISO 8601 (its hyphens and minus sign pasted as
    U+2010 and U+2212): which character to retype, and the text retyped."""
    for char in text:
        if char.isascii():
            continue
        plain = char.translate(_LOOKALIKES)
        if plain == char and unicodedata.decimal(char, None) is not None:
            plain = str(unicodedata.decimal(char))  # full-width or Arabic-Indic digits
        if plain != char:
            retyped = "".join(
                str(unicodedata.decimal(c)) if unicodedata.decimal(c, None) is not None else c
                for c in text.translate(_LOOKALIKES)
            )
            name = unicodedata.name(char, "a character").lower()
            raise ValueError(
                f"{text!r}: {char!r} (U+{ord(char):04X}, {name}) only looks like {plain!r}: "
                f"retype it, as in {retyped.strip()}"
            )


def _in_years(text: str) -> str:
    """`text`, if its year is one a briefing can be about.

    Python's dates end at years 1 and 9999: a countdown's window, a feed's UTC
    time or the build's horizon a few days past such a date has no value, so
    a year near either end (a typo, most likely) is refused here, with its line.
    """
    year = int(text[:4])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"{text!r}: the year must be between {FIRST_YEAR} and {LAST_YEAR}")
    return text


def _iso(parse: Callable[[str], _T], text: str) -> _T:
    """`parse(text)`, its ValueError said in an editor's words, with the value quoted."""
    try:
        return parse(text)
    except ValueError as exc:
        raise ValueError(_why_not(text, str(exc))) from exc


def _why_not(text: str, reason: str) -> str:
    """Python's reason a date-shaped text is no date, as an editor can act on it."""
    year, month, day = (int(part) for part in text[:10].split("-"))
    if reason.startswith("month must be"):
        return f"{text!r}: there is no month {month}"
    if reason.startswith("day is out of range"):
        return f"{text!r}: there is no {calendar.month_name[month]} {day} in {year}"
    if reason.startswith("offset must be"):
        return (
            f"{text!r}: an offset is at most 23:59 either way "
            "(the world's zones run from -12:00 to +14:00)"
        )
    if re.search(r"\d\s*[A-Za-z]{2,5}$", text):
        return (
            f"{text!r}: write the offset as a number (-05:00), not a zone's letters, "
            "and the zone in event.timezone"
        )
    if reason.startswith("Invalid isoformat"):
        return f"{text!r} is not an ISO 8601 date-time, e.g. 2025-02-07T11:55:00-05:00"
    return f"{text!r}: {reason}"


def _localize(value: datetime, tz: ZoneInfo, zone: str) -> datetime:
    """A wall-clock time in `zone`, refusing one a DST change skips or repeats."""
    early, late = value.replace(tzinfo=tz, fold=0), value.replace(tzinfo=tz, fold=1)
    roundtrip = early.astimezone(UTC).astimezone(tz)
    if roundtrip.replace(tzinfo=None) != value:
        raise ValueError(f"{value.isoformat()} does not exist in {zone} (DST change)")
    if early.utcoffset() != late.utcoffset():
        raise ValueError(f"{value.isoformat()} happens twice in {zone} (DST change): add an offset")
    return early


def _published(check: _Checker, key: str, zone: str) -> datetime | None:
    value = check.article.metadata.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        check.error(key, f"{value!r} must be an ISO 8601 date or date-time")
        return None
    try:
        return parse_instant(value.strip(), zone, keep_offset=True)[0]
    except ValueError as exc:
        check.error(key, str(exc))
        return None


def _event(check: _Checker, config: SiteConfig) -> Event | None:
    spec = check.article.metadata.get("event")
    if spec is None:
        return None
    if not isinstance(spec, dict):
        check.error("event", "must be a mapping with name, start, timezone and location")
        return None
    before = len(check.problems.items)
    for key in spec:
        if key not in _EVENT_KEYS:
            check.problems.add(
                check.line_in(spec, key), "event: " + unknown_key_message(key, _EVENT_KEYS)
            )
    zone = spec.get("timezone", config.timezone)
    # "EST" loads as a zone but is an abbreviation: refused where an editor wrote it
    why = zone_problem(zone) or ("timezone" in spec and abbreviation_problem(zone))
    if why:
        check.problems.add(check.line_in(spec, "timezone"), f"event.timezone: {why}")
        for key in ("start", "end", "previous_start"):  # a mistyped date: reported now
            _event_time(check, spec, key, "UTC", keep_offset=True)
        return None
    also_in = spec.get("also_in", [])
    if isinstance(also_in, str):
        also_in = [also_in]
    wrong = (
        [zone_problem(z) or abbreviation_problem(z) for z in also_in]
        if isinstance(also_in, list)
        else []
    )
    if not isinstance(also_in, list) or any(wrong):
        why = next(filter(None, wrong), "must be a list of IANA time zones")
        check.problems.add(check.line_in(spec, "also_in"), f"event.also_in: {why}")
        also_in = []
    start = _event_time(check, spec, "start", zone)
    end = _event_time(check, spec, "end", zone) if "end" in spec else None
    status = _event_status(check, spec)
    previous = (
        _event_time(check, spec, "previous_start", zone) if "previous_start" in spec else None
    )
    title = check.article.metadata.get("title", "")
    # The name defaults to the title, which `_text` reads leniently (`title: 2025` is text).
    untitled = isinstance(title, bool) or not isinstance(title, str | int | float)
    name = spec.get("name", "" if untitled else str(title))
    location = spec.get("location", "")
    for key, value in (("name", name), ("location", location)):
        if not isinstance(value, str):
            check.problems.add(check.line_in(spec, key), f"event.{key}: must be text")
    if "name" in spec and isinstance(name, str) and not _visible(name):
        check.problems.add(
            check.line_in(spec, "name"),
            "event.name: is empty; write the event's name, or leave name out to use the title",
        )
    if start is None or len(check.problems.items) > before:
        return None
    if end is not None and (end[1] != start[1] or end[0] < start[0]):
        check.problems.add(
            check.line_in(spec, "end"),
            "event.end: must be the same kind as start (date or date-time) and not before it",
        )
        return None
    if "previous_start" in spec and not _previous_start_fits(check, spec, start, previous, status):
        return None
    return Event(
        name=_visible(str(name)),
        start=start[0],
        end=end[0] if end else None,
        all_day=start[1],
        timezone=str(zone),
        location=_visible(str(location)),
        also_in=tuple(str(z) for z in also_in),
        status=status or "scheduled",
        previous_start=previous[0] if previous else None,
    )


def _previous_start_fits(
    check: _Checker,
    spec: dict[str, Any],
    start: tuple[datetime, bool],
    previous: tuple[datetime, bool] | None,
    status: EventStatus | None,
) -> bool:
    """Whether `event.previous_start` can say when a rescheduled event was first due;
    if not, the problem is reported at its line. Its value was read with start's."""
    why = ""
    if previous is None:
        why = "is empty; write the date the event was first due, or leave previous_start out"
    elif status != "rescheduled":
        why = (
            "a postponed event keeps the date it was due as its start (no new date is set);"
            if status == "postponed"
            else "only a rescheduled event was due at another time;"
        ) + " with status: rescheduled, start is the new date and previous_start the old one"
    elif previous[1] != start[1]:
        why = "must be the same kind as start (date or date-time)"
    elif previous[0] == start[0]:
        why = "is the same as start; give the date the event was first due (start is the new one)"
    if why:
        check.problems.add(check.line_in(spec, "previous_start"), f"event.previous_start: {why}")
    return not why


# What an editor may write for a status: the American spelling, schema.org's own names
# (`EventCancelled`), another case or `_`/space for the hyphen. Each is refused with the
# value meant, not guessed at: the spelling on the page is the editor's to choose once.
_STATUS_SAME_AS: dict[str, EventStatus] = {
    **{s.replace("-", ""): s for s in EVENT_STATUSES},
    **{"event" + s.replace("-", ""): s for s in EVENT_STATUSES},
    "canceled": "cancelled",
    "eventcanceled": "cancelled",
    "online": "moved-online",
    "virtual": "moved-online",
    "delayed": "postponed",
}


def _event_status(check: _Checker, spec: dict[str, Any]) -> EventStatus | None:
    """`event.status`, or None (with the problem reported) when it is not one of the five."""
    value = spec.get("status", "scheduled")
    for status in EVENT_STATUSES:
        if value == status:
            return status
    meant = _STATUS_SAME_AS.get(re.sub(r"[-_ ]", "", str(value)).lower()) if value else None
    hint = f" (did you mean {meant!r}?)" if meant else ""
    wrong = "is empty" if value is None or value == "" else f"{value!r} is not a status"
    check.problems.add(
        check.line_in(spec, "status"),
        f"event.status: {wrong}{hint}; write one of {', '.join(EVENT_STATUSES)}",
    )
    return None


def _event_time(
    check: _Checker, spec: dict[str, Any], key: str, zone: str, keep_offset: bool = False
) -> tuple[datetime, bool] | None:
    value = spec.get(key)
    where = check.line_in(spec, key)
    if value is None:  # only `start` is required, and `validate` reports it
        return None
    if not isinstance(value, str):
        check.problems.add(where, f"event.{key}: {value!r} must be an ISO 8601 date or date-time")
        return None
    try:
        return parse_instant(value.strip(), zone, keep_offset)
    except ValueError as exc:
        # Without event.timezone the site's zone was assumed: say so, it is the likely fix.
        assumed = "timezone" not in spec and "disagrees with" in str(exc)
        hint = f" (no event.timezone, so the site's {zone} was used)" if assumed else ""
        check.problems.add(where, f"event.{key}: {exc}{hint}")
        return None


def _visible(text: str) -> str:
    """`text` as shown: stripped, without bidi controls, zero-width characters and the
    controls HTML forbids; "" when nothing of it shows (a soft hyphen, a Hangul filler)."""
    shown = without_forbidden(without_invisible(text)).strip()
    return "" if shows_nothing(shown) else shown


def _people(check: _Checker) -> tuple[Person, ...]:
    value = check.article.metadata.get("people", [])
    if value is not None and not isinstance(value, list):  # `name:` and `role:` under it
        check.error("people", f"must be a list, one '- ' line per person: {_LIST_OF_PEOPLE}")
        return ()
    if value is None:  # `people:` and nothing under it
        check.error("people", "each person must be a name or {name: ..., role: ...}")
        return ()
    people = []
    for index, item in enumerate(value):
        # Each bad entry at its own line, and on to the next: one run names every
        # entry to fix. A name of zero-width or bidi characters only is as empty as
        # "" (an empty item in the key facts); a role like it is dropped.
        where = check.item_at(value, index, "people")
        if isinstance(item, dict):
            person = _person(check, item, where)
            if person is not None:
                people.append(person)
        elif isinstance(item, str) and _visible(item):
            people.append(Person(_visible(item)))
        elif isinstance(item, str) or item is None:
            check.problems.add(where, f"people: {_EMPTY_NAME}")
        else:
            check.problems.add(
                where,
                f"people: {item!r} is no person: write a name, or {{name: ..., role: ...}}",
            )
    return tuple(people)


_EMPTY_NAME = "a person's name is empty: write it, or leave the entry out"


def _person(check: _Checker, item: dict[str, Any], where: Location) -> Person | None:
    """A `{name: ..., role: ...}` entry, or None with every problem in it reported."""
    before = len(check.problems.items)
    name = item.get("name")
    if "name" not in item:
        check.problems.add(where, "people: a person needs a name: {name: ..., role: ...}")
    elif name is not None and not isinstance(name, str):
        check.problems.add(check.line_in(item, "name"), "people: name: must be text")
    elif not _visible(str(name if name is not None else "")):
        check.problems.add(check.line_in(item, "name"), f"people: {_EMPTY_NAME}")
    why = _entry_problem(item, _PERSON_KEYS, "role")
    if why:
        check.problems.add(check.line_in(item, why[0]), f"people: {why[1]}")
    if len(check.problems.items) > before:
        return None
    return Person(_visible(str(name)), _visible(str(item.get("role") or "")))


_LIST_OF_PEOPLE = "- {name: Shigeru Ishiba, role: Prime Minister of Japan}"
_LIST_OF_SOURCES = "- {title: NHK, url: https://example.org/story}"


def _entry_problem(item: dict[str, Any], known: tuple[str, ...], text: str) -> tuple[str, ...]:
    """(key, why) for a person's or source's first unknown key (a typo like `roll:`
    would be dropped unseen) or `text` value that is no text (a list would show
    as "['a']"), or (). A bare `role:` or `title:` is as good as none."""
    before: tuple[object, object] = (None, None)  # the key before, and its value
    for key in item:
        if key not in known:
            told = unknown_key_message(str(key), known)
            if item[key] is None and isinstance(before[1], str) and "did you mean" not in told:
                # `{name: X, role: President, France}`: in braces a comma ends the value.
                return str(key), (
                    f"unknown key {str(key)!r}: a comma inside {{...}} ends a value; "
                    f'put it in quotes ({before[0]}: "{before[1]}, {key}")'
                )
            return str(key), told
        before = (key, item[key])
    value = item.get(text)
    if value is not None and (isinstance(value, bool) or not isinstance(value, str | int | float)):
        return text, f"{text}: must be text"
    return ()


def _tags(check: _Checker) -> dict[str, tuple[str, ...]]:
    """`tags` (slugs, each once) and `tag_names` (each one's first spelling here)."""
    value = check.article.metadata.get("tags", [])
    if isinstance(value, str) and "," in value:  # one tag 'japan-trade', else: say so
        words = ", ".join(word.strip() for word in value.split(",") if word.strip())
        check.error(
            "tags",
            f"{value!r} is one text, not a list: write tags: [{words}] "
            f'(or tags: ["{value}"] for one tag)',
        )
        return {"tags": (), "tag_names": ()}
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(t, str | int) for t in value):
        check.error("tags", "must be a list of words")
        return {"tags": (), "tag_names": ()}
    named: dict[str, str] = {}
    bad: list[tuple[Location, str]] = []  # each tag that makes no page, at its own line
    for index, raw in enumerate(value):
        slug, name, why = _tag(str(raw))
        named.setdefault(slug, name)
        if why:
            bad.append((check.item_at(value, index, "tags"), f"tags: {why}"))
    if len(named) > MAX_TAGS:
        check.error(
            "tags", f"{len(named):,} tags; at most {MAX_TAGS} an article, since each is a page"
        )
    else:
        for where, why in bad:
            check.problems.add(where, why)
    return {"tags": tuple(named), "tag_names": tuple(named.values())}


@lru_cache(maxsize=4096)
def _tag(raw: str) -> tuple[str, str, str]:
    """A tag's slug, its name as shown, and why it makes no tag page (or ""): the same
    few hundred tags come back in article after article, and working one out takes
    ~35 us (a tenth of the metadata's checks), so each is worked out once a process."""
    return slugify(raw), " ".join(without_forbidden(raw).split()), _tag_problem(raw)


def _tag_problem(tag: str) -> str:
    """Why `tag` makes no tag page (its URL is its ASCII slug), or ""."""
    slug = slugify(tag)
    if safe_slug(slug):
        return ""
    if reserved_name(slug):
        return f"{tag!r}: a reserved name on Windows (CON, NUL...): use another word"
    if any(char.isalnum() for char in tag):
        return (
            f"{tag!r}: a tag's URL is made of Latin letters and digits, and this one has "
            "none: write it in Latin letters (e.g. japan)"
        )
    return f"{tag!r}: a tag needs letters or digits"


def _url_problem(url: object) -> str:
    """Why a source's `url` is no web address to link to, or ""."""
    if not isinstance(url, str):
        return "each source needs a url starting with http:// or https://"
    control = forbidden_in(url)
    if control:  # it would land in the link as it is
        return f"{url!r} has a control character (U+{ord(control):04X}): retype it"
    if re.fullmatch(r"https?://\S+", url):
        return _host_problem(url)
    stripped = url.strip()
    if re.fullmatch(r"https?://", url):
        return _host_problem(url)
    if re.match(r"^https?://", stripped) and re.search(r"\s", stripped):
        return f"{url!r} has a space: is it one URL?"
    if re.fullmatch(r"https?://\S+", stripped):  # YAML's `>` or `|` adds a final line break
        return f"{url!r} starts or ends with a space or line break: remove it"
    return f"{url!r} must start with http:// or https://"


def _host_problem(url: str) -> str:
    """Why a URL of the right shape leads to no site, or "": `https:///story` (a
    slash too many) or `https://` alone link nowhere, and a reader's browser says so."""
    found = re.match(r"https?://([^/?#]*)", url)
    host = found.group(1).rpartition("@")[2] if found else ""  # not a `user@`
    if ":" in host and not host.endswith("]"):  # nor its `:port`
        host = host.rpartition(":")[0]
    if not host:
        return f"{url!r} names no site after {url.split('//')[0]}//: write it as https://example.org/story"
    return ""


def _sources(check: _Checker) -> tuple[Source, ...]:
    value = check.article.metadata.get("sources", [])
    if value is not None and not isinstance(value, list):  # `title:` and `url:` under it
        check.error("sources", f"must be a list, one '- ' line per source: {_LIST_OF_SOURCES}")
        return ()
    if value is None:  # `sources:` and nothing under it
        check.error("sources", _url_problem(None))
        return ()
    sources = []
    for index, item in enumerate(value):
        # Each bad entry at its own line, and on to the next (as people).
        where = check.item_at(value, index, "sources")
        if isinstance(item, str):
            why = _url_problem(item)
            if why:
                check.problems.add(where, f"sources: {why}")
            else:
                sources.append(Source(without_forbidden(item).strip() or item, _escaped_url(item)))
            continue
        if not isinstance(item, dict):
            what = "an empty '- ' entry" if item is None else f"{item!r}"
            check.problems.add(
                where,
                f"sources: {what} is no source: write a URL, or {{title: ..., url: ...}}",
            )
            continue
        before = len(check.problems.items)
        url = item.get("url")
        why = _url_problem(url)
        if why:
            check.problems.add(
                check.line_in(item, "url") if "url" in item else where, f"sources: {why}"
            )
        wrong = _entry_problem(item, _SOURCE_KEYS, "title")
        if wrong:
            check.problems.add(check.line_in(item, wrong[0]), f"sources: {wrong[1]}")
        if len(check.problems.items) > before or not isinstance(url, str):
            continue
        title = item.get("title") or url
        sources.append(Source(without_forbidden(str(title)).strip() or url, _escaped_url(url)))
    return tuple(sources)


# Characters a browser percent-encodes in a URL anyway, but which make an `href`
# invalid HTML as written (the Nu checker refuses them): encoded here, the same address.
_UNSAFE_IN_URL = re.compile(r"[<>\"'`{}|^]")


def _escaped_url(url: str) -> str:
    """`url` with the characters HTML's URL rules refuse percent-encoded."""
    return _UNSAFE_IN_URL.sub(lambda found: f"%{ord(found.group()):02X}", url)


def _numbers(check: _Checker, key: str) -> tuple[int, ...]:
    """`drop:` / `keep:`: a list of paragraph numbers (as `explain` shows them)."""
    value = check.article.metadata.get(key)
    if value is None:
        return ()
    numbers: list[object] = value if isinstance(value, list) else [value]
    valid = [n for n in numbers if isinstance(n, int) and not isinstance(n, bool) and n > 0]
    if len(valid) != len(numbers):
        check.error(key, "must be a list of paragraph numbers (whole numbers from 1)")
        return ()
    return tuple(valid)


def _sections(check: _Checker, config: SiteConfig) -> tuple[tuple[str, tuple[int, ...]], ...]:
    value = check.article.metadata.get("sections")
    if value is None:
        return ()
    names = {t.name for t in config.topics} | {"lede"}

    def valid(n: object) -> bool:
        return isinstance(n, int) and not isinstance(n, bool) and n > 0

    if not isinstance(value, dict):
        check.error("sections", "must map a topic to a list of paragraph numbers")
        return ()
    out = []
    for topic, numbers in value.items():
        where = check.line_in(value, topic)
        if topic not in names:
            hint = (
                f"; to leave paragraphs out, write drop: {numbers!r} at the top level"
                if str(topic).casefold() in ("junk", "drop", "dropped", "remove", "delete")
                else ""
            )
            check.problems.add(
                where,
                f"sections: unknown topic {topic!r}; topics: {', '.join(sorted(names))}{hint}",
            )
            continue
        numbers = numbers if isinstance(numbers, list) else [numbers]
        if not all(valid(n) for n in numbers):
            check.problems.add(
                where, f"sections.{topic}: paragraph numbers must be whole numbers from 1"
            )
            continue
        out.append((str(topic), tuple(int(n) for n in numbers)))
    return tuple(out)


def _paragraphs_named(
    check: _Checker,
    drop: tuple[int, ...],
    keep: tuple[int, ...],
    sections: tuple[tuple[str, tuple[int, ...]], ...],
) -> None:
    """`drop:`, `keep:` and `sections:` name paragraphs that exist (numbered as
    `explain` shows them), `keep:` and `sections:` none that `drop:` names, and
    `sections:` none twice: in the same run as the rest of the metadata, each at its
    number's line. (So every paragraph `sections:` names reaches the sectioner.)"""
    # A block that was only an HTML comment keeps its number: naming it does nothing.
    numbers = {p.number for p in (*check.article.paragraphs, *check.article.comments)}
    meta = check.article.metadata
    for key, listed in (("drop", drop), ("keep", keep)):
        items = meta.get(key)
        for index, number in enumerate(listed):
            where = (
                check.item_at(items, index, key) if isinstance(items, list) else check.where(key)
            )
            if number not in numbers:
                check.problems.add(where, f"{key}: there is no paragraph {number}")
            elif key == "keep" and number in drop:
                check.problems.add(where, f"keep: paragraph {number} is also in drop")
    given = meta.get("sections")
    placed: dict[int, str] = {}
    for topic, listed in sections:
        items = given.get(topic) if isinstance(given, dict) else None
        for index, number in enumerate(listed):
            if isinstance(items, list):
                where = check.item_at(items, index, "sections")
            else:
                where = check.line_in(given, topic)
            if number not in numbers:
                check.problems.add(where, f"sections.{topic}: there is no paragraph {number}")
            elif number in drop:  # placed and left out at once: say which is meant
                check.problems.add(where, f"sections.{topic}: paragraph {number} is also in drop")
            elif number in placed:
                check.problems.add(
                    where, f"sections: paragraph {number} is in both {placed[number]} and {topic}"
                )
            else:
                placed[number] = topic
