"""A persistent, content-addressed store of build results (SITE/.briefing-cache/).

The build asks for a result by a key that hashes everything the result depends
on (article bytes, config, templates, the tool's own code), so an entry is
never stale: when an input changes, its key changes and the old entry is
simply not asked for again.

Entries live in one append-only pack file, since creating thousands of small
files costs more than the work they save. A record is its key, the SHA-256 of
its payload, the payload's length and the payload. A record whose checksum does
not match (a torn write, a flipped bit) is ignored, so the result is rebuilt,
never served. The pack is compacted when dead records outweigh live ones.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import re
import struct
import sys
import tempfile
import weakref
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from briefing_site.build.spill import (
    RECORD,
    Location,
    SpillReader,
    SpillWriter,
    gave_way,
    read_at,
    release,
)
from briefing_site.walk import walk

if TYPE_CHECKING:
    import jinja2

MAGIC = b"briefing-site cache 1\n"


def make_folder(folder: Path) -> Path:
    """The cache folder, made with a `.gitignore` of its own, so git never shows it."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# briefing-site's build cache: safe to delete, never to commit.\n*\n")
    return folder


def digest(*parts: bytes) -> bytes:
    """A key from its parts; their count and lengths go first, so parts never run together."""
    # One packed header and one join: a page key over a listing's twenty
    # briefings costs half what a length beside each part did (`serve` keys
    # every page on every save).
    head = struct.pack(f">{len(parts) + 1}Q", len(parts), *map(len, parts))
    return hashlib.sha256(head + b"".join(parts)).digest()


@functools.cache
def code_fingerprint() -> bytes:
    """The tool's own code and data: a new version, or any edit, misses the cache."""
    return tree_fingerprint(Path(__file__).resolve().parents[1])  # the whole package


def tree_fingerprint(folder: Path) -> bytes:
    """Every file's path and bytes under `folder` (nothing when it does not exist).

    The files are those every reader of the site sees (see `walk`); a name it
    refuses goes in as its problem, so the fingerprint never fails on it.
    """
    parts = [b"tree"]
    found = walk(folder.parent, folder.name)
    for path in found.files:
        if "__pycache__" not in path.split("/"):
            try:
                parts += [path.encode(), (folder.parent / path).read_bytes()]
            except OSError as exc:  # unreadable: the build's own read of it says so
                parts += [path.encode(), f"unreadable: {exc.errno}".encode()]
    parts += [str(problem).encode() for problem in found.problems]
    return digest(*parts)


class PageStore(Protocol):
    """Where drawn pages are found again by their page key (see `batch.PageCache`):
    the pack on disk for `build`, the last preview's pages for `serve`."""

    def get(self, key: bytes) -> bytes | None: ...

    def keep(self, key: bytes) -> bool: ...

    def put(self, key: bytes, payload: bytes) -> None: ...


class MemoryStore:
    """A PageStore in memory: the files of the last good build, by path and page key.

    `serve` keeps one: `settle` makes what a good build made the base of the
    next, so it holds one site's files at most, never a history. `recorded`
    (path: page key) is to it what the output's manifest is to `build`: a file
    whose key is unchanged is kept (`files`), not even looked up by its key.
    """

    def __init__(self) -> None:
        self.recorded: dict[str, bytes] = {}
        self.files: dict[str, bytes] = {}
        self.memo: dict[str, tuple[list[bytes], bytes]] = {}  # see `batch.PageCache`
        self._pages: dict[bytes, bytes] = {}
        self._new: dict[bytes, bytes] = {}

    def get(self, key: bytes) -> bytes | None:
        found = self._new.get(key)
        return found if found is not None else self._pages.get(key)

    def keep(self, key: bytes) -> bool:
        return key in self._pages

    def put(self, key: bytes, payload: bytes) -> None:
        self._new[key] = payload

    def settle(
        self, keys: dict[str, bytes], files: dict[str, bytes], also: Iterable[bytes] = ()
    ) -> None:
        """Make a good build's files (`keys`: path to page key) the base of the next,
        with the records under `also` (the listings' fragments of its briefings)."""
        known = {**self._pages, **self._new}
        self.recorded, self.files = keys, files
        self._pages = {key: files[path] for path, key in keys.items() if path in files}
        self._pages.update((key, known[key]) for key in also if key in known)
        self._new = {}
        if len(self.memo) > 2 * len(keys):  # pages gone since: let their keys go too
            self.memo = {path: self.memo[path] for path in keys if path in self.memo}

    def drop_new(self) -> None:
        """Forget what a failed build drew: the last good build stays the base."""
        self._new = {}


class Store:
    """The pack's records by key; `get` verifies, `put` stages, `save` appends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pack: BinaryIO | None = None  # open for reading while the pack is valid
        self._size = 0
        self._index = PackIndex()
        self._new: dict[bytes, bytes] = {}
        self._spilled: dict[bytes, Location] = {}  # new records parked on disk (see `spill`)
        self._spill: tuple[SpillWriter, SpillReader] | None = None
        self._spill_folder: Path | None = None
        self._used: set[bytes] = set()
        self.rejected = 0
        self._torn = False
        self._also_live: Callable[[], Iterable[bytes]] | None = None
        self._load()

    def _load(self) -> None:
        """Index the pack by reading its records' headers only, so only the
        records asked for are ever read (a pack of 10,000 articles is ~400 MB).

        Read, not mapped: pages of a mapped file count in the process's
        resident memory once touched, and the headers are spread over all of it.
        The headers of the pack as a build last read them are kept beside it
        (`_Headers`), so a build reads only those of the records added since:
        at 10,000 briefings, reading 44,000 headers cost a rebuild 0.15 s.
        """
        try:
            pack = open(self.path, "rb", buffering=0)  # noqa: SIM115 - open while the store is used
        except OSError:
            return
        found = os.fstat(pack.fileno())
        size = found.st_size
        if pack.read(len(MAGIC)) != MAGIC:
            pack.close()
            return
        self._pack, self._size = pack, size
        weakref.finalize(self, pack.close)  # closed with the store, however the build ends
        headers = _Headers(self.path, found)
        self._index, offset = headers.read()
        first = offset = offset or len(MAGIC)
        header = RECORD.size
        while offset + header <= size:
            pack.seek(offset)
            key, checksum, length = RECORD.unpack(pack.read(header))
            start = offset + header
            if start + length > size:
                break  # a torn last record: the rest of the pack is unusable
            self._index.add(key, start, length, checksum)
            offset = start + length
        self._torn = offset != size
        if offset - first > _HEADERS_WORTH_SAVING:
            headers.write(self._index, offset)

    def get(self, key: bytes) -> bytes | None:
        """The payload stored under `key`, or None when absent or corrupt."""
        if key in self._new:
            self._used.add(key)
            return self._new[key]
        parked = self._spilled.get(key)
        if parked is not None and self._spill is not None:
            data = self._spill[1].read(parked)
            if data is not None:
                self._used.add(key)
                return data
            del self._spilled[key]
        found = self._index.record(key)
        if found is None:
            return None
        start, length, checksum = found
        payload = b""
        if self._pack is not None:  # the search index may read from another thread
            payload = read_at(self._pack, start, length)
        if hashlib.sha256(payload).digest() != checksum:
            self.rejected += 1
            del self._index[key]
            return None
        self._used.add(key)
        return payload

    @property
    def empty(self) -> bool:
        """Whether it holds no record at all (a cold build's: nothing to look up)."""
        return not (self._index or self._new or self._spilled)

    def keep(self, key: bytes) -> bool:
        """Whether `key` is stored, keeping its record in the pack without reading it.

        A record is verified when read (`get`); one kept but found damaged
        then is rebuilt by whoever asked for it.
        """
        if key in self._index or key in self._new or key in self._spilled:  # (mostly packed)
            self._used.add(key)
            return True
        return False

    def put(self, key: bytes, payload: bytes) -> None:
        if self._spill is None:
            self._new[key] = payload
        else:
            parked = self._spill[0].append(payload, key)
            if parked is None:
                return  # the disk is full: not cached, made again next time
            self._spilled[key] = parked
        self._used.add(key)

    def also_live(self, keys: Callable[[], Iterable[bytes]]) -> None:
        """Records to keep, read or not, should `save` compact the pack.

        Asked for only then: working them out may cost a pass over the site."""
        self._also_live = keys

    def spill_into(self, folder: Path) -> None:
        """Park new records in `folder` (see `spill`) instead of memory, until `save`.

        Whoever parks a record there for `adopt` parks it with its key (framed as a
        pack record), so `save` can append the spill files to the pack as they are.
        """
        self._spill = (SpillWriter(folder), SpillReader(folder))
        self._spill_folder = folder

    def adopt(self, key: bytes, where: Location | None) -> None:
        """A new record another process parked in this store's spill folder
        (None: it could not, and the record is not cached)."""
        if where is None:
            return
        self._spilled[key] = where
        self._used.add(key)

    def save(self) -> None:
        """Append new records; rewrite the pack with only live ones when damaged or mostly dead.

        Records parked in a spill that gave way to a full disk are gone: not saved."""
        if self._spill_folder is not None and gave_way(self._spill_folder):
            self._spilled.clear()
        damaged = self._torn or self.rejected > 0
        new = sum(map(len, self._new.values())) + sum(w.length for w in self._spilled.values())
        live, dead = self._live_and_dead()
        if (damaged or dead > live + new) and self._also_live is not None:
            for key in self._also_live():
                self.keep(key)
            live, dead = self._live_and_dead()
        if damaged or dead > live + new:
            self._rewrite()
        elif self._new or self._spilled:
            self._append()
        self._new.clear()
        self._spilled.clear()

    def _live_and_dead(self) -> tuple[int, int]:
        """Bytes of the pack's records this build used, and of the rest."""
        live = self._index.length_of(self._used)
        return live, self._size - len(MAGIC) - live

    def _write_records(self, pack: BinaryIO, keys: list[bytes]) -> None:
        """Write records one by one, so a big pack is never copied whole in memory."""
        for key in keys:
            payload = self.get(key)  # verified against its checksum when parked or packed
            if payload is not None:
                parked, packed = self._spilled.get(key), self._index.record(key)
                if parked is not None:
                    checksum = parked.checksum
                elif packed is not None and key not in self._new:
                    checksum = packed[2]
                else:
                    checksum = hashlib.sha256(payload).digest()
                pack.write(RECORD.pack(key, checksum, len(payload)))
                pack.write(payload)

    def _append(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = self.path.exists() and self._pack is not None
        with open(self.path, "ab" if fresh else "wb") as pack:
            if not fresh:
                pack.write(MAGIC)
            self._write_records(pack, list(self._new))
            self._append_spilled(pack)

    def _append_spilled(self, pack: BinaryIO) -> None:
        """The parked records: each spill file, up to its last record, is a run of
        pack records, copied whole (by the kernel where it can), not record by record."""
        if self._spill_folder is None:
            return
        ends: dict[str, int] = {}
        for where in self._spilled.values():
            ends[where.name] = max(ends.get(where.name, 0), where.offset + where.length)
        pack.flush()
        release(self._spill_folder, keep=ends.keys())  # pages are drawn: only records count now
        for name, end in sorted(ends.items()):
            with open(self._spill_folder / name, "rb") as part:
                _copy(part, pack, end)
            release(self._spill_folder, only=name)  # so the pack never needs room twice

    def _rewrite(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".pack-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "wb") as pack:
                pack.write(MAGIC)
                self._write_records(pack, sorted(self._used))
            os.replace(name, self.path)
        except BaseException:  # a full disk, say: the old pack stays, the copy goes
            Path(name).unlink(missing_ok=True)
            raise


# Bytes of records read past the kept headers before they are kept again (about the
# pages of a few one-edit rebuilds at 10,000 briefings).
_HEADERS_WORTH_SAVING = 4 << 20
_HEADERS_VERSION = "briefing-site pack headers 3"
_KEY = _CHECKSUM = 32  # bytes of a record's key and checksum (`spill.RECORD`)


class PackIndex(dict[bytes, int]):
    """The pack's records: each key's position in arrays of where its payload starts,
    its length and its checksum (`record`).

    Kept flat, not a tuple a record: at 10,000 briefings the pack holds ~44,000
    records, and as a dict of tuples they took 14 MB of a rebuild's memory;
    flat, 9 MB (and load as fast, ~20 ms). A dict of the keys, so `key in` (a rebuild asks
    for every page) is the dict's own. Keys and checksums are those of
    `spill.RECORD`, 32 bytes each.
    """

    __slots__ = ("_checksums", "_lengths", "_starts")

    def __init__(
        self,
        keys: bytes = b"",
        starts: array[int] | None = None,
        lengths: array[int] | None = None,
        checksums: bytes = b"",
    ) -> None:
        count = len(keys) // _KEY
        split = [keys[i : i + _KEY] for i in range(0, count * _KEY, _KEY)]
        super().__init__(zip(split, range(count), strict=True))
        self._starts = starts if starts is not None else array("q")
        self._lengths = lengths if lengths is not None else array("q")
        self._checksums = bytearray(checksums)

    def record(self, key: bytes) -> tuple[int, int, bytes] | None:
        """The payload's offset, length and checksum of the record under `key`."""
        at = self.get(key)
        if at is None:
            return None
        checksum = bytes(self._checksums[at * _CHECKSUM : (at + 1) * _CHECKSUM])
        return self._starts[at], self._lengths[at], checksum

    def add(self, key: bytes, start: int, length: int, checksum: bytes) -> None:
        """A record read from the pack (a key packed again: its later record)."""
        self[key] = len(self._starts)
        self._starts.append(start)
        self._lengths.append(length)
        self._checksums += checksum

    def length_of(self, keys: set[bytes]) -> int:
        """The payloads' total length of the records under those of `keys` it holds."""
        return sum(map(self._lengths.__getitem__, map(self.__getitem__, keys & self.keys())))

    def flat(self) -> tuple[bytes, bytes, bytes, bytes]:
        """Its keys, offsets, lengths and checksums, each laid end to end (`from_flat`)."""
        at = list(self.values())
        checksums = b"".join(self._checksums[i * _CHECKSUM : (i + 1) * _CHECKSUM] for i in at)
        starts = array("q", map(self._starts.__getitem__, at)).tobytes()
        lengths = array("q", map(self._lengths.__getitem__, at)).tobytes()
        return b"".join(self), starts, lengths, checksums

    @classmethod
    def from_flat(cls, keys: bytes, starts: bytes, lengths: bytes, checksums: bytes) -> PackIndex:
        """The index `flat` gave; ValueError when the parts do not agree in length."""
        count = len(keys) // _KEY
        offsets, sizes = array("q"), array("q")
        offsets.frombytes(starts)
        sizes.frombytes(lengths)
        if (len(keys), len(offsets), len(sizes), len(checksums)) != (
            count * _KEY, count, count, count * _CHECKSUM
        ):  # fmt: skip
            raise ValueError("pack headers of different lengths")
        return cls(keys, offsets, sizes, checksums)


class _Headers:
    """The pack's record headers as a build read them, in a file beside it, for the
    first `end` bytes of the pack file they were read from (its device and inode).
    A pack is only appended to, or replaced whole (a new inode), so the headers
    of a pack no shorter than `end` still hold. Should they not (a pack damaged or
    written over in place), a record read through them fails its checksum and is
    made again, as a damaged record is: they save reading, never decide content.
    A file that cannot be read or written is no loss: the headers are read again.
    The file carries the SHA-256 of what follows it: a header damaged on disk (a
    negative length, say) would otherwise fail a read outright, every build."""

    def __init__(self, pack: Path, found: os.stat_result) -> None:
        self.path = pack.with_name(pack.name + ".headers")
        self._file = (found.st_dev, found.st_ino)
        self._size = found.st_size

    def read(self) -> tuple[PackIndex, int]:
        """The headers kept, and where the records after them start (0: none kept)."""
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            data = self.path.read_bytes()
            payload = memoryview(data)[32:]  # (not copied: the file is megabytes)
            if hashlib.sha256(payload).digest() != data[:32]:
                return PackIndex(), 0
            version, order, file, end, *flat = marshal.loads(payload)
            ours = (version, order, tuple(file)) == (_HEADERS_VERSION, sys.byteorder, self._file)
            if ours and len(MAGIC) <= end <= self._size:
                return PackIndex.from_flat(*flat), end
        return PackIndex(), 0

    def write(self, index: PackIndex, end: int) -> None:
        data = marshal.dumps((_HEADERS_VERSION, sys.byteorder, self._file, end, *index.flat()))
        data = hashlib.sha256(data).digest() + data
        with contextlib.suppress(OSError):
            handle, name = tempfile.mkstemp(prefix=".headers-", dir=self.path.parent)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(name, self.path)
            except OSError:
                Path(name).unlink(missing_ok=True)
                raise


def _copy(source: BinaryIO, target: BinaryIO, length: int) -> None:
    """The first `length` bytes of `source` onto the end of `target`."""
    copy_range = getattr(os, "copy_file_range", None)
    done = 0
    if copy_range is not None:
        with contextlib.suppress(OSError):  # another file system, say: copy by hand below
            while done < length:
                copied: int = copy_range(source.fileno(), target.fileno(), length - done, done)
                if copied == 0:
                    break
                done += copied
    source.seek(done)
    while done < length:
        chunk = source.read(min(1 << 20, length - done))
        if not chunk:
            raise OSError(f"{getattr(source, 'name', 'spill')}: shorter than its records")
        target.write(chunk)
        done += len(chunk)


_COMPILED = re.compile(r"[0-9a-f]{16}-[0-9a-f]+\.cache")


def template_cache(folder: Path) -> jinja2.BytecodeCache | None:
    """Compiled templates kept in `folder`, so a rebuild does not compile them again.

    Jinja keys each on the template's name and source; the tool's code (which
    sets the environment's options) and Jinja's version name the files too, and files of other
    versions are removed. A damaged file is compiled again, never trusted. The
    cache only saves time: a folder that cannot be written (read-only, owned by
    another user, a full disk) means no cache (None) or an unsaved entry, never
    a failed build.
    """
    import jinja2  # here: a build with nothing to do never loads Jinja

    # Jinja's version too: the code generator it compiles with depends on it (theme.py).
    prefix = hashlib.sha256(code_fingerprint() + jinja2.__version__.encode()).hexdigest()[:16]

    class _Checked(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a torn or damaged file: compile the template again
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            with contextlib.suppress(OSError):  # unsaved: the next build compiles it again
                super().dump_bytecode(bucket)

    if folder.is_symlink():  # the folder is ours: never clear a folder a link leads to
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():  # only another version's compiled templates
            if _COMPILED.fullmatch(old.name) and not old.name.startswith(prefix):
                with contextlib.suppress(OSError):
                    old.unlink(missing_ok=True)
    except OSError:
        return None
    return _Checked(str(folder), f"{prefix}-%s.cache")
