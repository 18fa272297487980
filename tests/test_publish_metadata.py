"""Feeds, calendars, sitemaps and share metadata, read back with the tools readers use."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import icalendar
import pytest
from conftest import Run
from htmlcheck import Page
from publishing import BASE_URL, NOW, site_files

SEED = "briefings/ishiba-trump-summit/"
G7 = "briefings/g7-kananaskis/"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def build(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> Callable[..., Path]:
    """Build the two-briefing site with extra files or options; returns build/."""

    def run(*args: str, **extra: str) -> Path:
        site = make_site({**site_files(), **extra})
        result = cli("build", "-s", str(site), "--now", NOW, *args)
        assert result.code == 0, result.err
        return site / "build"

    return run


def head(out: Path, path: str) -> Page:
    return Page((out / path / "index.html").read_text())


def meta_content(page: Page, **attrs: str) -> str:
    (found,) = page.find("meta", **attrs)
    return found["content"] or ""


def test_atom_feed_parses_with_absolute_links_and_offset_dates(build: Callable[..., Path]) -> None:
    out = build("-b", BASE_URL)
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Summit Briefings"
    assert {link.rel: link.href for link in parsed.feed.links}["self"] == BASE_URL + "feed.xml"
    links = [entry.link for entry in parsed.entries]
    assert links == [BASE_URL + SEED, BASE_URL + G7]  # newest publication first
    raw = (out / "feed.xml").read_text()
    assert "<published>2025-02-05T09:00:00-05:00</published>" in raw
    assert "<updated>2025-02-05T07:00:00+01:00</updated>" in raw
    g7 = parsed.entries[1]
    assert g7.author == "Mari Tanaka"
    assert [tag.term for tag in g7.tags] == ["g7", "trade"]
    assert "Tariffs and trade will dominate" in g7.content[0].value
    assert parsed.entries[0].author == "The Briefing Desk"


def test_json_feed_has_the_briefings_with_absolute_urls(build: Callable[..., Path]) -> None:
    out = build("-b", BASE_URL)
    feed = json.loads((out / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == BASE_URL + "feed.json"
    assert [item["url"] for item in feed["items"]] == [BASE_URL + SEED, BASE_URL + G7]
    for item in feed["items"]:
        assert datetime.fromisoformat(item["date_published"]).tzinfo is not None
    assert feed["items"][1]["date_modified"] == "2025-02-05T07:00:00+01:00"


def test_every_page_links_both_feeds_in_its_head(build: Callable[..., Path]) -> None:
    out = build("-b", BASE_URL)
    for path in ("index.html", SEED + "index.html", "404.html"):
        page = Page((out / path).read_text())
        atom = page.find("link", rel="alternate", type="application/atom+xml")
        json_feed = page.find("link", rel="alternate", type="application/feed+json")
        assert atom and atom[0]["href"] == BASE_URL + "feed.xml", path
        assert json_feed and json_feed[0]["href"] == BASE_URL + "feed.json", path


def calendar(out: Path, slug: str) -> tuple[bytes, icalendar.Event]:
    data = (out / f"briefings/{slug}/{slug}.ics").read_bytes()
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    return data, event


def test_ics_is_rfc5545_crlf_folded_at_75_octets(build: Callable[..., Path]) -> None:
    data, _ = calendar(build("-b", BASE_URL), "g7-kananaskis")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long lines were folded
    for line in lines:
        line.decode("utf-8")  # no line ends inside a UTF-8 character


def test_ics_all_day_event_uses_dates_with_exclusive_end(build: Callable[..., Path]) -> None:
    data, event = calendar(build("-b", BASE_URL), "g7-kananaskis")
    assert event.decoded("dtstart") == date(2025, 6, 15)
    assert event.decoded("dtend") == date(2025, 6, 18)  # June 15-17 inclusive
    assert b"DTSTART;VALUE=DATE:20250615" in data
    assert str(event["summary"]).startswith("G7 summit: Kananaskis, Alberta; 51st meeting — 東京")
    assert str(event["location"]) == "Kananaskis Village, Alberta, Canada"
    assert "trade, Ukraine; security" in str(event["description"])
    assert b"Kananaskis\\, Alberta\\; 51st" in data.replace(b"\r\n ", b"")


def test_ics_timed_event_is_in_utc_with_build_clock_stamp(build: Callable[..., Path]) -> None:
    _, event = calendar(build("-b", BASE_URL), "ishiba-trump-summit")
    assert event.decoded("dtstart") == datetime(2025, 2, 7, 16, 55, tzinfo=UTC)
    # The build clock's date (00:00 in its offset, -05:00): one stamp for every build that day.
    assert event.decoded("dtstamp") == datetime(2025, 2, 5, 5, 0, tzinfo=UTC)
    assert str(event["url"]) == BASE_URL + SEED


def test_ics_uid_is_stable_across_builds_and_distinct_per_briefing(
    build: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    out = build("-b", BASE_URL)
    first = str(calendar(out, "g7-kananaskis")[1]["uid"])
    site = out.parent
    assert cli("build", "-s", str(site), "--now", "2025-03-01T00:00:00Z", "-b", BASE_URL).code == 0
    _, again = calendar(out, "g7-kananaskis")
    assert str(again["uid"]) == first
    assert again.decoded("dtstamp") == datetime(2025, 3, 1, tzinfo=UTC)
    assert str(calendar(out, "ishiba-trump-summit")[1]["uid"]) != first


def test_briefing_page_links_its_calendar_file(build: Callable[..., Path]) -> None:
    out = build("-b", BASE_URL)
    page = head(out, G7)
    (link,) = [a for a in page.find("a") if (a.get("href") or "").endswith(".ics")]
    assert link["href"] == "/briefings/" + G7 + "g7-kananaskis.ics"
    assert "Add to calendar" in page.text


def jsonld(page: Page, html: str) -> dict[str, object]:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data: dict[str, object] = json.loads(block)
    return data


def test_news_article_json_ld_has_the_required_fields(build: Callable[..., Path]) -> None:
    out = build("-b", BASE_URL)
    html = (out / G7 / "index.html").read_text()
    article = jsonld(Page(html), html)
    assert article["@context"] == "https://schema.org" and article["@type"] == "NewsArticle"
    assert article["headline"] == "Leaders meet in Kananaskis; what's at stake, and why"
    assert (
        article["description"]
        == "G7 leaders gather in the Rockies — trade, Ukraine; security, energy."
    )
    assert article["datePublished"] == "2025-02-04T08:30:00+01:00"
    assert article["dateModified"] == "2025-02-05T07:00:00+01:00"
    assert article["author"] == [{"@type": "Person", "name": "Mari Tanaka"}]
    assert article["publisher"] == {
        "@type": "Organization",
        "name": "Summit Briefings Ltd",
        "url": BASE_URL,
    }
    assert article["image"] == ["https://images.example.org/kananaskis.jpg"]
    event = article["about"]
    assert isinstance(event, dict)
    assert event["@type"] == "Event"
    assert (event["startDate"], event["endDate"]) == ("2025-06-15", "2025-06-17")
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["location"] == {
        "@type": "Place",
        "name": "Kananaskis Village",
        "address": "Kananaskis Village, Alberta, Canada",
    }
    assert [p["name"] for p in event["attendee"]] == ["Mark Carney", "Shigeru Ishiba"]


def test_timed_event_json_ld_carries_offsets_and_author_defaults(
    build: Callable[..., Path],
) -> None:
    out = build("-b", BASE_URL)
    html = (out / SEED / "index.html").read_text()
    article = jsonld(Page(html), html)
    assert article["author"] == [{"@type": "Person", "name": "The Briefing Desk"}]
    event = article["about"]
    assert isinstance(event, dict)
    assert event["startDate"] == "2025-02-07T11:55:00-05:00"
    assert datetime.fromisoformat(str(event["startDate"])).utcoffset() == timedelta(hours=-5)


def test_json_ld_keeps_a_hostile_title_inside_its_script(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    hostile = '</script><script>alert(1)</script> & "quotes"'
    site = make_site(
        {
            "content/x.md": f"---\ntitle: {json.dumps(hostile)}\ndate: 2025-01-01T00:00:00Z\n---\nBody.\n"
        }
    )
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    html = (site / "build/briefings/x/index.html").read_text()
    assert "<script>alert(1)" not in html
    assert jsonld(Page(html), html)["headline"] == hostile


def test_opengraph_and_twitter_tags_describe_the_briefing(build: Callable[..., Path]) -> None:
    page = head(build("-b", BASE_URL), G7)
    assert meta_content(page, property="og:type") == "article"
    assert meta_content(page, property="og:url") == BASE_URL + G7
    assert meta_content(page, property="og:title").startswith("Leaders meet in Kananaskis")
    assert meta_content(page, property="og:description").startswith("G7 leaders gather")
    assert meta_content(page, property="og:image") == "https://images.example.org/kananaskis.jpg"
    assert meta_content(page, name="twitter:card") == "summary_large_image"
    home = Page((build("-b", BASE_URL) / "index.html").read_text())
    assert meta_content(home, property="og:type") == "website"


def test_site_image_is_the_absolute_fallback_share_image(build: Callable[..., Path]) -> None:
    page = head(build("-b", BASE_URL), SEED)
    assert meta_content(page, property="og:image") == BASE_URL + "assets/share.png"


def test_sitemap_lists_every_page_with_lastmod(build: Callable[..., Path]) -> None:
    root = ET.fromstring((build("-b", BASE_URL) / "sitemap.xml").read_bytes())
    entries = {
        u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
        for u in root.iter(f"{SITEMAP}url")
    }
    # Listing pages (archive, topics, tags; issue 7) carry the build clock's date.
    listings = ("briefings/", "topics/", "tags/")
    assert {u for u in entries if u.removeprefix(BASE_URL).startswith(listings)} >= {
        BASE_URL + "briefings/",
        BASE_URL + "topics/economy/",
        BASE_URL + "tags/g7/",
    }
    assert {
        u: m for u, m in entries.items() if u in (BASE_URL + SEED, BASE_URL + G7) or u == BASE_URL
    } == {
        BASE_URL: "2025-02-05T00:00:00-05:00",
        BASE_URL + SEED: "2025-02-05T09:00:00-05:00",
        BASE_URL + G7: "2025-02-05T07:00:00+01:00",
    }
    assert entries[BASE_URL + "topics/economy/"] == "2025-02-05T00:00:00-05:00"


def test_news_sitemap_covers_only_the_last_two_days(build: Callable[..., Path]) -> None:
    out = build("-b", BASE_URL, "--now", "2025-02-06T12:00:00-05:00")
    root = ET.fromstring((out / "news-sitemap.xml").read_bytes())
    (entry,) = root.iter(f"{SITEMAP}url")  # the G7 briefing is 2.4 days old by then
    assert entry.findtext(f"{SITEMAP}loc") == BASE_URL + SEED
    assert entry.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}name") == "Summit Briefings Ltd"
    assert entry.findtext(f"{NEWS}news/{NEWS}publication_date") == "2025-02-05T09:00:00-05:00"
    robots = (out / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {BASE_URL}news-sitemap.xml" in robots


def test_custom_domain_writes_cname_and_serves_from_the_root(build: Callable[..., Path]) -> None:
    out = build(**{"briefing.yaml": "title: Desk\ncname: News.Example.org\n"})
    assert (out / "CNAME").read_text() == "news.example.org\n"
    page = head(out, SEED)
    assert meta_content(page, property="og:url") == "https://news.example.org/" + SEED
    assert page.find("link", rel="stylesheet")[0]["href"] == "/assets/style.css"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("cname: https://news.example.org/", "cname: 'https://news.example.org/' must be a domain"),
        ("google_news: yes please", "google_news: must be true or false"),
        ("image: javascript:alert(1)", "image: 'javascript:alert(1)' must be an http(s) URL"),
        ("image: ../../etc/passwd", "image: '../../etc/passwd' is not a usable path"),
    ],
)
def test_bad_publishing_config_is_a_located_error(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    line: str,
    message: str,
) -> None:
    site = make_site({"briefing.yaml": f"title: Desk\n{line}\n"})
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert f"briefing.yaml:2: {message}" in result.err
    assert not (site / "build").exists()


def test_without_a_host_no_sitemap_and_links_stay_root_relative(
    build: Callable[..., Path],
) -> None:
    out = build()
    assert not (out / "sitemap.xml").exists()
    assert "Sitemap:" not in (out / "robots.txt").read_text()
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.entries[0].link.endswith("/" + SEED)


def test_dates_keep_their_offsets_in_feeds(build: Callable[..., Path]) -> None:
    feed = json.loads((build("-b", BASE_URL) / "feed.json").read_text())
    published = datetime.fromisoformat(feed["items"][1]["date_published"])
    assert published.utcoffset() == timezone(timedelta(hours=1)).utcoffset(None)


def test_control_characters_in_copy_do_not_break_the_feed(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(
        {
            "content/c.yaml": "title: Control\ndate: 2025-01-01T00:00:00Z\n",
            "content/c.txt": "Lede with a form feed \x0c and an escape \x1b here.\nSecond.",
        }
    )
    assert cli("build", "-s", str(site), "-b", BASE_URL, "--now", NOW).code == 0
    parsed = feedparser.parse((site / "build/feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    words = " ".join(parsed.entries[0].content[0].value.split())  # a form feed is a space
    assert "Lede with a form feed and an escape here." in words


def test_bad_article_image_is_a_located_error(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(
        {"content/a.md": "---\ntitle: A\nimage: 'data:image/png;base64,xx'\n---\nText.\n"}
    )
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert "content/a.md:3: image: 'data:image/png;base64,xx' must be an http(s) URL" in result.err


def _with_language(language: str) -> dict[str, str]:
    """The G7 briefing's front matter with a `language:` line."""
    summit = site_files()["content/g7-kananaskis.md"]
    assert isinstance(summit, str)
    return {"content/g7-kananaskis.md": summit.replace("---\n", f"---\nlanguage: {language}\n", 1)}


def test_an_article_in_another_language_says_so_on_its_page_feeds_and_json_ld(
    build: Callable[..., Path],
) -> None:
    out = build("-b", BASE_URL, **_with_language("sk"))
    page = (out / G7 / "index.html").read_text()
    # Its own text is marked, the page's labels keep the site's language ...
    assert '<html lang="en">' in page
    assert re.search(r'<h1 lang="sk">', page) and re.search(
        r'<div class="lede"[^>]* lang="sk">', page
    )
    assert re.search(r'<section id="[a-z]+"[^>]* lang="sk">\n\s*<h2 [^>]*lang="en">', page)
    # ... so the search index stays one, in which the article is found.
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en"] and entry["languages"]["en"]["page_count"] == 2
    assert jsonld(Page(page), page)["inLanguage"] == "sk"
    _, event = calendar(out, "g7-kananaskis")
    assert event["SUMMARY"].params["LANGUAGE"] == "sk"
    news = ET.fromstring((out / "news-sitemap.xml").read_bytes())
    languages = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language")
        for url in news.iter(f"{SITEMAP}url")
    }
    assert languages == {BASE_URL + G7: "sk", BASE_URL + SEED: "en"}
    other = (out / SEED / "index.html").read_text()
    assert ' lang="sk"' not in other and jsonld(Page(other), other)["inLanguage"] == "en"
    home = (out / "index.html").read_text()
    assert '<html lang="en">' in home  # a listing keeps the site's language ...
    card = re.search(r'<h\d class="card-title"( lang="sk")?><a href="[^"]*' + G7, home)
    assert card and card[1], "the G7 card's title is marked as Slovak"
    items = {item["url"]: item for item in json.loads((out / "feed.json").read_text())["items"]}
    assert items[BASE_URL + G7]["language"] == "sk"
    assert "language" not in items[BASE_URL + SEED]
    atom = feedparser.parse((out / "feed.xml").read_bytes())
    langs = {entry.link: entry.title_detail.language for entry in atom.entries}
    assert (langs[BASE_URL + G7], langs[BASE_URL + SEED]) == ("sk", "en")


def test_a_language_name_instead_of_a_code_is_an_error_at_its_line(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site({**site_files(), **_with_language("Slovak")})
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert "content/g7-kananaskis.md:2: language: 'Slovak' must be a language code" in result.err
