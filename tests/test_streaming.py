"""Streaming output: workers write their briefings' files, the main process the rest.

A multi-worker build must give a clean one-process build's bytes, whether
the workers' pages or the main process's listings say so; the main process
must never hold (or write) a briefing's page itself; and a build that fails
midway leaves the previous build and nothing else behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import Run, write_site

from briefing_site.build import batch, writer
from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import build
from briefing_site.build.spill import sha256_of
from briefing_site.output.theme import theme_dir
from briefing_site.site import CACHE_DIR

NOW = "2027-01-01T12:00:00+00:00"
COUNT = 140  # two workers' worth (parallel.MIN_ITEMS_PER_WORKER each)


def article(n: int, extra: str = "") -> str:
    event = (
        f"event:\n  name: Summit {n}\n  start: 2027-02-{n % 27 + 1:02d}T10:00:00+01:00\n"
        "  timezone: Europe/Paris\n  location: Paris\n"
        if n % 3 == 0
        else ""
    )
    return (
        f"---\ntitle: Briefing {n}\nsummary: Talks, round {n}.\n"
        f"date: 2026-12-{n % 28 + 1:02d}T09:00:00+00:00\ntags: [trade, t{n % 7}]\n{event}---\n\n"
        f"Leaders meet in round {n} of the trade talks.{extra}\n\n"
        f"The tariffs and the investment pledges are on the table, round {n}.\n\n"
        "Defense spending and the alliance come up next.\n"
    )


def articles() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {f"content/a{n:03d}.md": article(n) for n in range(COUNT)}
    files["content/draft.md"] = "---\ntitle: Draft\ndraft: true\n---\n\nNot yet.\n"
    files["content/later.md"] = (
        "---\ntitle: Later\ndate: 2030-01-01T00:00:00+00:00\n---\n\nScheduled.\n"
    )
    return files


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def leftovers(site: Path) -> list[str]:
    """Staging and spill folders a build left beside its output or in its cache."""
    found = [p.name for p in site.glob(".build.new-*")]
    cache = site / CACHE_DIR
    return found + ([p.name for p in cache.glob("spill-*")] if cache.is_dir() else [])


@pytest.mark.parametrize(
    ("jobs", "cache"),
    [("2", True), ("2", False), ("1", True)],
    ids=["two-workers", "two-workers-no-cache", "in-process"],
)
def test_a_multi_worker_streaming_build_gives_the_one_process_bytes(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    jobs: str,
    cache: bool,
) -> None:
    site = make_site(articles())
    one = site.parent / "one"
    assert (
        cli("build", "-s", str(site), "-o", str(one), "-j", "1", "--no-cache", "--now", NOW).code
        == 0
    )
    expected = tree(one)
    assert "briefings/a000/index.html" in expected
    assert not any(path.startswith(("briefings/draft/", "briefings/later/")) for path in expected)
    flags = () if cache else ("--no-cache",)
    result = cli("build", "-s", str(site), "-j", jobs, "--now", NOW, *flags)
    assert result.code == 0, result.err
    assert tree(site / "build") == expected
    assert leftovers(site) == []


def test_the_main_process_writes_no_briefing_page(
    make_site: Callable[[dict[str, str | bytes]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers write the pages; this process writes only what is drawn from many briefings."""
    site = make_site(articles())
    written: list[str] = []
    real_write = writer.Staging.write

    def write(stage: writer.Staging, item: writer.OutputFile) -> None:
        written.append(item.path)
        real_write(stage, item)

    monkeypatch.setattr(writer.Staging, "write", write)
    options = BuildOptions(site, datetime.fromisoformat(NOW), jobs=2)
    assert build(options).briefings == COUNT
    pages = {p.relative_to(site / "build").as_posix() for p in site.glob("build/briefings/*/*")}
    assert len(pages) > COUNT  # the pages, and the calendars of the briefings with an event
    assert "index.html" in written and "briefings/index.html" in written
    assert pages.isdisjoint(written)


def test_a_rebuild_with_a_cold_cache_links_every_unchanged_file(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """Without the cache's record of the last build, a file drawn the same is still
    taken from it (linked: no room, its inode and time kept), not written again."""
    site = make_site(articles())
    assert cli("build", "-s", str(site), "-j", "2", "--now", NOW).code == 0

    def inodes() -> dict[str, tuple[int, int]]:
        found = (p for p in (site / "build").rglob("*") if p.is_file() and p.name != writer.MARKER)
        return {p.as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in found}

    before = inodes()
    shutil.rmtree(site / CACHE_DIR)
    assert cli("build", "-s", str(site), "-j", "2", "--now", NOW).code == 0
    assert inodes() == before
    assert leftovers(site) == []


def test_a_template_error_met_by_a_worker_keeps_the_previous_build(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(articles())
    assert cli("build", "-s", str(site), "-j", "2", "--now", NOW).code == 0
    before = tree(site / "build")
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "briefing.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ briefing.nothing.here }}\n{% endblock %}\n'
    )
    result = cli(
        "build", "-s", str(site), "-j", "2", "--now", NOW, "--no-cache"
    )  # workers draw all
    assert result.code == 1
    assert result.err.splitlines() == [
        "templates/briefing.html:3: template error: Briefing has no attribute 'nothing'; "
        "it has: meta, source, lede, sections, placements, countdown"
    ]
    assert tree(site / "build") == before
    assert leftovers(site) == []


def test_check_runs_the_build_flow_and_writes_nothing(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """`check` is the build with a sink that keeps nothing: the same workers, the same errors."""
    site = make_site(articles())
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    assert f"ok: {COUNT + 2} articles" in result.out
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "briefing.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ briefing.nothing.here }}\n{% endblock %}\n'
    )
    checked = cli("check", "-s", str(site), "--now", NOW)
    built = cli("build", "-s", str(site), "-j", "2", "--now", NOW, "--no-cache")
    assert (checked.code, built.code) == (1, 1)
    assert checked.err == built.err
    assert sorted(p.name for p in site.iterdir()) == ["content", "templates"]


def test_a_killed_builds_spill_folder_is_removed_by_the_next_build(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """Parked results of a build killed midway must not pile up in the cache folder."""
    site = make_site({"content/a.md": article(1)})
    left = site / CACHE_DIR / "spill-999999999-abc"  # no process has this id
    left.mkdir(parents=True)
    (left / "part-1").write_bytes(b"x" * 1000)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert not left.exists()
    assert leftovers(site) == []


def test_a_killed_checks_spill_folder_in_the_system_temp_is_removed_by_the_next_run(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`check` and `--no-cache` spill into the system's temporary folder; a killed run's
    folder must not stay there for good, even when every run has the same process id
    (a container)."""
    temp = tmp_path / "system-temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    site = make_site({"content/a.md": article(1)})
    gone = temp / "briefing-site-spill-999999999-abc"  # no process has this id
    same_pid = temp / f"briefing-site-spill-{os.getpid()}-old"  # a killed run, same id
    for left in (gone, same_pid):
        left.mkdir()
        (left / "part-1").write_bytes(b"x" * 1000)
    assert cli("check", "-s", str(site), "--now", NOW).code == 0
    assert sorted(temp.iterdir()) == []
    assert cli("build", "-s", str(site), "--now", NOW, "--no-cache").code == 0
    assert sorted(temp.iterdir()) == []


def test_workers_name_the_template_error_the_one_process_build_meets_first(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """Two briefings break the template on different lines: the first in file order has
    no event, yet the one-process build draws upcoming events first and names that line."""
    site = make_site(articles())
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "briefing.html").write_text(
        '{% extends "base.html" %}\n'
        "{% block main %}{{ (1 / 0) if briefing.meta.title == 'Briefing 1' else '' }}\n"
        "{{ nothing.here if briefing.meta.title == 'Briefing 3' else '' }}{% endblock %}\n"
    )
    one = cli("build", "-s", str(site), "-j", "1", "--now", NOW, "--no-cache")
    assert one.err.splitlines() == [
        "templates/briefing.html:3: template error: 'nothing' is undefined"
    ]
    for flags in (["-j", "2"], ["-j", "2", "--no-cache"]):
        assert cli("build", "-s", str(site), *flags, "--now", NOW).err == one.err
    assert cli("check", "-s", str(site), "--now", NOW).err == one.err


def _memory_article(n: int) -> str:
    """A briefing shaped like a real one: an event, tags, a lede and four topic sections."""
    return (
        f"---\ntitle: Leaders {n} meet on trade ahead of the summit\n"
        f"summary: The leaders meet in round {n}, with tariffs and defense on the agenda.\n"
        f"date: 2026-12-{n % 28 + 1:02d}T09:00:00+00:00\n"
        f"tags: [trade, defense, diplomacy, region-{n % 11}]\n"
        f"event:\n  name: Summit {n}\n  start: 2027-02-{n % 27 + 1:02d}T10:00:00+01:00\n"
        "  timezone: Europe/Paris\n  location: Elysee Palace, Paris\n---\n\n"
        f"Leaders meet in round {n} of the trade talks, officials said.\n\n"
        "## Economy\n\nTariffs on steel and the investment pledges are on the table.\n\n"
        "## Defense\n\nDefense spending and the alliance come up next.\n\n"
        "## History\n\nThe two countries signed a trade pact in 1959.\n\n"
        "## Outlook\n\nA joint statement is expected next week.\n"
    )


# Run in a process of its own: tracemalloc counts every thread's allocations, and a
# test run's process may hold threads of earlier tests (servers, watchers) that
# allocate meanwhile; their presence also makes the build start its workers from a
# forkserver, as it does in any threaded program, where a user's build forks them.
_MEASURE = """
import gc, sys, tracemalloc
from datetime import datetime
from pathlib import Path
from briefing_site.build import pipeline
from briefing_site.build.options import BuildOptions

kept = []
real = pipeline.load_articles

def measured(*args, **kwargs):
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    result = real(*args, **kwargs)
    gc.collect()
    kept.append(tracemalloc.get_traced_memory()[0] - before)
    return result

pipeline.load_articles = measured
tracemalloc.start()
for site in sys.argv[2:]:
    pipeline.build(BuildOptions(Path(site), datetime.fromisoformat(sys.argv[1]), jobs=2))
print(*kept)
"""


def _bytes_kept_after_loading(sites: list[Path]) -> list[int]:
    """What a build's process holds once the workers are done, more than before
    loading, for each site built in turn in one fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, NOW, *map(str, sites)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [int(kept) for kept in done.stdout.split()]


def test_the_main_process_keeps_little_for_each_streamed_briefing(tmp_path: Path) -> None:
    """Memory stays flat as the site grows: once the workers are done, each more briefing
    costs the main process what listings need of it (its head, its pages' records and
    where its body is parked): about 3.9 KB here, 4.4 KB before the head shared the
    article's path, pages their search sort values and countdowns their days' bounds
    and words (these events fall on 27 days). A first build is made before
    measuring, so what a process makes once (templates, tools) is not counted."""
    small, large = COUNT, 2 * COUNT
    sites = [
        write_site(
            tmp_path / f"site{count}-{place}",
            {f"content/m{n:04d}.md": _memory_article(n) for n in range(count)},
        )
        for place, count in enumerate((small, small, large))
    ]
    _, *kept = _bytes_kept_after_loading(sites)  # the first: what is made once
    per_briefing = (kept[1] - kept[0]) / (large - small)
    assert per_briefing < 4_250, f"{per_briefing:.0f} bytes kept per briefing"


def test_a_workers_pickled_article_reads_back_as_the_same_objects(tmp_path: Path) -> None:
    """`batch.pickled` takes the model's dataclasses apart by their fields; `pickle.loads`
    must give back equal objects of the same classes, every field set (events, people,
    sources, countdowns, placements included), as the cache's readers expect."""
    import pickle

    from briefing_site.build.batch import pickled
    from briefing_site.build.pipeline import load_site

    files = articles()
    files["content/people.md"] = (
        "---\ntitle: People\ndate: 2026-12-01T09:00:00+00:00\n"
        "people:\n  - {name: A Leader, role: President}\n"
        "sources:\n  - {title: Wire, url: 'https://example.org/wire'}\n"
        "event:\n  name: Talks\n  start: 2027-01-02T10:00:00+01:00\n"
        "  timezone: Europe/Paris\n  location: Paris\n---\n\n"
        "## Economy\n\nTariffs and investment are on the table.\n\nA second paragraph.\n"
    )
    write_site(tmp_path, files)
    options = BuildOptions(tmp_path, datetime.fromisoformat(NOW), jobs=1, cache=False)
    for made in load_site(options).articles:
        back = pickle.loads(pickled(made))
        assert back == made
        assert type(back.briefing.meta) is type(made.briefing.meta)
        assert [type(s) for s in back.briefing.sections] == [
            type(s) for s in made.briefing.sections
        ]
        assert back.briefing.countdown == made.briefing.countdown


def test_a_cold_build_opens_each_file_it_writes_once(
    make_site: Callable[[dict[str, str | bytes]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into a fresh staging folder a page's folder is made before the page is opened:
    no open that fails for a missing folder and is tried again (most pages of a site
    are in a folder of their own), and the site is the one-process site."""
    site = make_site(articles())
    tried: list[str] = []
    real_put = writer._put

    def put(target: str | Path, data: bytes) -> None:
        tried.append(os.fspath(target))
        real_put(target, data)

    monkeypatch.setattr(writer, "_put", put)
    options = BuildOptions(site, datetime.fromisoformat(NOW), jobs=1, cache=False)
    assert build(options).briefings == COUNT
    files = [p for p in (site / "build").rglob("*") if p.is_file() and p.name != writer.MARKER]
    assert len(tried) == len(set(tried)) == len(files)


def test_a_remembered_folder_removed_since_is_made_again(tmp_path: Path) -> None:
    """Folders made are remembered only as a hint: one gone since (a swap, a removed
    search index) is made again when the file cannot be opened."""
    root = tmp_path / "stage"
    root.mkdir()
    writer.write_file(root, "topics/trade/page/2/index.html", b"first", fresh=True)
    shutil.rmtree(root / "topics")
    writer.write_file(root, "topics/trade/page/2/index.html", b"again", fresh=True)
    writer.write_file(root, "topics/trade/page/3/index.html", b"third", fresh=True)
    assert (root / "topics/trade/page/2/index.html").read_bytes() == b"again"
    assert (root / "topics/trade/page/3/index.html").read_bytes() == b"third"
    with pytest.raises(ValueError, match="unsafe output path"):
        writer.write_file(root, "../escape.html", b"no", fresh=True)
    assert not (tmp_path / "escape.html").exists()


def test_the_templates_are_compiled_before_the_workers_start(
    make_site: Callable[[dict[str, str | bytes]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold build compiles the theme once, into the template cache, before it forks:
    each worker loads what it draws with instead of compiling it again."""
    site = make_site(articles())
    compiled = site / CACHE_DIR / "templates"
    found_at_start: list[list[str]] = []
    real = batch.ordered_results

    def ordered_results(*args: Any, **kwargs: Any) -> Any:
        found_at_start.append(sorted(os.listdir(compiled)) if compiled.is_dir() else [])
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "ordered_results", ordered_results)
    options = BuildOptions(site, datetime.fromisoformat(NOW), jobs=2)
    assert build(options).briefings == COUNT
    theme = list(theme_dir().glob("*.html"))
    assert found_at_start and len(found_at_start[0]) == len(theme)


def test_a_payload_hashed_twice_is_hashed_right_every_time() -> None:
    """The SHA-256 kept for the payload hashed last is given for that very object
    only: equal bytes of another object, or other bytes, are hashed afresh."""
    first = os.urandom(40_000)
    same_bytes = bytes(bytearray(first))
    other = os.urandom(40_000)
    for payload in (first, first, same_bytes, other, first, b"", b""):
        assert sha256_of(payload) == hashlib.sha256(payload).digest()
