"""What the search index takes from each page, so a page kept in place is never read.

A shard's cache key and the site-wide sorts (`search_sorts`) need, of each
briefing page, only a digest of its indexed part and its sort values: its
`PageFacts`. They are a function of the page's bytes, and a page's bytes of
its page key (`batch.PageCache`), so they are recorded by page key in the
search cache (`FactsFile`). A page the build keeps in place (its key the one
the output recorded) gives its facts from there; its bytes are loaded, from
the build cache by the same key, only when its shard must be indexed again.
Being keyed by content, the record is never stale: a failed build, `--drafts`,
another base URL or a new day only add keys, and a missing one is made again
from the page's bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from briefing_site.build.search_sorts import sort_values, starting_with
from briefing_site.build.writer import replace_file
from briefing_site.model import RenderedFile

_VERSION = "briefing-site search page facts 2"
# The countdown's state and build-time text (the output contract's
# `<time class="countdown" ... data-state=...>TEXT</time>`) change by the minute
# near an event, and the theme's line under it for readers without JavaScript
# ("as of" the build's date) once a day, but the index never holds them: they are
# left out of its key, so a clock tick or a new day does not re-index the site.
_COUNTDOWN_OPENING = b'<time class="countdown"'
_COUNTDOWN_STATE = re.compile(
    rb'(<time class="countdown"[^>]*?) data-state="[^"]*"([^>]*>)[^<]*(</time>)'
    rb'(?:\s*<noscript><span class="countdown-asof">[^<]*<time [^>]*>[^<]*</time></span></noscript>)?'
)
# The theme's site footer carries the build's date, so every page changes once a
# day; on a page with a `data-pagefind-body` Pagefind reads nothing outside it
# but `data-pagefind-*` attributes, so a footer without them is left out of the
# key too, and a new day re-indexes nothing.
_FOOTER_OPENING = b'<footer class="site-footer">'
_SITE_FOOTER = re.compile(
    rb'<footer class="site-footer">(?:(?!data-pagefind|</footer>).)*</footer>', re.S
)


class PageGone(Exception):
    """A kept page's bytes could not be had (the build cache lost them): draw it again."""


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What a shard's key and the site-wide sorts take from a page."""

    indexed: bytes  # sha256 of the page without what the index never holds
    sorts: tuple[tuple[str, str], ...]  # its `data-pagefind-sort` values, by name

    @classmethod
    def of(cls, page: bytes) -> PageFacts:
        indexed = hashlib.sha256(indexed_part(page)).digest()
        return cls(indexed, tuple(sorted(sort_values(page).items())))


class SearchPage:
    """A page to index: its path, its facts (found when first asked for, from its
    bytes or the facts file), its bytes only when `load`ed, and its page key (None
    without a build cache), by which a shard's index is known again (`search_memo`)."""

    __slots__ = ("_facts", "key", "load", "path")

    def __init__(
        self,
        path: str,
        facts: PageFacts | Callable[[], PageFacts],
        load: Callable[[], bytes],
        key: bytes | None = None,
    ) -> None:
        self.path, self.load, self.key = path, load, key
        self._facts = facts

    @property
    def facts(self) -> PageFacts:
        found = self._facts
        if not isinstance(found, PageFacts):
            found = self._facts = found()
        return found

    @classmethod
    def of(cls, page: RenderedFile) -> SearchPage:
        data = page.data
        return cls(page.path, PageFacts.of(data), lambda: data)

    def file(self) -> RenderedFile:
        return RenderedFile(self.path, self.load())


def indexed_part(page: bytes) -> bytes:
    """The page without what changes with the clock but is never indexed."""
    page = _sub(page, _COUNTDOWN_OPENING, _COUNTDOWN_STATE, rb"\1\2\3")
    if b"data-pagefind-body" in page:
        page = _sub(page, _FOOTER_OPENING, _SITE_FOOTER, b"")
    return page


def _sub(page: bytes, opening: bytes, pattern: re.Pattern[bytes], template: bytes) -> bytes:
    """`pattern.sub(template, page)`, its matches found by `search_sorts.starting_with`."""
    parts: list[bytes] = []
    start = 0
    for match in starting_with(page, opening, pattern):
        parts += (page[start : match.start()], match.expand(template))
        start = match.end()
    if not parts:
        return page
    parts.append(page[start:])
    return b"".join(parts)


class FactsFile:
    """Each page's facts by its page key, in one file of the search cache, read when
    first asked. A file that cannot be read or written is no loss: facts are made again."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._loaded: dict[bytes, tuple[bytes, tuple[tuple[str, str], ...]]] | None = None
        self._used: set[bytes] = set()
        self._changed = False

    @property
    def _facts(self) -> dict[bytes, tuple[bytes, tuple[tuple[str, str], ...]]]:
        if self._loaded is None:
            self._loaded = {}
            with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
                version, facts = marshal.loads(self.path.read_bytes())
                if version == _VERSION and isinstance(facts, dict):
                    self._loaded = facts
        return self._loaded

    def get(self, key: bytes) -> PageFacts | None:
        found = self._facts.get(key)
        if found is None:
            return None
        self._used.add(key)
        return PageFacts(*found)  # marshal gives the tuples back as tuples

    def put(self, key: bytes, facts: PageFacts) -> None:
        self._facts[key] = (facts.indexed, facts.sorts)
        self._used.add(key)
        self._changed = True

    def save(self, also: Iterable[bytes] = ()) -> None:
        """Keep the facts of this build's pages only (those asked for, and those among
        `also`, the keys of pages whose facts were not needed), when anything changed.
        Never read: nothing to keep."""
        if self._loaded is None:
            return
        facts = self._loaded
        used = self._used | (facts.keys() & set(also))
        if not self._changed and used == facts.keys():
            return
        kept = {key: facts[key] for key in used}
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.path, marshal.dumps((_VERSION, kept)))


def pages_to_index(
    paths: Iterable[str],
    keys: Mapping[str, bytes],
    kept: Mapping[str, bytes],
    fetch: Callable[[bytes], bytes | None],
    facts: FactsFile,
    drawn: Callable[[str], bytes],
    known: Mapping[str, PageFacts],
) -> list[SearchPage]:
    """The pages at `paths`, in path order (Pagefind's output depends on the order
    pages arrive in), none of them read yet: those `kept` in place (path: page key)
    are loaded through `fetch(key)`, the others (drawn by this build) through
    `drawn(path)`, and only if their shard is indexed again. A page's facts are
    `known` (workers found them), else in `facts` by its page key (`keys`), else
    made from its bytes, and only when asked for (see `search_memo`)."""
    pages = []
    for path in sorted(paths):
        key = kept.get(path)
        load: Callable[[], bytes]
        if key is not None:
            load = partial(_fetched, path, key, fetch)
        else:
            key = keys.get(path)
            load = partial(drawn, path)
        find = partial(_facts, key, load, facts, known.get(path))
        pages.append(SearchPage(path, find, load, key))
    return pages


# Partials of these, not closures: a build holds a page's two for every briefing
# while it indexes (at 10,000 briefings, closures and their cells took ~6 MB).
def _fetched(path: str, key: bytes, fetch: Callable[[bytes], bytes | None]) -> bytes:
    data = fetch(key)
    if data is None:
        raise PageGone(path)
    return data


def _facts(
    key: bytes | None, load: Callable[[], bytes], facts: FactsFile, known: PageFacts | None
) -> PageFacts:
    """A page's facts when asked: recorded by its key for a later build that needs them."""
    if known is not None:
        if key is not None and facts.get(key) is None:
            facts.put(key, known)
        return known
    found = facts.get(key) if key is not None else None
    if found is None:
        found = PageFacts.of(load())
        if key is not None:
            facts.put(key, found)
    return found
