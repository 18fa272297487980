"""Extract an article from a web page or pasted copy: its paragraphs and metadata.

HTML goes through trafilatura (an optional extra, imported only here and only
when a page is imported), which keeps the main text and drops the page's
furniture; the build's own junk filter then runs over what is left. Plain
text is split and cleaned by the build's own rules (`load.split_text`,
`junk.JunkFilter`), so an import reads copy exactly as a build would.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

from briefing_site.commands.language import other_language
from briefing_site.commands.stamp import stamp_date
from briefing_site.content.junk import STOPWORDS, JunkFilter
from briefing_site.content.load import split_text
from briefing_site.errors import BriefingError
from briefing_site.model import Paragraph

INSTALL_HINT = (
    "importing a web page needs the 'import' extra (trafilatura): "
    "pip install 'briefing-site[import]'"
)
_HEADLINE_MAX_WORDS = 20
_SPACE = re.compile(r"[\s\u2028\u2029\x85]+")
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
)
# Page furniture trafilatura can leave in the main text, beyond the build's own
# junk patterns: a lone timestamp line, a wire sign-off, a feedback or share prompt.
PAGE_PATTERNS: tuple[str, ...] = (
    # A line made only of date and time words: "April 17, 2025 2:05 PM GMT+9 · Updated 2 hours ago".
    r"(?=.*\d)(?:(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    r"|\d{1,4}(?:[:/.\-]\d{1,4})*(?:st|nd|rd|th|h)?|[ap]\.?m\.?|gmt|utc|[a-z]{1,3}[sd]?t"
    r"|[+\-\u2212]\d{1,2}(?::?\d\d)?|published|posted|updated|date|last|ago|hours?|minutes?"
    r"|mins?"
    r"|days?|read|at|on|by)(?:[\s,·|:]+|$|(?=[+\-\u2212]))){2,24}",
    r"\(?(?:additional )?(?:reporting|writing|editing|compiled) by [^.]{0,200}\)?\.?",
    r"(?:was this (?:page|article|information) (?:useful|helpful)|is this page useful)\??.{0,60}",
    r"(?:if you (?:found|enjoyed|liked) this.{0,100}|share (?:it|this) with .{0,60})",
    r"(?:our standards|all quotes delayed).{0,120}",
)
# A heading after which a page carries no more article text (press releases, blogs).
_END_HEADINGS = re.compile(
    r"^(?:(?:media |press )?contacts?(?: us)?|notes? (?:to|for) editors|for more information"
    r"|(?:media|press) (?:enquiries|inquiries)|about the author|about us|\d+ comments?"
    r"|comments|leave a (?:comment|reply)|related(?: stories| articles)?|read (?:more|next))\s*:?$",
    re.I,
)
_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "report"}


class MissingExtra(BriefingError):
    """trafilatura is not installed (exit 1): say how to install it."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


@dataclass(frozen=True)
class Extracted:
    """What an import found: the text by paragraph, and the metadata beside it."""

    paragraphs: tuple[str, ...]
    title: str = ""
    date: str = ""  # ISO 8601 as the page gives it: date-time with offset, or a date
    site_name: str = ""
    url: str = ""
    summary: str = ""
    left_out: tuple[str, ...] = ()  # what was dropped, and why
    notes: tuple[str, ...] = ()  # what the editor should check that the reading decided
    date_line: str = ""  # the pasted page's line `date` was read from ("Published ...")
    ahead: str = ""  # a publication stamp after the clock: not taken as `date`, named instead


def one_line(text: str) -> str:
    """Text with every run of whitespace (line separators included) as one space."""
    return _SPACE.sub(" ", text).strip()


def copy_language(texts: Sequence[str], site_language: str) -> str:
    """The language the copy reads as, guessed before anything is filtered, else the
    site's: the build filters an article with a `language:` of its own in that language,
    and French prose is not to be cut on an English site for being poor in English words."""
    return other_language(texts, site_language) or site_language


def from_text(text: str, junk: JunkFilter, site_language: str = "en") -> Extracted:
    """Pasted or wire copy: the build's splitting and junk rules; a headline becomes the
    title; the junk rules are those of the language the copy reads as."""
    title, text = _headline(text.lstrip("\n"), junk)
    tail = _DATE_TAIL.search(title)  # "World Leaders Gather for Summit - 2004-06-07"
    if tail is not None:
        title = title[: tail.start()].rstrip()
    paragraphs = split_text(text)
    junk = junk.for_language(copy_language([title, *(p.text for p in paragraphs)], site_language))
    kept, dropped = junk.clean(paragraphs, title=title)
    lines = tuple(p for p in (one_line(p.text) for p in kept) if p)
    left_out = [f"junk ({d.pattern!r}): {one_line(d.paragraph.text)}" for d in dropped]
    above = [tail.group("date")] if tail else []
    # the story starts at its first kept line that is not itself a stamp line (the build
    # keeps "Published: March 11, 2025 4:11 p.m. ET" when its junk rules do not know it)
    above += _lines_above(text, next((p for p in lines if not stamp_date([p])[0]), ""))
    stamp, line = stamp_date(above)
    return Extracted(lines, title=title, date=stamp, left_out=tuple(left_out), date_line=line)


# A date a page title ends in: "... for Summit - 2004-06-07", "... | June 7, 2004".
_DATE_TAIL = re.compile(
    r"\s+[-\u2013\u2014|]\s+(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d"
    r"|[A-Z][a-z]{2,8}\.? [0-3]?\d, (?:19|20)\d\d|[0-3]?\d [A-Z][a-z]{2,8} (?:19|20)\d\d)\s*$"
)


def _lines_above(text: str, first: str) -> list[str]:
    """The copy's lines above the story's first kept paragraph (menus, bylines, dates)."""
    opening = first[:40]
    above = []
    for line in text.split("\n"):
        own = one_line(line)
        # a hard-wrapped story's first line is shorter than the opening: its own text
        # starting the first paragraph is the story's start as well
        # (three words at least: a menu's "World" above "World leaders gather ..." is not)
        wrapped = len(own.split()) >= 3 and first.startswith(own)
        if opening and own and (own.startswith(opening) or wrapped):
            break
        if line.strip():
            above.append(line)
    return above


_HEADLINE_SEARCH_LINES = 6  # a headline under a site's name, a menu or a date line
_PROSE_WORDS = 12  # a line this long that does not read as a headline is the story's text
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def _headline(text: str, junk: JunkFilter) -> tuple[str, str]:
    """The copy's headline and the text without it, or ("", text) when none is sure.

    The first line is the headline when it reads like one and shares a word with the
    story under it. Otherwise a headline may sit a few lines down, under the page's
    furniture (a site's name, a date, "Skip to content"): it is taken only when it
    reads like a headline, the junk filter passes it, and it shares two words with
    the story's first lines, so a menu item or a section name is never proposed. The
    search stops at the first line of prose or the first line ending a sentence, and
    passes over a hard-wrapped line ending in "of" or "the", a link under "Related",
    a link dated in brackets and a breadcrumb trail ("You are here: Home > ..."). A
    first line sharing no word with the story is still the headline (a pun, a
    question) when no line under it qualifies.
    """
    lines = text.split("\n")
    seen = 0
    first: tuple[str, str] | None = None
    previous = ""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEADLINE_SEARCH_LINES:
            break
        below = [one_line(x) for x in lines[index + 1 :] if x.strip()]
        if not below:
            break
        headline = _without_site_name(one_line(line), below)
        if _BREADCRUMB.match(headline):  # "You are here: Home > News > <headline>"
            continue  # the page's path, however long: neither the headline nor the story
        continues = lines[index + 1].lstrip(" \t")[:1].islower()  # a hard-wrapped line
        if (
            not continues
            and reads_like_headline(headline)
            and not _BRACKET_DATE_END.search(headline)  # a related link: "... (10/29/97)"
            and not junk.match(line)
            and not JunkFilter(PAGE_PATTERNS).match(line)  # "Tuesday, 4 July 2017"
        ):
            shared = _shared_words(headline, below)
            if seen == 1:
                rest = "\n".join(lines[index + 1 :])
                if shared >= _first_line_needs(below):
                    # Taken before splitting: the build would join a headline to short
                    # lines under it.
                    return headline, rest
                first = (headline, rest)
            elif (
                shared >= 2
                and headline.split()[-1].casefold() not in _WRAP_ENDS
                and not _LINKS_OVER.match(one_line(previous))
            ):
                return headline, "\n".join([*lines[:index], *lines[index + 1 :]])
        if len(line.split()) >= _PROSE_WORDS or _SENTENCE_END.search(line):
            break  # the story has begun: no headline under it
        previous = line
    return first or ("", text)


# A line a hard wrap cut mid-sentence ends in a word a headline does not end in.
_WRAP_ENDS = frozenset("of the and to in for with a an".split())  # noqa: SIM905
# Lines under these are links to other stories, not this story's headline.
_LINKS_OVER = re.compile(r"^(?:related(?: stories| articles)?|read more|more on this)\W*$", re.I)
# A page's trail of links ("You are here: Home > News > ...", "Home » World » ..."): it
# may end in the headline, but the line is the page's path; the headline is under it.
_BREADCRUMB = re.compile(r"^(?:you are here\b|home\s*[>\u00bb\u203a/\\]\s*\w)", re.I)
_BRACKET_DATE_END = re.compile(
    r"\(\s*(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\s*\)\s*$"
)
_SENTENCE_END = re.compile(r"\w[.!?][\"'\u2019\u201d)]*\s*$")


def _first_line_needs(below: Sequence[str]) -> int:
    """A first line shares a word with the story under it, when there is a story to judge by
    (a line of prose); a headline over a line or two of copy is taken as it reads."""
    return 1 if any(len(x.split()) >= _PROSE_WORDS for x in below) else 0


def _shared_words(headline: str, below: Sequence[str]) -> int:
    """How many of the headline's words (four letters or more, not "over", "with" or
    "said") the story's first lines use."""
    story = [x for x in below if len(x.split()) >= _PROSE_WORDS][:3]
    used = {w.casefold() for w in _CONTENT_WORD.findall(" ".join(story))}
    return len({w.casefold() for w in _CONTENT_WORD.findall(headline)} & used - STOPWORDS)


def _without_site_name(line: str, below: Sequence[str]) -> str:
    """'Leaders meet | World | The Courier' -> 'Leaders meet': a page title's tail is the
    site (and its section). One part after the bar that is longer than a name and reads
    as headline text is the headline going on ("Summit day 2 live updates | Delegates
    to lay wreaths at Rajghat", "First Korea — Central Asia Summit to be held in fall"):
    kept whole (`_goes_on`). A live page's run of several headlines ("A | B | C") is cut
    after the first."""
    head, *tail = re.split(r"\s+[|\u2013\u2014]\s+", line)
    if (
        len(tail) == 1
        and len(tail[0].split()) > _SITE_NAME_WORDS
        and len(line.split()) <= _HEADLINE_MAX_WORDS
        and _goes_on(tail[0], below)
    ):
        return line
    return head


_SITE_NAME_WORDS = 5  # "The Times of India", "World News": a site's or section's name
# Words of a site's or an institution's name, even lower-cased ("Official website of the
# Prime Minister of Japan", "Ministry of Foreign Affairs of Japan", "... Group Ltd").
_NAME_WORDS = frozenset(
    """website site homepage portal page online official ministry government department
    office embassy council commission agency authority secretariat parliament minister
    president radio television channel network broadcasting news newspaper press media
    times post herald journal tribune gazette daily group ltd limited inc llc corporation
    company university institute foundation""".split()  # noqa: SIM905
)


def _goes_on(tail: str, below: Sequence[str]) -> bool:
    """A long part after a page title's bar reads as the headline's own text, not a
    site's or an institution's name: it has a lower-case word that is neither a
    stopword nor a name's word ("lay wreaths", "held in fall"), or, with no word of a
    name in it, shares a word with the story. A Title-Case name ("Radio Free Europe /
    Radio Liberty", "The Long Name Of A Newspaper Group Ltd") never does."""
    words = re.findall(r"[^\W\d_]+", tail)
    if any(w[:1].islower() and w.casefold() not in STOPWORDS | _NAME_WORDS for w in words):
        return True
    if any(w.casefold() in _NAME_WORDS for w in words):
        return False
    return _shared_words(tail, below) >= 1


def reads_like_headline(line: str) -> bool:
    """Four to twenty words, capitalised, no sentence ending; not a dateline, byline or menu.

    Menus scraped into one line run their items together ("Skip to
    navigationSkip to content"), a site's name is shorter than a headline, and
    a caption has a sentence and a credit ("... in Mumbai. AFP").
    """
    words = line.split()
    return (
        4 <= len(words) <= _HEADLINE_MAX_WORDS
        and not re.search(r"[a-z]{2}[A-Z][a-z]", line)
        and not re.search(r"[a-z]\.\s+[A-Z]", line)  # two sentences: a caption, not a headline
        and line[:1].isupper() | line[:1].isdigit()
        and not line.endswith((".", ",", ";", ":"))
        and not re.match(r"^(?:by|from|posted|published|updated)\b", line, re.I)
        and not re.search(r"\s[-—–]\s*$|\([^)]*\)\s*[-—–]", line)  # noqa: RUF001 (dashes)
    )


def from_html(html: str, url: str, junk: JunkFilter, site_language: str = "en") -> Extracted:
    """A web page's main text and metadata; MissingExtra without trafilatura. The junk
    rules are those of the language the page's text reads as."""
    try:
        import trafilatura  # the optional extra: only an HTML import pays for it
    except ImportError as exc:
        raise MissingExtra() from exc
    document = _extract(trafilatura, html, url)
    if _no_text(document):
        # libxml2 stops at 255 nested elements, so a page of unclosed <font> or <div>
        # tags (an old CMS's) reads as empty: parse it again without that limit.
        tree = _deep_tree(html)
        deeper = _extract(trafilatura, tree, url) if tree is not None else None
        document = document if _no_text(deeper) else deeper
    body = getattr(document, "body", None) if document is not None else None
    blocks = list(_blocks(body)) if body is not None else []
    meta = page_metadata(html)
    title = one_line(str(getattr(document, "title", "") or meta.get("headline", "")))
    language = copy_language([title, *(text for _, text in blocks)], site_language)
    paragraphs, left_out = _clean_blocks(blocks, title, junk.for_language(language), language)
    return Extracted(
        paragraphs=paragraphs,
        title=title,
        date=meta.get("published") or _best_timestamp([str(getattr(document, "date", "") or "")]),
        site_name=one_line(str(getattr(document, "sitename", "") or "")),
        url=str(getattr(document, "url", "") or url or ""),
        summary=one_line(str(getattr(document, "description", "") or "")),
        left_out=left_out,
    )


def _extract(trafilatura: Any, html: Any, url: str) -> Any:
    """trafilatura's reading of a page (its text or a parsed tree): main text and metadata."""
    return trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        # Only dates the page's markup states: a search of its text takes a
        # "© 2019" footer for 2019-01-01, or a related story's dated link for its date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _no_text(document: Any) -> bool:
    """Whether trafilatura found nothing but headings (or nothing at all)."""
    body = getattr(document, "body", None) if document is not None else None
    return body is None or not any(kind != "head" and text for kind, text in _blocks(body))


def _deep_tree(html: str) -> Any:
    """The page parsed with no depth limit (lxml comes with trafilatura), or None."""
    from lxml.etree import ParserError  # type: ignore[import-untyped]
    from lxml.html import HTMLParser, document_fromstring  # type: ignore[import-untyped]

    parser = HTMLParser(
        collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True,
        huge_tree=True,
    )  # fmt: skip
    try:
        return document_fromstring(html.encode("utf-8"), parser=parser)
    except (ParserError, ValueError):
        return None


def _blocks(body: Any) -> Iterator[tuple[str, str]]:
    """(kind, text) for each block of trafilatura's tree: paragraphs, quotes, list items, heads."""
    for element in body:
        tag = str(element.tag)
        if tag == "list":
            for item in element.iter("item"):
                yield "item", one_line("".join(item.itertext()))
        elif tag in ("p", "quote", "head"):
            yield tag, one_line("".join(element.itertext()))


def _clean_blocks(
    blocks: Sequence[tuple[str, str]], title: str, junk: JunkFilter, language: str = "en"
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Paragraphs without the headline, subheadings or junk; and what was left out."""
    left_out: list[str] = []
    kept: list[Paragraph] = []
    for index, (kind, text) in enumerate(blocks):
        if not text:
            continue
        if kind == "head" and _END_HEADINGS.match(text):
            left_out += [f"after the heading {text!r}: {t}" for _, t in blocks[index + 1 :] if t]
            break
        if kind == "head" or text == title:
            left_out.append(f"heading: {text}")
            continue
        kept.append(Paragraph(len(kept) + 1, len(kept) + 1, text))
    clean, dropped = junk.clean(kept)
    clean, more = JunkFilter(PAGE_PATTERNS, language=language).clean(clean)
    dropped += more
    left_out += [f"junk ({d.pattern!r}): {d.paragraph.text}" for d in dropped]
    return tuple(p.text for p in clean), tuple(left_out)


class _MetaScanner(HTMLParser):
    """Collects <meta> values, JSON-LD scripts and <time datetime> from a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.times: list[str] = []
        self._in_json = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"].strip())
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in_json, self._buffer = True, []
        elif tag == "time" and values.get("datetime"):
            if values.get("itemprop", "").lower() == "datepublished":
                self.meta.setdefault("datepublished", values["datetime"].strip())
            self.times.append(values["datetime"].strip())

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_json:
            self._in_json = False
            self.json_ld.append("".join(self._buffer))


def page_metadata(html: str) -> dict[str, str]:
    """The page's own structured claims: publication time (with offset) and headline."""
    scanner = _MetaScanner()
    scanner.feed(html)
    scanner.close()
    found: dict[str, str] = {}
    for item in _json_ld_items(scanner.json_ld):
        kinds = item.get("@type", "")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not any(str(k).lower() in _ARTICLE_TYPES for k in kinds):
            continue
        if isinstance(item.get("datePublished"), str):
            found.setdefault("json-ld", item["datePublished"])
        if isinstance(item.get("headline"), str):
            found.setdefault("headline", item["headline"])
    claims = [found.get("json-ld", "")] + [scanner.meta.get(k, "") for k in _DATE_KEYS]
    published = _best_timestamp([*claims, *scanner.times])
    if published:
        found["published"] = published
    return found


def _json_ld_items(scripts: Sequence[str]) -> Iterator[dict[str, Any]]:
    """Every object in the page's JSON-LD, @graph members included; bad JSON is skipped."""
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        pending = data if isinstance(data, list) else [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending.extend(graph)


def _best_timestamp(claims: Sequence[str]) -> str:
    """The first claim that is a full date-time with offset, else the first plain date."""
    dates = []
    for claim in claims:
        try:
            value = datetime.fromisoformat(claim.strip())
        except ValueError:
            continue
        if value.tzinfo is not None and len(claim.strip()) > 10:
            return value.isoformat()
        dates.append(value.date().isoformat())
    return dates[0] if dates else ""
