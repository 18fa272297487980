"""The speed paths change nothing a reader sees.

The plain-paragraph fast path, the build cache and the worker processes must
each give the bytes a clean one-process build with Python-Markdown gives.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import shutil
import subprocess
import sys
import time
from array import array
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import markdown
import pytest
from conftest import REPO, SEED_TXT, SEED_YAML, Run, modules_a_build_loads
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_search import counting_indexer, shard_folders

import briefing_site
from briefing_site.build import batch, lazy
from briefing_site.content.load import ArticleFiles
from briefing_site.content.markup import MarkupConverter, plain_html, sanitize, simple_html
from briefing_site.model import Briefing, Countdown, Event
from briefing_site.output.extras import PageSource

PROSE = (
    "Officials on both sides expect that tariffs on steel remain the main sticking point, "
    "analysts say. Growth could slow to 1.5 percent (or less) by 2027; the yen's fall "
    "\u2014 12% since May \u2014 worries \u201cexporters\u201d in Tokyo."
)
# Prose characters, Markdown and HTML syntax, entities, and odd Unicode.
ALPHABET = st.sampled_from(
    [
        *"abcXYZ019 .,;:'\"?!%$/@()-*_`#>+=[]<&\\~|{}\n\t",
        "\u00a0",
        "\u2019",
        "\u201c",
        "\u2014",
        "\u2026",
        "\u00e9",
        "\u00b2",
        "\u200b",
        "\u0301",
    ]
)


def engine_html(text: str) -> str:
    """What the engine alone makes of a paragraph: Python-Markdown, then the sanitiser."""
    engine = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return sanitize(engine.convert(text))


def test_plain_prose_takes_the_fast_path_with_the_engines_bytes() -> None:
    fast = plain_html(PROSE)
    assert fast is not None
    assert fast == engine_html(PROSE)


@settings(max_examples=1500, deadline=None)
@given(st.text(ALPHABET, max_size=40))
@example("1986. The treaty")
@example("A & B")
@example("x\u00a0y")
@example("Tea  ")
@example("Note: see e.g. U.S. policy")
def test_fast_path_is_byte_identical_to_python_markdown(text: str) -> None:
    fast = plain_html(text)
    if fast is not None:
        assert fast == engine_html(text)


@settings(max_examples=1500, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_fast_path_matches_the_engine_on_any_unicode_after_a_word(tail: str) -> None:
    text = "Talks " + tail
    fast = plain_html(text)
    if fast is not None:
        assert fast == engine_html(text)


# Pieces of prose, emphasis, links and lists, and the syntax around them that must
# send a paragraph to the engine: so generated text often takes the simple path.
MARKDOWN_PIECES = st.sampled_from(
    [
        *"ab Z9.,'\"!()-*_[]\n#>`&<\\",
        "word",
        " the ",
        "*",
        "**",
        "[",
        "](",
        "](https://",
        "https://example.org/a_b-c/d.html?q=1#top",
        "http://e.org",
        ".org:80/%7e",
        "http://1.2.3.999",
        "HTTPS://e.org",
        "javascript:x",
        ")",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "\n- ",
        "\n* ",
        "\n\n",
        "  \n",
        "!",
        "\u00e9t\u00e9",
        "\u2014",
        " *a* ",
        "[b](https://e.org/x)",
        " (c)",
        "\t",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(MARKDOWN_PIECES, max_size=12).map("".join))
@example("The *talks* turn on [a 1963 treaty](https://example.org/archive/1963/a-b).")
@example("- Tariffs on *machine tools*\n- Access for [chips](https://e.org/c)")
@example("Bang![x](https://e.org)")
@example("A *b *c* d")
@example("*a**b*")
@example("- one\n-two")
@example("- one\n- ")
@example("* one\n- two")
def test_simple_markdown_path_is_byte_identical_to_python_markdown(text: str) -> None:
    fast = simple_html(text)
    if fast is not None:
        assert fast == engine_html(text)


def test_emphasis_links_and_lists_take_the_simple_path() -> None:
    for text in (
        "Officials expect talks that are *expected to test the relationship* on trade.",
        "The relationship rests on [a joint declaration](https://example.org/archive/1963).",
        "- Tariffs on machine tools\n- Access for *chips* exporters",
    ):
        fast = simple_html(text)
        assert fast is not None and fast == engine_html(text)


# The build cache and worker processes -------------------------------------

NEW_YORK = ZoneInfo("America/New_York")  # the seed event's zone
NOW = "2027-01-01T12:00:00+00:00"  # after every corpus date: nothing held back
COUNT = 140  # enough articles for two workers (parallel.MIN_ITEMS_PER_WORKER each)
DRAFT = "---\ntitle: Not yet\ndraft: true\n---\n\nA draft paragraph, kept out of the build.\n"


def _corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def articles() -> dict[str, str | bytes]:
    """The benchmark's articles, the raw-text seed, and a draft."""
    corpus = _corpus()
    files: dict[str, str | bytes] = {}
    for index in range(COUNT):
        slug, text = corpus.make_article(index)
        files[f"content/{slug}.md"] = text
    files["content/ishiba-trump-summit.txt"] = SEED_TXT.read_bytes()
    files["content/ishiba-trump-summit.yaml"] = SEED_YAML.read_bytes()
    files["content/later.md"] = DRAFT
    return files


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def reference(site: Path, cli: Callable[..., Run], *extra: str) -> dict[str, bytes]:
    """A clean one-process build without the cache, the bytes to match."""
    out = site.parent / "reference"
    assert (
        cli(
            "build", "-s", str(site), "-o", str(out), "--now", NOW, "-j", "1", "--no-cache", *extra
        ).code
        == 0
    )
    return tree(out)


def test_parallel_and_cached_builds_match_a_clean_one_process_build(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site = make_site(articles)
    expected = reference(site, cli, "--drafts")
    assert len(expected) > COUNT
    for round_ in ("cold cache", "warm cache"):
        result = cli("build", "-s", str(site), "--now", NOW, "-j", "2", "--drafts")
        assert result.code == 0, (round_, result.err)
        assert tree(site / "build") == expected, round_


def test_one_edit_rewrites_its_page_and_keeps_the_rest(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site = make_site(articles)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    pages = sorted((site / "build" / "briefings").glob("*/index.html"))
    edited, untouched = pages[0], pages[1]
    before = untouched.stat().st_ino
    source = next((site / "content").glob(f"{edited.parent.name}*.md"))
    source.write_text(source.read_text().replace("Officials", "Ministers", 1))
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert "Ministers" in edited.read_text()
    assert untouched.stat().st_ino == before  # linked from the previous build, not rewritten
    assert tree(site / "build") == reference(site, cli)


def test_a_hand_edited_build_folder_is_rewritten(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site = make_site(articles)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    (site / "build" / "index.html").write_text("scribbled")
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert tree(site / "build") == reference(site, cli)


def test_a_template_change_re_renders_every_page_that_uses_it(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site = make_site(articles)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    for colour in ("#a3141e", "#123456"):
        (site / "templates").mkdir(exist_ok=True)
        (site / "templates" / "briefing.html").write_text(
            '{% extends "theme/briefing.html" %}\n'
            f'{{% block head %}}<meta name="theme-color" content="{colour}">{{% endblock %}}\n'
        )
        assert cli("build", "-s", str(site), "--now", NOW).code == 0
        pages = list((site / "build" / "briefings").glob("*/index.html"))
        assert len(pages) == COUNT + 1
        assert all(colour in page.read_text() for page in pages)
        assert tree(site / "build") == reference(site, cli)


@pytest.mark.parametrize("damage", ["flipped bytes", "torn write", "garbage"])
def test_a_corrupted_cache_is_detected_and_rebuilt_never_served(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    damage: str,
) -> None:
    site = make_site(articles)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    pack = site / ".briefing-cache" / "build.pack"
    data = pack.read_bytes()
    assert b"Officials" in data
    if damage == "flipped bytes":  # same length, so only the checksums can tell
        data = data.replace(b"Officials", b"Offic1als")
    elif damage == "torn write":
        data = data[: len(data) // 2]
    else:
        data = b"\x00garbage" * 100
    pack.write_bytes(data)
    shutil.rmtree(site / "build")
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    built = tree(site / "build")
    assert not any(b"Offic1als" in page for page in built.values())
    assert built == reference(site, cli)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0  # the pack was repaired
    assert b"Offic1als" not in pack.read_bytes()


def test_benchmark_harness_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "5", "--repeat", "1",
         "--no-hugo", "--generator", "own", "--work", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "| cold build |" in done.stdout and "| one-edit rebuild (--now) |" in done.stdout
    assert "| one-edit rebuild, as users run it |" in done.stdout
    assert (
        "| first edit after a cold build, as users run it (makes the spare copy) |" in done.stdout
    )
    assert "| add one article, as users run it |" in done.stdout
    assert (tmp_path / "briefing-5" / "build" / "index.html").is_file()
    assert not list((tmp_path / "briefing-5" / "content").glob("added-*"))  # removed again


def test_benchmark_cold_only_times_the_cold_build_at_each_size(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "3", "6", "--repeat", "1",
         "--cold-only", "--no-hugo", "--generator", "own", "--work", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = {line.split(" | ")[0]: line for line in done.stdout.splitlines()}
    assert (
        "s, CPU" in rows["| cold build"] and "MiB peak" in rows["| cold build per 1,000 briefings"]
    )
    assert rows["| one-edit rebuild (--now)"].count("not run (--cold-only)") == 2
    assert (tmp_path / "briefing-6" / "build" / "index.html").is_file()


def test_the_benchmark_edits_an_article_the_real_clock_publishes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    content = tmp_path / "content"
    content.mkdir()
    dates = ["2020-01-01", "2021-05-01T10:00:00+02:00", "2999-01-01", "2999-02-01", "'2022-01-01'"]
    for number, date in enumerate(dates):
        (content / f"{number}.md").write_text(f"---\ntitle: T{number}\ndate: {date}\n---\n\nA.\n")
    assert bench.edited_article(tmp_path).name == "1.md"  # the middle of 0, 1 and 4
    added = bench.add_one_article(tmp_path, 7)
    assert 'title: "Added briefing 7"' in added.read_text()
    assert bench._published(added, bench.dt.datetime.now(bench.dt.UTC))


def test_the_cache_folder_ignores_itself_for_git(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site({"content/a.md": "---\ntitle: A\n---\n\nText.\n"})
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    status = subprocess.run(
        ["git", "-C", str(site), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert ".briefing-cache" not in status and "content/a.md" in status


def _stats(root: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    }


def test_a_rebuild_with_nothing_changed_writes_nothing_and_reports_the_same(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(
        {
            "content/ishiba-trump-summit.txt": SEED_TXT.read_bytes(),
            "content/ishiba-trump-summit.yaml": SEED_YAML.read_bytes(),
            "content/bare.md": "---\ntitle: Bare talks\ndate: 2025-01-02\n---\n\nTalks went on.\n",
        }
    )
    args = ("build", "-s", str(site), "--now", NOW)
    first = cli(*args)
    assert first.code == 0 and "warning" in first.err  # bare.md has no summary
    before = _stats(site / "build")
    again = cli(*args)
    assert (again.code, again.out, again.err) == (0, first.out, first.err)
    assert _stats(site / "build") == before  # not one file written

    (site / "content/bare.md").write_text(
        "---\ntitle: Bare talks resume\ndate: 2025-01-02\n---\n\nTalks went on.\n"
    )
    assert cli(*args).code == 0
    assert "Bare talks resume" in (site / "build/briefings/bare/index.html").read_text()

    (site / "briefing.yaml").write_text("title: Desk Notes\n")
    assert cli(*args).code == 0
    assert "Desk Notes" in (site / "build/index.html").read_text()

    assert cli("build", "-s", str(site), "--now", "2027-06-01T12:00:00+00:00").code == 0
    assert "June 1, 2027" in (site / "build/index.html").read_text()  # the footer's build date
    assert cli(*args).code == 0
    assert tree(site / "build") == reference(site, cli)


def test_edits_in_a_row_keep_matching_a_clean_build_through_the_spare_folder(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """From the third build on, the build before last is updated and swapped in."""
    site = make_site(articles)
    sources = sorted((site / "content").glob("*.md"))

    def edit_and_build(path: Path, old: str, new: str) -> None:
        path.write_text(path.read_text().replace(old, new, 1))
        assert cli("build", "-s", str(site), "--now", NOW).code == 0

    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    edit_and_build(sources[0], "Officials", "Ministers")
    (spare,) = (site / ".briefing-cache").glob("*.spare")
    assert (spare / "index.html").is_file()  # the replaced build, kept
    spare_folder = spare.stat().st_ino
    assert (site / "build/briefings" / sources[1].stem).is_dir()
    sources[1].unlink()  # a briefing gone: its files must go too
    edit_and_build(sources[2], "Officials", "Envoys")
    assert (site / "build").stat().st_ino == spare_folder  # the spare, updated, swapped in
    assert tree(site / "build") == reference(site, cli)
    assert not (site / "build/briefings" / sources[1].stem).exists()
    (spare / "index.html").write_text("scribbled")  # a spare touched by hand is not used
    edit_and_build(sources[3], "Officials", "Aides")
    assert tree(site / "build") == reference(site, cli)
    assert [p.name for p in site.iterdir() if p.name.startswith(".build")] == []


def test_the_first_rebuild_records_its_linked_files_so_the_next_build_has_nothing_to_do(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """After a build from nothing there is no spare: the first rebuild links every kept
    file into a new folder and records them from the old build's record. That record
    must be true: the next build finds the output untouched and writes nothing, and
    a hand edit of a linked file is still caught."""
    site = make_site(articles)
    args = ("build", "-s", str(site), "--now", NOW)
    assert cli(*args).code == 0
    source = sorted((site / "content").glob("*.md"))[0]
    source.write_text(source.read_text().replace("Officials", "Ministers", 1))
    assert cli(*args).code == 0  # the first rebuild: no spare yet
    assert list((site / ".briefing-cache").glob("*.spare"))  # the old build, kept as one
    before = _stats(site / "build")
    assert cli(*args).code == 0
    assert _stats(site / "build") == before  # recognised as unchanged: not one file written
    linked = site / "build/briefings" / sorted((site / "content").glob("*.md"))[1].stem
    (linked / "index.html").write_text("scribbled")  # in place: its inode is the spare's too
    assert cli(*args).code == 0
    assert tree(site / "build") == reference(site, cli)


# The clock at the granularity the pages show ---------------------------------


def test_builds_minutes_apart_far_from_any_event_write_nothing(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """Seven minutes on, no page reads differently: the second build is the no-change path."""
    site = make_site(articles)
    first = cli("build", "-s", str(site), "--now", NOW)
    assert first.code == 0
    before = _stats(site / "build")
    later = "2027-01-01T12:07:00+00:00"
    again = cli("build", "-s", str(site), "--now", later)
    assert (again.code, again.out, again.err) == (0, first.out, first.err)
    assert _stats(site / "build") == before  # not one file written
    assert tree(site / "build") == reference(site, cli, "--now", later)


def test_the_same_instant_in_another_offset_is_the_day_that_offset_reads(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """`--now` written in another offset can fall on another date (the footer's, the
    calendar's stamp): the no-change path must not serve the last build's day."""
    site = make_site(articles)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    tomorrow = "2027-01-02T01:00:00+13:00"  # NOW's very instant, read in Tonga
    again = cli("build", "-s", str(site), "--now", tomorrow)
    assert again.code == 0, again.err
    assert tree(site / "build") == reference(site, cli, "--now", tomorrow)


def _event_article(title: str, start: str, tagged: bool = False) -> str:
    """An article about an event at `start` (UTC), tagged with its title if `tagged`."""
    tags = f"tags: [{title.lower()}]\n" if tagged else ""
    return (
        f"---\ntitle: {title}\ndate: 2026-12-20T09:00:00+00:00\n{tags}"
        f"event:\n  name: {title} talks\n  start: {start}\n  timezone: UTC\n---\n\n"
        "Officials met to talk about trade.\n"
    )


def test_a_clock_change_redraws_only_the_pages_whose_text_changed(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """A minute on, only the event 12 hours off counts down: its page and the lists showing it."""

    site = make_site(
        {
            "content/near.md": _event_article("Near", "2027-01-02T00:00:00+00:00", tagged=True),
            "content/far.md": _event_article("Far", "2027-01-11T00:00:00+00:00", tagged=True),
        }
    )
    assert cli("build", "-s", str(site), "--now", "2027-01-01T12:00:30+00:00").code == 0
    before = _stats(site / "build")
    assert cli("build", "-s", str(site), "--now", "2027-01-01T12:00:50+00:00").code == 0
    assert _stats(site / "build") == before  # still 11 hours, 59 minutes: nothing written
    later = "2027-01-01T12:01:30+00:00"
    assert cli("build", "-s", str(site), "--now", later).code == 0
    after = _stats(site / "build")
    changed = {p for p in after if after[p] != before.get(p) and not p.startswith(".")}
    assert changed == {
        "briefings/near/index.html",  # its countdown: 11 hours, 58 minutes
        "index.html",  # features it
        "briefings/index.html",  # the archive's card
        "tags/near/index.html",  # its tag page's card
    }
    assert "Starts in 11 hours, 58 minutes" in (site / "build/index.html").read_text()
    assert "Starts in 9 days<" in (site / "build/briefings/far/index.html").read_text()
    assert tree(site / "build") == reference(site, cli, "--now", later)


def test_a_countdown_is_reused_only_for_the_clocks_it_reads_the_same_for(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The site index keeps each briefing's countdown with the span of build clocks it
    reads the same for: a rebuild inside that span works none out again, one after it
    or before it (a `--now` in the past) works it out anew, and every build matches a
    clean one."""

    site = make_site(
        {
            "content/near.md": _event_article("Near", "2027-01-02T00:00:00+00:00"),
            "content/far.md": _event_article("Far", "2027-01-11T00:00:00+00:00"),
        }
    )
    worked_out: list[str] = []
    real = lazy.compute_countdown

    def counted(event: Event, now: datetime) -> Countdown:
        worked_out.append(event.name)
        return real(event, now)

    monkeypatch.setattr(lazy, "compute_countdown", counted)
    for now, anew in (
        ("2027-01-01T12:00:30+00:00", set()),  # cold: assembled, not taken from the index
        ("2027-01-01T12:00:50+00:00", set()),  # still 11 hours, 59 minutes; 9 days
        ("2027-01-01T12:01:30+00:00", {"Near talks"}),  # a minute on: 11 hours, 58 minutes
        ("2027-01-01T11:00:00+00:00", {"Near talks", "Far talks"}),  # before both spans
        ("2027-01-02T06:00:00+00:00", {"Near talks", "Far talks"}),  # today; 8 days
    ):
        worked_out.clear()
        assert cli("build", "-s", str(site), "--now", now).code == 0
        assert set(worked_out) == anew, now
        assert tree(site / "build") == reference(site, cli, "--now", now), now


def test_two_builds_on_the_real_clock_seconds_apart_are_byte_identical(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As users build, without --now: the second build, a second later, writes nothing."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    site = make_site(
        {
            "content/ishiba-trump-summit.txt": SEED_TXT.read_bytes(),  # an event long past
            "content/ishiba-trump-summit.yaml": SEED_YAML.read_bytes(),
            "content/bare.md": "---\ntitle: Bare talks\ndate: 2025-01-02\n---\n\nTalks went on.\n",
            # The word in prose, or in a script, is not a template using the clock.
            "templates/README.md": "Copy a theme file here now to change it.\n",
            "templates/static/extra.js": "const now = Date.now();\n",
        }
    )
    days = {(datetime.now(UTC).date(), datetime.now(NEW_YORK).date())}
    first = cli("build", "-s", str(site))
    assert first.code == 0
    before = tree(site / "build"), _stats(site / "build")
    time.sleep(1.1)
    again = cli("build", "-s", str(site))
    days.add((datetime.now(UTC).date(), datetime.now(NEW_YORK).date()))
    if len(days) > 1:
        pytest.skip("a day ended between the two builds: the footer or countdown changed")
    assert (again.code, again.err) == (0, first.err)
    assert (tree(site / "build"), _stats(site / "build")) == before


def test_a_site_template_showing_the_time_is_redrawn_every_build(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """A template of the site's own that prints `now` may show the second: nothing is reused."""
    site = make_site(
        {
            "content/bare.md": "---\ntitle: Bare talks\ndate: 2025-01-02\n---\n\nTalks went on.\n",
            "templates/briefing.html": "<p>Built at {{ now|iso }}: {{ briefing.meta.title }}</p>\n",
        }
    )
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    later = "2027-01-01T12:00:01+00:00"
    assert cli("build", "-s", str(site), "--now", later).code == 0
    page = (site / "build/briefings/bare/index.html").read_text()
    assert "<p>Built at 2027-01-01T12:00:01+00:00: Bare talks</p>" in page
    assert tree(site / "build") == reference(site, cli, "--now", later)


def test_only_the_templates_a_build_reads_can_show_the_time(tmp_path: Path) -> None:
    """An editor's swap file or a script in static/ naming `now` does not cost every page."""
    from briefing_site.build.horizon import templates_show_clock

    templates = tmp_path / "templates"
    (templates / "static").mkdir(parents=True)
    (templates / "static/clock.html").write_text("{{ now }}\n")
    (templates / ".briefing.html.swp").write_text("{{ now }}\n")
    (templates / "briefing.html").write_text("{{ today }}\n")
    assert not templates_show_clock(templates)
    (templates / "part").mkdir()
    (templates / "part/static").mkdir()
    (templates / "part/static/time.html").write_text("{{ now }}\n")
    assert templates_show_clock(templates)


def test_the_theme_s_own_filters_do_not_make_a_template_show_the_time(tmp_path: Path) -> None:
    """A site's copy of a theme partial uses the renderer's filters (`html`, `longdate`):
    reading it for `now` must not fail on them and count it as showing the clock."""
    from briefing_site.build.horizon import templates_show_clock

    templates = tmp_path / "templates"
    templates.mkdir()
    theme = Path(briefing_site.__file__).parent / "theme"
    for name in ("_topic_entry.html", "_card.html", "topic.html"):
        (templates / name).write_bytes((theme / name).read_bytes())
    assert not templates_show_clock(templates)
    (templates / "_card.html").write_text("{{ now|iso }} {{ other|html }}\n")
    assert templates_show_clock(templates)


def test_raw_html_mode_gives_the_engine_s_own_links() -> None:
    """With `allow_raw_html_unsafe`, nothing is sanitised, so a link keeps the bytes
    Python-Markdown gives it (the fast path writes the sanitiser's `rel`)."""

    text = "See [the text](https://example.com/r) and *this*."
    raw = MarkupConverter(allow_raw_html_unsafe=True).markdown_html(text)
    assert raw == markdown.markdown(text)
    assert 'rel="noopener' in MarkupConverter().markdown_html(text)


def test_each_card_is_drawn_once_however_many_lists_show_it(
    make_site: Callable[[dict[str, str | bytes]], Path], articles: dict[str, str | bytes]
) -> None:
    """The home page, the archive and the tag pages share one rendering of each card."""
    from briefing_site.build.options import BuildOptions
    from briefing_site.build.pipeline import load_site
    from briefing_site.output.render import iter_site
    from briefing_site.output.theme import make_environment

    site = make_site(articles)
    loaded = load_site(BuildOptions(site, datetime.fromisoformat(NOW), jobs=1, cache=False))
    env = make_environment(None)
    card = env.get_template("_card.html")
    drawn: list[str] = []
    original = card.render

    def counted(*args: object, **kwargs: object) -> str:
        drawn.append(str(args[0]["other"].meta.slug))  # type: ignore[index]
        return original(*args, **kwargs)

    card.render = counted  # type: ignore[method-assign]
    files = list(iter_site(loaded.site, env, {}))
    shown = sum(f.data.count(b'<article class="card">') for f in files)
    assert shown > 2 * len(loaded.site.briefings)  # each card is on two lists or more
    # Once per briefing and heading level: level 2 in lists, 3 under the home page.
    home = len(loaded.site.briefings[1 : 1 + loaded.config.page_size])
    assert len(drawn) == len(set(drawn)) + home


def test_a_rebuild_draws_only_the_changed_briefings_cards_and_topic_entries(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The listings' cards and topic entries come from the cache (`build.fragments`)
    for every briefing but the edited or added one, and the site is a clean build's.
    The workers draw them with each briefing's page, so the listings draw none."""
    drawn = count_fragments_drawn(monkeypatch)
    by_listings = count_fragments_the_listings_draw(monkeypatch)
    site = make_site(articles)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert by_listings == []  # cold: every briefing's fragments drawn ahead, by its worker
    sources = sorted((site / "content").glob("*.md"))
    edited = sources[len(sources) // 2]
    edited.write_text(edited.read_text().replace("Officials", "Ministers", 1))
    drawn.clear()
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    slug = edited.stem
    assert drawn == [slug]  # its listings were redrawn, from the others' stored fragments
    assert by_listings == []
    assert tree(site / "build") == reference(site, cli)
    # A new briefing, newest of all, shifts every page of the listings it is on.
    (site / "content/added.md").write_text(
        "---\ntitle: Added\ndate: 2026-12-31\ntags: [trade]\n---\n\n"
        "Officials said exports and tariffs would top the talks.\n"
    )
    drawn.clear()
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    assert drawn == ["added"]
    assert by_listings == []
    assert tree(site / "build") == reference(site, cli)


def test_compacting_the_cache_keeps_the_fragments_a_build_did_not_read(tmp_path: Path) -> None:
    """A rebuild reads only the fragments of the pages it redraws; the others are still
    the current briefings' and must survive the pack being compacted (`Store.also_live`),
    while records nobody vouches for are dropped."""
    from briefing_site.build.cache import Store

    pack = tmp_path / "build.pack"
    store = Store(pack)
    store.put(b"p" * 32, b"an old page " * 1000)  # outweighs the rest: compaction is due
    store.put(b"f" * 32, b"a fragment")
    store.put(b"x" * 32, b"a stale fragment")
    store.save()
    store = Store(pack)
    store.also_live(lambda: [b"f" * 32])  # nothing read this time; the fragment is current
    store.save()
    store = Store(pack)
    assert store.get(b"f" * 32) == b"a fragment"
    assert store.get(b"p" * 32) is None and store.get(b"x" * 32) is None
    assert pack.stat().st_size < 1000


def test_the_pack_headers_kept_beside_it_read_only_new_records_and_never_mislead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store reads the headers of the records added since the kept ones, not the
    whole pack again; records added since are found too, and a pack written over in
    place (the same file, so the kept headers look valid) never serves wrong bytes."""
    from briefing_site.build import cache

    pack = _pack_with_kept_headers(tmp_path, monkeypatch, 50, 50)
    read: list[int] = []
    real_unpack = cache.RECORD.unpack
    monkeypatch.setattr(cache, "RECORD", _CountingRecord(real_unpack, read))
    store = cache.Store(pack)
    assert read == []  # every header was kept
    assert store.get(bytes([7]) * 32) == b"record 7 " * 50
    assert all(store.keep(bytes([number]) * 32) for number in range(50))  # no compaction
    store.put(b"n" * 32, b"a new record")
    store.save()
    store = cache.Store(pack)
    assert len(read) == 1 and store.get(b"n" * 32) == b"a new record"
    data = pack.read_bytes()
    with open(pack, "r+b") as same:  # the same inode, other bytes at the same places
        same.write(data.replace(b"record 7 ", b"rekord 7 "))
    store = cache.Store(pack)
    assert store.get(bytes([7]) * 32) is None  # its checksum no longer holds
    assert store.get(bytes([8]) * 32) == b"record 8 " * 50


def test_kept_pack_headers_find_every_record_as_reading_the_pack_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept headers (laid flat: keys, offsets, lengths and checksums end to end)
    answer as the pack's own: every record, a key packed again (its later record),
    and a record added past them; compacting keeps exactly the records used."""
    from briefing_site.build import cache

    pack = _pack_with_kept_headers(tmp_path, monkeypatch, 30, 10)
    store = cache.Store(pack)
    assert all(store.keep(bytes([n]) * 32) for n in range(30))  # all live: no compaction
    store.put(bytes([4]) * 32, b"record 4, again")  # the same key, packed again
    store.put(b"n" * 32, b"a new record")
    store.save()
    cache.Store(pack)  # keeps the headers again, the two records past them with them
    for kept in (True, False):
        if not kept:
            pack.with_name(pack.name + ".headers").unlink()  # read from the pack itself
        store = cache.Store(pack)
        assert store.get(bytes([4]) * 32) == b"record 4, again"
        assert store.get(b"n" * 32) == b"a new record"
        assert all(
            store.get(bytes([n]) * 32) == f"record {n} ".encode() * 10 for n in range(30) if n != 4
        )
        assert not store.keep(b"m" * 32)
    store = cache.Store(pack)
    used = [bytes([n]) * 32 for n in range(3)]
    assert all(store.keep(key) for key in used)
    store.put(b"o" * 32, b"x")  # dead records now outweigh live ones: compacted
    store.save()
    store = cache.Store(pack)
    assert [store.keep(key) for key in (*used, bytes([9]) * 32, b"o" * 32)] == [
        True, True, True, False, True,
    ]  # fmt: skip


class _CountingRecord:
    """`spill.RECORD` with each header it unpacks counted."""

    def __init__(self, unpack: Callable[[bytes], tuple[bytes, bytes, int]], read: list[int]):
        from briefing_site.build.spill import RECORD

        self.size, self.pack, self._unpack, self._read = RECORD.size, RECORD.pack, unpack, read

    def unpack(self, data: bytes) -> tuple[bytes, bytes, int]:
        self._read.append(1)
        return self._unpack(data)


def count_fragments_drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs whose listing fragments (card, topic entries) are drawn from now on."""
    from briefing_site.output import render

    drawn: list[str] = []
    real = render._Helpers._all

    def counted(self: render._Helpers, briefing: Briefing) -> dict[str, str]:
        drawn.append(briefing.meta.slug)
        return real(self, briefing)

    monkeypatch.setattr(render._Helpers, "_all", counted)
    return drawn


def count_fragments_the_listings_draw(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs whose listing fragments the listings had to draw themselves (not in
    the build cache, where a worker parks those of the briefings it draws)."""
    from briefing_site.build import fragments

    drawn: list[str] = []
    real = fragments.StoredFragments.get

    def counted(
        self: fragments.StoredFragments,
        briefing: Briefing,
        name: str,
        make: Callable[[], dict[str, str]],
    ) -> str | None:
        def make_counted() -> dict[str, str]:
            drawn.append(briefing.meta.slug)
            return make()

        return real(self, briefing, name, make_counted)

    monkeypatch.setattr(fragments.StoredFragments, "get", counted)
    return drawn


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles the builds from here on read, in order (by the real reader)."""
    read: list[str] = []
    real_read = batch.read_bytes

    def counted(root: Path, files: ArticleFiles) -> tuple[bytes, bytes | None]:
        read.append(files.article)
        return real_read(root, files)

    monkeypatch.setattr(batch, "read_bytes", counted)
    return read


# The site index: a rebuild reads only the articles whose files changed -------------


def test_a_rebuild_reads_only_changed_articles_and_matches_a_clean_build(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Edit, add, delete, rename, a same-size same-mtime rewrite, a config change, --drafts."""
    site = make_site(articles)
    time.sleep(3.2)  # older than unchanged.RACY_NS: the index may vouch for these files
    read = count_reads(monkeypatch)

    def build_and_compare(*extra: str) -> set[str]:
        read.clear()
        result = cli("build", "-s", str(site), "--now", NOW, "-j", "2", *extra)
        assert result.code == 0, result.err
        found = set(read)  # before the reference build reads every article too
        assert tree(site / "build") == reference(site, cli, *extra)
        return found

    def reads_only(changed: set[str], *extra: str) -> None:
        """The changed files are read; of the rest, at most those changed by earlier steps
        (saved seconds before a build, they are recorded without signatures: they
        might change again unseen within the file system's clock tick)."""
        found = build_and_compare(*extra)
        assert changed <= found <= changed | recent, found
        recent.update(changed)

    recent: set[str] = set()
    # Cold: nothing to look an article up in, so the workers read (and key) every
    # article, and this process none (it reads only what an index cannot vouch for).
    assert build_and_compare() == set()
    reads_only(set())  # nothing changed: the index vouches for every article
    sources = sorted((site / "content").glob("*.md"))
    names = [f"content/{path.name}" for path in sources]
    sources[0].write_text(sources[0].read_text().replace("Officials", "Ministers", 1))
    reads_only({names[0]})
    (site / "content/added.md").write_text("---\ntitle: Added\n---\n\nA new paragraph.\n")
    sources[1].unlink()
    sources[2].rename(site / "content/renamed.md")
    reads_only({"content/added.md", "content/renamed.md"})
    # Same size and times as before: only the change time (in the signature) tells.
    target = sources[3]
    before = target.stat()
    target.write_text(target.read_text().replace("Officials", "Diplomats", 1))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    reads_only({names[3]})
    (site / "briefing.yaml").write_text("title: Renamed site\n")
    assert len(build_and_compare()) == COUNT + 2  # a new config: the index is not used
    recent.update(f"content/{path.name}" for path in (site / "content").iterdir())
    reads_only(set(), "--drafts")  # --drafts changes pages, not articles
    assert b"Not yet" in (site / "build/briefings/later/index.html").read_bytes()


def test_a_card_showing_article_text_reads_the_unchanged_articles_it_lists(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """Unchanged articles are kept without their text; a site card that prints it still gets it."""
    card = (
        '<article class="card"><a href="{{ briefing_url(other.meta.slug) }}">'
        "{{ other.meta.title }}</a>{% for block in other.lede %}{{ block|html }}{% endfor %}"
        "{% for section in other.sections %}<h3>{{ section.title }}</h3>"
        "{% for block in section.blocks[:1] %}{{ block|html }}{% endfor %}{% endfor %}</article>"
    )
    site = make_site({**articles, "templates/_card.html": card})
    time.sleep(3.2)  # old enough for the site index to vouch for the files
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    sources = sorted((site / "content").glob("*.md"))
    sources[5].write_text(sources[5].read_text().replace("Officials", "Ministers", 1))
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    built = tree(site / "build")
    assert built == reference(site, cli)
    lede = sources[6].read_text().split("---\n", 2)[2].strip().split("\n")[0][:40]
    assert any(lede.encode() in data for path, data in built.items() if "tag" in path)


def test_without_search_unchanged_pages_are_kept_in_place_and_match_a_clean_build(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """With search off, a page whose inputs did not change is neither redrawn nor fetched:
    the previous build's file stays (the same inode). Edits, a later clock, a template
    change, a deleted article and a hand-edited build folder all still give a clean build's bytes."""
    site = make_site({**articles, "briefing.yaml": "title: Kept\nsearch: false\n"})
    later = "2027-03-01T12:00:00+00:00"

    def build_and_compare(*extra: str) -> dict[str, bytes]:
        result = cli("build", "-s", str(site), "--now", NOW, *extra)
        assert result.code == 0, result.err
        built = tree(site / "build")
        assert built == reference(site, cli, *extra)
        return built

    build_and_compare()
    sources = sorted((site / "content").glob("*.md"))
    untouched = site / "build/briefings" / sources[9].stem / "index.html"
    inode = untouched.stat().st_ino
    for round_, source in enumerate(sources[:3]):  # the third edit updates the spare build
        source.write_text(source.read_text().replace("Officials", f"Envoys {round_}", 1))
        build_and_compare()
    assert untouched.stat().st_ino == inode  # kept: linked on, never rewritten
    build_and_compare("--now", later)
    (site / "templates").mkdir()
    (site / "templates/_card.html").write_text('<p class="card">{{ other.meta.title }}</p>')
    build_and_compare()
    sources[4].unlink()
    build_and_compare()
    (site / "build/index.html").write_text("scribbled")  # the folder no longer vouches for itself
    sources[5].write_text(sources[5].read_text().replace("Officials", "Aides", 1))
    assert b"scribbled" not in build_and_compare()["index.html"]


def test_with_search_unchanged_pages_are_kept_and_one_shard_is_re_indexed(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """With search on (the default), an edit, an added, a deleted and a renamed article
    each draw or fetch only the briefing pages that show them, re-index one shard (two
    for a rename), leave every other page in place (same inode and time), and give a
    clean build's bytes, the search index included. A later day, --drafts and a
    template change redraw pages and still match."""
    runs = counting_indexer(tmp_path, monkeypatch)
    site = make_site({**articles, "briefing.yaml": "title: Kept\nsearch_shard_size: 40\n"})
    drawn: set[str] = set()
    real_wanted = batch.PageCache.wanted

    def wanted(cache: batch.PageCache, path: str, template: str, source: PageSource) -> bool:
        answer = real_wanted(cache, path, template, source)
        if path not in cache.kept:
            drawn.add(path)
        return answer

    monkeypatch.setattr(batch.PageCache, "wanted", wanted)

    def build_and_compare(*extra: str) -> tuple[int, set[str]]:
        """Indexer runs and briefing pages drawn or fetched by a cached build."""
        drawn.clear()
        count = len(runs.read_text().splitlines()) if runs.exists() else 0
        result = cli("build", "-s", str(site), "--now", NOW, *extra)
        assert result.code == 0, result.err
        ran = len(runs.read_text().splitlines()) - count
        assert tree(site / "build") == reference(site, cli, *extra)
        return ran, {path for path in drawn if path.startswith("briefings/")}

    assert build_and_compare()[0] == len(shard_folders(site / "build")) + 1 > 2
    first = _stats(site / "build")
    firsts = tree(site / "build")
    assert build_and_compare() == (0, set())  # nothing changed: nothing drawn or indexed
    sources = sorted((site / "content").glob("*.md"))
    sources[0].write_text(sources[0].read_text().replace("Officials", "Ministers", 1))
    ran, pages = build_and_compare()
    assert ran == 1 and f"briefings/{sources[0].stem}/index.html" in pages
    assert len(pages) < 10, pages
    (site / "content/added.md").write_text("---\ntitle: Added\n---\n\nA new paragraph.\n")
    assert build_and_compare()[0] == 1
    sources[1].unlink()
    assert build_and_compare()[0] == 1
    sources[2].rename(site / "content/renamed.md")
    ran, pages = build_and_compare()
    assert 1 <= ran <= 2 and len(pages) < 10, pages
    now = tree(site / "build")
    same = [p for p, data in firsts.items() if p.startswith("briefings/") and now.get(p) == data]
    assert len(same) > COUNT // 2
    after = _stats(site / "build")
    assert {p: after[p] for p in same} == {p: first[p] for p in same}  # left in place
    assert build_and_compare("--now", "2027-03-01T12:00:00+00:00")[0] == 0  # footer only
    assert build_and_compare("--drafts")[0] == 1  # the draft joins one shard
    (site / "templates").mkdir()
    (site / "templates/_card.html").write_text('<p class="card">{{ other.meta.title }}</p>')
    build_and_compare()


def test_with_search_a_kept_page_lost_from_the_cache_is_drawn_again(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """A page left in place is read back (from the build cache) only when its search
    shard is re-indexed; if the cache lost it, the build draws every page again and
    still gives a clean build's bytes, never the damaged ones."""
    site = make_site({**articles, "briefing.yaml": "title: Kept\nsearch_shard_size: 40\n"})
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    pack = site / ".briefing-cache" / "build.pack"
    pack.write_bytes(pack.read_bytes().replace(b"Officials", b"Offic1als"))  # checksums fail
    source = sorted((site / "content").glob("*.md"))[0]
    source.write_text(source.read_text().replace("Officials", "Ministers", 1))
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    built = tree(site / "build")
    assert not any(b"Offic1als" in data for data in built.values())
    assert built == reference(site, cli)


def test_a_damaged_output_manifest_entry_is_not_trusted_and_the_build_goes_on(
    make_site: Callable[..., Path], cli: Callable[..., Run], articles: dict[str, str | bytes]
) -> None:
    """One entry of the output's manifest of another shape (a damaged disk, a hand
    edit) must not fail every later build: the manifest is not trusted and the
    build gives a clean build's bytes."""
    from briefing_site.build.unchanged import manifest_path

    site = make_site(articles)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    manifest = manifest_path(site, site / "build")
    version, out, files, keys, *names = marshal.loads(manifest.read_bytes())
    files[next(iter(files))] = 5
    manifest.write_bytes(marshal.dumps((version, out, files, keys, *names)))
    source = sorted((site / "content").glob("*.md"))[0]
    source.write_text(source.read_text().replace("Officials", "Ministers", 1))
    result = cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    assert tree(site / "build") == reference(site, cli)


def test_pack_headers_damaged_on_disk_are_read_again_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A headers file damaged on disk (here every length turned negative, the rest
    intact) must not make every later read fail: the store reads the pack's own
    headers again and serves the right bytes."""
    from briefing_site.build import cache

    pack = _pack_with_kept_headers(tmp_path, monkeypatch, 20, 40)
    headers = pack.with_name(pack.name + ".headers")
    data = headers.read_bytes()
    start = next(at for at in (0, 32) if _marshalled_headers(data[at:]))  # past any checksum
    version, order, file, end, keys, starts, lengths, checksums = marshal.loads(data[start:])
    negative = array("q", (-length for length in array("q", lengths))).tobytes()
    damaged = (version, order, file, end, keys, starts, negative, checksums)
    headers.write_bytes(data[:start] + marshal.dumps(damaged))
    store = cache.Store(pack)
    assert store.get(bytes([3]) * 32) == b"record 3 " * 40
    assert all(store.keep(bytes([number]) * 32) for number in range(20))


def _pack_with_kept_headers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, records: int, repeat: int
) -> Path:
    """A saved pack of `records` records whose headers are kept beside it."""
    from briefing_site.build import cache

    monkeypatch.setattr(cache, "_HEADERS_WORTH_SAVING", 0)  # keep them after any read
    pack = tmp_path / "build.pack"
    store = cache.Store(pack)
    for number in range(records):
        store.put(bytes([number]) * 32, f"record {number} ".encode() * repeat)
    store.save()
    cache.Store(pack)  # reads every header, and keeps them
    return pack


def _marshalled_headers(data: bytes) -> bool:
    try:
        return isinstance(marshal.loads(data), tuple)
    except (ValueError, EOFError, TypeError):
        return False


def test_settings_turned_into_a_folder_are_no_nothing_changed_rebuild(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """Missing settings are the defaults; a folder in their place is an error, never the
    last build's unchanged site."""
    site = make_site({"content/a.md": "---\ntitle: T\ndate: 2026-01-05\n---\nSome text.\n"})
    (site / "briefing.yaml").unlink(missing_ok=True)
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    (site / "briefing.yaml").mkdir()
    again = cli("build", "-s", str(site), "--now", NOW)
    assert again.code == 1 and "briefing.yaml" in again.err, again.err


def test_one_environment_draws_each_build_with_its_own_globals(
    make_site: Callable[[dict[str, str | bytes]], Path],
    articles: dict[str, str | bytes],
) -> None:
    """Templates share the environment's globals (no copy of a ChainMap per render):
    an environment reused for a later build, as `serve` does, draws its pages with
    that build's clock and site, not the first one's, includes and all."""
    from briefing_site.build.options import BuildOptions
    from briefing_site.build.pipeline import load_site
    from briefing_site.output.render import prepare, render_briefing
    from briefing_site.output.theme import make_environment

    site = make_site(articles)
    env = make_environment(None)
    pages = []
    for now in ("2027-03-01T12:00:00+00:00", "2027-04-02T12:00:00+00:00"):
        loaded = load_site(BuildOptions(site, datetime.fromisoformat(now), jobs=1, cache=False))
        urls = prepare(env, loaded.site)
        pages.append(render_briefing(env, urls, loaded.site.briefings[0]).data)
        fresh = make_environment(None)
        assert (
            pages[-1]
            == render_briefing(fresh, prepare(fresh, loaded.site), loaded.site.briefings[0]).data
        )
    assert b"Monday, March 1, 2027</time>.</p>" in pages[0]
    assert b"Friday, April 2, 2027</time>.</p>" in pages[1]
    assert env.get_template("_meta.html").globals is env.globals


def test_a_template_asked_for_with_its_own_globals_cannot_leak_them_into_other_pages() -> None:
    """The shared globals dict must not take one caller's `globals=` for every page."""
    from briefing_site.output.theme import make_environment

    env = make_environment(None)
    env.get_template("_card.html")
    with pytest.raises(ValueError):
        env.get_template("_card.html", globals={"leak": 1})
    assert env.from_string("{{ leak is defined }}").render() == "False"


@pytest.mark.parametrize(
    ("copy", "loaded"),
    [
        ("Leaders meet on *Friday* to talk [trade](https://example.org/trade).\n", []),
        ("Leaders meet on **Friday** to talk trade.\n", ["markdown", "nh3"]),
    ],
)
def test_python_markdown_is_loaded_only_for_copy_that_needs_it(
    make_site: Callable[[dict[str, str | bytes]], Path], copy: str, loaded: list[str]
) -> None:
    """Plain prose, emphasis and links take the fast paths, so a build of such copy
    (most copy, and a rebuild after editing it) never imports Python-Markdown or the
    sanitiser, nor `difflib` for hints it does not give; copy the fast paths refuse
    still gets the engine's HTML."""
    site = make_site({"content/a.md": f"---\ntitle: Talks\n---\n{copy}"})
    argv = ["build", "-s", str(site), "-j", "1", "--now", "2025-02-01T00:00:00Z"]
    which = "m in ('markdown', 'nh3', 'difflib')"
    assert modules_a_build_loads(argv, which)[:2] == (0, loaded)
    page = (site / "build/briefings/a/index.html").read_text(encoding="utf-8")
    assert ("<strong>Friday</strong>" in page) == ("**" in copy)
