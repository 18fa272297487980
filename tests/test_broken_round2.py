"""Blind round two of the things users do to a site: an Office owner file left beside
an article, theme overrides that fail only when drawn, and a build stopped by SIGTERM.

Each broken site gets `path:line: message`, exit 1 and the previous build/ kept byte
for byte; a stopped build leaves the site's folder as it found it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli, write_site
from filetree import tree

NOW = "2025-02-05T10:00:00-05:00"
GOOD = {"content/good.md": "---\ntitle: Good\n---\nFine text.\n"}
OVERRIDE = '{% extends "theme/briefing.html" %}\n{% block main %}\n'


def test_an_office_owner_file_beside_an_article_does_not_stop_the_build(
    tmp_path: Path,
) -> None:
    """Word keeps `~$name` (binary) beside a file it has open; the build passes it
    over as it passes over an editor's swap file, rather than calling it binary."""
    site = write_site(tmp_path / "site", {**GOOD, "content/~$good.md": b"\x0bjohn  \x00\x00"})
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert result.code == 0, result.err
        assert "~$good.md" not in result.err
    assert (site / "build/briefings/good/index.html").is_file()


BROKEN_TEMPLATES = {
    "a {% raw %} never closed is named by the template, not by its path on disk": (
        OVERRIDE + "{% raw %}\nhello\n",
        "templates/briefing.html:3: template syntax error: Missing end of raw directive",
    ),
    "a macro that calls itself is said to, not called an include loop": (
        '{% extends "theme/briefing.html" %}\n'
        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n"
        "{% block main %}{{ f(1) }}{% endblock %}\n",
        "templates/briefing.html:2: template error: a macro calls itself without end: "
        "give it a way to stop",
    ),
    "a range too long to loop over is refused, not drawn for days": (
        OVERRIDE + "{{ range(10 ** 7) | length }}\n{% endblock %}\n",
        "templates/briefing.html:3: template error: range() of 10,000,000 numbers; "
        "a template loops over at most 100,000: is the loop meant to end?",
    ),
    "a NUL byte in a template is named at its line, not copied into every page": (
        OVERRIDE + "<p>\x00</p>\n{% endblock %}\n",
        "templates/briefing.html:3: binary data (NUL byte): not a text file",
    ),
}


@pytest.mark.parametrize(
    ("template", "expected"), BROKEN_TEMPLATES.values(), ids=list(BROKEN_TEMPLATES)
)
def test_a_template_that_fails_when_drawn_is_named_and_the_build_kept(
    tmp_path: Path, template: str, expected: str
) -> None:
    site = write_site(tmp_path / "site", GOOD)
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    write_site(site, {"templates/briefing.html": template})
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert (result.code, result.err.splitlines(), result.out) == (1, [expected], "")
    assert tree(site / "build") == before


def test_a_build_stopped_by_sigterm_leaves_no_staging_folder_or_lock(tmp_path: Path) -> None:
    """SIGTERM (a CI job's time limit) to the build's process group while the search
    index is being made: the build ends as Ctrl-C ends it, with its staging folder and
    lock removed and the previous build/ kept. A stand-in indexer says when it runs."""
    site = write_site(tmp_path / "site", GOOD)
    assert run_cli("build", "-q", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    write_site(site, {"content/good.md": "---\ntitle: Better\n---\nFine text.\n"})
    ready = tmp_path / "indexing"
    indexer = tmp_path / "pagefind"
    indexer.write_text(f'#!/bin/sh\ntouch "{ready}"\nexec sleep 600\n')
    indexer.chmod(0o755)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = dict(os.environ, PAGEFIND_BINARY_PATH=str(indexer), PYTHONPATH=src)
    command = [sys.executable, "-m", "briefing_site", "build", "-q", "-j", "1"]
    build = subprocess.Popen(
        [*command, "-s", str(site), "--now", NOW],
        env=env,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        while not ready.exists() and build.poll() is None:
            time.sleep(0.02)
        assert build.poll() is None, build.communicate()[1]
        staged = sorted(p.name for p in site.iterdir() if p.name.startswith(".build."))
        assert staged and staged[0] == ".build.lock"  # it was caught while writing
        os.killpg(build.pid, signal.SIGTERM)
        _, err = build.communicate(timeout=120)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    assert (build.returncode, err.decode()) == (130, "interrupted\n")
    assert sorted(p.name for p in site.iterdir()) == [".briefing-cache", "build", "content"]
    assert tree(site / "build") == before


def test_an_empty_now_is_a_usage_error_not_the_real_clock(tmp_path: Path) -> None:
    """`--now "$NOW"` with NOW unset: the build would silently take today's date, and
    two builds meant to be byte-identical would differ; it is refused instead."""
    site = write_site(tmp_path / "site", GOOD)
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", "")
        assert (result.code, result.err) == (2, "--now: '' is not an ISO 8601 date-time\n")
    assert not (site / "build").exists()
