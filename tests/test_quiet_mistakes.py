"""Mistakes a build used to pass over in silence, or name as something else: an empty
page template, a file where the templates folder should be, a doubled byte order mark,
and a quote left open above many quoted lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site

NOW = "2025-02-05T10:00:00-05:00"
GOOD = {"content/good.md": "---\ntitle: Good\nsummary: Fine.\n---\nFine text.\n"}


def _warnings(err: str) -> list[str]:
    """stderr's lines, without the content's usual advice (no location ...)."""
    return [line for line in err.splitlines() if "content/good.md" not in line]


@pytest.mark.parametrize("text", ["", "  \n\n"])
def test_an_empty_page_template_override_is_named_where_it_is(tmp_path: Path, text: str) -> None:
    """An empty `briefing.html` (a file made by `touch`, a failed save) draws every
    briefing page blank; the build says so at its path, and still builds."""
    site = write_site(tmp_path / "site", {**GOOD, "templates/briefing.html": text})
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert result.code == 0, result.err
        assert _warnings(result.err) == [
            "templates/briefing.html: warning: empty: every page drawn from it is blank; "
            "delete it to use the theme's, or start it with "
            '{% extends "theme/briefing.html" %}'
        ]


def test_an_empty_partial_override_is_taken_as_meant(tmp_path: Path) -> None:
    """An empty `_meta.html` takes a piece out of every page (a choice), not the page."""
    site = write_site(tmp_path / "site", {**GOOD, "templates/_meta.html": ""})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert (result.code, _warnings(result.err)) == (0, [])


def test_a_file_named_templates_is_named_not_passed_over(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {**GOOD, "templates": "<p>my theme</p>\n"})
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert result.code == 0, result.err
        assert _warnings(result.err) == [
            "templates: warning: a file, not a folder: the packaged theme is used; "
            "put your templates in a folder named templates/"
        ]


def test_a_folder_named_as_a_template_is_named_not_passed_over(tmp_path: Path) -> None:
    """`mkdir templates/briefing.html` (a save dialog's slip) overrides nothing: said."""
    site = write_site(tmp_path / "site", GOOD)
    (site / "templates" / "briefing.html").mkdir(parents=True)
    (site / "templates" / "_card.html").mkdir()
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert result.code == 0, result.err
        assert sorted(_warnings(result.err)) == [
            "templates/_card.html: warning: a folder, not a file: passed over; "
            "the theme's _card.html is used",
            "templates/briefing.html: warning: a folder, not a file: passed over; "
            "the theme's briefing.html is used",
        ]


@pytest.mark.parametrize(
    "files",
    [
        {"content/two.md": b"\xef\xbb\xbf\xef\xbb\xbf---\ntitle: Two\n---\nText.\n"},
        {
            "content/two.txt": b"Text.\n",
            "content/two.yaml": b"\xef\xbb\xbf\xef\xbb\xbftitle: Two\n",
        },
    ],
    ids=["markdown", "sidecar"],
)
def test_a_doubled_byte_order_mark_is_read_as_one(tmp_path: Path, files: dict[str, bytes]) -> None:
    """Two byte order marks (a file re-saved as UTF-8 "with BOM" by a tool that read the
    first as text) are invisible in an editor; a Markdown article read as having "no
    front matter". It is read as one mark is, as its sidecar always was."""
    site = write_site(tmp_path / "site", {**GOOD, **files})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    page = (site / "build/briefings/two/index.html").read_text("utf-8")
    assert "<h1>Two</h1>" in page and "\ufeff" not in page


def test_a_quote_left_open_is_named_above_the_lines_it_runs_into(tmp_path: Path) -> None:
    """A title's quote never closed, over twelve quoted tags: YAML pairs each later
    quote with the wrong one, so a line-by-line error on every tag filled the list of
    ten and the open quote, the one thing to fix, was never named."""
    tags = "".join(f'  - "tag {n}"\n' for n in range(12))
    article = f'---\ntitle: "Summit talks\nsummary: Fine.\ntags:\n{tags}---\nText.\n'
    site = write_site(tmp_path / "site", {**GOOD, "content/q.md": article})
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0].startswith("content/q.md:2: invalid YAML: while scanning a quoted scalar")
    assert "this quote is never closed" in lines[0]
    assert len(lines) < 4, lines
