"""The preview's incremental rebuild always equals what `build` writes for the same files.

The preview runs the build's own flow into memory (see `dev.preview`); these tests
hold its pages to a real `build` of the same site and clock, from scratch, after
every kind of edit, through the Preview and through a running server's watcher.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEED_TXT, SEED_YAML, write_site
from liveserver import article, now

from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import build
from briefing_site.build.search import INDEX_DIR
from briefing_site.build.writer import MARKER
from briefing_site.dev.preview import Preview
from briefing_site.errors import ContentError

Edit = Callable[[Path], list[str]]


def _full(site: Path) -> dict[str, bytes]:
    """What `briefing-site build` writes, from scratch (one process, no cache), but
    the search index, which `serve` makes in the background (see `live_search`),
    and the marker naming the folder as the build's (the writer's, drawn by nothing)."""
    out = site.parent / "reference"
    build(BuildOptions(site=site, now=now(), out=out, jobs=1, cache=False))
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.relative_to(out).parts[0] not in (INDEX_DIR, MARKER)
    }


def _write(site: Path, name: str, text: str) -> list[str]:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return [name]


def _remove(site: Path, name: str) -> list[str]:
    (site / name).unlink()
    return [name]


EDITS: list[tuple[str, Edit]] = [
    ("retitle", lambda s: _write(s, "content/alpha.md", article("Alpha talks resume"))),
    ("new", lambda s: _write(s, "content/gamma.md", article("Gamma", date="2025-03-01T00:00:00Z"))),
    ("reorder", lambda s: _write(s, "content/beta.md", article("Beta", date="2026-01-01T00:00:00Z"))),
    ("slug", lambda s: _write(s, "content/beta.md", article("Beta").replace("---\n", "---\nslug: b2\n", 1))),
    ("delete", lambda s: _remove(s, "content/gamma.md")),
    ("sidecar", lambda s: _write(s, "content/seed.yaml", SEED_YAML.read_text().replace("title: \"", "title: \"New ", 1))),
    ("card", lambda s: _write(s, "templates/_card.html", "<p>{{ other.meta.title }}</p>\n")),
    ("page", lambda s: _write(s, "templates/briefing.html", '{% extends "theme/briefing.html" %}{% block head %}<meta name="x">{% endblock %}')),
    ("base", lambda s: _write(s, "templates/base.html", "<html><head></head><body>{% block main %}{% endblock %}</body></html>\n")),
    ("unbase", lambda s: _remove(s, "templates/base.html")),
    ("asset", lambda s: _write(s, "templates/static/extra.css", "p { color: red }\n")),
    ("config", lambda s: _write(s, "briefing.yaml", "title: Desk Notes\n")),
    ("paging", lambda s: _write(s, "briefing.yaml", "title: Desk Notes\npage_size: 1\n")),
    ("tag one", lambda s: _write(s, "content/alpha.md", article("Alpha").replace("---\n", "---\ntags: [trade]\n", 1))),
    # An older briefing joins the tag: page 1 keeps its entry but gains a page 2 link.
    ("tag two", lambda s: _write(s, "content/beta.md", article("Beta", date="2025-01-05T00:00:00Z").replace("---\n", "---\ntags: [trade]\n", 1))),
    ("draft", lambda s: _write(s, "content/alpha.md", article("Alpha").replace("---\n", "---\ndraft: true\n", 1))),
]  # fmt: skip


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "content/seed.txt": SEED_TXT.read_bytes(),
            "content/seed.yaml": SEED_YAML.read_bytes(),
            "content/alpha.md": article("Alpha talks"),
            "content/beta.md": article("Beta", date="2025-01-20T00:00:00Z"),
        },
    )


@pytest.mark.parametrize("hints", [True, False], ids=["with-watcher-paths", "stat-only"])
def test_each_incremental_rebuild_equals_a_full_build(site: Path, hints: bool) -> None:
    preview = Preview(BuildOptions(site=site, now=now()))
    assert dict(preview.rebuild().files) == _full(site)
    for name, edit in EDITS:
        changed = edit(site)
        _bump_times(site, changed)
        given = [site / path for path in changed] if hints else []
        assert dict(preview.rebuild(given).files) == _full(site), name


def test_a_failed_rebuild_keeps_its_pending_template_change(site: Path) -> None:
    preview = Preview(BuildOptions(site=site, now=now()))
    preview.rebuild()
    _write(site, "templates/_card.html", "<p>{{ other.meta.title }}</p>\n")
    _write(site, "content/alpha.md", "no front matter\n")
    with pytest.raises(ContentError, match=r"content/alpha\.md:1: no front matter"):
        preview.rebuild([site / "templates/_card.html", site / "content/alpha.md"])
    _write(site, "content/alpha.md", article("Alpha talks"))
    assert dict(preview.rebuild([site / "content/alpha.md"]).files) == _full(site)


def _bump_times(site: Path, changed: list[str]) -> None:
    """Make each change visible by its times even on a coarse-clock file system."""
    for name in changed:
        path = site / name
        if path.exists():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_an_edit_the_watcher_missed_is_found_once_the_build_is_served(site: Path) -> None:
    """Named paths make a rebuild trust the rest of its cache; `verify` then checks it."""
    preview = Preview(BuildOptions(site=site, now=now()))
    preview.rebuild()
    assert preview.verify() == set()
    missed = _write(site, "content/beta.md", article("Beta talks moved"))
    _bump_times(site, missed)
    seen = _write(site, "content/alpha.md", article("Alpha talks resume"))
    preview.rebuild([site / path for path in seen])  # the watcher named only alpha
    assert preview.verify() == {site / "content/beta.md"}
    assert dict(preview.rebuild(preview.verify()).files) == _full(site)
    assert preview.verify() == set()


def test_a_folder_moved_over_another_forgets_every_article_under_it(site: Path) -> None:
    _write(site, "content/desk/one.md", article("Desk one"))
    preview = Preview(BuildOptions(site=site, now=now()))
    preview.rebuild()
    (site / "content/desk").rename(site / "old-desk")
    _write(site, "content/next/one.md", article("Desk one, revised"))
    (site / "content/next").rename(site / "content/desk")  # a watcher names only the folder
    assert dict(preview.rebuild([site / "content/desk"]).files) == _full(site)
