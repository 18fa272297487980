"""The output's check against its manifest, run in a child while the articles load,
answers as the check in the build's own process does, and a hand edit made to build/
or to the spare is still caught."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from test_incremental import _build, _edit, _with_a_spare
from test_speed_paths import articles, reference, tree

from briefing_site.build import spare_check
from briefing_site.build.spare_check import SpareCheck
from briefing_site.build.unchanged import manifest_path
from briefing_site.build.writer import Spare, read_manifest

__all__ = ["articles"]  # the fixture, shared with test_speed_paths

CACHE = ".briefing-cache"
needs_fork = pytest.mark.skipif(not spare_check._can_fork(), reason="no fork here")


@pytest.fixture(autouse=True)
def _fork_for_any_site(monkeypatch: pytest.MonkeyPatch) -> None:
    """These sites are small: check them in a child as a big one's would be."""
    monkeypatch.setattr(spare_check, "FORK_AT", 0)


def _both(site: Path) -> tuple[Spare, Spare]:
    """The spare as the child finds it, and as this process does."""
    out = site / "build"
    manifest = manifest_path(site, out)
    read = read_manifest(manifest)
    aside = SpareCheck(manifest, out, read)
    assert aside._child is not None  # a child is at work
    return aside.result(), Spare.check(manifest, out, read)


@needs_fork
def test_the_child_answers_as_the_check_here_does(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site, _ = _with_a_spare(make_site(articles), cli)
    child, here = _both(site)
    assert child.verified is child.read.files  # build/ as recorded: its files are trusted
    assert here.verified == child.verified and here.entries == child.entries
    assert child.entries  # the spare too: it is brought up to the next build

    (site / "build" / "index.html").write_text("scribbled")  # by hand, in place
    child, here = _both(site)
    assert child.verified == {} == here.verified  # nothing of build/ is trusted


@needs_fork
def test_a_spare_edited_by_hand_is_not_used(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site, sources = _with_a_spare(make_site(articles), cli)
    (spare,) = (site / CACHE).glob("*.spare")
    edited = sorted(spare.glob("briefings/*/index.html"))[0]  # one of its own files
    edited.unlink()
    edited.write_text("scribbled")
    child, here = _both(site)
    assert child.entries == {} == here.entries
    _edit(sources[2], "Officials", "Envoys 2")
    _build(cli, site)
    assert tree(site / "build") == reference(site, cli)


@needs_fork
def test_a_spare_manifest_changed_after_the_child_read_it_is_checked_again(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
) -> None:
    site, _ = _with_a_spare(make_site(articles), cli)
    out = site / "build"
    manifest = manifest_path(site, out)
    aside = SpareCheck(manifest, out, read_manifest(manifest))
    assert aside._child is not None
    os.waitpid(aside._child[0], 0)  # the child has answered
    (spare_manifest,) = (site / CACHE).glob("*.spare-manifest")
    spare_manifest.write_bytes(b"not a manifest")
    assert aside.result().entries == {}  # not the files the child vouched for


def test_a_small_site_is_checked_here(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fork costs about what a thousand stats do: a small site's check runs here."""
    monkeypatch.setattr(spare_check, "FORK_AT", 2_000)
    site, _ = _with_a_spare(make_site(articles), cli)
    out = site / "build"
    manifest = manifest_path(site, out)
    read = read_manifest(manifest)
    assert 0 < len(read.files) < 2_000
    aside = SpareCheck(manifest, out, read)
    assert aside._child is None
    assert aside.result().entries


def test_without_a_child_the_check_runs_here(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    articles: dict[str, str | bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where there is no fork (or other threads run), the answer is the same, only later;
    a rebuild then still matches a clean build."""
    monkeypatch.setattr(spare_check, "_can_fork", lambda: False)
    site, sources = _with_a_spare(make_site(articles), cli)
    out = site / "build"
    manifest = manifest_path(site, out)
    aside = SpareCheck(manifest, out, read_manifest(manifest))
    assert aside._child is None
    assert aside.result().entries
    _edit(sources[2], "Officials", "Envoys 2")
    _build(cli, site)
    assert tree(site / "build") == reference(site, cli)
