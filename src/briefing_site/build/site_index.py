"""The site index: what the last build knew of each article, found again by stat alone.

It lives in the cache folder beside the pack, written whole through a
temporary file under the cache lock, with a checksum: a damaged index is
simply not used.

For each article (its file and sidecar) the index keeps their stat
signatures, the article's cache key and its `ArticleHead` (what listings,
ordering and warnings read of it). A build whose content walk shows an
article with the very signatures recorded takes its key and head from here,
without reading, hashing or unpickling the article; only a page that shows
its body loads it (see `build.lazy`). An article whose signatures it cannot
vouch for is read and hashed; when its key is still the one recorded, its
head serves all the same, unpickled from nothing. Everything else the article's key
hashes (the tool's code, the config) is the index's `base`: an index made
under another base is not used at all.

Signatures are trusted only from files last changed well before the walk
that took them (`unchanged.RACY_NS`, more than any file system's clock
tick): a file saved again within the same tick may keep its size and times,
so a recently saved file is recorded without signatures and read again by
the next build, as git treats its "racily clean" files. The change time is
in the signature, and no program can set it back.

Every build unpickles the whole index (at 10,000 articles, 60,000 small frozen
objects: records, heads, metadata, events, countdowns), so it is pickled in a
flat form of its own (`_Pickler`): each of those objects as a call of a
made-once function that sets its fields one by one, not as an object
rebuilt by a `__setstate__` looping over its fields (dataclasses' own even
looks them up each time). That took a third off loading it.

After one edit, all but a few records are as the last build saved them, so
a build does not write the whole index again (at 10,000 articles, pickling
it took a tenth of a one-edit rebuild): the records that differ from the
whole index on disk go into a small delta file beside it, naming the whole
index it applies to by checksum, and the whole index is written again only
once the delta holds more than an eighth of the records. A record is a true
statement (these signatures mean this key and head, under this base), so a
delta left over from before, or one older than the latest build, is never
wrong, only less useful; a delta that names another whole index is ignored.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import itertools
import operator
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, BinaryIO

from briefing_site.build.lazy import ArticleHead, fast_setstate
from briefing_site.build.writer import replace_file_with
from briefing_site.content.load import ArticleFiles
from briefing_site.model import Countdown, Event, Location, Metadata, Person, Source
from briefing_site.walk import Signature

INDEX_FILE = "site.index"
DELTA_SUFFIX = ".delta"  # beside the index: the records changed since it was written whole
_VERSION = "briefing-site index 4"
_DELTA_VERSION = "briefing-site index delta 3"
_SMALLEST_REWRITE = 64  # a delta may always hold this many records before the whole is rewritten
_CHECKSUM = 32  # a file's first bytes: the SHA-256 of the rest
_CHUNK = 512  # records pickled together when the index is written whole (see `_dump_whole`)


@dataclass(frozen=True, slots=True)
class Record:
    """One article as the last build found it."""

    files: ArticleFiles
    signatures: tuple[Signature, Signature | None] | None  # None: read it again
    key: bytes
    head: ArticleHead

    def __setstate__(self, state: tuple[object, ...]) -> None:
        fast_setstate(self, _RECORD_FIELDS, state)


_RECORD_FIELDS = tuple(f.name for f in fields(Record))


@dataclass
class SiteIndex:
    """The records by article path, under the key base they were made with.

    `whole` are the records of the whole index on disk and `checksum` its
    checksum (empty when there is none), which a delta names.
    """

    base: bytes
    records: dict[str, Record] = field(default_factory=dict)
    whole: dict[str, Record] = field(default_factory=dict)
    checksum: bytes = b""

    @classmethod
    def load(cls, path: Path, base: bytes) -> SiteIndex:
        """The index saved at `path` with its delta applied, or an empty one when
        missing, damaged or made under another base."""
        found = _read(path)
        if found is None:
            return cls(base)
        checksum, data = found
        try:
            records = _records(data, base)
        except Exception:  # any damage means: no index, read everything
            return cls(base)
        if records is None:
            return cls(base)
        merged = dict(records)
        for name, record in _delta(delta_path(path), base, checksum).items():
            if record is None:
                merged.pop(name, None)
            else:
                merged[name] = record
        return cls(base, merged, records, checksum)

    def reusable(self, files: ArticleFiles, signatures: dict[str, Signature]) -> Record | None:
        """The record of an article whose files are exactly as it recorded, else None."""
        record = self.records.get(files.article)
        if record is None or record.files != files or record.signatures is None:
            return None
        now = (signatures.get(files.article), _sidecar(files, signatures))
        return record if now == record.signatures else None

    def same(self, files: ArticleFiles, key: bytes) -> Record | None:
        """The record of an article read again (its signatures not trusted) and found
        to have the key recorded: its head serves as well as unpickling it would."""
        record = self.records.get(files.article)
        return record if record is not None and (record.files, record.key) == (files, key) else None

    def save(self, path: Path, records: dict[str, Record]) -> None:
        """Record this build's records: as a delta against the whole index on disk
        when few differ from it, else whole (see `writer.replace_file`)."""
        if self.checksum:  # (a first build has no whole index to differ from)
            changed: dict[str, Record | None] = {
                name: record
                for name, record in records.items()
                if not _same(self.whole.get(name), record)
            }
            changed.update((name, None) for name in self.whole.keys() - records.keys())
            if len(changed) <= max(_SMALLEST_REWRITE, len(records) // 8):
                delta = (_DELTA_VERSION, self.base, self.checksum, changed)
                replace_file_with(delta_path(path), lambda out: _dump(delta, out))
                return
            del changed
        replace_file_with(path, lambda out: _dump_whole(self.base, records, out))
        delta_path(path).unlink(missing_ok=True)  # left behind, it names another checksum


def delta_path(path: Path) -> Path:
    """Where the delta of the index at `path` is kept."""
    return path.with_name(path.name + DELTA_SUFFIX)


def _dump(value: object, out: BinaryIO) -> None:
    """`value` pickled into `out` behind its SHA-256 (as `_read` takes it), streamed:
    at 10,000 articles the index is ~7 MB, and a payload held whole, then copied
    behind its checksum, set the build's peak memory."""
    start = out.tell()
    out.write(bytes(32))
    hashing = _Hashing(out)
    _Pickler(hashing).dump(value)
    out.seek(start)
    out.write(hashing.sha.digest())


def _dump_whole(base: bytes, records: dict[str, Record], out: BinaryIO) -> None:
    """The whole index as `_dump` writes a value, but pickled a chunk of records at a
    time, each chunk its own pickle: a pickler remembers every object it wrote until
    it ends (for the objects shared between records), and over a site's records that
    memo set the peak memory of a cold build's end (~1 KB a briefing). A record's
    parts shared across chunks (a tag list, say) are written once per chunk."""
    start = out.tell()
    out.write(bytes(32))
    hashing = _Hashing(out)
    pickle.dump((_VERSION, base), hashing, protocol=pickle.HIGHEST_PROTOCOL)
    items = iter(records.items())
    while chunk := list(itertools.islice(items, _CHUNK)):
        _Pickler(hashing).dump(chunk)
    pickle.dump(None, hashing, protocol=pickle.HIGHEST_PROTOCOL)  # the end
    out.seek(start)
    out.write(hashing.sha.digest())


def _records(data: bytes, base: bytes) -> dict[str, Record] | None:
    """The records of a whole index's file (as `_dump_whole` writes it); None when
    it was made by another version or under another base."""
    stream = io.BytesIO(data)  # (bytes are shared, not copied)
    stream.seek(_CHECKSUM)
    if pickle.load(stream) != (_VERSION, base):
        return None
    records: dict[str, Record] = {}
    while (chunk := pickle.load(stream)) is not None:
        records.update(chunk)
    return records


_new = object.__new__
_set = object.__setattr__


def _maker(cls: type) -> Callable[..., Any]:
    """A function making a `cls` (a frozen, slotted dataclass) from its fields' values
    in field order, one straight line per field (as `dataclasses` writes `__init__`,
    but without its checks and defaults: the values are those of an instance). It is
    a global of this module, so pickles name it."""
    names = [f.name for f in fields(cls)]
    arguments = [f"v{i}" for i in range(len(names))]
    lines = [f"def make({', '.join(arguments)}):", "    made = _new(cls)"]
    lines += [
        f"    _set(made, {name!r}, {arg})" for name, arg in zip(names, arguments, strict=True)
    ]
    lines.append("    return made")
    scope: dict[str, Any] = {"_new": _new, "_set": _set, "cls": cls}
    exec("\n".join(lines), scope)  # (its source is made here, from field names)
    make: Callable[..., Any] = scope["make"]
    make.__name__ = make.__qualname__ = f"_make_{cls.__name__}"
    make.__module__ = __name__
    globals()[make.__name__] = make
    return make


def _reducer(cls: type) -> Callable[[Any], tuple[Callable[..., Any], tuple[Any, ...]]]:
    names = [f.name for f in fields(cls)]
    make, values = _maker(cls), operator.attrgetter(*names)
    if len(names) == 1:  # attrgetter of one name gives the value, not a 1-tuple
        return lambda made: (make, (values(made),))
    return lambda made: (make, values(made))


# What the index holds, pickled flat (see the module's docstring). Only these very
# types: a subclass (a lazy object, say) pickles as it always does.
_FLAT = (Record, ArticleFiles, ArticleHead, Metadata, Event, Countdown, Person, Source, Location)
_DISPATCH: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
_DISPATCH.update((cls, _reducer(cls)) for cls in _FLAT)


class _Pickler(pickle.Pickler):
    """The index's pickler: its records flat (`_FLAT`), at the highest protocol."""

    def __init__(self, out: Any) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self.dispatch_table = _DISPATCH


class _Hashing:
    """A file-like writer that hashes what passes through it."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.sha = out, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        return self.out.write(data)


def _read(path: Path) -> tuple[bytes, bytes] | None:
    """A checksummed file's checksum and its whole bytes (the payload after the
    checksum: `_payload`); None when missing or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    checksum = data[:_CHECKSUM]
    if hashlib.sha256(_payload(data)).digest() != checksum:
        return None  # a torn write or a flipped bit: never trusted
    return checksum, data


def _payload(data: bytes) -> memoryview:
    return memoryview(data)[_CHECKSUM:]


def _delta(path: Path, base: bytes, checksum: bytes) -> dict[str, Record | None]:
    """The records changed since the whole index with `checksum` (None: the article
    is gone); nothing when the delta is missing, damaged or made for another index."""
    found = _read(path)
    if found is None:
        return {}
    try:
        version, saved_base, saved_checksum, changed = pickle.loads(_payload(found[1]))
    except Exception:  # any damage means: the whole index alone
        return {}
    if (version, saved_base, saved_checksum) != (_DELTA_VERSION, base, checksum):
        return {}
    return changed if isinstance(changed, dict) else {}


def _same(old: Record | None, new: Record) -> bool:
    """Whether `new` says what `old` says (the head compared by identity first: a
    reused record's head is the very object loaded, and an unchanged record itself)."""
    if old is new:
        return True
    if old is None or old.key != new.key or old.files != new.files:
        return False
    return old.signatures == new.signatures and (old.head is new.head or old.head == new.head)


def trusted(
    files: ArticleFiles, signatures: dict[str, Signature], settled_before_ns: int
) -> tuple[Signature, Signature | None] | None:
    """The files' signatures as a record keeps them: None unless both are settled and known."""
    article = signatures.get(files.article)
    sidecar = _sidecar(files, signatures)
    if article is None or (files.sidecar is not None and sidecar is None):
        return None
    for found in (article, sidecar):
        if found is not None and max(found[0], found[1]) >= settled_before_ns:
            return None
    return article, sidecar


def _sidecar(files: ArticleFiles, signatures: dict[str, Signature]) -> Signature | None:
    return signatures.get(files.sidecar) if files.sidecar is not None else None
