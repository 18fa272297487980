"""The output's check against its manifest, run in a child while the articles load,
answers as the check in the build's own process does, and a hand edit made to build/
or to the spare is still caught.

A fork is made only from a process with one thread (the test run has others by
then), so the checks that fork run in a fresh process of their own (`_fresh`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from test_incremental import _edit, _with_a_spare
from test_speed_paths import NOW, articles, reference, tree

from briefing_site.build import spare_check
from briefing_site.build.spare_check import SpareCheck
from briefing_site.build.unchanged import manifest_path
from briefing_site.build.writer import Spare, read_manifest

__all__ = ["articles"]  # the fixture, shared with test_speed_paths

CACHE = ".briefing-cache"
needs_fork = pytest.mark.skipif(
    not (hasattr(os, "fork") and sys.platform.startswith("linux")),
    reason="the check forks on Linux only",
)

# In a fresh process (one thread), with any site big enough to fork for: the child's
# answer and this process's own check, or a build through the command line.
CHECK = """
import json, os, sys
from pathlib import Path
from briefing_site.build import spare_check
from briefing_site.build.spare_check import SpareCheck
from briefing_site.build.unchanged import manifest_path
from briefing_site.build.writer import Spare, read_manifest
spare_check.FORK_AT = 0
site, then = Path(sys.argv[1]), sys.argv[2]
if then == "build":
    from briefing_site.cli import main
    print(json.dumps({"code": main(["build", "-s", str(site), "--now", sys.argv[3]])}))
    sys.exit(0)
out = site / "build"
manifest = manifest_path(site, out)
read = read_manifest(manifest)
aside = SpareCheck(manifest, out, read)
forked = aside._child is not None
if then == "spoil" and forked:  # the child has answered; then its manifest changes
    os.waitpid(aside._child[0], 0)
    next((site / ".briefing-cache").glob("*.spare-manifest")).write_bytes(b"not a manifest")
child, here = aside.result(), Spare.check(manifest, out, read)
print(json.dumps({
    "forked": forked,
    "trusted": child.verified is read.files,
    "entries": bool(child.entries),
    "same": child.verified == here.verified and child.entries == here.entries,
}))
"""


def _fresh(site: Path, then: str = "check") -> dict[str, bool | int]:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(site), then, NOW],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, bool | int] = json.loads(result.stdout.splitlines()[-1])
    return found


@needs_fork
def test_the_child_answers_as_the_check_here_does(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site, _ = _with_a_spare(make_site(articles), cli)
    # build/ as recorded: its files are trusted, and the spare brought up to the next build
    assert _fresh(site) == {"forked": True, "trusted": True, "entries": True, "same": True}

    (site / "build" / "index.html").write_text("scribbled")  # by hand, in place
    found = _fresh(site)
    assert found["forked"] and found["same"]
    assert not found["trusted"]  # nothing of build/ is trusted


@needs_fork
def test_a_spare_edited_by_hand_is_not_used(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site, sources = _with_a_spare(make_site(articles), cli)
    (spare,) = (site / CACHE).glob("*.spare")
    edited = sorted(spare.glob("briefings/*/index.html"))[0]  # one of its own files
    edited.unlink()
    edited.write_text("scribbled")
    assert _fresh(site) == {"forked": True, "trusted": True, "entries": False, "same": True}
    _edit(sources[2], "Officials", "Envoys 2")
    assert _fresh(site, "build") == {"code": 0}  # the build's own check forks too
    assert tree(site / "build") == reference(site, cli)


@needs_fork
def test_a_spare_manifest_changed_after_the_child_read_it_is_checked_again(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site, _ = _with_a_spare(make_site(articles), cli)
    found = _fresh(site, "spoil")
    assert found["forked"] and found["same"]
    assert not found["entries"]  # not the files the child vouched for


def test_a_small_site_is_checked_here(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """A fork costs about what a thousand stats do: a small site's check runs here."""
    site, _ = _with_a_spare(make_site(articles), cli)
    out = site / "build"
    manifest = manifest_path(site, out)
    read = read_manifest(manifest)
    assert 0 < len(read.files) < spare_check.FORK_AT
    aside = SpareCheck(manifest, out, read)
    assert aside._child is None
    assert aside.result().entries


def test_without_a_child_the_check_runs_here(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where there is no fork (or other threads run), the answer is the same, only later;
    a rebuild then still matches a clean build."""
    monkeypatch.setattr(spare_check, "FORK_AT", 0)
    monkeypatch.setattr(spare_check, "_can_fork", lambda: False)
    site, sources = _with_a_spare(make_site(articles), cli)
    out = site / "build"
    manifest = manifest_path(site, out)
    aside = SpareCheck(manifest, out, read_manifest(manifest))
    assert aside._child is None
    assert aside.result().entries
    _edit(sources[2], "Officials", "Envoys 2")
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert tree(site / "build") == reference(site, cli)


def test_a_page_linked_into_the_new_build_does_not_vouch_for_a_spare_missing_it(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    tmp_path: Path,
) -> None:
    """A file of build/ with a second name is taken to share it with the spare, and the
    spare's own copy is then not stat'ed. But a check that runs while the build links
    unchanged pages into its staging folder (in the child, or here once the child
    failed) sees those links too: the spare's copy may be gone, and the swap would
    publish a build without it. Only a link older than the build counts."""
    site, _ = _with_a_spare(make_site(articles), cli)
    out = site / "build"
    (spare,) = (site / CACHE).glob("*.spare")
    shared = next(
        p
        for p in sorted(spare.rglob("*.html"))
        if (out / p.relative_to(spare)).stat().st_ino == p.stat().st_ino
    )
    page = out / shared.relative_to(spare)
    shared.unlink()  # the spare lost its copy: build/'s page has one name again
    started = time.time_ns() - spare_check.CLOCK_SLACK_NS
    os.link(page, tmp_path / "staged.html")  # the build links the unchanged page
    manifest = manifest_path(site, out)
    read = read_manifest(manifest)
    assert Spare.check(manifest, out, read).entries  # without the time: vouched for
    assert not Spare.check(manifest, out, read, started).entries
    assert SpareCheck(manifest, out, read)._done is not None  # a small site: here, first


# A thread a C library starts (here libc's own `sleep` as the thread's body) is a thread
# of the process that Python's `threading` never hears of.
NATIVE_THREAD = """
import ctypes, ctypes.util, json, threading
from briefing_site.build import spare_check
alone = spare_check._can_fork()
libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
sleep = ctypes.cast(libc.sleep, ctypes.c_void_p)
thread = ctypes.c_ulong()
assert libc.pthread_create(ctypes.byref(thread), None, sleep, ctypes.c_void_p(2)) == 0
print(json.dumps({"alone": alone, "python_threads": threading.active_count(),
                  "with_native": spare_check._can_fork()}))
libc.pthread_join(thread, None)
"""


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="no /proc to count threads")
def test_no_fork_while_a_native_thread_runs() -> None:
    """A fork copies only the forking thread: a C library's thread holding a lock (an
    allocator's, a logger's) would leave the child's copy of it held for ever. Such a
    thread is one `threading` does not count, so the process's own threads are counted."""
    result = subprocess.run(
        [sys.executable, "-c", NATIVE_THREAD], capture_output=True, text=True, check=True
    )
    found = json.loads(result.stdout.splitlines()[-1])
    assert found == {"alone": True, "python_threads": 1, "with_native": False}
