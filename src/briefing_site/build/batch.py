"""Every article through assemble: over worker processes, reusing the build cache.

Each article's work is pure, so it is done once per distinct input: results
are cached by a key that hashes the article's bytes, the site config and the
tool's own code, and what is left is spread over the CPUs. `run_batch` is how
`build`, `check` and `serve` all find what changed since the last build: an
article the last build knew with the same files (the site index on disk, or
`serve`'s articles held in memory: `build.held`) is taken as it was.

Streaming (`Settings.stream`): a worker also renders the briefing's own files
(its page and calendar: they depend on no other briefing), writes them into
the build's staging folder, parks its cache records in the spill folder (see
`spill`), and hands back only what listings need: the article's head (its
sections' paragraphs stay parked till a topic page shows them). The caller draws the files made from many briefings (listings,
feeds, sitemap) from those, and reuses earlier builds' files through
`PageCache`. The results, in file order, are exactly what one process without
a cache makes (tests/test_speed_paths.py checks the bytes).
"""

from __future__ import annotations

import contextlib
import copyreg
import functools
import hashlib
import io
import itertools
import pickle
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from briefing_site.build.cache import (
    PageStore,
    Store,
    code_fingerprint,
    digest,
    template_cache,
)
from briefing_site.build.deps import TemplateKeys
from briefing_site.build.fragments import StoredFragments, encoded, fragments_base, record_key
from briefing_site.build.held import Built, Held, HeldIndex
from briefing_site.build.horizon import briefing_clock, clock_key, templates_show_clock
from briefing_site.build.lazy import (
    ArticleHead,
    Pool,
    fast_setstate,
    own_update,
    unchanged_article,
)
from briefing_site.build.parallel import MIN_ITEMS_PER_WORKER, ordered_results, worker_count
from briefing_site.build.search_pages import PageFacts
from briefing_site.build.site_index import Record, SiteIndex, trusted
from briefing_site.build.spill import Location as Parked
from briefing_site.build.spill import SpillReader, SpillWriter
from briefing_site.build.writer import link_same, write_file
from briefing_site.content.assemble import Assembled, Tools, assemble, with_clock
from briefing_site.content.lint import lint
from briefing_site.content.load import ArticleFiles, parse_article, read_bytes
from briefing_site.errors import ContentError, Problem
from briefing_site.model import (
    Block,
    Briefing,
    Countdown,
    Event,
    Location,
    Metadata,
    Paragraph,
    Person,
    Placement,
    RenderedFile,
    Section,
    Site,
    SiteConfig,
    Source,
    SourceArticle,
)
from briefing_site.output.extras import PageSource
from briefing_site.output.ics import event_calendar
from briefing_site.output.render import (
    TEMPLATE_HELPERS,
    listing_fragments,
    prepare,
    render_briefing,
)
from briefing_site.output.theme import TemplateFiles, make_environment, theme_dir
from briefing_site.output.urls import calendar_path
from briefing_site.progress import ProgressFn
from briefing_site.walk import Signature

Linter = Callable[[SourceArticle, Briefing, SiteConfig], list[Problem]]
CHANGED_WHILE_READ = (
    "the file changed while the build read it; the previous build is unchanged: build again"
)


@dataclass(frozen=True)
class Stream:
    """Where workers put what they make (see the module's docstring).

    `page_base` is `Batch.page_base` when there is a build cache (pages are
    keyed and parked for it), else None; `run_batch` fills it in.
    """

    staging: Path | None  # the new build's folder (None: `check`, which writes nothing)
    spill: Path  # for the cache records and what the main process reads back
    template_cache: Path | None = None  # compiled templates (see `cache.template_cache`)
    page_base: bytes | None = None
    template_keys: dict[str, bytes] = field(default_factory=dict)  # `deps.TemplateKeys`
    template_files: dict[str, bytes | None] = field(default_factory=dict)  # the keys' bytes
    article_base: bytes = b""  # `Keys.base`, so a worker keys what it reads as the build did
    previous: Path | None = None  # the output folder: a page drawn the same is linked from it


@dataclass(frozen=True)
class Settings:
    """What every article's work depends on besides the article itself."""

    root: Path
    config: SiteConfig
    now: datetime
    drafts: bool
    templates: Path
    stream: Stream | None = None


@dataclass(frozen=True, slots=True)
class Staged:
    """A file a worker wrote into the staging folder: what the manifest, the
    cache and the search index need of it, without its bytes."""

    path: str
    sha256: str  # hex, as the output manifest records it
    key: bytes | None = None  # its page key (with a build cache)
    parked: Parked | None = None  # its bytes, for the build cache
    facts: PageFacts | None = None  # for the search index (briefing pages)


@dataclass(frozen=True)
class Seen:
    """The content walk taken before any article was read, for the site index.

    A file changed at or after `settled_before_ns` is recorded without its
    signature, so the next build reads it again (see `build.site_index`).
    """

    signatures: dict[str, Signature]
    settled_before_ns: int
    index: Path  # where the site index is kept
    files: list[str] | None = None  # the walk's files, when it met no problem: not walked again


@dataclass(frozen=True)
class Batch:
    """Assembled articles in file order, their problems, and their cache keys.

    `page_base` hashes what every output file may depend on besides the
    briefings it is made from and its templates (`templates`): the tool's code
    and theme, the config, the clock as the pages show it (`horizon.clock_key`)
    and `--drafts`.
    Articles the site index vouches for are lazy (see `build.lazy`); `heads`
    holds their `ArticleHead`, and `files` every article's files, for the next index.
    """

    articles: list[tuple[SourceArticle, Assembled]]
    problems: list[Problem]
    keys: list[bytes]
    page_base: bytes
    now: datetime
    files: list[ArticleFiles] = field(default_factory=list)
    heads: dict[int, ArticleHead] = field(default_factory=dict)  # by position in `articles`
    index: SiteIndex | None = None
    staged: dict[str, Staged] = field(default_factory=dict)  # by path: what workers wrote
    render_problems: list[Problem] = field(default_factory=list)  # template errors, file order
    templates: TemplateKeys | None = None  # each page template's key (needed to key pages)
    unread: set[str] = field(default_factory=set)  # files the site index vouched for, not read
    _warnings: dict[int, tuple[Problem, ...]] = field(default_factory=dict)

    def linter(self, lint: Linter) -> Linter:
        """`lint`, answered from the index for an unchanged article, remembered for the next."""
        recorded = {id(self.articles[i][0]): head for i, head in self.heads.items()}

        def linted(article: SourceArticle, briefing: Briefing, config: SiteConfig) -> list[Problem]:
            head = recorded.get(id(article))
            if head is not None and head.warnings is not None:
                return list(head.warnings)
            found = lint(article, briefing, config)
            self._warnings[id(article)] = tuple(found)
            return found

        return linted

    def recorded(self) -> Iterator[Built]:
        """Each assembled article as an index records it: its files, key and head
        (with the warnings this build found), and the article itself."""
        for i, (whole, key, files) in enumerate(
            zip(self.articles, self.keys, self.files, strict=True)
        ):
            article, assembled = whole
            head = self.heads.get(i) or ArticleHead.of(article, assembled.briefing)
            if id(article) in self._warnings:
                head = replace(head, warnings=self._warnings[id(article)])
            head = head.with_countdown(assembled.briefing.countdown, self.now)
            yield files, key, head, whole

    def save_index(self, seen: Seen) -> None:
        """Record every assembled article for the next build (under the cache lock)."""
        if self.index is None:
            return
        records: dict[str, Record] = {}
        loaded = self.index.records
        for files, key, head, _ in self.recorded():
            signatures = trusted(files, seen.signatures, seen.settled_before_ns)
            old = loaded.get(files.article)
            if (
                old is not None
                and old.head is head
                and old.signatures == signatures
                and old.key == key
                and old.files == files
            ):  # the very record loaded: not made again, and `save` sees it unchanged at once
                records[files.article] = old
            else:
                records[files.article] = Record(files, signatures, key, head)
        self.index.save(seen.index, records)


@dataclass(frozen=True)
class _Job:
    """One article to assemble: its bytes, or (streaming) only its key, for the
    worker reads the files itself and checks they are the ones keyed."""

    files: ArticleFiles
    data: bytes | None
    sidecar: bytes | None
    key: bytes = b""


@dataclass(frozen=True, slots=True)
class _Made:
    """A streamed article: all the main process gets back of it."""

    files: ArticleFiles
    key: bytes
    head: ArticleHead
    record: Parked | None  # the pickled (article, assembled) in the spill folder (None: not)
    sections: tuple[Section, ...] | None  # whole when `record` could not be parked, else None
    pages: tuple[Staged, ...]  # its files, written into the staging folder
    render_problems: tuple[Problem, ...] = ()
    listed: tuple[bytes, Parked | None] | None = None  # its listing fragments' record, parked


@dataclass(frozen=True, slots=True)
class _Done:
    assembled: bytes | None  # pickled, for the build cache
    problems: tuple[Problem, ...] = ()
    made: _Made | None = None
    whole: tuple[SourceArticle, Assembled] | None = None  # as made, when nothing caches it


def run_batch(
    found: list[ArticleFiles],
    settings: Settings,
    store: Store | None,
    jobs: int,
    progress: ProgressFn | None = None,
    seen: Seen | None = None,
    held: HeldIndex | None = None,
    keys: Keys | None = None,
) -> Batch:
    """Assemble every article, from the cache where its key is known.

    This is how `build`, `check` and `serve` all find what changed and assemble
    it. With `seen` (and a store), an article whose files the site index
    recorded just as they are now is neither read nor unpickled: it comes
    back lazy. With `held` (`serve`'s index in memory: see `build.held`), an
    article held unchanged comes back as the very objects of the last build.
    `keys` are `Keys(settings)`, made by the caller when it keeps them across
    builds. `progress` is told (done, total) as the results are unpacked, in file order.
    """
    keys = keys or Keys(settings)
    if settings.stream is not None:
        page_base = keys.page_base if store is not None else None
        templated = {}
        if store is not None:  # workers draw from the bytes these keys hash (see `deps`)
            drawn = ("briefing.html", "", *TEMPLATE_HELPERS.values())
            templated = {name: keys.templates(name) for name in drawn}
        stream = replace(
            settings.stream,
            page_base=page_base,
            template_keys=templated,
            template_files=keys.templates.files.known(),
            article_base=keys.base,
        )
        settings = replace(settings, stream=stream)
    problems: dict[int, list[Problem]] = {}
    done: dict[int, _Done | Record | Held] = {}
    todo: list[tuple[int, _Job]] = []
    article_keys: dict[int, bytes] = {}
    site_index = SiteIndex.load(seen.index, keys.base) if store and seen and held is None else None
    last = _Last(site_index, seen, held, store)
    unchanged = last.unchanged if held is None else held.reusable  # one call less for `serve`
    if held is not None:
        held.under(keys.base, settings.now)
    unread: set[str] = set()
    to_read: list[tuple[int, ArticleFiles]] = []
    # Nothing to look an article up in (a cold build): workers read and key each
    # one themselves, and this process reads none (at 10,000 briefings, ~0.5 s).
    unkeyed = settings.stream is not None and last.knows_nothing()
    for index, files in enumerate(found):
        record = unchanged(files)
        if record is not None:
            done[index] = record
            article_keys[index] = record.key
            unread.add(files.article)
            if files.sidecar is not None:
                unread.add(files.sidecar)
        else:
            to_read.append((index, files))

    def reading() -> Iterator[_Job]:
        """Each article to assemble, read and keyed as the workers take the first ones
        (they start on the first chunk, not once every article is read)."""
        for index, files in to_read:
            if unkeyed:
                job = _Job(files, None, None)
                todo.append((index, job))
                yield job
                continue
            try:
                data, sidecar = read_bytes(settings.root, files)
            except ContentError as exc:
                problems[index] = exc.problems
                continue
            key = article_keys[index] = keys.article(files, data, sidecar)
            known = last.same(files, key)
            if known is not None:  # read again, found the same
                done[index] = known
                continue
            cached = store.get(key) if store else None
            if cached is not None:
                done[index] = _Done(cached)
                continue
            given = settings.stream is None  # streaming, the worker reads it again: no copy here
            job = _Job(files, data if given else None, sidecar if given else None, key)
            todo.append((index, job))
            yield job

    # As many jobs as the most workers need before any is worth starting, then the
    # rest as the workers go; articles found in the cache are no jobs, so a rebuild
    # that reads many but assembles a few does them here, without starting workers.
    # Results are taken as they come (`ordered_results`), never held in a list.
    whole = store is None and settings.stream is None  # nothing keeps it pickled
    setup = _Setup(settings, whole)
    pending = reading()
    enough = worker_count(jobs, sys.maxsize) * MIN_ITEMS_PER_WORKER
    first = list(itertools.islice(pending, enough))
    if len(first) < enough:  # that was all of them
        workers = worker_count(jobs, len(first))
        _compile_ahead(settings, workers)
        results = ordered_results(setup, first, workers)
    else:
        workers = worker_count(jobs, len(to_read))
        _compile_ahead(settings, workers)
        jobs_all = itertools.chain(first, pending)
        results = ordered_results(setup, jobs_all, workers, len(to_read))
    staged: dict[str, Staged] = {}
    pool = Pool()
    # Result k comes only once job k was taken from `reading()`, so `todo[k]` is there
    # (a zip would look at `todo` first, before the jobs are taken).
    # Closed on any error (a full disk in `put`, say): the jobs not started are
    # cancelled and the workers stop before the staging folder is cleared.
    with contextlib.closing(results):
        for position, result in enumerate(results):
            index = todo[position][0]
            if result.made is not None:  # (the worker's key: the same, or the only one)
                article_keys[index] = result.made.key
            if store and result.assembled is not None:
                store.put(article_keys[index], result.assembled)
            if result.made is not None:
                _adopt(result.made, store, staged, pool, found[index])
            done[index] = result
    spilled = _Spilled(SpillReader(settings.stream.spill), settings) if settings.stream else None
    collected = _collect(len(found), done, problems, settings, store, progress, spilled)
    articles, found_problems, used = collected
    ordered = [article_keys[i] for i in used]
    records = {
        i: found_record
        for i, found_record in done.items()
        if isinstance(found_record, (Record, Held))
    }
    heads = {position: records[i].head for position, i in enumerate(used) if i in records}
    streamed = {i: result.made for i, result in done.items() if isinstance(result, _Done)}
    render_problems: list[Problem] = []
    for position, i in enumerate(used):
        made = streamed.get(i)
        if made is not None:
            heads[position] = made.head
            render_problems += made.render_problems
    return Batch(
        articles,
        found_problems,
        ordered,
        keys.page_base,
        settings.now,
        [found[i] for i in used],
        heads,
        site_index,
        staged,
        render_problems,
        keys.templates,
        unread=unread,
    )


@dataclass(frozen=True)
class _Last:
    """What the last build knew of each article: the site index on disk (with the
    build cache holding its results) or, in `serve`, the articles held in memory."""

    index: SiteIndex | None
    seen: Seen | None
    held: HeldIndex | None
    store: Store | None

    def knows_nothing(self) -> bool:
        """Whether no article can be found as last built: no index records, no cache."""
        if self.held is not None:
            return False
        return (self.index is None or not self.index.records) and (
            self.store is None or self.store.empty
        )

    def unchanged(self, files: ArticleFiles) -> Record | Held | None:
        """The article as last built, when its files are unchanged by stat alone."""
        if self.held is not None:
            return self.held.reusable(files)
        if self.index is None or self.seen is None or self.store is None:
            return None
        record = self.index.reusable(files, self.seen.signatures)
        return record if record is not None and self.store.keep(record.key) else None

    def same(self, files: ArticleFiles, key: bytes) -> Record | Held | None:
        """The article as last built, when its files, read again, have the key it had."""
        if self.held is not None:
            return self.held.same(files, key)
        if self.index is None or self.store is None:
            return None
        known = self.index.same(files, key)
        return known if known is not None and self.store.keep(key) else None


def _adopt(
    made: _Made, store: Store | None, staged: dict[str, Staged], pool: Pool, files: ArticleFiles
) -> None:
    """Take a streamed article's parked records into the store, its files into `staged`;
    the article kept as this process keeps it (its head sharing what others repeat, and
    its files this process's own `files`, the same paths: one copy of each string).

    In place (`lazy.own_update`): a worker's result is this process's own, held by
    nothing else yet, and its pages and fragments are let go once taken."""
    if store is not None:
        store.adopt(made.key, made.record)
    for page in made.pages:
        if page.facts is not None:
            own_update(page.facts, sorts=tuple(map(pool.pair, page.facts.sorts)))
        staged[page.path] = page
        if store is not None and page.key is not None:
            store.adopt(page.key, page.parked)
    if store is not None and made.listed is not None:
        store.adopt(*made.listed)
    made.head.share(pool, files.article)
    own_update(made, files=files, pages=(), listed=None)


def _collect(
    count: int,
    done: dict[int, _Done | Record | Held],
    problems: dict[int, list[Problem]],
    settings: Settings,
    store: Store | None,
    progress: ProgressFn | None,
    spilled: _Spilled | None = None,
) -> tuple[list[tuple[SourceArticle, Assembled]], list[Problem], list[int]]:
    """Unpack the results in file order, as one process would have made them."""
    articles: list[tuple[SourceArticle, Assembled]] = []
    found_problems: list[Problem] = []
    used: list[int] = []
    for index in range(count):
        found_problems += problems.get(index, [])
        result = done.get(index)
        if result is None:
            continue
        if isinstance(result, _Done):
            found_problems += result.problems
        if isinstance(result, Held):  # the very objects of the last build
            article: tuple[SourceArticle, Assembled] | None = result.article
        else:
            article = _unpacked(result, settings, store, spilled)
        if article is None:
            continue
        articles.append(article)
        used.append(index)
        if progress:
            progress(index + 1, count)
    return articles, found_problems, used


def _unpacked(
    result: _Done | Record | Held,
    settings: Settings,
    store: Store | None,
    spilled: _Spilled | None,
) -> tuple[SourceArticle, Assembled] | None:
    """One article as the pipeline takes it, None when it failed.

    A held article is the last build's very objects; one the site index vouched
    for, or a streamed one, comes back lazy (see `build.lazy`): its body is read
    back from the cache or the spill folder only if a page shows it (`_streamed`).
    """
    if isinstance(result, Held):
        return result.article
    if isinstance(result, Record):
        if store is None:
            return None  # never: a record is reused only with a store
        return unchanged_article(result.head, _Unpack(result, settings, store), settings.now)
    if result.made is not None and spilled is not None:
        return _streamed(result.made, spilled)
    if result.whole is not None:  # made under this clock
        return result.whole
    if result.assembled is None:
        return None
    article, made = pickle.loads(result.assembled)
    return article, with_clock(made, settings.now)


_LABELS = (int, str)  # a page's sources besides briefings: counts and titles
KeyMemo = dict[str, tuple[list[bytes], bytes]]  # path: the parts its key hashed, and the key


class PageCache:
    """Output files of earlier builds, reused when what they are made from is the same.

    The renderer asks about each file with its sources (`publish.PageSource`):
    one briefing, or a tuple of labels, counts and briefings. A file's key
    hashes its path, its template, `Batch.page_base`, and each source (a
    briefing by its article's cache key and what its card shows of the clock:
    `horizon.briefing_clock`). So an edit redraws its own page and
    calendar and only the listings, feeds and home page that show it; a file
    drawn from the whole site (source None) is always redrawn. This is the
    contract `serve` relies on too, and tests hold both to a clean build.

    A file whose key is the one the last build recorded for it (`recorded`,
    from the output's manifest) is not even fetched: it is `kept`, and the
    writer leaves the previous build's file in place (see `writer.write_changed`).
    A file the cache holds is handed to `sink` (the staging folder) at once; a
    file a worker already wrote there (`Batch.staged`) is only keyed. With a
    `memo` (`serve` keeps one across its builds), a key whose parts are those
    it was last made of is not hashed again: the same keys, for less work.
    """

    def __init__(
        self,
        batch: Batch,
        store: PageStore,
        recorded: dict[str, bytes] | None = None,
        sink: Callable[[RenderedFile], None] | None = None,
        memo: KeyMemo | None = None,
    ) -> None:
        self._memo = memo
        self._store = store
        self._sink = sink
        self._staged = batch.staged
        self._recorded = recorded or {}
        self.kept: dict[str, bytes] = {}  # path: key, of files left as the last build wrote them
        self._base = batch.page_base
        assert batch.templates is not None, "pages are keyed by their templates too"
        self._templates = batch.templates
        self._key_of = {
            id(assembled.briefing): briefing_source(key, assembled.briefing, batch.now)
            for (_, assembled), key in zip(batch.articles, batch.keys, strict=True)
        }
        self._keys: dict[str, bytes] = {}
        self._hits: dict[str, bytes] = {}
        self._heads: dict[str, tuple[bytes, bytes]] = {}  # template: its name's and its key
        self._prefixes: dict[str, bytes] = {}  # template: `template_prefix`
        # The listings' cards and topic entries, by the same keys and the site
        # templates the fragments are drawn with (see `build.fragments`).
        helpers = [self._templates(name) for name in sorted(TEMPLATE_HELPERS.values())]
        self.fragments = StoredFragments(store, fragments_base(self._base, helpers), self._key_of)
        if isinstance(store, Store):
            store.also_live(self.fragments.live_keys)

    def wanted(self, path: str, template: str, source: PageSource) -> bool:
        """The renderer's filter: False (skip it) when the cache holds this very file."""
        staged = self._staged.get(path)
        if staged is not None:  # a worker drew it into the staging folder
            if staged.key is not None:
                self._keys[staged.path] = staged.key  # its string, not the copy asked with
            return False
        key = self._key(path, template, source)
        if key is None:
            return True
        self._keys[path] = key
        if self._recorded.get(path) == key and self._store.keep(key):
            self.kept[path] = key
            return False
        data = self._store.get(key)
        if data is None:
            return True
        if self._sink is not None:
            self._sink(RenderedFile(path, data))
        else:
            self._hits[path] = data
        return False

    def _key(self, path: str, template: str, source: PageSource) -> bytes | None:
        if source is None:
            return None
        key_of = self._key_of
        if not isinstance(source, tuple):  # one briefing: its page, its calendar
            key = key_of.get(id(source))
            if key is None:
                return None  # nothing known to key it by: always redraw
            prefix = self._prefixes.get(template)  # the same for every page of a template
            if prefix is None:
                templated = self._templates(template)
                prefix = self._prefixes[template] = template_prefix(self._base, template, templated)
            return briefing_page_key(prefix, path, key)
        head = self._heads.get(template)  # the same for every page of a template
        if head is None:
            head = self._heads[template] = (template.encode(), self._templates(template))
        parts = [self._base, path.encode(), *head]
        for item in source:
            key = key_of.get(id(item))
            if key is not None:
                parts.append(key)
            elif isinstance(item, _LABELS):
                parts.append(repr(item).encode())
            else:  # nothing known to key it by: always redraw
                return None
        if self._memo is None:
            return digest(*parts)
        known = self._memo.get(path)
        if known is not None and known[0] == parts:
            return known[1]
        key = digest(*parts)
        self._memo[path] = (parts, key)
        return key

    def complete(self, rendered: list[RenderedFile]) -> list[RenderedFile]:
        """The rendered files plus those reused; the newly rendered go into the cache."""
        for item in rendered:
            self.drawn(item)
        return rendered + [RenderedFile(path, data) for path, data in self._hits.items()]

    def drawn(self, item: RenderedFile) -> None:
        """A file rendered anew: into the cache, under its key."""
        key = self._keys.get(item.path)
        if key is not None:
            self._store.put(key, item.data)

    @property
    def keys(self) -> dict[str, bytes]:
        """Every file's key, by path (files drawn from the whole site have none)."""
        return self._keys

    @property
    def recorded(self) -> dict[str, bytes]:
        """Each file's key as the last build recorded it (none: nothing is kept)."""
        return self._recorded


def briefing_source(key: bytes, briefing: Briefing, now: datetime) -> bytes:
    """What a page showing `briefing` is keyed by for it: its article's key (a SHA-256
    digest, 32 bytes, so nothing runs into what follows) and what of the clock it shows
    (`horizon.briefing_clock`). One hash: a rebuild makes one for every briefing."""
    return hashlib.sha256(key + briefing_clock(briefing, now)).digest()


def template_prefix(base: bytes, template: str, templated: bytes) -> bytes:
    """What every page drawn from one briefing with `template` is keyed by besides its
    path and the briefing (`briefing_page_key`): hashed once for all of them."""
    return digest(b"one briefing", base, template.encode(), templated)


def briefing_page_key(prefix: bytes, path: str, source: bytes) -> bytes:
    """The key of the page at `path` drawn from one briefing, whose key (with what its
    page shows of the clock) is `source`. One hash of the parts laid end to end: the
    prefix and the source are SHA-256 digests (32 bytes each), so the path is what lies
    between them and no two pages' parts run together. At 10,000 briefings a rebuild
    keys 20,000 such pages (each page and calendar): a third of what `digest` cost."""
    return hashlib.sha256(prefix + source + path.encode()).digest()


class Keys:
    """Cache keys: an article's hashes its inputs; its page's adds the clock, and each
    page's its templates (`templates`)."""

    def __init__(self, settings: Settings, files: TemplateFiles | None = None) -> None:
        config = repr(settings.config).encode()
        self.base = digest(b"article", code_fingerprint(), config)
        self.page_base = digest(
            b"page", code_fingerprint(), config,  # the theme is in the package
            clock_key(settings.now, templates_show_clock(settings.templates)),
            str(settings.drafts).encode(),
        )  # fmt: skip
        self.templates = TemplateKeys(settings.templates, files)

    def article(self, files: ArticleFiles, data: bytes, sidecar: bytes | None) -> bytes:
        return article_key(self.base, files, data, sidecar)


def key_bases(
    settings: Settings, files: TemplateFiles | None = None
) -> tuple[bytes, bytes, TemplateKeys]:
    """The article and page key bases and the template keys of a build under
    `settings` (`serve` keys with them), over the template `files` its pages are
    drawn from."""
    keys = Keys(settings, files)
    return keys.base, keys.page_base, keys.templates


def article_key(base: bytes, files: ArticleFiles, data: bytes, sidecar: bytes | None) -> bytes:
    """An article's cache key: `base` (the code and config) and its files' names and bytes."""
    names = f"{files.article}\0{files.sidecar}".encode()
    return digest(base, names, data, sidecar if sidecar is not None else b"\0none")


@functools.lru_cache(maxsize=1)
def tools_for(config: SiteConfig) -> Tools:
    """The tools for `config`, made once while it stays the same: `serve` assembles
    the one article an edit changed, and making them takes longer than that."""
    return Tools.for_config(config)


def _compile_ahead(settings: Settings, workers: int) -> None:
    """Compile the theme's templates the template cache lacks (a cold build, a new
    version, a template edited, a cache folder partly filled) into it here, once,
    before `workers` start: each then loads them (~3 ms) instead of compiling them
    (~50 ms a process), and so does this process when it draws the listings. Those
    the cache holds are only loaded. A site's own template of the same name is
    compiled in its place (as the workers would find it). One that fails to
    compile is left to the drawing, which reports it."""
    stream = settings.stream
    compiled = stream.template_cache if stream is not None else None
    if stream is None or compiled is None or workers <= 1:
        return
    cache = template_cache(compiled)
    if cache is None:
        return
    env = make_environment(
        settings.templates, TemplateFiles(settings.templates, stream.template_files)
    )
    env.bytecode_cache = cache
    prepare(env, Site(settings.config, settings.now))  # its filters: compiling checks them
    for name in sorted(found.name for found in theme_dir().glob("*.html")):
        with contextlib.suppress(Exception):
            env.get_template(name)


@dataclass(frozen=True)
class _Setup:
    """Builds a worker (picklable, so a worker process can build its own).

    With `whole`, the worker hands back the article as made, not pickled for the
    build cache (there is none): in this process, nothing is copied.
    """

    settings: Settings
    whole: bool = False

    def __call__(self) -> _Worker:
        return _Worker(self.settings, self.whole)


class _Worker:
    """Assembles one article at a time with this process's tools (and, streaming,
    renders and writes its files)."""

    def __init__(self, settings: Settings, whole: bool = False) -> None:
        self.settings, self.whole = settings, whole
        self.tools = tools_for(settings.config)
        self.pages = _Pages(settings, settings.stream) if settings.stream else None

    def __call__(self, job: _Job) -> _Done:
        try:
            data, sidecar, key = job.data, job.sidecar, job.key
            if data is None:
                data, sidecar, key = self._read(job)
            article = parse_article(job.files, data, sidecar)
            assembled = assemble(article, self.tools, self.settings.now)
        except ContentError as exc:
            return _Done(None, tuple(exc.problems))
        if self.pages is not None:
            return _Done(None, (), self.pages.make(job.files, key, article, assembled))
        if self.whole:
            return _Done(None, whole=(article, assembled))
        return _Done(pickled((article, assembled)))

    def _read(self, job: _Job) -> tuple[bytes, bytes | None, bytes]:
        """The article's bytes and key, as the main process keyed them (else
        ContentError); a job the main process did not key is keyed here."""
        data, sidecar = read_bytes(self.settings.root, job.files)
        base = self.settings.stream.article_base if self.settings.stream else b""
        key = article_key(base, job.files, data, sidecar)
        if job.key and key != job.key:
            raise ContentError.at(Location(job.files.article), CHANGED_WHILE_READ)
        return data, sidecar, key


class _Pages:
    """A worker's share of the output: each of its briefings' own files, written.

    Only a briefing readers get has files (drafts and held-back articles only
    with `--drafts`, as `pipeline._for_readers` decides); its warnings are
    lint's, asked for when the pipeline would ask (a draft's only when shown).
    """

    def __init__(self, settings: Settings, stream: Stream) -> None:
        self.settings, self.stream = settings, stream
        self.site = Site(settings.config, settings.now)
        files = TemplateFiles(settings.templates, stream.template_files)
        self.env = make_environment(settings.templates, files)
        if stream.template_cache is not None:
            self.env.bytecode_cache = template_cache(stream.template_cache)
        self.urls = prepare(self.env, self.site)
        self.spill = SpillWriter(stream.spill)  # cache records, framed by their keys
        self._prefixes: dict[str, bytes] = {}  # template: `template_prefix`, as `PageCache`'s
        self._fragments_base: bytes | None = None  # `fragments_base`, the same for every card

    def make(
        self, files: ArticleFiles, key: bytes, article: SourceArticle, assembled: Assembled
    ) -> _Made:
        briefing, settings = assembled.briefing, self.settings
        meta = briefing.meta
        shown = settings.drafts or not meta.draft
        published = shown and (settings.drafts or not (meta.date and meta.date > settings.now))
        warnings = tuple(lint(article, briefing, settings.config)) if shown else None
        head = ArticleHead.of(article, briefing, warnings)
        head = head.with_countdown(briefing.countdown, settings.now)  # not worked out twice
        record = self.spill.append(pickled((article, assembled)), key)
        pages: tuple[Staged, ...] = ()
        problems: tuple[Problem, ...] = ()
        listed = None
        if published:
            try:
                pages = self._files(key, briefing)
            except ContentError as exc:
                problems = tuple(exc.problems)
            listed = self._listed(key, briefing)
        # A topic page reads a section's paragraphs back from the record (see `_streamed`).
        sections = briefing.sections if record is None else None
        return _Made(files, key, head, record, sections, pages, problems, listed)

    def _listed(self, key: bytes, briefing: Briefing) -> tuple[bytes, Parked | None] | None:
        """The briefing's listing fragments (its cards and topic entries), drawn here,
        where its sections are in hand, and parked under the key the listings look
        them up by (`fragments.StoredFragments`); so the main process, drawing the
        listings alone, reads them instead of drawing them (and reading each
        section back). A template that fails here is left to the listings, which
        report it as a build without workers would."""
        base = self.stream.page_base
        if base is None:
            return None
        try:
            made = listing_fragments(self.env, briefing)
        except Exception:  # drawn again, and reported, by the listings
            return None
        shared = self._fragments_base  # the same for every briefing: hashed once
        if shared is None:
            keys = self.stream.template_keys
            helpers = [keys[name] for name in sorted(TEMPLATE_HELPERS.values())]
            shared = self._fragments_base = fragments_base(base, helpers)
        own = briefing_source(key, briefing, self.settings.now)
        found = record_key(shared, own)
        return found, self.spill.append(encoded(made), found)

    def _files(self, key: bytes, briefing: Briefing) -> tuple[Staged, ...]:
        made = [("briefing.html", render_briefing(self.env, self.urls, briefing))]
        if briefing.meta.event is not None:
            path = calendar_path(briefing.meta.slug)
            data = event_calendar(briefing, self.urls, self.site.today)
            made.append(("", RenderedFile(path, data)))
        base = self.stream.page_base
        source = briefing_source(key, briefing, self.settings.now) if base else b""
        staged = []
        written = self.stream.staging is not None
        for template, item in made:
            staging, previous = self.stream.staging, self.stream.previous
            if staging is not None and not (
                previous is not None and link_same(previous, staging, item.path, item.data)
            ):  # a page the last build wrote the same is linked, taking no room
                write_file(staging, item.path, item.data, fresh=True)
            facts = None
            if template == "briefing.html" and self.settings.config.search and written:
                facts = PageFacts.of(item.data)
            if base is None:
                sha = hashlib.sha256(item.data).hexdigest()
                staged.append(Staged(item.path, sha, facts=facts))
                continue
            prefix = self._prefixes.get(template)  # the same for every page of a template
            if prefix is None:
                templated = self.stream.template_keys[template]  # as `PageCache` keys it
                prefix = self._prefixes[template] = template_prefix(base, template, templated)
            page_key = briefing_page_key(prefix, item.path, source)
            parked = self.spill.append(item.data, page_key)
            # Parking hashed the bytes already (its checksum is their SHA-256): not twice.
            sha = (parked.checksum if parked else hashlib.sha256(item.data).digest()).hex()
            staged.append(Staged(item.path, sha, page_key, parked, facts))
        return tuple(staged)


def pickled(value: object) -> bytes:
    """`pickle.dumps(value)`, each of the model's slotted dataclasses as its field values.

    A worker pickles every article twice (its cache record, its sections), and
    `dataclasses`' own pickling looks the class's fields up for every object:
    two thirds of the time, on the ~40 objects of an article. Read back with
    `pickle.loads`, the same objects (`_remade`)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(value)
    return out.getvalue()


def _remade(cls: type[Any], state: tuple[object, ...]) -> object:
    """An object `pickled` took apart, as `dataclasses`' own unpickling makes it."""
    made = object.__new__(cls)
    fast_setstate(made, _FIELDS[cls], state)
    return made


_FIELDS: dict[type[Any], tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls))
    for cls in (
        *(Block, Countdown, Event, Location, Metadata),
        *(Paragraph, Person, Placement, Section, Source),
    )
}


def _reducer(cls: type[Any]) -> Callable[[Any], tuple[Callable[..., Any], tuple[Any, ...]]]:
    names = _FIELDS[cls]

    def reduce(value: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return _remade, (cls, tuple([getattr(value, name) for name in names]))

    return reduce


# copyreg's own table stays underneath: a Pickler's table replaces it, not adds to it.
_REDUCERS = {**copyreg.dispatch_table, **{cls: _reducer(cls) for cls in _FIELDS}}


def _streamed(made: _Made, spilled: _Spilled) -> tuple[SourceArticle, Assembled]:
    """A streamed article as the pipeline takes it: lazy but for its head, its sections'
    paragraphs read back from its record when a page shows them, never kept."""
    whole = _Parked(made.files, made.key, made.record, spilled)
    sections: tuple[Section, ...]
    if made.sections is None:
        load = _SectionLoader(whole)
        sections = tuple(
            ParkedSection.at(topic, title, load, index)
            for index, (topic, title) in enumerate(made.head.sections)
        )
    else:  # a worker could not park its record
        sections = made.sections
    return unchanged_article(made.head, whole, spilled.settings.now, sections)


class _Spilled:
    """The spill folder as this build's streamed articles read it back.

    It remembers the article last read whole for its sections (one briefing's):
    a feed reads each section of a briefing in turn.
    """

    def __init__(self, reader: SpillReader, settings: Settings) -> None:
        self.reader, self.settings = reader, settings
        self.last: tuple[_Parked, tuple[SourceArticle, Assembled]] | None = None

    def sections(self, whole: _Parked) -> tuple[Section, ...]:
        last = self.last
        if last is not None and last[0] is whole:
            return last[1][1].briefing.sections
        found = whole()
        self.last = (whole, found)
        return found[1].briefing.sections


class _SectionLoader:
    """A briefing's sections' paragraphs, read back with its record from the spill
    folder when asked, never kept: each is shown on one page of its topic, and only
    a page that is not drawn from the listing fragments the workers made reads them
    (a feed, a site's own topic template). The record is the one the build cache
    keeps, so a worker pickles and parks each article once."""

    __slots__ = ("whole",)

    def __init__(self, whole: _Parked) -> None:
        self.whole = whole

    def __call__(self, index: int) -> tuple[Block, ...]:
        return self.whole.spilled.sections(self.whole)[index].blocks


class _ParkedBlocks:
    """A non-data descriptor: `ParkedSection.blocks`, loaded each time it is read."""

    def __get__(self, instance: object, owner: type | None = None) -> object:
        if instance is None:
            return self
        return instance._load(instance._index)  # type: ignore[attr-defined]


class ParkedSection(Section):
    """A Section whose paragraphs stay in the spill folder until a page reads them."""

    __slots__ = ("_index", "_load")
    blocks = _ParkedBlocks()  # type: ignore[assignment]

    @classmethod
    def at(
        cls, topic: str, title: str, load: Callable[[int], tuple[Block, ...]], index: int
    ) -> ParkedSection:
        made = object.__new__(cls)
        object.__setattr__(made, "topic", topic)
        object.__setattr__(made, "title", title)
        object.__setattr__(made, "_load", load)
        object.__setattr__(made, "_index", index)
        return made


class _Parked:
    """Loads a streamed article whole from the spill folder, when a page needs its body;
    should the spill fail it, the article is read and assembled again here."""

    __slots__ = ("files", "key", "record", "spilled")

    def __init__(
        self, files: ArticleFiles, key: bytes, record: Parked | None, spilled: _Spilled
    ) -> None:
        self.files, self.key, self.record, self.spilled = files, key, record, spilled

    def __call__(self) -> tuple[SourceArticle, Assembled]:
        record = self.record
        payload = self.spilled.reader.read(record) if record is not None else None
        if payload is None:
            return _reassemble(self.files, self.key, self.spilled.settings)
        found: tuple[SourceArticle, Assembled] = pickle.loads(payload)
        return found


class _Unpack:
    """Loads an unchanged article whole, when a page first needs more than its head.

    From the build cache (`Store.keep` made sure the record was there); should
    the record prove damaged, the article is read and assembled again here.
    """

    def __init__(self, record: Record, settings: Settings, store: Store) -> None:
        self.record, self.settings, self.store = record, settings, store

    def __call__(self) -> tuple[SourceArticle, Assembled]:
        payload = self.store.get(self.record.key)
        if payload is None:
            return _reassemble(self.record.files, self.record.key, self.settings)
        found: tuple[SourceArticle, Assembled] = pickle.loads(payload)
        return found


def _reassemble(
    files: ArticleFiles, key: bytes, settings: Settings
) -> tuple[SourceArticle, Assembled]:
    """An article read and assembled again, when its cached result is lost."""
    data, sidecar = read_bytes(settings.root, files)
    if Keys(settings).article(files, data, sidecar) != key:
        # Saved since the build began: its page must not mix old head and new body.
        raise ContentError.at(Location(files.article), CHANGED_WHILE_READ)
    article = parse_article(files, data, sidecar)
    return article, assemble(article, Tools.for_config(settings.config), settings.now)
