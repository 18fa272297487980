"""Write the output folder atomically: the new build, or the old one untouched.

Everything is written into a temporary sibling folder first, then swapped in
(one atomic exchange where the system has it, else two renames), so a failed
or interrupted build never leaves a half-written site. A marker file records
that a folder is ours to replace; nothing without it is ever deleted. A swap
cut short by SIGKILL or a power cut is repaired at the start of the next build.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import hashlib
import itertools
import marshal
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

from briefing_site.build.spill import make_room, sha256_of
from briefing_site.errors import OutputError
from briefing_site.model import Location, RenderedFile
from briefing_site.site import CONTENT_DIR, TEMPLATES_DIR

MARKER = ".briefing-site"
_MARKER_TEXT = "This folder is written by briefing-site build.\n"
_RENAME_EXCHANGE = 2  # linux/fs.h
_MANIFEST = "briefing-site manifest 4"
# The spare's manifest is kept as its differences from the output's (see `Spare`).
_SPARE_MANIFEST = "briefing-site spare manifest 1"
_Entry = tuple[str, int, int, int]  # a manifest's file: hash, size, mtime, inode
_GENERATION = 16  # random bytes naming one output manifest's files (see `_record`)
# What changed since the manifest was last written whole, beside it (see `_record`).
_DELTA = "briefing-site manifest delta 1"
DELTA_AT = 2_000  # a site with fewer files has its manifest written whole every time
_FOLD = 8  # the delta is folded in once it covers more than an eighth of the files


class OutputFile(Protocol):
    """A file of the build: a `RenderedFile`, or one kept from the previous build."""

    @property
    def path(self) -> str: ...

    @property
    def data(self) -> bytes: ...


def check_output_dir(out: Path, site: Path, *, writing: bool = True) -> None:
    """Refuse an output folder whose replacement could destroy someone's files, and,
    unless the build will not write it (`writing` False: nothing to do), one the
    user made read-only."""
    where = Location(str(out))
    resolved = out.resolve()
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputError.at(where, "output path exists and is not a folder")
    root = site.resolve()
    protected = {Path("/"), Path.home().resolve(), root}
    inputs = [root / CONTENT_DIR, root / TEMPLATES_DIR]
    if resolved in protected or any(folder.is_relative_to(resolved) for folder in inputs):
        raise OutputError.at(
            where, "refusing to use this folder for output: it holds the site or your files"
        )
    if any(resolved.is_relative_to(folder) for folder in inputs):
        raise OutputError.at(where, "refusing to write the output inside content/ or templates/")
    try:
        foreign = out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file()
    except OSError as exc:  # a folder the user may not list: never a traceback
        raise OutputError.at(
            where, f"cannot read the output folder: {exc.strerror or exc}"
        ) from exc
    if foreign:
        raise OutputError.at(
            where,
            "output folder is not empty and was not made by briefing-site; choose another with -o",
        )
    # `chmod a-w build`, or a build/ another user made: the swap would still work (it
    # renames the folder, which needs only its parent writable), but the old build could
    # then not be removed. The user's word: the folder is left as it is.
    if writing and out.is_dir() and not os.access(out, os.W_OK | os.X_OK):
        raise OutputError.at(
            where,
            "the output folder is read-only (Permission denied): make it writable, "
            "or choose another with -o; the previous build is unchanged",
        )


def output_path(root: Path, relative: str) -> Path:
    """The file's place under `root`; a path that could escape it is a bug, refused."""
    parts = PurePosixPath(relative).parts
    if (
        not parts
        or relative.startswith("/")
        or any(p in ("", ".", "..") or "\\" in p or "\x00" in p for p in parts)
    ):
        raise ValueError(f"unsafe output path {relative!r}")
    return root.joinpath(*parts)


def write_file(root: Path, relative: str, data: bytes, *, fresh: bool = False) -> None:
    """Write one output file under `root`, making its folder only when it is missing.

    `fresh`: `root` is a folder this build made (a staging folder), so a folder
    not yet made by this process is most likely missing: it is made first, and
    the file is opened once, not tried, found missing and opened again (a cold
    build at 10,000 briefings writes ~24,000 files, most in a folder of their own).
    On a full disk the build's parked records give way first (`spill.make_room`):
    the build itself needs no more room than it did without them."""
    target = _path_in(root, relative)
    if fresh:
        _made.under(os.fspath(root))
    try:
        _write(target, data, fresh)
    except OSError as exc:
        if not make_room(exc):
            raise
        _write(target, data, fresh)


def link_same(out: Path, root: Path, relative: str, data: bytes) -> bool:
    """Hard-link the previous build's file at `relative` into `root` when it holds
    exactly `data`: the new build takes no room for it, and the file keeps its
    inode and time. False (nothing done) when it differs or cannot be linked."""
    old = output_path(out, relative)
    try:
        found = os.lstat(old)
        if not stat.S_ISREG(found.st_mode) or found.st_size != len(data):
            return False
        with open(old, "rb") as held:
            if held.read(len(data) + 1) != data:
                return False
        _hard_link(old, output_path(root, relative))
    except OSError:
        return False
    return True


def _write(target: str | Path, data: bytes, fresh: bool = False) -> None:
    parent = os.path.dirname(target)
    if fresh and parent not in _made.folders:
        _make_folder(parent)
        _made.folders.add(parent)
    try:
        _put(target, data)
    except FileNotFoundError:  # a folder not made yet, or gone since (a swap, `remove`)
        os.makedirs(parent, exist_ok=True)
        _put(target, data)


@dataclass
class _Made:
    """The folders this process made (or found) under the fresh root it last wrote
    into (`write_file`): only a hint, for one gone since (`Staging.remove`) is made
    again when its file cannot be opened. Another root starts it afresh, so a
    process that builds again and again (`serve`) holds one build's folders."""

    root: str = ""
    folders: set[str] = field(default_factory=set)

    def under(self, root: str) -> None:
        if root != self.root:
            self.root, self.folders = root, set()


_made = _Made()


# Never opened in place: a file already there may be a hard link to the previous
# build's (`link_same`), which a failed build must leave as it was.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC


def _link_or_copy(source: Path, target: Path) -> None:
    """`target` (its folder made if missing) as a hard link to `source`, else a copy."""
    target.unlink(missing_ok=True)
    try:
        _hard_link(source, target)
    except OSError:
        _write(target, source.read_bytes())


def _hard_link(source: str | Path, target: Path) -> None:
    """`target` as a hard link to `source`, its folder made if missing."""
    try:
        os.link(source, target, follow_symlinks=False)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target, follow_symlinks=False)


def _put(target: str | Path, data: bytes) -> None:
    """`target.write_bytes(data)` in three system calls (open, write, close), not six:
    a build writes tens of thousands of files, and a file object would also
    stat it, ask whether it is a terminal and find its position.

    A file already at `target` is replaced, never written into: two articles with
    one slug both write its page, and the first may be linked from the previous build.
    """
    try:
        handle = os.open(target, _NEW_FILE, 0o666)
    except FileExistsError:
        os.unlink(target)
        handle = os.open(target, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


class PendingSpare(Protocol):
    """A `Spare.check` still under way (`build.spare_check.SpareCheck`)."""

    def result(self) -> Spare: ...

    def close(self) -> None: ...


class Staging:
    """The new build's folder beside `out`, filled file by file as pages are made.

    Workers write their briefings' pages straight into it (and say what they
    wrote with `add`); the main process writes the rest with `write`. Nothing
    is held in memory but each file's hash. It carries the marker, so an
    interrupted build's staging folder is removed by the next (`recover`);
    the build that made it swaps it in (`write_changed`, `swap_in`) or
    discards it on any error (`staging`).

    With a `spare` (a rebuild whose output and spare were found as recorded at
    its start: `Spare.check`), the files this process draws go straight into the
    spare, which is then swapped in (`write_changed`), not into the staging
    folder to be linked into it: one new file each, and none where the spare
    already holds those bytes. (At 10,000 briefings a new article changes ~3,000
    listing pages, each in a folder of its own; making and removing a staging
    folder for each, and copying it into the spare, cost more than drawing it.)
    """

    def __init__(
        self,
        out: Path,
        previous: Mapping[str, str] | None = None,
        spare: Spare | PendingSpare | None = None,
    ) -> None:
        # The output folder and its spare as found at the build's start (`Spare.check`),
        # or that check still under way (`build.spare_check`): asked for when first needed.
        self._pending = spare if spare is not None and not isinstance(spare, Spare) else None
        self._checked = spare if isinstance(spare, Spare) else None
        self._spare: Spare | None = None
        self.out = out
        self.hashes: dict[str, str] = {}  # path: sha256 hex of what is written
        # What the last build wrote, as its manifest says (a hint: `Spare.check` checks
        # the output itself). A file drawn the same is held here, not written, for the
        # writer may keep the old one instead (a rebuild redraws the search index whole).
        self.previous = previous or {}
        self.held: dict[str, OutputFile] = {}
        if self._checked is not None:
            self._settle(self._checked)
        # Nothing to link from when there is no previous build (a cold build).
        self._linkable = out.is_dir()
        self.taken = False  # swapped in or discarded by the writer: no longer ours to remove
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        except BaseException:
            if self._pending is not None:
                self._pending.close()  # the check's child, if any, is waited for
            raise
        try:
            (self.folder / MARKER).write_text(_MARKER_TEXT)
        except BaseException:
            _discard(self.folder)
            raise

    def _settle(self, checked: Spare) -> None:
        self._checked = checked
        self._spare = checked if self.previous and checked.entries else None

    @property
    def checked(self) -> Spare | None:
        """The output and its spare as found at the build's start (None: not checked)."""
        pending = self._pending
        if pending is not None:  # (the search thread may ask too: `result` waits its turn)
            self._settle(pending.result())
            self._pending = None
        return self._checked

    @property
    def spare(self) -> Spare | None:
        """The spare the files this build draws go into, if it can be swapped in."""
        return self._spare if self.checked is not None else None

    def write(self, item: OutputFile) -> None:
        data = item.data
        sha = sha256_of(data).hex()  # hashed already where the cache parked it
        if self.previous.get(item.path) == sha:
            self.held[item.path] = item
        elif self.spare is not None and self.spare.put(item.path, sha, data):
            self.held.pop(item.path, None)
        else:
            if item.path in self.hashes:  # written before, maybe as a link: never in place
                output_path(self.folder, item.path).unlink(missing_ok=True)
            if not (self._linkable and link_same(self.out, self.folder, item.path, data)):
                write_file(self.folder, item.path, data, fresh=True)
            self.held.pop(item.path, None)
        self.hashes[item.path] = sha

    def read(self, path: str) -> bytes:
        """A file given to `write` (or `add`ed), held or in the folder (or the spare)."""
        held = self.held.get(path)
        if held is not None:
            return held.data
        if self.spare is not None and path in self.spare.drawn:
            return output_path(self.spare.folder, path).read_bytes()
        return output_path(self.folder, path).read_bytes()

    def add(self, path: str, sha256: str) -> None:
        """A file another process wrote into the folder."""
        self.hashes[path] = sha256

    def remove(self, paths: Iterable[str]) -> None:
        """Take back files given to `write` (a search index that failed part way), and
        the folders they leave empty. (One the spare took stays there until the
        spare is brought up to this build: it then goes as a file the build lacks.)"""
        folders: set[Path] = set()
        for path in paths:
            taken = self.spare is not None and path in self.spare.drawn
            if self.held.pop(path, None) is None and not taken:
                target = output_path(self.folder, path)
                target.unlink(missing_ok=True)
                folders.update(target.parents[: len(PurePosixPath(path).parts) - 1])
            self.hashes.pop(path, None)
        for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
            with contextlib.suppress(OSError):  # not empty: another file is in it
                folder.rmdir()

    def keep_only(self, paths: Collection[str]) -> None:
        """Remove every file but `paths`, to fill the folder again."""
        for path in [p for p in self.hashes if p not in paths]:
            taken = self.spare is not None and path in self.spare.drawn
            if self.held.pop(path, None) is None and not taken:
                output_path(self.folder, path).unlink(missing_ok=True)
            del self.hashes[path]

    def take_back(self) -> None:
        """The files the spare took, linked into the folder: the spare cannot be
        swapped in after all, so the folder must be the whole build."""
        spare = self.spare
        if spare is None:
            return
        self._spare = None
        for path in spare.drawn.keys() & self.hashes.keys():
            if path not in self.held:
                _link_or_copy(output_path(spare.folder, path), output_path(self.folder, path))

    def discard(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.close()
        if not self.taken:
            self.taken = True
            _discard(self.folder)


@contextlib.contextmanager
def staging(
    out: Path,
    previous: Mapping[str, str] | None = None,
    spare: Spare | PendingSpare | None = None,
) -> Iterator[Staging]:
    """A `Staging` for `out`, removed unless the build swapped it in."""
    try:
        made = Staging(out, previous, spare)
    except OSError as exc:
        raise disk_error(out, exc) from exc
    try:
        yield made
    finally:
        made.discard()


def write_site(files: Sequence[RenderedFile], out: Path, site: Path) -> None:
    """Write `files` as the whole new content of `out`, atomically."""
    recover(out)
    check_output_dir(out, site)
    with staging(out) as stage:
        _stage_and_swap(files, stage, lambda item, target: False)


def swap_in(stage: Staging, site: Path) -> None:
    """Put a filled staging folder in the place of its output folder, atomically."""
    recover(stage.out, stage.folder)
    check_output_dir(stage.out, site)
    _stage_and_swap((), stage, lambda item, target: False)


def _stage_and_swap(
    files: Iterable[OutputFile],
    stage: Staging,
    reuse: Callable[[OutputFile, str], bool],
    keep: Callable[[Path], bool] | None = None,
) -> None:
    """Write every file into the staging folder beside `out` (or `reuse` the old
    one there), then swap it in; on any error the staging folder goes, `out` stays.
    `keep` may take the old build instead of it being deleted (see `Spare`)."""
    out, folder = stage.out, stage.folder
    made: set[str] = set()  # one mkdir a folder, not one a file: a site is ~24,000 files
    try:
        stage.take_back()
        for item in files:
            target = _path_in(folder, item.path)  # a string: a first rebuild links every file
            parent = os.path.dirname(target)
            if parent not in made:
                _make_folder(parent)
                made.add(parent)
            if not reuse(item, target):
                write_file(folder, item.path, item.data)
        folder.chmod(0o755)
        stage.taken = True
        _swap(folder, out, keep)
    except OSError as exc:
        _discard(folder)
        raise disk_error(out, exc) from exc
    except BaseException:
        _discard(folder)
        raise


def _make_folder(path: str) -> None:
    """`os.makedirs(path, exist_ok=True)` in one system call where the parent is there
    (`makedirs` looks for the parent first): a first rebuild makes every folder of
    the site again, ~14,000 at 10,000 briefings."""
    try:
        os.mkdir(path)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(path, exist_ok=True)


def disk_error(out: Path, exc: OSError) -> OutputError:
    """A disk problem (full, read-only, permissions) met before the new build is in
    place, as a one-line message, not a traceback: the previous build stays."""
    reason = exc.strerror or str(exc)
    denied = _denied(out, exc)
    if denied is not None:  # an unreadable build cache, say: not the output folder
        return OutputError.at(
            Location(str(denied)),
            f"{reason}: the build must read and write it; the previous build is unchanged",
        )
    return OutputError.at(
        Location(str(out)), f"cannot write the build: {reason}; the previous build is unchanged"
    )


def _denied(out: Path, exc: OSError) -> Path | None:
    """The file or folder the user must mend when `exc` is a permission refused on it:
    the outermost of its folders that the build may not use, else the file. None when
    it is the output, or a staging or retired copy of it, whose names mean nothing to
    the user (the output folder is named then, as for a full disk)."""
    name = exc.filename
    if not isinstance(exc, PermissionError) or not isinstance(name, (str, bytes)):
        return None
    path = Path(os.fsdecode(name))
    for part in (path, *path.parents):
        if part == out or part.name.startswith((f".{out.name}.new-", f".{out.name}.old-")):
            return None
    while path.parent != path and not os.access(path.parent, os.R_OK | os.W_OK | os.X_OK):
        path = path.parent
    return path


class NotRecorded(Exception):
    """The new build is in place, but the record of what it wrote could not be saved.

    The build succeeded; the next one cannot trust the missing record, so it
    rewrites what it cannot vouch for. The caller reports it as a warning.
    """

    def __init__(self, cause: OSError) -> None:
        super().__init__(cause.strerror or str(cause))
        self.reason = cause.strerror or str(cause)


def _swap(staging: Path, out: Path, keep: Callable[[Path], bool] | None = None) -> None:
    """Put `staging` in the place of `out`; the old build is removed (or kept) last."""
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        # The new build is in place: tidying up the old one must not fail the build
        # (what is left carries the marker, and the next build's `recover` removes it).
        with contextlib.suppress(OSError):
            if keep is None or not keep(staging):  # staging now holds the old build
                _discard(staging)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rename(out, retired / "site")
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(retired / "site", out)
        raise
    with contextlib.suppress(OSError):
        _discard(retired)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def recover(out: Path, current: Path | None = None) -> None:
    """Finish what an interrupted build left beside `out`.

    A missing `out` with a retired old build (killed between the two renames)
    gets the old build back; unfinished staging folders and retired builds
    are removed, but only when they carry our marker (and are not `current`,
    this build's own staging folder).
    """
    parent = out.parent
    if not parent.is_dir():
        return
    for retired in sorted(parent.glob(f".{out.name}.old-*")):
        with _left_behind(retired):
            old = retired / "site"
            if not out.exists() and (old / MARKER).is_file():
                os.rename(old, out)
            if _ours(retired):
                _discard(retired)
    for folder in sorted(parent.glob(f".{out.name}.new-*")):
        if folder != current:
            with _left_behind(folder):
                if _ours(folder):
                    _discard(folder)


@contextlib.contextmanager
def _left_behind(folder: Path) -> Iterator[None]:
    """A folder an earlier build left that cannot be removed (another user's, say) is
    named, with what to do: its random name is all the user has to find it by."""
    try:
        yield
    except OSError as exc:
        raise OutputError.at(
            Location(str(folder)),
            f"cannot remove this folder, left by an earlier build ({exc.strerror or exc}): "
            "remove it, then build again; the previous build is unchanged",
        ) from exc


def _discard(folder: Path) -> None:
    """Delete a folder of ours, its marker last, so a kill midway leaves it recognisable.

    A folder in it that its owner may not write (a read-only folder of build/, now the
    old build being removed) is made writable first: the whole folder is ours to delete."""
    if not folder.is_dir():  # already gone (a second Ctrl-C during cleanup)
        return
    try:
        _empty_but_marker(folder)
    except PermissionError as refused:
        try:
            _open_up(folder)
        except OSError:  # (someone else's: the refusal is the reason, not the chmod's)
            raise refused from None
        _empty_but_marker(folder)
    (folder / MARKER).unlink(missing_ok=True)
    with contextlib.suppress(FileNotFoundError):
        folder.rmdir()


def _empty_but_marker(folder: Path) -> None:
    for child in sorted(folder.iterdir()):
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink() and child.name == "site":
            _discard(child)
        elif child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
            if os.path.lexists(child):  # something in it could not be removed: say what
                shutil.rmtree(child)
        else:
            child.unlink(missing_ok=True)


def _open_up(top: Path) -> None:
    """Give the owner read, write and search permission on `top` and every folder in
    it (never through a link); one owned by someone else raises PermissionError."""
    os.chmod(top, stat.S_IMODE(os.lstat(top).st_mode) | stat.S_IRWXU)
    for root, folders, _ in os.walk(top):
        for name in folders:
            path = os.path.join(root, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISDIR(mode) and mode & stat.S_IRWXU != stat.S_IRWXU:
                os.chmod(path, stat.S_IMODE(mode) | stat.S_IRWXU)


def _ours(folder: Path) -> bool:
    """A leftover folder we made: empty, or holding our marker (directly or in site/)."""
    if not folder.is_dir() or folder.is_symlink():
        return False
    entries = list(folder.iterdir())
    return not entries or (folder / MARKER).is_file() or (folder / "site" / MARKER).is_file()


# Writing only what changed -------------------------------------------------
# The output stays atomic: a new build is always a complete folder swapped in
# by one exchange. Unchanged files are hard-linked into the staging folder from
# the previous build instead of written again, and when no file changed at all
# the previous build is already the new one and is left as it is. The manifest
# (kept in the site's cache folder) records each output file's hash and its
# size, mtime and inode, so a build folder touched by hand is rewritten whole.
#
# At 10,000 briefings, linking a whole tree and deleting the old one costs
# seconds of file-system work on a one-edit rebuild. So the replaced build is
# kept as a spare in the cache folder (with its own manifest), and the next
# build brings the spare up to date, writing only the files that differ from
# it, then exchanges it with `out`. A spare that is not exactly as its manifest
# says (a crash while updating it, say) is simply not used. Most of its files
# are hard links of `out`'s, which are stat'ed anyway: those are not stat'ed
# twice (see `Spare._entries`).


class NotKept(Exception):
    """A file the build kept from the previous one is no longer there as recorded,
    and the cache cannot give its bytes: the build must draw it again."""


@dataclass(frozen=True, slots=True)
class _Kept:
    """A file on disk (of the previous build, or staged), left as it is; its bytes are
    read only if needed."""

    out: Path
    path: str

    @property
    def file(self) -> Path:
        return output_path(self.out, self.path)

    @property
    def data(self) -> bytes:
        return self.file.read_bytes()


@dataclass(frozen=True)
class Manifest:
    """The last build's manifest as read once at the start of a build: the folder it
    was written for, each output file's entry (hash, size, mtime, inode) and what
    each file was made from. A hint until `write_changed` checks the output folder
    against it (only this build, under the build lock, writes it meanwhile)."""

    out: str = ""
    files: dict[str, _Entry] = field(default_factory=dict)
    keys: dict[str, bytes] = field(default_factory=dict)
    # Names these very `files`: a spare manifest made against them says so (`Spare`).
    generation: bytes = b""
    base: bytes = b""  # names the whole record on disk, which a delta must name too
    pending: frozenset[str] = frozenset()  # the files the delta on disk covers
    pending_keys: frozenset[str] = frozenset()  # and the keys

    @functools.cached_property
    def hashes(self) -> dict[str, str]:
        """Each file's hash (made once: at 10,000 briefings the site has ~40,000 files);
        none when an entry is damaged, so the build writes every file again."""
        try:
            return {path: entry[0] for path, entry in self.files.items()}
        except (TypeError, IndexError, KeyError):
            return {}


def read_manifest(manifest: Path) -> Manifest:
    """The manifest at `manifest`; an empty one when missing, damaged or of another version."""
    try:
        version, out, files, keys, generation, base = marshal.loads(manifest.read_bytes())
    except (OSError, ValueError, TypeError, EOFError):
        return Manifest()
    if version != _MANIFEST or not isinstance(files, dict) or not isinstance(keys, dict):
        return Manifest()
    if not _is_id(generation) or not _is_id(base):
        return Manifest()
    whole = Manifest(out if isinstance(out, str) else "", files, keys, generation, base)
    return _with_delta(whole, delta_path(manifest))


def delta_path(manifest: Path) -> Path:
    """Where the changes made since `manifest` was written whole are kept."""
    return manifest.with_name(manifest.name + ".delta")


def _is_id(value: object) -> bool:
    return isinstance(value, bytes) and len(value) == _GENERATION


def _with_delta(whole: Manifest, delta: Path) -> Manifest:
    """`whole` with the delta beside it applied; `whole` as it is if the delta was made
    against another whole record (left by a fold cut short: `whole` is newer); an
    empty manifest (a full write) if the delta cannot be read."""
    try:
        data = delta.read_bytes()
    except FileNotFoundError:
        return whole
    except OSError:
        return Manifest()
    try:
        version, since, generation, changed, removed, keys_changed, keys_removed = marshal.loads(
            data
        )
        if version != _DELTA or not _is_id(generation):
            return Manifest()
        if since != whole.base:
            return whole
        if not isinstance(changed, dict) or not isinstance(keys_changed, dict):
            return Manifest()
        if not isinstance(removed, list) or not isinstance(keys_removed, list):
            return Manifest()
        files, keys = whole.files, whole.keys  # just read: this function's own
        files.update(changed)
        keys.update(keys_changed)
        for path in removed:
            files.pop(path, None)
        for path in keys_removed:
            keys.pop(path, None)
        pending = frozenset(itertools.chain(changed, removed))
        pending_keys = frozenset(itertools.chain(keys_changed, keys_removed))
    except (ValueError, TypeError, EOFError):
        return Manifest()
    return Manifest(whole.out, files, keys, generation, whole.base, pending, pending_keys)


def write_changed(
    stage: Staging,
    site: Path,
    manifest: Path,
    keys: Mapping[str, bytes] | None = None,
    kept: Mapping[str, bytes] | None = None,
    fetch: Callable[[bytes], bytes | None] | None = None,
    read: Manifest | None = None,
) -> bool:
    """`swap_in`, sparing unchanged files; False when nothing needed writing.

    `stage` holds the files drawn by this build. `keys` are the page keys of
    the files (what each is made from), recorded in the manifest for the next
    build. `kept` are files not drawn again since their key is the one
    recorded: the previous build's file is used as it is, never read, when
    the output folder is still what the manifest says; else its bytes come
    from `fetch(key)` (the cache) into the staging folder, or `NotKept` is raised.
    `read` is the manifest as the build read it at its start (else it is read here),
    when `stage` has no `Spare.check` of the output made then.
    """
    out = stage.out
    recover(out, stage.folder)
    check_output_dir(out, site)
    spare = stage.checked
    partly_checked = False  # `out` checked again only where the spare lacks a file
    if spare is None:
        spare = Spare.check(manifest, out, read if read is not None else read_manifest(manifest))
    elif not spare.still_as_found(out, kept or {}):  # touched while this build ran
        spare.distrust()
    else:
        partly_checked = bool(spare.entries)
    read, verified = spare.read, spare.verified
    previous = read.hashes if verified is read.files else {}
    linked: list[str] = []  # paths: a one-edit rebuild keeps ~40,000 files, reads none
    for path, key in (kept or {}).items():
        if path in previous:
            stage.add(path, previous[path])
            linked.append(path)
            continue
        data = fetch(key) if fetch else None
        if data is None:
            raise NotKept(path)
        stage.write(RenderedFile(path, data))
    hashes = stage.hashes
    recorded_now = keys if isinstance(keys, dict) else dict(keys or {})  # no copy of a site's
    if previous == hashes:  # nothing to write; the keys may have moved on (a later clock)
        stage.discard()
        if read.keys != recorded_now:
            _record_or_raise(out, manifest, hashes, recorded_now, read)
        return False
    held = list(stage.held.values())
    elsewhere = stage.held.keys() | linked | spare.drawn.keys()
    # Paths, not file objects: a cold build draws every file of the site.
    drawn = [path for path in hashes if path not in elsewhere]
    known: dict[str, _Entry] = {}  # files whose manifest entry is known without a stat
    fresh = [_Kept(stage.folder, path) for path in drawn]
    if previous and spare.refresh([*fresh, *held], linked, hashes, out):
        stage.discard()
        known = spare.untouched
    else:
        stage.take_back()

        def unchanged(item: OutputFile, target: str) -> bool:
            """Hard-link the old file when its bytes are the same (its entry stays true)."""
            same = previous.get(item.path) == hashes[item.path] and _link(out, item.path, target)
            if same:
                known[item.path] = verified[item.path]
            return same

        if previous and partly_checked and not _as_recorded(out, verified):
            # The spare could not be used, and `out` was checked only where the spare
            # lacked a file: the slow path links from all of it, and a part was touched.
            spare.distrust()
            raise NotKept(next(iter(verified)))  # the build draws every page again
        for path in drawn if previous else ():  # drawn again the same: the old file stays
            if previous.get(path) == hashes[path]:  # (its inode too)
                _relink(out, path, stage.folder)
        old_files = (_Kept(out, path) for path in linked)
        _stage_and_swap([*held, *old_files], stage, unchanged, spare.keep)
    # The new build is in place from here on: nothing may fail the build.
    recorded = _record_or_raise(out, manifest, hashes, recorded_now, read, known)
    spare.took_old_build(recorded)
    return True


def _record_or_raise(
    out: Path,
    manifest: Path,
    hashes: dict[str, str],
    keys: dict[str, bytes],
    read: Manifest,
    known: Mapping[str, _Entry] | None = None,
) -> Manifest:
    try:
        return _record(out, manifest, hashes, keys, read, known)
    except OSError as exc:
        with contextlib.suppress(OSError):
            manifest.unlink(missing_ok=True)  # a stale record must not vouch for `out`
            delta_path(manifest).unlink(missing_ok=True)
        raise NotRecorded(exc) from exc


class Spare:
    """The build before last, kept beside the manifest to be updated into the next one.

    Made by `check` at a rebuild's start, with what it found of the output folder:
    the files this build draws then go straight into the spare (`put`, see
    `Staging`), and `write_changed` brings the rest of it up to the build."""

    def __init__(self, manifest: Path, read: Manifest, verified: dict[str, _Entry]) -> None:
        self.folder = manifest.with_name(manifest.name + ".spare")
        self.manifest = manifest.with_name(manifest.name + ".spare-manifest")
        self.read = read  # the output's manifest as this build read it at its start
        # What the manifest says of the current build, if it is as recorded, before this
        # build replaces it.
        self.verified = verified
        self._old = verified or None
        self.entries: dict[str, _Entry] = {}  # the spare's files, if as its manifest says
        self.drawn: dict[str, str] = {}  # path: the hash of the file `put` gave it
        self._changed: set[str] = set()  # the paths whose files `put` replaced
        # What `still_as_found` found of the kept files (`_differing`), for `refresh`:
        # a one-edit rebuild keeps ~40,000, walked once. None once `put` changes the spare.
        self._kept_differ: list[str] | None = None
        self._kept = False
        self._refused = False  # a file `put` could not write: the spare is not swapped in
        # The spare's files left as they were, as its manifest (just checked) records
        # them: what the new build's manifest says of them, without a stat.
        self.untouched: dict[str, _Entry] = {}
        # The hash of the spare manifest `_entries` found true (see `build.spare_check`).
        self.entries_digest = bytes(32)
        # The paths whose spare file may differ from the one `read` records (the spare
        # manifest's differences, see `_recorded`); None: any of them may.
        self._apart: frozenset[str] | None = None

    @classmethod
    def check(
        cls, manifest: Path, out: Path, read: Manifest, linked_before: int | None = None
    ) -> Spare:
        """The spare of `out`, with `out` checked against `read` (`_verified`) and the
        spare against its own manifest (`_entries`); `entries` stays empty unless both
        are as recorded and the spare can be swapped in (on Linux).

        A check that runs while the build links pages from `out` into its staging
        folder (`build.spare_check`) gives `linked_before`: a file of `out` linked
        since then has another name that is not the spare's, so only a link older
        than that (by its inode's change time) vouches for the spare's copy."""
        shared: dict[str, _Entry] = {}  # files of `out` with another name too (the spare's)
        spare = cls(manifest, read, _verified(out, read, shared, linked_before))
        if spare.verified and sys.platform.startswith("linux"):
            spare.entries = spare._entries(out, shared)
        return spare

    def still_as_found(self, out: Path, kept: Mapping[str, bytes]) -> bool:
        """Whether the files of `out` this build will take are still as `check` found
        them: someone may have changed build/ while the pages were drawn. Those are
        the kept files the spare lacks, or, with no spare to swap in, all of them."""
        if not self.verified:
            return True  # nothing of `out` is taken
        hashes = self.read.hashes
        if self.entries:
            self._kept_differ = self._differing(self._maybe_apart(kept), hashes)
            takes = {p: self.verified[p] for p in self._kept_differ}
        else:
            takes = self.verified
        return _as_recorded(out, takes)

    def _maybe_apart(self, kept: Mapping[str, bytes]) -> Iterable[str]:
        """The kept paths whose spare file may differ from `read`'s: a one-edit rebuild
        keeps ~40,000, and the spare holds all but a few of them as `read` records."""
        if self._apart is None:
            return kept
        return kept.keys() & (self._apart | self.drawn.keys())

    def _differing(self, paths: Iterable[str], hashes: Mapping[str, str]) -> list[str]:
        """The `paths` in `hashes` whose file the spare does not hold as hashed there:
        `holds` inlined, for a one-edit rebuild asks it of every kept file."""
        drawn, entries = self.drawn, self.entries
        found = []
        for path in paths:
            wanted = hashes.get(path)
            if wanted is None:
                continue
            held = drawn.get(path)
            if held is None:
                entry = entries.get(path)
                held = entry[0] if entry is not None else None
            if held != wanted:
                found.append(path)
        return found

    def distrust(self) -> None:
        """Forget what `check` found of `out`: the build takes nothing from it, and
        the build it replaces is not kept as the spare."""
        self.verified, self.entries, self._old = {}, {}, None
        self._kept_differ = None

    def holds(self, path: str) -> str | None:
        """The hash of the spare's file at `path` as this build left it so far."""
        drawn = self.drawn.get(path)
        if drawn is not None:
            return drawn
        entry = self.entries.get(path)
        return entry[0] if entry is not None else None

    def put(self, path: str, sha256: str, data: bytes) -> bool:
        """A file this build drew, into the spare unless it holds those very bytes.

        False (the caller writes it elsewhere) when the spare refuses it: a folder of an
        old build made read-only by hand, kept here. The spare is then not swapped in
        (`refresh`); the build that replaces it removes it (`keep`)."""
        if self.holds(path) != sha256:
            if not self._changed:  # from here on the spare is not what its manifest says
                self.manifest.unlink(missing_ok=True)
            self._changed.add(path)
            self._kept_differ = None  # the spare holds another file: found again if asked
            target = output_path(self.folder, path)
            try:
                target.unlink(missing_ok=True)  # never in place: `out` may share the inode
                write_file(self.folder, path, data)
            except PermissionError:
                self._refused = True
                self.drawn.pop(path, None)
                return False
        self.drawn[path] = sha256
        return True

    def refresh(
        self,
        files: Sequence[OutputFile],
        kept: Sequence[str],
        hashes: dict[str, str],
        out: Path,
    ) -> bool:
        """Bring the spare up to this build and exchange it with `out`; False if unusable.

        `files` are those drawn but not `put`, `kept` the paths of `out`'s files kept
        as they are (read only where the spare's differs). Which those are,
        `still_as_found` found already when it was asked (`write_changed` asks it of
        the same kept files, as the manifest it read hashes them, before this)."""
        entries = self.entries
        if not entries or self._refused:
            return False
        self.manifest.unlink(missing_ok=True)  # from here on the spare is not what it said
        untouched = {path: e for path, e in entries.items() if path not in self._changed}
        differ = self._kept_differ
        if differ is None:
            differ = self._differing(kept, hashes)
        try:
            for item in itertools.chain(files, (_Kept(out, path) for path in differ)):
                if self.holds(item.path) != hashes[item.path]:
                    untouched.pop(item.path, None)
                    _replace_in(output_path(self.folder, item.path), item)
            for gone in (entries.keys() | self._changed) - hashes.keys():
                _remove_with_empty_parents(self.folder, gone)
            if not _exchange(self.folder, out):
                return False
        except OSError:
            return False  # the spare is left as it is, unused: the slow path follows
        self._kept = True
        self.untouched = untouched
        return True

    def _entries(self, out: Path, shared: Mapping[str, _Entry]) -> dict[str, _Entry]:
        """The spare's files if it is still as its manifest says, else {}.

        The spare and `out` share most inodes: a file `out` keeps from the build
        before is linked from it (`link_same`, `_link`, `_relink`) and the spare
        updates only what changed, by a new file. A spare file recorded with the
        very hash, size, time and inode that `out`'s file was just found to have
        (by its stat in `_verified`), that inode having another name, is that
        name: it needs no stat of its own. A one-edit rebuild at 10,000
        briefings so stats a few spare files, not 24,000. The manifest is gone
        before any change this tool makes to the spare (`put`, `refresh`, `keep`), so a
        build cut short never leaves one that vouches for a spare it changed.
        The cache folder is the tool's own: a spare file replaced by hand while a
        third hard link (a `cp -al` backup, say) keeps build/'s inode shared is not
        seen here, and that page would stay stale until the next cold build.
        """
        try:
            found = self._recorded()
            if found is None:
                return {}
            data, files = found
            if os.stat(self.folder).st_dev != os.stat(out).st_dev:  # inodes of another disk
                return {}
            unshared = {path: entry for path, entry in files.items() if shared.get(path) != entry}
            if not _as_recorded(self.folder, unshared) or not _holds_only(self.folder, files):
                return {}
            self.entries_digest = hashlib.sha256(data).digest()
            return files
        except (OSError, ValueError, TypeError, EOFError, KeyError):
            return {}

    def _recorded(self) -> tuple[bytes, dict[str, _Entry]] | None:
        """The spare manifest's bytes and files, if it is this version's and the spare's,
        and made against the output manifest this build read (`took_old_build`)."""
        data = self.manifest.read_bytes()
        version, recorded_out, generation, differing, absent = marshal.loads(data)
        if (version, recorded_out) != (_SPARE_MANIFEST, str(self.folder.resolve())):
            return None
        base = self.read
        if len(base.generation) != _GENERATION or generation != base.generation:
            return None  # made against other files than those read: its base is gone
        if not isinstance(differing, dict) or not isinstance(absent, list):
            return None
        if not (self.folder / MARKER).is_file():
            return None
        files = dict(base.files)
        files.update(differing)
        for path in absent:
            del files[path]  # a KeyError: damaged (the caller's `except`)
        self._apart = frozenset(itertools.chain(differing, absent))
        return data, files

    def recorded_entries(self, digest: bytes) -> dict[str, _Entry] | None:
        """The spare's files as its manifest records them, if that manifest is still the
        one `_entries` checked (by its `entries_digest`) in another process; else None."""
        try:
            found = self._recorded()
        except (OSError, ValueError, TypeError, EOFError, KeyError):
            return None
        if found is None or hashlib.sha256(found[0]).digest() != digest:
            return None
        return found[1]

    def keep(self, old_build: Path) -> bool:
        """Take the build `out` just replaced as the spare; False: delete it instead."""
        if self._old is None:
            return False
        self.manifest.unlink(missing_ok=True)  # before the spare goes: see `_entries`
        if self.folder.exists():
            _discard(self.folder)
        try:
            os.rename(old_build, self.folder)
        except OSError:  # another file system (-o elsewhere): no spare
            return False
        self._kept = True
        return True

    def took_old_build(self, recorded: Manifest) -> None:
        """Record the spare's manifest: the replaced build's, moved to its new place.

        It is kept as its differences from `recorded`, the output manifest just
        written (named by its generation): a one-edit rebuild at 10,000 briefings
        then writes and reads back a few entries, not 40,000 (~6 MB, twice read)."""
        if not self._kept or self._old is None:
            return
        old, new = self._old, recorded.files
        try:
            spare = str(self.folder.resolve())
            differing = {path: entry for path, entry in old.items() if new.get(path) != entry}
            absent = list(new.keys() - old.keys())
            record = (_SPARE_MANIFEST, spare, recorded.generation, differing, absent)
            replace_file(self.manifest, marshal.dumps(record))
        except (OSError, ValueError):
            self.manifest.unlink(missing_ok=True)


def _holds_only(root: Path, files: Collection[str]) -> bool:
    """Whether `root` holds nothing but `files` (as files, not links), the folders
    they are in, and the marker: anything else in the spare (a file put there by
    hand, an empty folder) would reach build/ when the spare is swapped in. Whether
    each of `files` is as recorded is `_as_recorded`'s to say."""
    top = os.fspath(root)
    skip = len(top) + 1
    folders = [top]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            empty = True
            for entry in entries:
                empty = False
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                    continue
                path = entry.path[skip:]  # (the marker's is its name: it sits at the top)
                if not ((path in files or path == MARKER) and entry.is_file(follow_symlinks=False)):
                    return False
        if empty and folder is not top:
            return False
    return True


def _replace_in(target: Path, item: OutputFile) -> None:
    """Put `item` in the place of `target` in one step, its folder made if missing."""
    temporary = target.with_name(f".{target.name}.new")
    try:
        _put_or_link(temporary, item)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        _put_or_link(temporary, item)
    os.replace(temporary, target)


def _put_or_link(temporary: Path, item: OutputFile) -> None:
    """A file on disk by a hard link to it, no bytes copied (the spare and `out` share
    inodes anyway, and neither is ever written in place); else its bytes."""
    if not isinstance(item, _Kept):
        _put(temporary, item.data)
        return
    try:
        os.link(item.file, temporary, follow_symlinks=False)
    except FileExistsError:  # left by a build cut short
        temporary.unlink()
        os.link(item.file, temporary, follow_symlinks=False)


def _remove_with_empty_parents(root: Path, relative: str) -> None:
    path = output_path(root, relative)
    path.unlink(missing_ok=True)
    for parent in path.parents:
        if parent == root or not parent.is_relative_to(root):
            break
        try:
            parent.rmdir()
        except OSError:
            break


def output_intact(out: Path, manifest: Path) -> bool:
    """Whether `out` still holds exactly the files the manifest recorded writing."""
    return bool(_intact(out, manifest))


def _relink(out: Path, relative: str, folder: Path) -> None:
    """Put the old build's file in place of the same bytes written into `folder`."""
    target, old = output_path(folder, relative), output_path(out, relative)
    temporary = target.with_name(f".{target.name}.link")
    try:
        if os.path.samefile(old, target):  # linked already (`link_same`): a rename would
            return  # leave both names, for renaming a file onto itself does nothing
        os.link(old, temporary)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _path_in(root: Path, relative: str) -> str:
    """`output_path` as a string, without a `Path` a file where the path is plain."""
    if relative and relative[0] != "/" and not _ODD.intersection(relative):
        parts = relative.split("/")
        if "" not in parts and "." not in parts and ".." not in parts:
            return f"{os.fspath(root)}/{relative}"
    return os.fspath(output_path(root, relative))


_ODD = frozenset("\\\x00")


def _link(out: Path, relative: str, target: str) -> bool:
    try:
        os.link(_path_in(out, relative), target)
    except OSError:
        return False
    return True


def _intact(out: Path, manifest: Path) -> dict[str, str]:
    """The previous build's hashes if `out` is still exactly what it wrote, else {}."""
    read = read_manifest(manifest)
    return read.hashes if _verified(out, read) else {}


def _verified(
    out: Path,
    read: Manifest,
    shared: dict[str, _Entry] | None = None,
    linked_before: int | None = None,
) -> dict[str, _Entry]:
    """The manifest's files if `out` is still exactly what it wrote, else {}.

    Every file is stat'ed (a hand edit changes its size, time or inode); at
    10,000 briefings that is most of a no-change build, so the loop is tight
    and the manifest is `marshal` data, which loads several times faster than JSON.
    `shared` is given the files whose inode has another name too (`Spare`).
    """
    try:
        if not read.files or read.out != str(out.resolve()) or not (out / MARKER).is_file():
            return {}
        return read.files if _as_recorded(out, read.files, shared, linked_before) else {}
    except (OSError, ValueError, TypeError, EOFError):
        return {}


def _as_recorded(
    root: Path,
    files: Mapping[str, _Entry],
    shared: dict[str, _Entry] | None = None,
    linked_before: int | None = None,
) -> bool:
    """Whether each file under `root` has the size, time and inode recorded;
    `shared` is given those whose inode has another name too (one given it before
    `linked_before`, in ns of change time, if that is set)."""
    try:
        prefix = os.fspath(root) + "/"
        stat = os.stat
        before = linked_before if linked_before is not None else 1 << 126
        for path, entry in files.items():
            _, size, mtime, inode = entry
            if not isinstance(path, str):  # a manifest edited by hand: damaged
                return False
            if path.startswith("/") or (".." in path and ".." in path.split("/")):
                return False
            found = stat(prefix + path)
            if found.st_mtime_ns != mtime or found.st_ino != inode or found.st_size != size:
                return False
            if shared is not None and found.st_nlink > 1 and found.st_ctime_ns < before:
                shared[path] = entry
        return True
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _record(
    out: Path,
    manifest: Path,
    hashes: dict[str, str],
    keys: dict[str, bytes],
    read: Manifest,
    known: Mapping[str, _Entry] | None = None,
) -> Manifest:
    """Record the files of `out`: by a stat, or as `known` says of those it holds with
    the same hash (a spare's files left as they were: see `Spare.refresh`).

    The record is named by a new random generation, unless its files are exactly
    those of `read` (the manifest the build started from; only the keys moved on):
    then it keeps `read`'s, so a spare manifest made against those files stays good."""
    files = {}
    root = os.fspath(out) + "/"  # the paths were checked when written
    known = known or {}
    for path, digest in hashes.items():
        entry = known.get(path)
        if entry is not None and entry[0] == digest:
            files[path] = entry
            continue
        stat = os.stat(root + path)
        files[path] = (digest, stat.st_size, stat.st_mtime_ns, stat.st_ino)
    same = _is_id(read.generation) and files == read.files
    generation = read.generation if same else os.urandom(_GENERATION)
    where = str(out.resolve())
    manifest.parent.mkdir(parents=True, exist_ok=True)
    recorded = Manifest(where, files, keys, generation)
    delta = delta_path(manifest)
    if read.base and read.out == where and len(files) >= DELTA_AT:
        paths = read.pending.union(_changed_paths(read.files, files))
        names = read.pending_keys.union(_changed_paths(read.keys, keys))
        if (len(paths) + len(names)) * _FOLD <= len(files):
            changed = {path: files[path] for path in paths if path in files}
            keys_changed = {path: keys[path] for path in names if path in keys}
            removed = [path for path in paths if path not in files]
            keys_removed = [path for path in names if path not in keys]
            record = (_DELTA, read.base, generation, changed, removed, keys_changed, keys_removed)
            replace_file(delta, marshal.dumps(record))
            return replace(recorded, base=read.base, pending=paths, pending_keys=names)
    base = os.urandom(_GENERATION)  # a new one each time: no old delta names it
    replace_file(manifest, marshal.dumps((_MANIFEST, where, files, keys, generation, base)))
    delta.unlink(missing_ok=True)  # made against the record just replaced: unused now
    return replace(recorded, base=base)


def _changed_paths(old: Mapping[str, object], new: Mapping[str, object]) -> frozenset[str]:
    """The paths whose value differs between `old` and `new`, or that only one has."""
    changed = [path for path, value in new.items() if old.get(path) != value]
    return frozenset(itertools.chain(changed, old.keys() - new.keys()))


def replace_file(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: through a temporary file, removed on failure."""
    replace_file_with(path, lambda out: out.write(data))


def replace_file_with(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """`replace_file`, the bytes put in by `write` (to stream them, never held whole)."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        with open(temporary, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:  # a full disk, or `write` failing part way: no half file left
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
