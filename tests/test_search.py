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
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import Run
from test_site_structure import NEWSROOM, NOW, article

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


def test_the_indexer_is_the_wheel_s_own_found_without_importing_it() -> None:
    """A build runs the binary `pagefind_bin` names, found without importing the package
    (its import is 5-10 ms of every rebuild), in a process that never imports it."""
    import pagefind_bin  # type: ignore[import-untyped]

    from briefing_site.build.search import find_indexer

    assert find_indexer() == Path(pagefind_bin.get_executable())
    probe = "import sys; from briefing_site.build.search import find_indexer as f; f(); "
    probe += "print('pagefind_bin' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


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


# Shards of two pages at most: the newsroom's 12 published briefings in several bundles.
SHARDED = {**NEWSROOM, "briefing.yaml": "search_shard_size: 2\n"}


def crowded_site() -> dict[str, str | bytes]:
    """24 briefings published on three days (7, 9 and 8 a day), their events on four
    others, in shards of three: sorts whose places leave room between days."""
    files: dict[str, str | bytes] = {"briefing.yaml": "search_shard_size: 3\n"}
    for number in range(24):
        day = 1 if number < 7 else 2 if number < 16 else 3
        files[f"content/crowd-{number:02d}.md"] = article(
            f"Crowd {number}",
            date=f"2025-06-0{day}T{number:02d}:00:00+00:00",
            event=f"2025-07-{10 + number % 4}T{number % 5 + 8:02d}:00:00+02:00",
        )
    return files


def test_sort_places_leave_room_so_an_added_page_moves_only_its_days_pages() -> None:
    from briefing_site.build.search_sorts import site_ranks

    def pages(count: int) -> list[tuple[str, dict[str, str]]]:
        return [
            (f"p{n:02d}", {"day": f"2025-06-0{1 + n % 3}T{n:02d}:00:00Z"}) for n in range(count)
        ]

    before, after = site_ranks(pages(22))["day"], site_ranks(pages(23))["day"]
    assert sorted(before.values()) != list(range(22))  # room was left between days
    moved = {path for path in before if before[path] != after[path]}
    assert not moved  # the new page (day 2, the latest hour) comes last in its day's room
    assert len(set(after.values())) == 23
    assert [p for p, _ in sorted(after.items(), key=lambda item: item[1])] == sorted(
        after, key=lambda path: (f"2025-06-0{1 + int(path[1:]) % 3}", int(path[1:]))
    )
    distinct = [(f"p{n:02d}", {"title": f"Title {n:03d}"}) for n in range(24)]
    assert sorted(site_ranks(distinct)["title"].values()) == list(range(24))  # plain ranks


def counting_indexer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int = 0) -> Path:
    """Point builds at a wrapper of the real indexer that logs each index it is asked to
    make (one a shard; one indexer process makes many); returns the log. With `fail_at`,
    the wrapper stops at that index, as a failing indexer does: status 3, a reason."""
    from briefing_site.build.search import find_indexer

    runs = tmp_path / "runs.log"
    counting = tmp_path / "pagefind"
    counting.write_text(
        f"#!{sys.executable}\n"
        "import base64, json, subprocess, sys\n"
        f"real = subprocess.Popen([{str(find_indexer())!r}, *sys.argv[1:]],"
        " stdin=subprocess.PIPE, stdout=sys.stdout.buffer)\n"
        "made, pending = 0, b''\n"
        "while chunk := sys.stdin.buffer.read1(1 << 16):\n"
        "    pending += chunk\n"
        "    while b',' in pending:\n"
        "        raw, _, pending = pending.partition(b',')\n"
        "        if json.loads(base64.b64decode(raw))['payload']['type'] == 'NewIndex':\n"
        f"            with open({str(runs)!r}, 'a') as log:\n"
        "                made = log.write('run\\n') and made + 1\n"
        f"            if made == {fail_at}:\n"
        "                sys.stderr.write('out of cheese\\n'); sys.stderr.flush()\n"
        "                real.kill(); sys.exit(3)\n"
        "        real.stdin.write(raw + b','); real.stdin.flush()\n"
        "real.stdin.close(); sys.exit(real.wait())\n"
    )
    counting.chmod(counting.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(counting))
    return runs


def shard_folders(build: Path) -> list[str]:
    listed: list[str] = json.loads((build / "pagefind/shards.json").read_text())["merge"]
    return listed


def test_a_big_site_is_indexed_in_shards_that_hold_every_page_once(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(SHARDED)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    build = site / "build"
    folders = shard_folders(build)
    assert len(folders) >= 3
    urls = list(fragments(build))
    for folder in folders:
        shard = fragments_in(build / "pagefind" / folder.rstrip("/"))
        assert shard and not set(shard) & set(urls)
        urls += list(shard)
        assert not (build / "pagefind" / folder / "pagefind.js").exists()  # the primary's serves
    assert sorted(urls) == sorted(f"/briefings/{slug}/" for slug in PUBLISHED)


@pytest.mark.parametrize("flags", [("-j", "1", "--no-cache"), ()])
def test_a_shard_whose_indexer_fails_leaves_no_part_of_the_index(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    flags: tuple[str, ...],
) -> None:
    """Each shard's files go into the new build as soon as they are made; when a later
    shard's indexer fails, those are taken out again: the same warning and the same
    site as when the indexer fails at once, and the next build indexes it whole."""
    counting_indexer(tmp_path, monkeypatch, fail_at=3)  # each process stops at its third
    third = tmp_path / "pagefind"
    site = make_site(SHARDED)
    result = cli("build", "-s", str(site), "--now", NOW, *flags)
    assert result.code == 0
    assert (
        f"{third}: warning: no search index: the indexer exited with status 3 "
        "before finishing: out of cheese" in result.err
    )
    assert (site / "build/search/index.html").is_file()
    assert not (site / "build/pagefind").exists()
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    again = cli("build", "-s", str(site), "--now", NOW, *flags)
    assert again.code == 0 and "no search index" not in again.err
    assert len(shard_folders(site / "build")) >= 3


def test_a_rebuild_through_the_spare_whose_indexer_fails_leaves_no_part_of_the_index(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """From the third build on, the files a rebuild draws go straight into the spare
    copy of the site; shards made before the failing one are taken out of it again,
    and the last build's index goes too: the same site as a build whose indexer failed."""
    site = make_site(SHARDED)
    args = ("build", "-s", str(site), "--now", NOW)
    for title in ("One", "Two"):  # a spare from the second build on
        assert cli(*args).code == 0
        (site / "briefing.yaml").write_text(f"search_shard_size: 2\ntitle: {title}\n")
    counting_indexer(tmp_path, monkeypatch, fail_at=3)  # every shard is indexed again
    (spare,) = (site / ".briefing-cache").glob("*.spare")
    spare_folder = spare.stat().st_ino
    result = cli(*args)
    assert result.code == 0 and "no search index" in result.err
    assert (site / "build").stat().st_ino == spare_folder  # the spare, swapped in
    assert (site / "build/search/index.html").is_file()
    assert "Two" in (site / "build/index.html").read_text()
    assert not (site / "build/pagefind").exists()
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    again = cli(*args)
    assert again.code == 0 and "no search index" not in again.err
    assert len(shard_folders(site / "build")) >= 3


def test_a_small_site_keeps_one_index(newsroom: Path, cli: Callable[..., Run]) -> None:
    assert cli("build", "-s", str(newsroom), "--now", NOW).code == 0
    assert shard_folders(newsroom / "build") == []
    assert not list((newsroom / "build/pagefind").glob("shard-*"))


def test_an_edit_re_indexes_only_its_shard(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """One article's body changed: one indexer run, and only the files of that article's
    shard are rewritten (the other shards' bytes and modification times are kept)."""
    runs = counting_indexer(tmp_path, monkeypatch)
    site = make_site(SHARDED)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    first_runs = len(runs.read_text().splitlines())
    assert first_runs == len(shard_folders(site / "build")) + 1
    index = site / "build/pagefind"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in index.rglob("*") if p.is_file()}
    article = site / "content/nato-summit.md"
    article.write_text(article.read_text().replace("The lede of", "A wholly new lede of"))
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert len(runs.read_text().splitlines()) == first_runs + 1
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in index.rglob("*") if p.is_file()}
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    holder = next(
        folder
        for folder in [index, *(index / f.rstrip("/") for f in shard_folders(site / "build"))]
        if "/briefings/nato-summit/" in fragments_in(folder)
    )
    assert changed and all(_in_bundle(p, holder, index) for p in changed)
    assert "A wholly new lede" in json.dumps(fragments_in(holder))


def _given_and_read(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """From now on, the paths the build gives its output, and the shard folders it reads
    back from the search cache."""
    from briefing_site.build import search_shards, writer

    given: list[str] = []
    read: list[str] = []
    real_write, real_get = writer.Staging.write, search_shards.DiskStore.get

    def write(stage: writer.Staging, item: writer.OutputFile) -> None:
        given.append(item.path)
        real_write(stage, item)

    def get(store: search_shards.DiskStore, folder: str, key: str) -> object:
        read.append(folder)
        return real_get(store, folder, key)

    monkeypatch.setattr(writer.Staging, "write", write)
    monkeypatch.setattr(search_shards.DiskStore, "get", get)
    return given, read


def test_an_edit_leaves_the_other_shards_files_unread_and_in_place(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """After an edit, the index files of the shards it did not touch are neither read
    from the search cache nor given to the new build: the output keeps them as they are.
    When the output no longer holds them as recorded (a file scribbled on), the build
    still gives a clean build's bytes."""
    site = make_site(SHARDED)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    given, read = _given_and_read(monkeypatch)
    article = site / "content/nato-summit.md"
    article.write_text(article.read_text().replace("The lede of", "A wholly new lede of"))
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    index = site / "build/pagefind"
    holder = next(
        folder
        for folder in [index, *(index / f.rstrip("/") for f in shard_folders(site / "build"))]
        if "/briefings/nato-summit/" in fragments_in(folder)
    )
    folder = holder.relative_to(site / "build").as_posix()
    indexed = [path for path in given if path.startswith("pagefind/")]
    assert indexed and all(
        _in_bundle(site / "build" / path, holder, index) or path == "pagefind/shards.json"
        for path in indexed
    ), indexed
    assert {name.removesuffix("#ranked") for name in read} == {folder}
    reference = ("build", "-s", str(site), "--now", NOW, "-j", "1", "--no-cache", "-o")
    other = next(p for p in index.rglob("*.pf_fragment") if not _in_bundle(p, holder, index))
    other.write_bytes(b"scribbled")
    article.write_text(article.read_text().replace("A wholly new lede", "A newer lede"))
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert cli(*reference, str(tmp_path / "ref")).code == 0
    assert tree(site / "build") == tree(tmp_path / "ref")


def fragments_in(bundle: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[fragment["url"]] = fragment
    return found


def _in_bundle(path: Path, bundle: Path, primary: Path) -> bool:
    """`path` is one of `bundle`'s own files (the primary's excludes the shards' folders)."""
    inner = path.relative_to(bundle) if path.is_relative_to(bundle) else None
    if inner is None:
        return False
    return bundle != primary or not inner.parts[0].startswith("shard-")


def test_a_cached_parallel_build_gives_the_bytes_of_a_plain_one(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    site = make_site(SHARDED)
    reference = ("build", "-s", str(site), "--now", NOW, "-j", "1", "--no-cache", "-o")
    reference += (str(tmp_path / "ref"),)
    assert cli(*reference).code == 0
    assert (
        cli("build", "-s", str(site), "--now", NOW, "-j", "2").code == 0
    )  # cold, shards in parallel
    assert tree(site / "build/pagefind") == tree(tmp_path / "ref/pagefind")
    article = site / "content/g7-summit.md"
    article.write_text(article.read_text().replace("The lede of", "The new lede of"))
    assert cli("build", "-s", str(site), "--now", NOW, "-j", "2").code == 0  # from the cache
    assert cli(*reference).code == 0
    assert tree(site / "build/pagefind") == tree(tmp_path / "ref/pagefind")


@pytest.mark.parametrize("crowded", [False, True], ids=["newsroom", "crowded"])
def test_adding_and_removing_an_article_gives_the_bytes_of_a_clean_build(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    tmp_path: Path,
    crowded: bool,
) -> None:
    """A new briefing moves every listing and sort places in a sharded index (its event
    falls between others'); the cached rebuild still equals a clean one-process build
    of the same site, whole tree, and so does the rebuild after it is removed."""
    site = make_site(crowded_site() if crowded else SHARDED)
    source = "crowd-08" if crowded else "nato-summit"
    title, date = (
        ("Crowd 8", "2025-06-02T08:00:00+00:00")
        if crowded
        else ("NATO summit", "2025-06-11T09:00:00+00:00")
    )
    build = ("build", "-s", str(site), "--now", NOW)
    reference = (*build, "-j", "1", "--no-cache", "-o", str(tmp_path / "ref"))
    assert cli(*build).code == 0
    added = site / "content/added-talks.md"
    added.write_text(
        (site / f"content/{source}.md")
        .read_text()
        .replace(title, "Added talks")
        .replace(date, "2025-06-02T08:30:00+00:00" if crowded else "2025-06-15T11:00:00+00:00")
    )
    for _change in ("added", "removed"):
        assert cli(*build).code == 0
        assert cli(*reference).code == 0
        assert tree(site / "build") == tree(tmp_path / "ref")
        indexed = json.dumps(
            [
                fragments_in(site / "build/pagefind" / f)
                for f in ["", *shard_folders(site / "build")]
            ]
        )
        assert ("Added talks" in indexed) == added.exists()
        added.unlink(missing_ok=True)


def test_an_added_article_leaves_the_shards_whose_places_did_not_move_in_place(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A briefing added to a day with room left moves the sort places of that day's
    later pages only: the shards holding none of them keep their index files in
    place (none is given to the new build), and the site is a clean build's."""
    from briefing_site.build import writer

    files = crowded_site()
    files["briefing.yaml"] = "search_shard_size: 4\n"  # 24 pages and one more: 8 shards
    site = make_site(files)
    build = ("build", "-s", str(site), "--now", NOW)
    assert cli(*build).code == 0
    given: list[str] = []
    real_write = writer.Staging.write

    def write(stage: writer.Staging, item: writer.OutputFile) -> None:
        given.append(item.path)
        real_write(stage, item)

    monkeypatch.setattr(writer.Staging, "write", write)
    (site / "content/added-talks.md").write_text(
        (site / "content/crowd-08.md")
        .read_text()
        .replace("Crowd 8", "Added talks")
        .replace("2025-06-02T08:00:00+00:00", "2025-06-02T23:30:00+00:00")
    )
    assert cli(*build).code == 0
    bundles = 1 + len(shard_folders(site / "build"))
    touched = {
        path.split("/")[1] if path.startswith("pagefind/shard-") else "primary"
        for path in given
        if path.startswith("pagefind/") and path != "pagefind/shards.json"
    }
    assert 0 < len(touched) < bundles, touched
    assert cli(*build, "-j", "1", "--no-cache", "-o", str(tmp_path / "ref")).code == 0
    assert tree(site / "build") == tree(tmp_path / "ref")


@pytest.mark.parametrize("value", ["0", "many", "true", "2.5"])
def test_the_shard_size_must_be_a_number_of_pages(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run], value: str
) -> None:
    site = make_site({**NEWSROOM, "briefing.yaml": f"title: T\nsearch_shard_size: {value}\n"})
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert "briefing.yaml:2: search_shard_size: " in result.err
    assert "must be a whole number of pages from 1 to 100000" in result.err


def test_serve_re_indexes_only_the_edited_shard_in_memory(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from briefing_site.dev.live_search import LiveIndex
    from briefing_site.model import RenderedFile

    site = make_site(SHARDED)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    built = site / "build"
    pages = [
        RenderedFile(p.relative_to(built).as_posix(), p.read_bytes())
        for p in sorted(built.glob("briefings/*/index.html"))
    ]
    runs = counting_indexer(tmp_path, monkeypatch)
    live = LiveIndex()
    try:
        live.update(pages, 2)
        assert live.file("pagefind/shards.json") == (built / "pagefind/shards.json").read_bytes()
        assert len(runs.read_text().splitlines()) == len(shard_folders(built)) + 1
        edited = [
            RenderedFile(p.path, p.data.replace(b"The lede of NATO", b"Zanzibar lede of NATO"))
            for p in pages
        ]
        live.update(edited, 2)
        assert live.file("pagefind/pagefind-entry.json") is not None  # waits for the new index
        assert len(runs.read_text().splitlines()) == len(shard_folders(built)) + 2
    finally:
        live.stop()


def test_pages_keep_their_shard_as_the_site_grows_and_a_shard_splits_in_two() -> None:
    from briefing_site.build.search_shards import shard_count, shard_of, split
    from briefing_site.model import RenderedFile

    assert [shard_count(n, 100) for n in (0, 1, 100, 101, 200, 201, 1000)] == [1, 1, 1, 2, 2, 4, 16]
    paths = [f"briefings/b{n}/index.html" for n in range(1000)]
    for path in paths:  # doubling the count splits a shard in two, it never mixes shards
        assert shard_of(path, 16) % 8 == shard_of(path, 8)
    pages = [RenderedFile(p, b"") for p in sorted(paths[:300])]
    before = {page.path: s.folder for s in split(pages, 100) for page in s.pages}
    grown = sorted([*pages, RenderedFile("briefings/new/index.html", b"")], key=lambda f: f.path)
    after = {page.path: s.folder for s in split(grown, 100) for page in s.pages}
    assert {p: after[p] for p in before} == before
    # 4 shards for 4 pages, none in shard 0: the first shard with pages is the primary.
    few = [p for p in pages if shard_of(p.path, 4) != 0][:4]
    shards = split(few, 1)
    assert shards[0].number > 0 and shards[0].primary and shards[0].folder == "pagefind"
    assert all(s.pages and not s.primary for s in shards[1:])
    assert sum(len(s.pages) for s in shards) == 4


def test_a_new_day_in_the_footer_re_indexes_nothing(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Every page's footer gives the build's date; the index never holds it."""
    runs = counting_indexer(tmp_path, monkeypatch)
    site = make_site(SHARDED)
    page = site / "build/briefings/g7-summit/index.html"
    assert cli("build", "-s", str(site), "--now", "2025-07-01T12:00:00+00:00").code == 0
    first, index, count = page.read_bytes(), tree(site / "build/pagefind"), runs.read_text()
    assert cli("build", "-s", str(site), "--now", "2025-07-02T12:00:00+00:00").code == 0
    assert b"July 2, 2025" in page.read_bytes() and page.read_bytes() != first
    assert tree(site / "build/pagefind") == index and runs.read_text() == count


def test_a_countdown_tick_leaves_every_shard_s_files_in_place(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A minute later, the pages of events within two days read one minute less, so
    their keys change; their indexed text does not. Their shards' files are neither
    read from the search cache nor given to the new build again (at 10,000 briefings,
    some 2,000 files whose bytes were the same), and the output is a clean build's."""
    near = {  # events a day off at NOW: their countdowns count minutes
        f"content/near-{n}.md": article(
            f"Near {n}", date=f"2025-06-0{n + 1}T09:00:00+00:00", event=f"2025-06-16T1{n}:00:00"
        )
        for n in range(4)
    }
    site = make_site({**SHARDED, **near})
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    page = site / "build/briefings/near-0/index.html"
    before = page.read_bytes()
    given, read = _given_and_read(monkeypatch)
    later = NOW.replace("12:00:00", "12:01:00")
    for clock in (later, later.replace("12:01:00", "12:02:00")):  # the memo kept up too
        given.clear()
        assert cli("build", "-s", str(site), "--now", clock).code == 0
        assert page.read_bytes() != before  # the countdown moved on
        assert [path for path in given if path.startswith("pagefind/")] == ["pagefind/shards.json"]
        assert read == []
    reference = ("build", "-s", str(site), "--now", clock, "-j", "1", "--no-cache", "-o")
    assert cli(*reference, str(tmp_path / "ref")).code == 0
    assert tree(site / "build") == tree(tmp_path / "ref")


def test_a_page_s_search_facts_ignore_each_countdown_s_state_and_the_footer() -> None:
    """Only the countdowns' state and text and the footer change with the clock; each
    countdown is found, also after an opening that matches none, and so is each sort."""
    from briefing_site.build.search_pages import PageFacts

    def page(state: str, text: str, day: str, event: str) -> bytes:
        return (
            '<body><time class="countdown" no-state>not one</time>'
            '<main data-pagefind-body><p data-pagefind-sort="x">no sort</p>'
            f'<time class="countdown" datetime="T" data-state="{state}" data-zone="Z">{text}</time>'
            '<b data-pagefind-sort="y"><time class="countdown"'
            f' data-state="{state}">{text}</time>'
            f'<i data-pagefind-sort="event:{event}"></i></main>'
            f'<footer class="site-footer"><p>Built on {day}</p></footer></body>'
        ).encode()

    before = PageFacts.of(page("upcoming", "in 2 days", "Monday", "2025-02-07"))
    after = PageFacts.of(page("today", "today", "Tuesday", "2025-02-07"))
    assert before == after
    assert dict(before.sorts)["event"] == "2025-02-07"
    moved = PageFacts.of(page("today", "today", "Tuesday", "2025-02-08"))
    assert moved.indexed != before.indexed and dict(moved.sorts)["event"] == "2025-02-08"
    told = PageFacts.of(
        page("upcoming", "in 2 days", "Monday", "2025-02-07").replace(b"no-state", b"x")
    )
    assert told.indexed != before.indexed  # a countdown without a state is indexed as it is
