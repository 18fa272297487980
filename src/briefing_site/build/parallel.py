"""Run one function over many items in worker processes, results in input order.

The build's per-article work is pure, so spreading it over the machine's
cores changes nothing but the time: results come back in the order of the
items, exactly as a loop in one process would give them.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS_PER_WORKER = 64
"""Below this many items per worker, starting workers costs more than it saves."""

PARENT_POLL = 0.2
"""Seconds between a worker's looks at whether the build that started it is still there."""

_in_worker: list[Callable[[Any], Any]] = []  # set only inside a worker process


def worker_count(requested: int, items: int) -> int:
    """`requested` workers (0: one per CPU), fewer when there is too little work."""
    affinity = getattr(os, "sched_getaffinity", None)  # the CPUs we may use (Linux)
    cpus = len(affinity(0)) if affinity else (os.cpu_count() or 1)
    wanted = requested if requested > 0 else cpus
    return max(1, min(wanted, items // MIN_ITEMS_PER_WORKER))


CHUNKS_PER_WORKER = 32
"""Items go to workers in about this many chunks each: few enough that handing them
over costs little, small enough that when the last chunks run, no core waits long."""


def ordered_results(
    setup: Callable[[], Callable[[Item], Result]],
    items: Iterable[Item],
    workers: int,
    count: int | None = None,
) -> Generator[Result, None, None]:
    """`f(item)` for each item, `f = setup()`, over `workers` processes: each result
    given as it comes (in input order), never held in a list.

    `setup` builds what every item needs (compiled templates, the classifier)
    once per process; it must be picklable, like the items and results.
    `items` may be an iterator, taken as the workers go: they start on the
    first chunk while the rest is still being made (`count`: about how many).
    A caller that keeps only part of each result lets the rest go before the
    next arrives, so its memory is reused: a list of 10,000 results holds them
    all, and what is let go afterwards stays scattered among what is kept.
    Close it when leaving early: the jobs not started are cancelled, and the
    workers stop.
    """
    if workers <= 1:
        function = setup()
        yield from (function(item) for item in items)
        return
    if count is None:
        items = list(items)
        count = len(items)
    chunk = max(1, count // (workers * CHUNKS_PER_WORKER))
    # Imported here: a rebuild after an edit or two assembles in this process, and
    # `multiprocessing` with the process pool costs ~10 ms to import.
    from concurrent.futures import ProcessPoolExecutor

    context = _context()
    with ProcessPoolExecutor(workers, context, _start, (setup, _forker(context))) as pool:
        # Forked workers start here (at the first job), with Ctrl-C and SIGTERM held
        # until each has said how it takes them (`_stop_between_jobs`).
        held = _mask("SIG_BLOCK", ())  # the mask as it is, read before any change
        try:
            _mask("SIG_BLOCK", _STOPS)
            pool.submit(int)
        finally:
            _mask("SIG_SETMASK", held)
        yield from pool.map(_call, items, chunksize=chunk)


def _context() -> BaseContext:
    """fork while this process runs one thread, else a forkserver (or spawn).

    Forked workers start at once with the code already loaded. But a child
    forked while other threads run may inherit a lock one of them held and
    hang (Python 3.12+ warns of it), and a build can run in a threaded
    program: `serve`, a test suite, an editor. Then the workers come from a
    forkserver, a clean single-threaded process, at the cost of importing.
    The executor forks every worker before it starts its own thread.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _threads() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _threads() -> int:
    """This process's threads as the OS counts them (as CPython's own check does),
    so threads started outside Python count too."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _forker(context: BaseContext) -> int | None:
    """The process the workers are started from: this one, or (None) a forkserver,
    whose id is not known here."""
    return None if context.get_start_method() == "forkserver" else os.getpid()


def _start(setup: Callable[[], Callable[[Any], Any]], forker: int | None) -> None:
    # The parent as known before the worker ran: a build killed before this line
    # would leave the worker watching its new parent, never to exit.
    _exit_with_parent(os.getppid() if forker is None else forker)
    _stop_between_jobs()
    _in_worker.append(setup())


_STOPS = {signal.SIGINT, signal.SIGTERM}
_stopped: list[int] = []  # in a worker: the stop signals it was sent
_busy: list[bool] = []  # in a worker: [True] while it runs a job


def _stop_between_jobs() -> None:
    """Ctrl-C (or a SIGTERM the build takes as one) that reaches a worker, as it
    does when sent to the build's process group, stops the job it runs, which the
    build then hears of; one that comes while it starts or waits for a job is kept
    for its next job. So a worker neither prints a traceback of its own nor dies
    under the pool (a pool broken while the build cancels its jobs can hang)."""

    def stop(signum: int, frame: object) -> None:
        _stopped.append(signum)
        if _busy:
            raise KeyboardInterrupt

    for signum in _STOPS:
        if callable(signal.getsignal(signum)):  # one ignored or left to end it stays so
            signal.signal(signum, stop)
    _mask("SIG_UNBLOCK", _STOPS)


def _mask(how: str, signals: Iterable[int]) -> set[int]:
    """`signal.pthread_sigmask(signal.<how>, signals)`, where there is one (not on Windows)."""
    if not hasattr(signal, "pthread_sigmask"):
        return set()
    return set(signal.pthread_sigmask(getattr(signal, how), signals))


def _exit_with_parent(parent: int) -> None:
    """Stop this worker soon after the build that started it is killed.

    A worker inherits both ends of its job queue, so it never sees the queue
    close: without this, a `kill -9` of the build leaves it asleep forever,
    holding the build's output pipes (a script waiting for them waits too).
    A killed parent makes the worker an orphan, and its parent id changes
    (already, if it was killed before the worker got here: then it stops at once).
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _call(item: Any) -> Any:
    _busy.append(True)
    try:
        if _stopped:
            raise KeyboardInterrupt
        return _in_worker[-1](item)
    finally:
        _busy.clear()
