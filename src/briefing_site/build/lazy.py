"""Unchanged articles in memory without their bodies, loaded only when a page needs them.

A rebuild after one edit redraws that briefing's page and the listings that
show it; every other briefing is needed only for what listings, ordering and
warnings read of it: its metadata and its sections' titles (an `ArticleHead`,
kept in the site index). So an unchanged article becomes a `Briefing` (and a
`SourceArticle` and an `Assembled`) holding just those fields; the first read
of any other field (the lede, a section's paragraphs, the placements, the
source text) unpickles the whole article from the build cache and fills them
all in. What the renderer reads is therefore always the real article, by
construction: a page drawn from a lazy briefing is the page drawn from the
assembled one (tests/test_speed_paths.py holds both to a clean build).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from typing import cast

from briefing_site.content.assemble import Assembled
from briefing_site.content.countdown import compute_countdown, next_change
from briefing_site.errors import Problem
from briefing_site.model import Briefing, Countdown, Metadata, Section, SourceArticle

Loader = Callable[[], tuple[SourceArticle, Assembled]]


@dataclass(frozen=True, slots=True)
class ArticleHead:
    """What listings, ordering and warnings read of one assembled article.

    `warnings` are lint's (they depend on the article and the config only);
    None until a build has asked for them (a draft's are asked for only
    when it is shown). The metadata's line numbers (for warnings) are kept
    as two tuples, `line_keys` (most articles share one) and `lines`,
    not as a dict: a build holds every head.

    `countdown` is the briefing's countdown at every build clock from
    `countdown_from` up to (not including) `countdown_until`, in microseconds
    since the epoch (see `countdown_at`): its text changes by the day, or by
    the minute near the event, so a rebuild within that span takes it as it is
    instead of working it out again (at 10,000 briefings, ~0.1 s of every rebuild).
    """

    meta: Metadata
    source: str
    sections: tuple[tuple[str, str], ...]  # each section's topic and title, in page order
    path: str
    metadata_path: str
    line_keys: tuple[str, ...]
    lines: tuple[int, ...]
    warnings: tuple[Problem, ...] | None = None
    countdown: Countdown | None = None
    countdown_from: int = 0
    countdown_until: int = 0

    def __setstate__(self, state: tuple[object, ...]) -> None:
        """Unpickled as `dataclasses` would, without looking its fields up each time:
        the site index holds one head per article (see `fast_setstate`)."""
        fast_setstate(self, _HEAD_FIELDS, state)

    def countdown_at(self, now: datetime) -> Countdown | None:
        """The briefing's countdown at build clock `now`, as `with_clock` gives it:
        the one kept, while `now` is within the span it holds for."""
        event = self.meta.event
        if event is None:
            return None
        kept = self.countdown
        if (
            kept is not None
            and self.countdown_from <= _clock_microseconds(now) < self.countdown_until
        ):
            return kept
        return compute_countdown(event, now)

    def with_countdown(self, countdown: Countdown | None, now: datetime) -> ArticleHead:
        """This head keeping `countdown`, the briefing's at build clock `now`, with the span
        of clocks it holds for (`countdown.next_change`); itself if it keeps that already."""
        event = self.meta.event
        if event is None or countdown is None:
            return self
        at = _clock_microseconds(now)
        if countdown is self.countdown and self.countdown_from <= at < self.countdown_until:
            return self
        until = microseconds(next_change(event, now, countdown))
        return replace(self, countdown=countdown, countdown_from=at, countdown_until=until)

    @property
    def metadata_lines(self) -> dict[str, int]:
        """The line of each top-level metadata key, as `SourceArticle.metadata_lines`."""
        return dict(zip(self.line_keys, self.lines, strict=True))

    @classmethod
    def of(
        cls,
        article: SourceArticle,
        briefing: Briefing,
        warnings: tuple[Problem, ...] | None = None,
    ) -> ArticleHead:
        return cls(
            briefing.meta,
            briefing.source,
            tuple((s.topic, s.title) for s in briefing.sections),
            article.path,
            article.metadata_path,
            tuple(article.metadata_lines),
            tuple(article.metadata_lines.values()),
            warnings,
        )

    def share(self, pool: Pool, path: str | None = None) -> None:
        """Take the parts many articles repeat (tags, section names, the metadata's
        keys) from `pool`: a build holds every head, and each comes from a worker
        as a copy of its own. Its article's path (and the briefing's source, the
        same path) becomes `path`, the string this process already holds for the
        article, when they are equal. In place (`own_update`): only for a head
        nothing else holds yet, as a worker's; each value swapped in equals its own."""
        meta = self.meta
        path = path if path == self.path else self.path
        tags = pool.strings(meta.tags)
        names = tags if meta.tag_names == meta.tags else pool.strings(meta.tag_names)
        if meta.event is not None:
            own_update(meta.event, timezone=pool.string(meta.event.timezone))
        own_update(meta, tags=tags, tag_names=names)
        own_update(
            self,
            sections=pool.pairs(self.sections),
            line_keys=pool.strings(self.line_keys),
            path=path,
            source=path if self.source == path else self.source,
            metadata_path=path if self.metadata_path == path else self.metadata_path,
        )


def own_update(instance: object, **changes: object) -> None:
    """Set fields of a frozen dataclass in place, instead of copying it with them.

    Only for an object nothing else holds or has read yet: what a worker hands
    back (unpickled, this process's own copy; or, run in this process, made and
    let go by the worker). The build keeps such results with their strings and
    tuples swapped for the equal ones it keeps once (`Pool`) and their bulky
    parts let go; copies (`dataclasses.replace`) cost a cold build at 10,000
    briefings ~70,000 of them.
    """
    for name, value in changes.items():
        object.__setattr__(instance, name, value)


_HEAD_FIELDS = tuple(f.name for f in fields(ArticleHead))
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def microseconds(moment: datetime) -> int:
    """An aware instant as whole microseconds since the epoch (exact: no float)."""
    return (moment - _EPOCH) // _MICROSECOND


# The build clock in microseconds, asked of every briefing's head twice a rebuild
# (`countdown_at`, `with_countdown`): found once per clock, not 20,000 times at
# 10,000 briefings (a subtraction of aware datetimes costs about a microsecond); a
# build asks for one or two clocks, so a few entries are enough.
_clock_microseconds = functools.lru_cache(maxsize=4)(microseconds)


def fast_setstate(instance: object, names: tuple[str, ...], state: tuple[object, ...]) -> None:
    """A frozen, slotted dataclass's `__setstate__` over its field `names`, found once.

    `dataclasses`' own looks the fields up for every object it unpickles; a build
    unpickles tens of thousands (the site index's records and heads)."""
    for name, value in zip(names, state, strict=True):
        object.__setattr__(instance, name, value)


class Pool:
    """Equal strings, and tuples of them, kept once (see `ArticleHead.shared`).

    Only strings and tuples of strings go in, so no two values of different
    types are ever taken for one another (as `1 == True` would).
    """

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._pairs: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}
        self._pair: dict[tuple[str, str], tuple[str, str]] = {}

    def string(self, value: str) -> str:
        return self._strings.setdefault(value, value)

    def strings(self, value: tuple[str, ...]) -> tuple[str, ...]:
        found = self._tuples.get(value)
        if found is None:
            found = self._tuples[value] = tuple(map(self.string, value))
        return found

    def pair(self, value: tuple[str, str]) -> tuple[str, str]:
        """One (name, value) pair, kept once: a page's search sort values (its day
        of publication is shared with every briefing of that day)."""
        found = self._pair.get(value)
        if found is None:
            found = (self.string(value[0]), self.string(value[1]))
            self._pair[found] = found
        return found

    def pairs(self, value: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        found = self._pairs.get(value)
        if found is None:
            made = tuple((self.string(a), self.string(b)) for a, b in value)
            found = self._pairs[value] = made
        return found


class _Full:
    """The whole article, loaded once and shared by its lazy parts."""

    __slots__ = ("_found", "_load")

    def __init__(self, load: Loader) -> None:
        self._load = load
        self._found: tuple[SourceArticle, Assembled] | None = None

    def get(self) -> tuple[SourceArticle, Assembled]:
        if self._found is None:
            self._found = self._load()
        return self._found


class _Load:
    """A field of a lazy object: read from the full object, once, on first use.

    A non-data descriptor, so the fields an instance was made with (in its
    `__dict__`) are read directly and never load anything. It stands for every
    field, with a default in the dataclass or not, so no default is ever
    mistaken for the article's value.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> object:
        if instance is None:
            return self
        full = instance._full()  # type: ignore[attr-defined]
        for field in fields(full):
            if field.name not in instance.__dict__:
                object.__setattr__(instance, field.name, getattr(full, field.name))
        return instance.__dict__[self.name]


class _Lazy:
    """A dataclass's subclass whose every field is a `_Load` until it is filled in.

    Each instance holds only the shared `_Full` (`_whole`), and its class says
    which part of the whole article it stands for (`_full`): no closure per
    object, for a build keeps thousands of them.
    """

    _whole: _Full

    def _full(self) -> object:
        raise NotImplementedError

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        for field in fields(cls):  # type: ignore[arg-type]
            if field.name in cls.__dict__:  # the class reads it otherwise
                continue
            loader = _Load()
            loader.__set_name__(cls, field.name)
            setattr(cls, field.name, loader)


class LazyBriefing(_Lazy, Briefing):
    """A Briefing whose lede and placements load on first use."""

    def _full(self) -> object:
        return self._whole.get()[1].briefing


class LazySection(_Lazy, Section):
    """A Section whose paragraphs load on first use."""

    _index: int  # its place in the briefing's sections

    def _full(self) -> object:
        return self._whole.get()[1].briefing.sections[self._index]


class _HeadLines:
    """`LazyArticle.metadata_lines`, made from its head on each read, never kept
    (a non-data descriptor: once the whole article is loaded, its own are read)."""

    def __get__(self, instance: object, owner: type | None = None) -> object:
        if instance is None:
            return self
        return instance._head.metadata_lines  # type: ignore[attr-defined]


class LazyArticle(_Lazy, SourceArticle):
    """A SourceArticle whose text and metadata load on first use (the metadata's
    line numbers are its head's)."""

    _head: ArticleHead
    metadata_lines = _HeadLines()  # type: ignore[assignment]

    def _full(self) -> object:
        return self._whole.get()[0]


class LazyAssembled(_Lazy, Assembled):
    """An Assembled briefing whose dropped paragraphs load on first use."""

    def _full(self) -> object:
        return self._whole.get()[1]


# Lazy objects are made field by field, each class's fields always in one order: a
# dict set whole would not share its keys with the class's other instances, ~400
# bytes more a briefing (`test_streaming`'s memory test).
_new = object.__new__
_set = object.__setattr__


def _lazy_section(whole: _Full, topic: str, title: str, index: int) -> Section:
    """A `LazySection` holding its topic and title: an unchanged article of four sections
    is seven lazy objects, and a rebuild at 10,000 briefings makes ~70,000, so each is
    set up here directly, not from a dict of its fields."""
    made = _new(LazySection)
    _set(made, "_whole", whole)
    _set(made, "topic", topic)
    _set(made, "title", title)
    _set(made, "_index", index)
    return cast(Section, made)


def unchanged_article(
    head: ArticleHead,
    load: Loader,
    now: datetime,
    sections: tuple[Section, ...] | None = None,
) -> tuple[SourceArticle, Assembled]:
    """The article and its briefing at `now`, as `assemble` + `with_clock` would give them
    (its `sections` those given, else each loaded with the whole article on first use)."""
    whole = _Full(load)
    if sections is None:
        sections = tuple(
            [
                _lazy_section(whole, topic, title, i)
                for i, (topic, title) in enumerate(head.sections)
            ]
        )
    briefing = _new(LazyBriefing)
    _set(briefing, "_whole", whole)
    _set(briefing, "meta", head.meta)
    _set(briefing, "source", head.source)
    _set(briefing, "sections", sections)
    _set(briefing, "countdown", head.countdown_at(now))
    assembled = _new(LazyAssembled)
    _set(assembled, "_whole", whole)
    _set(assembled, "briefing", briefing)
    article = _new(LazyArticle)
    _set(article, "_whole", whole)
    _set(article, "path", head.path)
    _set(article, "metadata_path", head.metadata_path)
    _set(article, "_head", head)
    return article, assembled
