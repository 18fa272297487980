"""A newsroom's site: a dozen briefings, home order, archive, topic and tag pages,
pagination, drafts and the future-date rule, all built through the CLI."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from conftest import Run, run_cli, write_site
from htmlcheck import Page

from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import load_site
from briefing_site.output.listings import Entry, listings

NOW = "2025-06-15T12:00:00+00:00"


def article(
    title: str,
    *,
    date: str | None = None,
    event: str | None = None,
    tags: tuple[str, ...] = (),
    topics: tuple[str, ...] = ("Economy",),
    extra: str = "",
) -> str:
    """A small Markdown briefing; each topic heading gets one paragraph naming its article."""
    meta = [f'title: "{title}"', f'summary: "About {title}."']
    if date:
        meta.append(f"date: {date}")
    if event:
        meta.append(
            f"event: {{name: {title}, start: '{event}', timezone: Europe/Brussels, "
            "location: Brussels}"
        )
    if tags:
        meta.append(f"tags: [{', '.join(tags)}]")
    body = [f"The lede of {title}."]
    body += [f"## {topic}\n\n{topic} paragraph of {title}." for topic in topics]
    return "---\n" + "\n".join(meta) + extra + "\n---\n\n" + "\n\n".join(body) + "\n"


# slug: (publication date, event start); NOW is 2025-06-15 12:00 UTC.
NEWSROOM: dict[str, str] = {
    "content/today-talks.md": article(
        "Today talks", date="2025-06-10T09:00:00+00:00", event="2025-06-15", tags=("trade",)
    ),
    "content/g7-summit.md": article(
        "G7 summit",
        date="2025-06-12T09:00:00+00:00",
        event="2025-06-16T10:00:00+02:00",
        tags=("g7", "trade"),
        topics=("Economy", "Defense"),
    ),
    "content/nato-summit.md": article(
        "NATO summit",
        date="2025-06-11T09:00:00+00:00",
        event="2025-06-24T10:00:00+02:00",
        tags=("defense",),
        topics=("Defense",),
    ),
    "content/apec-meeting.md": article(
        "APEC meeting", date="2025-06-01T09:00:00+00:00", event="2025-10-31", tags=("trade",)
    ),
    "content/spring-visit.md": article(
        "Spring visit", date="2025-06-14T09:00:00+00:00", event="2026-04-01"
    ),
    "content/june-call.md": article(
        "June call",
        date="2025-06-02T09:00:00+00:00",
        event="2025-06-05T10:00:00+02:00",
        topics=("Economy", "History"),
    ),
    "content/may-forum.md": article(
        "May forum", date="2025-05-20T09:00:00+00:00", event="2025-05-22", tags=("trade",)
    ),
    "content/april-talks.md": article(
        "April talks",
        date="2025-04-08T09:00:00+00:00",
        event="2025-04-10T10:00:00+02:00",
        topics=("History",),
    ),
    "content/march-summit.md": article(
        "March summit",
        date="2025-03-01T09:00:00+00:00",
        event="2025-03-03",
        tags=("trade", "g7"),
    ),
    "content/winter-meeting.md": article(
        "Winter meeting", date="2025-01-10T09:00:00+00:00", event="2025-01-20"
    ),
    "content/no-event-note.md": article("No event note", date="2025-05-01", tags=("trade",)),
    "content/old-visit.md": article(
        "Old visit", date="2024-11-01T09:00:00+00:00", event="2024-11-05", topics=("Outlook",)
    ),
    "content/secret-plan.md": article(
        "Secret plan",
        date="2025-06-13T09:00:00+00:00",
        event="2025-06-15T18:00:00+02:00",
        tags=("trade",),
        extra="\ndraft: true",
    ),
    "content/embargoed.md": article(
        "Embargoed story",
        date="2025-06-20T06:00:00+00:00",
        event="2025-06-25",
        tags=("trade",),
    ),
}
PUBLIC = 12


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """The newsroom site, built once with four entries a page."""
    site = write_site(
        tmp_path_factory.mktemp("newsroom"), {**NEWSROOM, "briefing.yaml": "page_size: 4\n"}
    )
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    return site, result


def page(site: Path, path: str) -> Page:
    return Page((site / "build" / path).read_text(encoding="utf-8"))


def linked_slugs(html_page: Page, prefix: str = "/briefings/") -> list[str]:
    """Briefing slugs in link order (each once), from hrefs like /briefings/<slug>/."""
    found: list[str] = []
    for _, attrs in html_page.elements:
        match = re.fullmatch(
            re.escape(prefix) + r"([a-z0-9-]+)/(#[a-z-]+)?", attrs.get("href") or ""
        )
        if match and match.group(1) != "page" and match.group(1) not in found:
            found.append(match.group(1))
    return found


def card_slugs(html: str) -> list[str]:
    """Slugs of the cards (`<article class="card">`) in page order, from each one's first link."""
    slugs: list[str] = []
    in_card = False
    for tag, attrs in Page(html).elements:
        if tag == "article":
            in_card = "card" in (attrs.get("class") or "").split()
        elif tag == "a" and in_card:
            slugs.append((attrs.get("href") or "").removeprefix("/briefings/").rstrip("/"))
            in_card = False
    return slugs


def test_home_features_todays_event_then_upcoming_soonest_then_past_newest(
    newsroom: tuple[Path, Run],
) -> None:
    site, _ = newsroom
    html = (site / "build/index.html").read_text()
    home = Page(html)
    assert home.find("time", class_="countdown")[0]["data-state"] == "today"
    assert "The lede of Today talks." in home.text
    # page_size 4: the home page lists the next four, the archive the rest.
    assert card_slugs(html) == ["g7-summit", "nato-summit", "apec-meeting", "spring-visit"]
    assert home.find("a", href="/briefings/")


def test_home_cards_show_state_dateline_summary_and_topics(newsroom: tuple[Path, Run]) -> None:
    site, _ = newsroom
    html = (site / "build/index.html").read_text()
    card = html[
        html.index('<article class="card">') : html.index(
            "</article>", html.index('<article class="card">')
        )
    ]
    text = Page(card).text
    assert "Starts in" in text and "Brussels" in text and "Monday, June 16, 2025" in text
    assert "About G7 summit." in text and "Economy · Defense" in text


def test_archive_lists_every_public_briefing_across_stable_pages(
    newsroom: tuple[Path, Run],
) -> None:
    site, _ = newsroom
    pages = ["briefings/index.html", "briefings/page/2/index.html", "briefings/page/3/index.html"]
    slugs = [card_slugs((site / "build" / p).read_text()) for p in pages]
    assert [len(s) for s in slugs] == [4, 4, 4]
    assert not (site / "build/briefings/page/4").exists()
    assert [s for group in slugs for s in group] == [
        "today-talks",
        "g7-summit",
        "nato-summit",
        "apec-meeting",
        "spring-visit",
        "june-call",
        "may-forum",
        "no-event-note",
        "april-talks",
        "march-summit",
        "winter-meeting",
        "old-visit",
    ]


def test_pagination_links_previous_and_next(newsroom: tuple[Path, Run]) -> None:
    site, _ = newsroom
    first, middle, last = (
        page(site, p)
        for p in (
            "briefings/index.html",
            "briefings/page/2/index.html",
            "briefings/page/3/index.html",
        )
    )
    assert not first.find("a", rel="prev") and first.find(
        "a", rel="next", href="/briefings/page/2/"
    )
    assert middle.find("a", rel="prev", href="/briefings/")
    assert middle.find("a", rel="next", href="/briefings/page/3/")
    assert middle.find("a", href="/briefings/page/2/", **{"aria_current": "page"})
    assert last.find("a", rel="prev", href="/briefings/page/2/") and not last.find("a", rel="next")
    # Without a host in base_url there is no canonical URL to give (a relative one is invalid).
    assert not middle.find("link", rel="canonical")


def test_topic_page_gathers_sections_newest_first_linking_to_each_section(
    newsroom: tuple[Path, Run],
) -> None:
    site, _ = newsroom
    first = page(site, "topics/defense/index.html")
    links = [a["href"] for _, a in first.elements if (a.get("href") or "").endswith("#defense")]
    assert links == ["/briefings/g7-summit/#defense", "/briefings/nato-summit/#defense"]
    assert "Defense paragraph of G7 summit." in first.text
    assert "Economy paragraph of G7 summit." not in first.text
    history = page(site, "topics/history/index.html")
    assert linked_slugs(history) == ["june-call", "april-talks"]
    # Every briefing page links the section the topic page points at.
    nato = page(site, "briefings/nato-summit/index.html")
    assert nato.find("section", id="defense", data_topic="defense")


def test_topic_pages_paginate_newest_first(newsroom: tuple[Path, Run]) -> None:
    site, _ = newsroom
    economy = [
        linked_slugs(page(site, p))
        for p in ("topics/economy/index.html", "topics/economy/page/2/index.html")
    ]
    assert economy[0] == ["spring-visit", "g7-summit", "today-talks", "june-call"]
    assert economy[1] == ["apec-meeting", "may-forum", "no-event-note", "march-summit"]
    assert linked_slugs(page(site, "topics/economy/page/3/index.html")) == ["winter-meeting"]


def test_empty_topic_still_has_its_page(newsroom: tuple[Path, Run]) -> None:
    site, _ = newsroom
    outlook = page(site, "topics/outlook/index.html")
    assert linked_slugs(outlook) == ["old-visit"]


def test_tag_pages_list_tagged_briefings_newest_first(newsroom: tuple[Path, Run]) -> None:
    site, _ = newsroom
    g7 = (site / "build/tags/g7/index.html").read_text()
    assert card_slugs(g7) == ["g7-summit", "march-summit"]
    trade = [
        card_slugs((site / "build" / p).read_text())
        for p in ("tags/trade/index.html", "tags/trade/page/2/index.html")
    ]
    assert trade == [
        ["g7-summit", "today-talks", "apec-meeting", "may-forum"],
        ["no-event-note", "march-summit"],
    ]
    # A briefing's tags link to their pages.
    assert page(site, "briefings/g7-summit/index.html").find("a", href="/tags/g7/", rel="tag")


def test_drafts_and_future_articles_are_left_out(newsroom: tuple[Path, Run]) -> None:
    site, result = newsroom
    assert not (site / "build/briefings/secret-plan").exists()
    assert not (site / "build/briefings/embargoed").exists()
    everything = "".join(p.read_text() for p in (site / "build").rglob("*.html"))
    assert "Secret plan" not in everything and "Embargoed story" not in everything
    assert f"built {PUBLIC} briefings" in result.out


def test_future_article_is_named_in_a_warning(newsroom: tuple[Path, Run]) -> None:
    _, result = newsroom
    held = [line for line in result.err.splitlines() if "held back" in line]
    assert len(held) == 1
    assert held[0].startswith("content/embargoed.md:4: warning: held back: 'Embargoed story'")
    assert "secret-plan" not in result.err


def test_future_article_appears_once_the_clock_reaches_it(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site({"content/embargoed.md": NEWSROOM["content/embargoed.md"]})
    before = cli("build", "-s", str(site), "--now", "2025-06-20T05:59:59+00:00")
    assert before.code == 0 and "held back" in before.err
    assert not (site / "build/briefings/embargoed").exists()
    after = cli("build", "-s", str(site), "--now", "2025-06-20T06:00:00+00:00")
    assert after.code == 0 and after.err == ""
    assert (site / "build/briefings/embargoed/index.html").exists()


def test_drafts_flag_shows_drafts_and_scheduled_with_a_visible_mark(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(
        {
            "content/secret-plan.md": NEWSROOM["content/secret-plan.md"],
            "content/embargoed.md": NEWSROOM["content/embargoed.md"],
            "content/g7-summit.md": NEWSROOM["content/g7-summit.md"],
        }
    )
    result = cli("build", "-s", str(site), "--now", NOW, "--drafts")
    assert result.code == 0 and "held back" not in result.err
    draft = page(site, "briefings/secret-plan/index.html")
    (mark,) = draft.find("span", data_status="draft")
    assert mark["class"] == "status-mark" and "Draft" in draft.text
    scheduled = page(site, "briefings/embargoed/index.html")
    assert scheduled.find("span", data_status="scheduled")
    assert not page(site, "briefings/g7-summit/index.html").find("span", class_="status-mark")
    home_html = (site / "build/index.html").read_text()
    assert home_html.count('data-status="draft"') == 1 and 'data-status="scheduled"' in home_html


def test_a_drafts_preview_keeps_drafts_out_of_the_feeds_and_sitemaps(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """A preview shows drafts and scheduled briefings, but never announces them:
    feeds and sitemaps list only what readers can see (a preview may be deployed)."""
    site = make_site(
        {
            "briefing.yaml": "title: T\ngoogle_news: true\n",
            "content/secret-plan.md": NEWSROOM["content/secret-plan.md"],
            "content/embargoed.md": NEWSROOM["content/embargoed.md"],
            "content/g7-summit.md": NEWSROOM["content/g7-summit.md"],
        }
    )
    now = "2025-06-13T12:00:00+00:00"  # the draft is a day old: inside the news window
    built = cli(
        "build", "-s", str(site), "-b", "https://example.org/news/", "--now", now, "--drafts"
    )
    assert built.code == 0, built.err
    assert (site / "build/briefings/secret-plan/index.html").is_file()
    for name in ("feed.xml", "feed.json", "sitemap.xml", "news-sitemap.xml"):
        text = (site / "build" / name).read_text()
        assert "g7-summit" in text, name
        assert "secret-plan" not in text and "Secret plan" not in text, name
        assert "embargoed" not in text and "Embargoed" not in text, name


def test_feeds_carry_the_fifty_newest_with_undated_briefings_at_the_build_date(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """Feed entries are the 50 newest published briefings by publication time, an
    undated one counted at 00:00 of the build date (a tie broken by slug), whatever
    the home page and listings make of their events; drafts and later dates stay out.
    Built with the cache and without it (the reference build), and again after an edit."""
    when = datetime.fromisoformat(NOW)
    today = when.replace(hour=0, minute=0)
    dated = [today.replace(day=15 - n % 30 // 2, hour=n % 5 * 3) for n in range(50)]
    dated += [today, today, when.replace(hour=13)]  # two tie with the undated; one is not out yet
    files: dict[str, str | bytes] = {}
    expected: list[tuple[datetime, str]] = []
    for n, date in enumerate(dated):
        slug = f"d{(n * 37) % 53:02d}"  # slug order unlike date order
        files[f"content/{slug}.md"] = article(slug, date=date.isoformat())
        if date <= when:
            expected.append((date, slug))
    for n in range(12):  # undated: an event far ahead, long past, or none
        slug = f"u{(n * 5) % 12:02d}"
        event = ("2026-01-01", "2024-01-01", None)[n % 3]
        files[f"content/{slug}.md"] = article(slug, event=event)
        expected.append((today, slug))
    files["content/d-draft.md"] = article("d-draft", date=NOW, extra="\ndraft: true")
    newest = [
        slug for _, slug in sorted(expected, key=lambda item: (-item[0].timestamp(), item[1]))
    ]
    site = make_site(files)

    def feed_slugs(*options: str) -> list[str]:
        built = cli("build", "-s", str(site), "--now", NOW, *options)
        assert built.code == 0, built.err
        items = json.loads((site / "build/feed.json").read_text())["items"]
        return [item["url"].rstrip("/").rsplit("/", 1)[-1] for item in items]

    assert feed_slugs("-j", "1", "--no-cache") == newest[:50]
    assert feed_slugs() == newest[:50]
    (site / "content/u00.md").unlink()  # an undated one among the fifty goes
    assert feed_slugs() == [slug for slug in newest if slug != "u00"][:50]


def test_tag_pages_carry_the_tag_as_the_editors_wrote_it(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """The slug names the URL; the page says "United States". Spelled two ways, the
    most common spelling wins, and on a tie the newest briefing's."""
    site = make_site(
        {
            "content/a.md": article(
                "A", date="2025-06-14T09:00:00+00:00", tags=("united states", "eu")
            ),
            "content/b.md": article("B", date="2025-06-13T09:00:00+00:00", tags=("United States",)),
            "content/c.md": article(
                "C", date="2025-06-12T09:00:00+00:00", tags=("United  States", "EU", "U.S.-Japan")
            ),
        }
    )
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    for slug, name in (
        ("united-states", "United States"),
        ("eu", "eu"),
        ("u-s-japan", "U.S.-Japan"),
    ):
        html = (site / f"build/tags/{slug}/index.html").read_text()
        assert f"<h1>{name}</h1>" in html and f"<title>Tag: {name} · " in html, slug
    # A briefing's own tag links use its own spelling.
    html = (site / "build/briefings/c/index.html").read_text()
    assert re.findall(r'<a class="tag" href="([^"]*)" rel="tag"[^>]*>([^<]*)</a>', html) == [
        ("/tags/united-states/", "United States"),
        ("/tags/eu/", "EU"),
        ("/tags/u-s-japan/", "U.S.-Japan"),
    ]


def test_a_respelt_tag_retitles_every_page_of_its_listing_on_a_cached_rebuild(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """Page 2 of a tag lists one briefing, but its title depends on them all."""
    site = make_site(
        {
            "briefing.yaml": "title: T\npage_size: 1\n",
            "content/a.md": article("A", date="2025-06-14T09:00:00+00:00", tags=("eu",)),
            "content/b.md": article("B", date="2025-06-13T09:00:00+00:00", tags=("EU",)),
            "content/c.md": article("C", date="2025-06-12T09:00:00+00:00", tags=("EU",)),
        }
    )
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    second = site / "build/tags/eu/page/2/index.html"
    assert "<h1>EU</h1>" in second.read_text()
    (site / "content/c.md").write_text(article("C", date="2025-06-12T09:00:00+00:00", tags=("eu",)))
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert "<h1>eu</h1>" in second.read_text()


def test_page_size_must_be_a_positive_whole_number(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site({"briefing.yaml": "title: T\npage_size: 0\n"})
    result = cli("check", "-s", str(site))
    assert result.code == 1
    assert result.err.startswith("briefing.yaml:2: page_size: 0 must be a whole number")


def test_site_without_briefings_still_has_an_archive(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site({"briefing.yaml": "title: Empty\n"})
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert "No briefings yet." in (site / "build/briefings/index.html").read_text()
    assert (site / "build/topics/economy/index.html").exists()


def test_listing_links_work_under_a_sub_path(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site({"content/g7-summit.md": NEWSROOM["content/g7-summit.md"]})
    base = "https://example.github.io/news/"
    assert cli("build", "-s", str(site), "--now", NOW, "-b", base).code == 0
    topic = page(site, "topics/defense/index.html")
    assert topic.find("a", href="/news/briefings/g7-summit/#defense")
    assert page(site, "index.html").find("a", href="/news/topics/economy/")
    assert page(site, "tags/g7/index.html").find("link", rel="canonical", href=base + "tags/g7/")


def test_listing_entries_are_each_briefings_own_sections_read_by_place(tmp_path: Path) -> None:
    """A listing keeps its entries as places (`listings.Entries`); each one read, by
    index, from the end or in a page's slice, is the briefing and its very section
    object, in newest-first order, as the topic pages draw them."""
    files = {
        f"content/b{n}.md": article(
            f"Briefing {n}",
            date=f"2025-05-{n + 1:02d}T09:00:00+00:00",
            tags=("trade",) if n % 2 else ("trade", "defense"),
            topics=("Economy", "Defense") if n % 3 else ("Defense",),
        )
        for n in range(7)
    }
    site = load_site(BuildOptions(write_site(tmp_path, files), datetime.fromisoformat(NOW))).site
    found = {(listing.kind, listing.key): listing.entries for listing in listings(site)}
    newest = sorted(site.briefings, key=lambda b: b.meta.date or NOW, reverse=True)
    defense = [Entry(b, s) for b in newest for s in b.sections if s.topic == "defense"]
    entries = found[("topic", "defense")]
    assert len(entries) == len(defense) == 7
    assert list(entries) == defense and entries[-1] == defense[-1]
    assert entries[2:5] == tuple(defense[2:5])
    assert all(
        e.section is next(s for s in e.briefing.sections if s.topic == "defense") for e in entries
    )
    tagged = [b for b in newest if "defense" in b.meta.tags]
    assert [e.briefing for e in found[("tag", "defense")]] == tagged
    assert [e.briefing for e in found[("archive", "")]] == list(site.briefings)
    with pytest.raises(IndexError):
        entries[7]
