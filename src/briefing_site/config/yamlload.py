"""Strict YAML for metadata and config: line numbers, no surprises.

Editors write YAML by hand, so the loader refuses what silently changes
meaning: YAML 1.1's `NO` → false, `12:30` → 750 and `012345` → octal are read
as strings; dates stay strings for the validator to parse; duplicate keys,
aliases and explicit tags are errors. Mappings remember each key's line.

One pass: libyaml's C parser hands over events with their marks, and one loop
refuses and builds the values as they come. No node graph is ever built (a
"billion laughs" file is refused at its first anchor, nesting at its 21st
level), and each front matter is parsed once, not scanned and then parsed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from briefing_site.errors import ContentError, Problem
from briefing_site.model import Location

# Metadata is a few levels deep; deeper is an attack, or a mistake.
MAX_DEPTH = 20
# Errors whose context mark (where a bracket or quote opened) is the line to fix.
# (A line with no colon is named, not the line after it where YAML gave up.)
_OPENED_AT = (
    "while parsing a flow",
    "while scanning a quoted scalar",
    "while scanning a simple key",
)
# Syntax errors collected from one file before giving up on recovering.
MAX_RECOVERIES = 10


class YamlMap(dict[str, Any]):
    """A mapping that knows the line of each of its keys (1-based, in the file)."""

    line: int
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class YamlList(list[Any]):
    """A list that knows the line each of its items starts on (1-based, in the file)."""

    lines: list[int]


class _PyParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's own event parser, for a PyYAML built without libyaml."""

    def __init__(self, text: str) -> None:  # pragma: no cover - libyaml is in the wheels
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


# libyaml's parser (~10x PyYAML's own); yaml.cyaml is not exported at the top level.
_Parser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None) or _PyParser


def _bool(text: str) -> bool:
    return text.lower() == "true"


def _null(text: str) -> None:
    return None


# YAML 1.2 core-schema scalars, minus timestamps, sexagesimals and octals: a plain
# scalar none of these match is a string. Tried in this order, by first character.
_SCALARS: tuple[tuple[tuple[str, ...], str, Callable[[str], Any]], ...] = (
    (tuple("tTfF"), r"^(?:true|True|TRUE|false|False|FALSE)$", _bool),
    (tuple("-+0123456789"), r"^[-+]?(?:0|[1-9][0-9]*)$", int),  # ValueError past 4,300 digits
    (tuple("-+0123456789."), r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", float),
    (("~", "n", "N", ""), r"^(?:~|null|Null|NULL|)$", _null),  # "" is `key:` with no value
)


def _by_first() -> dict[str, list[tuple[re.Pattern[str], Callable[[str], Any]]]]:
    """What a plain scalar may be, by its first character (so most try nothing)."""
    found: dict[str, list[tuple[re.Pattern[str], Callable[[str], Any]]]] = {}
    for firsts, pattern, read in _SCALARS:
        for first in firsts:
            found.setdefault(first, []).append((re.compile(pattern), read))
    return found


_BY_FIRST = _by_first()
_UNSAFE_CHARS = re.compile("[\x00\ud800-\udfff]")
_UNICODE_BREAKS = {0x2028: " ", 0x2029: " ", 0x85: " "}
# Spaces YAML does not take for one (`_ordinary_spaces`), and where it needs one.
_WIDE_SPACE = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]")
_ZERO_WIDTH = "\u200b\u2060\ufeff"
_KEY_SPACE = re.compile(
    "^(?P<indent>[ \u00a0\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]*)"
    "(?P<key>(?:- +)?[A-Za-z_][\\w-]*:)"
    "(?P<space>[\u00a0\u2000-\u200a\u202f\u205f\u3000]*)",
    re.MULTILINE,
)
_KEY = object()  # a mapping's next node is a key
_DROPPED = object()  # a mapping's key was refused: its value goes nowhere


class _Refused(Exception):
    def __init__(self, line: int, message: str, key: bool = False) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.key = key  # a key refused, its value left out: the rest reads as written


class _Late(Exception):
    """What the whole stream parsed into, and what in it was refused."""

    def __init__(self, refused: list[_Refused], root: Any) -> None:
        super().__init__(refused[0].message)
        self.refused = refused
        self.root = root


class RefusedYaml(ContentError):
    """A document that parsed whole but holds what the loader refuses (a duplicate key,
    a merge key, a NUL), each named at its line. When only keys were refused, `value`
    is the rest of it, each refused key left out, so a caller may check the rest too
    and report every problem in one run; else None."""

    def __init__(self, problems: list[Problem], value: Any) -> None:
        super().__init__(problems)
        self.value = value


@dataclass(slots=True)
class _Open:
    """A mapping or list still being read, and (a mapping's) key awaiting its value."""

    value: Any
    key: object = _KEY


class _Builder:
    """Builds one document from parser events, refusing as it goes.

    What the event stream shows (aliases, anchors, tags, depth) is refused
    where it occurs, in stream order with the syntax errors. The rest (keys
    that are no plain name, merge keys, duplicates; NUL; numbers too long) is
    noted and raised only once the stream parsed whole and holds one document,
    all of them, with the value: a refused key's value is left out of it.
    """

    def __init__(self, first_line: int, text: str) -> None:
        self.first_line = first_line
        # A NUL or lone surrogate in a value is in the text, or escaped with a
        # backslash: with neither anywhere, no value needs looking at.
        self.unsafe = "\\" in text or _UNSAFE_CHARS.search(text) is not None
        self.open: list[_Open] = []
        self.documents = 0
        self.root: Any = None
        self.root_mark: Any = None
        self.late: list[_Refused] = []
        self.extra: yaml.MarkedYAMLError | None = None

    def run(self, parser: Any) -> Any:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self._scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._start(event)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.open.pop()
            elif kind is yaml.DocumentStartEvent:
                self._document(event)
            elif kind is yaml.AliasEvent:
                line = event.start_mark.line + self.first_line
                raise _Refused(line, "YAML aliases (*name) are not allowed")
            elif event is None or kind is yaml.StreamEndEvent:
                break
        if self.extra is not None:
            raise self.extra
        if self.late:
            keys_only = all(refused.key for refused in self.late)
            raise _Late(self.late, self.root if keys_only else None)
        return self.root

    def _refuse(self, line: int, message: str, key: bool = False) -> None:
        """Note a refusal to raise at the end, with the others found."""
        self.late.append(_Refused(line, message, key))

    def _node(self, event: Any) -> int:
        """The node's line in the file, once it has neither an anchor nor a tag."""
        line: int = event.start_mark.line + self.first_line
        if event.anchor is not None:
            raise _Refused(line, "YAML anchors (&name) are not allowed")
        if event.tag is not None:
            raise _Refused(line, f"YAML tag {event.tag!r} is not allowed")
        return line

    def _scalar(self, event: Any) -> None:
        line = self._node(event)
        text: str = event.value
        value = self._read(text, event.implicit[0], line)
        top = self.open[-1] if self.open else None
        if top is None or top.key is not _KEY:
            self._add(value, event)
            return
        lines = top.value.lines  # a key, as written: `~:` is the key '~', never None
        if text == "<<":
            self._refuse(line, "YAML merge keys (<<) are not allowed", key=True)
            top.key = _DROPPED
            return
        if text in lines:  # the first value stays, at the line the checks name
            self._refuse(
                line, f"duplicate key {text!r} (first given at line {lines[text]})", key=True
            )
            top.key = _DROPPED
            return
        lines[text] = line
        top.key = text

    def _read(self, text: str, plain: bool, line: int) -> Any:
        """A scalar's value: a plain one may be a bool, number or null."""
        if self.unsafe and _UNSAFE_CHARS.search(text):
            self._refuse(line, "text contains a NUL or a lone surrogate escape")
            return text
        if not plain:
            return text
        for pattern, read in _BY_FIRST.get(text[:1], ()):
            if pattern.match(text):
                try:
                    return read(text)
                except ValueError:  # Python's cap on int('9' * 5000), said at the value's line
                    self._refuse(line, "a number too long to read: quote it if it is text")
                    return None
        return text

    def _start(self, event: Any) -> None:
        line = self._node(event)
        if len(self.open) >= MAX_DEPTH:
            raise _Refused(line, f"nested more than {MAX_DEPTH} levels deep")
        if self.open and self.open[-1].key is _KEY:
            self._refuse(line, "a mapping key must be a plain name", key=True)
        opened = _Open(YamlList(), None)  # a list awaits no key
        opened.value.lines = []
        if type(event) is yaml.MappingStartEvent:
            opened.value = YamlMap()
            opened.value.line = line
            opened.value.lines = {}
            opened.key = _KEY
        self._add(opened.value, event)
        self.open.append(opened)

    def _add(self, value: Any, event: Any) -> None:
        """Put a value where it belongs: the document, a list, or a mapping's key."""
        if not self.open:
            if self.documents == 1:
                self.root, self.root_mark = value, event.start_mark
            return
        top = self.open[-1]
        if type(top.value) is YamlList:
            top.value.append(value)
            top.value.lines.append(event.start_mark.line + self.first_line)
        elif top.key is _KEY:
            top.key = _DROPPED  # a list or mapping as a key: refused above
        else:
            if top.key is not _DROPPED:
                top.value[top.key] = value
            top.key = _KEY

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents == 2:
            self.extra = yaml.composer.ComposerError(
                "expected a single document in the stream",
                self.root_mark,
                "but found another document",
                event.start_mark,
            )


def parse_yaml(text: str, path: str, first_line: int = 1) -> Any:
    """Parse one YAML document; errors name `path` and the file's line.

    `first_line` is the file line where `text` begins (front matter starts on
    line 2 of its file), so YAML's own line numbers are shifted to the file's.
    """
    # YAML ends a line at U+2028, U+2029 and U+0085 too, editors and line numbers
    # only at "\n": read as spaces (as YAML folds a break in a value), a separator
    # pasted into a title neither shifts the lines named nor breaks the mapping.
    text = text.translate(_UNICODE_BREAKS)
    if not _WIDE_SPACE.search(text):
        return _parse_once(text, path, first_line)
    # Wide spaces are read as spaces only where YAML, as it is, fails or makes a
    # key of them: a valid value keeps its no-break spaces, and a line inside one
    # that starts with "Word:" is not taken for a key.
    respaced = _ordinary_spaces(text)
    try:
        value = _parse_once(text, path, first_line)
    except ContentError:
        if respaced == text:
            raise
        return _parse_once(respaced, path, first_line)
    if respaced != text and _odd_keys(value):
        return _parse_once(respaced, path, first_line)
    return value


def _odd_keys(value: Any) -> bool:
    """Whether a wide space made a key of YAML that reads otherwise: a key starting
    with one (indentation), or a document that is one "key:\u00a0value" word."""
    if isinstance(value, str):
        found = _KEY_SPACE.match(value)
        return found is not None and bool(found["space"])
    return _odd_key_in(value)


def _odd_key_in(value: Any) -> bool:
    """A key starting with a wide space anywhere in `value`."""
    if isinstance(value, dict):
        return any(
            (isinstance(key, str) and bool(_WIDE_SPACE.match(key))) or _odd_key_in(item)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return any(_odd_key_in(item) for item in value)
    return False


def _parse_once(text: str, path: str, first_line: int) -> Any:
    """`parse_yaml` of `text` as it is."""
    try:
        parser = _Parser(text)
        try:
            return _Builder(first_line, text).run(parser)
        finally:
            parser.dispose()
    except _Refused as exc:
        raise ContentError.at(Location(path, exc.line), exc.message) from exc
    except _Late as exc:
        refused = [Problem(Location(path, r.line), r.message) for r in exc.refused]
        raise RefusedYaml(refused, exc.root) from exc
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path, first_line, text) from exc
    except yaml.reader.ReaderError as exc:
        raise _character_error(exc, path, first_line, text) from exc
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise ContentError.at(Location(path, first_line), f"invalid YAML: {exc}") from exc


def parse_yaml_recovering(text: str, path: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse, and on a syntax error blank the line it names and try again.

    So one bad line does not hide the rest of the file: the caller gets every
    syntax error (the first MAX_RECOVERIES) and, when the rest still parses, the
    value to validate too (None when it never parses). Past that many it goes on
    blanking lines for a while: a quote left open above many quoted lines shows as
    an error on each of them first, and only once they are out as the open quote,
    which then takes their place (`_after_opening`).
    """
    lines: list[str] = []  # split only once a syntax error needs a line blanked
    original: list[str] = []
    problems: list[Problem] = []
    for _ in range(4 * MAX_RECOVERIES):  # (each pass blanks a line; see `_after_opening`)
        try:
            return parse_yaml(text, path, first_line), problems[:MAX_RECOVERIES]
        except ContentError as exc:
            original = original or text.split("\n")
            lines = lines or list(original)
            problem = exc.problems[0]
            _after_opening(problem, problems, lines, original, first_line)
            index = problem.location.line - first_line
            seen = {str(p) for p in problems}
            if isinstance(exc, RefusedYaml):  # duplicate keys...: the rest is still checked
                problems.extend(p for p in exc.problems if str(p) not in seen)
                return exc.value, problems[:MAX_RECOVERIES]
            refused = not problem.message.startswith("invalid YAML")  # anchors, tags, depth
            blank = not 0 <= index < len(lines) or not lines[index].strip()
            if refused or blank or str(problem) in seen:
                problems.extend(p for p in exc.problems if str(p) not in seen)
                return None, problems[:MAX_RECOVERIES]
            problems.append(problem)
            lines[index] = ""
            text = "\n".join(lines)
    return None, problems[:MAX_RECOVERIES]


def _after_opening(
    problem: Problem, problems: list[Problem], lines: list[str], original: list[str], first: int
) -> None:
    """A quote or bracket never closed (`_OPENINGS`) ran on into the lines under it,
    and YAML named what it then misread there first ("did not find expected key" at
    the line where a later quote closed it): those problems, found before this one,
    are dropped and their lines given back, so only what is still wrong once this
    line is out is named."""
    if not any(starts in problem.message for starts, _ in _OPENINGS):
        return
    for follow_on in [p for p in problems if p.location.line > problem.location.line]:
        problems.remove(follow_on)
        index = follow_on.location.line - first
        if 0 <= index < len(lines):
            lines[index] = original[index]


def _yaml_error(exc: yaml.MarkedYAMLError, path: str, first_line: int, text: str) -> ContentError:
    """YAML's own message at the file's line (not the front matter's), with a hint."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and str(exc.context or "").startswith(_OPENED_AT):
        mark = exc.context_mark  # an unclosed bracket or quote: where it opened, not EOF
    line = int(mark.line) + first_line if mark is not None else first_line
    message = " ".join(filter(None, [exc.context, exc.problem])) or "invalid YAML"
    lines = text.split("\n")
    source = lines[line - first_line] if 0 <= line - first_line < len(lines) else ""
    return ContentError.at(Location(path, line), f"invalid YAML: {message}{_hint(message, source)}")


def _ordinary_spaces(text: str) -> str:
    """Indentation and the space after a key's colon as YAML reads them: a no-break
    (or other wide) space there, which a word processor, a web page or a Mac's
    Option-Space leaves and no editor shows, is an ordinary space, and a zero-width
    space or BOM before a key is nothing. (YAML would read `title:` and its value as
    one plain word, and name the lines after it, which are right, as wrong.) The
    lines stay as they were, so every line named is still the file's."""
    return _KEY_SPACE.sub(_respace, text)


def _respace(found: re.Match[str]) -> str:
    indent = "".join(" " for char in found["indent"] if char not in _ZERO_WIDTH)
    return f"{indent}{found['key']}{' ' * len(found['space'])}"


def _character_error(
    exc: yaml.reader.ReaderError, path: str, first_line: int, text: str
) -> ContentError:
    """A character YAML does not take (a control such as U+0007, or U+FFFE), at its line.

    The reader's position counts bytes (libyaml) or characters (PyYAML), so the
    line is found from the character itself: the reader stops at its first one.
    """
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    at = text.find(char)
    line = first_line + (text.count("\n", 0, at) if at >= 0 else 0)
    kind = "control character" if unicodedata.category(char) == "Cc" else "character"
    return ContentError.at(
        Location(path, line),
        f"invalid YAML: {kind} U+{ord(char):04X} is not allowed in YAML: delete it "
        "(pasted copy often carries one unseen)",
    )


def _hint(message: str, source: str) -> str:
    """How to fix what editors most often get wrong: a value YAML reads as syntax
    (a title with ': ', or starting with '@', '[', '*' or a quote it then uses
    again), a bracket or quote never closed, a line out of line, and a tab
    where YAML wants spaces (copy pasted from a word processor)."""
    if "cannot start any token" in message and "\t" in source:
        return "; YAML indents with spaces, not tabs: replace the tab with spaces"
    key, sep, value = source.partition(":")
    key, value = key.strip(), value.strip()
    for starts, hint in _OPENINGS:
        if starts in message:
            return hint
    if "mapping values are not allowed" in message and sep and key:
        if ": " in f"{value} ":
            return f"; a value containing ': ' must be quoted: {_quoted(key, value)}"
        if source[:1].isspace() and re.fullmatch(r"[\w-]+", key):
            return "; this line is indented under the one above: start it where the keys start"
        if source[:1].isspace():  # "and goes on: with a colon" is no key but prose
            return (
                "; this line goes on from the value above and has ': ' in it: "
                "put the whole value in quotes"
            )
    if "expected a single document" in message:
        return "; a .yaml file needs no '---' lines: remove this one (only a .md has them)"
    if "simple key" in message:
        return "; a line with no 'key: value': indent it if it goes on from the value above"
    if any(m in message for m in _READ_AS_SYNTAX) and sep and key and _read_as_syntax(value):
        return f"; {_what_it_starts(value)} must be quoted: {_quoted(key, value)}"
    if "did not find expected key" in message:
        return (
            "; line it up with the lines above: a list's items and a mapping's keys share a column"
        )
    return ""


# Errors raised where something opened is never closed: the line is where it opened.
_OPENINGS = (
    ("while scanning a quoted scalar", "; this quote is never closed: end the value with it"),
    ("while parsing a flow sequence", "; this '[' is never closed: end the list with ']'"),
    ("while parsing a flow mapping", "; this '{' is never closed: end it with '}'"),
)
# Errors raised when a value's first character is YAML syntax (an anchor, a list...).
_READ_AS_SYNTAX = (
    "cannot start any token",
    "while scanning an alias",
    "while scanning an anchor",
    "did not find expected key",
)


def _read_as_syntax(value: str) -> bool:
    """A value YAML takes for syntax: an indicator first, or its quote used inside.
    A whole [list] or {mapping} is meant as one: the line is out of line instead."""
    first = value[:1]  # "" is in every string: an empty value is no syntax
    if first in ("[", "{"):
        return not _whole_collection(value)
    return bool(first) and (first in "@`%*&" or (first in "\"'" and first in value[1:-1]))


def _whole_collection(value: str) -> bool:
    """Whether `value` alone is a complete YAML [list] or {mapping} (never deeper than
    `MAX_DEPTH`: the loader recurses, and the value is the file's, not ours)."""
    depth = deepest = 0
    for char in value:
        depth += (char in "[{") - (char in "]}")
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        return False
    try:
        return isinstance(yaml.load(value, Loader=yaml.SafeLoader), (list, dict))
    except (yaml.YAMLError, RecursionError):
        return False


def _what_it_starts(value: str) -> str:
    """Why the value broke: its first character, or a quote mark it uses again inside."""
    if value[0] in "\"'" and value[0] in value[1:-1]:
        return f"a value with {value[0]} inside"
    return f"a value starting with {value[0]!r}"


def _quoted(key: str, value: str) -> str:
    """`key: "value"` as the editor meant it: outer quotes that did not hold are dropped."""
    if len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]:
        value = value[1:-1]
    if '"' in value and "'" not in value:
        return f"{key}: '{value}'"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{key}: "{escaped}"'
