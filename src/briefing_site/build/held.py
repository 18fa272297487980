"""The site index in memory: `serve`'s last build's articles, kept whole between builds.

`build` finds its unchanged articles through the site index on disk
(`build.site_index`): an article whose files' stat signatures are the ones
recorded is taken as it was, unread. `serve` runs for hours in one process,
so it keeps more: each article its last build assembled, whole, under the
same key. Both are asked the same two questions by the one loader
(`batch.run_batch`), before and after it reads an article's files:

- `reusable`: is this article, found by the content walk, unchanged by stat
  alone? Then it is neither read nor assembled.
- `same`: read again and keyed, is it the article held under that key (a
  file touched but not changed)? Then it is not assembled.

An article it cannot vouch for has its files' signatures taken at that moment,
before the loader reads them, so an edit saved while the build reads is seen
by the next one. With `trust` (a watcher named what changed, and `forget`
doubted those), held articles are taken without a stat, to keep a save's
rebuild short; `stale` then checks every held article's files once the build
is served, and names what the watcher missed.

Everything an article's key hashes besides its files (the tool's code and the
config: the key's `base`) and the build clock are the index's: under another,
nothing held is used.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefing_site.build.lazy import ArticleHead
from briefing_site.content.assemble import Assembled
from briefing_site.content.load import ArticleFiles
from briefing_site.model import SourceArticle
from briefing_site.walk import Signature, signature

Signatures = tuple[Signature | None, ...]  # of an article's file and sidecar; None: unreadable
# An article as a build found it: its files, key, head, and the article itself.
Built = tuple[ArticleFiles, bytes, ArticleHead, tuple[SourceArticle, Assembled]]


@dataclass(frozen=True, slots=True)
class Held:
    """One article of the last build, whole, with what found it unchanged."""

    files: ArticleFiles
    signatures: Signatures  # taken before the build read the files
    key: bytes  # its cache key (`batch.article_key`)
    head: ArticleHead  # what listings and warnings read of it (warnings remembered here)
    article: tuple[SourceArticle, Assembled]


class HeldIndex:
    """The articles the last build assembled, by path, under one key base and clock.

    A build that failed still leaves what it assembled (`pipeline.load_articles`
    settles the index either way): fixing one bad article then assembles that one.
    """

    def __init__(self, root: Path) -> None:
        self.root = os.fspath(root)
        self.base = b""
        self.now: datetime | None = None
        self.trust = False  # take held articles without a stat (see the module's docstring)
        self.records: dict[str, Held] = {}
        self._taken: dict[str, Signatures] = {}  # this build's articles not vouched for
        self._doubted: set[str] = set()  # articles a watcher named: never taken by stat

    def under(self, base: bytes, now: datetime) -> None:
        """Start a build under key base `base` and clock `now`: another one empties the index."""
        if base != self.base or now != self.now:
            self.records.clear()
            self.base, self.now = base, now
        self._taken = {}

    def forget(self, names: Iterable[str]) -> None:
        """Doubt what a watcher saw change (site-relative paths under content/), whatever
        its stat says (a coarse clock may give an edit its file's old times): an article
        by its file or sidecar, every article under a folder. A doubted article is read
        again; only when its bytes are the same (`same`) is it taken as held."""
        for name in names:
            stem, suffix = os.path.splitext(name)
            self._doubted.add(stem + ".txt" if suffix in (".yaml", ".yml") else name)
            under = name + "/"
            self._doubted.update(path for path in self.records if path.startswith(under))

    def reusable(self, files: ArticleFiles) -> Held | None:
        """The held article when its files are as it was read from, else None (and their
        signatures are taken now, before the build reads them)."""
        held = self.records.get(files.article)  # by path: only the sidecar may differ
        if held is not None and (
            held.files.sidecar != files.sidecar or files.article in self._doubted
        ):
            held = None
        if held is not None and self.trust:
            return held
        now = self._signatures(files)
        if held is not None and now == held.signatures:
            return held
        self._taken[files.article] = now
        return None

    def same(self, files: ArticleFiles, key: bytes) -> Held | None:
        """The held article when the files, read again, are found to have its key."""
        held = self.records.get(files.article)
        return held if held is not None and (held.files, held.key) == (files, key) else None

    def settle(self, built: Iterable[Built]) -> None:
        """Hold this build's articles (`Batch.recorded`: each one's files, key, head and
        the article itself) in place of the last build's."""
        records: dict[str, Held] = {}
        for files, key, head, article in built:
            held = self.records.get(files.article)
            taken = self._taken.get(files.article)  # read by this build: as it was then
            if held is not None and held.article is article:
                if taken is None and held.head is head:
                    records[files.article] = held  # kept as it was
                    continue
                signatures = held.signatures if taken is None else taken
            else:
                signatures = () if taken is None else taken
            records[files.article] = Held(files, signatures, key, head, article)
        self.records = records
        self._taken = {}
        self._doubted = set()

    def stale(self) -> set[str]:
        """Held articles whose files changed since they were read (site-relative paths).
        A doubted one is not named: the next build reads it whatever its stat says, and
        naming it after a build that failed before reading (a broken config) would
        start another such build, and another, until the config is fixed."""
        return {
            name
            for name, held in self.records.items()
            if name not in self._doubted and self._signatures(held.files) != held.signatures
        }

    def _signatures(self, files: ArticleFiles) -> Signatures:
        found: list[Signature | None] = []
        for name in (files.article, files.sidecar):
            if name is None:
                continue
            try:
                found.append(signature(os.stat(f"{self.root}/{name}")))
            except (OSError, ValueError):
                found.append(None)
        return tuple(found)
