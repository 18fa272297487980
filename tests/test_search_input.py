"""What of a page the indexer is sent: the part it reads, giving the whole page's index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from test_site_structure import NEWSROOM, NOW

from briefing_site.build import search
from briefing_site.build.search import find_indexer, run_indexer
from briefing_site.build.search_input import indexer_input
from briefing_site.model import RenderedFile

# Pages that are not the theme's, each a way Pagefind reads more than the body.
NO_H1 = (
    b'<!doctype html>\n<html lang="de"><head><title>Gipfel in Berlin</title>'
    b'<script type="application/ld+json">{"a": "<p>"}</script></head>\n'
    b'<body><header><a href="/">Site</a></header><main id="main">\n'
    b'<div data-pagefind-body><p id="one">Die Minister treffen sich.</p>'
    b'<span data-pagefind-meta="date">2025-03-01</span></div>\ntext after the body\n'
    b"</main><footer>Built today</footer></body></html>\n"
)
WHOLE = {
    "a filter before the body": NO_H1.replace(b"<header>", b'<header data-pagefind-filter="x:y">'),
    "an h1 before the body": NO_H1.replace(b'<a href="/">Site</a>', b"<h1>Site</h1>"),
    "the body in a comment": NO_H1.replace(b"<div data-pagefind-body>", b"<!-- <div data-pagefind-body>"),
    "the body in a script": NO_H1.replace(b'{"a": "<p>"}', b"'<div data-pagefind-body>"),
    "two bodies": NO_H1.replace(b"<footer>", b"<footer data-pagefind-body>"),
    "no body": NO_H1.replace(b" data-pagefind-body", b""),
    "no html tag": NO_H1.replace(b'<html lang="de">', b""),
}  # fmt: skip


def briefing_pages(site: Path) -> list[RenderedFile]:
    build = site / "build"
    return [
        RenderedFile(path.relative_to(build).as_posix(), path.read_bytes())
        for path in sorted(build.glob("briefings/*/index.html"))
        if path.parent.name != "page"
    ]


def test_the_indexer_is_sent_a_briefing_page_from_its_body_on(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(dict(NEWSROOM))
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    for page in briefing_pages(site):
        sent = indexer_input(page.data)
        assert sent.startswith(b'<html lang="en"><title>')
        assert b'<article class="briefing" data-pagefind-body>' in sent
        assert sent.endswith(page.data[page.data.index(b"<article") :])
        assert b"application/ld+json" not in sent and b"site-search" not in sent
        assert len(sent) < 0.75 * len(page.data)


@pytest.mark.parametrize("why", sorted(WHOLE))
def test_a_page_whose_read_part_cannot_be_told_is_sent_whole(why: str) -> None:
    assert indexer_input(WHOLE[why]) == WHOLE[why]


def test_the_index_of_the_part_sent_is_the_index_of_the_whole_page(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = make_site(dict(NEWSROOM))
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    others = [RenderedFile(f"other/{n}/index.html", page) for n, page in enumerate(WHOLE.values())]
    pages = [*briefing_pages(site), RenderedFile("no-h1/index.html", NO_H1), *others]
    assert indexer_input(NO_H1) != NO_H1  # its title is the <title>'s
    sent = run_indexer(find_indexer(), pages)
    monkeypatch.setattr(search, "indexer_input", lambda page: page)
    whole = run_indexer(find_indexer(), pages)
    assert sent == whole
