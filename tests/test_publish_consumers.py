"""The machine-read outputs as their consumers read them: a feed reader resolving an
article's links, a calendar app reading an event's end, Google News reading the
news sitemap's language."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

import feedparser
import icalendar
import pytest
from conftest import Run
from publishing import BASE_URL, NOW, site_files

from briefing_site.output.sitemap import news_language

ATOM = "{http://www.w3.org/2005/Atom}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

LINKED_MD = """---
title: Links that point at the site's own pages
date: 2025-02-05T08:00:00-05:00
---
See [the summit briefing](../ishiba-trump-summit/), [the tags](/briefings/tags/g7/),
[this page's economy section](#economy) and [the source](https://example.org/a?b=1&c=2).
"""

POINT_MD = """---
title: A statement at a set minute
date: 2025-02-05T08:00:00-05:00
event:
  name: Statement
  start: 2025-02-20T10:00:00+01:00
  end: 2025-02-20T10:00:00+01:00
  timezone: Europe/Paris
---
The ministers speak to the press at ten.
"""


@pytest.fixture
def build(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> Callable[..., Path]:
    """Build the publishing tests' two-briefing site plus `extra` files; returns build/."""

    def run(*args: str, base: str = BASE_URL, **extra: str) -> Path:
        site = make_site({**site_files(), **extra})
        result = cli("build", "-s", str(site), "--now", NOW, "-b", base, *args)
        assert result.code == 0, result.err
        return site / "build"

    return run


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_feed_readers_resolve_an_articles_relative_links_to_the_pages_they_name(
    build: Callable[..., Path],
) -> None:
    out = build(**{"content/linked.md": LINKED_MD})
    page = BASE_URL + "briefings/linked/"
    wanted = [
        BASE_URL + "briefings/ishiba-trump-summit/",
        "https://example.github.io/briefings/tags/g7/",
        page + "#economy",
        "https://example.org/a?b=1&c=2",
    ]
    # A feed reader resolves content against the feed's own URL (RFC 4287 with no xml:base).
    atom = feedparser.parse(
        (out / "feed.xml").read_bytes(),
        response_headers={
            "content-location": BASE_URL + "feed.xml",
            "content-type": "application/atom+xml",
        },
    )
    assert not atom.bozo
    (entry,) = [e for e in atom.entries if e.link == page]
    assert _hrefs(entry.content[0].value) == [u.replace("&", "&amp;") for u in wanted]
    # JSON Feed has no base URL at all: its links must be absolute already.
    feed = json.loads((out / "feed.json").read_text())
    (item,) = [i for i in feed["items"] if i["url"] == page]
    assert _hrefs(item["content_html"]) == [u.replace("&", "&amp;") for u in wanted]


def test_feeds_without_a_host_give_root_relative_links_to_the_pages_they_name(
    build: Callable[..., Path],
) -> None:
    # With a base URL of a path alone the feeds' links are root-relative: an article's
    # link written relative to its page must name that page's neighbour, not the feed's.
    out = build(base="/news/", **{"content/linked.md": LINKED_MD})
    feed = json.loads((out / "feed.json").read_text())
    (item,) = [i for i in feed["items"] if i["url"] == "/news/briefings/linked/"]
    assert _hrefs(item["content_html"]) == [
        "/news/briefings/ishiba-trump-summit/",
        "/briefings/tags/g7/",
        "/news/briefings/linked/#economy",
        "https://example.org/a?b=1&amp;c=2",
    ]
    atom = ET.fromstring((out / "feed.xml").read_bytes())
    (content,) = [
        e.findtext(f"{ATOM}content") or ""
        for e in atom.iter(f"{ATOM}entry")
        if e.findtext(f"{ATOM}id") == "/news/briefings/linked/"
    ]
    assert _hrefs(content) == _hrefs(item["content_html"])


FEATURED_MD = """---
title: Links on the pages that show this article's text
date: 2025-02-05T08:00:00-05:00
event: {name: Briefing call, start: 2025-02-06T09:00:00-05:00, timezone: America/New_York}
---
Read [the summit briefing](../ishiba-trump-summit/) first, or [the root](../../../../../../etc/).

## Economy

Tariffs come up in [the G7 briefing](../g7-kananaskis/#economy), see [above](#economy).
"""


@pytest.mark.parametrize("base", [BASE_URL, "/news/"])
@pytest.mark.parametrize("page", ["briefings/featured/", "", "topics/economy/"])
def test_every_page_showing_the_article_resolves_its_links_to_the_pages_they_name(
    build: Callable[..., Path], page: str, base: str
) -> None:
    # The home page shows the next event's briefing in full and a topic page its
    # section: a link written relative to the briefing's own page must still land
    # where it does on that page, as a browser resolves it (with or without a host).
    out = build(base=base, **{"content/featured.md": FEATURED_MD})
    html = (out / page / "index.html").read_text()
    links = re.findall(r'<a href="([^"]*)" rel="noopener noreferrer">([^<]*)</a>', html)
    root = base if base.startswith("https:") else "https://browser.invalid" + base
    found = {text: urljoin(root + page, unescape(href)) for href, text in links}
    here = root + "briefings/featured/"
    if page != "topics/economy/":  # the lede is not on a topic's page
        assert found["the summit briefing"] == root + "briefings/ishiba-trump-summit/"
        assert found["the root"] == urljoin(here, "../../../../../../etc/")
    assert found["the G7 briefing"] == root + "briefings/g7-kananaskis/#economy"
    written = {text: href for href, text in links}
    if page == "briefings/featured/":  # its own page keeps every link as written
        assert written == {
            "the summit briefing": "../ishiba-trump-summit/",
            "the root": "../../../../../../etc/",
            "the G7 briefing": "../g7-kananaskis/#economy",
            "above": "#economy",
        }
    if page == "topics/economy/":  # only the section is there: the fragment names its page
        assert found["above"] == here + "#economy"
    else:  # the whole briefing is there, its sections' ids too: it stays on the page
        assert written["above"] == "#economy"
        assert 'id="economy"' in html


def test_calendar_event_that_ends_as_it_starts_has_no_end_at_its_start(
    build: Callable[..., Path],
) -> None:
    # RFC 5545 3.8.2.2: DTEND must be later than DTSTART; a DATE-TIME DTSTART alone
    # is the zero-length event the editor wrote.
    out = build(**{"content/point.md": POINT_MD})
    data = (out / "briefings/point/point.ics").read_bytes()
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.isoformat() == "2025-02-20T09:00:00+00:00"
    assert "DTEND" not in event or event.decoded("dtend") > start
    assert "DURATION" not in event


def test_calendar_event_a_fraction_of_a_second_long_has_no_end_at_its_start(
    build: Callable[..., Path],
) -> None:
    # ICS times are whole seconds: an end half a second after the start is written
    # as the same second, which RFC 5545 refuses as a DTEND.
    point = POINT_MD.replace("start: 2025-02-20T10:00:00+", "start: 2025-02-20T10:00:00.200+")
    point = point.replace("end: 2025-02-20T10:00:00+", "end: 2025-02-20T10:00:00.700+")
    out = build(**{"content/point.md": point})
    data = (out / "briefings/point/point.ics").read_bytes()
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.isoformat() == "2025-02-20T09:00:00+00:00"
    assert "DTEND" not in event or event.decoded("dtend") > start


@pytest.mark.parametrize(
    ("site_language", "article_language", "news_language"),
    [
        ("en-GB", "", "en"),
        ("en", "pt-BR", "pt"),
        ("en", "zh-Hant-TW", "zh-tw"),
        ("en", "zh-HK", "zh-tw"),
        ("en", "zh-Hans", "zh-cn"),
        ("en", "zh", "zh-cn"),
        ("en", "fil", "fil"),
        ("en", "zh-Hans-HK", "zh-cn"),
        ("en", "zh-CN-x-hk", "zh-cn"),
        ("en", "cmn-Hant", "zh-tw"),
        ("en-GB", "x-twain", "en"),
        ("en", "i-klingon", "en"),
    ],
)
def test_news_sitemap_gives_the_iso_639_code_google_news_reads(
    build: Callable[..., Path], site_language: str, article_language: str, news_language: str
) -> None:
    # Google's News sitemap schema: two or three letters, or zh-cn / zh-tw for Chinese.
    config = site_files()["briefing.yaml"]
    assert isinstance(config, str)
    article = LINKED_MD.replace("---\n", f"---\nlanguage: {article_language}\n", 1)
    out = build(
        **{
            "briefing.yaml": config.replace("language: en", f"language: {site_language}"),
            "content/linked.md": article if article_language else LINKED_MD,
        }
    )
    root = ET.fromstring((out / "news-sitemap.xml").read_bytes())
    languages = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language")
        for url in root.iter(f"{SITEMAP}url")
    }
    assert languages[BASE_URL + "briefings/linked/"] == news_language
    for language in languages.values():
        assert language is not None
        assert re.fullmatch(r"zh-cn|zh-tw|[a-z]{2,3}", language)


@pytest.mark.parametrize(
    ("tag", "news"),
    [
        ("en-GB", "en"),
        ("pt-BR", "pt"),
        ("fil-PH", "fil"),
        ("zh", "zh-cn"),
        ("zh-TW", "zh-tw"),
        ("zh-HK", "zh-tw"),
        ("zh-MO", "zh-tw"),
        ("zh-Hant", "zh-tw"),
        ("zh-Hans", "zh-cn"),
        ("zh-Hans-HK", "zh-cn"),  # the script says Simplified, whatever the region
        ("zh-Hant-CN", "zh-tw"),
        ("zh-x-tw", "zh-cn"),  # private use is not a region
        ("zh-CN-x-hk", "zh-cn"),
        ("cmn-Hant-TW", "zh-tw"),  # Mandarin's own code is Chinese to Google News
        ("cmn", "zh-cn"),
        ("x-twain", None),  # private use and grandfathered: no ISO 639 code
        ("i-klingon", None),
        ("", None),
        ("english", None),
    ],
)
def test_news_language_reads_a_bcp_47_tag_as_google_news_does(tag: str, news: str | None) -> None:
    assert news_language(tag) == news
