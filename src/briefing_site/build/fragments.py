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
lookups of the few pages it redraws. Within a build, a record read for one
listing is held, within `HELD_CHARS`, until the other listings that show its
briefing have taken their fragments: an added briefing shifts every listing
page, and each record would otherwise be read, checksummed and decoded about
five times. Records a build did not read are still
live (the next add may need them all): should the pack be compacted, every
current briefing's record is kept (`live_keys`).
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterator, Mapping

from briefing_site.build.cache import PageStore, digest
from briefing_site.model import Briefing

_KIND = b"listing fragments 1"
HELD_CHARS = 16_000_000
"""The most characters of fragments held between the listings that show them. At
10,000 briefings all of them come to about 50 million (the topic entries yet to be
shown, once the archive has drawn every card), some 60 MB of peak memory more; this
bound holds about a third, which saves about half the reads, and keeps a bigger
site's peak flat. Records read once it is reached are decoded again on each use."""


class StoredFragments:
    """`render.Fragments` over the build cache's pack."""

    def __init__(self, store: PageStore, base: bytes, keys: Mapping[int, bytes]) -> None:
        self._store = store
        self._base = base
        self._keys = keys  # id(briefing): the briefing's page-cache key (see `PageCache`)
        # Each briefing's record key, worked out once: a briefing's record is looked up
        # once for its card and once for each of its topic entries.
        self._found: dict[bytes, bytes] = {}
        # Records read or made this build, with the fragments not yet served: a
        # briefing's record holds its card and every topic entry, each shown on
        # another listing, so without them one record is read, checksummed and
        # decoded once per listing that shows the briefing (about five times).
        self._held: dict[bytes, dict[str, str]] = {}
        self._held_chars = 0

    def get(self, briefing: Briefing, name: str, make: Callable[[], dict[str, str]]) -> str | None:
        """The briefing's fragment `name`, from the record held since an earlier call of
        this build, else from the pack, else made (all at once) and stored."""
        own = self._keys.get(id(briefing))
        if own is None:  # nothing known to key it by: never stored
            return make().get(name)
        key = self._found.get(own)
        if key is None:
            key = self._found[own] = self._key(own)
        held = self._held.get(key)
        if held is not None:
            return self._take(key, held, name)
        data = self._store.get(key)
        found = _decoded(data) if data is not None else None
        if found is None:
            found = make()
            self._store.put(key, encoded(found))
        if name in found and self._room(found, name):
            self._held[key] = found
            return self._take(key, found, name)
        return found.get(name)

    def _room(self, found: dict[str, str], name: str) -> bool:
        """Whether the rest of a record fits in what `_held` may hold: held, a record's
        fragments are each served once more, and the held records cap peak memory."""
        if self._held_chars >= HELD_CHARS:
            return False
        rest = sum(map(len, found.values())) - len(found[name])
        if rest <= 0 or self._held_chars + rest > HELD_CHARS:
            return False
        self._held_chars += rest + len(found[name])
        return True

    def _take(self, key: bytes, held: dict[str, str], name: str) -> str | None:
        """Fragment `name` of a held record, let go: each is shown once a build (a card
        is drawn once and reused; a topic entry is on one topic page). Asked again, it
        is read from the pack, as it was before."""
        made = held.pop(name, None)
        if made is None:
            return self._uncached(key, name)
        self._held_chars -= len(made)
        if not held:
            del self._held[key]
        return made

    def _uncached(self, key: bytes, name: str) -> str | None:
        data = self._store.get(key)
        found = _decoded(data) if data is not None else None
        return found.get(name) if found is not None else None

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
