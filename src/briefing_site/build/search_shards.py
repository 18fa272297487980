"""Which search shard a page belongs to, and where each shard's index is kept.

Pagefind cannot update an index in place, so a big site's index is split
into shards, each its own Pagefind bundle, and an edit re-indexes only the
shard of the page it changed. A page's shard is a hash of its path, modulo
the shard count; the count is a power of two that grows with the site
(`shard_size` pages a shard at most, on average at least half that), so an
article added or edited touches one shard, and a site that outgrows its
count splits each shard in two (x mod 2K is x mod K or that plus K).

The first shard that holds pages (shard 0 but on a tiny `shard_size`) is
the primary bundle, in `pagefind/` as before (the whole index of a small
site); shard N is `pagefind/shard-N/`, without the client and WebAssembly,
which the browser takes from the primary. `pagefind/shards.json`
lists the other shards' folders for the search page to merge.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from briefing_site.build.writer import replace_file
from briefing_site.model import RenderedFile, SiteConfig

INDEX_DIR = "pagefind"
SHARD_SIZE = SiteConfig().search_shard_size  # `search_shard_size` in briefing.yaml
SHARDS_FILE = f"{INDEX_DIR}/shards.json"
_CACHE_VERSION = "briefing-site search shard 1"
# A query loads, from every shard, the chunk of its word index that holds the word.
# Pagefind's chunks hold about 20,000 word places; a shard's are made that many
# over the shard count, so one query's chunks weigh about what one index's
# chunk would (not every shard's whole word index), but no smaller than 2,000,
# so a big site's shards are not split into thousands of tiny files.
_PAGEFIND_CHUNK = 20_000
_SMALLEST_CHUNK = 2_000
CHUNK_ENV = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"  # how Pagefind 1.5 takes it


class Paged(Protocol):
    """A page as sharding sees it: by its output path alone."""

    @property
    def path(self) -> str: ...


P = TypeVar("P", bound=Paged)


@dataclass(frozen=True)
class Shard(Generic[P]):
    """One shard: its number, its pages in path order, and its output folder."""

    number: int
    pages: tuple[P, ...]
    primary: bool = False
    chunk: int = 0  # Pagefind's word-index chunk size for it (0: Pagefind's default)

    @property
    def folder(self) -> str:
        return INDEX_DIR if self.primary else f"{INDEX_DIR}/shard-{self.number}"


def shard_count(pages: int, size: int) -> int:
    """The fewest shards, a power of two, that hold `pages` with at most `size` each
    on average."""
    count = 1
    while count * size < pages:
        count *= 2
    return count


def shard_of(path: str, count: int, hashes: dict[str, int] | None = None) -> int:
    """The shard of the page at output path `path`: stable as pages come and go.
    `hashes` remembers each path's hash (`search_memo` keeps them from build to build)."""
    if hashes is None:
        return _hash(path) % count
    found = hashes.get(path)
    if found is None:
        found = hashes[path] = _hash(path)
    return found % count


def _hash(path: str) -> int:
    return int.from_bytes(hashlib.sha256(path.encode()).digest()[:8], "big")


def split(pages: Sequence[P], size: int, hashes: dict[str, int] | None = None) -> list[Shard[P]]:
    """`pages` (in path order) into the shards that hold any, the first of them primary
    (Pagefind's client cannot start on an empty index); one, empty, for no pages.
    `hashes`: see `shard_of`."""
    count = shard_count(len(pages), size)
    parts: list[list[P]] = [[] for _ in range(count)]
    for page in pages:
        parts[shard_of(page.path, count, hashes)].append(page)
    chunk = 0 if count == 1 else max(_SMALLEST_CHUNK, _PAGEFIND_CHUNK // count)
    shards = [Shard(n, tuple(part), chunk=chunk) for n, part in enumerate(parts) if part]
    if not shards:
        return [Shard(0, (), primary=True)]
    return [replace(shards[0], primary=True), *shards[1:]]


def shards_file(shards: Sequence[Shard[P]]) -> RenderedFile:
    """The list the search page reads: the folders of the shards to merge, relative to
    `pagefind/`."""
    folders = [shard.folder.removeprefix(INDEX_DIR + "/") + "/" for shard in shards[1:]]
    return RenderedFile(SHARDS_FILE, json.dumps({"merge": folders}).encode())


class ShardStore(Protocol):
    """Where each shard's index files are kept, with what they were made from (`key`)."""

    def get(self, folder: str, key: str) -> tuple[RenderedFile, ...] | None: ...

    def put(self, folder: str, key: str, files: tuple[RenderedFile, ...]) -> None: ...

    def keep_only(self, folders: set[str]) -> None: ...


class MemoryStore:
    """The shard indexes in memory (`serve`)."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, tuple[RenderedFile, ...]]] = {}

    def get(self, folder: str, key: str) -> tuple[RenderedFile, ...] | None:
        found = self._kept.get(folder)
        return found[1] if found is not None and found[0] == key else None

    def put(self, folder: str, key: str, files: tuple[RenderedFile, ...]) -> None:
        self._kept[folder] = (key, files)

    def keep_only(self, folders: set[str]) -> None:
        for gone in set(self._kept) - folders:
            del self._kept[gone]


class DiskStore:
    """The shard indexes in a folder (the site's `.briefing-cache/search/`), one file a
    shard, read only when asked for. A cache that cannot be read or written is no loss."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _file(self, folder: str) -> Path:
        return self.root / (folder.replace("/", "-") + ".index")

    def get(self, folder: str, key: str) -> tuple[RenderedFile, ...] | None:
        try:
            version, found, files = marshal.loads(self._file(folder).read_bytes())
            if (version, found) != (_CACHE_VERSION, key):
                return None
            made = tuple(RenderedFile(path, data) for path, data in files)
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if not all(type(f.path) is str and type(f.data) is bytes for f in made):
            return None  # edited by hand or damaged: indexed again, never a traceback
        return made

    def put(self, folder: str, key: str, files: tuple[RenderedFile, ...]) -> None:
        data = marshal.dumps((_CACHE_VERSION, key, [(item.path, item.data) for item in files]))
        with contextlib.suppress(OSError):
            self.root.mkdir(parents=True, exist_ok=True)
            replace_file(self._file(folder), data)

    def keep_only(self, folders: set[str]) -> None:
        wanted = {self._file(folder).name for folder in folders}
        with contextlib.suppress(OSError):  # and the one-index cache of before shards
            self.root.with_name(self.root.name + ".index").unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            for path in self.root.glob("*.index"):
                if path.name not in wanted:
                    path.unlink(missing_ok=True)
