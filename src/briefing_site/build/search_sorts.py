"""Sorts that span a sharded search index: every shard ranks its pages site-wide.

The search page merges the shards in the browser (Pagefind's `mergeIndex`),
and Pagefind merges their results by score. A sorted search scores a page by
its place in its own bundle's sort list, so shards sorted apart would be
interleaved, not ordered. So each shard's list is rewritten to run over
every page of the site in the order one index of the whole site would give
(Pagefind's: by value, as numbers when every value is one, else as text;
ties in page order, which is path order), with each other shard's page
standing as a number that names no page of this shard (the wasm skips it).
A page's place, and so its score, is then its place in the site, in every
shard. Places leave room after each group of values (the pages of one day),
so a page added to a day with room left moves the places of that day's later
pages only, and a rebuild ranks again only their shards, not every shard (a
new day before the last, or a full one, still moves every later place). A
sort whose order this module cannot reproduce exactly (a value taken from an
element's text, say) is left as Pagefind wrote it.
"""

from __future__ import annotations

import html
import re
import struct
from collections.abc import Iterator, Mapping, Sequence

from briefing_site.build.search_order import read_meta, with_sorts
from briefing_site.model import RenderedFile

_SORT_OPENING = b'data-pagefind-sort="'
_SORT_ATTRIBUTE = re.compile(rb'data-pagefind-sort="([^"]*)"')  # matches start with the opening
_ATTRIBUTE = re.compile(r"^(?P<name>[^\[\]]+)\[(?P<attribute>[^\[\]]+)\]$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_SPACES = re.compile(r"\s+")
# A text sort's values are grouped by their first characters (a date's day, for the
# `YYYY-MM-DD...` values of the theme's sorts), each group given room for more.
_GROUP_CHARS = 10
_ROOM = 4  # a group's places: its pages rounded up to a multiple of this
_MOST_ROOM = 1.5  # no more places than this many times the pages (else plain ranks)


def sort_values(page: bytes) -> dict[str, str]:
    """The page's `data-pagefind-sort` values, read as Pagefind reads them:
    `key:value`, or `key[attribute]` of the same element (not a bare `key`,
    whose value is the element's text: such a sort is left alone)."""
    found: dict[str, str] = {}
    for match in starting_with(page, _SORT_OPENING, _SORT_ATTRIBUTE):
        if not page[match.start() - 1 : match.start()].isspace():
            continue  # part of another attribute's name
        spec = html.unescape(match.group(1).decode("utf-8", "replace"))
        tag = ""
        if "[" in spec:  # the element's own attributes are needed
            start, end = page.rfind(b"<", 0, match.start()), page.find(b">", match.end())
            tag = page[start:end].decode("utf-8", "replace")
        for name, value in _parse(spec, tag):
            found[name] = value
    return found


def starting_with(
    page: bytes, opening: bytes, pattern: re.Pattern[bytes]
) -> Iterator[re.Match[bytes]]:
    """`pattern.finditer(page)`, for a pattern whose every match starts with `opening`:
    each found with `bytes.find`, several times quicker than the regex engine's own
    scan (every briefing page, ~30 KB, is read so for the search index)."""
    at = page.find(opening)
    while at >= 0:
        match = pattern.match(page, at)
        if match is None:
            at = page.find(opening, at + 1)
        else:
            yield match
            at = page.find(opening, match.end())


def _parse(spec: str, tag: str) -> list[tuple[str, str]]:
    if ":" in spec:
        names, _, literal = spec.partition(":")
        pairs = _parse(names, tag) if "," in names else []
        last = names.split(",")[-1].strip()
        return [*pairs[:-1], (last, _SPACES.sub(" ", literal).strip())]
    pairs = []
    for chunk in (part.strip() for part in spec.split(",")):
        found = _ATTRIBUTE.match(chunk)
        if found:
            attribute = re.search(rf'\s{re.escape(found["attribute"])}="([^"]*)"', tag)
            pairs.append((found["name"], html.unescape(attribute.group(1)) if attribute else ""))
    return pairs


def _order(values: list[tuple[str, int]]) -> tuple[list[int], list[str | float]]:
    """Page numbers by value, as Pagefind orders them (stable: ties in page order), and
    in that order each one's group for `_places`: its number, or its text's first
    `_GROUP_CHARS` characters (text order keeps each such group together)."""
    if all(_NUMBER.match(value) for value, _ in values):
        numbers = sorted((_float32(value), n) for value, n in values)
        return [n for _, n in numbers], [number for number, _ in numbers]
    texts = sorted(values, key=lambda item: item[0])
    return [n for _, n in texts], [value[:_GROUP_CHARS] for value, _ in texts]


def _float32(value: str) -> float:
    number: float = struct.unpack("f", struct.pack("f", float(value)))[0]
    return number


Ranks = dict[str, dict[str, int]]  # sort name: page path → its place in the whole site


def site_ranks(pages: Sequence[tuple[str, Mapping[str, str]]]) -> Ranks:
    """Every sort's site-wide places, in the order one index of `pages` (path and sort
    values, in path order, the order such an index numbers them) would have it, with
    room left between groups of values (`_places`)."""
    values = [found for _, found in pages]
    names = {name for found in values for name in found}
    ranks: Ranks = {}
    for name in names:
        order, groups = _order([(v[name], n) for n, v in enumerate(values) if name in v])
        ranks[name] = {pages[n][0]: place for n, place in zip(order, _places(groups), strict=True)}
    return ranks


def _places(groups: Sequence[str | float]) -> list[int]:
    """Places in order, each group of equal values (a day, for a date) given a block of
    the next multiple of `_ROOM` places. A page added to a group with room left moves
    only the pages after it in that group, so only their shards are ranked again, not
    every shard of the site. Where that would more than `_MOST_ROOM`-fold the places
    (a sort of mostly distinct values, or a number), the places are plain ranks."""
    counts: list[int] = []
    for number, group in enumerate(groups):
        if number and group == groups[number - 1]:
            counts[-1] += 1
        else:
            counts.append(1)
    blocks = [-(-count // _ROOM) * _ROOM for count in counts]
    if isinstance(groups[0] if groups else "", float) or sum(blocks) > _MOST_ROOM * len(groups):
        return list(range(len(groups)))
    places: list[int] = []
    start = 0
    for count, block in zip(counts, blocks, strict=True):
        places += range(start, start + count)
        start += block
    return places


def shard_places(paths: Sequence[str], ranks: Ranks) -> str:
    """What `ranked_shard` makes of a shard's files depends on, besides the files: the
    places of its pages in each sort (a key to keep its result by)."""
    return repr([(name, [ranks[name].get(p) for p in paths]) for name in sorted(ranks)])


def ranked_shard(
    paths: Sequence[str], files: Sequence[RenderedFile], ranks: Ranks
) -> list[RenderedFile]:
    """A shard's index files with its sort lists ranked over the whole site.

    `paths` are the shard's pages in the order they were indexed. A shard whose
    meta is not as expected is left alone; so is a sort whose order here is
    not Pagefind's own (a value this module cannot read, say).
    """
    meta = read_meta(files)
    if meta is None or len(paths) != meta.pages:
        return list(files)
    sorts: dict[str, list[int]] = {}
    for name, theirs in meta.sorts.items():
        rank = ranks.get(name, {})
        placed = sorted((rank[p], n) for n, p in enumerate(paths) if p in rank)
        mine = [n for _, n in placed]
        sorts[name] = _spread(placed, meta.pages) if mine == list(theirs) else list(theirs)
    return with_sorts(files, sorts)


def _spread(placed: list[tuple[int, int]], pages: int) -> list[int]:
    """The shard's sort list with each page at its site-wide place: the places between
    hold `pages`, a number that names no page of the shard."""
    ranked: list[int] = []
    for place, number in placed:
        ranked.extend([pages] * (place - len(ranked)))
        ranked.append(number)
    return ranked
