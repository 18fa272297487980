"""Assemble: one source article into a Briefing, and briefings into a Site.

This is the per-article pipeline (validate, clean, section, markup,
countdown) as one pure function, so later work can run it in worker
processes and cache it by the article's bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from briefing_site.config.schema import heading_key
from briefing_site.content.classify import Classifier
from briefing_site.content.countdown import compute_countdown
from briefing_site.content.junk import Dropped, JunkFilter, ends_sentence
from briefing_site.content.markup import MarkupConverter
from briefing_site.content.metadata import validate
from briefing_site.content.section import group, heading_topics, place
from briefing_site.model import (
    Block,
    Briefing,
    Location,
    Paragraph,
    Placement,
    Section,
    SiteConfig,
    SourceArticle,
    Topic,
)


@dataclass(frozen=True)
class Tools:
    """What every article needs, made once per build (compiled patterns, engines)."""

    config: SiteConfig
    classifier: Classifier
    junk: JunkFilter
    markup: MarkupConverter

    @classmethod
    def for_config(cls, config: SiteConfig) -> Tools:
        return cls(
            config,
            Classifier(config.topics),
            JunkFilter(config.junk_patterns, language=config.language),
            MarkupConverter(config.allow_raw_html_unsafe),
        )


@dataclass(frozen=True)
class Assembled:
    """A briefing plus what `explain` shows of how it was made."""

    briefing: Briefing
    dropped: tuple[Dropped, ...]
    comments: tuple[Paragraph, ...] = ()  # blocks that were only an HTML comment


def assemble(article: SourceArticle, tools: Tools, now: datetime) -> Assembled:
    """Validate, clean, section, render Markdown and compute the countdown."""
    meta = validate(article, tools.config)
    rescued = {n for _, numbers in meta.sections for n in numbers} | set(meta.keep)
    kept, dropped = tools.junk.for_language(meta.language).clean(
        article.paragraphs, rescued, meta.title, meta.drop, markdown=article.markdown
    )
    if not article.markdown:
        kept = _subhead_cues(article.paragraphs, kept, dropped, tools.config.topics)
    placements = place(kept, meta, tools.config.topics, tools.classifier)
    blocks = _blocks(placements, article, tools)
    lede, grouped = group(placements, tools.config.topics)
    briefing = Briefing(
        meta=meta,
        source=article.path,
        lede=tuple(blocks[p.paragraph.number] for p in lede),
        sections=tuple(
            Section(topic.name, topic.title, tuple(blocks[p.paragraph.number] for p in members))
            for topic, members in grouped
        ),
        placements=placements,
        countdown=compute_countdown(meta.event, now) if meta.event else None,
    )
    return Assembled(briefing, dropped, article.comments)


def _subhead_cues(
    paragraphs: Sequence[Paragraph],
    kept: tuple[Paragraph, ...],
    dropped: tuple[Dropped, ...],
    topics: Sequence[Topic],
) -> tuple[Paragraph, ...]:
    """In raw text, a dropped subhead that names a topic ("Security", "What's next")
    heads the paragraphs under it, as a Markdown heading would, until the next one."""
    names = heading_topics(topics)
    dropped_text = {d.paragraph.number: d.paragraph.text for d in dropped}
    if not any(heading_key(text) in names for text in dropped_text.values()):
        return kept
    heads: dict[int, str] = {}
    current: str | None = None
    for paragraph in paragraphs:
        text = dropped_text.get(paragraph.number)
        if text is None:
            if current is not None:
                heads[paragraph.number] = current
        elif heading_key(text) in names:
            current = text.strip()
        elif not ends_sentence(text):  # another subhead ends the topic's run
            current = None
    return tuple(replace(p, heading=heads[p.number]) if p.number in heads else p for p in kept)


def with_clock(assembled: Assembled, now: datetime) -> Assembled:
    """The same briefing at another build time: only the countdown depends on it.

    This is what lets the build cache an assembled article across builds.
    """
    event = assembled.briefing.meta.event
    briefing = replace(
        assembled.briefing, countdown=compute_countdown(event, now) if event else None
    )
    return replace(assembled, briefing=briefing)


def _blocks(
    placements: Sequence[Placement], article: SourceArticle, tools: Tools
) -> dict[int, Block]:
    """Each paragraph's HTML; a heading that names no topic becomes its subheading."""
    topic_headings = heading_topics(tools.config.topics)
    blocks: dict[int, Block] = {}
    previous: Paragraph | None = None
    for placement in placements:
        paragraph = placement.paragraph
        html = (
            tools.markup.markdown_html(paragraph.text, Location(article.path, paragraph.line))
            if article.markdown
            else tools.markup.text_html(paragraph.text, paragraph.items)
        )
        heading = paragraph.heading
        new_heading = heading is not None and (previous is None or previous.heading != heading)
        sub = (
            heading
            if new_heading and heading and heading_key(heading) not in topic_headings
            else None
        )
        blocks[paragraph.number] = Block(paragraph.number, html, sub)
        previous = paragraph
    return blocks


def order_briefings(briefings: Sequence[Briefing], now: datetime) -> tuple[Briefing, ...]:
    """Home-page order, whose first briefing the home page features.

    Upcoming and today's events that go ahead come first, soonest first; then those
    called off (cancelled, or postponed with no new date) whose date has not passed,
    soonest first: still news, shown with their status, but not "the next event";
    then the rest, newest first. With no event going ahead, the latest of the rest
    that was not called off leads (an editor's front page never leads with a date
    that will not happen); only when every briefing was called off does one lead.
    """

    def timestamp(b: Briefing) -> float:
        when = b.meta.event.start if b.meta.event else b.meta.date
        return when.timestamp() if when else 0.0

    going: list[Briefing] = []
    halted: list[Briefing] = []
    rest: list[Briefing] = []
    for b in briefings:
        if not b.countdown or b.countdown.state == "past":
            rest.append(b)
        else:
            (halted if _called_off(b) else going).append(b)
    going.sort(key=lambda b: (timestamp(b), b.meta.slug))
    halted.sort(key=lambda b: (timestamp(b), b.meta.slug))
    rest.sort(key=lambda b: (-timestamp(b), b.meta.slug))
    if not going:
        at = next((i for i, b in enumerate(rest) if not _called_off(b)), None)
        if at is not None:
            going.append(rest.pop(at))
    return (*going, *halted, *rest)


def _called_off(briefing: Briefing) -> bool:
    """Cancelled or postponed with no new date: never featured as what comes next."""
    event = briefing.meta.event
    return event is not None and event.halted
