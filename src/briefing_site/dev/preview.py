"""The preview build behind `serve`: the whole site in memory, redone in pieces.

An article's Assembled result is cached by its files' stat signature, so a
one-file edit re-assembles one article. A file is re-rendered only when what
it shows may have changed: a file made from one briefing (its page, its
calendar) when that briefing did; a file drawn from the whole site (home, 404,
feeds) when any briefing did; and every page whose template, or a template it
extends or includes, changed. The result is always byte for byte what a full
build of the same files gives (tests check this).

The build never touches `build/`: a Snapshot is a mapping of output path to
bytes, and `Live` hands the last good one to request threads.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import jinja2
from jinja2 import meta, nodes

from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import Loaded, fresh_assembler, load_site
from briefing_site.content.assemble import Assembled
from briefing_site.content.lint import lint
from briefing_site.content.load import ArticleFiles
from briefing_site.dev.live_search import LiveIndex
from briefing_site.errors import ContentError, Problem
from briefing_site.model import Briefing, RenderedFile, SiteConfig, SourceArticle
from briefing_site.output.extras import PageFilter, PageSource
from briefing_site.output.render import TEMPLATE_HELPERS, render_site
from briefing_site.output.theme import STATIC_DIR, make_environment, static_assets
from briefing_site.output.urls import Urls, briefing_path
from briefing_site.safetext import printable
from briefing_site.site import CONTENT_DIR, TEMPLATES_DIR
from briefing_site.walk import signature, walk

Signature = tuple[int, ...]  # walk.signature, of an article and its sidecar together
Asked = tuple[str, str, PageSource]  # what the renderer asked the filter about


@dataclass(frozen=True)
class Snapshot:
    """One complete, good build: output path → bytes, and the URL prefix it lives under."""

    files: Mapping[str, bytes]
    prefix: str
    briefings: int
    indexed: tuple[str, ...] | None = None  # the pages search indexes; None: search is off
    shard_size: int = SiteConfig().search_shard_size  # pages per search shard


@dataclass(frozen=True)
class _Cached:
    signature: Signature
    assembled: tuple[SourceArticle, Assembled]


@dataclass
class _Rendered:
    """What the last good build's pages were made from, to tell what an edit touched."""

    pages: dict[str, bytes] = field(default_factory=dict)
    source_of: dict[str, PageSource] = field(default_factory=dict)
    listed: tuple[Briefing, ...] = ()
    config: SiteConfig | None = None
    roots: frozenset[str] = frozenset()


class Preview:
    """Rebuilds the site in memory, reusing every article and page an edit left alone."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self._fresh = fresh_assembler(options)
        self._articles: dict[str, _Cached] = {}
        self._config: SiteConfig | None = None  # what every cached article was made with
        self._env: jinja2.Environment | None = None
        self._templates: dict[str, Signature] = {}
        self._assets: dict[str, bytes] | None = None
        self._stale_templates: set[str] = set()
        self._last = _Rendered()
        self._trust_cache = False
        self._linted: dict[str, tuple[SourceArticle, Briefing, list[Problem]]] = {}

    def rebuild(self, changed: Iterable[Path] = ()) -> Snapshot:
        """The new complete build, or ContentError listing every problem.

        `changed` are the paths a watcher saw change. With them, articles the
        watcher did not name are taken from the cache unchecked, to keep a
        save's rebuild short; `verify`, run after the new build is served,
        checks every file's stat signature and names what the watcher missed.
        Without them (the first build), every article is checked.
        """
        hints = list(changed)
        self._trust_cache = bool(hints)
        self._note_changes(hints)
        loaded = load_site(self.options, self._assemble, self._lint)
        env, assets = self._theme()
        affected = self._affected_roots(env)
        wanted, asked = self._page_filter(loaded, affected)
        rendered = {f.path: f.data for f in render_site(loaded.site, env, assets, wanted)}
        for path, _template, _source in asked:
            if path not in rendered:
                rendered[path] = self._last.pages[path]
        self._remember(loaded, rendered, asked)
        indexed = None
        if loaded.config.search:
            indexed = tuple(sorted(briefing_path(b.meta.slug) for b in loaded.site.briefings))
        prefix = Urls(loaded.config.base_url).prefix
        shards = loaded.config.search_shard_size
        return Snapshot(rendered, prefix, len(loaded.site.briefings), indexed, shards)

    def _note_changes(self, changed: Iterable[Path]) -> None:
        """Forget cached articles a watcher saw change, whatever their stat says."""
        site = self.options.site.resolve()
        for path in changed:
            try:
                rel = PurePosixPath(Path(path).resolve().relative_to(site).as_posix())
            except ValueError:
                continue
            if rel.parts[:1] == (CONTENT_DIR,):
                name = str(rel)
                self._articles.pop(name, None)
                self._articles.pop(str(rel.with_suffix(".txt")), None)
                # A folder moved in, out or over: forget everything under it.
                for cached in [key for key in self._articles if key.startswith(name + "/")]:
                    del self._articles[cached]

    def verify(self) -> set[Path]:
        """Articles whose files changed since they were cached, unseen by the watcher."""
        stale = set()
        for name, cached in self._articles.items():
            article = cached.assembled[0]
            sidecar = article.metadata_path if article.metadata_path != name else None
            if self._signature(ArticleFiles(name, sidecar)) != cached.signature:
                stale.add(self.options.site / name)
        return stale

    def _assemble(self, config: SiteConfig, files: ArticleFiles) -> tuple[SourceArticle, Assembled]:
        """The cached result while the files and config are unchanged, else a fresh one."""
        if config is not self._config:
            if config != self._config:  # compared once a build; then by identity
                self._articles.clear()
                self._linted.clear()
            self._config = config
        hit = self._articles.get(files.article)
        if hit is not None and self._trust_cache:
            return hit.assembled
        signature = self._signature(files)
        if hit is not None and hit.signature == signature:
            return hit.assembled
        assembled = self._fresh(config, files)
        if signature:
            self._articles[files.article] = _Cached(signature, assembled)
        return assembled

    def _lint(
        self, article: SourceArticle, briefing: Briefing, config: SiteConfig
    ) -> list[Problem]:
        """An article's warnings, remembered while it is the same cached object.

        A config change empties this with the article cache (see `_assemble`).
        """
        seen = self._linted.get(article.path)
        if seen is not None and seen[0] is article and seen[1] is briefing:
            return seen[2]
        found = lint(article, briefing, config)
        self._linted[article.path] = (article, briefing, found)
        return found

    def _signature(self, files: ArticleFiles) -> Signature:
        """Size, times and inode of the article and its sidecar; () when one is unreadable."""
        values: list[int] = []
        root = os.fspath(self.options.site)
        for name in (files.article, files.sidecar):
            if name is None:
                continue
            try:
                st = os.stat(f"{root}/{name}")
            except OSError:
                return ()
            values += signature(st)
        return tuple(values)

    def _theme(self) -> tuple[jinja2.Environment, dict[str, bytes]]:
        """The Jinja environment and assets, remade when a file under templates/ changed.

        The few template files are compared by stat on every rebuild, so a
        change is seen even if the watcher missed it; changed names are kept
        until a build succeeds, to re-render every page that uses them.
        """
        templates = self.options.site / TEMPLATES_DIR
        current = _signatures(self.options.site, TEMPLATES_DIR)
        changed = {
            name
            for name in current.keys() | self._templates.keys()
            if current.get(name) != self._templates.get(name)
        }
        static = {name for name in changed if name.startswith(STATIC_DIR + "/")}
        if self._env is None or changed:
            self._env = make_environment(templates)  # a new override changes what a name means
        if self._assets is None or static:
            self._assets = static_assets(templates)
        self._stale_templates |= changed - static
        self._templates = current
        return self._env, self._assets

    def _affected_roots(self, env: jinja2.Environment) -> frozenset[str] | None:
        """Page templates that use a changed template; None means all of them."""
        if not self._stale_templates:
            return frozenset()
        affected = set()
        for root in self._last.roots:
            used = templates_used(env, root)
            if used is None or used & self._stale_templates:
                affected.add(root)
        return frozenset(affected)

    def _page_filter(
        self, loaded: Loaded, affected: frozenset[str] | None
    ) -> tuple[PageFilter, list[Asked]]:
        """The renderer's filter, and the list of every file it was asked about."""
        last = self._last
        site = loaded.site
        full = affected is None or last.config is None or last.config != loaded.config
        listing_changed = len(last.listed) != len(site.briefings) or any(
            a is not b for a, b in zip(last.listed, site.briefings, strict=True)
        )
        asked: list[Asked] = []

        def wanted(path: str, template: str, source: PageSource) -> bool:
            asked.append((path, template, source))
            if full or path not in last.pages or (affected and template in affected):
                return True
            if source is not None:  # made from some briefings: redo when one changed
                return _changed(last.source_of.get(path), source)
            return listing_changed

        return wanted, asked

    def _remember(self, loaded: Loaded, rendered: dict[str, bytes], asked: list[Asked]) -> None:
        """Commit a good build as the base for the next one."""
        self._last = _Rendered(
            pages={path: rendered[path] for path, _, _ in asked},
            source_of={path: source for path, _, source in asked},
            listed=loaded.site.briefings,
            config=loaded.config,
            roots=frozenset(template for _, template, _ in asked if template),
        )
        self._stale_templates.clear()


def _signatures(site: Path, folder: str) -> dict[str, Signature]:
    """Each file under `folder` by name relative to it: its stat signature.

    The files are those the build reads (see `walk`); a name it refuses fails
    this rebuild with the build's message.
    """
    found = walk(site, folder, stats=True)
    if found.problems:
        raise ContentError(found.problems)
    return {name.removeprefix(folder + "/"): sig for name, sig in found.signatures.items()}


def templates_used(env: jinja2.Environment, name: str) -> set[str] | None:
    """Every template `name` extends, includes or imports, itself included.

    None when that cannot be known (a name built at render time, or a template
    that does not parse): the caller then re-renders to find out.
    """
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source, _, _ = env.loader.get_source(env, current)  # type: ignore[union-attr]
            parsed = env.parse(source)
            found = list(meta.find_referenced_templates(parsed))
        except jinja2.TemplateError:
            return None
        if any(item is None for item in found):
            return None
        todo += [item for item in found if item is not None]
        todo += [  # a helper such as card() renders its own template
            TEMPLATE_HELPERS[call.node.name]
            for call in parsed.find_all(nodes.Call)
            if isinstance(call.node, nodes.Name) and call.node.name in TEMPLATE_HELPERS
        ]
    return {item.removeprefix("theme/") for item in seen} | seen


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


def _changed(before: PageSource, now: PageSource) -> bool:
    """Whether a page's sources differ; unchanged briefings are the same cached objects."""
    if isinstance(now, tuple):
        return not (
            isinstance(before, tuple)
            and len(before) == len(now)
            and all(a is b or a == b for a, b in zip(before, now, strict=True))
        )
    return before is not now
