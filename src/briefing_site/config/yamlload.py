"""Strict YAML for metadata and config: line numbers, no surprises.

Editors write YAML by hand, so the loader refuses what silently changes
meaning: YAML 1.1's `NO` → false, `12:30` → 750 and `012345` → octal are read
as strings; dates stay strings for the validator to parse; duplicate keys,
aliases and explicit tags are errors. Mappings remember each key's line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from briefing_site.errors import ContentError, Problem
from briefing_site.model import Location

# yaml.CParser is not exported at the top level: it lives in yaml.cyaml.
_CParser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)
# Metadata is a few levels deep; deeper is an attack (the constructor recurses).
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
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "map", "seq")
}


class YamlMap(dict[str, Any]):
    """A mapping that knows the line of each of its keys (1-based, in the file)."""

    line: int
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core-schema scalars, minus timestamps, sexagesimals and octals."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _Constructor(yaml.constructor.SafeConstructor):
    """Builds YamlMap with lines; refuses duplicates, aliases and tags."""

    _offset = 1
    _seen: set[int]

    def _line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + self._offset

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if id(node) in self._seen:
            raise _Refused(self._line(node), "YAML aliases (*name) are not allowed")
        self._seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            raise _Refused(self._line(node), f"YAML tag {node.tag!r} is not allowed")
        try:
            return super().construct_object(node, deep=True)
        except ValueError as exc:  # Python's cap on int('9' * 5000), said at the value's line
            if not isinstance(node, yaml.ScalarNode):
                raise
            raise _Refused(
                self._line(node), "a number too long to read: quote it if it is text"
            ) from exc

    def construct_yaml_map(self, node: yaml.MappingNode) -> Any:
        result = YamlMap()
        result.line = self._line(node)
        result.lines = {}
        yield result
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(self._line(key_node), "a mapping key must be a plain name")
            self.construct_object(key_node)  # refuses a tag or an alias as a key too
            key = str(key_node.value)  # as written: `~:` is the key '~', never 'None'
            line = self._line(key_node)
            if key == "<<":
                raise _Refused(line, "YAML merge keys (<<) are not allowed")
            if key in result:
                first = result.lines[key]
                raise _Refused(line, f"duplicate key {key!r} (first given at line {first})")
            result.lines[key] = line
            result[key] = self.construct_object(value_node)

    def construct_scalar(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        value = super().construct_scalar(node)
        if isinstance(value, str) and _UNSAFE_CHARS.search(value):
            raise _Refused(self._line(node), "text contains a NUL or a lone surrogate escape")
        return value


_UNSAFE_CHARS = re.compile("[\x00\ud800-\udfff]")
_Constructor.add_constructor("tag:yaml.org,2002:map", _Constructor.construct_yaml_map)  # type: ignore[type-var]


if _CParser is not None:

    class _Loader(_CParser, _Constructor, _Resolver):  # type: ignore[misc]  # libyaml: ~10x faster
        def __init__(self, text: str, first_line: int) -> None:
            _CParser.__init__(self, text)
            _Constructor.__init__(self)
            _Resolver.__init__(self)
            self._offset = first_line
            self._seen = set()

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _Constructor,
        _Resolver,
    ):
        def __init__(self, text: str, first_line: int) -> None:
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)
            self._offset = first_line
            self._seen = set()


def _screen(text: str, first_line: int) -> None:
    """Refuse anchors, aliases, tags and deep nesting from the event stream.

    This runs before any node graph is built, so a "billion laughs" file, a
    `!!python/object` tag or 10,000 nested `[` never reach the composer.
    """
    depth = 0
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        line = int(event.start_mark.line) + first_line if event.start_mark else first_line
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line, "YAML aliases (*name) are not allowed")
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise _Refused(line, "YAML anchors (&name) are not allowed")
        if getattr(event, "tag", None) is not None:
            raise _Refused(line, f"YAML tag {event.tag!r} is not allowed")  # type: ignore[attr-defined]
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(line, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str, path: str, first_line: int = 1) -> Any:
    """Parse one YAML document; errors name `path` and the file's line.

    `first_line` is the file line where `text` begins (front matter starts on
    line 2 of its file), so YAML's own line numbers are shifted to the file's.
    """
    try:
        _screen(text, first_line)
        loader = _Loader(text, first_line)
    except _Refused as exc:
        raise ContentError.at(Location(path, exc.line), exc.message) from exc
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path, first_line, text) from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise ContentError.at(Location(path, first_line), f"invalid YAML: {exc}") from exc
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return loader.construct_document(node)
    except _Refused as exc:
        raise ContentError.at(Location(path, exc.line), exc.message) from exc
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path, first_line, text) from exc
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise ContentError.at(Location(path, first_line), f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()


def parse_yaml_recovering(text: str, path: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse, and on a syntax error blank the line it names and try again.

    So one bad line does not hide the rest of the file: the caller gets every
    syntax error and, when the rest still parses, the value to validate too
    (None when it never parses).
    """
    lines = text.split("\n")
    problems: list[Problem] = []
    while True:
        try:
            return parse_yaml("\n".join(lines), path, first_line), problems
        except ContentError as exc:
            problem = exc.problems[0]
            index = problem.location.line - first_line
            seen = {str(p) for p in problems}
            refused = not problem.message.startswith("invalid YAML")  # anchors, tags, depth
            blank = not 0 <= index < len(lines) or not lines[index].strip()
            if refused or blank or str(problem) in seen:
                problems.extend(p for p in exc.problems if str(p) not in seen)
                return None, problems
            problems.append(problem)
            if len(problems) >= MAX_RECOVERIES:
                return None, problems
            lines[index] = ""


def _yaml_error(exc: yaml.MarkedYAMLError, path: str, first_line: int, text: str) -> ContentError:
    """YAML's own message at the file's line (not the front matter's), with a hint."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and str(exc.context or "").startswith(_OPENED_AT):
        mark = exc.context_mark  # an unclosed bracket or quote: where it opened, not EOF
    line = int(mark.line) + first_line if mark is not None else first_line
    message = " ".join(filter(None, [exc.context, exc.problem])) or "invalid YAML"
    source = (
        text.split("\n")[line - first_line]
        if 0 <= line - first_line < len(text.split("\n"))
        else ""
    )
    return ContentError.at(Location(path, line), f"invalid YAML: {message}{_hint(message, source)}")


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
