"""The build: config, every article down the pipeline, render, write.

Every article is loaded and assembled, and every problem collected, before
anything is rendered; the output is touched only once all pages rendered.

`build`, `check` and `serve` run these same stages through the same functions:
loading (`load_articles`: `batch.run_batch` finds what changed since the last
build and assembles it, over workers) and drawing (`draw`: the renderer's
files, one at a time, into a sink). They differ only in the sink (the staging
folder, nothing, memory) and the cache: what the last build knew of each
article (the site index on disk, or `serve`'s articles held in memory: see
`build.held`) and of each page (`batch.PageCache` over the pack on disk, or
over the last preview's pages in memory: the same page keys either way).
"""

from __future__ import annotations

import gc
import itertools
import os
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path

from jinja2 import Environment

from briefing_site.build.batch import Batch, Keys, PageCache, Seen, Settings, Stream, run_batch
from briefing_site.build.cache import Store, make_folder, template_cache
from briefing_site.build.held import HeldIndex
from briefing_site.build.horizon import templates_show_clock, until
from briefing_site.build.lock import build_lock, cache_lock
from briefing_site.build.options import BuildOptions
from briefing_site.build.search import INDEX_DIR, SearchIndex, index_pages
from briefing_site.build.search_pages import (
    FactsFile,
    PageFacts,
    PageGone,
    SearchPage,
    pages_to_index,
)
from briefing_site.build.site_index import INDEX_FILE
from briefing_site.build.spare_check import SpareCheck
from briefing_site.build.spill import spill_folder
from briefing_site.build.unchanged import (
    Built,
    Stamp,
    content_signatures,
    forget_stamp,
    manifest_path,
)
from briefing_site.build.writer import (
    Manifest,
    NotKept,
    NotRecorded,
    Staging,
    check_output_dir,
    disk_error,
    read_manifest,
    recover,
    staging,
    swap_in,
    write_changed,
)
from briefing_site.content.assemble import Assembled, order_briefings
from briefing_site.content.lint import cueless_topics, lint
from briefing_site.content.load import (
    content_files,
    find_articles,
    read_config,
    site_files,
    strays,
)
from briefing_site.errors import ContentError, OutputError, Problem, ProblemList
from briefing_site.model import (
    Briefing,
    Location,
    RenderedFile,
    Site,
    SiteConfig,
    SourceArticle,
)
from briefing_site.output.extras import PageFilter, PageSource, every_file
from briefing_site.output.render import iter_site, syntax_problems
from briefing_site.output.theme import (
    make_environment,
    static_assets,
    template_warnings,
    theme_overrides,
)
from briefing_site.output.urls import briefing_path
from briefing_site.site import CACHE_DIR, TEMPLATES_DIR
from briefing_site.walk import Signature, signature

# Warnings about one published article (`batch.Batch.linter` remembers them).
Linter = Callable[[SourceArticle, Briefing, SiteConfig], list[Problem]]
Signatures = dict[str, Signature]  # site-relative path: its stat signature
NO_INDEX = "no search index"  # how the warning of a build without its index starts
TEMPLATE_CACHE = "templates"  # compiled templates (see `cache.template_cache`)
SEARCH_CACHE = "search"  # each search shard's last index, reused while its pages are unchanged
FACTS_FILE = "pages.facts"  # in SEARCH_CACHE: what the index takes from each page, by page key
MEMO_FILE = "shards.memo"  # in SEARCH_CACHE: what each shard was made of (`search_memo`)
Fetch = Callable[[bytes], bytes | None]


@dataclass
class Known:
    """For the search index of a cached build: each page's key, the pages kept in place
    (path: key), how to fetch a page's bytes by its key (see `PageCache`), and the
    keys the output's manifest recorded. `with_search` puts the index it made in
    `index`: its files' keys join the manifest, and those it left in place the kept."""

    keys: Mapping[str, bytes]
    kept: Mapping[str, bytes]
    fetch: Fetch
    recorded: Mapping[str, bytes]
    index: SearchIndex | None = None


@dataclass(frozen=True)
class Loaded:
    """The site in memory: config, the assembled articles, and the Site model."""

    config: SiteConfig
    articles: tuple[Assembled, ...]
    site: Site
    warnings: tuple[Problem, ...] = ()
    # Of `warnings`, those about the site rather than one article: files in content/ no
    # build reads, topics with no cue words. `serve`, which prints no article's
    # warnings, prints these: they are why an article or a section is not on the page.
    notices: tuple[Problem, ...] = ()
    # Theme overrides that cannot be read (`syntax_problems`): a warning while no page
    # draws them; named together with the error when drawing meets a template error.
    broken_templates: tuple[Problem, ...] = ()


def load_site(options: BuildOptions) -> Loaded:
    """Load and assemble every article; raise once with every problem.

    The reference build's loading: `load_articles` with no cache, nothing streamed.
    """
    return load_articles(options)[0]


def load_articles(
    options: BuildOptions,
    stream: Stream | None = None,
    store: Store | None = None,
    seen: Seen | None = None,
    held: HeldIndex | None = None,
    keys: Callable[[Settings], Keys] | None = None,
) -> tuple[Loaded, Batch]:
    """The one loading stage of build, check and serve.

    Every article is found, those changed since the last build are assembled
    (`batch.run_batch` finds them through the site index on disk, `seen`, or
    the articles `serve` holds, `held`; workers may write their briefings'
    files to `stream`), then every problem is raised at once; a template error
    a worker met comes after the content's problems. `held` is then told what
    this build assembled, even if it failed, so the next one starts from it.
    `keys` makes the batch's cache keys under the settings (`serve` keeps them
    while the config and templates stay the same). The articles are those of the
    walk `seen` took (content/ is not walked twice): a file added since is the
    next build's, whose stamp differs by it.
    """
    config = read_config(options.site, options.base_url)
    listed = seen.files if seen is not None and seen.files else None  # (none: say why)
    files = listed or content_files(options.site)
    found, problems = find_articles(files)
    templates = options.site / TEMPLATES_DIR
    settings = Settings(options.site, config, options.now, options.drafts, templates, stream)
    made = keys(settings) if keys is not None else None
    batch = run_batch(found, settings, store, options.jobs, options.progress, seen, held, made)
    problems.items += batch.problems
    site = Site(config=config, now=options.now)
    broken = syntax_problems(make_environment(templates), site, theme_overrides(templates))
    try:
        linter = batch.linter(lint)
        try:
            loaded = finish_loading(options, config, batch.articles, problems, linter)
        except ContentError as exc:  # the build fails: name the broken overrides with it
            raise ContentError([*exc.problems, *broken]) from exc
        site_wide = (
            *strays(options.site, files),
            *cueless_topics(config),
            *template_warnings(templates),
            *(_unused(p) for p in broken),
        )
        loaded = replace(
            loaded,
            warnings=(*loaded.warnings, *site_wide),
            notices=site_wide,
            broken_templates=tuple(broken),
        )
    finally:
        if held is not None:
            held.settle(batch.recorded())
    if batch.render_problems:
        raise _first_in_site_order(options, loaded, batch.render_problems)
    return loaded, batch


def finish_loading(
    options: BuildOptions,
    config: SiteConfig,
    articles: list[tuple[SourceArticle, Assembled]],
    problems: ProblemList,
    linter: Linter = lint,
) -> Loaded:
    """Check slugs, raise every problem at once, and order the published briefings."""
    _check_slugs(articles, problems)
    problems.raise_if_any()
    published, warnings = _for_readers(articles, options, config, linter)
    site = Site(config=config, now=options.now, briefings=order_briefings(published, options.now))
    return Loaded(config, tuple(a for _, a in articles), site, tuple(warnings))


def _for_readers(
    articles: list[tuple[SourceArticle, Assembled]],
    options: BuildOptions,
    config: SiteConfig,
    linter: Linter,
) -> tuple[list[Briefing], list[Problem]]:
    """The briefings readers get, and the warnings about them.

    Drafts and articles dated after the build clock stay out unless `--drafts`
    (a preview of everything, marked); a held-back article is named, since an
    editor may not expect it to be missing. Drafts get warnings only when shown.
    """
    published: list[Briefing] = []
    warnings: list[Problem] = []
    for article, assembled in articles:
        meta = assembled.briefing.meta
        if meta.draft and not options.drafts:
            continue
        warnings += linter(article, assembled.briefing, config)
        if meta.date and meta.date > options.now and not options.drafts:
            where = Location(article.metadata_path, article.metadata_lines.get("date", 1))
            warnings.append(
                Problem(
                    where,
                    f"held back: {meta.title!r} is published {meta.date.isoformat()}, "
                    "after the build clock; --drafts previews it",
                )
            )
            continue
        published.append(assembled.briefing)
    return published, warnings


def _check_slugs(articles: list[tuple[SourceArticle, Assembled]], problems: ProblemList) -> None:
    """Two briefings cannot share a page: the second is named at its `slug:` line (or
    its metadata's first line, when the slug comes from its file name), with the fix."""
    seen: dict[str, str] = {}
    taken = {item.briefing.meta.slug for _, item in articles}
    for article, item in articles:
        slug, path = item.briefing.meta.slug, item.briefing.source
        if slug not in seen:
            seen[slug] = path
            continue
        free = next(f"{slug}-{n}" for n in itertools.count(2) if f"{slug}-{n}" not in taken)
        taken.add(free)  # a third with the same slug is offered the next one
        problems.add(
            Location(article.metadata_path, article.metadata_lines.get("slug", 1)),
            f"slug {slug!r} is already used by {seen[slug]}: give this one its own (slug: {free})",
        )


Sink = Callable[[RenderedFile], None]  # where drawn files go: the staging folder, memory, nowhere


def draw(
    loaded: Loaded,
    env: Environment,
    assets: Mapping[str, bytes],
    sink: Sink,
    reuse: PageCache | PageFilter = every_file,
    pages_done: Callable[[], None] | None = None,
) -> None:
    """The one drawing loop of build, check and serve: every file the renderer makes
    (those `reuse` asks for) into `sink`, one at a time, so none need be held.

    `reuse` is a plain filter, or a `PageCache`, which hands the files it holds
    to its own sink and takes each drawn file under its page key.
    """
    cache = reuse if isinstance(reuse, PageCache) else None
    wanted = reuse.wanted if isinstance(reuse, PageCache) else reuse
    fragments = reuse.fragments if isinstance(reuse, PageCache) else None
    try:
        for item in iter_site(loaded.site, env, assets, wanted, pages_done, fragments):
            if cache is not None:
                cache.drawn(item)
            sink(item)
    except ContentError as exc:
        raise _with_broken(exc.problems, loaded) from exc


def _unused(problem: Problem) -> Problem:
    """A broken override no page of this build draws: a warning, not an error (a
    theme's search page with `search: false`, its event partials with no events)."""
    return Problem(
        problem.location,
        f"{problem.message} (not used by this site now; fix it before a page draws it)",
    )


def _with_broken(met: list[Problem], loaded: Loaded) -> ContentError:
    """The error drawing met; if it is a template's, with every broken override, so
    one run names them all (the one drawn may not be the only one that will be)."""
    if not any(p.location.path.startswith("templates/") for p in met):
        return ContentError(met)
    seen = {(p.location, p.message) for p in met}
    rest = [p for p in loaded.broken_templates if (p.location, p.message) not in seen]
    return ContentError([*met, *rest])


def render(options: BuildOptions, loaded: Loaded) -> list[RenderedFile]:
    """Every page in memory, through the site's templates then the theme's."""
    templates = _checked_templates(options)
    files: list[RenderedFile] = []
    draw(loaded, make_environment(templates), static_assets(templates), files.append)
    return files


def _discard(item: RenderedFile) -> None:
    """`check`'s sink: each file drawn, then let go."""


def _checked_templates(options: BuildOptions) -> Path:
    """The site's templates/ folder, refusing symlinks that lead out of it."""
    templates = options.site / TEMPLATES_DIR
    if templates.is_dir() or templates.is_symlink():
        site_files(options.site, TEMPLATES_DIR)
    return templates


def check(options: BuildOptions) -> Loaded:
    """Everything a build does but write: the build's own flow (`_build_fast`),
    workers and all, with a sink that keeps nothing and no cache; so a template
    error fails `check` as it fails `build`."""
    try:
        _checked_templates(options)
    except ContentError:  # as the plain build reports it: the content's problems first
        loaded = load_site(options)
        render(options, loaded)
        return loaded
    templates = options.site / TEMPLATES_DIR
    with spill_folder(None) as spill:
        loaded, batch = load_articles(options, Stream(None, spill), None)
        env = make_environment(templates)
        draw(loaded, env, static_assets(templates), _discard, _not_in(batch.staged))
    return loaded


def build(options: BuildOptions, stamp: Stamp | None = None) -> Built:
    """Build the site into the output folder; the old output stays on any error.

    The output is checked and locked first, so a bad `-o` or a second build
    fails at once, before any work. The stamp (see `build.unchanged`), taken before any
    input is read, is recorded once the output is written; the command line
    passes the one it already took to see whether there was anything to do.

    The exit status matches what is on disk: an OS error (a full disk, say)
    before the new build is swapped in fails the build, and the old output
    stays; once it is in place, a cache or stamp that could not be saved is
    a warning (see `_with_cache_warning`).
    """
    check_output_dir(options.output, options.site)
    cache = options.site / CACHE_DIR
    if options.cache and not cache.is_dir() and (cache.is_symlink() or cache.exists()):
        return _without_cache(options, cache)
    with build_lock(options.output):
        unsaved: list[str] = []  # what could not be saved once the new build was in place
        before: Signatures = {}
        seen: Seen | None = None
        try:
            recover(options.output)
            if options.cache:
                stamp = stamp or Stamp(options)
                before = stamp.content.signatures
                index = options.site / CACHE_DIR / INDEX_FILE
                walked = stamp.content
                files = None if walked.problems else walked.files
                seen = Seen(before, stamp.settled_before_ns, index, files)
            else:  # the cache is left alone: its stamp names another output folder
                stamp = None
                before = content_signatures(options.site).signatures
                if options.jobs == 1:
                    return _report(_build_simply(options, before))
            with without_cycle_collection():
                loaded = _build_fast(options, before, unsaved, seen)
            built = _report(loaded)
        except OSError as exc:  # before the swap: the previous build is in place
            raise disk_error(options.output, exc) from exc
        except OutputError:
            raise  # the output could not be written: not something a half-read file explains
        except ContentError:
            check_not_rewritten(options.site, before)  # a file read half-saved explains them
            raise
        if any(p.message.startswith(NO_INDEX) for p in built.warnings):
            forget_stamp(options)  # the next build must try the indexer again, changed or not
        elif stamp is not None:
            try:
                stamp.record(built, _valid_until(options, loaded))
            except OSError as exc:
                unsaved.append(exc.strerror or str(exc))
        return _with_cache_warning(built, options.site, unsaved)


def _without_cache(options: BuildOptions, cache: Path) -> Built:
    """The build as `--no-cache` makes it, when the cache folder's name is taken by a
    file (or a link to none): the cache only saves time, so it never fails a build,
    and the file is left as it is (it may be someone's), with a warning."""
    built = build(replace(options, cache=False))
    warning = Problem(
        Location(str(cache)),
        "not a folder, so the build cache was not used; "
        "the build is complete: remove this file to let builds reuse their work",
    )
    return Built(built.briefings, (*built.warnings, warning))


def _with_cache_warning(built: Built, site: Path, unsaved: list[str]) -> Built:
    """The build succeeded, so a cache that could not be saved is a warning, not a failure."""
    if not unsaved:
        return built
    warning = Problem(
        Location(str(site / CACHE_DIR)),
        f"the build cache was not saved ({unsaved[0]}); "
        "the build is complete, the next one redoes the work",
    )
    return Built(built.briefings, (*built.warnings, warning))


def _report(loaded: Loaded) -> Built:
    return Built(len(loaded.site.briefings), loaded.warnings)


def _valid_until(options: BuildOptions, loaded: Loaded) -> datetime:
    """The first instant at which this build's output may change with the clock alone."""
    exact = templates_show_clock(options.site / TEMPLATES_DIR)
    dates = (a.briefing.meta.date for a in loaded.articles if a.briefing.meta.date)
    return until(loaded.site, dates, exact)


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off the loaded briefings, then restore it.

    A build holds every briefing in memory (millions of small objects). The
    collector is paused while they are read (each automatic collection would
    walk them all: about 40% of a no-change rebuild of 10,000 articles), then
    they are frozen out of its sight, and it runs again for the rendering,
    whose temporary objects do form cycles.
    """
    was_enabled, threshold = gc.isenabled(), gc.get_threshold()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        # Loading turns it back on (`_collector_back_on`): leave it as the caller had it.
        (gc.enable if was_enabled else gc.disable)()


# After loading, the youngest generation is collected once this many objects are
# made, not Python's 700: the drawing and writing make tens of thousands of
# objects that live to the end (page keys, the manifest's entries, the index's
# records), and at 700 a one-edit rebuild at 10,000 briefings ran ~480
# collections (three of them whole) that found nothing, 0.1-0.3 s. Garbage
# cycles are still collected, after at most this many objects.
YOUNG_OBJECTS = 20_000


def _collector_back_on() -> None:
    """After loading: hide what is loaded from the collector and let it run again,
    less often (`YOUNG_OBJECTS`)."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, middle, old)
    gc.enable()


def _build_fast(
    options: BuildOptions, before: Signatures, unsaved: list[str], seen: Seen | None = None
) -> Loaded:
    """The build over worker processes, streaming, with the cache and changed-only writes.

    Workers write their briefings' own files into the staging folder and park
    their cache records in a spill folder (see `build.batch`); this process
    draws the rest from what they hand back, file by file into the staging
    folder, so no process holds the site's pages. With `seen` (the content
    walk taken before reading), unchanged articles are found through the site
    index and stay lazy (see `build.site_index`). What cannot be saved after
    the new build is swapped in (the manifest, the cache pack, the site
    index) is added to `unsaved`, for a warning: the build itself stands.
    """
    try:
        _checked_templates(options)
    except ContentError:  # no worker may read them: report as the plain build does
        return _build_simply(options, before)
    cache = options.site / CACHE_DIR
    spill_in = cache if options.cache else None  # --no-cache leaves nothing in the site
    manifest = manifest_path(options.site, options.output)
    read = read_manifest(manifest) if options.cache else Manifest()
    # The output checked against its manifest while the articles load (`spare_check`).
    spare = SpareCheck(manifest, options.output, read) if options.cache else None
    with staging(options.output, read.hashes, spare) as stage, spill_folder(spill_in) as spill:
        compiled = cache / TEMPLATE_CACHE if options.cache else None
        store = Store(cache / "build.pack") if options.cache else None
        if store is not None:
            store.spill_into(spill)
        previous_build = options.output if options.output.is_dir() else None  # none: no links
        stream = Stream(stage.folder, spill, compiled, previous=previous_build)
        loaded, batch = load_articles(options, stream, store, seen)
        for page in batch.staged.values():
            stage.add(page.path, page.sha256)
        _collector_back_on()
        assert batch.templates is not None
        # The bytes the page keys hash are those drawn (`deps.TemplateKeys`).
        env = make_environment(options.site / TEMPLATES_DIR, batch.templates.files)
        if store is None:
            return _draw_without_cache(options, loaded, batch, stage, env, before)
        env.bytecode_cache = template_cache(cache / TEMPLATE_CACHE)
        make_folder(cache)
        files = {path: sig for path, sig in before.items() if path not in batch.unread}
        draw = _Drawing(options, store, env, files, manifest, unsaved, stage, _facts(batch), read)
        try:  # a page whose key is the one the output recorded is kept, not drawn
            loaded = draw(loaded, PageCache(batch, store, read.keys, stage.write))
        except (NotKept, PageGone):  # the output was touched during this build, and the
            stage.keep_only(batch.staged)  # cache lost a kept page: draw all
            loaded = draw(loaded, PageCache(batch, store, None, stage.write))
        try:
            with cache_lock(cache):  # a build into another folder may share it
                store.save()
                if seen is not None:
                    batch.save_index(seen)
        except OSError as exc:
            unsaved.append(exc.strerror or str(exc))
        return loaded


def _first_in_site_order(options: BuildOptions, loaded: Loaded, met: list[Problem]) -> ContentError:
    """Workers met template errors in file order: name the one the one-process
    build meets first, in the site's order (drawn again to find it), in the
    worker's words where one met the same line."""
    try:
        render(options, loaded)
    except ContentError as exc:
        first = exc.problems[0]
        return _with_broken([p for p in met if p.location == first.location][:1] or [first], loaded)
    return _with_broken(met[:1], loaded)


def _draw_without_cache(
    options: BuildOptions,
    loaded: Loaded,
    batch: Batch,
    stage: Staging,
    env: Environment,
    before: Signatures,
) -> Loaded:
    """What the workers did not write, drawn into the staging folder, which is swapped in."""
    facts = _facts(batch)
    indexing = _Indexing(lambda: lambda: with_search(options, loaded, stage, facts=facts))
    templates = options.site / TEMPLATES_DIR
    with indexing:
        assets = static_assets(templates)
        draw(loaded, env, assets, stage.write, _not_in(batch.staged), indexing.start)
        check_not_rewritten(options.site, before)
        loaded = indexing.result()
    swap_in(stage, options.site)
    return loaded


def _not_in(staged: Mapping[str, object]) -> PageFilter:
    """The renderer's filter for a build without cache: all but what workers wrote."""

    def wanted(path: str, template: str, source: PageSource) -> bool:
        return path not in staged

    return wanted


def _facts(batch: Batch) -> dict[str, PageFacts]:
    """What the search index takes from each page workers wrote, by path."""
    return {path: page.facts for path, page in batch.staged.items() if page.facts is not None}


@dataclass(frozen=True)
class _Drawing:
    """Render what the page cache cannot give, index, and write only what changed."""

    options: BuildOptions
    store: Store
    env: Environment
    before: Signatures  # of the files read (`check_not_rewritten`)
    manifest: Path
    unsaved: list[str]  # what could not be recorded once the build was in place
    stage: Staging
    facts: dict[str, PageFacts]  # of the pages workers wrote, by path
    read: Manifest  # the output's manifest as this build read it at its start

    def __call__(self, loaded: Loaded, reuse: PageCache) -> Loaded:
        """The build written, kept pages left in place (`writer.write_changed`); raises
        `NotKept` or `PageGone` when a kept page's bytes are lost and must be drawn."""
        options, templates = self.options, self.options.site / TEMPLATES_DIR
        search = options.site / CACHE_DIR / SEARCH_CACHE
        fetch: Fetch = self.store.get

        made: list[Known] = []

        def prepare() -> Callable[[], Loaded]:
            made.append(Known(dict(reuse.keys), dict(reuse.kept), fetch, reuse.recorded))
            return lambda: with_search(options, loaded, self.stage, search, made[0], self.facts)

        indexing = _Indexing(prepare)
        with indexing:
            assets = static_assets(templates)
            draw(loaded, self.env, assets, self.stage.write, reuse, indexing.start)
            check_not_rewritten(options.site, self.before)
            loaded = indexing.result()
        index = made[0].index if made else None
        if index is not None:  # its files left in place are kept like pages
            reuse.keys.update(index.keys)
            reuse.kept.update(index.kept)
            fetch = _either(index.fetch, fetch)
        try:
            write_changed(
                self.stage, options.site, self.manifest, reuse.keys, reuse.kept, fetch, self.read
            )
        except NotRecorded as exc:
            self.unsaved.append(exc.reason)
        return loaded


def _either(first: Fetch, then: Fetch) -> Fetch:
    return lambda key: first(key) or then(key)


class _Indexing:
    """The search index, made in a thread once every briefing page is in the staging
    folder (`start`, which the renderer calls), so Pagefind indexes while this process
    draws the listings. `prepare` runs in this thread at the start and gives what the
    thread runs, with what it needs copied as it is then (the listings add to the
    page keys meanwhile). The block waits for the thread however it ends.
    """

    def __init__(self, prepare: Callable[[], Callable[[], Loaded]]) -> None:
        self._prepare = prepare
        self._pool: ThreadPoolExecutor | None = None
        self._future: Future[Loaded] | None = None

    def start(self) -> None:
        if self._future is None:
            run = self._prepare()
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="briefing-search")
            self._future = self._pool.submit(run)

    def result(self) -> Loaded:
        self.start()
        assert self._future is not None
        return self._future.result()

    def __enter__(self) -> _Indexing:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)


def _build_simply(options: BuildOptions, before: Signatures) -> Loaded:
    """The reference build: one process, no cache, every file written."""
    loaded = load_site(options)
    files = render(options, loaded)
    check_not_rewritten(options.site, before)
    with staging(options.output) as stage:
        for item in files:
            stage.write(item)
        del files
        loaded = with_search(options, loaded, stage)
        swap_in(stage, options.site)
    return loaded


# A save written in pieces pauses between them for less than this (editors flush
# within milliseconds); a file changed more recently is looked at again after it.
SETTLE_NS = 100_000_000


def check_not_rewritten(site: Path, before: Signatures) -> None:
    """Refuse a build during which an article was rewritten in place.

    `before` are the files' signatures taken before any was read. A file
    replaced whole (a new inode: how most editors save) was read old or new,
    either one complete; but one rewritten in place may have been read half
    old, half new. So the build stops before writing, and the next one reads
    the file again (the stamp, taken before, cannot match it). A file changed
    less than SETTLE_NS ago is looked at again once that has passed, so a
    build quicker than a writer's pause still sees the rest of the save.
    Only the files in `before` are looked at: a file the build never read
    (the site index vouched for it) cannot have been read half-saved, and
    one edit then costs a stat or two, not a walk of content/.
    """
    after = _signatures_now(site, before)
    changed_last = max((sig[1] for sig in after.values()), default=0)  # ctime_ns
    unsettled = SETTLE_NS - (time.time_ns() - changed_last)
    if unsettled > 0:  # a save may still be under way: let it pause and go on, then look again
        time.sleep(unsettled / 1e9)
        after = _signatures_now(site, before)
    problems = ProblemList()
    for path, old in before.items():
        new = after.get(path)
        if new is not None and new != old and new[3] == old[3]:
            problems.add(
                Location(path),
                "the file was rewritten while the build read it; "
                "the previous build is unchanged: build again",
            )
    problems.raise_if_any()


def _signatures_now(site: Path, before: Signatures) -> Signatures:
    """The signatures of the files in `before` that are still there (as the walk
    takes them: a symlinked file by its target)."""
    found: Signatures = {}
    root = os.fspath(site) + "/"
    for path in before:
        try:
            found[path] = signature(os.stat(root + path))
        except (OSError, ValueError):
            continue
    return found


def with_search(
    options: BuildOptions,
    loaded: Loaded,
    stage: Staging,
    cache: Path | None = None,
    kept: Known | None = None,
    facts: Mapping[str, PageFacts] | None = None,
) -> Loaded:
    """The search index of the published briefing pages, written into `stage`.

    Only the briefings the site publishes are indexed: drafts and held-back
    articles only in a `--drafts` preview, which says so. An indexer that is
    missing or fails is a warning naming it and why; the site is built anyway.
    Pages drawn by this build are read back from the staging folder, and
    `facts` are those workers found of theirs. With `cache` and `kept` (the pages'
    keys, those kept in place, and how to fetch a page by its key: see `PageCache`),
    pages kept in place are indexed by their recorded facts (`search_pages`).
    """
    if not loaded.config.search:
        return loaded
    paths = {briefing_path(b.meta.slug) for b in loaded.site.briefings}
    book = FactsFile(cache / FACTS_FILE) if cache is not None and kept is not None else None
    pages = _search_pages(stage, paths, kept, book, facts or {})
    workers = 1 if options.jobs == 1 else min(2, os.cpu_count() or 1)  # small processes, 2 at most
    written: list[str] = []  # each shard's files go into the stage as soon as they are made

    def sink(item: RenderedFile) -> None:
        stage.write(item)
        written.append(item.path)

    size = loaded.config.search_shard_size
    memo = cache / MEMO_FILE if book is not None and cache is not None else None
    recorded = kept.recorded if kept is not None else None
    index = index_pages(
        pages, cache, shard_size=size, workers=workers, sink=sink, memo=memo, recorded=recorded
    )
    if book is not None and kept is not None:
        book.save(kept.keys.values())  # (the facts of pages not asked for are still good)
    if kept is not None and not index.problem:
        kept.index = index
    warnings = list(loaded.warnings)
    if index.problem:
        stage.remove(written)  # a site without search, as if none had been written
        warnings.append(
            Problem(
                index.where,
                f"{NO_INDEX}: {index.problem}; the rest of the site is built "
                "and its search page says search is unavailable",
            )
        )
    hidden = (  # (only a preview shows any: not a pass over the site on every build)
        [
            b
            for b in loaded.site.briefings
            if b.meta.draft or (b.meta.date or options.now) > options.now
        ]
        if options.drafts
        else []
    )
    if hidden and not index.problem:
        warnings.append(
            Problem(
                Location(f"{options.output}/{INDEX_DIR}"),
                f"--drafts: the search index includes {len(hidden)} draft or scheduled "
                "briefing(s); a build without --drafts never indexes them",
            )
        )
    return replace(loaded, warnings=tuple(warnings))


def _search_pages(
    stage: Staging,
    paths: set[str],
    kept: Known | None,
    facts: FactsFile | None,
    known: Mapping[str, PageFacts],
) -> list[SearchPage]:
    """The pages at `paths` in path order (Pagefind's output depends on the order pages
    arrive in): kept ones through `search_pages`, the rest read from the staging folder."""
    if facts is None or kept is None:
        return [_staged_page(stage, path, known.get(path)) for path in sorted(paths)]
    return pages_to_index(paths, kept.keys, kept.kept, kept.fetch, facts, stage.read, known)


def _staged_page(stage: Staging, path: str, facts: PageFacts | None) -> SearchPage:
    """A page of the staging folder, its bytes read when its shard is indexed."""
    return SearchPage(path, facts or PageFacts.of(stage.read(path)), partial(stage.read, path))
