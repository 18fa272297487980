"""Watch the site's sources and rebuild the preview after each burst of changes.

Two watchers (watchfiles; inotify on Linux): one over `content/` and
`templates/`, recursively, and one over the site folder alone, for
`briefing.yaml` and for those folders appearing or going. The site folder is
never watched recursively: it may hold `build/`, `.git` or a virtualenv.
Watchers only queue paths; one loop rebuilds, so builds never overlap.

Debouncing: a build is shown only once `QUIET_MS` passed with no new
event, so an editor's atomic save or a git checkout shows up once, whole. The
build itself starts as soon as events pause for `STEP_MS` and runs during the
quiet wait; if more events come, its result is dropped and the loop builds
again. Requests wait meanwhile, so nobody is served a half-saved state.
"""

from __future__ import annotations

import gc
import queue
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

from briefing_site.build.pipeline import without_cycle_collection
from briefing_site.dev.preview import Live, Preview, Snapshot
from briefing_site.errors import ContentError
from briefing_site.model import Location
from briefing_site.site import CONFIG_FILE, CONTENT_DIR, TEMPLATES_DIR
from briefing_site.walk import skipped

STEP_MS = 10  # a pause this long hands the events seen so far to the loop
QUIET_MS = 50  # a build is shown after this long with no event
MAX_BURST_MS = 1000  # changes that never pause are shown after this long anyway
TREES = (CONTENT_DIR, TEMPLATES_DIR)

Report = Callable[[Snapshot | None, ContentError | None, float], None]


class _Either:
    """Stops a watcher when the server stops or the watched folders change."""

    def __init__(self, *events: threading.Event) -> None:
        self.events = events

    def is_set(self) -> bool:
        return any(event.is_set() for event in self.events)


class Rebuilder:
    """Owns the watcher threads and the one rebuild loop."""

    def __init__(self, preview: Preview, live: Live, report: Report) -> None:
        self.preview, self.live, self.report = preview, live, report
        self.site = preview.options.site
        self._changes: queue.Queue[set[Path] | None] = queue.Queue()
        self._stop = threading.Event()
        self._retarget = threading.Event()
        self._threads = [
            threading.Thread(target=target, name=f"briefing-{name}", daemon=True)
            for name, target in (
                ("watch-trees", self._watch_trees),
                ("watch-site", self._watch_site),
                ("rebuild", self._loop),
            )
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._changes.put(None)
        for thread in self._threads:
            thread.join(timeout=5)

    def _watch_trees(self) -> None:
        while not self._stop.is_set():
            self._retarget.clear()
            folders = [self.site / name for name in TREES if (self.site / name).is_dir()]
            if not folders:
                self._retarget.wait(0.5)
                continue
            try:
                for changes in watchfiles.watch(
                    *folders,
                    step=STEP_MS,
                    debounce=MAX_BURST_MS,
                    stop_event=_Either(self._stop, self._retarget),
                    watch_filter=_read_by_the_build(self.site),
                    ignore_permission_denied=True,
                ):
                    self._changes.put({Path(path) for _, path in changes})
            except RuntimeError:
                # watchfiles cannot name a path that is not UTF-8 and gives up on the
                # whole batch: check everything, so the walk names the file, and watch on.
                self._changes.put(set(folders))
                self._stop.wait(STEP_MS / 1000)

    def _watch_site(self) -> None:
        names = {CONFIG_FILE, *TREES}
        while not self._stop.is_set():
            try:
                for changes in watchfiles.watch(
                    self.site,
                    watch_filter=lambda _change, path: Path(path).name in names,
                    recursive=False,
                    step=STEP_MS,
                    debounce=MAX_BURST_MS,
                    stop_event=self._stop,
                    ignore_permission_denied=True,
                ):
                    paths = {Path(path) for _, path in changes}
                    if any(path.name in TREES for path in paths):
                        self._retarget.set()
                    self._changes.put(paths)
            except RuntimeError:  # a name that is not UTF-8 beside them (see _watch_trees)
                self._retarget.set()
                self._changes.put({self.site / name for name in names})
                self._stop.wait(STEP_MS / 1000)

    def _loop(self) -> None:
        with without_cycle_collection():  # collected between builds instead (see _tidy)
            self._rebuild_until_stopped()

    def _rebuild_until_stopped(self) -> None:
        self._settle(*self._build(()))
        while (changed := self._next(None)) is not None:
            self.live.begin()
            burst_ends = time.monotonic() + MAX_BURST_MS / 1000
            while True:
                quiet_at = time.monotonic() + (QUIET_MS - STEP_MS) / 1000
                outcome = self._build(changed)
                more = self._next(quiet_at)
                if more is None:
                    return
                if not more or time.monotonic() > burst_ends:
                    break
                changed = more
            self._settle(*outcome)

    def _next(self, deadline: float | None) -> set[Path] | None:
        """Every path queued by `deadline` (empty if none; wait forever if None); None: stop."""
        try:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            first = self._changes.get(timeout=timeout)
        except queue.Empty:
            return set()
        changed = set(first) if first is not None else None
        while changed is not None and not self._changes.empty():
            more = self._changes.get_nowait()
            changed = changed | more if more is not None else None
        return changed

    def _build(self, changed: Iterable[Path]) -> tuple[Snapshot | None, ContentError | None, float]:
        """One rebuild; whatever goes wrong becomes problems, never a dead preview."""
        started = time.perf_counter()
        try:
            return self.preview.rebuild(changed), None, time.perf_counter() - started
        except ContentError as exc:
            return None, exc, time.perf_counter() - started
        except Exception as exc:  # a bug or an OS error must not stop the preview
            error = ContentError.at(Location("(build)"), f"{type(exc).__name__}: {exc}")
            return None, error, time.perf_counter() - started

    def _settle(self, snapshot: Snapshot | None, error: ContentError | None, took: float) -> None:
        """Publish the outcome: the new build, or the problems beside the last good one."""
        if error is not None:
            self.live.fail(error)
        elif snapshot is not None:
            self.live.show(snapshot)
        self.report(snapshot, error, took)
        missed = self.preview.verify()  # anything the watcher did not tell us, now it is served
        if missed:
            self._changes.put(missed)
        _tidy()


def _read_by_the_build(site: Path) -> Callable[[watchfiles.Change, str], bool]:
    """Events about files the build reads: by the walk's rules, a dotfile or anything
    in a dot-folder (an editor's swap file, say) never triggers a rebuild."""
    default = watchfiles.DefaultFilter()
    root = site.resolve()

    def keep(change: watchfiles.Change, path: str) -> bool:
        try:
            parts = Path(path).resolve().relative_to(root).parts
        except (ValueError, OSError, RuntimeError):
            parts = (Path(path).name,)
        return default(change, path) and not any(skipped(part) for part in parts)

    return keep


def _tidy() -> None:
    """Collect garbage once the browser has been told, then set what survived aside.

    A preview holds every briefing in memory; an automatic collection in the
    middle of a rebuild would walk all of them (tens of milliseconds at 1,000
    briefings, on the editor's wait). So the collector stays off during
    builds, runs here, off the critical path, and `gc.freeze` keeps the
    long-lived results out of every later collection's walk.
    """
    gc.collect()
    gc.freeze()
