"""The search index a build writes: what it holds, that it is stable, and how it fails.

The index is read back from Pagefind's own files (each fragment is gzip'd
JSON naming a page's URL, text, filters and meta), so these tests see what
the browser's search client will see.
"""

from __future__ import annotations

import gzip
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import Run
from test_site_structure import NEWSROOM, NOW

PUBLISHED = {
    "today-talks", "g7-summit", "nato-summit", "apec-meeting", "spring-visit", "june-call",
    "may-forum", "april-talks", "march-summit", "winter-meeting", "no-event-note", "old-visit",
}  # fmt: skip


def fragments(build: Path) -> dict[str, dict[str, Any]]:
    """Every indexed page by URL: its text, filters and meta, as Pagefind stored them."""
    found = {}
    for path in sorted((build / "pagefind/fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        found[fragment["url"]] = fragment
    return found


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def newsroom(make_site: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_site(dict(NEWSROOM))


def test_index_holds_every_published_briefing_and_nothing_else(
    newsroom: Path, cli: Callable[..., Run]
) -> None:
    result = cli("build", "-s", str(newsroom), "--now", NOW)
    assert result.code == 0, result.err
    indexed = fragments(newsroom / "build")
    assert set(indexed) == {f"/briefings/{slug}/" for slug in PUBLISHED}
    assert "Secret plan" not in json.dumps(indexed)  # the draft
    assert "Embargoed" not in json.dumps(indexed)  # held back: published after the clock


def test_index_takes_the_body_and_key_facts_with_filters_not_the_navigation(
    newsroom: Path, cli: Callable[..., Run]
) -> None:
    assert cli("build", "-s", str(newsroom), "--now", NOW).code == 0
    g7 = fragments(newsroom / "build")["/briefings/g7-summit/"]
    text = g7["content"]
    assert "The lede of G7 summit." in text and "Defense paragraph of G7 summit." in text
    assert "Brussels" in text  # the key facts' "Where"
    for chrome in ("All briefings", "Built with briefing-site", "Add to calendar", "Skip to"):
        assert chrome not in text
    assert g7["filters"]["topic"] == ["Defense", "Economy"] or sorted(g7["filters"]["topic"]) == [
        "Defense",
        "Economy",
    ]
    assert sorted(g7["filters"]["tag"]) == ["g7", "trade"]
    assert g7["filters"]["location"] == ["Brussels"]
    assert g7["filters"]["event_date"] == ["2025-06-16"]
    assert g7["meta"]["title"] == "G7 summit"
    assert g7["meta"]["window_start"].startswith("2025-06-16")
    meta = gzip.decompress(next((newsroom / "build/pagefind").glob("*.pf_meta")).read_bytes())
    assert b"published" in meta and b"event" in meta  # the two sorts


def test_drafts_preview_indexes_drafts_and_says_so(newsroom: Path, cli: Callable[..., Run]) -> None:
    result = cli("build", "-s", str(newsroom), "--now", NOW, "--drafts")
    assert result.code == 0, result.err
    indexed = fragments(newsroom / "build")
    assert "/briefings/secret-plan/" in indexed and "/briefings/embargoed/" in indexed
    assert indexed["/briefings/secret-plan/"]["meta"]["status"] == "Draft"
    assert "the search index includes 2 draft or scheduled briefing(s)" in result.err
    result = cli("build", "-s", str(newsroom), "--now", NOW)
    assert "/briefings/secret-plan/" not in fragments(newsroom / "build")
    assert "draft or scheduled" not in result.err


def test_identical_input_gives_a_byte_identical_index(
    newsroom: Path, cli: Callable[..., Run], tmp_path: Path
) -> None:
    """Pagefind orders filter lists differently on every run; the build fixes the order."""
    trees = []
    for name in ("one", "two", "three"):
        out = tmp_path / name
        assert (
            cli("build", "-s", str(newsroom), "--now", NOW, "--no-cache", "-o", str(out)).code == 0
        )
        trees.append(tree(out / "pagefind"))
    assert trees[0] == trees[1] == trees[2]
    assert any(path.startswith("filter/") for path in trees[0])


def test_a_missing_indexer_is_named_and_the_site_still_builds(
    newsroom: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-pagefind"
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(missing))
    result = cli("build", "-s", str(newsroom), "--now", NOW)
    assert result.code == 0
    assert f"{missing}: warning: no search index: PAGEFIND_BINARY_PATH names no file" in result.err
    assert (newsroom / "build/briefings/g7-summit/index.html").is_file()
    assert (newsroom / "build/search/index.html").is_file()  # says search is unavailable
    assert not (newsroom / "build/pagefind").exists()
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")  # installed now: nothing else changed
    again = cli("build", "-s", str(newsroom), "--now", NOW)
    assert again.code == 0 and "no search index" not in again.err
    assert (newsroom / "build/pagefind/pagefind-entry.json").is_file()


def test_a_failing_indexer_is_named_with_its_reason(
    newsroom: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'out of cheese' >&2\nexit 3\n")
    broken.chmod(broken.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
    result = cli("build", "-s", str(newsroom), "--now", NOW)
    assert result.code == 0
    assert (
        f"{broken}: warning: no search index: the indexer exited with status 3 "
        "before finishing: out of cheese" in result.err
    )
    assert (newsroom / "build/index.html").is_file()


def test_search_false_leaves_search_out(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site({**NEWSROOM, "briefing.yaml": "search: false\n"})
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert not (site / "build/pagefind").exists()
    assert not (site / "build/search").exists()
    assert 'role="search"' not in (site / "build/index.html").read_text()


def test_search_must_be_true_or_false(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site({**NEWSROOM, "briefing.yaml": "search: off-ish\n"})
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert "briefing.yaml:1: search: must be true or false" in result.err


def test_every_page_has_the_masthead_search_form_to_the_search_page(
    newsroom: Path, cli: Callable[..., Run]
) -> None:
    assert (
        cli("build", "-s", str(newsroom), "-b", "https://u.github.io/repo/", "--now", NOW).code == 0
    )
    for page in ("index.html", "briefings/g7-summit/index.html", "tags/g7/index.html", "404.html"):
        html = (newsroom / "build" / page).read_text()
        assert 'action="/repo/search/" method="get"' in html and 'name="q"' in html
        assert "search.js" not in html and "pagefind" not in html.replace("data-pagefind", "")
    search = (newsroom / "build/search/index.html").read_text()
    assert 'src="/repo/assets/search.js"' in search
    assert 'data-pagefind-js="/repo/pagefind/pagefind.js"' in search
    assert "Search needs JavaScript" in search
    assert os.path.getsize(newsroom / "build/assets/search.js") < 8000


def test_a_countdown_tick_reuses_the_index_an_edit_does_not(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Near an event the page's countdown text changes by the minute; the index
    never holds it, so the indexer is not run again for it. An edit runs it."""
    from briefing_site.build.search import find_indexer

    runs = tmp_path / "runs.log"
    counting = tmp_path / "pagefind"
    counting.write_text(f'#!/bin/sh\necho run >> "{runs}"\nexec "{find_indexer()}" "$@"\n')
    counting.chmod(counting.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(counting))
    article = (
        "---\ntitle: Talks at noon\ndate: 2025-02-01T09:00:00+00:00\n"
        "event: {name: Talks, start: 2025-02-05T12:00:00+00:00, timezone: UTC}\n---\n"
        "The leaders meet to discuss tariffs on steel.\n"
    )
    site = make_site({"content/talks.md": article})
    page = site / "build/briefings/talks/index.html"
    assert cli("build", "-s", str(site), "--now", "2025-02-04T13:00:00+00:00").code == 0
    first, index = page.read_bytes(), tree(site / "build/pagefind")
    assert cli("build", "-s", str(site), "--now", "2025-02-04T13:01:00+00:00").code == 0
    assert page.read_bytes() != first  # "Starts in 23 hours, 0 minutes" is now 22 h 59
    assert tree(site / "build/pagefind") == index
    assert runs.read_text().splitlines() == ["run"]
    (site / "content/talks.md").write_text(article.replace("steel", "aluminium"))
    assert cli("build", "-s", str(site), "--now", "2025-02-04T13:01:00+00:00").code == 0
    assert runs.read_text().splitlines() == ["run", "run"]
    assert "aluminium" in json.dumps(fragments(site / "build"))
