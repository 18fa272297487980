"""The search index behind `serve`: redone in the background after a build is served.

A save's rebuild must stay quick, and Pagefind cannot update an index in
place. So `serve` publishes the new pages first and hands their briefing
pages here; a worker thread indexes the newest set once saves have been
quiet for a moment, and swaps the result in. The index is sharded as a
build's is (`search_shards`), and each shard's index is kept in memory, so an
edit re-indexes only the shard of the page it changed.
The indexer runs at a lower CPU priority, and a rebuild that starts while it
runs stops it (`pause`): it is started again once that build is served.
Until then the previous index answers. A request for the index's entry file
(what a search page reads first) waits for the fresh index, so reloading
the search page after an edit finds the edit (and so does the list of
shards, read before it). The files of the index before
are kept too, so a search page that started on it can finish its queries.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from collections.abc import Callable, Sequence

from briefing_site.build.search import SHARD_SIZE, SearchIndex, index_pages
from briefing_site.build.search_shards import SHARDS_FILE, MemoryStore
from briefing_site.model import RenderedFile

QUIET_SECONDS = 0.3  # index once saves have stopped for this long

NICENESS = 10  # the indexer's lower priority, so a save's rebuild comes first


class LiveIndex:
    """The latest search index as files, rebuilt by one worker thread on demand."""

    def __init__(self, on_problem: Callable[[str], None] | None = None) -> None:
        self._on_problem = on_problem
        self._process: subprocess.Popen[bytes] | None = None
        self._paused = False
        self._changed = threading.Condition()
        self._wanted: tuple[RenderedFile, ...] | None = None  # pages not yet indexed
        self._shard_size = SHARD_SIZE
        self._store = MemoryStore()  # each shard's last index, reused while its pages are the same
        self._wanted_at = 0.0
        self._working = False
        self._files: dict[str, bytes] = {}
        self._before: dict[str, bytes] = {}
        self._done: tuple[RenderedFile, ...] | None = None  # the pages `_files` was made from
        self._problem = ""
        self._stopping = False
        self._thread: threading.Thread | None = None

    def update(self, pages: Sequence[RenderedFile], shard_size: int = SHARD_SIZE) -> None:
        """Index these pages soon (the newest call wins); returns at once."""
        pages = tuple(pages)
        with self._changed:
            if shard_size != self._shard_size:
                self._shard_size, self._done = shard_size, None
            if pages == self._done and not self._working:
                self._wanted = None
                return
            self._wanted, self._wanted_at = pages, time.monotonic()
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="briefing-search-index", daemon=True
                )
                self._thread.start()
            self._changed.notify_all()

    def file(self, name: str, timeout: float = 60.0) -> bytes | None:
        """An index file by output path (`pagefind/...`); the entry, and a file not
        in the index at hand (none made yet, say), wait for a fresh index."""
        with self._changed:
            found = self._files.get(name, self._before.get(name))
            if name == SHARDS_FILE or name.endswith("/pagefind-entry.json") or found is None:
                self._changed.wait_for(lambda: self._stopping or self._fresh(), timeout)
                found = self._files.get(name, self._before.get(name))
            return found

    def _fresh(self) -> bool:
        """An index exists and nothing newer is waiting or being made."""
        return self._done is not None and self._wanted is None and not self._working

    def stop(self) -> None:
        with self._changed:
            self._stopping = True
            if self._process is not None:
                with contextlib.suppress(OSError):
                    self._process.kill()
            self._changed.notify_all()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._stopping or self._wanted is not None)
                if self._stopping:
                    return
                quiet = self._wanted_at + QUIET_SECONDS - time.monotonic()
                if quiet > 0:
                    self._changed.wait(quiet)
                    continue
                pages, self._wanted, self._working = self._wanted, None, True
            assert pages is not None
            index = self._index(pages)
            self._finish(pages, index)

    def pause(self) -> None:
        """A rebuild starts: stop an indexer that is running; the pages wait for `update`."""
        with self._changed:
            self._paused = self._working
            if self._process is not None:
                with contextlib.suppress(OSError):
                    self._process.kill()

    def _index(self, pages: Sequence[RenderedFile]) -> SearchIndex:
        return index_pages(
            pages, started=self._started, shard_size=self._shard_size, store=self._store
        )

    def _started(self, process: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(OSError, AttributeError):  # not on every system
            os.setpriority(os.PRIO_PROCESS, process.pid, NICENESS)
        with self._changed:
            self._process = process
            if self._paused or self._stopping:
                process.kill()

    def _finish(self, pages: tuple[RenderedFile, ...], index: SearchIndex) -> None:
        with self._changed:
            self._working, self._process = False, None
            if self._stopping:  # killed by the stop itself: no problem to tell anyone
                self._changed.notify_all()
                return
            if self._paused:  # stopped for a rebuild: its `update` brings the pages again
                self._paused = False
                if self._wanted is None:
                    self._wanted, self._wanted_at = pages, time.monotonic()
                self._changed.notify_all()
                return
            new = {item.path: item.data for item in index.files}
            self._before, self._files, self._done = self._files, new, pages
            problem = f"{index.where}: warning: no search index: {index.problem}"
            tell = index.problem and problem != self._problem
            self._problem = problem if index.problem else ""
            self._changed.notify_all()
        if tell and self._on_problem is not None:
            self._on_problem(problem)
