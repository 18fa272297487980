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
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from briefing_site.build.lazy import ArticleHead
from briefing_site.build.writer import replace_file
from briefing_site.content.load import ArticleFiles
from briefing_site.walk import Signature

INDEX_FILE = "site.index"
_VERSION = "briefing-site index 1"


@dataclass(frozen=True)
class Record:
    """One article as the last build found it."""

    files: ArticleFiles
    signatures: tuple[Signature, Signature | None] | None  # None: read it again
    key: bytes
    head: ArticleHead


@dataclass
class SiteIndex:
    """The records by article path, under the key base they were made with."""

    base: bytes
    records: dict[str, Record] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, base: bytes) -> SiteIndex:
        """The index saved at `path`, or an empty one when missing, damaged or made under another base."""
        try:
            data = path.read_bytes()
            checksum, payload = data[:32], memoryview(data)[32:]
            if hashlib.sha256(payload).digest() != checksum:
                return cls(base)  # a torn write or a flipped bit: never trusted
            version, saved_base, records = pickle.loads(payload)
        except Exception:  # any damage means: no index, read everything
            return cls(base)
        if version != _VERSION or saved_base != base or not isinstance(records, dict):
            return cls(base)
        return cls(base, records)

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
        """Write this build's records whole, replacing the last (see `writer.replace_file`)."""
        payload = pickle.dumps((_VERSION, self.base, records), protocol=pickle.HIGHEST_PROTOCOL)
        replace_file(path, hashlib.sha256(payload).digest() + payload)


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
