"""The junk filter run on invented paragraphs, one to a text, as the junk tests ask it."""

from __future__ import annotations

from briefing_site.content.junk import JunkFilter
from briefing_site.model import Paragraph


def cleaned(*texts: str, title: str = "") -> tuple[list[str], dict[str, str]]:
    """(kept texts, dropped text -> reason) for one article of these paragraphs."""
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    kept, dropped = JunkFilter().clean(paragraphs, title=title)
    return [p.text for p in kept], {d.paragraph.text: d.pattern for d in dropped}


def lede(*texts: str, title: str = "") -> str:
    """The paragraph the filter leads with: the first kept one that is prose."""
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    kept, _ = JunkFilter().clean(paragraphs, title=title)
    return next(p.text for p in kept if p.prose)
