"""Every article through assemble: over worker processes, reusing the build cache.

Each article's work is pure, so it is done once per distinct input: results
are cached by a key that hashes the article's bytes, the site config and the
tool's own code, and what is left is spread over the CPUs. Output files are
rendered by the caller with the whole site, and reused through `PageCache`.
The results, in file order, are exactly what one process without a cache
makes (tests/test_speed_paths.py checks the bytes).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from briefing_site.build.cache import Store, code_fingerprint, digest, tree_fingerprint
from briefing_site.build.horizon import briefing_clock, clock_key, templates_show_clock
from briefing_site.build.lazy import ArticleHead, unchanged_article
from briefing_site.build.parallel import ordered_map, worker_count
from briefing_site.build.site_index import Record, SiteIndex, trusted
from briefing_site.content.assemble import Assembled, Tools, assemble, with_clock
from briefing_site.content.load import ArticleFiles, parse_article, read_bytes
from briefing_site.errors import ContentError, Problem
from briefing_site.model import Briefing, Location, RenderedFile, SiteConfig, SourceArticle
from briefing_site.output.extras import PageSource
from briefing_site.progress import ProgressFn
from briefing_site.walk import Signature

Linter = Callable[[SourceArticle, Briefing, SiteConfig], list[Problem]]


@dataclass(frozen=True)
class Settings:
    """What every article's work depends on besides the article itself."""

    root: Path
    config: SiteConfig
    now: datetime
    drafts: bool
    templates: Path


@dataclass(frozen=True)
class Seen:
    """The content walk taken before any article was read, for the site index.

    A file changed at or after `settled_before_ns` is recorded without its
    signature, so the next build reads it again (see `build.site_index`).
    """

    signatures: dict[str, Signature]
    settled_before_ns: int
    index: Path  # where the site index is kept


@dataclass(frozen=True)
class Batch:
    """Assembled articles in file order, their problems, and their cache keys.

    `page_base` hashes what every output file may depend on besides the
    briefings it is made from: the tool's code, the config, the templates and
    theme, the clock as the pages show it (`horizon.clock_key`) and `--drafts`.
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

    def save_index(self, seen: Seen) -> None:
        """Record every assembled article for the next build (under the cache lock)."""
        if self.index is None:
            return
        records: dict[str, Record] = {}
        for i, ((article, assembled), key, files) in enumerate(
            zip(self.articles, self.keys, self.files, strict=True)
        ):
            head = self.heads.get(i) or ArticleHead.of(article, assembled.briefing)
            if id(article) in self._warnings:
                head = replace(head, warnings=self._warnings[id(article)])
            signatures = trusted(files, seen.signatures, seen.settled_before_ns)
            records[files.article] = Record(files, signatures, key, head)
        self.index.save(seen.index, records)


@dataclass(frozen=True)
class _Job:
    files: ArticleFiles
    data: bytes
    sidecar: bytes | None


@dataclass(frozen=True)
class _Done:
    assembled: bytes | None
    problems: tuple[Problem, ...] = ()


def run_batch(
    found: list[ArticleFiles],
    settings: Settings,
    store: Store | None,
    jobs: int,
    progress: ProgressFn | None = None,
    seen: Seen | None = None,
) -> Batch:
    """Assemble every article, from the cache where its key is known.

    With `seen` (and a store), an article whose files the site index
    recorded just as they are now is neither read nor unpickled: it comes
    back lazy. `progress` is told (done, total) as the results are unpacked, in file order.
    """
    keys = _Keys(settings)
    problems: dict[int, list[Problem]] = {}
    done: dict[int, _Done | Record] = {}
    todo: list[tuple[int, _Job]] = []
    article_keys: dict[int, bytes] = {}
    site_index = SiteIndex.load(seen.index, keys.base) if store and seen else None
    for index, files in enumerate(found):
        record = site_index.reusable(files, seen.signatures) if site_index and seen else None
        if store and record is not None and store.keep(record.key):
            done[index] = record
            article_keys[index] = record.key
            continue
        try:
            data, sidecar = read_bytes(settings.root, files)
        except ContentError as exc:
            problems[index] = exc.problems
            continue
        key = article_keys[index] = keys.article(files, data, sidecar)
        known = site_index.same(files, key) if site_index else None
        if store and known is not None and store.keep(key):  # read again, found the same
            done[index] = known
            continue
        cached = store.get(key) if store else None
        if cached is not None:
            done[index] = _Done(cached)
        else:
            todo.append((index, _Job(files, data, sidecar)))
    workers = worker_count(jobs, len(todo))
    results = ordered_map(_Setup(settings), [job for _, job in todo], workers)
    for (index, _), result in zip(todo, results, strict=True):
        done[index] = result
        if store and result.assembled is not None:
            store.put(article_keys[index], result.assembled)
    collected = _collect(len(found), done, problems, settings, store, progress)
    articles, found_problems, used = collected
    ordered = [article_keys[i] for i in used]
    records = {
        i: found_record for i, found_record in done.items() if isinstance(found_record, Record)
    }
    heads = {position: records[i].head for position, i in enumerate(used) if i in records}
    return Batch(
        articles,
        found_problems,
        ordered,
        keys.page_base,
        settings.now,
        [found[i] for i in used],
        heads,
        site_index,
    )


def _collect(
    count: int,
    done: dict[int, _Done | Record],
    problems: dict[int, list[Problem]],
    settings: Settings,
    store: Store | None,
    progress: ProgressFn | None,
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
        if isinstance(result, Record) and store is not None:
            load = _Unpack(result, settings, store)
            articles.append(unchanged_article(result.head, load, settings.now))
            used.append(index)
            if progress:
                progress(index + 1, count)
            continue
        if isinstance(result, Record):
            continue  # never: a record is reused only with a store
        found_problems += result.problems
        if result.assembled is None:
            continue
        article, made = pickle.loads(result.assembled)
        articles.append((article, with_clock(made, settings.now)))
        used.append(index)
        if progress:
            progress(index + 1, count)
    return articles, found_problems, used


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
    """

    def __init__(
        self, batch: Batch, store: Store, recorded: dict[str, bytes] | None = None
    ) -> None:
        self._store = store
        self._recorded = recorded or {}
        self.kept: dict[str, bytes] = {}  # path: key, of files left as the last build wrote them
        self._base = batch.page_base
        self._key_of = {
            id(assembled.briefing): digest(key, briefing_clock(assembled.briefing, batch.now))
            for (_, assembled), key in zip(batch.articles, batch.keys, strict=True)
        }
        self._keys: dict[str, bytes] = {}
        self._hits: dict[str, bytes] = {}

    def wanted(self, path: str, template: str, source: PageSource) -> bool:
        """The renderer's filter: False (skip it) when the cache holds this very file."""
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
        self._hits[path] = data
        return False

    def _key(self, path: str, template: str, source: PageSource) -> bytes | None:
        if source is None:
            return None
        parts = [self._base, path.encode(), template.encode()]
        for item in source if isinstance(source, tuple) else (source,):
            key = self._key_of.get(id(item))
            if key is not None:
                parts.append(key)
            elif isinstance(item, int | str):
                parts.append(repr(item).encode())
            else:  # nothing known to key it by: always redraw
                return None
        return digest(*parts)

    def complete(self, rendered: list[RenderedFile]) -> list[RenderedFile]:
        """The rendered files plus those reused; the newly rendered go into the cache."""
        for item in rendered:
            key = self._keys.get(item.path)
            if key is not None:
                self._store.put(key, item.data)
        return rendered + [RenderedFile(path, data) for path, data in self._hits.items()]

    @property
    def keys(self) -> dict[str, bytes]:
        """Every file's key, by path (files drawn from the whole site have none)."""
        return self._keys


class _Keys:
    """Cache keys: an article's hashes its inputs; its page's adds the templates and clock."""

    def __init__(self, settings: Settings) -> None:
        config = repr(settings.config).encode()
        self.base = digest(b"article", code_fingerprint(), config)
        self.page_base = digest(
            b"page", code_fingerprint(), config,  # the theme is in the package
            tree_fingerprint(settings.templates),
            clock_key(settings.now, templates_show_clock(settings.templates)),
            str(settings.drafts).encode(),
        )  # fmt: skip

    def article(self, files: ArticleFiles, data: bytes, sidecar: bytes | None) -> bytes:
        names = f"{files.article}\0{files.sidecar}".encode()
        return digest(self.base, names, data, sidecar if sidecar is not None else b"\0none")


@dataclass(frozen=True)
class _Setup:
    """Builds a worker (picklable, so a worker process can build its own)."""

    settings: Settings

    def __call__(self) -> _Worker:
        return _Worker(self.settings)


class _Worker:
    """Assembles one article at a time with this process's tools."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.tools = Tools.for_config(settings.config)

    def __call__(self, job: _Job) -> _Done:
        try:
            article = parse_article(job.files, job.data, job.sidecar)
            assembled = assemble(article, self.tools, self.settings.now)
        except ContentError as exc:
            return _Done(None, tuple(exc.problems))
        return _Done(pickle.dumps((article, assembled), protocol=pickle.HIGHEST_PROTOCOL))


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
            files, settings = self.record.files, self.settings
            data, sidecar = read_bytes(settings.root, files)
            if _Keys(settings).article(files, data, sidecar) != self.record.key:
                # Saved since the build began: its page must not mix old head and new body.
                raise ContentError.at(
                    Location(files.article),
                    "the file changed while the build read it; "
                    "the previous build is unchanged: build again",
                )
            article = parse_article(files, data, sidecar)
            return article, assemble(article, Tools.for_config(settings.config), settings.now)
        found: tuple[SourceArticle, Assembled] = pickle.loads(payload)
        return found
