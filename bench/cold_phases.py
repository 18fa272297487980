"""Where a cold build's CPU goes, stage by stage, without a profiler's distortion (stdlib only).

    python bench/cold_phases.py SITE [--runs 3]

Each run removes SITE's build cache, then builds SITE into a fresh temporary
folder with `-j 1` (every article's work in the main thread, so it can be
timed) and a fixed `--now`, in a fresh process whose stages are wrapped: each
prints its wall time and its thread's CPU time (`time.thread_time`). The
search thread's row is that thread's own CPU; Pagefind, a separate program,
shows only in the whole-process row (`getrusage`, children included). Stages
nest as indented: a stage's CPU includes the stages under it. The medians
over the runs are printed.

Why not cProfile: it charges each Python call ~1 µs, so a build of ~8 million
calls triples in CPU, and the small functions called most (Jinja's attribute
lookups, `markupsafe.escape`) look several times as costly as they are. On a
busy machine wall time says little; the CPU column holds better. A default
build spreads the per-article stages over worker processes: their sum is the
same work.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from stagetimer import run_probe, time_calls  # noqa: E402  (bench/stagetimer.py)

NOW = "2030-01-01T00:00:00+00:00"  # as bench/run.py: no article is held back
CACHE_DIR = ".briefing-cache"

# (module the caller looks the name up in, name, depth shown): per article, then the
# pages drawn from many briefings, then the search index.
STAGES = [
    ("briefing_site.build.batch", "read_bytes", 1),
    ("briefing_site.build.batch", "parse_article", 1),
    ("briefing_site.build.batch", "assemble", 1),
    ("briefing_site.content.assemble", "validate", 2),
    ("briefing_site.content.junk", "JunkFilter.clean", 2),
    ("briefing_site.content.assemble", "place", 2),
    ("briefing_site.content.assemble", "_blocks", 2),  # Markdown to HTML
    ("briefing_site.build.batch", "render_briefing", 1),  # the briefing's page
    ("briefing_site.build.batch", "listing_fragments", 1),  # its card and topic entries
    ("briefing_site.build.batch", "event_calendar", 1),
    ("briefing_site.build.batch", "PageFacts.of", 1),  # what the search shards key on
    ("briefing_site.build.batch", "write_file", 1),
    ("briefing_site.build.pipeline", "draw", 1),  # listings, feeds, sitemap
    ("briefing_site.output.render", "_render_listing", 2),
    ("briefing_site.build.pipeline", "index_pages", 1),  # the search thread
]
TOTAL = "main thread, from start"


def _probe(argv: list[str]) -> int:
    """In the measured process: wrap the stages, run the command, print JSON last."""

    start_wall, start_cpu = time.perf_counter(), time.thread_time()
    import briefing_site.build.pipeline
    import briefing_site.cli

    found: dict[str, list[float]] = {}

    for module, name, _ in STAGES:
        time_calls(module, name, found)
    with open(os.devnull, "w") as quiet:
        status = briefing_site.cli.main(argv, out=quiet, err=quiet)
    found[TOTAL] = [time.perf_counter() - start_wall, time.thread_time() - start_cpu]
    print(json.dumps(found))
    return status


def measure(site: Path) -> dict[str, list[float]]:
    """One cold `-j 1` build of `site` in a fresh process; its stages' figures."""
    shutil.rmtree(site / CACHE_DIR, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="cold-phases-") as scratch:
        out = Path(scratch) / "build"
        command = [sys.executable, str(Path(__file__).resolve()), "--_probe", "--"]
        command += ["build", "-s", str(site), "-o", str(out), "-j", "1", "--now", NOW]
        found = run_probe(command)
    shutil.rmtree(site / CACHE_DIR, ignore_errors=True)
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--_probe"]:
        return _probe(args[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("site", type=Path, help="a site folder (its content/)")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args(args)
    runs: dict[str, list[list[float]]] = defaultdict(list)
    for _ in range(options.runs):
        for stage, figures in measure(options.site).items():
            runs[stage].append(figures)
    depth = {name: level for _, name, level in STAGES}
    print(f"cold -j 1 build of {options.site}, median of {options.runs} (seconds)")
    print(f"{'stage':40} {'wall':>7} {'CPU':>7}")
    for stage in [*(s for _, s, _ in STAGES), TOTAL, "whole process and children"]:
        figures = runs.get(stage)
        if not figures:
            continue
        wall = statistics.median(f[0] for f in figures)
        cpu = statistics.median(f[1] for f in figures)
        name = "  " * (depth.get(stage, 1) - 1) + stage
        print(f"{name:40} {wall:7.3f} {cpu:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
