"""The preview build behind `serve`: the build's own flow, into memory.

`rebuild` runs the stages `build` runs (`pipeline.load_site`, then
`pipeline.draw` through a `batch.PageCache`) with two differences only: the
sink is a dict of output path to bytes, and the cache is the last good
build's pages in memory (`cache.MemoryStore`), not the pack on disk. A file
is drawn again only when its page key changed: the key the build's cache uses,
over the briefings it shows (by their articles' keys and what they show of
the clock), its template and the site's template files that uses
(`build.deps`), the config and the clock. So an edit redraws its briefing's
own files and the listings, feeds and home page that show it, a template
edit the pages that use the template, and the result is what `build` writes,
by construction (tests check).

Assembling is the build's too (read the bytes, key them, parse, assemble),
done again only for an article whose files' stat signature changed (or that
a watcher named), as the build's site index finds unchanged articles.

The build never touches `build/`: a Snapshot is a mapping of output path to
bytes, and `Live` hands the last good one to request threads.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import jinja2

from briefing_site.build.batch import Batch, PageCache, Settings, article_key, key_bases
from briefing_site.build.cache import MemoryStore
from briefing_site.build.deps import TemplateKeys
from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import Loaded, draw, load_site
from briefing_site.content.assemble import Assembled, Tools, assemble
from briefing_site.content.lint import lint
from briefing_site.content.load import ArticleFiles, parse_article, read_bytes
from briefing_site.dev.live_search import LiveIndex
from briefing_site.errors import ContentError, Problem
from briefing_site.model import Briefing, RenderedFile, SiteConfig, SourceArticle
from briefing_site.output.theme import (
    STATIC_DIR,
    TemplateFiles,
    make_environment,
    static_assets,
)
from briefing_site.output.urls import Urls, briefing_path
from briefing_site.safetext import printable
from briefing_site.site import CONTENT_DIR, TEMPLATES_DIR
from briefing_site.walk import signature, walk

Signature = tuple[int, ...]  # walk.signature, of an article and its sidecar together


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
    """An assembled article, its cache key (`batch.article_key`), and the stat
    signature of the files it was read from."""

    signature: Signature
    assembled: tuple[SourceArticle, Assembled]
    key: bytes


@dataclass(frozen=True)
class _Bases:
    """The key bases (`batch.key_bases`) and tools under one config and set of templates."""

    config: SiteConfig
    signatures: dict[str, Signature]  # of the templates they were made under
    article: bytes
    page: bytes
    templates: TemplateKeys
    tools: Tools


class Preview:
    """Rebuilds the site in memory, reusing every article and page an edit left alone."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self._articles: dict[str, _Cached] = {}
        self._made: list[_Cached] = []  # this build's articles, in the order loaded
        self._bases: _Bases | None = None
        self._env: jinja2.Environment | None = None
        self._templates: dict[str, Signature] = {}
        self._hinted: set[str] = set()  # names under templates/ a watcher saw change
        self._files = TemplateFiles(options.site / TEMPLATES_DIR)  # the env's: see `_theme`
        self._assets: dict[str, bytes] | None = None
        self._pages = MemoryStore()  # the last good build's pages, by page key
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
        env, assets = self._theme()
        self._made = []
        try:
            loaded = load_site(self.options, self._assemble, self._lint)
            files = self._draw(loaded, env, assets)
        except BaseException:
            self._pages.drop_new()
            raise
        if len(self._linted) > len(self._made):  # articles gone since: let their warnings go
            kept = {made.assembled[0].path for made in self._made}
            self._linted = {path: seen for path, seen in self._linted.items() if path in kept}
        indexed = None
        if loaded.config.search:
            indexed = tuple(sorted(briefing_path(b.meta.slug) for b in loaded.site.briefings))
        prefix = Urls(loaded.config.base_url).prefix
        shards = loaded.config.search_shard_size
        return Snapshot(files, prefix, len(loaded.site.briefings), indexed, shards)

    def _draw(
        self, loaded: Loaded, env: jinja2.Environment, assets: dict[str, bytes]
    ) -> dict[str, bytes]:
        """Every output file, through the build's drawing loop into memory: a file whose
        page key is the one the last good build recorded for it is kept, the rest are
        drawn (or found by their key among the last build's files)."""
        bases = self._bases_for(loaded.config)  # a site with no article asked for none yet
        made = self._made  # what `load_site` kept of them is `loaded.articles`, in this order
        assert len(made) == len(loaded.articles)
        articles = [m.assembled for m in made]
        keys = [m.key for m in made]
        batch = Batch(articles, [], keys, bases.page, self.options.now, templates=bases.templates)
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
        """Forget cached articles and templates a watcher saw change, whatever their stat
        says (a coarse clock may give an edit its file's old times)."""
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
            elif rel.parts[:1] == (TEMPLATES_DIR,):
                self._hinted.add("/".join(rel.parts[1:]))

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
        bases = self._bases_for(config)
        hit = self._articles.get(files.article)
        if hit is None or not (self._trust_cache or hit.signature == self._signature(files)):
            hit = self._fresh(bases, files)
        self._made.append(hit)
        return hit.assembled

    def _fresh(self, bases: _Bases, files: ArticleFiles) -> _Cached:
        """An article read, keyed and assembled as a build's worker does (`batch._Worker`)."""
        signature = self._signature(files)
        data, sidecar = read_bytes(self.options.site, files)
        article = parse_article(files, data, sidecar)
        made = _Cached(
            signature,
            (article, assemble(article, bases.tools, self.options.now)),
            article_key(bases.article, files, data, sidecar),
        )
        if signature:
            self._articles[files.article] = made
        return made

    def _bases_for(self, config: SiteConfig) -> _Bases:
        """The key bases and tools for `config` and the templates as they are now; a
        new config empties the article cache (every article's key hashes it)."""
        bases = self._bases
        if bases is not None and bases.config is config and bases.signatures is self._templates:
            return bases
        same = bases is not None and bases.config == config  # compared once a build
        if bases is None or not same:
            self._articles.clear()
            self._linted.clear()
        tools = bases.tools if bases is not None and same else Tools.for_config(config)
        if bases is not None and same and bases.signatures is self._templates:
            self._bases = replace(bases, config=config)  # then by identity
            return self._bases
        settings = Settings(
            self.options.site,
            config,
            self.options.now,
            self.options.drafts,
            self.options.site / TEMPLATES_DIR,
        )
        article, page, templates = key_bases(settings, self._files)
        self._bases = _Bases(config, self._templates, article, page, templates, tools)
        return self._bases

    def _lint(
        self, article: SourceArticle, briefing: Briefing, config: SiteConfig
    ) -> list[Problem]:
        """An article's warnings, remembered while it is the same cached object.

        A config change empties this with the article cache (see `_bases_for`).
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
