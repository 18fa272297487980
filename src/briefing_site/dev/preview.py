"""The preview build behind `serve`: the build's own flow, into memory.

`rebuild` runs the stages `build` runs, through the same functions: loading
(`pipeline.load_articles`, which finds what changed and assembles it through
`batch.run_batch`) and drawing (`pipeline.draw` through a `batch.PageCache`).
Three things differ, none of them in how a page is made: the sink is a dict
of output path to bytes; the page cache is the last good build's pages in
memory (`cache.MemoryStore`), not the pack on disk; and the articles of the
last build are held whole in memory (`build.held`), where `build` has the
site index on disk. So an edit re-assembles only its article, and a file is
drawn again only when its page key changed: the key the build's cache uses,
over the briefings it shows (by their articles' keys and what they show of
the clock), its template and the site's template files that uses
(`build.deps`), the config and the clock. An edit redraws its briefing's own
files and the listings, feeds and home page that show it, a template edit the
pages that use the template, and the result is what `build` writes, by
construction (tests check).

The build never touches `build/`: a Snapshot is a mapping of output path to
bytes, and `Live` hands the last good one to request threads.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import jinja2

from briefing_site.build.batch import Batch, Keys, PageCache, Settings
from briefing_site.build.cache import MemoryStore
from briefing_site.build.held import HeldIndex
from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import Loaded, draw, load_articles
from briefing_site.dev.live_search import LiveIndex
from briefing_site.errors import ContentError, Problem
from briefing_site.model import RenderedFile, SiteConfig
from briefing_site.output.theme import (
    STATIC_DIR,
    TemplateFiles,
    make_environment,
    static_assets,
)
from briefing_site.output.urls import Urls, briefing_path
from briefing_site.safetext import printable
from briefing_site.site import CONTENT_DIR, TEMPLATES_DIR
from briefing_site.walk import walk

Signature = tuple[int, ...]  # walk.signature, of an article and its sidecar together


@dataclass(frozen=True)
class Snapshot:
    """One complete, good build: output path → bytes, and the URL prefix it lives under."""

    files: Mapping[str, bytes]
    prefix: str
    briefings: int
    indexed: tuple[str, ...] | None = None  # the pages search indexes; None: search is off
    shard_size: int = SiteConfig().search_shard_size  # pages per search shard
    left_out: int = 0  # drafts and articles dated after the clock, without --drafts
    notices: tuple[Problem, ...] = ()  # the site-wide warnings (`pipeline.Loaded.notices`)


class Preview:
    """Rebuilds the site in memory, reusing every article and page an edit left alone."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.held = HeldIndex(options.site)  # the last build's articles (see `build.held`)
        self._keys: tuple[SiteConfig, dict[str, Signature], Keys] | None = None
        self._env: jinja2.Environment | None = None
        self._templates: dict[str, Signature] = {}
        self._hinted: set[str] = set()  # names under templates/ a watcher saw change
        self._files = TemplateFiles(options.site / TEMPLATES_DIR)  # the env's: see `_theme`
        self._assets: dict[str, bytes] | None = None
        self._pages = MemoryStore()  # the last good build's pages, by page key

    def rebuild(self, changed: Iterable[Path] = ()) -> Snapshot:
        """The new complete build, or ContentError listing every problem.

        `changed` are the paths a watcher saw change. With them, articles the
        watcher did not name are taken as held, unchecked, to keep a save's
        rebuild short; `verify`, run after the new build is served, checks
        every file's stat signature and names what the watcher missed.
        Without them (the first build), every article is checked.
        """
        hints = list(changed)
        self.held.trust = bool(hints)
        self._note_changes(hints)
        env, assets = self._theme()
        _forget_imports(env)
        # Assembled in this process: held whole, an article from a worker would come back
        # pickled, which at start-up costs more than the workers save (at 3,000 briefings).
        options = replace(self.options, jobs=1)
        try:
            loaded, batch = load_articles(options, held=self.held, keys=self._keys_for)
            files = self._draw(loaded, batch, env, assets)
        except BaseException:
            self._pages.drop_new()
            raise
        indexed = None
        if loaded.config.search:
            indexed = tuple(sorted(briefing_path(b.meta.slug) for b in loaded.site.briefings))
        prefix = Urls(loaded.config.base_url).prefix
        shards = loaded.config.search_shard_size
        shown = len(loaded.site.briefings)
        left_out = len(loaded.articles) - shown
        return Snapshot(files, prefix, shown, indexed, shards, left_out, loaded.notices)

    def _draw(
        self, loaded: Loaded, batch: Batch, env: jinja2.Environment, assets: dict[str, bytes]
    ) -> dict[str, bytes]:
        """Every output file, through the build's drawing loop into memory: a file whose
        page key is the one the last good build recorded for it is kept, the rest are
        drawn (or found by their key among the last build's files)."""
        files: dict[str, bytes] = {}

        def sink(item: RenderedFile) -> None:
            files[item.path] = item.data

        last = self._pages
        reuse = PageCache(batch, last, last.recorded, sink, last.memo)
        draw(loaded, env, assets, sink, reuse)
        for path in reuse.kept:  # as `build` leaves them in place (`writer.write_changed`)
            files[path] = last.files[path]
        last.settle(reuse.keys, files, reuse.fragments.live_keys())
        return files

    def _note_changes(self, changed: Iterable[Path]) -> None:
        """Forget held articles and templates a watcher saw change, whatever their stat
        says (a coarse clock may give an edit its file's old times)."""
        site = self.options.site.resolve()
        content: list[str] = []
        for path in changed:
            try:
                rel = PurePosixPath(Path(path).resolve().relative_to(site).as_posix())
            except ValueError:
                continue
            if rel.parts[:1] == (CONTENT_DIR,):
                content.append(str(rel))
            elif rel.parts[:1] == (TEMPLATES_DIR,):
                self._hinted.add("/".join(rel.parts[1:]))
        self.held.forget(content)

    def verify(self) -> set[Path]:
        """Articles whose files changed since they were read, unseen by the watcher."""
        return {self.options.site / name for name in self.held.stale()}

    def _keys_for(self, settings: Settings) -> Keys:
        """The batch's cache keys under `settings`, over the templates the pages are
        drawn from; made again only when the config or the templates changed."""
        kept = self._keys
        if kept is not None and kept[1] is self._templates and kept[0] == settings.config:
            return kept[2]
        keys = Keys(settings, self._files)
        self._keys = (settings.config, self._templates, keys)
        return keys

    def _theme(self) -> tuple[jinja2.Environment, dict[str, bytes]]:
        """The Jinja environment and assets, remade when a file under templates/ changed.

        The few template files are compared by stat on every rebuild, so a
        change is seen even if the watcher missed it, and one the watcher named
        is taken as changed whatever its stat. A changed template gives each
        page that uses it a new key (see `build.deps`), as in `build`.
        """
        templates = self.options.site / TEMPLATES_DIR
        current = _signatures(self.options.site, TEMPLATES_DIR)
        if self._env is not None and current == self._templates and not self._hinted:
            assert self._assets is not None
            return self._env, self._assets
        changed = current.keys() ^ self._templates.keys() | self._hinted | {
            name for name in current.keys() & self._templates.keys()
            if current[name] != self._templates[name]
        }  # fmt: skip
        # Any file may be a template (a page may include an SVG from static/), and a
        # new override changes what a name means: the environment is made anew.
        self._files = TemplateFiles(templates)  # read anew, by the env and the page keys
        self._env = make_environment(templates, self._files)
        if self._assets is None or _static(changed):
            self._assets = static_assets(templates)
        self._templates = current  # a new object: the key bases are made again
        self._hinted = set()
        return self._env, self._assets


def _forget_imports(env: jinja2.Environment) -> None:
    """Drop each template's module as imported without context: Jinja makes it once
    per template, with the globals of that moment, so a site's imported macros
    would show the settings and the clock of serve's first build. Made again on use;
    the theme imports nothing, so a site without such imports pays nothing."""
    for template in (env.cache or {}).values():
        template._module = None


def _static(names: set[str]) -> set[str]:
    """The assets among names under templates/ (see `theme.static_assets`), and the
    folders that may hold them ("" is templates/ itself)."""
    return {name for name in names if name in ("", STATIC_DIR) or name.startswith(STATIC_DIR + "/")}


def _signatures(site: Path, folder: str) -> dict[str, Signature]:
    """Each file under `folder` by name relative to it: its stat signature.

    The files are those the build reads (see `walk`); a name it refuses fails
    this rebuild with the build's message.
    """
    found = walk(site, folder, stats=True)
    if found.problems:
        raise ContentError(found.problems)
    return {name.removeprefix(folder + "/"): sig for name, sig in found.signatures.items()}


class Live:
    """The last good build and the current problems, shared with request threads.

    Requests that arrive while a rebuild runs wait for it; `version` moves on
    each outcome so live-reload streams know to tell the browser.
    """

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.snapshot: Snapshot | None = None
        self.problems: tuple[str, ...] = ()
        self.build = 0
        self.version = 0
        self.building = True  # until the first build is done
        self.stopping = False
        self.search = LiveIndex()  # the search index, redone in the background

    def begin(self) -> None:
        with self.changed:
            self.building = True
        self.search.pause()

    def show(self, snapshot: Snapshot) -> None:
        with self.changed:
            if snapshot.indexed is not None:  # before any request can ask for the index
                pages = [RenderedFile(p, snapshot.files[p]) for p in snapshot.indexed]
                self.search.update(pages, snapshot.shard_size)
            self.snapshot, self.problems = snapshot, ()
            self.build += 1
            self._settle()

    def fail(self, error: ContentError) -> None:
        with self.changed:
            self.problems = tuple(printable(line) for line in error.lines())  # one line each
            self._settle()

    def stop(self) -> None:
        with self.changed:
            self.stopping = True
            self.changed.notify_all()
        self.search.stop()

    def _settle(self) -> None:
        self.building = False
        self.version += 1
        self.changed.notify_all()

    def ready(self, timeout: float = 60.0) -> tuple[Snapshot | None, tuple[str, ...], int]:
        """The build to serve, once no rebuild is running."""
        with self.changed:
            self.changed.wait_for(lambda: not self.building or self.stopping, timeout)
            return self.snapshot, self.problems, self.build

    def next_version(self, seen: int, timeout: float) -> int | None:
        """Wait for an outcome after `seen`; None when the server stops."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen or self.stopping, timeout)
            return None if self.stopping else self.version
