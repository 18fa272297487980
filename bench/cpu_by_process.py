"""Where a build's CPU goes, by process: the build, its workers, Pagefind (Linux, stdlib).

    python bench/cpu_by_process.py [--every 2] -- briefing-site build -s SITE --now ...

Runs the command and samples `/proc` every 50 ms for its whole process tree:
each process's user + system time (the last sample before it ends), when it
was first and last seen, and what it runs. Prints the CPU of the build process
itself ("main"), its worker processes and the Pagefind indexers, and the
total from `getrusage(RUSAGE_CHILDREN)`. With `--every SECONDS`, also a
timeline: how many cores each kind kept busy in each interval, which shows
whether the phases overlap (workers, then the listings beside the indexers)
and whether a core stood idle. A process that ends between two samples loses
at most 50 ms of its time here (the total counts it all).

A cold build is CPU-bound on a 2-core machine, so its wall time is about its
CPU over the cores: this is the measure to cut. The machine must be quiet for
the timeline's "cores busy" to mean anything; the CPU figures hold better
under load, but not exactly (caches and the kernel are shared too).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field

TICK = os.sysconf("SC_CLK_TCK")
SAMPLE = 0.05  # seconds between samples


@dataclass
class Seen:
    """One process of the tree as last sampled."""

    kind: str
    cpu: float = 0.0
    first: float = 0.0
    last: float = 0.0


@dataclass
class Timeline:
    """Each kind's CPU seconds at each sample, to be cut into intervals."""

    at: list[float] = field(default_factory=list)
    cpu: list[dict[str, float]] = field(default_factory=list)


def parents() -> dict[int, list[int]]:
    """Every process's children, from /proc."""
    found: dict[int, list[int]] = defaultdict(list)
    for name in os.listdir("/proc"):
        if name.isdigit():
            stat = _stat(int(name))
            if stat is not None:
                found[int(stat[1])].append(int(name))
    return found


def tree(root: int) -> list[int]:
    children, todo, found = parents(), [root], []
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state is [0], ppid [1])."""
    try:
        with open(f"/proc/{pid}/stat") as file:
            text = file.read()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def _kind(pid: int, root: int) -> str:
    if pid == root:
        return "main"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            command = file.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "other"
    return "pagefind" if "pagefind" in command else "worker" if "python" in command else "other"


def measure(command: list[str]) -> tuple[float, dict[int, Seen], Timeline]:
    start = time.perf_counter()
    process = subprocess.Popen(command)
    seen: dict[int, Seen] = {}
    timeline = Timeline()
    while process.poll() is None:
        now = time.perf_counter() - start
        for pid in tree(process.pid):
            stat = _stat(pid)
            if stat is None:
                continue
            entry = seen.get(pid)
            if entry is None:
                entry = seen[pid] = Seen(_kind(pid, process.pid), first=now)
            entry.cpu, entry.last = (int(stat[11]) + int(stat[12])) / TICK, now
        totals: dict[str, float] = defaultdict(float)
        for entry in seen.values():
            totals[entry.kind] += entry.cpu
        timeline.at.append(now)
        timeline.cpu.append(dict(totals))
        time.sleep(SAMPLE)
    return time.perf_counter() - start, seen, timeline


def report(wall: float, seen: dict[int, Seen], timeline: Timeline, every: float) -> None:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"wall {wall:.2f} s, CPU {usage.ru_utime + usage.ru_stime:.2f} s", end="")
    print(f" (user {usage.ru_utime:.2f}, system {usage.ru_stime:.2f})")
    kinds: dict[str, list[Seen]] = defaultdict(list)
    for entry in seen.values():
        kinds[entry.kind].append(entry)
    for kind, entries in sorted(kinds.items()):
        cpu = sum(e.cpu for e in entries)
        first, last = min(e.first for e in entries), max(e.last for e in entries)
        print(f"  {kind:9} {cpu:7.2f} s CPU in {len(entries)} processes, {first:.1f}-{last:.1f} s")
    if every <= 0:
        return
    names = sorted(kinds)
    print("  interval      " + "  ".join(f"{n:>8}" for n in names) + "  (cores busy)")
    before, since, mark = dict.fromkeys(names, 0.0), 0.0, every
    for at, cpu in zip(timeline.at, timeline.cpu, strict=True):
        if at < mark:
            continue
        busy = [(cpu.get(n, 0.0) - before[n]) / (at - since) for n in names]
        print(f"  {since:5.1f}-{at:5.1f}  " + "  ".join(f"{b:8.2f}" for b in busy))
        before, since, mark = {n: cpu.get(n, 0.0) for n in names}, at, at + every


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=float, default=0.0, help="timeline interval, seconds")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to measure after --")
    wall, seen, timeline = measure(command)
    report(wall, seen, timeline, args.every)
    return 0


if __name__ == "__main__":
    sys.exit(main())
