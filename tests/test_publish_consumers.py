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

    def run(*args: str, **extra: str) -> Path:
        site = make_site({**site_files(), **extra})
        result = cli("build", "-s", str(site), "--now", NOW, "-b", BASE_URL, *args)
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


FEATURED_MD = """---
title: Links on the pages that show this article's text
date: 2025-02-05T08:00:00-05:00
event: {name: Briefing call, start: 2025-02-06T09:00:00-05:00, timezone: America/New_York}
---
Read [the summit briefing](../ishiba-trump-summit/) first.

## Economy

Tariffs come up in [the G7 briefing](../g7-kananaskis/#economy), see [above](#economy).
"""


@pytest.mark.parametrize("page", ["briefings/featured/", "", "topics/economy/"])
def test_every_page_showing_the_article_resolves_its_links_to_the_pages_they_name(
    build: Callable[..., Path], page: str
) -> None:
    # The home page shows the next event's briefing in full and a topic page its
    # section: a link written relative to the briefing's own page must still land there.
    out = build(**{"content/featured.md": FEATURED_MD})
    html = (out / page / "index.html").read_text()
    found = {
        text: urljoin(BASE_URL + page, unescape(href))
        for href, text in re.findall(
            r'<a href="([^"]*)" rel="noopener noreferrer">([^<]*)</a>', html
        )
    }
    here = BASE_URL + "briefings/featured/"
    if page != "topics/economy/":  # the lede is not on a topic's page
        assert found["the summit briefing"] == BASE_URL + "briefings/ishiba-trump-summit/"
    assert found["the G7 briefing"] == BASE_URL + "briefings/g7-kananaskis/#economy"
    assert found["above"] == here + "#economy"


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
