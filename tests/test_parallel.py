"""Worker processes: results in input order, and no fork while another thread runs.

Python 3.12+ warns (a DeprecationWarning, an error in this suite) when a
process forks while it runs other threads: the child may inherit a lock some
thread held and hang. A build can run inside a threaded program (a test
suite's servers, `serve`, an editor's plugin), so workers must not be forked
from such a process.
"""

from __future__ import annotations

import functools
import operator
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_site
from filetree import tree

from briefing_site.build.parallel import ordered_results

# setup() gives the function each worker applies: picklable, from the standard library.
SETUP = functools.partial(operator.attrgetter, "real")


def threads_now() -> int:
    """This process's threads as the OS counts them (as CPython's own check does)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


@contextmanager
def another_thread() -> Iterator[None]:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, name="bystander")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def test_results_come_back_in_input_order() -> None:
    items = list(range(300))
    assert list(ordered_results(SETUP, items, 2)) == items


def test_results_are_given_one_at_a_time_in_order_not_as_a_list() -> None:
    """The build keeps part of each result and lets the rest go before the next
    arrives (so its memory is reused): results come as an iterator, in order."""
    for workers in (1, 2):
        results = ordered_results(SETUP, list(range(300)), workers)
        assert not isinstance(results, list)
        assert next(results) == 0
        assert list(results) == list(range(1, 300))


def test_no_fork_from_this_process_while_another_thread_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    forked_with: list[int] = []
    real_fork = os.fork

    def watched_fork() -> int:
        forked_with.append(threads_now())
        return real_fork()

    monkeypatch.setattr(os, "fork", watched_fork)
    with another_thread():
        assert threads_now() > 1
        assert list(ordered_results(SETUP, list(range(300)), 2)) == list(range(300))
    assert all(count == 1 for count in forked_with), forked_with


def _python_3_12_or_later() -> str | None:
    """A Python 3.12+ interpreter on this machine, if there is one (this suite may run on 3.11)."""
    if sys.version_info >= (3, 12):
        return sys.executable
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = sorted(pyenv.glob("3.1[2-9]*/bin/python3"), reverse=True)
    for name in ("python3.14", "python3.13", "python3.12", *map(str, found)):
        try:
            done = subprocess.run(
                [name, "-c", "import sys; print(sys.version_info >= (3, 12))"],
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError:
            continue
        if done.stdout.strip() == "True":
            return name
    return None


def test_a_threaded_caller_on_python_3_12_gets_no_fork_warning() -> None:
    """The real warning, on a real 3.12+ interpreter (parallel.py needs only the stdlib)."""
    python = _python_3_12_or_later()
    if python is None:
        pytest.skip("no Python 3.12+ here; the fork-time thread check above still runs")
    code = (
        "import functools, operator, threading\n"
        "from briefing_site.build.parallel import ordered_results\n"
        "stop = threading.Event(); threading.Thread(target=stop.wait).start()\n"
        "setup = functools.partial(operator.attrgetter, 'real')\n"
        "try:\n"
        "    assert list(ordered_results(setup, list(range(300)), 2)) == list(range(300))\n"
        "finally:\n"
        "    stop.set()\n"
    )
    done = subprocess.run(
        [python, "-W", "always::DeprecationWarning", "-c", code],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # Shown, never raised: CPython reports it and carries on, even under `-W error`.
    assert "multi-threaded, use of fork()" not in done.stderr, done.stderr


def test_a_build_in_a_threaded_process_gives_the_one_process_bytes(tmp_path: Path) -> None:
    """The workers that do not fork (a forkserver's) build the same site."""
    files = {
        f"content/a{i}.md": f"---\ntitle: Article {i}\nsummary: S.\n---\nTrade talks, round {i}.\n"
        for i in range(130)  # two workers' worth (parallel.MIN_ITEMS_PER_WORKER each)
    }
    site = write_site(tmp_path / "site", files)
    now = "2025-06-01T00:00:00+00:00"
    one = tmp_path / "one"
    assert (
        run_cli(
            "build", "-s", str(site), "-o", str(one), "-j", "1", "--no-cache", "--now", now
        ).code
        == 0
    )
    with another_thread():
        assert _context_name() != "fork"
        two = run_cli("build", "-s", str(site), "-j", "2", "--no-cache", "--now", now)
    assert two.code == 0, two.err
    assert tree(site / "build") == tree(one)


def _context_name() -> str:
    from briefing_site.build.parallel import _context

    return _context().get_start_method()


def _mark_then_sleep(item: tuple[str, int]) -> int:
    """Leave a file named after the job in the folder, then take 0.05 s."""
    import time

    folder, number = item
    Path(folder, str(number)).touch()
    time.sleep(0.05)
    return number


def _marker() -> object:
    return _mark_then_sleep


def test_results_closed_early_stop_the_workers_without_running_the_rest(tmp_path: Path) -> None:
    """A build that fails part way (a full disk while it keeps a result) closes the
    results: the jobs not started are dropped and the workers end at once, before
    the staging folder they write into is cleared (they would write on into it).
    Each job leaves a file, so the jobs that ran are counted, not timed: the chunks
    of 6 jobs under way or queued when the results close finish, no others."""
    import multiprocessing

    jobs = [(str(tmp_path), n) for n in range(400)]  # 20 s of work for two workers
    results = ordered_results(_marker, jobs, 2)
    assert next(results) == 0
    results.close()
    assert multiprocessing.active_children() == []
    ran = len(list(tmp_path.iterdir()))
    assert ran < 200, ran  # about 40 (the chunks under way or queued); unclosed, 400
