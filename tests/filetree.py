"""What a folder holds, to compare two builds (or one before and after) byte for byte."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path


def tree(folder: Path, *, without: Collection[str] = ()) -> dict[str, str]:
    """Every file under `folder` by relative path, with its SHA-256: equal trees are
    byte-identical, and a difference reads as a short list of names, not of bytes.
    Files named in `without` are left out wherever they are."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in without
    }
