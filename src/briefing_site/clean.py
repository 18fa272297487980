"""Drop scrape junk ("Loading...", "Advertisement", cookie notices...).

Patterns match a whole paragraph, never part of one, and the wordy ones only
short paragraphs, so real prose that merely mentions cookies stays. A "Read
next" marker also drops the headline-like lines that follow it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from briefing_site.model import Paragraph

DEFAULT_PATTERNS: tuple[str, ...] = (
    r"loading\s*(?:\.{2,}|…)?",
    r"advertisements?|advert|sponsored(?: content)?|ad",
    r"(?:share|email|print|tweet)(?: this)?(?: (?:article|story|page|post))?[.!:]?",
    r"share (?:on|via) [\w ,/]{1,60}",
    # Link lines: the label must stand alone or end in ':' or an arrow, so that
    # "Read more widely, the treaty..." stays.
    r"(?:read more|see also|related(?: stories| articles| coverage)?|more on this)"
    r"(?:\s*[:»›>→].{0,200})?",  # noqa: RUF001
    r"(?:read next|up next|recommended(?: for you)?|most read|more from [\w ]{1,40})"
    r"(?:\s*[:»›>→].{0,200})?",  # noqa: RUF001
    r".{0,160}\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies"
    r"|cookie (?:policy|settings|preferences))\b.{0,200}",
    r"(?:subscribe|sign up)(?: now)?(?: to| for)? (?:our|the) [\w ]{0,40}newsletter\b.{0,120}",
    r"(?:click|tap) here to .{0,80}",
    r"(?:skip|continue) (?:to (?:main )?content|reading|advertisement)\.?",
    r"(?:image|photo|video)(?: credit)?: .{0,80}",
)
# Markers after which headline-like lines are a list of links, not prose.
_LIST_MARKERS = re.compile(
    r"^(?:read next|up next|related(?: stories| articles)?|more stories)\b", re.I
)
_HEADLINE_MAX_WORDS = 15


@dataclass(frozen=True)
class Dropped:
    """A paragraph left out as junk, and the pattern that matched."""

    paragraph: Paragraph
    pattern: str


class JunkFilter:
    """Compiled once per build: the default patterns plus the site's own."""

    def __init__(self, extra: Sequence[str] = ()) -> None:
        self.patterns = [
            (p, re.compile(p, re.IGNORECASE | re.DOTALL)) for p in (*DEFAULT_PATTERNS, *extra)
        ]

    def match(self, text: str) -> str | None:
        """The pattern that makes `text` junk, or None for real prose."""
        plain = text.strip().strip("*_#> ").strip()
        for source, pattern in self.patterns:
            if pattern.fullmatch(plain):
                return source
        return None

    def clean(
        self, paragraphs: Sequence[Paragraph], keep: Collection[int] = ()
    ) -> tuple[tuple[Paragraph, ...], tuple[Dropped, ...]]:
        """Split paragraphs into (kept, dropped); numbers in `keep` are never dropped."""
        kept: list[Paragraph] = []
        dropped: list[Dropped] = []
        in_list = False
        for paragraph in paragraphs:
            pattern = self.match(paragraph.text)
            if pattern is None and in_list and _headline_like(paragraph.text):
                pattern = "a link list after 'Read next'"
            if paragraph.number in keep or pattern is None:
                kept.append(paragraph)
                in_list = False
                continue
            dropped.append(Dropped(paragraph, pattern))
            in_list = in_list or bool(_LIST_MARKERS.match(paragraph.text.strip("*_#> ")))
        return tuple(kept), tuple(dropped)


def _headline_like(text: str) -> bool:
    """Short, with no sentence ending: a headline in a list of links."""
    stripped = text.strip().lstrip("-*• ").strip()
    return len(stripped.split()) <= _HEADLINE_MAX_WORDS and not stripped.endswith(
        (".", "!", "?", '"', "”")
    )
