"""Paragraph text into safe HTML.

Article text is untrusted: raw HTML in Markdown is shown as text, and the
Markdown output goes through an allow-list sanitiser (nh3), so no script,
handler attribute or `javascript:` URL can reach a reader. Raw `.txt` copy is
plain text: it is escaped, not parsed. A site whose authors are all trusted
can set `allow_raw_html_unsafe: true` to pass their HTML through as written.

Python-Markdown is pure Python and slows down quadratically on some shapes.
`load` refuses those shapes and caps each block before it gets here; a
per-article time budget, checked between blocks, is the last net. (A signal
alarm could not interrupt a long regex call, works only in the main thread
and is a process-global side effect; a subprocess is not allowed in a build.)
"""

from __future__ import annotations

import html
import re
import string
import time
from typing import TYPE_CHECKING

from briefing_site.errors import ContentError
from briefing_site.model import Location
from briefing_site.safetext import without_forbidden

if TYPE_CHECKING:
    import markdown

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
# The same test in two cheaper parts (see `_not_plain`): the ASCII characters it lets
# through (for ASCII, `\w` is letters, digits and `_`, and `_` is refused), and its
# character class alone, without the `|_` branch that makes the engine try two
# alternatives at every character.
_PLAIN_ASCII = (string.ascii_letters + string.digits + " .,;:'\"?!%$/@()-").encode("ascii")
_NOT_PLAIN_CHAR = re.compile(r"[^\w .,;:'\"?!%$/@()\u2018\u2019\u201c\u201d\u2013\u2014\u2026-]")
# The inline Markdown most copy adds to such prose: `*emphasis*` and `[text](url)`
# with plain words inside, and an absolute http(s) URL the sanitiser keeps as it is:
# a domain name (no port, no IP address), then no `%`, `&`, `:` or title.
_INLINE = re.compile(
    r"\*(?P<em>[^*\s\[\]](?:[^*\[\]]*[^*\s\[\]])?)\*"
    r"|\[(?P<text>[^*\s\[\]](?:[^*\[\]]*[^*\s\[\]])?)\]"
    r"\((?P<url>https?://(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}(?:[/?#][A-Za-z0-9._~/?=+#-]*)?)\)"
)
# A bulleted list: every line `- item` (or every line `* item`), each item such prose.
_BULLETS = ("- ", "* ")
# Seconds of Markdown per article; a normal article needs a few milliseconds.
TIME_BUDGET = 5.0


class MarkupConverter:
    """One Markdown engine per build, reset between paragraphs.

    The engine is made (and Python-Markdown and the sanitiser imported) when a
    paragraph first needs it: most copy takes the fast paths (`plain_html`,
    `simple_html`), so a rebuild after one edit usually never loads them.
    """

    def __init__(self, allow_raw_html_unsafe: bool = False, budget: float = TIME_BUDGET) -> None:
        self._engine: markdown.Markdown | None = None
        self._raw = allow_raw_html_unsafe
        self._budget = budget
        self._article = ""
        self._spent = 0.0

    def markdown_html(self, text: str, where: Location | None = None) -> str:
        """A Markdown block as sanitised HTML; `where` names it in errors and budgets."""
        text = without_forbidden(text)
        # `simple_html` writes what the sanitiser makes of a link (its `rel`): raw mode
        # keeps the engine's own links, so only the plain path serves it.
        fast = plain_html(text) if self._raw else plain_html(text) or simple_html(text)
        if fast is not None:
            return fast
        if self._engine is None:
            self._engine = _engine(self._raw)
        self._engine.reset()
        started = time.perf_counter()
        try:
            converted = self._engine.convert(text)
        except RecursionError as exc:
            raise ContentError.at(
                where or Location("<markdown>"), "Markdown nested too deep to convert"
            ) from exc
        if where is not None:
            self._charge(where, time.perf_counter() - started)
        # A character reference (`&#27;`) is decoded to the control it names: drop it again.
        return without_forbidden(converted if self._raw else sanitize(converted))

    def _charge(self, where: Location, seconds: float) -> None:
        """Count Markdown time per article; refuse an article past the budget."""
        if where.path != self._article:
            self._article, self._spent = where.path, 0.0
        self._spent += seconds
        if self._spent > self._budget:
            raise ContentError.at(
                where,
                f"Markdown took over {self._budget:g} seconds for this article (stopped "
                "at this paragraph): simplify or split it",
            )

    @staticmethod
    def text_html(text: str, items: tuple[str, ...] = ()) -> str:
        """A raw-text paragraph as one escaped `<p>`; a bulleted list's items (when the
        text is still just those lines joined) one a line in it."""
        if items and " ".join(items) == text:
            lines = "<br>\n".join(
                html.escape(without_forbidden(item), quote=False) for item in items
            )
            return f"<p>{lines}</p>"
        return f"<p>{html.escape(without_forbidden(text), quote=False)}</p>"


def _engine(allow_raw_html_unsafe: bool) -> markdown.Markdown:
    """A Python-Markdown engine; unless raw HTML is allowed, one that shows raw HTML
    as text (`<b>` shows as "<b>") and a picture as its words."""
    import markdown  # here: only copy that needs the engine pays for it (~10-25 ms)
    from markdown.extensions.sane_lists import SaneListExtension

    # The extension itself, not its name: a name is looked up among every installed
    # package's entry points (importlib.metadata), tens of ms on each build's start.
    engine = markdown.Markdown(extensions=[SaneListExtension()], output_format="html")
    if not allow_raw_html_unsafe:
        engine.treeprocessors.register(_pictures_as_words(engine), "pictures_as_words", 5)
        engine.preprocessors.deregister("html_block")
        engine.inlinePatterns.deregister("html")
    return engine


def _pictures_as_words(engine: markdown.Markdown) -> markdown.treeprocessors.Treeprocessor:
    """A picture (`![what it shows](url)`) becomes the words that say what it shows.

    No request leaves the site, so the picture itself is never shown; the sanitiser
    would drop the `<img>` with its words, leaving a sentence with a hole in it or a
    paragraph with nothing in it. (A class made here: its base is Python-Markdown's.)
    """
    from xml.etree import ElementTree

    from markdown.treeprocessors import Treeprocessor

    class PicturesAsWords(Treeprocessor):
        def run(self, root: ElementTree.Element) -> None:
            for parent in list(root.iter()):
                kept: ElementTree.Element | None = None  # the last child that stays
                for child in list(parent):
                    if child.tag != "img":
                        kept = child
                        continue
                    words = (child.get("alt") or "") + (child.tail or "")
                    if kept is None:
                        parent.text = (parent.text or "") + words
                    else:
                        kept.tail = (kept.tail or "") + words
                    parent.remove(child)

    return PicturesAsWords(engine)


def plain_html(text: str) -> str | None:
    """The HTML of a paragraph with no Markdown syntax, or None to use the engine.

    Byte-identical to `markdown_html` by the engine for every text it accepts
    (tests/test_speed_paths.py checks it with generated text); it skips about
    1 ms of Python-Markdown per paragraph.
    """
    opens_with_letter = text[:1].isalpha() and text[:1] != "_"
    if opens_with_letter and not text.endswith(" ") and not _not_plain(text):
        return f"<p>{text}</p>"
    return None


def _not_plain(text: str) -> bool:
    """Whether `text` holds a character `_NOT_PLAIN` finds, at a fraction of its cost.

    The regex is the costliest part of the fast paths (it checks every character of
    every paragraph); ASCII text, most copy, is checked by deleting the plain bytes
    (`bytes.translate`, anything left is not plain), other text by the `_` test and
    the character class alone. Same answer as `_NOT_PLAIN.search(text)` for any text.
    """
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _PLAIN_ASCII))
    return "_" in text or _NOT_PLAIN_CHAR.search(text) is not None


def simple_html(text: str) -> str | None:
    """The HTML of a paragraph of prose with plain emphasis and links (`_INLINE`), or of
    a bulleted list of such items, or None to use the engine.

    Byte-identical to the engine and sanitiser for every text it accepts (checked with
    generated text in tests/test_speed_paths.py); most Markdown copy is this, and it
    skips about 0.3 ms of Python-Markdown per paragraph.
    """
    if text[:2] in _BULLETS:
        marker = text[:2]
        lines = text.split("\n")
        items = [line[2:] for line in lines if line.startswith(marker)]
        if len(items) != len(lines):
            return None
        shown = [_inline_html(item) for item in items]
        if None in shown:
            return None
        return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in shown) + "</ul>"
    inline = _inline_html(text)
    return None if inline is None else f"<p>{inline}</p>"


def _inline_html(text: str) -> str | None:
    """A run of prose with `_INLINE` emphasis and links as HTML, or None: it must open
    with a letter or one of them, and hold no other Markdown (nor `**`, nor `![`)."""
    first = text[:1]
    opens = (first.isalpha() and first != "_") or first in ("*", "[")
    if not opens or text.endswith(" ") or "**" in text:
        return None
    parts: list[str] = []
    end = 0
    for found in _INLINE.finditer(text):
        gap = text[end : found.start()]
        inner = found.group("em") or found.group("text")
        if _not_plain(gap) or _not_plain(inner) or gap.endswith("!"):
            return None
        parts.append(gap)
        if found.group("em") is not None:
            parts.append(f"<em>{inner}</em>")
        else:
            url = found.group("url")
            parts.append(f'<a href="{url}" rel="noopener noreferrer">{inner}</a>')
        end = found.end()
    if _not_plain(text[end:]):
        return None
    parts.append(text[end:])
    return "".join(parts)


# A link whose address the sanitiser dropped (`tel:`, `javascript:`) keeps its
# words as a placeholder `<a>`, which must then carry no `rel` (invalid HTML).
_HREFLESS = re.compile(r'<a((?: (?!href=)[a-z]+="[^"]*")*) rel="noopener noreferrer">')


def sanitize(fragment: str) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes."""
    import nh3  # here, with the engine whose output it cleans

    clean = nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _HREFLESS.sub(r"<a\1>", clean) if "<a " in clean else clean
