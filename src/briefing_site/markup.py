"""Paragraph text into safe HTML.

Article text is untrusted: Markdown output goes through an allow-list
sanitiser (nh3), so no script, handler attribute or `javascript:` URL can
reach a reader. Raw `.txt` copy is plain text: it is escaped, not parsed.
"""

from __future__ import annotations

import html

import markdown
import nh3

_TAGS = {
    "p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "br",
    "hr", "sub", "sup", "abbr", "del", "ins", "mark", "q", "s", "small", "cite",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "span",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "ol": {"start"}}
_SCHEMES = {"http", "https", "mailto"}


class MarkupConverter:
    """One Markdown engine per build, reset between paragraphs."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")

    def markdown_html(self, text: str) -> str:
        """A Markdown block as sanitised HTML."""
        self._md.reset()
        return sanitize(self._md.convert(text))

    @staticmethod
    def text_html(text: str) -> str:
        """A raw-text paragraph as one escaped `<p>`."""
        return f"<p>{html.escape(text, quote=False)}</p>"


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
