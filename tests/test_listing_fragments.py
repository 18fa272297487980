"""The listings' stored fragments within one build (`build.fragments.StoredFragments`).

A briefing's record holds its card and every topic entry; the listings ask for
them one at a time, each on another page. A record is read and decoded once a
build and let go as its fragments are served, within a bound on what is held.
"""

from __future__ import annotations

import pickle

import pytest

from briefing_site.build import fragments
from briefing_site.build.cache import MemoryStore
from briefing_site.model import Block, Briefing, Metadata, Paragraph, Placement, Section


class CountingStore(MemoryStore):
    """The serve command's real in-memory store, with its reads counted."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get(self, key: bytes) -> bytes | None:
        self.reads += 1
        return super().get(key)


def briefing(slug: str) -> Briefing:
    return Briefing(
        meta=Metadata(title=slug.title(), slug=slug),
        source=slug,
        lede=(),
        sections=(),
        placements=(),
    )


def record(slug: str, entries: int) -> dict[str, str]:
    made = {"card": f"<article>{slug} card</article>"}
    made.update({f"topic{n}": f"<li>{slug} entry {n}</li>" for n in range(entries)})
    return made


def stored(
    store: CountingStore, briefings: list[Briefing], entries: int
) -> fragments.StoredFragments:
    """Fragments keyed as a build keys them, each briefing's record already in `store`."""
    keys = {id(b): b.meta.slug.encode().ljust(32, b".") for b in briefings}
    found = fragments.StoredFragments(store, b"base", keys)
    for b in briefings:
        store.put(
            fragments.record_key(b"base", keys[id(b)]),
            fragments.encoded(record(b.meta.slug, entries)),
        )
    store.reads = 0
    return found


def never_made() -> dict[str, str]:
    raise AssertionError("a stored record was drawn again")


def test_each_record_is_read_once_a_build_and_every_fragment_served_as_stored() -> None:
    store = CountingStore()
    briefings = [briefing(f"b{n}") for n in range(20)]
    found = stored(store, briefings, entries=3)
    names = ["card", "topic0", "topic1", "topic2"]
    for name in names:  # as the listings ask: one listing (all briefings) after another
        for b in briefings:
            assert found.get(b, name, never_made) == record(b.meta.slug, 3)[name]
    assert store.reads == len(briefings)
    assert found._held == {} and found._held_chars == 0  # all served: nothing kept


def test_a_fragment_asked_again_or_missing_is_still_right() -> None:
    store = CountingStore()
    b = briefing("again")
    found = stored(store, [b], entries=2)
    assert found.get(b, "topic1", never_made) == "<li>again entry 1</li>"
    assert found.get(b, "topic1", never_made) == "<li>again entry 1</li>"  # from the store
    assert found.get(b, "topic7", never_made) is None
    assert found.get(b, "card", never_made) == "<article>again card</article>"


def test_what_is_held_stays_within_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the bound, records are read again on each use, never held, and the
    fragments served are the same."""
    one = sum(map(len, record("b00", 3).values()))
    monkeypatch.setattr(fragments, "HELD_CHARS", 5 * one)
    store = CountingStore()
    briefings = [briefing(f"b{n:02}") for n in range(20)]
    found = stored(store, briefings, entries=3)
    peak = 0
    for name in ["card", "topic0", "topic1", "topic2"]:
        for b in briefings:
            assert found.get(b, name, never_made) == record(b.meta.slug, 3)[name]
            peak = max(peak, found._held_chars)
    assert peak <= 5 * one
    assert len(briefings) < store.reads < 4 * len(briefings)


def test_a_record_not_stored_is_made_once_and_stored() -> None:
    store = CountingStore()
    b = briefing("new")
    found = fragments.StoredFragments(store, b"base", {id(b): b"n" * 32})
    made: list[int] = []

    def make() -> dict[str, str]:
        made.append(1)
        return record("new", 2)

    assert [found.get(b, name, make) for name in ["card", "topic0", "topic1"]] == list(
        record("new", 2).values()
    )
    assert made == [1]
    assert fragments._decoded(store.get(fragments.record_key(b"base", b"n" * 32)) or b"") == record(
        "new", 2
    )


def test_the_model_unpickles_as_dataclasses_would() -> None:
    """The slotted dataclasses' quick `__setstate__` gives equal objects, every field set."""
    paragraph = Paragraph(number=3, line=7, text="Hello", heading="Economy", doubt="odd")
    placement = Placement(paragraph, "economy", "heading", (("economy", 0.5),), ("trade",), 0.25)
    section = Section(topic="economy", title="Economy", blocks=(Block(3, "<p>Hello</p>", "Sub"),))
    meta = Metadata(title="T", slug="t", tags=("a",), tag_names=("A",), draft=True, keep=(2,))
    for value in (paragraph, placement, section, meta):
        again = pickle.loads(pickle.dumps(value))
        assert again == value and again is not value
