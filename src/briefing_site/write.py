"""Write the output folder atomically: the new build, or the old one untouched.

Everything is written into a temporary sibling folder first, then swapped in
with renames, so a failed or interrupted build never leaves a half-written
site. A marker file records that the folder is ours to replace.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from briefing_site.errors import ContentError
from briefing_site.model import Location, RenderedFile

MARKER = ".briefing-site"


def check_output_dir(out: Path, site: Path) -> None:
    """Refuse an output folder whose replacement could destroy someone's files."""
    where = Location(str(out))
    resolved = out.resolve()
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise ContentError.at(where, "output path exists and is not a folder")
    content = (site / "content").resolve()
    protected = {Path("/"), Path.home().resolve(), site.resolve()}
    if resolved in protected or content.is_relative_to(resolved):
        raise ContentError.at(
            where, "refusing to use this folder for output: it holds the site or your files"
        )
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ContentError.at(
            where,
            "output folder is not empty and was not made by briefing-site; choose another with -o",
        )


def output_path(root: Path, relative: str) -> Path:
    """The file's place under `root`; a path that could escape it is a bug, refused."""
    parts = PurePosixPath(relative).parts
    if (
        not parts
        or relative.startswith("/")
        or any(p in ("", ".", "..") or "\\" in p for p in parts)
    ):
        raise ValueError(f"unsafe output path {relative!r}")
    return root.joinpath(*parts)


def write_site(files: Sequence[RenderedFile], out: Path, site: Path) -> None:
    """Write `files` as the whole new content of `out`, atomically."""
    check_output_dir(out, site)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for item in files:
            target = output_path(staging, item.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.data)
        (staging / MARKER).write_text("This folder is written by briefing-site build.\n")
        staging.chmod(0o755)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with two renames; the old build goes last."""
    if not out.exists():
        os.rename(staging, out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rename(out, retired / "site")
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(retired / "site", out)
        raise
    shutil.rmtree(retired, ignore_errors=True)
