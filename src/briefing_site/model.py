"""The data that flows down the pipeline: plain frozen dataclasses, no behaviour.

Each stage takes these and returns new ones; nothing is filled in over several
steps, so a stage can run on one article in a worker process and be cached.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Literal, get_args

CountdownState = Literal["upcoming", "today", "past"]
EventStatus = Literal["scheduled", "postponed", "cancelled", "rescheduled", "moved-online"]
"""An event's `event.status`, as schema.org's EventStatusType names it (see eventstatus.SCHEMA_NAME)."""

# Read from the Literal, so the two cannot drift (its order is the order errors list them).
EVENT_STATUSES: tuple[EventStatus, ...] = get_args(EventStatus)
HALTED: frozenset[EventStatus] = frozenset({"postponed", "cancelled"})
"""Statuses with no time to count to: the countdown says the status instead."""


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem or a paragraph comes from; line 0 means the whole file."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Topic:
    """A topic section: its page title, heading aliases and classifier cues.

    `words` are lower-case words or phrases and `patterns` are regular
    expressions, each with a weight; both come from data (YAML), never code.
    """

    name: str
    title: str
    aliases: tuple[str, ...] = ()
    words: tuple[tuple[str, float], ...] = ()
    patterns: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class SiteConfig:
    """The typed contents of `briefing.yaml` (every key has a default)."""

    title: str = "Briefings"
    description: str = ""
    base_url: str = "/"
    language: str = "en"
    timezone: str = "UTC"
    author: str = ""
    topics: tuple[Topic, ...] = ()
    junk_patterns: tuple[str, ...] = ()
    page_size: int = 20
    publisher: str = ""  # the JSON-LD publisher; empty means the site title
    image: str = ""  # the default share image: an absolute URL or an output path
    cname: str = ""  # a custom domain for GitHub Pages, written to CNAME
    google_news: bool = False  # also write news-sitemap.xml
    search: bool = True  # a Pagefind index, the /search/ page and the masthead search box
    search_shard_size: int = 100  # pages per search index shard at most (see build/search_shards)
    # Pass authors' raw HTML through unsanitised: only for sites whose every author is trusted.
    allow_raw_html_unsafe: bool = False
    # The site's own topics left with no cue words and no `words:` key (`words: []` says
    # "placed by headings only" on purpose), each with its line in briefing.yaml: what
    # `lint.cueless_topics` warns about. Not a setting: left out of comparisons.
    unworded_topics: tuple[tuple[str, int], ...] = field(
        default=(),
        compare=False,
        metadata={"template": False},  # for the linter, not pages
    )


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Event:
    """A scheduled event. `start`/`end` are aware datetimes in `timezone`.

    A rescheduled one may say when it was first due (`previous_start`); a postponed
    one has no new date, so its `start` is the date it was due.

    A date-only event is `all_day`: it starts at 00:00 in its zone and its
    `end`, if any, is 00:00 of its last day.
    """

    name: str
    start: datetime
    timezone: str
    end: datetime | None = None
    all_day: bool = False
    location: str = ""
    also_in: tuple[str, ...] = ()
    status: EventStatus = "scheduled"
    # A rescheduled event's start before it moved (same kind as `start`, in `timezone`).
    previous_start: datetime | None = None

    @property
    def halted(self) -> bool:
        """Cancelled or postponed: its start is no longer a time anyone should count to."""
        return self.status in HALTED


@dataclass(frozen=True, slots=True)
class Metadata:
    """An article's validated metadata (front matter or sidecar)."""

    title: str
    slug: str
    summary: str = ""
    date: datetime | None = None
    updated: datetime | None = None
    event: Event | None = None
    people: tuple[Person, ...] = ()
    tags: tuple[str, ...] = ()  # slugs: they name the tag pages' URLs
    tag_names: tuple[str, ...] = ()  # each tag as the editor wrote it (empty: the slugs)
    sources: tuple[Source, ...] = ()
    draft: bool = False
    sections: tuple[tuple[str, tuple[int, ...]], ...] = ()
    drop: tuple[int, ...] = ()  # paragraphs the editor leaves out
    keep: tuple[int, ...] = ()  # paragraphs kept though the junk filter would drop them
    image: str = ""
    author: str = ""
    language: str = ""  # BCP 47, when the article is not in the site's language

    @property
    def named_tags(self) -> tuple[tuple[str, str], ...]:
        """(slug, spelling) for each tag: the URL and the words a reader sees."""
        return tuple(zip(self.tags, self.tag_names or self.tags, strict=True))

    def public_at(self, now: datetime) -> bool:
        """Whether readers may see it at `now`: not a draft, not dated later.

        A `--drafts` preview shows the others too, but the feeds and sitemaps
        list only these: a preview must never announce what is not out yet.
        """
        return not self.draft and (self.date is None or self.date <= now)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the article body, numbered from 1 in file order.

    `heading` is the Markdown heading the block sits under, if any; it is how
    an editor's `## Economy` reaches the sectioner. `truncated` is set by the
    loader for a line cut off mid-sentence at the copy's wrap width; `prose`
    and `doubt` by the junk filter: whether the block reads as prose (the
    lede is the first that does) and why a kept block looked like furniture.
    `items` are the lines of a bulleted list that raw text keeps as one block, so the
    page shows it one item a line (the text joins them, as it does wrapped lines).
    """

    number: int
    line: int
    text: str
    heading: str | None = None
    truncated: bool = False
    prose: bool = True
    doubt: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceArticle:
    """An article as read from disk: metadata not yet validated, body split."""

    path: str
    metadata: dict[str, object]
    metadata_lines: dict[str, int]
    metadata_path: str
    paragraphs: tuple[Paragraph, ...]
    markdown: bool
    # YAML syntax errors found while reading the metadata: (line, message, the
    # top-level key on that line or ""). The rest of the file still parsed, so
    # validation reports them with its own problems.
    metadata_errors: tuple[tuple[int, str, str], ...] = ()
    # What is wrong with a raw-text article's own file (line, message), at `path`: it
    # is empty, or no UTF-8. Reported with its sidecar's problems.
    text_errors: tuple[tuple[int, str], ...] = ()
    # Markdown blocks that were only an HTML comment: not shown, but each keeps the
    # paragraph number it had, so `sections:`, `drop:` and `keep:` numbers stay put.
    comments: tuple[Paragraph, ...] = ()


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a paragraph went and why (`explain` prints this)."""

    paragraph: Paragraph
    topic: str
    reason: str
    scores: tuple[tuple[str, float], ...] = ()
    cues: tuple[str, ...] = ()
    confidence: float = 1.0
    """1.0 for an override or a heading; the classifier's margin (0..1) otherwise."""


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph ready for the page: its number and its sanitised HTML."""

    number: int
    html: str
    subheading: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    topic: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Countdown:
    """The event's countdown at build time.

    `window_start`/`window_end` bound the event's own calendar day(s) in its
    zone: before the window it is upcoming, inside it today, after it past.
    """

    state: CountdownState
    text: str
    target: datetime
    window_start: datetime
    window_end: datetime
    timezone: str


@dataclass(frozen=True)
class Briefing:
    """One article, fully assembled for rendering."""

    meta: Metadata
    source: str
    lede: tuple[Block, ...]
    sections: tuple[Section, ...]
    placements: tuple[Placement, ...]
    countdown: Countdown | None = None


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs: config, the build clock, the briefings."""

    config: SiteConfig
    now: datetime
    briefings: tuple[Briefing, ...] = field(default=())

    @property
    def today(self) -> datetime:
        """00:00 of the build clock's date in its own offset: the clock as most output shows it.

        The footer prints this date, and undated feed entries, generated pages'
        sitemap `lastmod` and calendar DTSTAMPs use it, so builds on one day agree.
        """
        return self.now.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class RenderedFile:
    """A file of the output, by its POSIX path relative to the output root."""

    path: str
    data: bytes


def _fast_setstate(names: tuple[str, ...]) -> Callable[[object, Sequence[object]], None]:
    """A slotted dataclass's `__setstate__` over its field `names`, found once.

    `dataclasses`' own looks the fields up for every object it unpickles, and a
    rebuild unpickles tens of thousands of these (each article's metadata,
    paragraphs, sections and blocks, from the build cache and the workers). The
    state is the same list of field values in field order, so pickles made
    before still load."""
    setter = object.__setattr__

    def setstate(self: object, state: Sequence[object]) -> None:
        for name, value in zip(names, state, strict=False):
            setter(self, name, value)

    return setstate


_SLOTTED: tuple[type, ...] = (
    Location,
    Person,
    Source,
    Event,
    Metadata,
    Paragraph,
    Placement,
    Block,
    Section,
    Countdown,
)
for _slotted in _SLOTTED:
    setattr(_slotted, "__setstate__", _fast_setstate(tuple(f.name for f in fields(_slotted))))  # noqa: B010
