"""`briefing-site explain`: each paragraph's topic and why, for an editor."""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path

from briefing_site.content.assemble import Assembled, Tools, assemble
from briefing_site.content.load import (
    content_files,
    find_articles,
    read_article,
    read_config,
    stray,
)
from briefing_site.errors import ContentError, UsageError
from briefing_site.site import CONTENT_DIR


def explain(assembled: Assembled) -> list[str]:
    """Lines that show, in file order, where each paragraph went and why."""
    briefing = assembled.briefing
    rows = [
        (
            p.paragraph.number,
            p.paragraph.line,
            p.topic,
            _why(p.reason, p.scores, p.cues) + _doubt(p.paragraph.doubt),
            p.paragraph.text,
        )
        for p in briefing.placements
    ]
    rows += [
        (d.paragraph.number, d.paragraph.line, "dropped", f"junk: {d.pattern}", d.paragraph.text)
        for d in assembled.dropped
    ]
    rows += [
        (c.number, c.line, "hidden", "an HTML comment: not shown on the page", c.text)
        for c in assembled.comments
    ]
    lines = [f"{briefing.source}: {briefing.meta.title}"]
    event = briefing.meta.event
    if event is not None:  # the status decides what the page and its countdown say
        since = (
            f"; previous start: {event.previous_start.isoformat()}" if event.previous_start else ""
        )
        lines.append(f"  event: {event.name}; status: {event.status}{since}")
    for number, line, topic, why, text in sorted(rows):
        lines.append(f"  ¶{number:<3} line {line:<4} {topic:<9} {why}")
        lines.append("        " + textwrap.shorten(text.replace("\n", " "), 90, placeholder=" ..."))
    if assembled.dropped or any(p.paragraph.doubt for p in briefing.placements):
        lines.append(
            "  (to overrule the junk filter, list paragraph numbers in the metadata: "
            "drop: [N, ...] leaves them out, keep: [N, ...] keeps them)"
        )
    return lines


def _doubt(doubt: str) -> str:
    return f"; kept, though it looks like page furniture ({doubt})" if doubt else ""


def _why(reason: str, scores: tuple[tuple[str, float], ...], cues: tuple[str, ...]) -> str:
    if not scores:
        return reason
    top = ", ".join(f"{topic} {score:.1f}" for topic, score in scores[:3])
    decided = f"; cues: {', '.join(cues)}" if cues else ""
    return f"{reason}: {top}{decided}"


def find_site(article: Path) -> Path:
    """The site folder of an article: the parent of the content/ folder holding it."""
    for parent in article.resolve().parents:
        if parent.name == CONTENT_DIR:
            return parent.parent
    raise UsageError(f"{article}: not inside a content/ folder; give the site with -s")


def _as_meant(article: Path, site: Path | None) -> Path:
    """The article the editor means: a path in the site given with -s (from anywhere),
    and a `.txt` article for its `.yaml` sidecar."""
    if site is not None and not article.exists() and (site / article).exists():
        article = site / article
    if article.is_dir():
        raise UsageError(f"{article}: a folder; give one article in it")
    if article.suffix in (".yaml", ".yml") and article.with_suffix(".txt").is_file():
        article = article.with_suffix(".txt")
    return article


def explain_article(article: Path, site: Path | None, now: datetime) -> list[str]:
    """Assemble one article and describe where each paragraph went and why."""
    article = _as_meant(article, site)
    root = site if site is not None else find_site(article)
    try:
        relative = article.resolve().relative_to(root.resolve()).as_posix()
    except ValueError as exc:
        raise UsageError(f"{article}: not inside the site {root}") from exc
    if not (root / relative).is_file():
        raise UsageError(f"{article}: no such article")
    found, problems = find_articles(content_files(root))
    match = [files for files in found if files.article == relative]
    # Only this article's own problems: an orphan sidecar elsewhere is check's to report.
    stem = relative.rsplit(".", 1)[0]
    own = [p for p in problems.items if p.location.path.rsplit(".", 1)[0] == stem]
    if own:
        raise ContentError(own)
    if not match:
        why = stray(relative) or "not an article (content/<slug>.md or .txt with .yaml)"
        raise UsageError(f"{article}: {why}")
    tools = Tools.for_config(read_config(root))
    return explain(assemble(read_article(root, match[0]), tools, now))
