"""One build at a time per output folder: an advisory lock on its parent folder.

The lock is `flock` on the folder that holds OUT (its inode stays put while
OUT itself is swapped), so no lock file appears in the site's tree, and the
kernel releases it when the process ends, however it ends: a killed build
never leaves a stale lock. Builds into different folders of one parent wait
for each other only for as long as they would race on its staging folders.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing_site.errors import ContentError
from briefing_site.model import Location


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the output's lock, or fail at once if another build holds it."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(out.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise ContentError.at(
            Location(str(out)), f"cannot lock the output: {exc.strerror}"
        ) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ContentError.at(
                Location(str(out)),
                "another briefing-site build is writing this folder; try again when it ends",
            ) from exc
        yield
    finally:
        os.close(fd)
