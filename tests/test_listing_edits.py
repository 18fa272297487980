"""What a reader sees on the listings after one article is edited, removed or added.

A rebuild redraws only the listing pages (tag pages, the archive's pages, topic
pages, feeds, search) whose briefings or their order changed, and keeps the rest
as the last build wrote them. If it kept one it should have redrawn, a reader
would find a briefing under a tag it no longer has, an old title, a link to a
removed page, or a new briefing missing: each step here looks for exactly that,
checks the pages that had nothing to do with the edit are byte for byte the
same, and matches the whole site to a clean one-process build without cache.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path

from conftest import Run
from test_speed_paths import NOW, articles, reference, tree

__all__ = ["articles"]  # the fixture, shared with test_speed_paths

_TAGS = re.compile(r"^tags: \[(.*)\]$", re.MULTILINE)
ARCHIVE = "briefings/index.html"  # the archive's first page; the others:
ARCHIVE_PAGES = "briefings/page/"
ENERGY = "tags/energy/index.html"
_TITLE = re.compile(r'^title: "(.*)"$', re.MULTILINE)


def _build(cli: Callable[..., Run], site: Path) -> dict[str, bytes]:
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    return tree(site / "build")


def _tags(source: Path) -> list[str]:
    found = _TAGS.search(source.read_text())
    assert found is not None
    return [tag.strip() for tag in found.group(1).split(",")]


def _link(source: Path) -> bytes:
    """How a listing links to the briefing of `source` (its slug is the file's stem)."""
    return f"briefings/{source.stem}/".encode()


def _pages(files: dict[str, bytes], folder: str) -> dict[str, bytes]:
    """The HTML pages under `folder` (a listing and its numbered pages)."""
    return {p: d for p, d in files.items() if p.startswith(folder) and p.endswith(".html")}


def _listed(page: bytes) -> list[str]:
    """The briefings a listing page links to, in its order."""
    return re.findall(r'href="[^"]*(briefings/[^"/]+/)"', page.decode())


def _listing_text(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files a reader reads as text: pages, feeds and the sitemap (not the index's
    compressed shards)."""
    return {p: d for p, d in files.items() if p.endswith((".html", ".xml", ".json"))}


def test_a_tag_change_moves_the_briefing_between_tag_pages_and_a_title_change_shows_on_every_listing(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site = make_site(articles)
    before = _build(cli, site)
    sources = sorted((site / "content").glob("*.md"))
    source = next(s for s in sources if "summit" in _tags(s) and "asia" not in _tags(s))
    old_tags = _tags(source)
    new_tags = sorted({*old_tags} - {"summit"} | {"harbour"})
    text = source.read_text()
    source.write_text(_TAGS.sub(f"tags: [{', '.join(new_tags)}]", text, count=1))

    after = _build(cli, site)
    assert after == reference(site, cli)
    link = _link(source)
    assert any(link in page for page in _pages(after, "tags/harbour/").values())
    summit = _pages(after, "tags/summit/")
    assert summit and not any(link in page for page in summit.values())
    assert len(_pages(after, "tags/summit/")) <= len(_pages(before, "tags/summit/"))
    # A tag it never had: its pages are the very bytes of the build before.
    assert _pages(after, "tags/asia/") == _pages(before, "tags/asia/")
    for tag in set(old_tags) & set(new_tags):  # still tagged: still listed
        assert any(link in page for page in _pages(after, f"tags/{tag}/").values())

    found = _TITLE.search(source.read_text())
    assert found is not None
    old_title = found.group(1)
    new_title = "Aardvark Envoys Rename Their Talks"  # escapes to itself in HTML
    source.write_text(source.read_text().replace(f'title: "{old_title}"', f'title: "{new_title}"'))

    renamed = _build(cli, site)
    assert renamed == reference(site, cli)
    was = escape(old_title).encode()  # as the pages print it
    assert any(was in data for data in _listing_text(after).values())
    shown = _listing_text(renamed)
    assert not any(was in data or old_title.encode() in data for data in shown.values())
    listings = {
        p: d
        for p, d in shown.items()
        if (p == ARCHIVE or p.startswith((ARCHIVE_PAGES, "tags/", "topics/"))) and link in d
    }
    assert any(p.startswith("tags/harbour/") for p in listings)
    assert any(p == ARCHIVE or p.startswith(ARCHIVE_PAGES) for p in listings)
    assert any(p.startswith("topics/") for p in listings)
    assert all(new_title.encode() in data for data in listings.values())
    # Its tags' pages that list it changed; a tag's pages it is not on did not.
    assert _pages(renamed, "tags/asia/") == _pages(before, "tags/asia/")


def test_a_removed_briefing_leaves_every_listing_and_an_added_one_leads_them(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site = make_site(articles)
    before = _build(cli, site)
    sources = sorted((site / "content").glob("*.md"))
    gone = next(s for s in sources if "energy" in _tags(s))
    link = _link(gone)
    assert any(link in page for page in _pages(before, "tags/energy/").values())
    gone.unlink()

    after = _build(cli, site)
    assert after == reference(site, cli)
    assert not any(link in data for data in _listing_text(after).values())
    assert not any(p.startswith(f"briefings/{gone.stem}/") for p in after)

    added = site / "content" / "zz-added-briefing.md"
    added.write_text(
        '---\ntitle: "Harbour Pilots Join the Summit"\ndate: 2026-12-31T09:00:00+00:00\n'
        "tags: [energy, harbour]\n---\n\nHarbour pilots met officials to talk about trade.\n"
    )
    grown = _build(cli, site)
    assert grown == reference(site, cli)
    new_link = _link(added)
    for first_page in (ARCHIVE, ENERGY, "tags/harbour/index.html"):
        assert _listed(grown[first_page])[0] == new_link.decode(), first_page  # the newest leads
    # Every briefing on the energy pages moved one place on: page 1's last is page 2's first.
    assert _listed(grown["tags/energy/page/2/index.html"])[0] == _listed(after[ENERGY])[-1]
    assert _pages(grown, "tags/asia/") == _pages(after, "tags/asia/")  # it is not tagged asia
