"""Listing fragments across builds: each briefing's card and topic entries, in the build cache.

A listing page redrawn because one briefing on it changed (or because a new
briefing shifted every later page) shows the same cards and topic entries as
before for all its other briefings. So each briefing's fragments (see
`render.Fragments`) are kept in the pack as one record, under a key that
hashes everything they show: the page base (the tool's code, the config,
the clock as pages show it, `--drafts`), the site templates the helpers
`card()` and `topic_entry()` draw with (`deps.TemplateKeys`), and the briefing's own
page-cache key (its article's key and what it shows of the clock:
`horizon.briefing_clock`). A listing drawn from them is the listing drawn
afresh, byte for byte; tests hold a rebuild to a clean build.

Only the briefings of the pages drawn are looked up, so an edit costs the
lookups of the few pages it redraws. Records a build did not read are still
live (the next add may need them all): should the pack be compacted, every
current briefing's record is kept (`live_keys`).
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterator, Mapping

from briefing_site.build.cache import PageStore, digest
from briefing_site.model import Briefing

_KIND = b"listing fragments 1"


class StoredFragments:
    """`render.Fragments` over the build cache's pack."""

    def __init__(self, store: PageStore, base: bytes, keys: Mapping[int, bytes]) -> None:
        self._store = store
        self._base = base
        self._keys = keys  # id(briefing): the briefing's page-cache key (see `PageCache`)
        # Each briefing's record key, worked out once: a briefing's record is looked up
        # once for its card and once for each of its topic entries.
        self._found: dict[bytes, bytes] = {}

    def get(self, briefing: Briefing, make: Callable[[], dict[str, str]]) -> dict[str, str]:
        """The briefing's fragments from the pack, else made and stored."""
        own = self._keys.get(id(briefing))
        if own is None:  # nothing known to key it by: never stored
            return make()
        key = self._found.get(own)
        if key is None:
            key = self._found[own] = self._key(own)
        data = self._store.get(key)
        if data is not None:
            found = _decoded(data)
            if found is not None:
                return found
        made = make()
        self._store.put(key, encoded(made))
        return made

    def live_keys(self) -> Iterator[bytes]:
        """The record key of every briefing of this build, read or not."""
        return (self._key(own) for own in self._keys.values())

    def _key(self, own: bytes) -> bytes:
        return record_key(self._base, own)


def fragments_base(page_base: bytes, helper_keys: list[bytes]) -> bytes:
    """What every briefing's record key hashes besides the briefing: the page base and
    the keys of the site templates `card()` and `topic_entry()` draw with, in the
    order of their names (`render.TEMPLATE_HELPERS`)."""
    return digest(page_base, *helper_keys)


def record_key(base: bytes, own: bytes) -> bytes:
    """The key of a briefing's record: `base` (`fragments_base`) and its page-cache key."""
    return digest(_KIND, base, own)


def encoded(made: Mapping[str, str]) -> bytes:
    """A briefing's fragments as `get` stores them (a worker draws them ahead: see `batch`)."""
    return marshal.dumps(dict(made))


def _decoded(data: bytes) -> dict[str, str] | None:
    """A stored record's fragments; None when it is not what `get` stores."""
    try:
        found = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(found, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in found.items()
    ):
        return None
    return found
