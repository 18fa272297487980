"""Listing pages: the archive, one page per topic and per tag, split into pages.

Pure data, no HTML: a Site in, numbered pages out, each with its output path,
so the renderer only fills templates. The archive keeps the home page's order
(upcoming events soonest first, then the rest newest first); topic and tag
pages gather their entries newest first by publication date. Page 1 lives at
the listing's own URL and page n at `<listing>/page/n/`, so links stay stable.

Every listing comes from one sort and one pass over the briefings, so a site of
10,000 briefings costs O(n log n), never a scan of the site per topic or tag.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

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


@dataclass(frozen=True)
class Listing:
    """A whole listing before it is split into pages."""

    kind: ListingKind
    key: str
    title: str
    folder: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class ListPage:
    """One page of a listing: its entries and where it and its neighbours live."""

    listing: Listing
    number: int
    count: int
    entries: tuple[Entry, ...]
    path: str
    previous: str | None
    next: str | None
    offset: int
    """How many entries earlier pages hold (an ordered list starts at offset + 1)."""

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
            entries=listing.entries[(number - 1) * size : number * size],
            path=page_path(listing.folder, number),
            previous=page_path(listing.folder, number - 1) if number > 1 else None,
            next=page_path(listing.folder, number + 1) if number < count else None,
            offset=(number - 1) * size,
        )


def newest_first(briefings: Sequence[Briefing]) -> list[Briefing]:
    """By publication date (else event start), newest first; undated last; slug breaks ties."""

    def key(b: Briefing) -> tuple[bool, float, str]:
        when = b.meta.date or (b.meta.event.start if b.meta.event else None)
        return (when is None, -when.timestamp() if when else 0.0, b.meta.slug)

    return sorted(briefings, key=key)


def listings(site: Site) -> list[Listing]:
    """The archive, every configured topic (even an empty one), every tag in use."""
    by_topic: dict[str, list[Entry]] = {topic.name: [] for topic in site.config.topics}
    by_tag: dict[str, list[Entry]] = {}
    spellings: dict[str, Counter[str]] = {}
    for briefing in newest_first(site.briefings):
        for section in briefing.sections:
            listed = by_topic.get(section.topic)
            if listed is None:
                listed = by_topic[section.topic] = []
            listed.append(Entry(briefing, section))
        alone = Entry(briefing)  # one tuple for all its tags: entries are never changed
        for tag, name in briefing.meta.named_tags:
            tagged = by_tag.get(tag)
            if tagged is None:  # (not setdefault: that makes a list and a Counter every time)
                tagged = by_tag[tag] = []
                spellings[tag] = Counter()
            tagged.append(alone)
            spellings[tag][name] += 1
    archive = Listing(
        "archive", "", "All briefings", ARCHIVE_DIR, tuple(Entry(b) for b in site.briefings)
    )
    found = [archive]
    for topic in site.config.topics:
        entries = tuple(by_topic[topic.name])
        found.append(Listing("topic", topic.name, topic.title, topic_dir(topic.name), entries))
    for tag in sorted(by_tag):
        # The most common spelling; on a tie, the newest briefing's (counted first).
        title = spellings[tag].most_common(1)[0][0]
        found.append(Listing("tag", tag, title, tag_dir(tag), tuple(by_tag[tag])))
    return found


def pages(site: Site) -> Iterator[ListPage]:
    """Every page of every listing, at the site's configured page size."""
    for listing in listings(site):
        yield from paginate(listing, site.config.page_size)
