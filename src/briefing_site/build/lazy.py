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

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime

from briefing_site.content.assemble import Assembled
from briefing_site.content.countdown import compute_countdown
from briefing_site.errors import Problem
from briefing_site.model import Briefing, Metadata, Section, SourceArticle

Loader = Callable[[], tuple[SourceArticle, Assembled]]


@dataclass(frozen=True)
class ArticleHead:
    """What listings, ordering and warnings read of one assembled article.

    `warnings` are lint's (they depend on the article and the config only);
    None until a build has asked for them (a draft's are asked for only
    when it is shown).
    """

    meta: Metadata
    source: str
    sections: tuple[tuple[str, str], ...]  # each section's topic and title, in page order
    path: str
    metadata_path: str
    metadata_lines: dict[str, int]
    warnings: tuple[Problem, ...] | None = None

    @classmethod
    def of(cls, article: SourceArticle, briefing: Briefing) -> ArticleHead:
        return cls(
            briefing.meta,
            briefing.source,
            tuple((s.topic, s.title) for s in briefing.sections),
            article.path,
            article.metadata_path,
            dict(article.metadata_lines),
        )


class _Full:
    """The whole article, loaded once and shared by its lazy parts."""

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
    """A dataclass's subclass whose every field is a `_Load` until it is filled in."""

    _full: Callable[[], object]

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        for field in fields(cls):  # type: ignore[arg-type]
            loader = _Load()
            loader.__set_name__(cls, field.name)
            setattr(cls, field.name, loader)


class LazyBriefing(_Lazy, Briefing):
    """A Briefing whose lede and placements load on first use."""


class LazySection(_Lazy, Section):
    """A Section whose paragraphs load on first use."""


class LazyArticle(_Lazy, SourceArticle):
    """A SourceArticle whose text and metadata load on first use."""


class LazyAssembled(_Lazy, Assembled):
    """An Assembled briefing whose dropped paragraphs load on first use."""


def _make(cls: type[_Lazy], full: Callable[[], object], **light: object) -> object:
    made = object.__new__(cls)
    object.__setattr__(made, "_full", full)
    for name, value in light.items():
        object.__setattr__(made, name, value)
    return made


def unchanged_article(
    head: ArticleHead, load: Loader, now: datetime
) -> tuple[SourceArticle, Assembled]:
    """The article and its briefing at `now`, as `assemble` + `with_clock` would give them."""
    whole = _Full(load)

    def section(index: int) -> Callable[[], object]:
        return lambda: whole.get()[1].briefing.sections[index]

    sections = tuple(
        _make(LazySection, section(i), topic=topic, title=title)
        for i, (topic, title) in enumerate(head.sections)
    )
    event = head.meta.event
    briefing = _make(
        LazyBriefing,
        lambda: whole.get()[1].briefing,
        meta=head.meta,
        source=head.source,
        sections=sections,
        countdown=compute_countdown(event, now) if event else None,
    )
    assembled = _make(LazyAssembled, lambda: whole.get()[1], briefing=briefing)
    article = _make(
        LazyArticle,
        lambda: whole.get()[0],
        path=head.path,
        metadata_path=head.metadata_path,
        metadata_lines=head.metadata_lines,
    )
    return article, assembled  # type: ignore[return-value]
