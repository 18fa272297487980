"""The search index: the published briefing pages through Pagefind, into output files.

Pagefind (`pagefind[bin]` on PyPI ships its Rust binary in a wheel) runs as a
child process in its service mode: the rendered briefing pages go to it over a
pipe and the finished index comes back the same way, as output files like any
other. So the index goes through the same atomic, changed-only write as the
pages (no second pass over the staging folder), `serve` can hold it in memory,
and only the pages given are indexed: never a draft or a held-back article
(unless `--drafts` put them in the site), never a listing page.

Which part of a page is indexed, and the filters, sorts and meta a result
carries, are marked in the templates (`data-pagefind-*`). A missing or failing
indexer is a warning: the site is complete without search, and says so.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib.util
import itertools
import json
import os
import re
import subprocess
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing_site.build.search_input import indexer_input
from briefing_site.build.search_memo import Known, Note, Places, ShardMemo, sorts
from briefing_site.build.search_order import in_fixed_order
from briefing_site.build.search_pages import SearchPage
from briefing_site.build.search_shards import (
    CHUNK_ENV,
    INDEX_DIR,
    SHARD_SIZE,
    DiskStore,
    Shard,
    ShardStore,
    shard_count,
    shards_file,
    split,
)
from briefing_site.build.search_sorts import Ranks, ranked_shard, shard_places, site_ranks
from briefing_site.model import Location, RenderedFile

__all__ = [
    "INDEX_DIR",
    "SHARD_SIZE",
    "Indexer",
    "IndexerError",
    "SearchIndex",
    "Sink",
    "index_pages",
]
BINARY_ENV = "PAGEFIND_BINARY_PATH"
# What the search page's script needs from Pagefind's bundle; its ready-made
# UIs (pagefind-ui.*, component UI, highlight) are left out, unused.
_KEPT_PREFIXES = ("pagefind-worker.js", "pagefind-entry.json", "pagefind.", "wasm.")
_CLIENT = ("pagefind-worker.js", "pagefind.js", "wasm.")  # a shard takes these from the primary
_KEPT_FOLDERS = ("index/", "fragment/", "filter/")
_INDEXER = Location("pagefind")
Started = Callable[["subprocess.Popen[bytes]"], None]
_CACHE_VERSION = "briefing-site search 2"
# The files of a shard that ranking its sorts site-wide rewrites.
_RANKED = re.compile(r"(^|/)(pagefind-entry\.json|pagefind\.[^/]*\.pf_meta)$")
_TIMEOUT = 600.0  # seconds for the whole index; a hung indexer must not hang the build


def _nothing(key: bytes) -> bytes | None:
    return None


@dataclass(frozen=True)
class SearchIndex:
    """The index as output files, or why there is none (`problem`); with a memo, each
    index file's key (`keys`, for the output manifest), those left in place as the
    last build wrote them (`kept`), and how to get one of those by its key (`fetch`)."""

    files: tuple[RenderedFile, ...]
    problem: str = ""
    where: Location = _INDEXER
    keys: Mapping[str, bytes] = field(default_factory=dict)
    kept: Mapping[str, bytes] = field(default_factory=dict)
    fetch: Callable[[bytes], bytes | None] = _nothing


class IndexerError(Exception):
    """The indexer could not be found or did not finish; the message says why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(reason)
        self.where = where
        self.reason = reason


def find_indexer() -> Path:
    """The Pagefind binary: `PAGEFIND_BINARY_PATH`, else the one in `pagefind_bin`'s wheel."""
    configured = os.environ.get(BINARY_ENV)
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise IndexerError(configured, f"{BINARY_ENV} names no file")
        return path
    found = _wheel_binary()
    if found is not None:
        return found
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError as exc:
        raise IndexerError(
            "pagefind_bin",
            "the Pagefind indexer is not installed (pip install 'pagefind[bin]')",
        ) from exc
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError) as exc:
        raise IndexerError("pagefind_bin", f"the Pagefind binary is missing: {exc}") from exc


def _wheel_binary() -> Path | None:
    """The file `pagefind_bin.get_executable()` gives (its first of these names that is
    a file in the package's folder), found without importing the package, whose
    imports (`platform`, `logging`) cost 5-10 ms of every rebuild that indexes; None
    when it is not there so, and the package itself is asked (and names the problem)."""
    try:
        spec = importlib.util.find_spec("pagefind_bin")
    except (ImportError, ValueError):
        return None
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return None
    suffixes = ("", ".exe") if os.name == "nt" else ("",)
    for name in ("pagefind_extended", "pagefind"):
        for suffix in suffixes:
            candidate = Path(folders[0]) / (name + suffix)
            if candidate.exists():
                return candidate if candidate.is_file() else None
    return None


def index_pages(
    given: Sequence[RenderedFile | SearchPage],
    cache: Path | None = None,
    started: Started | None = None,
    *,
    shard_size: int = SHARD_SIZE,
    workers: int = 1,
    store: ShardStore | None = None,
    sink: Sink | None = None,
    memo: Path | None = None,
    recorded: Mapping[str, bytes] | None = None,
) -> SearchIndex:
    """The index of `pages` (in path order), in shards of at most about `shard_size` pages
    (see `search_shards`). A shard whose pages are byte for byte those it was made from
    is taken from `store` (or the folder `cache`), so an edit re-indexes one shard and a
    rebuild that changed no briefing page runs no indexer. Shards to index run `workers`
    indexers at a time. `started` is told each indexer's process (see `Indexer`).

    With `sink`, each shard's files are given to it as soon as they are made (a build
    writes them into its staging folder), so no more than the shards being indexed
    are in memory, and the result holds no files; if an indexer fails, the files
    given so far are the caller's to take back. Without, they are in the result
    (`serve` holds the index in memory).

    With a `memo` file (see `search_memo`) and `recorded` (the output manifest's keys,
    by path), a shard known to be as the last build made it, whose files the output
    holds under the same keys, is left there: its files are only named in the result's
    `kept`, not read. The result's `keys` are every index file's key, for the manifest.

    A page given as a `SearchPage` is keyed by its recorded facts, and its bytes are
    loaded only if its shard is indexed (`search_pages.PageGone` if they are lost)."""
    pages = [p if isinstance(p, SearchPage) else SearchPage.of(p) for p in given]
    try:
        binary = find_indexer()
    except IndexerError as exc:
        return SearchIndex((), exc.reason, Location(exc.where))
    kept = store if store is not None else DiskStore(cache) if cache is not None else None
    notes = None
    if memo is not None:
        notes = ShardMemo.load(
            memo, f"{_indexer_id(binary)}\0{shard_count(len(pages), shard_size)}"
        )
    shards = split(pages, shard_size, notes.hashes if notes is not None else None)
    made = _Made(binary, notes.known(shards) if notes is not None else None, _Output(sink))
    made.ranking = _Ranking(pages, kept, made) if len(shards) > 1 else None
    todo: Todo = []
    for shard in shards:  # those left in place or kept in the store first, one at a time
        if recorded is not None and made.left_in_place(shard, recorded):
            continue
        files = kept.get(shard.folder, made.index_key(shard)) if kept else None
        if files is None:
            todo.append(shard)
        else:
            made.finish(shard, files)
            del files

    def done(shard: Shard[SearchPage], files: tuple[RenderedFile, ...]) -> None:
        if kept:
            kept.put(shard.folder, made.index_key(shard), files)
        made.finish(shard, files)

    try:
        _index_each(binary, todo, started, workers, done)
    except IndexerError as exc:
        return SearchIndex((), exc.reason, Location(exc.where))
    folders = {shard.folder for shard in shards}
    if kept:  # (no copy of the shards put together: at 10,000 pages, writing it after
        # every edit cost more than putting them together again when none changed)
        kept.keep_only({*folders, *(f"{folder}#ranked" for folder in folders)})
    if notes is not None:
        notes.save(folders, {page.path for page in pages})
    fetch = _Fetch(kept, made.left, made.ranking is not None)
    return SearchIndex(made.out.finish(shards), keys=made.keys, kept=made.kept, fetch=fetch)


def _indexer_id(binary: Path) -> str:
    """The indexer as an index's key names it: its path, size and time."""
    try:
        stat = binary.stat()
        return f"{binary}\0{stat.st_size}\0{stat.st_mtime_ns}\0"
    except OSError:
        return "?"


def file_key(final: str, number: int) -> bytes:
    """An index file's key in the output manifest: what its shard's files are made
    from (`Note.final`, a hex digest) and which of them it is (its place in `Note.files`)."""
    return bytes.fromhex(final) + number.to_bytes(4, "big")


class _Made:
    """Each shard's files as they are made: ranked, given to the output, keyed, and
    noted in the memo; or left in place. Shards finish in the indexers' threads."""

    def __init__(self, binary: Path, known: Known | None, out: _Output) -> None:
        self.binary, self.known, self.out = binary, known, out
        self.ranking: _Ranking | None = None
        self.keys: dict[str, bytes] = {}  # every index file's key, by path
        self.kept: dict[str, bytes] = {}  # those left in place
        self.left: dict[bytes, tuple[str, str, Note]] = {}  # left in place, by key: folder, path
        self._index_keys: dict[str, str] = {}
        self._lock = threading.Lock()

    def index_key(self, shard: Shard[SearchPage]) -> str:
        """The shard's index key: as noted when its pages and keys are the same."""
        found = self._index_keys.get(shard.folder)
        if found is None:
            note = self.known.same.get(shard.folder) if self.known is not None else None
            found = note.index if note is not None else None
            found = found or index_key(shard.pages, self.binary, shard.folder, shard.chunk)
            self._index_keys[shard.folder] = found
        return found

    def left_in_place(self, shard: Shard[SearchPage], recorded: Mapping[str, bytes]) -> bool:
        """Whether the shard's pages and keys, and so its index, are as the memo notes,
        and its pages' places too, and the output holds its files under their keys
        (`write_changed` keeps them there)."""
        note = self.known.same.get(shard.folder) if self.known is not None else None
        if note is None:
            note = self._indexed_as_noted(shard)
        if note is None or (self.ranking is not None and self.ranking.places(shard) != note.places):
            return False  # (an article added or removed moves the places of some shards only)
        prefix, final = shard.folder + "/", bytes.fromhex(note.final)
        named = {
            prefix + name: final + number.to_bytes(4, "big")
            for number, name in enumerate(note.files)
        }
        if not named or any(recorded.get(path) != key for path, key in named.items()):
            return False
        self.keys.update(named)
        self.kept.update(named)
        self.left.update((key, (shard.folder, path, note)) for path, key in named.items())
        if self.known is not None:
            self.known.memo.put(shard.folder, note)  # (the same note, unless its keys moved)
        return True

    def _indexed_as_noted(self, shard: Shard[SearchPage]) -> Note | None:
        """The shard's note when its pages' keys moved on but what the index takes from
        them did not: a countdown near its event changes a page's words by the minute
        (and so its key), never its indexed text or sort values. Left in place, the
        shard's note is brought up to the new keys (`left_in_place`), so the next
        build finds it `same` again."""
        known = self.known
        note = known.memo.notes.get(shard.folder) if known is not None else None
        if known is None or note is None or self.index_key(shard) != note.index:
            return None
        if sorts(shard) != note.sorts:
            return None
        members = known.members[shard.folder]
        if members is None:
            return None
        return replace(note, members=members)

    def finish(self, shard: Shard[SearchPage], raw: tuple[RenderedFile, ...]) -> None:
        """The shard's files, ranked site-wide, to the output; keyed and noted."""
        with self._lock:
            index = self.index_key(shard)
            places: Places = ()
            files: Sequence[RenderedFile] = raw
            final = index
            if self.ranking is not None:
                places = self.ranking.places(shard)
                files, final = self.ranking.ranked(shard, raw, index, places)
            self.out.give(shard, files)
            self.keys.update((item.path, file_key(final, n)) for n, item in enumerate(files))
            prefix = len(shard.folder) + 1
            self._note(shard, index, places, final, tuple(item.path[prefix:] for item in files))

    def _note(
        self,
        shard: Shard[SearchPage],
        index: str,
        places: Places,
        final: str,
        paths: tuple[str, ...],
    ) -> None:
        known = self.known
        if known is None:
            return
        members = known.members[shard.folder]
        same = known.same.get(shard.folder)
        note = None
        if members is not None:
            sorted_by = same.sorts if same is not None else sorts(shard)
            note = Note(members, index, sorted_by, places, final, paths)
        known.memo.put(shard.folder, note)


Sink = Callable[[RenderedFile], None]


class _Output:
    """Each shard's finished files: given to the sink at once, or kept for the result."""

    def __init__(self, sink: Sink | None) -> None:
        self._sink = sink
        self._kept: dict[str, tuple[RenderedFile, ...]] = {}
        self._lock = threading.Lock()  # shards finish in the indexers' threads

    def give(self, shard: Shard[SearchPage], files: Sequence[RenderedFile]) -> None:
        with self._lock:
            if self._sink is None:
                self._kept[shard.folder] = tuple(files)
                return
            for item in files:
                self._sink(item)

    def finish(self, shards: Sequence[Shard[SearchPage]]) -> tuple[RenderedFile, ...]:
        """The list of shards the search page merges, last; the files kept, in shard order."""
        listed = shards_file(shards)
        if self._sink is not None:
            self._sink(listed)
            return ()
        return (*(item for shard in shards for item in self._kept[shard.folder]), listed)


Todo = list[Shard[SearchPage]]  # shards to index; their pages are loaded as each is indexed
Done = Callable[[Shard[SearchPage], tuple[RenderedFile, ...]], None]


def _index_each(
    binary: Path, shards: Todo, started: Started | None, workers: int, done: Done
) -> None:
    """Index each shard and hand its files to `done` at once; up to `workers` indexers
    at a time. Each indexer is one process that indexes shard after shard (`Indexer`):
    started once, not once a shard. After a failure no further shard starts."""
    chunk = shards[0].chunk if shards else 0  # (the same for every shard of a site)
    services: list[Indexer] = []
    local = threading.local()

    def one(shard: Shard[SearchPage]) -> None:
        service: Indexer | None = getattr(local, "service", None)
        if service is None:
            service = local.service = Indexer(binary, started, chunk)
            services.append(service)
        pages = [page.file() for page in shard.pages]  # one shard's pages in memory at a time
        files = tuple(service.index(pages, shard.folder))
        del pages
        done(shard, files)

    try:
        if workers <= 1 or len(shards) <= 1:
            for shard in shards:
                one(shard)
            return
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="briefing-index") as pool:
            try:
                for _ in pool.map(one, shards):
                    pass
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    finally:
        for service in services:
            service.close()


class _Ranking:
    """With several shards, each shard's sorts ranked site-wide (`search_sorts`). The
    files that rewrites (meta and entry) are kept by what they depend on, so a shard
    whose pages and places are as before is not ranked again. The site's places are
    worked out only when a shard needs them and the memo cannot tell them."""

    def __init__(self, pages: Sequence[SearchPage], keep: ShardStore | None, made: _Made) -> None:
        self._pages = pages
        self._ranks: Ranks | None = None
        self._keep = keep
        self._known = made.known

    def places(self, shard: Shard[SearchPage]) -> Places:
        """The shard's pages' places in each sort of the site."""
        known = self._known
        note = known.memo.notes.get(shard.folder) if known is not None else None
        if known is not None and note is not None and known.places:
            return note.places
        if self._ranks is None:
            self._ranks = site_ranks([(page.path, dict(page.facts.sorts)) for page in self._pages])
        ranks = self._ranks
        return tuple(
            (name, tuple(ranks[name].get(page.path) for page in shard.pages))
            for name in sorted(ranks)
        )

    def ranked(
        self, shard: Shard[SearchPage], raw: tuple[RenderedFile, ...], index: str, places: Places
    ) -> tuple[Sequence[RenderedFile], str]:
        """The shard's files with its meta and entry ranked site-wide, and what they are
        made from (the index key and the places)."""
        paths = [page.path for page in shard.pages]
        where = f"{shard.folder}#ranked"
        ranks = {
            name: {
                path: place for path, place in zip(paths, found, strict=True) if place is not None
            }
            for name, found in places
        }
        key = hashlib.sha256(f"{index}{shard_places(paths, ranks)}".encode()).hexdigest()
        redone = self._keep.get(where, key) if self._keep is not None else None
        if redone is None:
            before = set(raw)
            ranked = ranked_shard(paths, raw, ranks)
            redone = tuple(item for item in ranked if item not in before)
            if self._keep is not None:
                self._keep.put(where, key, redone)
        return _replaced(raw, redone), key


class _Fetch:
    """An index file left in place, by its key, from the shard store: for a build
    that finds the output no longer holds it (`writer.write_changed`)."""

    def __init__(
        self, store: ShardStore | None, left: Mapping[bytes, tuple[str, str, Note]], ranked: bool
    ) -> None:
        self._store, self._left, self._ranked = store, left, ranked

    def __call__(self, key: bytes) -> bytes | None:
        found = self._left.get(key)
        if found is None or self._store is None:
            return None
        folder, path, note = found
        raw = self._store.get(folder, note.index)
        redone = self._store.get(f"{folder}#ranked", note.final) if self._ranked else ()
        if raw is None or redone is None:
            return None
        return next((item.data for item in _replaced(raw, redone) if item.path == path), None)


def _replaced(raw: Sequence[RenderedFile], redone: Sequence[RenderedFile]) -> list[RenderedFile]:
    """`raw` with its meta and entry files swapped for those in `redone` (when any)."""
    if not redone:
        return list(raw)
    kept = [item for item in raw if not _RANKED.search(item.path)]
    return sorted([*kept, *redone], key=lambda item: item.path)


def index_key(
    pages: Sequence[SearchPage], binary: Path, folder: str = INDEX_DIR, chunk: int = 0
) -> str:
    """What a shard's index is made from: its folder and chunk size, its pages' paths and
    indexed bytes (by their digests), and the indexer."""
    digest = hashlib.sha256(f"{_CACHE_VERSION}\0{folder}\0{chunk}\0".encode())
    try:
        stat = binary.stat()
        digest.update(f"{binary}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    except OSError:
        digest.update(b"?")
    for page in pages:
        digest.update(page.path.encode() + b"\0")
        digest.update(page.facts.indexed)
    return digest.hexdigest()


def run_indexer(
    binary: Path,
    pages: Iterable[RenderedFile],
    started: Started | None = None,
    folder: str = INDEX_DIR,
    chunk: int = 0,
) -> list[RenderedFile]:
    """Index `pages` in an indexer process of their own (see `Indexer`)."""
    service = Indexer(binary, started, chunk)
    try:
        return service.index(pages, folder)
    finally:
        service.close()


class Indexer:
    """One `pagefind --service` process, which makes index after index (one a shard):
    a new index, every page sent to it, then the bundle's files taken back, under
    `folder`; the client and its WebAssembly only for the primary bundle (`pagefind/`).
    `chunk`, when not 0, is the size of the word index's chunks (see `search_shards`).

    One process for many shards: each start of a process from this one briefly
    shows this process's memory as the child's (until it runs Pagefind), and costs
    a start-up; an index made in a used process is byte for byte one made in a
    fresh one (after `in_fixed_order`), and Pagefind's memory barely grows.

    The protocol is Pagefind's own (what its Python package speaks): each
    message is base64 of JSON, ended by a comma. Pages are written from a
    thread while replies are read, so neither side's pipe buffer can fill up.
    `started` is told the process (`serve` lowers its priority and may stop it).
    """

    def __init__(self, binary: Path, started: Started | None = None, chunk: int = 0) -> None:
        self.binary = binary
        try:
            self.process = subprocess.Popen(
                [os.fspath(binary), "--service"],
                env={**os.environ, CHUNK_ENV: str(chunk)} if chunk else None,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                # One a caller manages (`serve`) is in a group of its own: a terminal's
                # Ctrl-C then reaches the caller, which stops it, instead of killing it
                # under a running index (reported as a failed index). It still ends
                # with its caller: its input closes.
                start_new_session=started is not None,
            )
        except OSError as exc:
            reason = f"cannot start the indexer: {exc.strerror or exc}"
            raise IndexerError(str(binary), reason) from exc
        self._errors: list[bytes] = []
        self._drain = threading.Thread(
            target=_drain, args=(self.process, self._errors), daemon=True
        )
        self._drain.start()
        self._replies = _Replies(self.process, binary)
        self._number = 0  # the last message's id
        if started is not None:
            started(self.process)

    def index(self, pages: Iterable[RenderedFile], folder: str = INDEX_DIR) -> list[RenderedFile]:
        """A new index of `pages`: its files, in a fixed order (`in_fixed_order`)."""
        client = folder == INDEX_DIR
        timer = threading.Timer(_TIMEOUT, self.process.kill)
        # A daemon: a Ctrl-C or SIGTERM inside `start` (once the thread runs, before
        # the `try` that cancels it) would otherwise hold the ended build at exit.
        timer.daemon = True
        timer.start()
        try:
            self._send([_message(self._next(), {"type": "NewIndex", "config": None})])
            index_id = self._replies.until("NewIndex").get("index_id", 0)
            writer = threading.Thread(target=self._send_pages, args=(pages, index_id), daemon=True)
            writer.start()
            try:
                files = _files(self._replies.until("GetFiles"), self.binary, client)
            except BaseException:
                self.process.kill()  # (the writer may be stuck on a full pipe)
                raise
            finally:
                writer.join(5)
            # Its memory back (Pagefind keeps every index it made until told otherwise).
            self._send([_message(self._next(), {"type": "DeleteIndex", "index_id": index_id})])
            self._replies.until("DeleteIndex")
        except _Stopped:  # the indexer stopped before answering
            code = _wait(self.process)
            self._drain.join(5)
            raise IndexerError(str(self.binary), _exit_reason(code, self._errors)) from None
        finally:
            timer.cancel()
        return in_fixed_order(
            [RenderedFile(f"{folder}/{name}", data) for name, data in files.items()]
        )

    def close(self) -> None:
        process = self.process
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        process.kill()
        process.wait()
        self._drain.join(5)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()

    def _next(self) -> int:
        self._number += 1
        return self._number

    def _send(self, messages: Iterable[bytes]) -> None:
        stream = self.process.stdin
        assert stream is not None
        try:
            for message in messages:
                stream.write(message)
            stream.flush()
        except (OSError, ValueError):
            pass  # the indexer went away: the reader reports it

    def _send_pages(self, pages: Iterable[RenderedFile], index_id: object) -> None:
        """Add every page to the index, then ask for its files (one message at a time)."""
        added = (_message(self._next(), _add_file(index_id, page)) for page in pages)
        last = {"type": "GetFiles", "index_id": index_id}
        self._send(itertools.chain(added, (_message(self._next(), last) for _ in (0,))))


def _add_file(index_id: object, page: RenderedFile) -> dict[str, object]:
    return {
        "type": "AddFile",
        "index_id": index_id,
        "file_path": page.path,
        "url": None,
        "file_contents": indexer_input(page.data).decode("utf-8", "replace"),
    }


class _Stopped(Exception):
    """The indexer's output ended before the reply waited for."""


class _Replies:
    """The indexer's replies, read as they come; what follows one is kept for the next."""

    def __init__(self, process: subprocess.Popen[bytes], binary: Path) -> None:
        assert process.stdout is not None
        self._fd = process.stdout.fileno()
        self._binary = binary
        self._pending = b""  # replies read whole, and the start of the next
        self._parts: list[bytes] = []  # the rest of a long reply, as read so far

    def until(self, kind: str) -> dict[str, object]:
        """Read replies until one of `kind` (an error reply is an `IndexerError`)."""
        while True:
            while b"," in self._pending:
                raw, _, self._pending = self._pending.partition(b",")
                payload = _payload(raw, self._binary)
                if payload.get("type") == "Error":
                    reason = f"the indexer failed: {payload.get('message')}"
                    raise IndexerError(str(self._binary), reason)
                if payload.get("type") == kind:
                    return payload
            chunk = os.read(self._fd, 1 << 20)
            if not chunk:
                raise _Stopped
            if b"," in chunk:  # (a reply of the index's files comes in a pipe's size at a
                # time: joined once it is whole, not searched and copied again each time)
                self._pending = b"".join((self._pending, *self._parts, chunk))
                self._parts.clear()
            else:
                self._parts.append(chunk)


def _kept(name: str, client: bool) -> bool:
    if "/" in name:
        return name.startswith(_KEPT_FOLDERS)
    if not client and name.startswith(_CLIENT):
        return False
    return name.startswith(_KEPT_PREFIXES)


def _message(number: int, payload: dict[str, object]) -> bytes:
    return base64.b64encode(json.dumps({"message_id": number, "payload": payload}).encode()) + b","


def _drain(process: subprocess.Popen[bytes], errors: list[bytes]) -> None:
    """Keep the indexer's stderr flowing (a full pipe would stall it); keep the last lines."""
    if process.stderr is None:
        return
    try:
        for line in process.stderr:
            errors.append(line)
            del errors[:-20]
    except (OSError, ValueError):
        pass


def _payload(raw: bytes, binary: Path) -> dict[str, object]:
    try:
        reply = json.loads(base64.b64decode(raw))
        payload = reply["payload"]
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexerError(str(binary), "the indexer answered something unreadable") from exc
    if not isinstance(payload, dict):
        raise IndexerError(str(binary), "the indexer answered something unreadable")
    return payload


def _files(payload: dict[str, object], binary: Path, client: bool) -> dict[str, bytes]:
    """The bundle's files the site keeps (`_kept`), decoded; the others (its ready-made
    UIs, three quarters of a shard's reply) are never decoded."""
    found = payload.get("files")
    if not isinstance(found, list):
        raise IndexerError(str(binary), "the indexer returned no files")
    files: dict[str, bytes] = {}
    for item in found:
        try:
            name, content = item["path"], item["content"]
        except (KeyError, TypeError) as exc:
            raise IndexerError(str(binary), "the indexer returned an unreadable file") from exc
        if not isinstance(name, str) or name.startswith("/") or ".." in name.split("/"):
            raise IndexerError(str(binary), f"the indexer returned an unsafe path {name!r}")
        if not _kept(name, client):
            continue
        try:
            files[name] = base64.b64decode(content)
        except (TypeError, ValueError) as exc:
            raise IndexerError(str(binary), "the indexer returned an unreadable file") from exc
    return files


def _wait(process: subprocess.Popen[bytes]) -> int:
    try:
        return process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


def _exit_reason(code: int, errors: list[bytes]) -> str:
    """Why the indexer stopped before answering: its exit status and last error line."""
    detail = b"".join(errors)
    lines = [line for line in detail.decode("utf-8", "replace").splitlines() if line.strip()]
    said = f": {lines[-1].strip()}" if lines else ""
    if code < 0:
        return f"the indexer was stopped by signal {-code} (over {_TIMEOUT:.0f} s, or killed){said}"
    return f"the indexer exited with status {code} before finishing{said}"
