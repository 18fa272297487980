"""One build at a time per output folder, and only per output folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import held, run_cli, write_site
from filetree import tree

from briefing_site.build.lock import build_lock
from briefing_site.build.writer import MARKER
from briefing_site.errors import ContentError, OutputError

NOW = "2025-06-15T12:00:00+00:00"
BUSY = "another briefing-site build is writing this folder; try again when it ends"


def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"content/a.md": "---\ntitle: A\n---\nText.\n"})


def test_builds_into_sibling_folders_do_not_wait_for_each_other(tmp_path: Path) -> None:
    root = site(tmp_path)
    with held(root / "build"):
        preview = run_cli("build", "-s", str(root), "-o", str(root / "preview"), "--now", NOW)
        assert preview.code == 0, preview.err
    assert (root / "preview/briefings/a/index.html").is_file()


def test_a_second_build_into_the_same_folder_is_still_refused(tmp_path: Path) -> None:
    root = site(tmp_path)
    with held(root / "build"):
        same = run_cli("build", "-s", str(root), "--now", NOW)
        assert (same.code, same.err) == (1, f"{root / 'build'}: {BUSY}\n")
        # The same folder by another spelling of its path is the same folder.
        (tmp_path / "elsewhere").mkdir()
        other = tmp_path / "elsewhere" / ".." / "site" / "build"
        again = run_cli("build", "-s", str(root), "-o", str(other), "--now", NOW)
        assert again.code == 1 and BUSY in again.err
    assert not (root / "build").exists()


def test_no_lock_file_is_left_in_the_site(tmp_path: Path) -> None:
    root = site(tmp_path)
    assert run_cli("build", "-s", str(root), "--now", NOW).code == 0
    assert sorted(p.name for p in root.iterdir()) == [".briefing-cache", "build", "content"]


def test_a_killed_build_leaves_no_lock_behind(tmp_path: Path) -> None:
    root = site(tmp_path)
    with held(root / "build") as holder:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    result = run_cli("build", "-s", str(root), "--now", NOW)
    assert result.code == 0, result.err
    assert not [p.name for p in root.iterdir() if p.name.endswith(".lock")]


def test_two_builds_of_one_site_into_sibling_folders_run_together(tmp_path: Path) -> None:
    """They share the site's cache; each output is still exactly a clean build's."""
    files = {
        f"content/a{i}.md": f"---\ntitle: Article {i}\nsummary: S.\n---\nTrade talks, round {i}.\n"
        for i in range(60)
    }
    root = write_site(tmp_path / "site", files)
    command = [sys.executable, "-m", "briefing_site", "build", "-s", str(root), "--now", NOW]
    for _ in range(2):  # a cold cache, then a warm one
        runs = [
            subprocess.Popen([*command, "-o", str(root / name)], stderr=subprocess.PIPE)
            for name in ("build", "preview")
        ]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err.decode()
    reference = tmp_path / "reference"
    assert (
        run_cli("build", "-s", str(root), "-o", str(reference), "--no-cache", "--now", NOW).code
        == 0
    )
    for name in ("build", "preview"):
        assert tree(root / name, without={MARKER}) == tree(reference, without={MARKER}), name


def test_a_held_folder_is_an_output_error_printed_as_any_problem(tmp_path: Path) -> None:
    """Not a content problem: callers can tell them apart, yet exit 1 and one line as before."""
    out = tmp_path / "build"
    with held(out), pytest.raises(OutputError) as caught, build_lock(out):
        pass
    assert isinstance(caught.value, ContentError)
    assert caught.value.lines() == [f"{out}: {BUSY}"]
