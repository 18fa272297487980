"""The strict YAML loader: what it reads, what it refuses, and which problem it
names first when a file has several (the order editors have always seen)."""

from __future__ import annotations

from typing import Any

import pytest

from briefing_site.config.yamlload import RefusedYaml, YamlMap, parse_yaml, parse_yaml_recovering
from briefing_site.errors import ContentError


def problems(text: str) -> list[str]:
    """Every problem the recovering parse reports, front matter starting at line 2."""
    value, found = parse_yaml_recovering(text, "a.md", 2)
    assert value is None or found
    return [str(problem) for problem in found]


def test_plain_scalars_are_read_by_the_core_schema_without_yaml_11_surprises() -> None:
    text = (
        "i: 12\nneg: -7\nzero: -0\nf: 1.5e3\nhalf: .5\nb: False\nz: ~\nnull: null\ne:\n"
        "no: NO\noctal: 012345\nclock: 12:30\ndate: 2025-01-01\nquoted: '5'\nyes: yes\n"
    )
    data = parse_yaml(text, "a.yaml")
    expected: dict[str, Any] = {
        "i": 12, "neg": -7, "zero": 0, "f": 1500.0, "half": 0.5, "b": False, "z": None,
        "null": None, "e": None, "no": "NO", "octal": "012345", "clock": "12:30",
        "date": "2025-01-01", "quoted": "5", "yes": "yes",
    }  # fmt: skip
    assert data == expected
    assert [type(value) for value in data.values()] == [type(v) for v in expected.values()]


def test_keys_are_kept_as_written_and_every_key_knows_its_line() -> None:
    data = parse_yaml("~: a\n1: b\ntrue: c\nevent:\n  name: N\n\n  start: S\nlist: [x]\n", "a", 2)
    assert isinstance(data, YamlMap) and list(data) == ["~", "1", "true", "event", "list"]
    assert data.lines == {"~": 2, "1": 3, "true": 4, "event": 5, "list": 9}
    assert isinstance(data["event"], YamlMap)
    assert data["event"].lines == {"name": 6, "start": 8} and data["event"].line == 6
    assert data.line_of("missing") == 2 and data["list"] == ["x"]


def test_an_empty_document_or_one_of_comments_is_none() -> None:
    assert parse_yaml("", "a.yaml") is None
    assert parse_yaml("# only a comment\n", "a.yaml") is None
    assert parse_yaml("---\n", "a.yaml") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n<<: {b: 2}\n", "a.md:3: YAML merge keys (<<) are not allowed"),
        ("? [a]\n: b\n", "a.md:2: a mapping key must be a plain name"),
        ("[a, b]: c\n", "a.md:2: a mapping key must be a plain name"),
        ("t: T\nt: U\n", "a.md:3: duplicate key 't' (first given at line 2)"),
        ('t: T\ns: "x\\0"\n', "a.md:3: text contains a NUL or a lone surrogate escape"),
        ('t: T\n"x\\0": y\n', "a.md:3: text contains a NUL or a lone surrogate escape"),
        ("t: T\nx:\n" + "- " * 200_000 + "x\n", "a.md:4: nested more than 20 levels deep"),
    ],
)
def test_refusals_name_the_line_to_fix(text: str, expected: str) -> None:
    assert problems(text) == [expected]


def test_what_the_stream_shows_is_named_before_a_duplicate_key_above_it() -> None:
    # A tag, an anchor or an alias further down is reported, not the earlier duplicate.
    assert problems("t: T\nt: U\ns: &s x\n") == ["a.md:4: YAML anchors (&name) are not allowed"]
    assert problems("t: T\nt: U\ns: !!str x\n") == [
        "a.md:4: YAML tag 'tag:yaml.org,2002:str' is not allowed"
    ]


def test_syntax_errors_come_first_and_the_duplicate_key_is_still_reported() -> None:
    assert problems("t: T\nt: U\nx: a: b\n") == [
        "a.md:4: invalid YAML: mapping values are not allowed in this context; "
        "a value containing ': ' must be quoted: x: \"a: b\"",
        "a.md:3: duplicate key 't' (first given at line 2)",
    ]


def test_a_second_document_is_named_before_a_duplicate_key_in_the_first() -> None:
    with pytest.raises(ContentError) as raised:
        parse_yaml("t: T\nt: U\n---\nb: 1\n", "a.yaml")
    assert str(raised.value.problems[0]).startswith(
        "a.yaml:3: invalid YAML: expected a single document in the stream"
    )


def test_every_refusal_in_a_file_that_parses_is_named_in_file_order() -> None:
    """A merge key, a NUL and a repeated key are each named at their line, in one run;
    when only keys were refused, the value that is left (the first `a`, without the
    merge key) comes with them, for the caller to check the rest."""
    with pytest.raises(RefusedYaml) as raised:
        parse_yaml('a: 1\n<<: x\nb: "nul\\0"\na: 2\n', "a.yaml")
    assert [str(p) for p in raised.value.problems] == [
        "a.yaml:2: YAML merge keys (<<) are not allowed",
        "a.yaml:3: text contains a NUL or a lone surrogate escape",
        "a.yaml:4: duplicate key 'a' (first given at line 1)",
    ]
    assert raised.value.value is None  # (a NUL: nothing of it is read further)
    with pytest.raises(RefusedYaml) as raised:
        parse_yaml("a: 1\n<<: x\nb: 2\na: 3\n", "a.yaml")
    assert len(raised.value.problems) == 2 and raised.value.value == {"a": 1, "b": 2}
