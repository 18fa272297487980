"""The output manifest and the spare's: a one-edit rebuild records the spare as its
few differences from the output's files, and any manifest that is damaged, of
another format, or made against other files than those read means a full
check or a full write, never a wrong build.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import Run
from test_incremental import _build, _edit, _with_a_spare
from test_speed_paths import articles, reference, tree

from briefing_site.build import writer
from briefing_site.build.unchanged import manifest_path
from briefing_site.build.writer import Spare, delta_path, read_manifest

__all__ = ["articles"]  # the fixture, shared with test_speed_paths

CACHE = ".briefing-cache"


def _manifests(site: Path) -> tuple[Path, Path, Path]:
    """The output's manifest, the spare's, and the spare folder."""
    manifest = manifest_path(site, site / "build")
    spare = manifest.with_name(manifest.name + ".spare-manifest")
    return manifest, spare, manifest.with_name(manifest.name + ".spare")


def _on_disk(folder: Path) -> dict[str, tuple[int, int, int]]:
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and path.name != writer.MARKER:
            stat = path.stat()
            found[path.relative_to(folder).as_posix()] = (
                stat.st_size,
                stat.st_mtime_ns,
                stat.st_ino,
            )
    return found


def test_a_one_edit_rebuild_records_the_spare_as_its_few_differences(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site, sources = _with_a_spare(make_site(articles), cli)
    _edit(sources[2], "Officials", "Envoys 2")
    _build(cli, site)
    manifest, spare_manifest, spare = _manifests(site)
    # a few entries, not one for each of the site's files
    assert 0 < spare_manifest.stat().st_size < manifest.stat().st_size / 10
    read = read_manifest(manifest)
    entries = Spare.check(manifest, site / "build", read).entries
    assert {path: entry[1:] for path, entry in entries.items()} == _on_disk(spare)
    assert entries != read.files  # the build before: the edited briefing's page differs

    folder = spare.stat().st_ino
    _edit(sources[3], "Officials", "Envoys 3")
    _build(cli, site)
    assert (site / "build").stat().st_ino == folder  # the spare, updated, swapped in
    assert tree(site / "build") == reference(site, cli)


def test_a_spare_manifest_made_against_other_files_is_not_used(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """The spare's manifest names the output manifest it differs from: read with any
    other (a later build's, say) it would describe files the spare never held."""
    site, sources = _with_a_spare(make_site(articles), cli)
    manifest, spare_manifest, _ = _manifests(site)
    out = site / "build"
    read = read_manifest(manifest)
    assert Spare.check(manifest, out, read).entries
    other = replace(read, generation=bytes(len(read.generation)))
    assert not Spare.check(manifest, out, other).entries

    older = spare_manifest.read_bytes()
    _edit(sources[2], "Officials", "Envoys 2")
    _build(cli, site)
    spare_manifest.write_bytes(older)  # made against the build before: not this one's
    assert not Spare.check(manifest, out, read_manifest(manifest)).entries
    _edit(sources[3], "Officials", "Envoys 3")
    _build(cli, site)
    assert tree(out) == reference(site, cli)


def test_a_damaged_spare_manifest_is_not_used(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site, sources = _with_a_spare(make_site(articles), cli)
    manifest, spare_manifest, _ = _manifests(site)
    out = site / "build"
    good = spare_manifest.read_bytes()
    version, where, generation, differing, absent = marshal.loads(good)
    damaged = [
        good[: len(good) // 2],
        marshal.dumps((version, where, generation, differing, [*absent, "no/such/page.html"])),
        marshal.dumps((version, where, generation, differing, "not a list")),
        marshal.dumps((version, where, generation, [], absent)),
        marshal.dumps(("briefing-site manifest 3", where, read_manifest(manifest).files, {})),
    ]
    for data in damaged:
        spare_manifest.write_bytes(data)
        assert not Spare.check(manifest, out, read_manifest(manifest)).entries, data[:40]
    _edit(sources[2], "Officials", "Envoys 2")
    _build(cli, site)
    assert tree(out) == reference(site, cli)


def test_an_output_manifest_of_the_old_format_means_a_full_write(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site, sources = _with_a_spare(make_site(articles), cli)
    manifest, _, _ = _manifests(site)
    _, where, files, keys, *_ = marshal.loads(manifest.read_bytes())
    manifest.write_bytes(marshal.dumps(("briefing-site manifest 3", where, files, keys)))
    assert read_manifest(manifest).files == {}
    (site / "build" / "index.html").write_text("scribbled")  # only a full write mends it
    _edit(sources[2], "Officials", "Envoys 2")
    _build(cli, site)
    assert tree(site / "build") == reference(site, cli)


def test_a_record_of_the_same_files_keeps_its_generation(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    """A build that writes nothing but records new keys (a later clock) keeps the
    generation, so the spare's manifest stays good; other files get a new one."""
    site, _ = _with_a_spare(make_site(articles), cli)
    manifest, _, _ = _manifests(site)
    out = site / "build"
    read = read_manifest(manifest)
    again = writer._record(out, manifest, read.hashes, {}, read)
    assert again.generation == read.generation and again.files == read.files
    assert Spare.check(manifest, out, read_manifest(manifest)).entries

    page = out / "index.html"
    data = page.read_bytes()
    page.unlink()
    page.write_bytes(data)  # the same bytes, another inode: another record
    moved = writer._record(out, manifest, read.hashes, {}, read)
    assert moved.generation != read.generation
    assert not Spare.check(manifest, out, read_manifest(manifest)).entries


def _as_on_disk(site: Path) -> None:
    """The manifest as read names every file of build/ with its stat as it is."""
    out = site / "build"
    files = read_manifest(manifest_path(site, out)).files
    found = {path: entry[1:] for path, entry in files.items()}
    assert found == _on_disk(out)


def test_a_one_edit_rebuild_writes_only_a_delta_of_the_output_manifest(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole record stays as it is; the delta beside it carries what changed, and
    reads back, edit after edit (a briefing deleted, one added), as the files are."""
    monkeypatch.setattr(writer, "DELTA_AT", 0)  # a small site: an edit redraws a big part
    monkeypatch.setattr(writer, "_FOLD", 1)
    site, sources = _with_a_spare(make_site(articles), cli)
    manifest, _, _ = _manifests(site)
    whole = manifest.stat()
    delta = delta_path(manifest)
    assert 0 < delta.stat().st_size < whole.st_size / 4  # two edits of a small site
    _edit(sources[2], "Officials", "Envoys 2")
    sources[3].unlink()
    _build(cli, site)
    (site / "content" / "new.md").write_text("---\ntitle: New\n---\n\nA paragraph.\n")
    _build(cli, site)
    assert (manifest.stat().st_ino, manifest.stat().st_mtime_ns) == (
        whole.st_ino,
        whole.st_mtime_ns,
    )
    _as_on_disk(site)
    assert tree(site / "build") == reference(site, cli)

    monkeypatch.setattr(writer, "_FOLD", 10**9)  # any delta too big: folded in
    older = delta.read_bytes()
    _edit(sources[4], "Officials", "Envoys 4")
    _build(cli, site)
    assert manifest.stat().st_ino != whole.st_ino and not delta.exists()
    _as_on_disk(site)
    delta.write_bytes(older)  # left by a fold cut short: made against the old record
    _as_on_disk(site)
    assert tree(site / "build") == reference(site, cli)


def test_a_damaged_delta_of_the_output_manifest_means_a_full_write(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(writer, "DELTA_AT", 0)  # a small site: an edit redraws a big part
    monkeypatch.setattr(writer, "_FOLD", 1)
    site, sources = _with_a_spare(make_site(articles), cli)
    manifest, _, _ = _manifests(site)
    delta = delta_path(manifest)
    good = delta.read_bytes()
    version, since, generation, changed, removed, keys_changed, keys_removed = marshal.loads(good)
    for data in (
        good[: len(good) // 2],
        b"",
        marshal.dumps(("briefing-site manifest delta 0", since, generation, {}, [], {}, [])),
        marshal.dumps((version, since, generation, [], removed, keys_changed, keys_removed)),
        marshal.dumps((version, since, b"short", changed, removed, keys_changed, keys_removed)),
    ):
        delta.write_bytes(data)
        assert read_manifest(manifest).files == {}, data[:40]
    (site / "build" / "index.html").write_text("scribbled")  # only a full write mends it
    _edit(sources[2], "Officials", "Envoys 2")
    _build(cli, site)
    assert tree(site / "build") == reference(site, cli)
    _as_on_disk(site)
