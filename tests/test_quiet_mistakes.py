"""Mistakes a build used to pass over in silence, or name as something else: an empty
page template, a file where the templates folder should be, a doubled byte order mark,
and a quote left open above many quoted lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site

NOW = "2025-02-05T10:00:00-05:00"
GOOD = {"content/good.md": "---\ntitle: Good\nsummary: Fine.\n---\nFine text.\n"}


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
