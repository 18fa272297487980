"""Recognise a rebuild with nothing to do from file signatures alone.

After a build, a stamp in the cache folder records a key over everything the
output was made from but the clock: the tool's code (the theme is part of
it), the build options, the config (and the names of files misnamed as it, which
the build warns of), the templates, and the size, times and
inode of every file in content/. It also records what the build reported (its briefing count and
warnings) and the span of clocks its output holds for: from its own clock up
to the first instant any page would read differently (`horizon.until`: the
next midnight, the next minute of a countdown near its event, ...). When the
next build finds the same key, its clock is in that span, and the output
folder still holds exactly the files the last build wrote (the manifest's
check), there is nothing to do: the build reports the same and writes nothing.
So builds without `--now` minutes apart are recognised too.

The key is taken before the build reads anything, so an edit made while a
build runs is never covered by its stamp: the next build sees a new key.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefing_site.build.cache import code_fingerprint, digest, make_folder, tree_fingerprint
from briefing_site.build.lock import build_lock
from briefing_site.build.options import BuildOptions
from briefing_site.build.writer import (
    check_output_dir,
    disk_error,
    output_intact,
    recover,
    replace_file,
)
from briefing_site.errors import Problem
from briefing_site.model import Location
from briefing_site.site import (
    CACHE_DIR,
    CONFIG_FILE,
    CONTENT_DIR,
    TEMPLATES_DIR,
    settings_misnamed,
)
from briefing_site.walk import Walked, walk

VERSION = b"stamp 3"
# Files saved this recently are stamped by their bytes too (see `_signatures`):
# more than the coarsest common file-system clock (FAT's two seconds).
RACY_NS = 3_000_000_000


@dataclass(frozen=True)
class Built:
    """What a build reports: the briefings it published and its warnings."""

    briefings: int
    warnings: tuple[Problem, ...]


def manifest_path(site: Path, out: Path) -> Path:
    """One manifest per output folder, so building elsewhere with -o forgets nothing."""
    return site / CACHE_DIR / f"output-{_out_id(out)}.manifest"


def _out_id(out: Path) -> str:
    return hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:16]


def _stamp_path(options: BuildOptions) -> Path:
    return options.site / CACHE_DIR / f"stamp-{_out_id(options.output)}.json"


def forget_stamp(options: BuildOptions) -> None:
    """Drop the stamp: a build without the cache keeps no manifest to vouch for its output."""
    with contextlib.suppress(NotADirectoryError):  # a file named like the cache folder
        _stamp_path(options).unlink(missing_ok=True)


class Stamp:
    """The input key of one build, to compare with the last build's and to record."""

    def __init__(self, options: BuildOptions) -> None:
        site, out = options.site, options.output
        self.site, self.out, self.now = site, out, options.now.astimezone(UTC)
        self.path = _stamp_path(options)
        # The clock's offset too: the same instant can be another day where it is read.
        chosen = (options.base_url, options.drafts, out.resolve(), options.now.utcoffset())
        config = site / CONFIG_FILE
        self.taken_ns = time.time_ns()  # before the walk: see `settled_before_ns`
        self.content = content_signatures(site)  # also what the build checks for edits
        signatures, self.racy = _signatures(site, self.content)
        self.key = digest(
            VERSION,
            code_fingerprint(),
            "\0".join(map(str, chosen)).encode("utf-8", "surrogateescape"),
            _hash_file(config).encode() if config.is_file() else _no_file(config),
            "\0".join(settings_misnamed(site)).encode("utf-8", "surrogateescape"),
            tree_fingerprint(site / TEMPLATES_DIR),
            signatures,
        ).hex()

    @property
    def settled_before_ns(self) -> int:
        """A file changed at or after this may change again unseen by its signature."""
        return self.taken_ns - RACY_NS

    def unchanged(self) -> Built | None:
        """The last build's report when its key and clock span hold this build and its output is untouched."""
        try:
            saved = json.loads(self.path.read_text())
            if saved["key"] != self.key or not self._in_span(saved["since"], saved["until"]):
                return None
            built, racy = _saved_report(saved["briefings"], saved["warnings"]), saved["racy"]
            if built is None or not _hashes(racy) or not self._same_bytes(racy):
                return None
            if saved["folder"] != _folder_id(self.out):  # a build since without the cache
                return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not output_intact(self.out, manifest_path(self.site, self.out)):
            return None
        return built

    def _same_bytes(self, racy: dict[str, str]) -> bool:
        """The files saved too recently to trust by their signatures, then or now,
        still hold the bytes the last build saw."""
        if not self.racy.keys() <= racy.keys():
            return False  # saved since the last build, yet its signature is the same
        now = {path: self.racy.get(path) or _hash_file(self.site / path) for path in racy}
        return now == racy

    def _in_span(self, since: str, until: str) -> bool:
        first = datetime.fromisoformat(since)
        return self.now == first or first <= self.now < datetime.fromisoformat(until)

    def record(self, built: Built, until: datetime) -> None:
        """Remember this build's key, report and clock span (its clock up to `until`)."""
        warnings = [[p.location.path, p.location.line, p.message] for p in built.warnings]
        data = {
            "key": self.key,
            "since": self.now.isoformat(),
            "until": until.astimezone(UTC).isoformat(),
            "briefings": built.briefings,
            "warnings": warnings,
            "racy": self.racy,
            "folder": _folder_id(self.out),
        }
        make_folder(self.path.parent)
        replace_file(self.path, json.dumps(data).encode())


def _folder_id(out: Path) -> list[int]:
    """The output folder's device and inode: each build that writes swaps in another
    folder, so a build made without the cache (`--no-cache`, which leaves the cache
    untouched) leaves one the stamp does not name, and the next build runs."""
    found = out.stat()
    return [found.st_dev, found.st_ino]


def _saved_report(briefings: object, warnings: object) -> Built | None:
    """The report a stamp saved, if it has the types this version writes: a stamp
    edited by hand is no stamp (the build runs), never a traceback or a made-up warning."""
    if type(briefings) is not int or not isinstance(warnings, list):
        return None
    problems = []
    for warning in warnings:
        if not isinstance(warning, list) or len(warning) != 3:
            return None
        path, line, message = warning
        if not (isinstance(path, str) and type(line) is int and isinstance(message, str)):
            return None
        problems.append(Problem(Location(path, line), message))
    return Built(briefings, tuple(problems))


def _hashes(racy: object) -> bool:
    """Whether a stamp's `racy` is what this version writes: path to hash, both text."""
    return isinstance(racy, dict) and all(isinstance(v, str) for v in racy.values())


def unchanged_build(options: BuildOptions) -> tuple[Stamp, Built | None]:
    """This build's stamp, and the last build's report if there is nothing to do.

    The output folder is checked and locked as for a build, and what an
    interrupted build left beside it is cleared up first. A read-only output folder
    is refused only by a build that has something to write (`pipeline.build`): one
    with nothing to do writes nothing there, and reports as the last build did.
    """
    check_output_dir(options.output, options.site, writing=False)
    with build_lock(options.output):
        try:
            recover(options.output)
            stamp = Stamp(options)
        except OSError as exc:
            raise disk_error(options.output, exc) from exc
        return stamp, stamp.unchanged()


def content_signatures(site: Path) -> Walked:
    """The files of content/ with their signatures, by the walk every reader shares."""
    return walk(site, CONTENT_DIR, stats=True)


def _signatures(site: Path, found: Walked) -> tuple[bytes, dict[str, str]]:
    """Path, size, times and inode of every file in content/, and the walk's
    problems; and the bytes' hash of each file saved within `RACY_NS` of now.

    A second save in the same tick of the file system's clock may leave a
    file's size and times as they were (git's "racily clean" files), so the
    stamp keeps the hashes of such files apart from its key and checks them
    again on the next build. Kept apart, a file that has since aged past the
    window leaves the key as it was, and that next build is still recognised
    as having nothing to do. Such files are few, so this costs next to nothing.
    """
    recent = time.time_ns() - RACY_NS
    rows: list[str] = []
    racy: dict[str, str] = {}
    for path, (mtime, ctime, size, inode) in found.signatures.items():
        rows.append(f"{path}\0{size}\0{mtime}\0{ctime}\0{inode}")
        if max(mtime, ctime) >= recent:
            racy[path] = _hash_file(site / path)
    rows.sort()
    rows += [f"problem\0{problem}" for problem in found.problems]
    return "\n".join(rows).encode("utf-8", "surrogateescape"), racy


def _no_file(config: Path) -> bytes:
    """Settings missing (the defaults), a folder or a broken link in their place (an
    error): not alike."""
    if config.is_symlink():
        return b"\0link"
    return b"\0folder" if config.is_dir() else b"\0none"


def _hash_file(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return f"unreadable {exc.errno}"
