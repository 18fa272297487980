"""Write the output folder atomically: the new build, or the old one untouched.

Everything is written into a temporary sibling folder first, then swapped in
with renames, so a failed or interrupted build never leaves a half-written
site. A marker file records that the folder is ours to replace.
"""

from __future__ import annotations

import hashlib
import json
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


# Writing only what changed -------------------------------------------------
# The output stays atomic: a changed site is still staged whole and swapped in
# by `_swap`; unchanged files are hard-linked into the staging folder from the
# previous build instead of written again, and when no file changed at all the
# previous build is already the new one and is left as it is. The manifest
# (kept in the site's cache folder) records each output file's hash and its
# size, mtime and inode, so a build folder touched by hand is rewritten whole.


def write_changed(files: Sequence[RenderedFile], out: Path, site: Path, manifest: Path) -> bool:
    """`write_site`, sparing unchanged files; False when nothing needed writing."""
    check_output_dir(out, site)
    hashes = {item.path: hashlib.sha256(item.data).hexdigest() for item in files}
    previous = _intact(out, manifest)
    if previous == hashes:
        return False
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for item in files:
            target = output_path(staging, item.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            if previous.get(item.path) != hashes[item.path] or not _link(out, item.path, target):
                target.write_bytes(item.data)
        (staging / MARKER).write_text("This folder is written by briefing-site build.\n")
        staging.chmod(0o755)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _record(out, manifest, hashes)
    return True


def _link(out: Path, relative: str, target: Path) -> bool:
    try:
        os.link(output_path(out, relative), target)
    except OSError:
        return False
    return True


def _intact(out: Path, manifest: Path) -> dict[str, str]:
    """The previous build's hashes if `out` is still exactly what it wrote, else {}."""
    try:
        data = json.loads(manifest.read_text())
        if data["out"] != str(out.resolve()) or not (out / MARKER).is_file():
            return {}
        hashes = {}
        for path, (digest, size, mtime, inode) in data["files"].items():
            stat = output_path(out, path).stat()
            if (stat.st_size, stat.st_mtime_ns, stat.st_ino) != (size, mtime, inode):
                return {}
            hashes[path] = digest
        return hashes
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _record(out: Path, manifest: Path, hashes: dict[str, str]) -> None:
    files = {}
    for path, digest in hashes.items():
        stat = output_path(out, path).stat()
        files[path] = [digest, stat.st_size, stat.st_mtime_ns, stat.st_ino]
    manifest.parent.mkdir(parents=True, exist_ok=True)
    temporary = manifest.with_name(manifest.name + ".tmp")
    temporary.write_text(json.dumps({"out": str(out.resolve()), "files": files}))
    os.replace(temporary, manifest)
