"""A one-edit rebuild does work in proportion to the edit, and still matches a clean build.

The site index saves only the records an edit changed; a build swapped in from
the spare records its files without a stat of each; the command ends without
tearing the interpreter down, yet says everything it had to say.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import REPO, Run
from test_speed_paths import NOW, articles, count_reads, reference, tree

from briefing_site.build import pipeline, writer
from briefing_site.build.lazy import ArticleHead
from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import build
from briefing_site.build.site_index import Record, SiteIndex, delta_path
from briefing_site.build.unchanged import Stamp
from briefing_site.content.load import ArticleFiles
from briefing_site.errors import ContentError, Problem
from briefing_site.model import Countdown, Event, Location, Metadata, Person, Source

__all__ = ["articles"]  # the fixture, shared with test_speed_paths

CACHE = ".briefing-cache"


def _build(cli: Callable[..., Run], site: Path) -> None:
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new, 1))


def _with_a_spare(site: Path, cli: Callable[..., Run]) -> tuple[Path, list[Path]]:
    """`site` built, then two of its articles edited and built: a spare from the
    second build on. The articles are returned in name order."""
    sources = sorted((site / "content").glob("*.md"))
    _build(cli, site)
    for number, source in enumerate(sources[:2]):
        _edit(source, "Officials", f"Envoys {number}")
        _build(cli, site)
    return site, sources


def test_an_edit_saves_a_small_delta_of_the_site_index_which_the_next_build_uses(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = make_site(articles)
    time.sleep(3.2)  # older than unchanged.RACY_NS: the index may vouch for these files
    _build(cli, site)
    index = site / CACHE / "site.index"
    delta = index.with_name("site.index.delta")
    whole = index.stat()
    assert not delta.exists()
    sources = sorted((site / "content").glob("*.md"))
    _edit(sources[0], "Officials", "Ministers")
    time.sleep(3.2)  # so this build records the edited file by its signature
    _build(cli, site)
    assert (index.stat().st_ino, index.stat().st_mtime_ns) == (whole.st_ino, whole.st_mtime_ns)
    assert 0 < delta.stat().st_size < whole.st_size / 10  # one record, not all of them
    assert tree(site / "build") == reference(site, cli)

    read = count_reads(monkeypatch)
    _edit(sources[1], "Officials", "Envoys")
    _build(cli, site)  # the delta vouches for the first edit: only the second is read
    # (keyed by the main process, then read again by the worker that streams it)
    assert set(read) == {f"content/{sources[1].name}"}
    assert tree(site / "build") == reference(site, cli)

    delta.write_bytes(delta.read_bytes()[:-1] + b"?")  # damaged: never trusted
    read.clear()
    _edit(sources[2], "Officials", "Aides")
    _build(cli, site)
    assert f"content/{sources[0].name}" in read  # its record was only in the delta
    assert tree(site / "build") == reference(site, cli)


def test_a_build_swapped_in_from_the_spare_records_each_file_as_it_is_on_disk(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """The manifest vouches for the output: a file touched by hand afterwards is caught."""
    site = make_site(articles)
    sources = sorted((site / "content").glob("*.md"))
    _build(cli, site)
    for number, source in enumerate(sources[:3]):  # the third build on updates the spare
        _edit(source, "Officials", f"Envoys {number}")
        _build(cli, site)
    (manifest,) = (site / CACHE).glob("output-*.manifest")
    files = writer.read_manifest(manifest).files
    out = site / "build"
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert set(files) == on_disk - {".briefing-site"}
    for path, (digest, size, mtime, inode) in files.items():
        found = (out / path).stat()
        assert (size, mtime, inode) == (found.st_size, found.st_mtime_ns, found.st_ino), path
        assert hashlib.sha256((out / path).read_bytes()).hexdigest() == digest, path
    untouched = sorted(out.glob("briefings/*/index.html"))[-1]  # no edited one: they sort first
    untouched.write_text("scribbled")
    _build(cli, site)
    assert tree(out) == reference(site, cli)


def test_the_command_flushes_what_it_says_before_it_ends(
    make_site: Callable[[dict[str, str | bytes]], Path],
) -> None:
    """It ends without tearing the interpreter down (see `cli.run`), piped output intact."""
    site = make_site({"content/one.md": "---\ntitle: One\n---\n\nA paragraph.\n"})
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "briefing_site", "build", "-s", str(site), "--now", NOW]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("built 1 briefing")  # then its warnings, on stderr
    assert done.stdout.rstrip().endswith(f"into {site / 'build'}")
    assert "warning:" in done.stderr
    (site / "content/two.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n")
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1
    assert "content/two.md" in done.stderr


def test_a_rebuild_once_an_edit_has_aged_past_the_racy_window_has_nothing_to_do(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An editor saves, builds at once, and builds again a few seconds later: the
    second build must see that nothing changed, not read the article again."""
    site = make_site(articles)
    _build(cli, site)
    source = sorted((site / "content").glob("*.md"))[0]
    _edit(source, "Officials", "Ministers")
    _build(cli, site)  # the edit is seconds old: recorded by its bytes too
    before = tree(site / "build")
    read = count_reads(monkeypatch)
    time.sleep(3.2)  # older than unchanged.RACY_NS now
    _build(cli, site)
    assert read == []
    assert tree(site / "build") == before
    _edit(source, "Ministers", "Envoys")  # and a later edit is still seen
    _build(cli, site)
    assert f"content/{source.name}" in read
    assert b"Envoys" in b"".join(tree(site / "build").values())


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The paths `os.<name>` is called with from here on (the real call still runs)."""
    calls: list[str] = []
    real = getattr(os, name)

    def counted(path: object, *args: object, **kwargs: object) -> object:
        calls.append(os.fsdecode(path) if isinstance(path, str | bytes | os.PathLike) else "")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, name, counted)
    return calls


def test_a_rebuild_through_the_spare_stats_the_output_once_and_rereads_only_read_articles(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Work in proportion to the edit: the spare's files that are build/'s own files
    (hard links, just found as recorded) are not stat'ed again, content/ is listed
    no more than the stamp and the loader do, and only the articles the build read are looked at again for a save made
    while it read them; the output still matches a clean build."""
    site = make_site(articles)
    time.sleep(3.2)  # older than unchanged.RACY_NS: the site index may vouch for these files
    sources = sorted((site / "content").glob("*.md"))
    _build(cli, site)
    for number, source in enumerate(sources[:2]):  # a spare from the second build on
        _edit(source, "Officials", f"Envoys {number}")
        _build(cli, site)
    (spare,) = (site / CACHE).glob("*.spare")
    files = sum(1 for p in spare.rglob("*") if p.is_file())
    stats, listed = _counting(monkeypatch, "stat"), _counting(monkeypatch, "scandir")
    _edit(sources[2], "Officials", "Envoys 2")
    _build(cli, site)
    spared = [path for path in stats if path.startswith(f"{spare}/")]
    assert 0 < len(spared) < files / 2, (len(spared), files)  # what changed or was redrawn
    content = site / "content"
    assert listed.count(str(content)) <= 2  # the stamp's walk and the loader's; none at the end
    looked_at = {path for path in stats if path.startswith(f"{content}/")}
    # the three edited ones (seconds old, so read again), not the dozens never edited
    assert str(sources[2]) in looked_at <= {str(source) for source in sources[:3]}
    monkeypatch.undo()
    assert tree(site / "build") == reference(site, cli)


def test_a_file_deleted_from_the_spare_is_not_taken_for_build_s_own(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """A spare file that is a hard link of build/'s is trusted without a stat: one
    deleted from the spare leaves build/'s with no second name, so the spare is not
    used and the output is still whole."""
    site, sources = _with_a_spare(make_site(articles), cli)
    (spare,) = (site / CACHE).glob("*.spare")
    kept = sorted(spare.glob("briefings/*/index.html"))[-1]  # no edited one: they sort first
    assert kept.stat().st_nlink == 2  # build/'s file too
    kept.unlink()
    _edit(sources[2], "Officials", "Envoys 2")
    _build(cli, site)
    assert tree(site / "build") == reference(site, cli)


def test_a_new_article_shifting_every_listing_page_makes_no_page_folders(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The newest article moves every card of the paginated lists down one place, so
    every listing page changes. Through the spare, those pages are written side by
    side and linked into it: no folder is made, then removed, for each page."""
    site, sources = _with_a_spare(make_site(articles), cli)
    before = tree(site / "build")
    _newest(site, sources[3], "Newest")
    made = _counting(monkeypatch, "mkdir")
    _build(cli, site)
    monkeypatch.undo()
    after = tree(site / "build")
    listings = [p for p in after if "/page/" in p and before.get(p) != after[p]]
    assert len(listings) >= 10  # every page of each list the article is on
    assert "briefings/newest/index.html" in after
    assert [path for path in made if "/page/" in path] == []
    assert after == reference(site, cli)


def _newest(site: Path, source: Path, title: str) -> None:
    """A copy of `source` as the site's newest article: every listing page changes."""
    text = source.read_text()
    (site / f"content/{title.lower()}.md").write_text(
        text.replace("title:", f'title: "{title} talks"\n#', 1).replace(
            "\ndate:", "\ndate: 2026-12-31T12:00:00+00:00\n#", 1
        )
    )


def test_pages_drawn_into_a_spare_that_cannot_be_swapped_in_go_into_the_new_build(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pages drawn straight into the spare are taken back when the spare cannot
    be swapped in (no atomic exchange here): the build is whole, and the next too."""
    site, sources = _with_a_spare(make_site(articles), cli)
    _newest(site, sources[3], "Newest")
    monkeypatch.setattr(writer, "_exchange", lambda a, b: False)
    _build(cli, site)
    monkeypatch.undo()
    assert tree(site / "build") == reference(site, cli)
    _newest(site, sources[4], "Later")
    _build(cli, site)
    assert tree(site / "build") == reference(site, cli)


def test_a_build_that_fails_after_drawing_into_the_spare_leaves_it_unused(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A build that stops once it drew pages into the spare (here: an article rewritten
    while it was read) leaves the previous build, and a spare the next build does not
    trust: that one is whole."""
    site, sources = _with_a_spare(make_site(articles), cli)
    before = tree(site / "build")
    _newest(site, sources[3], "Newest")

    def rewritten(site: Path, before: object) -> None:
        raise ContentError([Problem(Location("content/newest.md"), "rewritten")])

    monkeypatch.setattr(pipeline, "check_not_rewritten", rewritten)
    assert cli("build", "-s", str(site), "--now", NOW).code == 1
    monkeypatch.undo()
    assert tree(site / "build") == before
    _build(cli, site)
    assert tree(site / "build") == reference(site, cli)


@pytest.mark.parametrize("exchange", [True, False], ids=["through the spare", "slow path"])
@pytest.mark.parametrize("page", ["Envoys 1", "Officials"], ids=["just edited", "long kept"])
def test_a_page_changed_in_build_while_a_build_runs_is_not_published_as_the_build_s(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
    exchange: bool,
    page: str,
) -> None:
    """build/ is checked at a rebuild's start; a page of it replaced by hand (or by a
    sync tool) while the pages are drawn must not go into the new build and be
    recorded as the build's own, where no later build would mend it."""
    site, sources = _with_a_spare(make_site(articles), cli)
    pages = sorted((site / "build/briefings").glob("*/index.html"))
    # The page of the article edited last (the spare lacks it), or of one never edited
    # (the spare holds it: only the slow path would take it from build/).
    edited = next(
        p
        for p in pages
        if page in p.read_text() and (page != "Officials" or "Envoys" not in p.read_text())
    )
    real_write_changed = pipeline.write_changed

    def touched_meanwhile(*args: object, **kwargs: object) -> bool:
        spare_copy = edited.with_name(".hand-edit")
        spare_copy.write_text(edited.read_text() + "<!-- HAND EDIT -->")
        spare_copy.replace(edited)
        return real_write_changed(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "write_changed", touched_meanwhile)
    if not exchange:
        monkeypatch.setattr(writer, "_exchange", lambda a, b: False)
    _edit(sources[3], "Officials", "Envoys 3")
    _build(cli, site)
    monkeypatch.undo()
    assert tree(site / "build") == reference(site, cli)
    _edit(sources[3], "Envoys 3", "Envoys 4")
    _build(cli, site)
    assert tree(site / "build") == reference(site, cli)


def test_site_index_saved_whole_reads_back_and_a_failed_save_leaves_the_old_one(
    tmp_path: Path,
) -> None:
    """The index is pickled straight into its file behind its checksum (never held
    whole in memory): it loads back as saved, and a save that fails part way leaves
    the index before it and no temporary file."""
    path, base = tmp_path / "site.index", b"base"
    head = ArticleHead(
        Metadata(title="A", slug="a"), "content/a.md", (), "content/a.md", "content/a.md", (), ()
    )
    record = Record(ArticleFiles("content/a.md", None), ((1, 2, 3, 4), None), b"k" * 32, head)
    SiteIndex(base).save(path, {"content/a.md": record})
    assert SiteIndex.load(path, base).records == {"content/a.md": record}
    saved = path.read_bytes()
    broken = Record(record.files, record.signatures, record.key, lambda: None)  # type: ignore[arg-type]
    with pytest.raises((pickle.PicklingError, AttributeError)):  # a lambda cannot be pickled
        SiteIndex(base).save(path, {"content/a.md": broken})
    assert path.read_bytes() == saved
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site.index"]


def test_a_build_leaves_the_garbage_collector_as_it_found_it(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """A build tunes the collector while it runs (`pipeline.YOUNG_OBJECTS`); a process
    that builds (`serve`, a test, a script) gets it back as it was, cold build or edit."""
    site = make_site(articles)
    before = (gc.isenabled(), gc.get_threshold())
    _build(cli, site)
    assert (gc.isenabled(), gc.get_threshold()) == before
    _edit(sorted((site / "content").glob("*.md"))[0], "Officials", "Envoys")
    _build(cli, site)
    assert (gc.isenabled(), gc.get_threshold()) == before
    gc.disable()  # a caller that runs with the collector off keeps it off
    try:
        _edit(sorted((site / "content").glob("*.md"))[0], "Envoys", "Officials")
        _build(cli, site)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_article_added_after_the_build_walked_content_is_built_by_the_next(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """A build takes its articles from the one walk of content/ its stamp made (it does
    not walk again): an article saved after that walk is not in it, and the next build,
    whose stamp differs by that file, builds it."""
    site = make_site(articles)
    _build(cli, site)
    options = BuildOptions(site=site, now=datetime.fromisoformat(NOW))
    stamp = Stamp(options)  # the walk, as the command line takes it before building
    first = sorted((site / "content").glob("*.md"))[0]
    added = first.with_name("zz-added-late.md")
    added.write_text(first.read_text().replace("title:", "title: Late", 1))
    before = build(options, stamp).briefings  # walked before the article was saved
    assert not (site / "build" / "briefings" / "zz-added-late").exists()
    _build(cli, site)
    assert (site / "build" / "briefings" / "zz-added-late" / "index.html").is_file()
    assert len(list((site / "build" / "briefings").glob("*/index.html"))) == before + 1
    assert tree(site / "build") == reference(site, cli)


def _index_records(count: int) -> dict[str, Record]:
    tags = ("trade", "defense")
    records = {}
    for n in range(count):
        name = f"content/a{n}.md"
        meta = Metadata(title=f"A {n}", slug=f"a{n}", tags=tags)
        head = ArticleHead(meta, name, (("economy", "Economy"),), name, name, ("title",), (2,))
        records[name] = Record(ArticleFiles(name, None), ((n, 2, 3, 4), None), bytes(32), head)
    return records


def test_site_index_written_in_chunks_reads_back_whole(tmp_path: Path) -> None:
    """A whole index is pickled a few hundred records at a time (so the pickler never
    remembers a whole site's objects): every record of a site larger than a chunk
    reads back, shared parts and all, and a flipped byte anywhere means no index."""
    path, base = tmp_path / "site.index", b"base"
    records = _index_records(1300)
    SiteIndex(base).save(path, records)
    assert SiteIndex.load(path, base).records == records
    assert SiteIndex.load(path, b"another base").records == {}
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    assert SiteIndex.load(path, base).records == {}


def _full_record(name: str, changed: int = 0) -> Record:
    """A record with every kind of object a real head holds (an event, people,
    sources, a countdown, a warning), each field told apart from its neighbours."""
    zone = ZoneInfo("America/New_York")
    start = datetime(2025, 2, 7, 11, 55, tzinfo=zone)
    event = Event("Summit", start, "America/New_York", None, False, "White House", ("Asia/Tokyo",))
    meta = Metadata(
        title=f"Summit {changed}",
        slug=name,
        summary="Talks.",
        date=datetime(2025, 2, 5, 9, tzinfo=zone),
        event=event,
        people=(Person("Shigeru Ishiba", "Prime Minister"), Person("Donald Trump", "")),
        tags=("japan", "trade"),
        tag_names=("Japan", "Trade"),
        sources=(Source("Wire", "https://example.com/a"),),
        author="Desk",
    )
    countdown = Countdown("upcoming", "In 2 days", start, start, start, "America/New_York")
    path = f"content/{name}.md"
    warning = Problem(Location(path, 3), "a warning")
    head = ArticleHead(
        meta, path, (("economy", "Economy"),), path, path, ("title", "date"), (2, 3),
        (warning,), countdown, 10, 20,
    )  # fmt: skip
    return Record(ArticleFiles(path, f"content/{name}.yaml"), ((1, 2, 3, 4), None), b"k" * 32, head)


def _as_read(record: Record) -> list[object]:
    """Every object of a record with its exact type and fields (what equality alone
    would not tell: a value under its neighbour's name, a wrong class); a warning
    (no equality of its own) by its location and message."""
    head, meta = record.head, record.head.meta
    assert meta.event is not None and head.countdown is not None and head.warnings
    warning = head.warnings[0]
    unwarned = replace(head, warnings=None)
    parts: list[object] = [replace(record, head=unwarned), record.files, unwarned, meta]
    parts += [meta.event, head.countdown, *meta.people, *meta.sources, warning.location]
    return [*((type(p).__name__, repr(p)) for p in parts), warning.message]


def test_site_index_reads_back_every_field_of_its_records_whole_and_as_a_delta(
    tmp_path: Path,
) -> None:
    """The index pickles its records flat (each object a call that sets its fields):
    a record holding every kind of object reads back the same, field by field and
    class by class, from the whole index and from a delta beside it."""
    path, base = tmp_path / "site.index", b"base"
    records = {f"content/a{n}.md": _full_record(f"a{n}") for n in range(3)}
    SiteIndex(base).save(path, records)
    loaded = SiteIndex.load(path, base)
    assert loaded.records.keys() == records.keys()
    assert [_as_read(r) for r in loaded.records.values()] == [_as_read(r) for r in records.values()]
    changed = dict(records, **{"content/a1.md": _full_record("a1", changed=1)})
    loaded.save(path, changed)  # one record differs: a delta
    assert delta_path(path).is_file()
    again = SiteIndex.load(path, base).records
    assert again.keys() == changed.keys()
    assert [_as_read(r) for r in again.values()] == [_as_read(r) for r in changed.values()]


def test_saving_the_site_index_takes_no_more_memory_for_a_larger_site(tmp_path: Path) -> None:
    """Writing the index whole needs about the same memory for 4,000 records as for 1,000:
    a pickler over all of them remembered each object it wrote (~0.3 KB a record here,
    ~1 KB a briefing of a real site), which set the peak at the end of a cold build."""
    extra = []
    for count in (1_000, 4_000):
        records = _index_records(count)
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            SiteIndex(b"base").save(tmp_path / f"site{count}.index", records)
            extra.append(tracemalloc.get_traced_memory()[1] - before)
        finally:
            tracemalloc.stop()
    per_record = (extra[1] - extra[0]) / 3_000
    assert per_record < 100, f"{per_record:.0f} bytes more per record while saving"


def _event(title: str, start: str, body: str = "Officials met to talk about trade.") -> str:
    """An article about an event at `start` (UTC), tagged with its title."""
    return (
        f"---\ntitle: {title}\ndate: 2026-12-20T09:00:00+00:00\ntags: [{title.lower()}]\n"
        f"event:\n  name: {title} talks\n  start: {start}\n  timezone: UTC\n---\n\n{body}\n"
    )


def _state(site: Path, slug: str) -> str:
    page = (site / "build" / "briefings" / slug / "index.html").read_text()
    return page.split('class="countdown"', 1)[1].split('data-state="', 1)[1].split('"', 1)[0]


def test_an_event_s_whole_life_with_edits_between_matches_a_clean_build_at_every_step(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """Rebuilds as the clock walks through an event's life (days ahead, by the minute
    near it, on the day, past midnight, days after, then back before it), with an
    edit, a rename, a delete and an addition between them, each give a clean
    one-process build's bytes: what the site index, the page keys and the output's
    manifest carry from build to build never outlives the clock span it holds for."""
    site = make_site(
        {
            "content/summit.md": _event("Summit", "2027-01-03T15:00:00+00:00"),
            "content/forum.md": _event("Forum", "2027-01-10T09:00:00+00:00"),
            "content/notes.md": "---\ntitle: Notes\ndate: 2026-12-21\n---\n\nTalks went on.\n",
        }
    )
    content = site / "content"

    def edit() -> None:
        with (content / "summit.md").open("a") as article:
            article.write("\nThey also talked about energy.\n")

    def rename() -> None:
        (content / "forum.md").rename(content / "forum-renamed.md")

    def delete_and_add() -> None:
        (content / "notes.md").unlink()
        (content / "added.md").write_text(_event("Added", "2027-01-04T10:00:00+00:00"))

    steps: list[tuple[str, Callable[[], None] | None, str]] = [
        ("2027-01-01T12:00:00+00:00", None, "upcoming"),  # two days ahead
        ("2027-01-02T23:58:10+00:00", edit, "upcoming"),  # near it: by the minute
        ("2027-01-02T23:59:10+00:00", None, "upcoming"),  # a minute on
        ("2027-01-03T00:00:10+00:00", rename, "today"),  # its day begins
        ("2027-01-03T15:30:00+00:00", None, "today"),  # under way
        ("2027-01-04T00:00:30+00:00", delete_and_add, "past"),  # past midnight
        ("2027-01-06T08:00:00+00:00", None, "past"),  # days after
        ("2027-01-01T12:00:00+00:00", edit, "upcoming"),  # a clock set back
    ]
    for now, change, state in steps:
        if change is not None:
            change()
        result = cli("build", "-s", str(site), "--now", now)
        assert result.code == 0, (now, result.err)
        assert _state(site, "summit") == state, now
        assert tree(site / "build") == reference(site, cli, "--now", now), now


def _ny_event(title: str, start: str, end: str | None = None) -> str:
    """An article about an event in New York starting at `start` (its own offset)."""
    until = f"\n  end: {end}" if end else ""
    return (
        f"---\ntitle: {title}\ndate: 2025-02-01T09:00:00+00:00\n"
        f"event:\n  name: {title} talks\n  start: {start}{until}\n"
        f"  timezone: America/New_York\n---\n\nOfficials met to talk about trade.\n"
    )


def _as_of(site: Path, slug: str) -> str:
    page = (site / "build" / "briefings" / slug / "index.html").read_text()
    return page.split('class="countdown-asof">', 1)[1].split("</span>", 1)[0]


_NY_EVENTS = {
    "ahead": _ny_event("Ahead", "2025-02-12T10:00:00-05:00"),  # upcoming: "Starts in 4 days"
    "summit": _ny_event("Summit", "2025-02-07T11:55:00-05:00", "2025-02-09T18:00:00-05:00"),
    "earlier": _ny_event("Earlier", "2025-02-03T09:00:00-05:00"),  # past
}


@pytest.mark.parametrize(
    "slugs",
    [["ahead", "summit", "earlier"], ["ahead"], ["summit"]],
    ids=["upcoming, today and past", "upcoming only", "today only"],
)
def test_the_countdown_s_as_of_day_is_the_event_zone_s_and_rebuilds_at_its_midnight(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run], slugs: list[str]
) -> None:
    """Without JavaScript the countdown box says the day its text was counted on: the
    day in the event's zone, as the text counts ("Today" at 20:00 in New York on the
    7th is "as of" the 7th though the clock's UTC date is the 8th). Past New York's
    midnight the line says the 8th, even on pages whose text reads the same
    ("Starts in 4 days", "Today" on a three-day event): a rebuild redraws them, as a
    clean one-process build would, though the clock's own date has not changed (and
    with one event, nothing else on the site changes at that midnight)."""
    site = make_site({f"content/{slug}.md": _NY_EVENTS[slug] for slug in slugs})
    time.sleep(3.2)  # older than unchanged.RACY_NS: a rebuild may find nothing to do
    steps = [
        ("2025-02-08T01:00:00Z", "2025-02-07", "Friday, February 7, 2025"),
        ("2025-02-08T04:30:00Z", "2025-02-07", "Friday, February 7, 2025"),
        ("2025-02-08T05:30:00Z", "2025-02-08", "Saturday, February 8, 2025"),
    ]
    for now, iso, long in steps:
        result = cli("build", "-s", str(site), "--now", now)
        assert result.code == 0, (now, result.err)
        for slug in slugs:
            assert _as_of(site, slug) == f'as of <time datetime="{iso}">{long}</time>', (now, slug)
        if "summit" in slugs:
            assert _state(site, "summit") == "today"
        assert tree(site / "build") == reference(site, cli, "--now", now), now
