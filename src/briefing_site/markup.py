"""Paragraph text into safe HTML.

Article text is untrusted: Markdown output goes through an allow-list
sanitiser (nh3), so no script, handler attribute or `javascript:` URL can
reach a reader. Raw `.txt` copy is plain text: it is escaped, not parsed.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

_TAGS = {
    "p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "br",
    "hr", "sub", "sup", "abbr", "del", "ins", "mark", "q", "s", "small", "cite",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "span",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "ol": {"start"}}
_SCHEMES = {"http", "https", "mailto"}
# Prose that Python-Markdown and the sanitiser pass through as `<p>text</p>`:
# it opens with a letter (no list, heading, quote or code indent), has no
# Markdown, HTML or entity character and no line break. Most wire copy is this.
_NOT_PLAIN = re.compile(r"[^\w .,;:'\"?!%$/@()\u2018\u2019\u201c\u201d\u2013\u2014\u2026-]|_")


class MarkupConverter:
    """One Markdown engine per build, reset between paragraphs."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")

    def markdown_html(self, text: str) -> str:
        """A Markdown block as sanitised HTML."""
        fast = plain_html(text)
        if fast is not None:
            return fast
        self._md.reset()
        return sanitize(self._md.convert(text))

    @staticmethod
    def text_html(text: str) -> str:
        """A raw-text paragraph as one escaped `<p>`."""
        return f"<p>{html.escape(text, quote=False)}</p>"


def plain_html(text: str) -> str | None:
    """The HTML of a paragraph with no Markdown syntax, or None to use the engine.

    Byte-identical to `markdown_html` by the engine for every text it accepts
    (tests/test_speed_paths.py checks it with generated text); it skips about
    1 ms of Python-Markdown per paragraph.
    """
    opens_with_letter = text[:1].isalpha() and text[:1] != "_"
    if opens_with_letter and not text.endswith(" ") and not _NOT_PLAIN.search(text):
        return f"<p>{text}</p>"
    return None


def sanitize(fragment: str) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes."""
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
