"""Place each paragraph in a topic section.

Precedence, highest first: the editor's `sections` override, a Markdown
heading that names a topic (or one of its aliases), then the classifier. The
lede is the first paragraph that reads as prose (the junk filter says which
do), unless the override or a heading says otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

from briefing_site.config.schema import heading_key
from briefing_site.content.classify import Classifier
from briefing_site.content.junk import link_cited
from briefing_site.model import Metadata, Paragraph, Placement, Topic

LEDE = "lede"


@lru_cache(maxsize=16)
def heading_topics(topics: Sequence[Topic]) -> Mapping[str, str]:
    """Every name, title and alias of every topic, to its topic name.

    Memoised: it is the same for every article of a build, and asked twice each.
    """
    table: dict[str, str] = {}
    for topic in topics:
        for label in (topic.name, topic.title, *topic.aliases):
            table.setdefault(heading_key(label), topic.name)
    return MappingProxyType(table)


def place(
    paragraphs: Sequence[Paragraph],
    meta: Metadata,
    topics: Sequence[Topic],
    classifier: Classifier,
) -> tuple[Placement, ...]:
    """A Placement for every paragraph, in file order."""
    override = _override(meta, {p.number for p in paragraphs})
    by_heading = heading_topics(topics)
    placed: dict[int, Placement] = {}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.number in override:
            placed[index] = Placement(paragraph, override[paragraph.number], "override (sections:)")
        elif paragraph.heading and heading_key(paragraph.heading) in by_heading:
            topic = by_heading[heading_key(paragraph.heading)]
            placed[index] = Placement(paragraph, topic, f"heading '{paragraph.heading}'")
    if not any(t == LEDE for t in override.values()):
        lede = _lede(paragraphs, placed)
        if lede is not None:
            placed[lede[0]] = Placement(paragraphs[lede[0]], LEDE, lede[1])
    rest = [i for i in range(len(paragraphs)) if i not in placed]
    texts = [paragraphs[i].text for i in rest]
    verdicts = classifier.classify(texts, year=article_year(meta)) if rest else ()
    for index, verdict in zip(rest, verdicts, strict=True):
        source = ""
        if not verdict.own_cues:
            source = ", no cue words of its own" if verdict.by_priors else ", from its neighbours"
        if verdict.own_topic and verdict.own_topic != verdict.topic:
            source += f", its own words lean to {verdict.own_topic}"
        source += ", quotes someone" if verdict.quoted else ""
        placed[index] = Placement(
            paragraphs[index],
            verdict.topic,
            f"classifier (confidence {verdict.confidence:.2f}{source})",
            verdict.scores,
            verdict.cues,
            verdict.confidence,
        )
    return tuple(placed[i] for i in range(len(paragraphs)))


def _lede(paragraphs: Sequence[Paragraph], placed: dict[int, Placement]) -> tuple[int, str] | None:
    """The lede: the first paragraph that reads as prose, with why it was chosen.

    Short blocks the junk filter kept above it (a caption in doubt, a stray
    label) do not lead. With no prose at all, the first paragraph leads (not a
    reported sentence ending in its source's address: none then leads). Only
    the paragraphs above the first one placed by the editor or a heading count.
    """
    first_placed = min(placed, default=len(paragraphs))
    free = list(range(first_placed))
    if not free:
        return None
    for index in free:
        if paragraphs[index].prose:
            skipped = [paragraphs[i].number for i in free if i < index]
            if not skipped:
                return index, "first paragraph that reads as prose"
            above = ", ".join(f"¶{n}" for n in skipped)
            return index, f"first paragraph that reads as prose ({above} above it too short)"
    # A reported sentence with its source's address after it never leads.
    first = next((i for i in free if not link_cited(paragraphs[i].text)), None)
    return None if first is None else (first, "first paragraph (none reads as prose)")


def article_year(meta: Metadata) -> int | None:
    """The year the article is written in, so the classifier can tell background from news."""
    when = meta.date or (meta.event.start if meta.event is not None else None)
    return when.year if when is not None else None


def _override(meta: Metadata, numbers: set[int]) -> dict[int, str]:
    """Paragraph number → topic from `sections:`.

    Validation (`metadata._paragraphs_named`) has already refused a number that
    names no paragraph, one `drop:` also names, or one given twice, each at its own
    line; and the junk filter never drops a paragraph `sections:` names. So every
    number here is a kept paragraph, once: asserted, not reported again.
    """
    result: dict[int, str] = {}
    for topic, listed in meta.sections:
        for number in listed:
            assert number in numbers and number not in result, (topic, number)
            result[number] = topic
    return result


def group(
    placements: Sequence[Placement], topics: Sequence[Topic]
) -> tuple[tuple[Placement, ...], tuple[tuple[Topic, tuple[Placement, ...]], ...]]:
    """The lede, then non-empty sections in topic order, file order within each."""
    lede = tuple(p for p in placements if p.topic == LEDE)
    sections = []
    for topic in topics:
        members = tuple(p for p in placements if p.topic == topic.name)
        if members:
            sections.append((topic, members))
    return lede, tuple(sections)
