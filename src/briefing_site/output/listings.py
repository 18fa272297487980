"""Listing pages: the archive, one page per topic and per tag, split into pages.

Pure data, no HTML: a Site in, numbered pages out, each with its output path,
so the renderer only fills templates. The archive keeps the home page's order
(upcoming events that go ahead soonest first, then called-off ones, then the rest
newest first: see `order_briefings`); topic and tag
pages gather their entries newest first by publication date. Page 1 lives at
the listing's own URL and page n at `<listing>/page/n/`, so links stay stable.

Every listing comes from one sort and one pass over the briefings, so a site of
10,000 briefings costs O(n log n), never a scan of the site per topic or tag.
A listing keeps its entries as numbers (`Entries`), each made when its page is
drawn: every briefing is on the archive, four topic pages and its tags' pages,
and the listings are held while all their pages are drawn.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, overload

from briefing_site.model import Briefing, Section, Site
from briefing_site.output.urls import ARCHIVE_DIR, tag_dir, topic_dir

ListingKind = Literal["archive", "topic", "tag"]


class Entry(NamedTuple):
    """One item of a listing: a briefing, and on a topic page its section of that topic.

    A named tuple, not a frozen dataclass: a site makes one per briefing per
    topic and tag on every build (and on every save in `serve`), and a tuple is
    several times cheaper to make.
    """

    briefing: Briefing
    section: Section | None = None


class Entries(Sequence[Entry]):
    """A listing's entries as places in the site's newest-first order (and, on a topic
    page, the number of each briefing's section), an `Entry` made when one is read.

    Arrays of numbers instead of a tuple of entries: 4 bytes an entry (8 on a
    topic page), not about 70. A section is the briefing's own object
    (`briefing.sections[n]`), so an entry compares and renders as the one it
    stands for.
    """

    __slots__ = ("_at", "_briefings", "_sections")

    def __init__(
        self, briefings: Sequence[Briefing], at: array[int], sections: array[int] | None = None
    ) -> None:
        self._briefings, self._at, self._sections = briefings, at, sections

    def __len__(self) -> int:
        return len(self._at)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...

    def __getitem__(self, index: int | slice) -> Entry | tuple[Entry, ...]:
        if isinstance(index, slice):
            return tuple(map(self._entry, range(*index.indices(len(self._at)))))
        return self._entry(range(len(self._at))[index])

    def briefings(self, start: int, stop: int) -> tuple[Briefing, ...]:
        """The briefings of entries `start` to `stop`, without making the entries: a
        rebuild keys every listing page by its briefings, and draws only a few."""
        return tuple(map(self._briefings.__getitem__, self._at[start:stop]))

    def _entry(self, i: int) -> Entry:
        briefing = self._briefings[self._at[i]]
        if self._sections is None:
            return Entry(briefing)
        return Entry(briefing, briefing.sections[self._sections[i]])


@dataclass(frozen=True)
class Listing:
    """A whole listing before it is split into pages."""

    kind: ListingKind
    key: str
    title: str
    folder: str
    entries: Entries


@dataclass(frozen=True)
class ListPage:
    """One page of a listing: its entries and where it and its neighbours live."""

    listing: Listing
    number: int
    count: int
    path: str
    previous: str | None
    next: str | None
    offset: int
    """How many entries earlier pages hold (an ordered list starts at offset + 1)."""
    size: int  # the most entries a page holds

    @functools.cached_property
    def entries(self) -> tuple[Entry, ...]:
        """This page's entries, made when it is drawn (`briefings` keys it)."""
        return self.listing.entries[self.offset : self.offset + self.size]

    @property
    def briefings(self) -> tuple[Briefing, ...]:
        """The briefings of this page's entries, in order."""
        return self.listing.entries.briefings(self.offset, self.offset + self.size)

    def links(self, around: int = 2) -> tuple[tuple[int, str | None], ...]:
        """Page numbers to link: first, last, and `around` either side; 0 marks a gap.

        A window, not every number, so 500 pages do not each carry 500 links.
        """
        shown = sorted(
            {
                1,
                self.count,
                *range(max(1, self.number - around), min(self.count, self.number + around) + 1),
            }
        )
        out: list[tuple[int, str | None]] = []
        for n in shown:
            if out and n - out[-1][0] > 1:
                out.append((0, None))
            out.append((n, page_path(self.listing.folder, n)))
        return tuple(out)


def page_path(folder: str, number: int) -> str:
    """Output path of page `number` of the listing in `folder` (page 1 is the folder itself)."""
    return f"{folder}index.html" if number == 1 else f"{folder}page/{number}/index.html"


def paginate(listing: Listing, size: int) -> Iterator[ListPage]:
    """The listing's pages; an empty listing still has its page 1."""
    total = len(listing.entries)
    count = max(1, -(-total // size))
    for number in range(1, count + 1):
        yield ListPage(
            listing=listing,
            number=number,
            count=count,
            path=page_path(listing.folder, number),
            previous=page_path(listing.folder, number - 1) if number > 1 else None,
            next=page_path(listing.folder, number + 1) if number < count else None,
            offset=(number - 1) * size,
            size=size,
        )


def newest_first(briefings: Sequence[Briefing]) -> list[Briefing]:
    """By publication date (else event start), newest first; undated last; slug breaks ties.

    `feeds.entries` merges its dated briefings in this order as the feed's order:
    change one and the other must follow."""

    def key(b: Briefing) -> tuple[bool, float, str]:
        when = b.meta.date or (b.meta.event.start if b.meta.event else None)
        return (when is None, -when.timestamp() if when else 0.0, b.meta.slug)

    return sorted(briefings, key=key)


def listings(site: Site, newest: Sequence[Briefing] | None = None) -> list[Listing]:
    """The archive, every configured topic (even an empty one), every tag in use
    (`newest`: the site's briefings as `newest_first` orders them, if sorted already)."""
    newest = newest_first(site.briefings) if newest is None else newest
    by_topic: dict[str, tuple[array[int], array[int]]] = {
        topic.name: (array("I"), array("I")) for topic in site.config.topics
    }
    by_tag: dict[str, array[int]] = {}
    spellings: dict[str, dict[str, int]] = {}  # tag: each spelling's count, in order met
    for at, briefing in enumerate(newest):
        for number, section in enumerate(briefing.sections):
            listed = by_topic.get(section.topic)
            if listed is None:
                listed = by_topic[section.topic] = (array("I"), array("I"))
            listed[0].append(at)
            listed[1].append(number)
        meta = briefing.meta  # (`named_tags` without its tuple: a pass over the site)
        for tag, name in zip(meta.tags, meta.tag_names or meta.tags, strict=True):
            tagged = by_tag.get(tag)
            if tagged is None:  # (not setdefault: that makes an array and a dict every time)
                tagged = by_tag[tag] = array("I")
                spellings[tag] = {}
            tagged.append(at)
            counts = spellings[tag]
            counts[name] = counts.get(name, 0) + 1
    everything = array("I", range(len(site.briefings)))  # the site's own order
    found = [
        Listing("archive", "", "All briefings", ARCHIVE_DIR, Entries(site.briefings, everything))
    ]
    for topic in site.config.topics:
        entries = Entries(newest, *by_topic[topic.name])
        found.append(Listing("topic", topic.name, topic.title, topic_dir(topic.name), entries))
    for tag in sorted(by_tag):
        # The most common spelling; on a tie, the newest briefing's (counted first: `max`
        # gives the first of equals).
        counts = spellings[tag]
        title = max(counts, key=counts.__getitem__)
        found.append(Listing("tag", tag, title, tag_dir(tag), Entries(newest, by_tag[tag])))
    return found


def pages(site: Site, newest: Sequence[Briefing] | None = None) -> Iterator[ListPage]:
    """Every page of every listing, at the site's configured page size (`listings`)."""
    for listing in listings(site, newest):
        yield from paginate(listing, site.config.page_size)
