"""Files for crawlers and for GitHub Pages: sitemaps, robots.txt, CNAME, .nojekyll.

The sitemap lists every HTML page the renderer made (except 404.html), so pages
added by later features are covered without changes here. Sitemap URLs must be
absolute, so without a host in the base URL no sitemap is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from xml.etree import ElementTree as ET

from briefing_site.model import RenderedFile, Site
from briefing_site.output.feeds import publisher_name, rfc3339, xml_text
from briefing_site.output.urls import Urls, briefing_path

SITEMAP_PATH = "sitemap.xml"
NEWS_SITEMAP_PATH = "news-sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_WINDOW = timedelta(days=2)  # Google News reads only the last two days


def _lastmod(site: Site) -> dict[str, datetime]:
    """A briefing page's last change is its `updated`, else its `date`."""
    return {
        briefing_path(b.meta.slug): b.meta.updated or b.meta.date or site.today
        for b in site.briefings
    }


def sitemap(site: Site, urls: Urls, pages: Sequence[str]) -> bytes:
    """sitemap.xml: every page with its lastmod (the build clock's date for generated pages);
    a draft's or a scheduled briefing's page (in a `--drafts` preview) is left out."""
    changed = _lastmod(site)
    hidden = {briefing_path(b.meta.slug) for b in site.briefings if not b.meta.public_at(site.now)}
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    listed = (p for p in pages if p.endswith(".html") and p not in hidden and p != "404.html")
    for path in sorted(listed):
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = urls.absolute(path)
        ET.SubElement(entry, "lastmod").text = rfc3339(changed.get(path, site.today))
    return _xml(root)


_TRADITIONAL_REGIONS = {"tw", "hk", "mo"}  # where Chinese is written in Traditional
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def news_language(tag: str) -> str | None:
    """A BCP 47 tag as Google News reads it: the ISO 639 code alone (`en-GB` is `en`),
    except Chinese (`zh`, or Mandarin's `cmn`), which is `zh-cn` (Simplified) or `zh-tw`
    (Traditional): its script says which (`Hans`, `Hant`), else its region (TW, HK and
    MO are Traditional). Subtags after a one-letter one (`-x-hk`) are private use or an
    extension, not a region. None when the tag names no ISO 639 language (`x-twain`,
    `i-klingon`)."""
    subtags: list[str] = []
    for subtag in tag.lower().replace("_", "-").split("-"):
        if len(subtag) == 1:
            break
        subtags.append(subtag)
    if not subtags or not _LANGUAGE.fullmatch(subtags[0]):
        return None
    language, rest = subtags[0], subtags[1:]
    if language == "cmn":
        language = "zh"
    if language != "zh":
        return language
    script = next((s for s in rest if len(s) == 4 and s.isalpha()), "")
    if script in ("hans", "hant"):
        return "zh-tw" if script == "hant" else "zh-cn"
    return "zh-tw" if _TRADITIONAL_REGIONS.intersection(rest) else "zh-cn"


def news_sitemap(site: Site, urls: Urls) -> bytes:
    """The Google News sitemap: articles published in the two days before the build."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS})
    for b in site.briefings:
        published = b.meta.date
        if published is None or b.meta.draft or not site.now - NEWS_WINDOW <= published <= site.now:
            continue
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = urls.absolute(briefing_path(b.meta.slug))
        news = ET.SubElement(entry, "news:news")
        publication = ET.SubElement(news, "news:publication")
        ET.SubElement(publication, "news:name").text = xml_text(publisher_name(site))
        # The article's language, else the site's; a tag naming no ISO 639 language
        # (`x-twain`) is written as given, as before: there is nothing better to say.
        written = b.meta.language or site.config.language
        language = news_language(written) or news_language(site.config.language) or written
        ET.SubElement(publication, "news:language").text = language
        ET.SubElement(news, "news:publication_date").text = rfc3339(published)
        ET.SubElement(news, "news:title").text = xml_text(b.meta.title)
    return _xml(root)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def robots(site: Site, urls: Urls) -> bytes:
    """Everything may be crawled; the sitemaps are named when they exist."""
    lines = ["User-agent: *", "Allow: /", ""]
    if urls.has_host:
        lines.append(f"Sitemap: {urls.absolute(SITEMAP_PATH)}")
        if site.config.google_news:
            lines.append(f"Sitemap: {urls.absolute(NEWS_SITEMAP_PATH)}")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def pages_files(site: Site, urls: Urls, pages: Sequence[str]) -> list[RenderedFile]:
    """robots.txt, the sitemaps, .nojekyll (serve files as they are) and CNAME."""
    files = [RenderedFile("robots.txt", robots(site, urls)), RenderedFile(".nojekyll", b"")]
    if urls.has_host:
        files.append(RenderedFile(SITEMAP_PATH, sitemap(site, urls, pages)))
        if site.config.google_news:
            files.append(RenderedFile(NEWS_SITEMAP_PATH, news_sitemap(site, urls)))
    if site.config.cname:
        files.append(RenderedFile("CNAME", f"{site.config.cname}\n".encode("ascii")))
    return files
