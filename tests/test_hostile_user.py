"""A new user's broken settings, templates and links, found by trying them: each gets
`path:line: message` (what to do), exit 1, and the previous build/ byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli, write_site
from filetree import tree

NOW = "2025-02-05T10:00:00-05:00"
GOOD = {"content/a.md": "---\ntitle: Good\n---\nLeaders meet on Friday to talk trade.\n"}
BACKTRACKS = (
    "can run for ever on a line it does not match: a group that repeats holds nothing but "
    "repeats (as in (\\w+\\s?)+); make the inner one possessive (\\w++ for \\w+) or the group "
    "atomic ((?>...))"
)
NO_LETTERS = (
    "has no letters a-z or digits, the only ones the classifier reads: write it in Latin "
    "letters, or as a pattern"
)

CASES: dict[str, tuple[dict[str, str], list[str]]] = {
    # Each of these was a traceback, a hang, or a build on the defaults.
    "a topic word with no letters (a French or Japanese site's own cue)": (
        {"briefing.yaml": "topics:\n  economy: {words: [日本, trade]}\n"},
        [f"briefing.yaml:2: topic 'economy': word '日本' {NO_LETTERS}"],
    ),
    "an empty topic word": (
        {"briefing.yaml": "topics:\n  economy: {words: {'': 2}}\n"},
        [f"briefing.yaml:2: topic 'economy': word '' {NO_LETTERS}"],
    ),
    "a weight no float can hold": (
        {"briefing.yaml": "topics:\n  economy: {words: {trade: " + "9" * 309 + "}}\n"},
        ["briefing.yaml:2: topic 'economy': words must map each cue to a number"],
    ),
    "a junk pattern that backtracks for ever": (
        {"briefing.yaml": "junk_patterns: ['^Loading', '^(\\w+\\s?)+$']\n"},
        [f"briefing.yaml:1: junk_patterns: '^(\\\\w+\\\\s?)+$' {BACKTRACKS}"],
    ),
    "a topic pattern that backtracks for ever": (
        {"briefing.yaml": "topics:\n  economy:\n    patterns: ['([a-z]+ ?)*!']\n"},
        [f"briefing.yaml:2: topic 'economy': pattern '([a-z]+ ?)*!' {BACKTRACKS}"],
    ),
    "a junk pattern nested hundreds of groups deep": (
        {"briefing.yaml": "junk_patterns: ['" + "(" * 400 + "a" + ")" * 400 + "']\n"},
        [
            "briefing.yaml:1: junk_patterns: '"
            + "(" * 400
            + "a"
            + ")" * 400
            + "' nests its groups too deeply to read"
        ],
    ),
    "a topic pattern that is no regex": (
        {"briefing.yaml": "topics:\n  economy:\n    patterns: ['(']\n"},
        [
            "briefing.yaml:2: topic 'economy': pattern '(' is not a valid regular expression: "
            "missing ), unterminated subpattern at position 0"
        ],
    ),
    "a template number too long to write out": (
        {
            "templates/briefing.html": "{% extends 'base.html' %}\n{% block main %}\n"
            "<p>{{ 10 ** 10000 }}</p>\n{% endblock %}\n"
        },
        [
            "templates/briefing.html:3: template error: a number too long to write out (over 4,300 digits)"
        ],
    ),
}

SIDECAR = "Leaders meet on Friday to talk trade.\n"
# Messages that named a rule the value keeps, or no way out: now what to do.
CASES |= {
    "a slug too long": (
        {"content/a.md": "---\ntitle: T\nslug: " + "a" * 90 + "\n---\nText.\n"},
        ["content/a.md:3: slug: '" + "a" * 40 + "'... is 90 characters long; the limit is 80"],
    ),
    "a slug as the title is written": (
        {"content/a.md": "---\ntitle: T\nslug: Élysée Talks\n---\nText.\n"},
        [
            "content/a.md:3: slug: 'Élysée Talks' must be lower-case letters, digits and "
            "single hyphens (slug: elysee-talks)"
        ],
    ),
    "a sidecar named .yml": (
        {"content/b.txt": SIDECAR, "content/b.yml": "title: B\n"},
        ["content/b.txt: no metadata: rename b.yml to b.yaml"],
    ),
}


@pytest.mark.parametrize(("files", "expected"), list(CASES.values()), ids=list(CASES))
def test_a_broken_setting_or_template_is_named_and_the_build_kept(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    site = write_site(tmp_path / "site", GOOD)
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    write_site(site, files)
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert (result.code, result.err.splitlines()) == (1, expected), command
    assert tree(site / "build") == before


def test_patterns_that_keep_one_split_are_not_refused(tmp_path: Path) -> None:
    """The check refuses only what backtracks: the fixes it names, and a repeat whose turns
    each need a space then a word, build."""
    settings = (
        "junk_patterns: ['^(\\w++\\s?)+ only$', '^(?>\\w+\\s?)+ only$', '^Tags:(\\s+\\w+)*$']\n"
        "topics:\n  economy:\n    patterns: ['(?:\\w+,\\s*)+trade']\n"
    )
    site = write_site(tmp_path / "site", {**GOOD, "briefing.yaml": settings})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    assert "Leaders meet on Friday" in (site / "build/briefings/a/index.html").read_text()


LINKS: dict[str, tuple[Callable[[Path], None], str]] = {
    "loops": (
        lambda link: link.symlink_to("briefing.yaml"),
        "briefing.yaml: symlink loops: point it at the settings file, or remove it",
    ),
    "leads nowhere": (
        lambda link: link.symlink_to("settings/site.yaml"),
        "briefing.yaml: a symlink to 'settings/site.yaml', which does not lead to a file: "
        "point it at the settings file, or remove it",
    ),
    "through a file": (
        lambda link: link.symlink_to("content/a.md/site.yaml"),
        "briefing.yaml: a symlink to 'content/a.md/site.yaml', which does not lead to a file: "
        "point it at the settings file, or remove it",
    ),
}


@pytest.mark.parametrize(("make", "expected"), list(LINKS.values()), ids=list(LINKS))
def test_a_broken_link_for_the_settings_is_an_error_not_the_defaults(
    tmp_path: Path, make: Callable[[Path], None], expected: str
) -> None:
    """The site's title, base_url and topics are in that file: building on the defaults,
    or saying nothing changed since the last build, would publish the wrong site."""
    site = write_site(tmp_path / "site", GOOD)
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    make(site / "briefing.yaml")
    for command in ("build", "check"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert (result.code, result.err.splitlines()) == (1, [expected]), command
    assert tree(site / "build") == before


def test_a_link_to_the_settings_inside_the_site_is_read(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {**GOOD, "settings/site.yaml": "title: Linked Site\n"})
    (site / "briefing.yaml").symlink_to("settings/site.yaml")
    assert run_cli("build", "-q", "-s", str(site), "--now", NOW).code == 0
    assert "Linked Site" in (site / "build/index.html").read_text()


def test_explain_piped_into_head_stops_quietly(tmp_path: Path) -> None:
    """`explain ... | head`: the reader leaves after a few lines; no traceback follows."""
    paragraphs = "\n\n".join(
        f"Leaders met for round {n} of the trade talks on Friday, officials said."
        for n in range(3000)
    )
    site = write_site(tmp_path / "site", {"content/a.md": f"---\ntitle: T\n---\n{paragraphs}\n"})
    command = [sys.executable, "-m", "briefing_site", "explain", "-s", str(site), "content/a.md"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ}
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as `head -1` does
        err = process.stderr.read().decode()
        code = process.wait()
    assert first.startswith(b"content/a.md: T")
    assert (code, err) == (1, "")


def test_new_with_a_title_in_another_script_is_told_and_takes_a_slug(tmp_path: Path) -> None:
    """A Japanese or Arabic headline gives no Latin file name: `new` said only that, with
    no way round it; now it names --slug, which makes an article that passes check."""
    site = write_site(tmp_path / "site", GOOD)
    title = "日本の首脳会談"
    refused = run_cli("new", title, "-s", str(site), "--now", NOW)
    assert (refused.code, refused.err) == (
        2,
        f"new: the title '{title}' gives no usable file name: name the file with --slug, "
        "e.g. --slug summit-talks\n",
    )
    made = run_cli("new", title, "--slug", "japan-summit", "-s", str(site), "--now", NOW)
    assert made.code == 0, made.err
    assert f'title: "{title}"' in (site / "content/japan-summit.md").read_text("utf-8")
    checked = run_cli("check", "-q", "--drafts", "-s", str(site), "--now", NOW)
    assert checked.code == 0, checked.err
    bad = run_cli("new", title, "--slug", "../x", "-s", str(site), "--now", NOW)
    assert (bad.code, bad.err) == (
        2,
        "new: --slug '../x': use lower-case letters, digits and single hyphens, at most 80\n",
    )
    reserved = run_cli("new", title, "--slug", "con", "-s", str(site), "--now", NOW)
    assert (reserved.code, reserved.err) == (
        2,
        "new: --slug 'con' is a reserved device name on Windows; choose another\n",
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "\n\n---\ntitle: T\n---\nText.\n",
            "its '---' is not on the first line: delete the blank lines above it",
        ),
        ("  ---\ntitle: T\n---\nText.\n", "its '---' is indented: start the first line with '---'"),
        (
            "----\ntitle: T\n----\nText.\n",
            "the line that opens it must be exactly three dashes, '---'",
        ),
        (
            "---yaml\ntitle: T\n---\nText.\n",
            "the line that opens it must be exactly three dashes, '---'",
        ),
    ],
)
def test_front_matter_almost_in_place_says_what_is_off(tmp_path: Path, text: str, why: str) -> None:
    """Front matter that is there but not read: the message says why, not only that there
    is none (which reads as if the editor wrote none)."""
    site = write_site(tmp_path / "site", {"content/a.md": text})
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert (result.code, result.err) == (
        1,
        f"content/a.md:1: no front matter ({why}): start the file with '---', title: ..., '---'\n",
    )
