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
from collections.abc import Callable
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
        "templates/briefing.html:2: template error: a macro calls itself too deeply "
        "(deeper than Python allows): does its recursion stop? keep its nesting shallow",
    ),
    "a range too long to loop over is refused, not drawn for days": (
        OVERRIDE + "{{ range(10 ** 7) | length }}\n{% endblock %}\n",
        "templates/briefing.html:3: template error: range() of 10,000,000 numbers; "
        "a template loops over at most 100,000: is the loop meant to end?",
    ),
    "a range too long for Python to count is refused as a long one is, not overflowed": (
        OVERRIDE + "{{ range(10 ** 20) | length }}\n{% endblock %}\n",
        "templates/briefing.html:3: template error: range() of "
        "100,000,000,000,000,000,000 numbers; a template loops over at most 100,000: "
        "is the loop meant to end?",
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


READY_WAIT = 300.0  # seconds: a bound, not a timing; a loaded machine is slow to start


def _start_build(site: Path, options: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    src = str(Path(__file__).resolve().parents[1] / "src")
    command = [sys.executable, "-m", "briefing_site", "build", "-q", *options]
    return subprocess.Popen(
        [*command, "-s", str(site), "--now", NOW],
        env=dict(os.environ, **env, PYTHONPATH=src),
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _wait_until(build: subprocess.Popen[bytes], ready: Callable[[], bool], what: str) -> None:
    """Wait (boundedly) for `ready`; fail with the build's stderr if it ends or never gets there."""
    deadline = time.monotonic() + READY_WAIT
    while not ready():
        if build.poll() is not None:
            pytest.fail(f"the build ended before {what}: {build.communicate()[1].decode()}")
        if time.monotonic() > deadline:
            os.killpg(build.pid, signal.SIGKILL)
            pytest.fail(f"no {what} in {READY_WAIT:.0f} s: {build.communicate()[1].decode()}")
        time.sleep(0.02)


def _stop_by_sigterm(build: subprocess.Popen[bytes], site: Path) -> str:
    """SIGTERM to the build's process group, as `timeout` and CI send it; its stderr."""
    try:
        staged = sorted(p.name for p in site.iterdir() if p.name.startswith(".build."))
        assert staged[:1] == [".build.lock"], staged  # it was caught while writing
        assert any(name.startswith(".build.new-") for name in staged), staged
        os.killpg(build.pid, signal.SIGTERM)
        _, err = build.communicate(timeout=120)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    return err.decode()


def _processes() -> list[tuple[int, list[str]]]:
    """Each live process's id and the fields of its /proc stat after the name."""
    found = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if stat[0] != "Z":
            found.append((int(entry), stat))
    return found


def _children(pid: int) -> list[int]:
    return [child for child, stat in _processes() if int(stat[1]) == pid]


def _left_in_session(sid: int) -> list[int]:
    return [left for left, stat in _processes() if int(stat[3]) == sid]


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
    build = _start_build(site, ["-j", "1"], {"PAGEFIND_BINARY_PATH": str(indexer)})
    _wait_until(build, ready.exists, "the indexer started")
    err = _stop_by_sigterm(build, site)
    assert (build.returncode, err) == (130, "interrupted\n")
    assert sorted(p.name for p in site.iterdir()) == [".briefing-cache", "build", "content"]
    assert tree(site / "build") == before


def test_a_build_stopped_by_sigterm_while_workers_draw_ends_cleanly(tmp_path: Path) -> None:
    """`-j 2`: SIGTERM to the group reaches the workers too. Each stops as it would at
    Ctrl-C, so the build says only "interrupted" (no pool traceback), does not hang,
    and leaves no staging folder, lock or process. Its briefing template loops for
    ever, so the workers are certainly drawing when the signal comes."""
    articles = {
        f"content/a{n:03}.md": f"---\ntitle: Story {n}\n---\nText {n}.\n" for n in range(160)
    }
    site = write_site(tmp_path / "site", {**GOOD, **articles})
    assert run_cli("build", "-q", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    endless = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    write_site(site, {"templates/briefing.html": OVERRIDE + endless + "{% endblock %}\n"})
    build = _start_build(site, ["-j", "2", "--no-cache"], {})
    _wait_until(build, lambda: len(_children(build.pid)) >= 2, "two workers started")
    err = _stop_by_sigterm(build, site)
    assert (build.returncode, err) == (130, "interrupted\n")
    assert sorted(p.name for p in site.iterdir()) == [
        ".briefing-cache",
        "build",
        "content",
        "templates",
    ]
    assert tree(site / "build") == before
    deadline = time.monotonic() + 30  # workers exit once their build has (see `parallel`)
    while _left_in_session(build.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _left_in_session(build.pid) == []


def test_an_empty_now_is_a_usage_error_not_the_real_clock(tmp_path: Path) -> None:
    """`--now "$NOW"` with NOW unset: the build would silently take today's date, and
    two builds meant to be byte-identical would differ; it is refused instead."""
    site = write_site(tmp_path / "site", GOOD)
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", "")
        assert (result.code, result.err) == (2, "--now: '' is not an ISO 8601 date-time\n")
    assert not (site / "build").exists()
