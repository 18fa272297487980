"""A full disk (and other OS errors) on every write: staging, spare, cache, stamp, lock.

The disk is a real, small tmpfs, mounted by the test (which needs root; CI
runs as root) and filled to the last byte. Each failure gives one line, and
the exit status matches what is on disk: 1 with the previous build in place
when the failure comes before the new build is swapped in, 0 with a warning
when the new build is in place and only the cache could not be saved.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import run_cli, write_site
from filetree import tree

from briefing_site.site import CACHE_DIR

NOW = "2025-02-05T10:00:00-05:00"
FULL = "No space left on device"


def article(n: int, words: str = "") -> str:
    body = "\n\n".join(
        f"Officials met about trade and defense, part {p} {words}." for p in range(6)
    )
    return f"---\ntitle: Briefing {n}\nsummary: A summary.\n---\n{body}\n"


def make_site(root: Path, count: int = 8) -> Path:
    return write_site(root, {f"content/a{n}.md": article(n) for n in range(count)})


def build(site: Path, *extra: str) -> tuple[int, list[str], list[str]]:
    done = run_cli("build", "-s", str(site), "--now", NOW, *extra)
    # Lint warnings about the articles themselves are not what these tests are about.
    err = [line for line in done.err.splitlines() if not line.startswith("content/")]
    return done.code, done.out.splitlines(), err


@pytest.fixture
def small_disk() -> Iterator[Callable[..., Path]]:
    """Mount a small tmpfs at a folder; unmounted at the end of the test."""
    mounted: list[Path] = []

    def mount(folder: Path, size: str = "2m", inodes: int = 0) -> Path:
        if os.geteuid() != 0:
            pytest.skip("a full disk is simulated with a tmpfs, which needs root (CI runs as root)")
        folder.mkdir(parents=True, exist_ok=True)
        options = f"size={size}" + (f",nr_inodes={inodes}" if inodes else "")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> Path:
    """Fill `disk` to the last byte (and its last inode); returns the filler to delete."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 16, 1 << 12, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    try:
        for n in range(100_000):
            (disk / f"inode-{n}").mkdir()
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    return filler


def empty(disk: Path) -> None:
    (disk / "filler").unlink()
    for folder in disk.glob("inode-*"):
        folder.rmdir()


def edit(site: Path, n: int, words: str) -> None:
    (site / f"content/a{n}.md").write_text(article(n, words))


def test_cache_full_after_the_swap_is_a_warning_and_the_build_succeeds(
    tmp_path: Path, small_disk: Callable[..., Path]
) -> None:
    site = make_site(tmp_path / "site")
    cache = small_disk(site / CACHE_DIR)
    assert build(site)[0] == 0
    edit(site, 1, "with a new pledge")
    fill(cache)
    code, out, err = build(site)
    assert code == 0
    assert err == [
        f"{cache}: warning: the build cache was not saved ({FULL}); "
        "the build is complete, the next one redoes the work"
    ]
    assert out[0].startswith("built 8 briefings, ")
    assert "with a new pledge" in (site / "build/briefings/a1/index.html").read_text()
    empty(cache)
    assert build(site)[:3:2] == (0, [])
    assert build(site)[:3:2] == (0, [])  # the stamp is saved again: nothing to do


def test_compiled_templates_not_saved_on_a_full_cache_disk_is_only_a_warning(
    tmp_path: Path, small_disk: Callable[..., Path]
) -> None:
    """The compiled-template cache only saves time: it must not fail a build."""
    site = make_site(tmp_path / "site")
    cache = small_disk(site / CACHE_DIR)
    assert build(site)[0] == 0
    assert any((cache / "templates").iterdir())
    for compiled in (cache / "templates").iterdir():  # every template must be compiled again
        compiled.unlink()
    edit(site, 1, "with a new pledge")
    fill(cache)
    code, out, err = build(site)
    assert code == 0, err
    assert out[0].startswith("built 8 briefings, ")
    assert "with a new pledge" in (site / "build/briefings/a1/index.html").read_text()
    assert err and all("warning: the build cache was not saved" in line for line in err)


@pytest.mark.parametrize("extra", [(), ("--no-cache",), ("--no-cache", "-j", "1")])
def test_full_disk_while_staging_keeps_the_previous_build(
    tmp_path: Path, small_disk: Callable[..., Path], extra: tuple[str, ...]
) -> None:
    disk = small_disk(tmp_path / "disk")
    site = make_site(disk / "site")
    assert build(site, *extra)[0] == 0
    before = tree(site / "build")
    edit(site, 2, "with a new pledge")
    fill(disk)
    code, _, err = build(site, *extra)
    assert (code, err) == (
        1,
        [f"{site / 'build'}: cannot write the build: {FULL}; the previous build is unchanged"],
    )
    assert tree(site / "build") == before
    empty(disk)
    assert build(site, *extra)[0] == 0
    assert "with a new pledge" in (site / "build/briefings/a2/index.html").read_text()


def test_full_disk_while_updating_the_spare_build_keeps_the_previous_build(
    tmp_path: Path, small_disk: Callable[..., Path]
) -> None:
    disk = small_disk(tmp_path / "disk")
    site = make_site(disk / "site")
    assert build(site)[0] == 0
    edit(site, 1, "first edit")
    assert build(site)[0] == 0  # the replaced build is now the spare, in the cache folder
    assert any(p.name.endswith(".spare") for p in (site / CACHE_DIR).iterdir())
    before = tree(site / "build")
    edit(site, 1, "second edit")
    fill(disk)
    code, _, err = build(site)
    assert code == 1 and len(err) == 1 and FULL in err[0], err
    assert tree(site / "build") == before
    empty(disk)
    for words in ("second edit", "third edit"):
        edit(site, 1, words)
        assert build(site)[:3:2] == (0, [])
        assert words in (site / "build/briefings/a1/index.html").read_text()


@pytest.mark.parametrize("what", ["stamp", "manifest"])
def test_stamp_or_manifest_not_saved_after_the_swap_is_a_warning(tmp_path: Path, what: str) -> None:
    """Another OS error than a full disk: a folder in the way of the file's temporary copy."""
    site = make_site(tmp_path / "site")
    assert build(site)[0] == 0
    cache = site / CACHE_DIR
    suffix = ".json" if what == "stamp" else ".manifest"
    (saved,) = [p for p in cache.iterdir() if p.name.endswith(suffix)]
    blocker = saved.with_name(saved.name + ".tmp")
    blocker.mkdir()
    edit(site, 3, "with a new pledge")
    code, _, err = build(site)
    assert code == 0
    assert len(err) == 1 and err[0].startswith(f"{cache}: warning: the build cache was not saved")
    assert "with a new pledge" in (site / "build/briefings/a3/index.html").read_text()
    blocker.rmdir()
    assert build(site)[:3:2] == (0, [])


def test_full_disk_when_taking_the_lock_is_one_line_and_exit_1(
    tmp_path: Path, small_disk: Callable[..., Path]
) -> None:
    site = make_site(tmp_path / "site")
    disk = small_disk(tmp_path / "disk", size="64k", inodes=64)
    fill(disk)
    out = disk / "new" / "out"
    done = run_cli("build", "-s", str(site), "--now", NOW, "-o", str(out))
    assert done.code == 1
    assert done.err.splitlines() == [f"{out}: cannot lock the output: {FULL}"]
    assert not out.exists()


def _free_kb(disk: Path) -> int:
    found = os.statvfs(disk)
    return found.f_bavail * found.f_frsize // 1024


def test_cold_cache_on_a_nearly_full_disk_builds_as_one_process_would(
    tmp_path: Path, small_disk: Callable[..., Path]
) -> None:
    """Room for the new build beside the old one, not for the cache records on top:
    the parked records give way (nothing is cached) and the build succeeds."""
    disk = small_disk(tmp_path / "disk", size="8m")
    words = " ".join(f"word{w}" for w in range(200))
    site = write_site(disk / "site", {f"content/a{n}.md": article(n, words) for n in range(40)})
    assert build(site, "-j", "1", "--no-cache")[0] == 0
    clean = tree(site / "build")
    subprocess.run(["rm", "-rf", str(site / CACHE_DIR)], check=True)
    leave = 3000
    filler = disk / "filler"
    subprocess.run(
        ["fallocate", "-l", f"{(_free_kb(disk) - leave) * 1024}", str(filler)], check=True
    )
    assert abs(_free_kb(disk) - leave) < 100
    code, out, err = build(site, "-j", "2")
    assert code == 0, err
    assert out[0].startswith("built 40 briefings, ")
    assert tree(site / "build") == clean
    filler.unlink()
    assert build(site, "-j", "2")[0] == 0
    assert tree(site / "build") == clean
