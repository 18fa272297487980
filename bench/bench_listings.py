"""How listing pages scale: archive, topic and tag pages for n briefings.

Usage: python bench/bench_listings.py [N ...]   (default: 1000 10000)

Briefings are assembled once from small synthetic articles through the real
pipeline (12 tags shared out, every briefing in two of four topics); then
`listings.pages` (the data) and rendering every listing page are timed. With
O(n log n) listings, ten times the briefings costs about ten times the time.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta

from briefing_site.config.schema import parse_config
from briefing_site.content.assemble import Tools, assemble, order_briefings
from briefing_site.content.load import parse_markdown_article
from briefing_site.model import Briefing, Site
from briefing_site.output.listings import pages
from briefing_site.output.render import Urls, _install_helpers, _render_listing
from briefing_site.output.theme import make_environment

NOW = datetime(2025, 6, 15, 12, tzinfo=UTC)
TOPICS = ("Economy", "Defense", "History", "Outlook")


def article(i: int) -> str:
    day = NOW - timedelta(days=i % 900, hours=i % 24)
    event = (day + timedelta(days=3)).date().isoformat()
    tags = f"[tag{i % 12}, tag{(i * 7) % 12}]"
    a, b = TOPICS[i % 4], TOPICS[(i + 1) % 4]
    return (
        f"---\ntitle: Briefing {i}\nsummary: About {i}.\ndate: {day.isoformat()}\n"
        f"event: {{name: E{i}, start: '{event}', timezone: UTC, location: Here}}\n"
        f"tags: {tags}\n---\n\nLede {i}.\n\n## {a}\n\nText {i}.\n\n## {b}\n\nMore {i}.\n"
    )


def briefings(n: int, tools: Tools) -> list[Briefing]:
    return [
        assemble(parse_markdown_article(article(i), f"content/b{i}.md"), tools, NOW).briefing
        for i in range(n)
    ]


def measure(n: int) -> None:
    config = parse_config("page_size: 20\n")
    tools = Tools.for_config(config)
    started = time.perf_counter()
    items = briefings(n, tools)
    assembled = time.perf_counter() - started
    site = Site(config=config, now=NOW, briefings=order_briefings(items, NOW))
    started = time.perf_counter()
    all_pages = list(pages(site))
    listed = time.perf_counter() - started
    env = make_environment(None)
    urls = Urls(config.base_url)
    _install_helpers(env, urls, site)
    started = time.perf_counter()
    size = sum(len(_render_listing(env, urls, pager).data) for pager in all_pages)
    rendered = time.perf_counter() - started
    print(
        f"n={n:>6}  assemble {assembled:6.2f}s  listings {listed * 1000:7.1f} ms  "
        f"render {len(all_pages):>5} pages {rendered:6.2f}s ({size / 1e6:.1f} MB)"
    )


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1000", "10000"]:
        measure(int(arg))
