"""The preview's incremental rebuild always equals what `build` writes for the same files.

The preview runs the build's own flow into memory (see `dev.preview`); these tests
hold its pages to a real `build` of the same site and clock, from scratch, after
every kind of edit, through the Preview and through a running server's watcher.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from conftest import SEED_TXT, SEED_YAML, write_site
from liveserver import article, get, now, port_of, serving, wait_until
from test_speed_paths import count_fragments_drawn

from briefing_site.build import batch
from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import build
from briefing_site.build.search import INDEX_DIR
from briefing_site.build.writer import MARKER
from briefing_site.content.assemble import Assembled, Tools
from briefing_site.dev.preview import Preview
from briefing_site.dev.serve import SCRIPT_URL
from briefing_site.errors import ContentError
from briefing_site.model import RenderedFile, SourceArticle
from briefing_site.output.extras import PageSource

Edit = Callable[[Path], list[str]]


def _full(site: Path) -> dict[str, bytes]:
    """What `briefing-site build` writes, from scratch (one process, no cache), but
    the search index, which `serve` makes in the background (see `live_search`),
    and the marker naming the folder as the build's (the writer's, drawn by nothing)."""
    out = site.parent / "reference"
    build(BuildOptions(site=site, now=now(), out=out, jobs=1, cache=False))
    return _files_in(out)


def _files_in(out: Path) -> dict[str, bytes]:
    """A build's output as `_full` compares it."""
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
    ("included asset", lambda s: _write(s, "templates/static/mark.svg", "<svg><title>mark</title></svg>\n")),
    ("topic", lambda s: _write(s, "templates/topic.html", '{% extends "theme/topic.html" %}{% block head %}{% include "static/mark.svg" %}{% endblock %}')),
    ("retouched asset", lambda s: _write(s, "templates/static/mark.svg", "<svg><title>new mark</title></svg>\n")),
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


def test_a_site_templates_imported_macros_see_new_settings(site: Path) -> None:
    """A macro file imported without context is made once per environment by Jinja:
    after a settings edit, serve's next build must not show the old site title."""
    _write(site, "templates/m.html", "{% macro t() %}[{{ site.title }}]{% endmacro %}\n")
    _write(
        site,
        "templates/briefing.html",
        '{% extends "theme/briefing.html" %}{% import "m.html" as m %}'
        '{% block head %}<meta name="x" content="{{ m.t() }}">{% endblock %}\n',
    )
    preview = Preview(BuildOptions(site=site, now=now()))
    preview.rebuild()
    changed = _write(site, "briefing.yaml", "title: Second Title\n")
    _bump_times(site, changed)
    files = dict(preview.rebuild([site / "briefing.yaml"]).files)
    page = files["briefings/alpha/index.html"]
    assert b"[Second Title]" in page, page[page.find(b'name="x"') :][:80]
    assert files == _full(site)


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


def test_a_deleted_article_leaves_nothing_of_itself_in_the_preview(site: Path) -> None:
    """`serve` runs for hours: what it remembers of an article goes with the article."""
    preview = Preview(BuildOptions(site=site, now=now()))
    preview.rebuild()
    held = preview.held.records["content/alpha.md"]
    assert held.head.warnings is not None  # its warnings remembered with it
    preview.rebuild([site / name for name in _remove(site, "content/alpha.md")])
    assert "content/alpha.md" not in preview.held.records
    assert dict(preview.rebuild().files) == _full(site)


def test_a_folder_moved_over_another_forgets_every_article_under_it(site: Path) -> None:
    _write(site, "content/desk/one.md", article("Desk one"))
    preview = Preview(BuildOptions(site=site, now=now()))
    preview.rebuild()
    (site / "content/desk").rename(site / "old-desk")
    _write(site, "content/next/one.md", article("Desk one, revised"))
    (site / "content/next").rename(site / "content/desk")  # a watcher names only the folder
    assert dict(preview.rebuild([site / "content/desk"]).files) == _full(site)


def test_a_running_server_serves_what_build_writes_before_and_after_edits(site: Path) -> None:
    """Through the watcher and over HTTP: the pages `serve` holds in memory are the
    bytes `build` writes for the same files and clock, at first, after an article
    edit and after a template edit; a page over HTTP differs only by the reload script."""
    with serving(site) as running:
        live, port = running.server.live, port_of(running)

        def served() -> dict[str, bytes]:
            snapshot = live.ready()[0]
            assert snapshot is not None
            return dict(snapshot.files)

        def after(edit: Callable[[], object], shows: bytes) -> None:
            seen = live.ready()[2]
            edit()
            wait_until(lambda: live.ready()[2] > seen and shows in get(port, "/")[1])

        assert served() == _full(site)
        after(lambda: _write(site, "content/alpha.md", article("Alpha talks resume")), b"resume")
        assert served() == _full(site)
        card = '<p class="own-card">{{ other.meta.title }}</p>\n'
        after(lambda: _write(site, "templates/_card.html", card), b"own-card")
        assert served() == _full(site)
        page = get(port, "/briefings/alpha/")[1]
        start = page.index(b'<script src="' + SCRIPT_URL.encode())
        end = page.index(b"</script>\n", start) + len(b"</script>\n")
        assert page[:start] + page[end:] == _full(site)["briefings/alpha/index.html"]


def test_an_edit_redraws_its_briefing_and_the_pages_that_list_it_not_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page keys decide: after one article's edit, no other briefing's page or
    calendar is drawn again, and most files are kept from the last build as they were."""
    files: dict[str, str | bytes] = {
        f"content/desk-{n:02d}.md": article(f"Desk {n}", date=f"2025-01-{n + 1:02d}T09:00:00Z")
        for n in range(20)
    }
    site = write_site(tmp_path / "site", files)
    drawn = _count_drawn(monkeypatch)
    preview = Preview(BuildOptions(site=site, now=now()))
    total = len(preview.rebuild().files)
    drawn.clear()
    changed = _write(
        site, "content/desk-07.md", article("Desk 7 moved", date="2025-01-08T09:00:00Z")
    )
    after = preview.rebuild([site / name for name in changed]).files
    briefings = {path for path in drawn if path.startswith("briefings/desk-")}
    assert briefings == {"briefings/desk-07/index.html"}
    assert "index.html" in drawn and len(drawn) < total // 2, drawn
    assert dict(after) == _full(site)


def test_a_template_edit_redraws_only_the_pages_that_use_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages are keyed by the site templates they use (`build.deps`): a topic page
    template redraws the topic pages alone, a stylesheet no page, and a file under
    static/ that a template includes the pages of that template."""
    files: dict[str, str | bytes] = {
        f"content/desk-{n:02d}.md": article(f"Desk {n}", date=f"2025-01-{n + 1:02d}T09:00:00Z")
        for n in range(6)
    }
    files["templates/static/site.css"] = "p { color: blue }\n"  # a site with templates/ already
    site = write_site(tmp_path / "site", files)
    drawn = _count_drawn(monkeypatch)
    preview = Preview(BuildOptions(site=site, now=now()))
    preview.rebuild()

    def pages_after(name: str, text: str) -> set[str]:
        drawn.clear()
        preview.rebuild([site / path for path in _write(site, name, text)])
        assert dict(preview.rebuild().files) == _full(site), name
        return {path for path in drawn if path.endswith(".html")}

    inline = '{% extends "theme/topic.html" %}{% block head %}{% include "X" %}{% endblock %}'
    assert pages_after("templates/_m.html", "<i>mark</i>") == set()  # used by no page yet
    topics = pages_after("templates/topic.html", inline.replace("X", "_m.html"))
    assert topics and all(path.startswith("topics/") for path in topics), topics
    assert pages_after("templates/_m.html", "<i>new mark</i>") == topics
    assert pages_after("templates/static/site.css", "p { color: red }\n") == set()
    assert pages_after("templates/static/m.svg", "<svg></svg>\n") == set()
    assert pages_after("templates/topic.html", inline.replace("X", "static/m.svg")) == topics
    assert pages_after("templates/static/m.svg", "<svg><title>m</title></svg>\n") == topics


def test_a_site_without_articles_and_then_with_one_previews_as_it_builds(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"briefing.yaml": "title: Empty desk\n"})
    (site / "content").mkdir(exist_ok=True)
    preview = Preview(BuildOptions(site=site, now=now()))
    assert dict(preview.rebuild().files) == _full(site)
    changed = _write(site, "content/first.md", article("First"))
    assert dict(preview.rebuild([site / name for name in changed]).files) == _full(site)


def test_build_redraws_only_the_pages_a_template_edit_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`build` keys pages by the templates they use, as `serve` does: a stylesheet
    edit draws no page again, a topic template edit only the topic pages; the
    bytes are a clean build's."""
    files: dict[str, str | bytes] = {
        f"content/desk-{n:02d}.md": article(f"Desk {n}", date=f"2025-01-{n + 1:02d}T09:00:00Z")
        for n in range(6)
    }
    files["templates/static/site.css"] = "p { color: blue }\n"
    site = write_site(tmp_path / "site", files)
    out = site / "build"
    drawn = _count_drawn(monkeypatch)

    def rebuilt(name: str, text: str) -> set[str]:
        _bump_times(site, _write(site, name, text))
        drawn.clear()
        build(BuildOptions(site=site, now=now(), jobs=1))
        expected = _full(site)
        assert {path: (out / path).read_bytes() for path in expected} == expected
        return {path for path in drawn if path.endswith(".html")}

    build(BuildOptions(site=site, now=now(), jobs=1))
    assert rebuilt("templates/static/site.css", "p { color: red }\n") == set()
    topic = '{% extends "theme/topic.html" %}{% block head %}<meta name="x">{% endblock %}'
    written = rebuilt("templates/topic.html", topic)
    assert written and all(path.startswith("topics/") for path in written), written


def _saved_while_drawing(monkeypatch: pytest.MonkeyPatch, path: Path, text: str, when: str) -> None:
    """Save `text` to `path` as the build keys its first page of template `when`: after
    pages drawn earlier loaded the file's previous bytes (as an editor's save may land)."""
    real_wanted = batch.PageCache.wanted
    saved: list[bool] = []

    def wanted(cache: batch.PageCache, page: str, template: str, source: PageSource) -> bool:
        if template == when and not saved:
            saved.append(True)
            path.write_text(text)
            _bump_times(path.parent, [path.name])
        return real_wanted(cache, page, template, source)

    monkeypatch.setattr(batch.PageCache, "wanted", wanted)


@pytest.mark.parametrize("command", ["serve", "build"])
def test_a_template_saved_during_a_rebuild_is_drawn_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """A page's key hashes the bytes it was drawn from (`build.deps`): a card saved once
    the home page drew the old one is not keyed as if the archive drew the new one
    (which would keep the archive's old cards for good)."""
    files: dict[str, str | bytes] = {
        f"content/desk-{n}.md": article(f"Desk {n}", date=f"2025-01-0{n + 1}T09:00:00Z")
        for n in range(4)
    }
    files["templates/_card.html"] = "<p class=c>v1 {{ other.meta.title }}</p>\n"
    site = write_site(tmp_path / "site", files)
    card = site / "templates/_card.html"
    preview = Preview(BuildOptions(site=site, now=now()))

    def rebuilt(changed: list[Path]) -> dict[str, bytes]:
        if command == "serve":
            return dict(preview.rebuild(changed).files)
        build(BuildOptions(site=site, now=now(), jobs=1))
        return _files_in(site / "build")

    rebuilt([])
    _write(site, "templates/_card.html", "<p class=c>v2 {{ other.meta.title }}</p>\n")
    _bump_times(site, ["templates/_card.html"])
    with monkeypatch.context() as patched:
        _saved_while_drawing(
            patched, card, "<p class=c>v3 {{ other.meta.title }}</p>\n", "archive.html"
        )
        rebuilt([card])
    got = rebuilt([card])  # the watcher saw the second save, too
    expected = _full(site)
    assert b"v3 Desk" in expected["briefings/index.html"]
    assert got == expected


def _count_drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the page cache sees drawn (not kept or reused) from now on."""
    drawn: list[str] = []
    real_drawn = batch.PageCache.drawn

    def counted(cache: batch.PageCache, item: RenderedFile) -> None:
        drawn.append(item.path)
        real_drawn(cache, item)

    monkeypatch.setattr(batch.PageCache, "drawn", counted)
    return drawn


def _after_a_part_edit(
    site: Path, command: str, text: str
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """`templates/parts/x.html` rewritten as `text` after a first build: the files
    `command` (serve or build) then holds, and a clean build's."""
    preview = Preview(BuildOptions(site=site, now=now()))

    def rebuilt(changed: list[str]) -> dict[str, bytes]:
        if command == "serve":
            return dict(preview.rebuild([site / path for path in changed]).files)
        build(BuildOptions(site=site, now=now(), jobs=1))
        return _files_in(site / "build")

    rebuilt([])
    changed = _write(site, "templates/parts/x.html", text)
    _bump_times(site, changed)
    return rebuilt(changed), _full(site)


@pytest.mark.parametrize("command", ["serve", "build"])
@pytest.mark.parametrize("name", ["./parts/x.html", "/parts/x.html", "parts//x.html"])
def test_an_include_named_as_jinja_normalises_it_is_keyed_by_its_file(
    tmp_path: Path, command: str, name: str
) -> None:
    """Jinja finds "./parts/x.html" at parts/x.html: an edit there redraws the pages."""
    head = f'{{% block head %}}{{% include "{name}" %}}{{% endblock %}}'
    site = write_site(
        tmp_path / "site",
        {
            **{f"content/desk-{n}.md": article(f"Desk {n}") for n in range(2)},
            "templates/parts/x.html": "<meta name=x1>",
            "templates/briefing.html": '{% extends "theme/briefing.html" %}' + head,
        },
    )
    got, expected = _after_a_part_edit(site, command, "<meta name=x2-changed>")
    assert b"x2-changed" in expected["briefings/desk-0/index.html"]
    assert got == expected


@pytest.mark.parametrize("command", ["serve", "build"])
@pytest.mark.parametrize(
    "listing",
    [
        "{% set draw = card %}{% for b in pager.entries|map(attribute='briefing') %}"
        "{{ draw(b, 2) }}{% endfor %}",
        "{% macro each(f, items) %}{% for b in items %}{{ f(b, 2) }}{% endfor %}{% endmacro %}"
        "{{ each(card, pager.entries|map(attribute='briefing')) }}",
    ],
)
def test_a_listing_that_hands_card_on_is_keyed_by_what_the_card_includes(
    tmp_path: Path, command: str, listing: str
) -> None:
    """`card` given to a variable or a macro draws `_card.html` as a call does: an edit
    of a part the card includes redraws the archive."""
    site = write_site(
        tmp_path / "site",
        {
            **{f"content/desk-{n}.md": article(f"Desk {n}") for n in range(2)},
            "templates/parts/x.html": "<b>x1</b>",
            "templates/_card.html": '<p>{% include "parts/x.html" %}{{ other.meta.title }}</p>',
            "templates/archive.html": listing,
        },
    )
    got, expected = _after_a_part_edit(site, command, "<b>x2-changed</b>")
    assert b"x2-changed" in expected["briefings/index.html"]
    assert got["briefings/index.html"] == expected["briefings/index.html"]
    assert got == expected


def test_serve_keeps_the_listings_fragments_across_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After one edit, serve draws the card and topic entries of that briefing only, as
    build does: the others come from its earlier rebuilds."""
    drawn = count_fragments_drawn(monkeypatch)
    site = write_site(
        tmp_path / "site",
        {
            f"content/desk-{n}.md": article(f"Desk {n}", date=f"2025-01-0{n + 1}T09:00:00Z")
            for n in range(6)
        },
    )
    preview = Preview(BuildOptions(site=site, now=now()))
    preview.rebuild([])
    assert len(drawn) == 6
    for round_ in range(2):  # the second edit needs what the first did not read
        edited = f"content/desk-{round_}.md"
        text = (site / edited).read_text()
        changed = _write(site, edited, text.replace("Desk", f"Desk edit{round_}", 1))
        _bump_times(site, changed)
        drawn.clear()
        files = dict(preview.rebuild([site / edited]).files)
        assert drawn == [f"desk-{round_}"]
        assert files == _full(site)


def test_a_template_saved_as_workers_start_is_not_kept_under_the_older_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers draw briefing pages from the template bytes the build keyed them by: a
    save between the keying and a worker's first page, then undone, leaves no page
    of the undone version behind."""
    page = '{% extends "theme/briefing.html" %}{% block head %}<meta name=X>{% endblock %}'
    files: dict[str, str | bytes] = {
        f"content/desk-{n}.md": article(f"Desk {n}", date=f"2025-01-0{n + 1}T09:00:00Z")
        for n in range(4)
    }
    site = write_site(
        tmp_path / "site", {**files, "templates/briefing.html": page.replace("X", "v1")}
    )
    build(BuildOptions(site=site, now=now(), jobs=1))
    _bump_times(site, _write(site, "templates/briefing.html", page.replace("X", "v2")))
    for name in files:  # edited too: a worker draws their pages
        _bump_times(site, _write(site, name, str(files[name]).replace("lede", "new lede")))
    real_init = batch._Pages.__init__

    def saved_first(pages: batch._Pages, settings: batch.Settings, stream: batch.Stream) -> None:
        _bump_times(site, _write(site, "templates/briefing.html", page.replace("X", "v3")))
        real_init(pages, settings, stream)

    with monkeypatch.context() as patched:
        patched.setattr(batch._Pages, "__init__", saved_first)
        build(BuildOptions(site=site, now=now(), jobs=1))
    _bump_times(site, _write(site, "templates/briefing.html", page.replace("X", "v2")))
    build(BuildOptions(site=site, now=now(), jobs=1))
    expected = _full(site)
    assert b"<meta name=v2>" in expected["briefings/desk-0/index.html"]
    assert _files_in(site / "build") == expected


def test_an_edit_assembles_its_article_alone_and_a_touched_one_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`serve` finds what changed through the build's own loader (`batch.run_batch`):
    an edit assembles that article and no other, and a file saved with the same bytes
    (the watcher names it, or its stat changed) is read again but not assembled."""
    files: dict[str, str | bytes] = {
        f"content/desk-{n:02d}.md": article(f"Desk {n}", date=f"2025-01-{n + 1:02d}T09:00:00Z")
        for n in range(20)
    }
    site = write_site(tmp_path / "site", files)
    made = _count_assembled(monkeypatch)
    preview = Preview(BuildOptions(site=site, now=now(), jobs=1))
    preview.rebuild()
    assert len(made) == 20
    made.clear()
    changed = _write(
        site, "content/desk-07.md", article("Desk 7 moved", date="2025-01-08T09:00:00Z")
    )
    after = preview.rebuild([site / name for name in changed]).files
    assert made == ["content/desk-07.md"]
    assert dict(after) == _full(site)
    made.clear()
    touched = ["content/desk-03.md", "content/desk-07.md"]
    _bump_times(site, touched)
    preview.rebuild([site / touched[0]])
    assert preview.verify() == {site / touched[1]}  # the watcher did not name it
    after = preview.rebuild(preview.verify()).files
    assert made == []
    assert preview.verify() == set()
    assert dict(after) == _full(site)


def test_a_preview_that_starts_broken_keeps_the_articles_it_assembled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed build still holds what it assembled: fixing the one bad article
    assembles that article alone, not the whole site again."""
    files: dict[str, str | bytes] = {
        f"content/desk-{n:02d}.md": article(f"Desk {n}", date=f"2025-01-{n + 1:02d}T09:00:00Z")
        for n in range(10)
    }
    files["content/desk-04.md"] = "no front matter\n"
    site = write_site(tmp_path / "site", files)
    made = _count_assembled(monkeypatch)
    preview = Preview(BuildOptions(site=site, now=now()))
    with pytest.raises(ContentError, match=r"content/desk-04\.md:1: no front matter"):
        preview.rebuild()
    made.clear()
    fixed = _write(site, "content/desk-04.md", article("Desk 4", date="2025-01-05T09:00:00Z"))
    after = preview.rebuild([site / name for name in fixed]).files
    assert made == ["content/desk-04.md"]
    assert dict(after) == _full(site)


def test_an_edit_during_a_broken_config_is_not_rebuilt_over_and_over(site: Path) -> None:
    """A build that fails before reading any article (a broken briefing.yaml) must not
    leave the edited article looking missed: `verify` naming it again after every
    failed build made `serve` rebuild and fail in a loop until the config was fixed."""
    preview = Preview(BuildOptions(site=site, now=now()))
    preview.rebuild()
    config = (site / "briefing.yaml").read_text() if (site / "briefing.yaml").exists() else ""
    changed = _write(site, "briefing.yaml", "title: [bad\n")
    changed += _write(site, "content/alpha.md", article("Alpha talks resume"))
    with pytest.raises(ContentError):
        preview.rebuild([site / name for name in changed])
    assert preview.verify() == set()
    fixed = _write(site, "briefing.yaml", config)
    assert dict(preview.rebuild([site / name for name in fixed]).files) == _full(site)


def _count_assembled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles assembled from now on, by site-relative path."""
    made: list[str] = []
    real = batch.assemble

    def counted(source: SourceArticle, tools: Tools, clock: datetime) -> Assembled:
        made.append(source.path)
        return real(source, tools, clock)

    monkeypatch.setattr(batch, "assemble", counted)
    return made
