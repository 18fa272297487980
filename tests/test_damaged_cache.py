"""Files under .briefing-cache/ damaged, edited or put there by hand: never a
traceback, and every build gives the bytes of a clean one-process build.

The cache only saves time. Whatever a build finds there that is not as this
version writes it (other types in a manifest or a stamp, a file in place of the
cache folder, a template cache partly filled), it builds as without it.
"""

from __future__ import annotations

import json
import marshal
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from test_incremental import _build, _edit, _with_a_spare
from test_speed_paths import NOW, articles, reference, tree

from briefing_site.build import batch, writer
from briefing_site.build.unchanged import manifest_path

__all__ = ["articles"]  # the fixture, shared with test_speed_paths

CACHE = ".briefing-cache"


def _few(articles: dict[str, str | bytes], count: int = 12) -> dict[str, str | bytes]:
    """The first `count` of the benchmark's articles: enough for listings and a spare."""
    return dict(list(articles.items())[:count])


def _rewrite(path: Path, change: Callable[[tuple[object, ...]], tuple[object, ...]]) -> None:
    path.write_bytes(marshal.dumps(change(marshal.loads(path.read_bytes()))))


# Paths of other types than text, as a hand edit or a damaged disk could leave them.
ODD_PATHS: list[object] = [7, None, ("index.html",), 2.5, b"index.html"]


def test_an_output_manifest_naming_files_by_other_types_is_not_trusted(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """A manifest whose paths are not text is damaged: the build neither fails with a
    traceback nor trusts it; nothing changed or one edit, it gives a clean build."""
    site, sources = _with_a_spare(make_site(_few(articles)), cli)
    manifest = manifest_path(site, site / "build")
    for number, odd in enumerate(ODD_PATHS):

        def odd_first(record: tuple[object, ...], odd: object = odd) -> tuple[object, ...]:
            version, out, files, *rest = record
            assert isinstance(files, dict)
            return (version, out, {odd: next(iter(files.values())), **files}, *rest)

        _rewrite(manifest, odd_first)
        result = cli("build", "-s", str(site), "--now", NOW)  # nothing changed: a check
        assert result.code == 0, (odd, result.err)
        _rewrite(manifest, odd_first)
        _edit(sources[3], "Officials", f"Aides {number}")
        _build(cli, site)
    assert tree(site / "build") == reference(site, cli)


def test_a_spare_manifest_or_a_delta_naming_files_by_other_types_is_not_trusted(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(writer, "DELTA_AT", 0)  # a small site: the manifest has a delta
    monkeypatch.setattr(writer, "_FOLD", 1)
    site, sources = _with_a_spare(make_site(articles), cli)
    manifest = manifest_path(site, site / "build")
    spare_manifest = manifest.with_name(manifest.name + ".spare-manifest")
    delta = writer.delta_path(manifest)
    for number, odd in enumerate(ODD_PATHS[:2]):  # not text, nor bytes
        entry = next(iter(writer.read_manifest(manifest).files.values()))

        def in_the_spare(
            record: tuple[object, ...], odd: object = odd, entry: object = entry
        ) -> tuple[object, ...]:
            version, where, generation, differing, absent = record
            assert isinstance(differing, dict)
            return (version, where, generation, {odd: entry, **differing}, absent)

        def in_the_delta(
            record: tuple[object, ...], odd: object = odd, entry: object = entry
        ) -> tuple[object, ...]:
            version, since, generation, changed, *rest = record
            assert isinstance(changed, dict)
            return (version, since, generation, {odd: entry, **changed}, *rest)

        _edit(sources[3], "Officials", f"Aides {number}")
        _build(cli, site)  # records a delta and the spare's manifest, as they should be
        assert spare_manifest.is_file() and delta.is_file()
        _rewrite(spare_manifest, in_the_spare)
        _rewrite(delta, in_the_delta)
        _edit(sources[4], "Officials", f"Aides {number}")
        _build(cli, site)
        assert tree(site / "build") == reference(site, cli), odd


@pytest.mark.parametrize(
    "edit",
    [
        {"racy": []},
        {"racy": "content/a.md"},
        {"racy": {"content/a.md": 1}},
        {"briefings": "12"},
        {"briefings": True},
        {"warnings": [[1, 2, 3]]},
        {"warnings": [["content/a.md", None, {}]]},
        {"warnings": [["content/a.md", 1, ["odd"]]]},
        {"warnings": {"content/a.md": 1}},
        {"since": 5},
    ],
    ids=repr,
)
def test_a_stamp_of_other_types_means_a_build_not_a_traceback_or_a_made_up_warning(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    edit: dict[str, object],
) -> None:
    """The no-change stamp edited by hand is not trusted: the build runs and says
    what the first build said, nothing the stamp made up."""
    site = make_site(_few(articles, 3))
    first = cli("build", "-s", str(site), "--now", NOW)
    assert first.code == 0, first.err
    (stamp,) = (site / CACHE).glob("stamp-*.json")
    stamp.write_text(json.dumps(json.loads(stamp.read_text()) | edit))
    again = cli("build", "-s", str(site), "--now", NOW)
    assert (again.code, again.out, again.err) == (0, first.out, first.err)
    assert tree(site / "build") == reference(site, cli)


@pytest.mark.parametrize("extra", [(), ("-j", "1"), ("--no-cache",), ("--no-cache", "-j", "1")])
@pytest.mark.parametrize("kind", ["file", "dangling link"])
def test_a_file_in_place_of_the_cache_folder_builds_without_the_cache_and_says_so(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    extra: tuple[str, ...],
    kind: str,
) -> None:
    """The cache only saves time: a file named like its folder (left alone, it may be
    someone's) means a build without it, with a warning naming it; `--no-cache`
    never looks at it."""
    site = make_site(_few(articles, 3))
    cache = site / CACHE
    if kind == "file":
        cache.write_text("notes\n")
    else:
        cache.symlink_to(site / "nowhere")
    for _ in range(2):  # the second one too: no stamp says "nothing to do"
        result = cli("build", "-s", str(site), "--now", NOW, *extra)
        assert result.code == 0, result.err
        warned = [line for line in result.err.splitlines() if line.startswith(f"{cache}:")]
        if "--no-cache" in extra:
            assert warned == []
        else:
            assert warned == [
                f"{cache}: warning: not a folder, so the build cache was not used; "
                "the build is complete: remove this file to let builds reuse their work"
            ]
        assert tree(site / "build") == reference(site, cli)
    assert cache.is_symlink() if kind != "file" else cache.read_text() == "notes\n"


def test_a_partly_filled_template_cache_is_filled_before_the_workers_start(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each worker would compile the templates the cache lacks (~50 ms a process):
    the build compiles them once before they start, as on a cold build, and the
    pages come out the same."""
    site = make_site(articles)
    _build(cli, site)  # cold: every template compiled ahead
    compiled = site / CACHE / "templates"
    every = {path.name for path in compiled.iterdir()}
    for path in sorted(compiled.iterdir())[::2]:  # half of them lost
        path.unlink()
    found: list[set[str]] = []
    start_workers = batch.ordered_results

    def seen_at_start(*args: object, **kwargs: object) -> object:
        found.append({path.name for path in compiled.iterdir()})
        return start_workers(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "ordered_results", seen_at_start)
    (site / "briefing.yaml").write_text("title: Desk Notes\n")  # every article made again
    _build(cli, site)
    assert found == [every]
    assert tree(site / "build") == reference(site, cli)


def _spare(site: Path) -> Path:
    manifest = manifest_path(site, site / "build")
    return manifest.with_name(manifest.name + ".spare")


def _add_file(spare: Path) -> None:
    (spare / "notes.txt").write_text("my notes\n")


def _add_page(spare: Path) -> None:
    (spare / "briefings" / "by-hand").mkdir()
    (spare / "briefings" / "by-hand" / "index.html").write_text("<p>by hand</p>\n")


def _add_folder(spare: Path) -> None:
    (spare / "briefings" / "empty").mkdir()


def _add_link(spare: Path) -> None:
    (spare / "tags" / "linked.html").symlink_to(spare / "index.html")


def _rename_page(spare: Path) -> None:
    page = sorted(spare.glob("briefings/*/index.html"))[-1]  # one build/ shares
    page.rename(page.with_name("moved.html"))


@pytest.mark.parametrize(
    "by_hand",
    [_add_file, _add_page, _add_folder, _add_link, _rename_page],
    ids=lambda f: f.__name__,
)
def test_what_is_put_in_the_spare_by_hand_never_reaches_build(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    by_hand: Callable[[Path], None],
) -> None:
    """The spare (the build before last, kept to be updated and swapped in) holds
    what its manifest records and nothing else, or it is not used."""
    site, sources = _with_a_spare(make_site(_few(articles)), cli)
    by_hand(_spare(site))
    for number in (2, 3):
        _edit(sources[number], "Officials", "Aides")
        _build(cli, site)
        assert tree(site / "build") == reference(site, cli)
        assert not (site / "build" / "briefings" / "empty").exists()


def test_a_file_put_in_build_by_hand_does_not_come_back_through_the_spare(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """The build it was put into becomes the spare at the next edit: the edit after
    that must not swap it back in."""
    site, sources = _with_a_spare(make_site(_few(articles)), cli)
    (site / "build" / "notes.txt").write_text("my notes\n")
    for number in (2, 3, 4):
        _edit(sources[number], "Officials", "Aides")
        _build(cli, site)
        assert tree(site / "build") == reference(site, cli), number


def _note_field(number: int, value: object) -> Callable[[tuple[object, ...]], tuple[object, ...]]:
    """A change to the search memo: field `number` of each shard's note is `value`."""

    def change(record: tuple[object, ...]) -> tuple[object, ...]:
        version, base, notes, hashes = record
        assert isinstance(notes, dict) and notes
        odd = {
            folder: (*note[:number], value, *note[number + 1 :]) for folder, note in notes.items()
        }
        return (version, base, odd, hashes)

    return change


def _page_hashes(value: object) -> Callable[[tuple[object, ...]], tuple[object, ...]]:
    def change(record: tuple[object, ...]) -> tuple[object, ...]:
        version, base, notes, hashes = record
        assert isinstance(hashes, dict) and hashes
        return (version, base, notes, dict.fromkeys(hashes, value))

    return change


def _indexed_files(
    path: object, data: object
) -> Callable[[tuple[object, ...]], tuple[object, ...]]:
    def change(record: tuple[object, ...]) -> tuple[object, ...]:
        version, key, files = record
        assert isinstance(files, list) and files
        return (version, key, [(path, data), *files[1:]])

    return change


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("shards.memo", _note_field(1, 7)),  # the index key
        ("shards.memo", _note_field(1, "not hex")),
        ("shards.memo", _note_field(4, None)),  # what its files are made from
        ("shards.memo", _note_field(5, 7)),  # its files
        ("shards.memo", _note_field(5, (7,))),
        ("shards.memo", _page_hashes("7")),
        ("pagefind.index", _indexed_files(7, b"")),
        ("pagefind.index", _indexed_files("pagefind/x.pf_index", None)),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_search_cache_of_other_types_is_indexed_again_not_a_traceback(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    name: str,
    change: Callable[[tuple[object, ...]], tuple[object, ...]],
) -> None:
    site = make_site(_few(articles, 4))
    _build(cli, site)
    _rewrite(site / CACHE / "search" / name, change)
    shutil.rmtree(site / "build")  # the pages the same: the memo says the index is too
    _build(cli, site)
    assert tree(site / "build") == reference(site, cli)
