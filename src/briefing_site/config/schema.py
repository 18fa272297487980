"""Site configuration: `briefing.yaml` into a typed, validated SiteConfig.

Unknown keys are errors (a typo must not silently do nothing), and the
default topics with their classifier lexicons come from packaged data.
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from briefing_site.config.yamlload import YamlMap, parse_yaml, parse_yaml_recovering
from briefing_site.config.zones import LEGACY_ZONES, zone_for_abbreviation
from briefing_site.errors import ContentError, Problem, ProblemList
from briefing_site.model import Location, SiteConfig, Topic
from briefing_site.safetext import forbidden_in
from briefing_site.site import CONFIG_FILE

TOPIC_NAME = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
# `lede` is taken; Windows device names can never be a file or folder name.
RESERVED_TOPICS = {
    "lede",
    "con",
    "prn",
    "aux",
    "nul",
    *(f"{d}{i}" for d in ("com", "lpt") for i in range(10)),
}
_TOPIC_KEYS = ("title", "aliases", "words", "patterns")


# What other site generators (Hugo, Jekyll, Eleventy) call a key that is here by another
# name: a spelling match would point `description` at `sections`, `name` at `cname`.
_SAME_AS = {
    "description": "summary",
    "excerpt": "summary",
    "abstract": "summary",
    "categories": "tags",
    "keywords": "tags",
    "lastmod": "updated",
    "modified": "updated",
    "lastmodified": "updated",
    "publishdate": "date",
    "pubdate": "date",
    "baseurl": "base_url",
    "url": "base_url",
    "sitename": "title",
    "languagecode": "language",
    "defaultcontentlanguage": "language",
    "paginate": "page_size",
}


def unknown_key_message(key: str, known: tuple[str, ...]) -> str:
    """'unknown key' with a did-you-mean, shared by config and metadata."""
    same = _SAME_AS.get(re.sub(r"[-_ ]", "", str(key)).lower())
    if same in known:
        close = [same]
    else:
        import difflib  # here: only a mistake pays its import (~3 ms of every build)

        close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key {key!r}{hint}; known keys: {', '.join(known)}"


# Files in a zoneinfo folder that load as zones but name none: this machine's own zone
# (a site would build differently on each machine), a fallback, a placeholder, and the
# copies under posix/ and right/ (right/ counts leap seconds: every time 27 s off).
_NOT_ZONES = ("localtime", "posixrules", "Factory")
_COPIES = ("posix/", "right/")


def valid_zone(name: object) -> bool:
    """True when `name` is an IANA time zone that zoneinfo knows."""
    if not isinstance(name, str) or not name or name.startswith(("/", ".")) or ".." in name:
        return False
    if name in _NOT_ZONES or name.startswith(_COPIES):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: `Europe` is a folder
        return False
    return True


def zone_problem(name: object) -> str:
    """ "" for a known zone, else why not and the name most likely meant.

    Editors write the zone as they say it: in lower case, with a space
    (`America/New York`), as a city (`Tokyo`) or as an offset (`UTC+1`).
    """
    if valid_zone(name):
        return ""
    unknown = f"{name!r} is not a known IANA time zone"
    text = str(name).strip() if isinstance(name, str | int | float) else ""
    if instead := zone_for_abbreviation(text):  # "JST", "CEST": what copy says
        return f"{name!r} is an abbreviation, not a time zone; write {instead}"
    if re.fullmatch(r"(?:UTC|GMT)?\s*[+-]\s*\d{1,2}(?::?\d\d)?", text, re.I):
        return f"{unknown}; give a zone's name (e.g. Europe/Paris), not an offset"
    if text in _NOT_ZONES:
        return f"{unknown} (a file of the zone database, not a place's zone); e.g. Europe/Paris"
    if text.startswith(_COPIES):
        text = text.split("/", 1)[1]  # right/Europe/Paris: did you mean Europe/Paris?
    meant = _zones_by_key().get(_zone_key(text))
    if meant:
        return f"{unknown}; did you mean {meant!r}?"
    return f"{unknown}; e.g. Europe/Paris, America/New_York, Asia/Tokyo"


def abbreviation_problem(name: object) -> str:
    """ "" unless `name` loads as a zone but is an abbreviation's or a rule's (EST, CET,
    EST5EDT): fixed or rule-bound offsets that are no place's clock (EST is -05:00 all
    summer, when New York keeps -04:00). Said with the zone to write instead."""
    if not isinstance(name, str) or name.strip().upper() not in LEGACY_ZONES:
        return ""
    return f"{name!r} is an abbreviation, not a place's zone; write {zone_for_abbreviation(name)}"


def _zone_key(text: str) -> str:
    return re.sub(r"[\s_-]+", "_", text.strip()).lower()


@cache
def _zones_by_key() -> dict[str, str]:
    """Each zone by its name, and the city alone, folded ("tokyo" → Asia/Tokyo).

    Read only when a zone is wrong: listing them takes tens of milliseconds.
    A city in two regions keeps its first, in sorted order.
    """
    found: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        if zone.startswith(("Etc/", "SystemV/", "posix/", "right/")) or "/" not in zone:
            continue
        found.setdefault(_zone_key(zone), zone)
        found.setdefault(_zone_key(zone.rsplit("/", 1)[1]), zone)
    return found


def _packaged_text(name: str) -> str:
    """A data file of the package: read beside the package's files where they are
    on disk (every build reads the topics, and `importlib.resources` imports
    `zipfile`, ~10 ms), else through `importlib.resources` (a zipped install)."""
    try:
        return (Path(__file__).parent.parent / name).read_text("utf-8")
    except (OSError, TypeError):  # TypeError: no __file__ (a frozen application)
        from importlib import resources  # here: only a zipped install pays the import

        return resources.files("briefing_site").joinpath(name).read_text("utf-8")


# Where the packaged topics come from, as problems name it. Their patterns are the
# package's own: a test holds each to `pattern_problem`, so a build does not (~7 ms).
PACKAGED_TOPICS = "briefing_site/data/topics.yaml"


@cache
def default_topics() -> tuple[Topic, ...]:
    """The packaged topics (economy, defense, history, outlook) and lexicons."""
    text = _packaged_text("data/topics.yaml")
    data = parse_yaml(text, PACKAGED_TOPICS)
    problems = ProblemList()
    topics = _parse_topics(data, {}, PACKAGED_TOPICS, problems)
    problems.raise_if_any()
    return topics


def parse_config(text: str | None, path: str = CONFIG_FILE) -> SiteConfig:
    """Validate the config file's text (None: no file, all defaults)."""
    if text is None or not text.strip():
        return SiteConfig(topics=default_topics())
    # A syntax error or a key given twice is named with the settings' other problems.
    data, syntax = parse_yaml_recovering(text, path)
    if syntax and not isinstance(data, YamlMap):
        raise ContentError(syntax)
    if data is None:  # only comments (every setting commented out), or a bare `~`
        return SiteConfig(topics=default_topics())
    if not isinstance(data, YamlMap):
        raise ContentError.at(Location(path, 1), "briefing.yaml must be a mapping of settings")
    problems = ProblemList()
    problems.items.extend(syntax)
    values: dict[str, Any] = {}
    broken = _broken_values(data, syntax)
    for key, value in data.items():
        where = Location(path, data.line_of(key))
        check = _CHECKS.get(key)
        if check is None:
            problems.add(where, unknown_key_message(key, tuple(_CHECKS)))
            continue
        if value is None and key in broken:  # its lines were the syntax error's: named
            continue
        # `timezone:` with nothing after it: not "None is not a known IANA time zone".
        message = "is empty: give it a value, or delete the line to use the default"
        if value is not None:
            message = check(value)
        if message:
            problems.add(where, f"{key}: {message}")
        elif key == "topics":
            defaults = {t.name: t for t in default_topics()}
            unworded: list[tuple[str, int]] = []
            values[key] = _parse_topics(value, defaults, path, problems, unworded)
            values["unworded_topics"] = tuple(unworded)
        elif key == "junk_patterns":
            values[key] = tuple(value)
        elif key == "base_url":
            values[key] = value if value.endswith("/") else value + "/"
        elif key == "cname":
            values[key] = value.lower()
        else:
            values[key] = value
    problems.raise_if_any()
    values.setdefault("topics", default_topics())
    if values.get("cname") and "base_url" not in values:
        values["base_url"] = f"https://{values['cname']}/"  # a custom domain serves from its root
    return SiteConfig(**values)


def _broken_values(data: YamlMap, syntax: list[Problem]) -> set[str]:
    """The keys whose value's lines hold a syntax error: the reader left such a value
    empty (`topics:` over a line indented with a tab), and "is empty" would send the
    editor to fill in a value they wrote."""
    lines = sorted((data.line_of(key), key) for key in data)
    ends = [line for line, _ in lines[1:]] + [1 << 30]
    errors = [p.location.line for p in syntax]
    return {
        key
        for (line, key), end in zip(lines, ends, strict=True)
        if any(line < at < end for at in errors)
    }


def _is_text(value: object) -> str:
    if not isinstance(value, str):
        return "must be text"
    control = forbidden_in(value)
    if control:  # pasted from a terminal or a word processor: every page would carry it
        return f"has a control character (U+{ord(control):04X}): delete it"
    return ""


def _is_name(value: object) -> str:
    """Text with something in it: the site's title heads every page and each tab."""
    if isinstance(value, str) and not value.strip():
        return "is empty: write the site's name, or delete the line to use the default"
    return _is_text(value)


# BCP 47 as pages, feeds and search use it: a language, then script, region,
# variants, extensions (-u-co-phonebk) and private use (-x-twain), or private use
# or a grandfathered i- tag alone. The language is 2 or 3 letters: no longer one
# is registered, and `English` must not pass for one.
_LANGUAGE_TAG = re.compile(
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
    r"|[Xx](?:-[A-Za-z0-9]{1,8})+|[Ii](?:-[A-Za-z0-9]{2,8})+)$"
)
# Names editors write instead of the code (in English and in the language itself).
_LANGUAGE_NAMES = {
    "english": "en", "french": "fr", "français": "fr", "german": "de", "deutsch": "de",
    "spanish": "es", "español": "es", "portuguese": "pt", "português": "pt",
    "italian": "it", "italiano": "it", "dutch": "nl", "nederlands": "nl",
    "japanese": "ja", "chinese": "zh", "korean": "ko", "russian": "ru", "arabic": "ar",
}  # fmt: skip


def language_problem(value: object) -> str:
    """A language code: `English` or `en_US` would be the pages' lang (which HTML
    and feeds do not know) and turn off the junk filter's English rules, which a
    site gets only when its language is `en` or starts with `en-`."""
    if isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value):
        return ""
    code = _LANGUAGE_NAMES.get(str(value).strip().casefold())
    if isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value.replace("_", "-")):
        code = value.replace("_", "-")  # a locale's name (en_US): the tag has a hyphen
    hint = f" ({value}: {code})" if code else ""
    return f"{value!r} must be a language code such as en, en-GB, fr or ja{hint}"


def _is_flag(value: object) -> str:
    return "" if isinstance(value, bool) else "must be true or false"


def _check_zone(value: object) -> str:
    return zone_problem(value)


def base_url_problem(value: object) -> str:
    """Why `value` is no base URL (`-b` or `base_url`), or "": every internal link
    starts with it, so `user.github.io/repo` would make each one a relative path."""
    if not isinstance(value, str) or not value:
        return "must be text, e.g. https://user.github.io/repo/ or /"
    if re.search(r"[?#\s]", value):
        return f"{value!r} must be a plain URL: no spaces, no ?query or #fragment"
    if re.search(r'["<>\\^`{|}]', value):
        return f"{value!r} must be a plain URL: no quotes, <, >, backslashes or braces"
    if value.startswith("//"):  # a browser reads //host/ as another site's address
        return f"{value!r} must start with http://, https:// or a single /"
    if value.startswith("/") or re.match(r"^https?://[^/\s]+(/\S*)?$", value):
        return ""
    return f"{value!r} must start with http://, https:// or /"


def _check_base_url(value: object) -> str:
    return base_url_problem(value)


def image_problem(value: str) -> str:
    """Why `value` is no share image (an http(s) URL or a site path), or ''."""
    if re.fullmatch(r"https?://[^/\s]+/\S*", value):
        return ""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) or value.startswith("//"):
        return f"{value!r} must be an http(s) URL or a path in the site, e.g. assets/share.png"
    # A browser reads a backslash as a slash: `/\host/x.png` is another site's file.
    if any(part in ("", ".", "..") for part in value.strip("/").split("/")) or re.search(
        r"[\s\\]", value
    ):
        return f"{value!r} is not a usable path in the site"
    return ""


def _check_image(value: object) -> str:
    if not isinstance(value, str):
        return "must be text: a URL or a path in the site"
    return image_problem(value) if value else ""


def _check_cname(value: object) -> str:
    """A bare host name, as GitHub Pages' CNAME file wants it."""
    pattern = r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$"
    if isinstance(value, str) and re.fullmatch(pattern, value.lower()):
        return ""
    return f"{value!r} must be a domain name such as news.example.org (no https://, no path)"


def _check_flag(value: object) -> str:
    return "" if isinstance(value, bool) else f"must be true or false, not {value!r}"


def _check_patterns(value: object) -> str:
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        return "must be a list of regular expressions"
    for pattern in value:
        problem = pattern_problem(pattern)
        if problem:
            return f"{pattern!r} {problem}"
    return ""


def pattern_problem(pattern: str) -> str:
    """Why a site's regex cannot run on article text, or "".

    A repeated group made of nothing but repeats (`(\\w+\\s?)+`) tries every way of
    splitting a line it does not match among its turns: twice the time for each
    letter more, so one ordinary sentence stalls the build for good. The marks
    that keep one split (`\\w++`, `(?>...)`) make it safe.
    """
    try:
        re.compile(pattern)
    except (re.error, OverflowError) as exc:  # (OverflowError: `{99999999999}`)
        return f"is not a valid regular expression: {exc}"
    except RecursionError:
        return "nests its groups too deeply to read"
    try:  # the parser `re` itself uses; private, so without it no further check
        parsed = importlib.import_module("re._parser").parse(pattern)
        sre = importlib.import_module("re._constants")
    except Exception:
        return ""
    try:
        runaway = _nested_repeat(list(parsed), sre)
        swallowing = _repeat_of_any(list(parsed), sre)
        sliding = not swallowing and _repeat_of_sliding_run(parsed, sre)
    except RecursionError:
        return "nests its groups too deeply to read"
    if runaway:
        return (
            "can run for ever on a line it does not match: a group that repeats holds "
            "nothing but repeats (as in (\\w+\\s?)+); make the inner one possessive "
            "(\\w++ for \\w+) or the group atomic ((?>...))"
        )
    if swallowing:
        return (
            "can run for ever on a line it does not match: a group that repeats holds .* "
            "or .+, so each turn may end at any of many places (as in (.*a){20}); end each "
            "turn at the first one: [^a]*a or (?>.*?a) for .*a"
        )
    if sliding:
        return (
            "can run for ever on a line it does not match: in a group that repeats, a run "
            "(as \\w* in (\\w*a){20}) may take the letters of what follows it, so each turn "
            "may end at any of many places; keep the run off them ([b-z]*a) or make it "
            "possessive (\\w*+)"
        )
    return ""


# A repeat of a body holding `.*` runs in time growing with the number of places a turn
# may end raised to the number of turns: (.*a){4} takes seconds on a long paragraph.
_ANY_TURNS = 3


def _repeat_of_any(items: list[Any], sre: Any) -> bool:
    """Whether a repeat of more than `_ANY_TURNS` turns has a body that holds an
    unbounded run of any character (`.*`, `.+`, `.*?`) and more. Each turn may then end
    wherever the rest of the body matches (`(.*a){20}`: at any of the line's a's), and a
    line that does not match is tried split every one of those ways. (A body of nothing
    but repeats is `_nested_repeat`'s.) Atomic groups and possessive repeats, which keep
    one split, are not looked into, as there. A body that is an alternation is looked
    into branch by branch: `(a|.*b){20}` splits a line as `(.*b){20}` does."""

    def swallowing(arg: Any) -> bool:
        many = arg[1] == sre.MAXREPEAT or arg[1] > _ANY_TURNS
        return bool(many) and _swallows(_flatten(list(arg[2]), sre), sre)

    return _some_repeat(items, sre, swallowing)


def _swallows(body: list[Any], sre: Any, *, branch: bool = False) -> bool:
    """Whether one turn of a repeat (`body`, plain groups opened) holds an unbounded run
    of any character and more, or has a branch that holds one, alone or not (`a|.*b`,
    `y|.*`): a turn taking that branch may end anywhere, so a run of turns splits a line
    every way, as `(.*b){20}` and `(.*){20}` do."""
    repeat = (sre.MAX_REPEAT, sre.MIN_REPEAT)
    runs = [a for o, a in body if o in repeat and a[1] == sre.MAXREPEAT]
    any_run = any(list(a[2]) == [(sre.ANY, None)] for a in runs)
    if any_run and (branch or any(o not in repeat for o, _ in body)):
        return True
    return any(
        _swallows(_flatten(list(alternative), sre), sre, branch=True)
        for o, a in body
        if o == sre.BRANCH
        for alternative in a[1]
    )


# Characters that stand for the classes a pattern's runs may hold, to tell whether two
# of them share one: ASCII, and a few letters, digits and spaces beyond it.
_SAMPLES = "".join(map(chr, range(128))) + "\u00a0\u00e9\u00df\u0394\u0416\u0663\u2028\u4e2d"
_SINGLE = ("LITERAL", "NOT_LITERAL", "IN", "ANY")


def _repeat_of_sliding_run(parsed: Any, sre: Any) -> bool:
    """Whether a repeat of more than `_ANY_TURNS` turns holds an unbounded run of one
    class of character followed, in the same turn or the next, by something that may
    start with a character of that class (`(\\w*a){20}`, `(a\\w*)+`, `(\\w+-?)+`).
    Where one turn ends is then free among all those characters, and a line that does
    not match is tried split every way: `_repeat_of_any`'s `(.*a){20}` with any run in
    place of `.*`. Atomic groups and possessive repeats keep one split and are not
    looked into."""
    compiler = importlib.import_module("re._compiler")
    singles = {getattr(sre, name) for name in _SINGLE}
    repeat = (sre.MAX_REPEAT, sre.MIN_REPEAT)

    def chars(item: Any) -> frozenset[str]:
        part = type(parsed)(parsed.state, [item])
        matcher = compiler.compile(part, parsed.state.flags)
        return frozenset(c for c in _SAMPLES if matcher.fullmatch(c))

    def first(body: list[Any], start: int, stop: int) -> frozenset[str]:
        """The characters that may open what follows `start` in a turn, the next turn's
        opening after the last item, up to (not past) `stop`."""
        found: frozenset[str] = frozenset()
        for step in range(1, len(body) + 1):
            index = (start + step) % len(body)
            if index == stop and step == len(body):
                break
            op, arg = body[index]
            if op in singles:
                return found | chars((op, arg))
            if op in repeat and list(arg[2]) and _flatten(list(arg[2]), sre)[0][0] in singles:
                found |= chars(_flatten(list(arg[2]), sre)[0])
                if arg[0] > 0:
                    return found
                continue
            return found  # an anchor, a look-around, a branch: stop looking
        return found

    def sliding(arg: Any) -> bool:
        if not (arg[1] == sre.MAXREPEAT or arg[1] > _ANY_TURNS):
            return False
        body = _flatten(list(arg[2]), sre)
        for index, (op, inner) in enumerate(body):
            run = list(inner[2]) if op in repeat and inner[1] == sre.MAXREPEAT else []
            if len(run) == 1 and run[0][0] in singles and len(body) > 1:  # noqa: SIM102
                if chars(run[0]) & first(body, index, index):  # (classes only when needed)
                    return True
        return False

    return _some_repeat(list(parsed), sre, sliding)


def _nested_repeat(items: list[Any], sre: Any) -> bool:
    """Whether a repeat that may run long (`+`, `*`, more than 10) has a body made only
    of repeats, one of them unbounded and at most one required: the same text then
    splits into turns in exponentially many ways. Atomic groups and possessive
    repeats, which keep one split, are not looked into."""

    def runaway(arg: Any) -> bool:
        body = _flatten(list(arg[2]), sre)
        repeats = [a for o, a in body if o in (sre.MAX_REPEAT, sre.MIN_REPEAT)]
        return bool(
            (arg[1] == sre.MAXREPEAT or arg[1] > 10)
            and body
            and len(repeats) == len(body)
            and any(a[1] == sre.MAXREPEAT for a in repeats)
            and sum(a[0] > 0 for a in repeats) <= 1  # (\\s+\\w+)*: one split only
        )

    return _some_repeat(items, sre, runaway)


def _some_repeat(items: list[Any], sre: Any, test: Callable[[Any], bool]) -> bool:
    """Whether `test` holds for a repeat's (min, max, body) anywhere in the parsed
    pattern: in groups, branches, look-arounds and other repeats' bodies, but not in
    atomic groups or possessive repeats, which keep one split."""
    for op, arg in items:
        inner: list[Any] = []
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if test(arg):
                return True
            inner = [arg[2]]
        elif op == sre.SUBPATTERN:
            inner = [arg[-1]]
        elif op == sre.BRANCH:
            inner = list(arg[1])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            inner = [arg[1]]
        if any(_some_repeat(list(part), sre, test) for part in inner):
            return True
    return False


def _flatten(items: list[Any], sre: Any) -> list[Any]:
    """A repeat's body with its plain groups opened (not atomic ones: they keep one split)."""
    flat: list[Any] = []
    for op, arg in items:
        if op == sre.SUBPATTERN:
            flat.extend(_flatten(list(arg[-1]), sre))
        else:
            flat.append((op, arg))
    return flat


def _check_page_size(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 1000:
        return ""
    return f"{value!r} must be a whole number from 1 to 1000"


def _check_shard_size(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100_000:
        return ""
    return f"{value!r} must be a whole number of pages from 1 to 100000"


def _check_topics(value: object) -> str:
    if isinstance(value, YamlMap) and not value:  # `topics: {}`: it is a mapping
        return "is empty: list at least one topic, or delete topics: to use the default ones"
    if isinstance(value, list) and value and all(isinstance(name, str) for name in value):
        # `topics: [economy, defense]`: the names are right, the shape is not
        keys = ", ".join(f"{name}: {{}}" for name in value)
        return (
            "must be a mapping of topic name to its settings, not a list: write each name "
            f"as a key (topics: {{{keys}}}, or one per line, '  economy:')"
        )
    if not isinstance(value, YamlMap):
        return "must be a mapping of topic name to its settings"
    return ""


_CHECKS: dict[str, Callable[[object], str]] = {
    "title": _is_name,
    "description": _is_text,
    "base_url": _check_base_url,
    "language": language_problem,
    "timezone": _check_zone,
    "author": _is_text,
    "publisher": _is_text,
    "image": _check_image,
    "cname": _check_cname,
    "google_news": _check_flag,
    "search": _check_flag,
    "search_shard_size": _check_shard_size,
    "topics": _check_topics,
    "junk_patterns": _check_patterns,
    "page_size": _check_page_size,
    "allow_raw_html_unsafe": _is_flag,
}


def _parse_topics(
    data: object,
    defaults: Mapping[str, Topic],
    path: str,
    problems: ProblemList,
    unworded: list[tuple[str, int]] | None = None,
) -> tuple[Topic, ...]:
    """Topics in the given order; a known topic inherits its default lexicon. Each one
    left with no cue words, where no `words:` key says so on purpose, is added to
    `unworded` with its line (see `SiteConfig.unworded_topics`)."""
    if not isinstance(data, YamlMap):
        problems.add(Location(path, 1), "topics must be a mapping")
        return ()
    topics = []
    written: list[tuple[str, Location, list[str]]] = []  # the headings each names itself
    for name, spec in data.items():
        where = Location(path, data.line_of(name))
        if not TOPIC_NAME.fullmatch(str(name)) or name in RESERVED_TOPICS:
            problems.add(
                where,
                f"topic name {name!r} must be lower-case letters, digits or - (not a reserved name)",
            )
            continue
        topic = _parse_topic(str(name), spec, defaults.get(name), where, problems)
        if topic is None:
            continue
        topics.append(topic)
        own = spec if isinstance(spec, dict) else {}
        titled = [own["title"]] if "title" in own else []
        written.append(
            (topic.name, where, [topic.name, *titled, *map(str, own.get("aliases", []))])
        )
        said = isinstance(spec, dict) and spec.get("words") is not None  # `words: []` too
        if unworded is not None and not (topic.words or topic.patterns or said):
            unworded.append((topic.name, where.line))
    return _one_topic_a_heading(topics, written, problems)


def _one_topic_a_heading(
    topics: list[Topic], written: list[tuple[str, Location, list[str]]], problems: ProblemList
) -> tuple[Topic, ...]:
    """Topics whose headings each place paragraphs in one topic.

    A heading two topics name went to the first listed, silently: one the site gives a
    topic (`aliases: [Energy]`) takes it from the default topic that had it (economy),
    and one the site gives two topics is an error at the second.
    """
    owner: dict[str, str] = {}
    for name, where, labels in written:
        for label in labels:
            other = owner.setdefault(heading_key(label), name)
            if other != name:
                problems.add(
                    where,
                    f"topic {name!r}: the heading {label!r} already places paragraphs in "
                    f"{other!r}: give it to one topic",
                )
    return tuple(
        replace(
            topic,
            aliases=tuple(
                a for a in topic.aliases if owner.get(heading_key(a), topic.name) == topic.name
            ),
        )
        for topic in topics
    )


_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1024)
def heading_key(text: str) -> str:
    """Headings compare without case, punctuation or curly quotes.

    Kept for the last 1,024 texts: each article asks it some twenty times, of its own
    few headings and the topics' names, and a site's headings repeat across articles."""
    return _NOT_WORD.sub(" ", text.replace("\u2019", "'").casefold()).strip()


def _parse_topic(
    name: str, spec: object, base: Topic | None, where: Location, problems: ProblemList
) -> Topic | None:
    if spec is None:
        spec = YamlMap()
    if not isinstance(spec, dict):
        problems.add(where, f"topic {name!r} must be a mapping of {', '.join(_TOPIC_KEYS)}")
        return None
    for key in spec:
        if key not in _TOPIC_KEYS:
            problems.add(where, f"topic {name!r}: " + unknown_key_message(key, _TOPIC_KEYS))
    title = spec.get("title", base.title if base else name.replace("-", " ").title())
    aliases = spec.get("aliases", [])
    if not isinstance(title, str) or not isinstance(aliases, list):
        problems.add(where, f"topic {name!r}: title must be text and aliases a list of text")
        return None
    if not title.strip():  # the section's heading, and its page's
        problems.add(where, f"topic {name!r}: title is empty: write the section's heading")
        return None
    words = _weights(spec.get("words"), name, "words", where, problems)
    patterns = _weights(spec.get("patterns"), name, "patterns", where, problems)
    for pattern, _ in patterns if where.path != PACKAGED_TOPICS else ():
        problem = pattern_problem(pattern)
        if problem:
            problems.add(where, f"topic {name!r}: pattern {pattern!r} {problem}")
    merged_aliases = tuple(dict.fromkeys([*(base.aliases if base else ()), *map(str, aliases)]))
    return Topic(
        name=name,
        title=title,
        aliases=merged_aliases,
        words=_merge(base.words if base else (), words),
        patterns=_merge(base.patterns if base else (), patterns),
    )


def _weights(
    value: object, name: str, key: str, where: Location, problems: ProblemList
) -> tuple[tuple[str, float], ...]:
    """`{cue: weight}`, or a plain list of cues at weight 1."""
    if value is None:
        return ()
    if isinstance(value, list):
        odd = next((item for item in value if not isinstance(item, str | int | float)), "")
        if odd != "":  # `[{trade: 2}]` made the cue "{'trade': 2}", which nothing matches
            problems.add(
                where,
                f"topic {name!r}: {key}: {'an empty entry' if odd is None else repr(odd)} "
                f"is not a {key[:-1]}: write {key}: [a, b], "
                f"or {key}: {{a: 2, b: 1}} to weigh them",
            )
            return ()
        value = {str(item): 1.0 for item in value}
    if not isinstance(value, dict) or not all(_is_weight(w) for w in value.values()):
        problems.add(where, f"topic {name!r}: {key} must map each cue to a number")
        return ()
    if key == "words":
        for cue in value:
            if not _CUE_LETTERS.search(_POSSESSIVE.sub("", str(cue).lower())):
                problems.add(
                    where,
                    f"topic {name!r}: word {str(cue)!r} has no letters a-z or digits, the only "
                    "ones the classifier reads: write it in Latin letters, or as a pattern",
                )
                return ()
    return tuple(
        (str(cue).lower() if key == "words" else str(cue), float(w)) for cue, w in value.items()
    )


_CUE_LETTERS = re.compile(r"[a-z0-9]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")  # the classifier drops "'s" from words and cues


def _is_weight(value: object) -> bool:
    """A finite number (a whole number of 400 digits is one, but no float holds it)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, int):
        return -1e300 < value < 1e300
    return math.isfinite(value)


def _merge(
    base: tuple[tuple[str, float], ...], extra: tuple[tuple[str, float], ...]
) -> tuple[tuple[str, float], ...]:
    merged = dict(base)
    merged.update(extra)
    return tuple(merged.items())
