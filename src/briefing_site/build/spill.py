"""Build results parked on disk while the build runs, so no process holds them all.

Workers assemble and render thousands of articles; their results for the
build cache (each article's pickle, each page's bytes) are appended to a
file of their own in a spill folder instead of being sent back whole, and
the main process reads one back only when it needs it (a page that shows
the article's body, the search index, the cache pack written at the end).
A result is found by its `Location`; its checksum is verified on reading,
so a torn spill is a cache miss, never a wrong page. The folder is removed
when the build ends, and a folder left by a killed build is removed by the
next one.

The spill is the first thing to go when the disk fills: a write that finds
no room (a spill write, or a write of the build itself: see `make_room`)
deletes every spill file and stops parking, so the build needs no more room
than it did without the spill; what was parked is then made again when needed,
and the build cache is not saved.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import struct
import tempfile
import threading
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import BinaryIO

_PREFIX = "spill-"
_SYSTEM_PREFIX = f"briefing-site-{_PREFIX}"  # the same, in the system's temporary folder
_GAVE_WAY = "gave-way"  # in a spill folder emptied for room: park nothing more there
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT)


class Location(bytes):
    """Where a payload is in a spill folder: its file, offset, length and SHA-256.

    Packed into one bytes object (`_WHERE`, then the file's name): the main
    process keeps a few for every briefing of the build.
    """

    __slots__ = ()

    @classmethod
    def at(cls, name: str, offset: int, length: int, checksum: bytes) -> Location:
        return cls(_WHERE.pack(offset, length, checksum) + name.encode())

    @property
    def name(self) -> str:
        return self[_WHERE.size :].decode()

    @property
    def offset(self) -> int:
        found: int = _WHERE.unpack_from(self)[0]
        return found

    @property
    def length(self) -> int:
        found: int = _WHERE.unpack_from(self)[1]
        return found

    @property
    def checksum(self) -> bytes:
        found: bytes = _WHERE.unpack_from(self)[2]
        return found


_WHERE = struct.Struct(">QQ32s")  # a Location's offset, length and checksum


# A cache record's header, as the build cache's pack frames it: key, SHA-256 of the
# payload, payload length. A payload parked with its key is framed so, so the spill
# file is a run of pack records the cache appends whole (see `cache.Store.save`).
RECORD = struct.Struct(">32s32sQ")


class SpillWriter:
    """Appends payloads to one file of a spill folder, made on the first append.

    Unbuffered: a payload is on disk (for any process to read) once `append`
    returns. A payload that cannot be written (a full disk) is not parked:
    `append` gives None, and whoever needs it makes it again. A payload given
    with its cache key is framed as a pack record (`RECORD`); keep payloads
    without a key in a writer of their own, so its files stay whole records.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._file: BinaryIO | None = None
        self._name = ""
        self._offset = 0
        self._broken = False
        _open.setdefault(folder, []).append(self)

    def append(self, payload: bytes, key: bytes | None = None) -> Location | None:
        if self._broken:
            return None
        checksum = sha256_of(payload)
        header = RECORD.pack(key, checksum, len(payload)) if key is not None else b""
        try:
            if self._file is None:
                if gave_way(self.folder):
                    self._broken = True
                    return None
                handle, name = tempfile.mkstemp(prefix="part-", dir=self.folder)
                self._file = os.fdopen(handle, "wb", buffering=0)
                self._name = os.path.basename(name)
            elif os.fstat(self._file.fileno()).st_nlink == 0:  # the spill gave way
                self.close()
                self._broken = True
                return None
            view = memoryview(header + payload)
            while view:
                written = self._file.write(view) or 0
                view = view[written:]
        except OSError as exc:
            self._broken = True  # what was written may be torn: the offsets end here
            if exc.errno in _NO_ROOM:
                give_way(self.folder)
            return None
        found = Location.at(self._name, self._offset + len(header), len(payload), checksum)
        self._offset += len(header) + len(payload)
        return found

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def stop(self) -> None:
        """Park nothing more (the spill gave way)."""
        self.close()
        self._broken = True


_last_hashed: tuple[bytes, bytes] = (b"", hashlib.sha256(b"").digest())


def sha256_of(payload: bytes) -> bytes:
    """`hashlib.sha256(payload).digest()`, not worked out again for the very object
    hashed last: the main process parks each listing page it draws for the build
    cache (`append`) and then stages it (`writer.Staging.write`), both by its SHA-256
    (~4,400 pages of ~33 KB at 10,000 briefings). Bytes never change, and the one
    held here cannot be freed and its id reused while it is held."""
    global _last_hashed
    last = _last_hashed  # one read: another thread may replace it meanwhile
    if last[0] is payload:
        return last[1]
    found = hashlib.sha256(payload).digest()
    if type(payload) is bytes:  # a bytearray or memoryview may change under its id
        _last_hashed = (payload, found)
    return found


class SpillReader:
    """Reads payloads back by location, keeping each spill file open once opened
    (until its folder's build ends: see `spill_folder`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[str, BinaryIO] = {}
        self._opening = threading.Lock()
        _open.setdefault(folder, []).append(self)

    def read(self, where: Location) -> bytes | None:
        """The payload, or None when it is missing or damaged."""
        offset, length, checksum = _WHERE.unpack_from(where)  # once, not a property each
        name = where.name
        try:
            found = self._files.get(name)
            if found is None:
                with self._opening:
                    found = self._files.get(name) or open(self.folder / name, "rb")  # noqa: SIM115
                    self._files[name] = found
            payload = read_at(found, offset, length)
        except OSError:
            return None
        if len(payload) != length or hashlib.sha256(payload).digest() != checksum:
            return None
        return payload

    def close(self) -> None:
        for found in self._files.values():
            found.close()
        self._files.clear()


_seeking = threading.Lock()  # where the system has no pread


def read_at(file: BinaryIO, offset: int, length: int) -> bytes:
    """`length` bytes at `offset`, safe while other threads read the same file
    (the search index reads the cache from a thread of its own)."""
    pread = getattr(os, "pread", None)
    if pread is not None:
        data: bytes = pread(file.fileno(), length, offset)
        return data
    with _seeking:
        file.seek(offset)
        return file.read(length)


_open: dict[Path, list[SpillReader | SpillWriter]] = {}  # by spill folder, closed with it


def gave_way(folder: Path) -> bool:
    """Whether `folder` was emptied for room: what was parked there is gone."""
    return (folder / _GAVE_WAY).exists()


def give_way(folder: Path) -> None:
    """Delete every payload parked in `folder`, so the disk's room goes to the build.

    Marked first (an empty file needs no room), so every process stops parking
    there: one whose file is gone sees it on its next append. Readers find
    nothing (None), and whoever needed a payload makes it again.
    """
    with contextlib.suppress(OSError):
        (folder / _GAVE_WAY).touch()
    for found in _open.get(folder, []):
        if isinstance(found, SpillWriter):
            found.stop()
        else:
            found.close()
    release(folder)


def release(folder: Path, keep: Collection[str] = (), only: str | None = None) -> None:
    """Give back the room of spill files no longer needed (all but `keep`, or `only`
    that one), truncated first: a process may still hold one open. Reading one
    after finds nothing (None)."""
    for found in _open.get(folder, []):
        if isinstance(found, SpillReader):
            found.close()
    with contextlib.suppress(OSError):
        for part in list(folder.iterdir()):
            if part.name == _GAVE_WAY or part.name in keep or only not in (None, part.name):
                continue
            os.truncate(part, 0)
            part.unlink(missing_ok=True)


def make_room(error: OSError) -> bool:
    """After a write found the disk full (`error`): every spill folder this process
    knows gives way (its own files still open on one emptied by another process
    too). True when there was one, so the write is worth trying once more."""
    if error.errno not in _NO_ROOM:
        return False
    folders = list(_open)
    for folder in folders:
        give_way(folder)
    return bool(folders)


_made_here: set[str] = set()  # names of this process's live spill folders: never stale


@contextlib.contextmanager
def spill_folder(parent: Path | None) -> Iterator[Path]:
    """A fresh spill folder in `parent` (the cache folder) for this build, removed
    (its files closed) when it ends. Without `parent`, or where it cannot be
    made (a full disk), the folder is a temporary one of the system's."""
    folder = _made(parent)
    try:
        yield folder
    finally:
        for found in _open.pop(folder, []):
            found.close()
        shutil.rmtree(folder, ignore_errors=True)
        _made_here.discard(folder.name)


def _made(parent: Path | None) -> Path:
    if parent is not None:
        try:
            parent.mkdir(parents=True, exist_ok=True)
            _remove_stale(parent, _PREFIX)
            return _mine(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=parent))
        except OSError:
            pass
    system = Path(tempfile.gettempdir())
    _remove_stale(system, _SYSTEM_PREFIX)  # left by a killed `check` or `--no-cache` build
    return _mine(tempfile.mkdtemp(prefix=f"{_SYSTEM_PREFIX}{os.getpid()}-", dir=system))


def _mine(made: str) -> Path:
    folder = Path(made)
    _made_here.add(folder.name)
    return folder


def _remove_stale(parent: Path, prefix: str) -> None:
    """Spill folders whose build is gone (killed): its process id names it.

    A folder named by this very process but not made by it is stale too: a
    container that runs every build as the same process id would otherwise
    keep the spill of each killed build for good."""
    with contextlib.suppress(OSError):
        for found in parent.glob(f"{prefix}*-*"):
            pid = found.name[len(prefix) :].split("-", 1)[0]
            if not pid.isdigit() or found.name in _made_here:
                continue
            if int(pid) == os.getpid() or not _alive(int(pid)):
                shutil.rmtree(found, ignore_errors=True)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # there os.kill ends the process: never ask it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True
