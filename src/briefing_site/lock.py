"""One build at a time per output folder: an advisory lock beside it.

`flock` is released by the kernel when the process ends, however it ends, so
a killed build never leaves a stale lock behind; the small lock file stays.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing_site.errors import ContentError
from briefing_site.model import Location


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the output's lock, or fail at once if another build holds it."""
    path = lock_path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
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
