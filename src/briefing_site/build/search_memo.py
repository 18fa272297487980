"""What each search shard was last made of, so an edit leaves the other shards in place.

A shard's files are a function of its pages' indexed bytes (its index key)
and, with several shards, of its pages' places in the site-wide sorts
(`search_sorts`); a page's bytes are a function of its page key. So the memo
(a file of the search cache) records, for each shard, a digest of its pages'
paths and page keys, and the index key, sort values (as a digest), places and
output files these gave. A later build finds a shard with the very same pages
and keys (`Known.same`), so its index key and sort values, without reading a
page or its facts. When, besides, every other shard's pages have the sort
values recorded, no place in the site moved (`Known.places`), so such a shard's
files are those recorded: when the output's manifest holds them under the same
key, they stay in place, neither read, ranked nor written again. At 10,000
briefings an edit so costs the facts of one shard's pages and one indexer run,
not the facts, keys and ranks of 10,000 pages and the files of 128 shards.

A note is a true statement whatever became of the build that made it (these
pages and keys give this index), so a memo left by a failed build is never
wrong, only less useful; one made with another indexer or shard count is not used.
It also keeps each page path's shard hash (`search_shards.shard_of`).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing_site.build.search_pages import SearchPage
from briefing_site.build.search_shards import Shard
from briefing_site.build.writer import replace_file

_VERSION = "briefing-site search memo 1"
# A shard's pages' site-wide places in each sort (`search_sorts.shard_places`).
Places = tuple[tuple[str, tuple[int | None, ...]], ...]


@dataclass(frozen=True)
class Note:
    """One shard as the last build made it."""

    members: bytes  # its pages' paths and page keys (`members`)
    index: str  # its index key (`search.index_key`)
    sorts: bytes  # its pages' paths and sort values (`sorts`)
    places: Places  # its pages' places in every sort of the site (none with one shard)
    final: str  # what its files are made from: the index key, and the places
    files: tuple[str, ...]  # its output files' paths, inside its folder


def members(shard: Shard[SearchPage]) -> bytes | None:
    """What a shard's index is a function of, by page key; None when a page has none."""
    digest = hashlib.sha256()
    for page in shard.pages:
        if page.key is None:
            return None
        digest.update(page.path.encode() + b"\0" + page.key)
    return digest.digest()


def sorts(shard: Shard[SearchPage]) -> bytes:
    """Its pages' paths and sort values (their facts are found for it)."""
    return hashlib.sha256(repr([(p.path, p.facts.sorts) for p in shard.pages]).encode()).digest()


@dataclass
class ShardMemo:
    """The notes by shard folder, made under `base` (the indexer and shard count)."""

    path: Path
    base: str
    notes: dict[str, Note] = field(default_factory=dict)
    hashes: dict[str, int] = field(default_factory=dict)  # page path: its shard hash
    _changed: bool = False

    @classmethod
    def load(cls, path: Path, base: str) -> ShardMemo:
        """The memo at `path`, or an empty one when missing, damaged or of another base."""
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            version, found, notes, hashes = marshal.loads(path.read_bytes())
            if (version, found) == (_VERSION, base) and isinstance(notes, dict):
                made = {folder: _checked(Note(*note)) for folder, note in notes.items()}
                return cls(path, base, made, hashes if _path_hashes(hashes) else {})
        return cls(path, base)

    def put(self, folder: str, note: Note | None) -> None:
        if self.notes.get(folder) != note:
            self._changed = True
            if note is None:
                self.notes.pop(folder, None)
            else:
                self.notes[folder] = note

    def save(self, folders: set[str], paths: set[str]) -> None:
        """Keep the notes of `folders` and the hashes of `paths` (this build's), when
        anything changed; a memo that cannot be written is no loss."""
        notes = {folder: note for folder, note in self.notes.items() if folder in folders}
        hashes = {path: value for path, value in self.hashes.items() if path in paths}
        if not self._changed and notes == self.notes and hashes.keys() == self.hashes.keys():
            return
        data = marshal.dumps(
            (_VERSION, self.base, {f: _plain(n) for f, n in notes.items()}, hashes)
        )
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.path, data)

    def known(self, shards: Sequence[Shard[SearchPage]]) -> Known:
        """What the notes tell of `shards` (see `Known`)."""
        return Known(self, shards)


def _checked(note: Note) -> Note:
    """`note` if each of its fields has the type this version writes, else TypeError
    (or ValueError: a digest that is not hex): a memo edited by hand or damaged is
    not used, never a traceback."""
    texts = (note.index, note.final, *note.files)
    if not (type(note.members) is bytes and type(note.sorts) is bytes):
        raise TypeError("a digest of another type")
    if type(note.places) is not tuple or type(note.files) is not tuple:
        raise TypeError("places or files of another type")
    if not all(type(text) is str for text in texts):
        raise TypeError("a key or file name of another type")
    bytes.fromhex(note.index)
    bytes.fromhex(note.final)
    return note


def _path_hashes(hashes: object) -> bool:
    """Whether `hashes` maps page paths to their hashes (`search_shards.shard_of`)."""
    return isinstance(hashes, dict) and all(
        type(path) is str and type(value) is int for path, value in hashes.items()
    )


def _plain(note: Note) -> tuple[object, ...]:
    return (note.members, note.index, note.sorts, note.places, note.final, note.files)


class Known:
    """Of this build's shards: those whose pages and keys are as noted (`same`), and
    whether no page's sort values changed in the whole site (`places`)."""

    def __init__(self, memo: ShardMemo, shards: Sequence[Shard[SearchPage]]) -> None:
        self.members = {shard.folder: members(shard) for shard in shards}
        self.same: dict[str, Note] = {}
        for shard in shards:
            note = memo.notes.get(shard.folder)
            if note is not None and note.members == self.members[shard.folder]:
                self.same[shard.folder] = note
        self.memo = memo
        self._shards = shards
        self._places: bool | None = None

    @property
    def places(self) -> bool:
        """Whether every page of the site has the sort values the notes say, so every
        shard's places are as noted. Finds the facts of the pages of shards not `same`."""
        if self._places is None:
            notes = self.memo.notes
            self._places = len(notes) == len(self._shards) and all(
                shard.folder in self.same
                or (shard.folder in notes and notes[shard.folder].sorts == sorts(shard))
                for shard in self._shards
            )
        return self._places
