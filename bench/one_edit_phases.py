"""Where a one-edit rebuild's time goes, stage by stage, as users run it (stdlib only).

    python bench/one_edit_phases.py SITE [--runs 5]

SITE must have been built once (`briefing-site build -s SITE`). Each run
changes one paragraph of the article `bench/run.py`'s one-edit row edits (the
middle one among those published on the real clock), then runs
`briefing-site build -s SITE` without `--now`, as users run it, in a fresh
process whose stages are wrapped: each prints its wall time and the main
thread's CPU time (`time.thread_time`), so a stage's figure does not count
Pagefind, the forked output check or the search thread beside it (the search
thread's own row is its CPU, which shares the interpreter lock with the main
thread). The medians over the runs follow, with the whole process's CPU
(`getrusage`, children included) and wall time.

The first run after a change of the tool's code rebuilds everything (the code
is part of every cache key): build once before measuring. The main thread's
CPU holds on a busy machine far better than wall time does; wall time is what
a user waits, and on a quiet machine it is about the main thread's CPU plus
the search thread's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import briefing_command, edit_one_article  # noqa: E402  (bench/run.py)
from stagetimer import run_probe, time_calls  # noqa: E402  (bench/stagetimer.py)

# The stages of a one-edit rebuild, in the order they run: (module, function).
STAGES = [
    ("briefing_site.build.unchanged", "unchanged_build"),  # content walk and stamp
    ("briefing_site.build.pipeline", "read_manifest"),
    ("briefing_site.build.pipeline", "Store.__init__"),  # the pack's index
    ("briefing_site.build.pipeline", "load_articles"),
    ("briefing_site.build.batch", "SiteIndex.load"),
    ("briefing_site.build.batch", "_collect"),  # lazy briefings of unchanged articles
    ("briefing_site.build.pipeline", "finish_loading"),
    ("briefing_site.build.pipeline", "PageCache.__init__"),
    ("briefing_site.build.pipeline", "draw"),  # every page keyed, the changed ones drawn
    ("briefing_site.build.batch", "PageCache.wanted"),
    ("briefing_site.output.listings", "listings"),  # every listing's entries (not drawn)
    ("briefing_site.output.render", "extra_files"),  # feeds, calendars, sitemaps
    ("briefing_site.build.pipeline", "with_search"),  # the search thread
    ("briefing_site.build.pipeline", "write_changed"),  # swap and manifest
    ("briefing_site.build.pipeline", "Store.save"),
    ("briefing_site.build.pipeline", "Batch.save_index"),
    ("briefing_site.build.pipeline", "_valid_until"),
]
IMPORTS = "imports"  # the build's modules, before any stage
TOTAL = "main thread, from start"


def _probe(argv: list[str]) -> int:
    """In the measured process: wrap the stages, run the command, print JSON last."""

    start_wall, start_cpu = time.perf_counter(), time.thread_time()
    import briefing_site.build.pipeline  # (timed as the imports)
    import briefing_site.cli

    found: dict[str, list[float]] = {
        IMPORTS: [time.perf_counter() - start_wall, time.thread_time() - start_cpu]
    }

    for module, name in STAGES:
        time_calls(module, name, found)
    with open(os.devnull, "w") as quiet:
        status = briefing_site.cli.main(argv, out=quiet, err=quiet)
    found[TOTAL] = [time.perf_counter() - start_wall, time.thread_time() - start_cpu]
    print(json.dumps(found))
    return status


def measure(site: Path) -> dict[str, list[float]]:
    """One build of `site` as users run it, in a fresh process; its stages' figures."""
    command = [sys.executable, str(Path(__file__).resolve()), "--_probe", "--"]
    command += ["build", "-s", str(site)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return run_probe(command, env)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--_probe"]:
        return _probe(args[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("site", type=Path, help="a site built once before")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--round", type=int, default=0, help="edit numbers start here")
    options = parser.parse_args(args)
    if not (options.site / "build").is_dir():
        raise SystemExit(
            f"build {options.site} first: {' '.join(briefing_command())} build -s SITE"
        )
    runs: dict[str, list[list[float]]] = defaultdict(list)
    for number in range(options.runs):
        edit_one_article(options.site, options.round + number)
        for stage, figures in measure(options.site).items():
            runs[stage].append(figures)
    print(f"one-edit rebuild of {options.site}, median of {options.runs} (seconds)")
    print(f"{'stage':40} {'wall':>7} {'CPU':>7}")
    for stage, figures in runs.items():
        wall = statistics.median(f[0] for f in figures)
        cpu = statistics.median(f[1] for f in figures)
        print(f"{stage:40} {wall:7.3f} {cpu:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
