"""Wrap a stage function so each call adds its wall and thread-CPU time to a tally.

Shared by the phase benchmarks (cold_phases.py, one_edit_phases.py): thread CPU, not
cProfile, because a profiler inflates small, often-called functions.
"""

from __future__ import annotations

import functools
import importlib
import json
import resource
import subprocess
import time


def time_calls(module: str, name: str, found: dict[str, list[float]]) -> None:
    """Replace ``module.name`` (a dotted name for a method) with a timed wrapper."""
    owner: object = importlib.import_module(module)
    *path, last = name.split(".")
    for part in path:
        owner = getattr(owner, part)
    function = getattr(owner, last)

    @functools.wraps(function)
    def timed(*args: object, **kwargs: object) -> object:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent = found.setdefault(name, [0.0, 0.0])
            spent[0] += time.perf_counter() - wall
            spent[1] += time.thread_time() - cpu

    setattr(owner, last, timed)


def run_probe(command: list[str], env: dict[str, str] | None = None) -> dict[str, list[float]]:
    """Run a probe process that prints its stages' figures as JSON last; add the wall
    and CPU time of the whole process and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stdout}{done.stderr}")
    found: dict[str, list[float]] = json.loads(done.stdout.strip().splitlines()[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    found["whole process and children"] = [wall, cpu]
    return found
