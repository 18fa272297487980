"""One build at a time per output folder, and builds into other folders never wait.

The lock is `flock` on a file beside OUT, `.OUT.lock`, not on OUT itself
(whose inode changes when a build swaps it in) nor on the folder that holds
it (that made builds into sibling folders exclude each other). The kernel
releases it when the process ends, however it ends, so a killed build never
leaves a stale lock: only, at worst, an unlocked file the next build reuses.
A build deletes the file as it lets go, so none is left in the site's tree.

The build cache (one per site) is shared by builds into different folders;
`cache_lock` makes their writes to it take turns.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from briefing_site.errors import OutputError
from briefing_site.model import Location


def lock_path(out: Path) -> Path:
    """The lock file of output folder `out`, beside it (staging folders live there too)."""
    return out.parent / f".{out.name}.lock"


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the output's lock, or fail at once if another build holds it."""
    path = lock_path(out)
    fd = _acquire(path, out)
    try:
        yield
    finally:
        # Unlinked while still held: a build that opened it meanwhile sees,
        # once it gets the lock, that the file is gone, and makes a new one.
        with suppress(OSError):
            path.unlink()
        os.close(fd)


def _acquire(path: Path, out: Path) -> int:
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(path, flags, 0o644)
        except OSError as exc:
            raise OutputError.at(
                Location(str(out)), f"cannot lock the output: {exc.strerror}"
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(fd)
            raise OutputError.at(
                Location(str(out)),
                "another briefing-site build is writing this folder; try again when it ends",
            ) from exc
        if _still_there(fd, path):
            return fd
        os.close(fd)  # the build before let go and deleted it: lock a fresh one


def _still_there(fd: int, path: Path) -> bool:
    try:
        named = path.stat(follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


@contextmanager
def cache_lock(folder: Path) -> Iterator[None]:
    """Wait for, then hold, the cache folder `folder` while writing it.

    A folder that cannot be opened is written unlocked: writing it then fails
    with its own, clearer error, or works as it did before there was a lock.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
