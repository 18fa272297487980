"""A build for https://example.github.io/briefings/, served under /briefings/ and crawled.

Every internal link and asset must answer 200, from every page and from 404.html
as GitHub Pages serves it at any depth. Absolute URLs for the public host
(canonical, feeds, sitemap entries) are followed on the local server.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
from conftest import Run
from htmlcheck import Page
from publishing import BASE_URL, NOW, fetch, serve, site_files

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src"}


@pytest.fixture
def built(make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]) -> Path:
    site = make_site(site_files())
    result = cli("build", "-s", str(site), "-b", BASE_URL, "--now", NOW)
    assert result.code == 0, result.err
    return site / "build"


def page_links(html: str) -> list[str]:
    page = Page(html)
    links = []
    for tag, attribute in LINK_ATTRIBUTES.items():
        links += [a[attribute] or "" for a in page.find(tag) if a.get(attribute)]
    for meta in page.find("meta"):
        if meta.get("property") in ("og:url", "og:image"):
            links.append(meta["content"] or "")
    return links


def document_links(kind: str, body: bytes) -> list[str]:
    """The URLs inside a feed, sitemap or robots.txt."""
    if kind == "application/json":
        feed = json.loads(body)
        return [feed["home_page_url"], feed["feed_url"], *(i["url"] for i in feed["items"])]
    if kind in ("application/xml", "text/xml", "application/atom+xml"):
        root = ET.fromstring(body)
        return [e.text or "" for e in root.iter() if e.tag.endswith("}loc")] + [
            e.get("href", "") for e in root.iter() if e.tag.endswith("}link")
        ]
    if kind == "text/plain":
        return re.findall(r"^Sitemap: (\S+)$", body.decode(), flags=re.MULTILINE)
    return []


def crawl(local: str, starts: list[str]) -> dict[str, int]:
    """Status of every internal URL reachable from `starts`."""
    seen: dict[str, int] = {}
    queue = list(starts)
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        status, kind, body = fetch(url)
        seen[url] = status
        found = page_links(body.decode()) if kind == "text/html" else document_links(kind, body)
        for link in found:
            target = urljoin(url, link.replace(BASE_URL, local, 1)).split("#")[0]
            if urlsplit(target).netloc == urlsplit(local).netloc and target not in seen:
                queue.append(target)
    return seen


def test_every_internal_link_answers_200_under_the_sub_path(built: Path) -> None:
    with serve(built) as local:
        statuses = crawl(local, [local, local + "robots.txt", local + "sitemap.xml"])
    broken = {url: code for url, code in statuses.items() if code != 200}
    assert broken == {}
    visited = {url.removeprefix(local) for url in statuses}
    assert {"", "feed.xml", "feed.json", "sitemap.xml", "news-sitemap.xml"} <= visited
    assert "briefings/g7-kananaskis/g7-kananaskis.ics" in visited
    assert "briefings/ishiba-trump-summit/" in visited
    assert "assets/share.png" in visited


def test_404_page_links_work_when_served_at_a_deep_path(built: Path) -> None:
    with serve(built) as local:
        deep = local + "no/such/page/at/all/"
        status, _, body = fetch(deep)
        assert status == 404 and b"Page not found" in body
        links = [urljoin(deep, link) for link in page_links(body.decode()) if link[:1] != "#"]
        assert any(link.endswith("/assets/style.css") for link in links)
        statuses = {link: fetch(link)[0] for link in links if link.startswith(local)}
    assert statuses and all(code == 200 for code in statuses.values()), statuses


def test_pages_extras_are_in_the_output(built: Path) -> None:
    assert (built / ".nojekyll").is_file()
    assert (built / "404.html").is_file()
    robots = (built / "robots.txt").read_text()
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots.splitlines()
    assert not (built / "CNAME").exists()
