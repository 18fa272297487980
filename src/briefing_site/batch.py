"""Every article through assemble and its page render: over worker processes,
reusing the build cache.

Each article's work is pure, so it is done once per distinct input: results
are cached by a key that hashes the article's bytes, the site config, the
templates and the tool's own code, and what is left is spread over the CPUs.
The results, in file order, are exactly what one process without a cache
makes (tests/test_speed_paths.py checks the bytes).
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from briefing_site.assemble import Assembled, Tools, assemble, with_clock
from briefing_site.cache import Store, digest
from briefing_site.errors import ContentError, Problem
from briefing_site.load import ArticleFiles, parse_article, read_bytes
from briefing_site.model import RenderedFile, Site, SiteConfig, SourceArticle
from briefing_site.parallel import ordered_map, worker_count
from briefing_site.progress import ProgressFn
from briefing_site.render import prepare, render_briefing
from briefing_site.theme import make_environment, theme_dir
from briefing_site.urls import briefing_path


@dataclass(frozen=True)
class Settings:
    """What every article's work depends on besides the article itself."""

    root: Path
    config: SiteConfig
    now: datetime
    drafts: bool
    templates: Path


@dataclass(frozen=True)
class Batch:
    """Assembled articles in file order, their problems, and their rendered pages.

    `pages` is None when a page failed to render, so the caller renders the
    site itself and reports the template error exactly as it always does.
    """

    articles: list[tuple[SourceArticle, Assembled]]
    problems: list[Problem]
    pages: dict[str, RenderedFile] | None


@dataclass(frozen=True)
class _Job:
    files: ArticleFiles
    data: bytes
    sidecar: bytes | None
    assembled: bytes | None  # the cached pickled (SourceArticle, Assembled), if any


@dataclass(frozen=True)
class _Done:
    assembled: bytes | None
    problems: tuple[Problem, ...] = ()
    page: bytes | None = None
    failed: bool = False


def run_batch(
    found: list[ArticleFiles],
    settings: Settings,
    store: Store | None,
    jobs: int,
    progress: ProgressFn | None = None,
) -> Batch:
    """Assemble and render every article, from the cache where its key is known.

    `progress` is told (done, total) as the results are unpacked, in file order.
    """
    keys = _Keys(settings)
    problems: dict[int, list[Problem]] = {}
    done: dict[int, _Done] = {}
    todo: list[tuple[int, _Job, bytes]] = []
    for index, files in enumerate(found):
        try:
            data, sidecar = read_bytes(settings.root, files)
        except ContentError as exc:
            problems[index] = exc.problems
            continue
        key = keys.article(files, data, sidecar)
        cached = store.get(key) if store else None
        page = store.get(keys.page(key)) if store and cached else None
        if cached is not None and page is not None:
            done[index] = _Done(cached, page=page)
        else:
            todo.append((index, _Job(files, data, sidecar, cached), key))
    workers = worker_count(jobs, len(todo))
    results = ordered_map(_Setup(settings), [job for _, job, _ in todo], workers)
    for (index, _, key), result in zip(todo, results, strict=True):
        done[index] = result
        if store and result.assembled is not None:
            store.put(key, result.assembled)
            if result.page is not None:
                store.put(keys.page(key), result.page)
    return _collect(len(found), done, problems, settings, progress)


def _collect(
    count: int,
    done: dict[int, _Done],
    problems: dict[int, list[Problem]],
    settings: Settings,
    progress: ProgressFn | None,
) -> Batch:
    """Unpack the results in file order, as one process would have made them."""
    articles: list[tuple[SourceArticle, Assembled]] = []
    found_problems: list[Problem] = []
    pages: dict[str, RenderedFile] | None = {}
    for index in range(count):
        found_problems += problems.get(index, [])
        result = done.get(index)
        if result is None:
            continue
        found_problems += result.problems
        if result.assembled is None:
            continue
        article, made = pickle.loads(result.assembled)
        assembled = with_clock(made, settings.now)
        articles.append((article, assembled))
        if progress:
            progress(index + 1, count)
        if result.failed:
            pages = None
        elif pages is not None and result.page:
            slug = assembled.briefing.meta.slug
            pages.setdefault(slug, RenderedFile(briefing_path(slug), result.page))
    return Batch(articles, found_problems, pages)


class _Keys:
    """Cache keys: an article's hashes its inputs; its page's adds the templates and clock."""

    def __init__(self, settings: Settings) -> None:
        config = repr(settings.config).encode()
        self._base = digest(b"article", _code_fingerprint(), config)
        self._page = digest(
            b"page", _tree_fingerprint(theme_dir()), _tree_fingerprint(settings.templates),
            settings.now.isoformat().encode(), str(settings.drafts).encode(),
        )  # fmt: skip

    def article(self, files: ArticleFiles, data: bytes, sidecar: bytes | None) -> bytes:
        names = f"{files.article}\0{files.sidecar}".encode()
        return digest(self._base, names, data, sidecar if sidecar is not None else b"\0none")

    def page(self, article_key: bytes) -> bytes:
        return digest(self._page, article_key)


@cache
def _code_fingerprint() -> bytes:
    """The tool's own code and data: a new version, or any edit, misses the cache."""
    return _tree_fingerprint(Path(__file__).parent)


def _tree_fingerprint(folder: Path) -> bytes:
    """Every file's path and bytes under `folder` (nothing when it does not exist)."""
    parts = [b"tree"]
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                parts += [path.relative_to(folder).as_posix().encode(), path.read_bytes()]
    return digest(*parts)


@dataclass(frozen=True)
class _Setup:
    """Builds a worker (picklable, so a worker process can build its own)."""

    settings: Settings

    def __call__(self) -> _Worker:
        return _Worker(self.settings)


class _Worker:
    """Assembles and renders one article at a time with this process's tools."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.tools = Tools.for_config(settings.config)
        self.env = make_environment(settings.templates)
        self.urls = prepare(self.env, Site(config=settings.config, now=settings.now))

    def __call__(self, job: _Job) -> _Done:
        blob = job.assembled
        if blob is None:
            try:
                article = parse_article(job.files, job.data, job.sidecar)
                assembled = assemble(article, self.tools, self.settings.now)
            except ContentError as exc:
                return _Done(None, tuple(exc.problems))
            blob = pickle.dumps((article, assembled), protocol=pickle.HIGHEST_PROTOCOL)
        else:
            assembled = with_clock(pickle.loads(blob)[1], self.settings.now)
        if assembled.briefing.meta.draft and not self.settings.drafts:
            return _Done(blob, page=b"")  # no page, and none to make next time either
        try:
            page = render_briefing(self.env, self.urls, assembled.briefing)
        except ContentError:
            return _Done(blob, failed=True)
        return _Done(blob, page=page.data)
