"""An editor saving while a build runs: the build uses the old or the new bytes of
the file, never half of each, or refuses with a message; the next build picks
the change up, even one that left the file's size and times as they were.

The writer is real: a thread rewriting an article in place (truncate, write
half, pause, write the rest), as editors without atomic saves do.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_cli, write_site

from briefing_site.build.pipeline import SETTLE_NS

NOW = "2025-02-05T10:00:00-05:00"
COUNT = 12


def version(word: str) -> bytes:
    paragraphs = "\n\n".join(f"{word} paragraph number {n} of the report." for n in range(COUNT))
    return f"---\ntitle: Edited\nsummary: A summary.\n---\n{paragraphs}\n".encode()


ALPHA, BETA = version("Alpha"), version("Bravo")


class InPlaceWriter(threading.Thread):
    """Rewrites `path` in place, alternating two versions, `times` times."""

    def __init__(self, path: Path, times: int) -> None:
        super().__init__(daemon=True)
        self.path, self.times = path, times
        self.last = ALPHA
        self.finished = threading.Event()  # set once a build has finished between saves
        self.long_pauses: list[tuple[float, float]] = []  # half-saved spans past SETTLE_NS

    def run(self) -> None:
        for n in range(self.times):
            data = BETA if n % 2 == 0 else ALPHA
            half = len(data) // 2
            with open(self.path, "r+b") as handle:
                handle.truncate(0)
                handle.write(data[:half])
                handle.flush()
                halfway = time.monotonic()
                time.sleep(0.02)  # an editor flushing in pieces
                handle.write(data[half:])
                handle.flush()
                done = time.monotonic()
            if done - halfway >= SETTLE_NS / 1e9:
                # A loaded machine stretched the pause past what the build waits for:
                # a half file that long is a whole save as far as anyone can tell.
                self.long_pauses.append((halfway, done))
            self.last = data
            time.sleep(0.25)  # a gap between saves, in which a build can read a whole file
            if n == self.times // 2 and not self.finished.is_set():
                # On a loaded machine a build can outlast every gap; hold this save
                # until one finishes, so the run always has a whole build to check.
                self.finished.wait(60)


def shown(site: Path) -> tuple[int, int]:
    page = (site / "build/briefings/edited/index.html").read_text()
    return len(re.findall(r"Alpha paragraph", page)), len(re.findall(r"Bravo paragraph", page))


@pytest.mark.parametrize("extra", [(), ("--no-cache", "-j", "1")])
def test_a_file_rewritten_during_builds_is_used_whole_or_refused(
    tmp_path: Path, extra: tuple[str, ...]
) -> None:
    site = write_site(tmp_path / "site", {"content/edited.md": ALPHA})
    argv = ("build", "-s", str(site), "--now", NOW, *extra)
    assert run_cli(*argv).code == 0
    writer = InPlaceWriter(site / "content/edited.md", 30)
    writer.start()
    outcomes: list[tuple[float, float, tuple[int, int]] | None] = []
    while writer.is_alive():
        before = (site / "build/briefings/edited/index.html").read_bytes()
        started = time.monotonic()
        done = run_cli(*argv)
        ended = time.monotonic()
        if done.code == 0:
            outcomes.append((started, ended, shown(site)))
            writer.finished.set()
        else:
            assert (
                done.err.splitlines()
                == [
                    "content/edited.md: the file was rewritten while the build read it; "
                    "the previous build is unchanged: build again"
                ]
                or "content/edited.md" in done.err  # another refusal naming it (read empty)
            ), done.err
            assert (site / "build/briefings/edited/index.html").read_bytes() == before
            outcomes.append(None)
    writer.join()
    assert any(seen is not None for seen in outcomes), "no build finished between saves"
    torn = [
        seen
        for started, ended, seen in filter(None, outcomes)
        if seen not in ((COUNT, 0), (0, COUNT))
        and not any(a < ended and b > started for a, b in writer.long_pauses)
    ]
    assert torn == [], f"half-read pages in {len(outcomes)} builds: {torn}"
    assert run_cli(*argv).code == 0  # the next build picks up the last save
    expected = (COUNT, 0) if writer.last == ALPHA else (0, COUNT)
    assert shown(site) == expected


def signature(path: Path) -> tuple[int, int, int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


@pytest.fixture
def coarse_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system whose file times count whole seconds (ext2 with small inodes)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a file system with one-second times needs root (CI runs as root)")
    image, folder = tmp_path / "disk.img", tmp_path / "disk"
    folder.mkdir()
    with open(image, "wb") as handle:
        handle.truncate(16 << 20)
    made = subprocess.run(
        ["mkfs.ext2", "-q", "-F", "-I", "128", str(image)], capture_output=True, check=False
    )
    mounted = subprocess.run(
        ["mount", "-o", "loop", str(image), str(folder)], capture_output=True, check=False
    )
    if made.returncode or mounted.returncode:
        pytest.skip(f"cannot make an ext2 file system here: {made.stderr!r} {mounted.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_save_that_keeps_size_and_times_is_still_seen_by_the_next_build(
    coarse_disk: Path,
) -> None:
    """Two saves in one tick of the file system's clock leave the stat as it was:
    the no-change stamp must not take the second for no change."""
    site = write_site(coarse_disk / "site", {"content/edited.md": ALPHA})
    path = site / "content/edited.md"
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0  # warm the cache
    for _attempt in range(5):
        time.sleep(1 - time.time() % 1 + 0.01)  # at the start of a second
        path.write_bytes(ALPHA if path.read_bytes() == BETA else BETA)
        assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
        st = signature(path)
        with open(path, "r+b") as handle:  # the other version: the same size, in place
            handle.write(ALPHA if path.read_bytes() == BETA else BETA)
        if signature(path) == st:
            break
    else:
        pytest.skip("could not save twice within one second of the file system's clock")
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    expected = (COUNT, 0) if path.read_bytes() == ALPHA else (0, COUNT)
    assert shown(site) == expected
