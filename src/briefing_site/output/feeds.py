"""The briefings as an Atom feed and a JSON Feed, for feed readers.

Links are absolute when the base URL has a host, and every date carries its
offset. Entries are the newest 50 by publication time; a briefing without a
`date` is dated by the build clock's date (`Site.today`), since a feed entry
must have one.
"""

from __future__ import annotations

import heapq
import itertools
import json
import re
from collections.abc import Sequence
from datetime import datetime
from xml.etree import ElementTree as ET

from briefing_site.model import Briefing, Site
from briefing_site.output.eventstatus import headline
from briefing_site.output.urls import Urls, briefing_path, resolve_links

ATOM_PATH = "feed.xml"
JSON_PATH = "feed.json"
ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 50  # full-text entries; readers poll often, and a 10,000-entry feed helps nobody
# What XML 1.0 cannot carry, spelled as the characters refused rather than "anything but
# [\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]": the same set, but `re` compiles
# a negated class over the whole of Unicode into a bitmap (~6 ms of every build's start).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """Text with the characters XML 1.0 cannot carry removed (untrusted copy has them)."""
    return _NOT_XML.sub("", value)


def rfc3339(value: datetime) -> str:
    """RFC 3339 with its offset, as both feed formats want."""
    return value.isoformat(timespec="seconds")


def entries(site: Site, newest: Sequence[Briefing] | None = None) -> list[Briefing]:
    """The newest FEED_LIMIT published briefings by publication time, then by slug.

    `newest` is the site's briefings in `listings.newest_first` order, when the
    caller has it (the listings sort them so anyway): its dated briefings are
    already in the feed's order, so the feed takes its first ones from there, merged
    with the undated (dated by the build clock's date), instead of sorting every
    briefing again by its timestamp. The undated are still sorted here, so a site of
    mostly undated briefings saves less. This relies on `newest_first` ordering dated
    briefings by (-timestamp, slug), as `key` below does."""
    now = site.now

    def key(b: Briefing) -> tuple[float, str]:
        return (-(b.meta.date or site.today).timestamp(), b.meta.slug)

    if newest is None:
        return heapq.nsmallest(  # the first FEED_LIMIT of the sorted list, without sorting all
            FEED_LIMIT, (b for b in site.briefings if b.meta.public_at(now)), key=key
        )
    dated = (b for b in newest if b.meta.date is not None and b.meta.public_at(now))
    undated = sorted(
        (b for b in newest if b.meta.date is None and b.meta.public_at(now)),
        key=lambda b: b.meta.slug,  # (all keyed at the clock's date: by slug alone)
    )
    return list(itertools.islice(heapq.merge(dated, undated, key=key), FEED_LIMIT))


def author_name(site: Site, briefing: Briefing | None = None) -> str:
    """The byline: the article's author, the site's, else the publisher."""
    config = site.config
    return (briefing.meta.author if briefing else "") or config.author or publisher_name(site)


def publisher_name(site: Site) -> str:
    return site.config.publisher or site.config.title


def content_html(briefing: Briefing, page_url: str = "") -> str:
    """The article as the page shows it: lede, then each section under its heading.

    With the page's URL, a link the editor wrote relative to the page (`../other/`,
    `#economy`) is made absolute (root-relative when the base URL has no host): a feed
    reader would resolve it against the feed's URL (Atom without `xml:base`), or not
    at all (JSON Feed)."""
    parts = [block.html for block in briefing.lede]
    for section in briefing.sections:
        parts.append(f"<h2>{_escape(section.title)}</h2>")
        parts += [block.html for block in section.blocks]
    joined = "\n".join(parts)
    return resolve_links(joined, page_url) if page_url else joined


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = xml_text(text)
    return element


def atom_feed(site: Site, urls: Urls, items: Sequence[Briefing] | None = None) -> bytes:
    """Atom 1.0 (RFC 4287): one entry per briefing."""
    items = entries(site) if items is None else items  # `extra_files` sorts them once
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": site.config.language})
    _sub(feed, "id", urls.absolute())
    _sub(feed, "title", site.config.title)
    if site.config.description:
        _sub(feed, "subtitle", site.config.description)
    _sub(feed, "updated", rfc3339(max((_updated(b, site) for b in items), default=site.today)))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=urls.absolute(ATOM_PATH))
    _sub(feed, "link", rel="alternate", type="text/html", href=urls.absolute())
    _sub(_sub(feed, "author"), "name", author_name(site))
    _sub(feed, "generator", "briefing-site")
    for briefing in items:
        _atom_entry(feed, briefing, site, urls)
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _updated(briefing: Briefing, site: Site) -> datetime:
    return briefing.meta.updated or briefing.meta.date or site.today


def _atom_entry(feed: ET.Element, briefing: Briefing, site: Site, urls: Urls) -> None:
    meta = briefing.meta
    link = urls.absolute(briefing_path(meta.slug))
    entry = _sub(feed, "entry")
    if meta.language:
        entry.set("xml:lang", meta.language)
    _sub(entry, "id", link)
    _sub(entry, "title", headline(meta.title, meta.event))
    _sub(entry, "link", rel="alternate", type="text/html", href=link)
    _sub(entry, "published", rfc3339(meta.date or site.today))
    _sub(entry, "updated", rfc3339(_updated(briefing, site)))
    _sub(_sub(entry, "author"), "name", author_name(site, briefing))
    if meta.summary:
        _sub(entry, "summary", meta.summary)
    _sub(entry, "content", content_html(briefing, link), type="html")
    for tag in meta.tags:
        _sub(entry, "category", term=tag)


def json_feed(site: Site, urls: Urls, items: Sequence[Briefing] | None = None) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    feed: dict[str, object] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.config.title,
        "home_page_url": urls.absolute(),
        "feed_url": urls.absolute(JSON_PATH),
        "language": site.config.language,
        "authors": [{"name": author_name(site)}],
        "items": [_json_item(b, site, urls) for b in (entries(site) if items is None else items)],
    }
    if site.config.description:
        feed["description"] = site.config.description
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_item(briefing: Briefing, site: Site, urls: Urls) -> dict[str, object]:
    meta = briefing.meta
    link = urls.absolute(briefing_path(meta.slug))
    item: dict[str, object] = {
        "id": link,
        "url": link,
        "title": headline(meta.title, meta.event),
        "content_html": content_html(briefing, link),
        "date_published": rfc3339(meta.date or site.today),
        "date_modified": rfc3339(_updated(briefing, site)),
        "authors": [{"name": author_name(site, briefing)}],
    }
    if meta.summary:
        item["summary"] = meta.summary
    if meta.tags:
        item["tags"] = list(meta.tags)
    if meta.language:
        item["language"] = meta.language
    return item
