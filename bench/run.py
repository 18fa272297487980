"""Benchmark briefing-site against Hugo on the same corpus (stdlib only).

    python bench/run.py [--sizes 1000 10000] [--big] [--cold-only] [--repeat 3] [--corpus DIR]
                        [--no-hugo]

For each size it makes a corpus (with `../shared/bench/make_corpus.py` when
that exists, else this folder's own `corpus.py`; or uses `--corpus DIR`, a
folder holding `content/`), then times, as separate processes:

- cold: no build/ and no cache, one full build (clock fixed with `--now`);
- no-change: the same build again;
- one-edit: one paragraph changed in the middle article among those published
  on the real clock (the middle file by name may be dated after today, held
  back, and its edit would redraw next to nothing), then a build; timed as the
  second edit after the cold build, since the first that writes also makes the
  spare copy of the site every later one updates (timed on its own row, "first
  edit after a cold build": a one-time cost, as the real-clock rows' warm-up);
- the same two rebuilds as users run them, on the real clock (no `--now`),
  after one real-clock build to start from;
- add-one, as users run it: a new briefing (a copy of that article under a
  new file name and title, dated a minute ago), then a real-clock build; the
  article is removed again afterwards, untimed;
- Hugo's build of the same articles, twice: the site a Hugo user would ship
  (`--format hugo-full`: tag pages, paginated listings, RSS, sitemap, a page
  with key facts and JSON-LD), which ratios are taken against, and the
  single-page site (`--format hugo`) (`apt-get install hugo`);

and `briefing-site --help` for start-up. `--cold-only` times the cold build (and
Hugo's) alone, the quick way to see how time and memory grow up to `--big`'s
30,000 briefings (each size's "per 1,000" row). Every figure is the median of
`--repeat` runs. Peak memory is `ru_maxrss` of the measured process and its
children (the largest single one), read with `getrusage(RUSAGE_CHILDREN)`
in a fresh measuring process, plus the peak summed RSS of the whole process
tree, sampled from /proc every 10 ms (this counts worker processes together).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED_CORPUS = HERE.parent.parent / "shared" / "bench" / "make_corpus.py"
NOW = "2030-01-01T00:00:00+00:00"  # after every corpus date: no article is held back
CACHE_DIR = ".briefing-cache"
EDIT_TO_BROWSER = HERE / "edit_to_browser.py"
BIG = 30_000  # --big: how time and memory grow past 10,000


@dataclass
class Sample:
    """One measured run of a command."""

    seconds: float
    maxrss_kib: int
    tree_kib: int
    cpu_seconds: float = 0.0  # user + system time of the process and its workers


@dataclass
class Row:
    """The medians of one scenario at one size."""

    name: str
    samples: list[Sample] = field(default_factory=list)

    def median(self, attr: str) -> float:
        return float(statistics.median(getattr(s, attr) for s in self.samples))


def measure(argv: Sequence[str], cwd: Path | None = None) -> Sample:
    """Run `argv` in a fresh measuring process; its wall time and peak memory."""
    probe = [sys.executable, str(Path(__file__).resolve()), "--_probe", "--", *argv]
    done = subprocess.run(probe, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{done.stdout}{done.stderr}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return Sample(data["seconds"], data["maxrss_kib"], data["tree_kib"], data["cpu_seconds"])


def _probe(argv: Sequence[str]) -> int:
    """Inside the measuring process: run the command, sample its tree, report JSON."""
    import resource

    start = time.perf_counter()
    # stderr to a file, not a pipe: a build's warnings could fill a pipe and stall it.
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors)
        tree = 0
        while child.poll() is None:
            tree = max(tree, _tree_rss_kib(child.pid))
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    if child.returncode != 0:
        print(err, file=sys.stderr)
        return child.returncode
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    maxrss = int(usage.ru_maxrss)
    cpu = usage.ru_utime + usage.ru_stime
    report = {"seconds": seconds, "maxrss_kib": maxrss, "tree_kib": max(tree, maxrss)}
    print(json.dumps({**report, "cpu_seconds": cpu}))
    return 0


def _tree_rss_kib(pid: int) -> int:
    """Summed resident memory of a process and all its descendants (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")),
                0,
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def briefing_command() -> list[str]:
    """The installed console script beside this Python, else `python -m briefing_site`."""
    script = Path(sys.executable).with_name("briefing-site")
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing_site"]


def make_corpus(out: Path, count: int, form: str, generator: str) -> None:
    """Write `count` articles into `out` with the chosen generator."""
    if generator == "shared":
        command = [sys.executable, str(SHARED_CORPUS), "--n", str(count), "--format", form]
    else:
        command = [sys.executable, str(HERE / "corpus.py"), "--n", str(count), "--format", form]
    subprocess.run([*command, str(out)], check=True)


def edit_one_article(site: Path, round_: int) -> None:
    """Change one paragraph of a published article, as an editor would (`edited_article`)."""
    target = edited_article(site)
    text = target.read_text(encoding="utf-8")
    head, sep, rest = text.rpartition(".\n")
    target.write_text(f"{head} (Edit {round_}.){sep}{rest}", encoding="utf-8")


def edited_article(site: Path) -> Path:
    """The middle article among those published on the real clock (front-matter date not
    after now). The middle file by name can be dated in the future (the shared corpus
    runs a month past today), and the real-clock build holds it back: its edit would
    redraw no listing and index no search shard, an optimistic figure. Both the `--now`
    and the real-clock rows edit this one (published on both clocks), so they compare."""
    now = dt.datetime.now(dt.UTC)
    files = sorted((site / "content").glob("*.md"))
    published = [path for path in files if _published(path, now)]
    chosen = published or files
    return chosen[len(chosen) // 2]


def _published(path: Path, now: dt.datetime) -> bool:
    """Whether the front matter's `date` is not after `now` (no or odd date: published).
    A bare date counts from its start in UTC, a day early at worst for a site in a zone
    ahead of UTC, which only ever picks an article that is surely out."""
    lines = path.read_text(encoding="utf-8").split("\n---", 1)[0].splitlines()
    value = next((line[5:].strip().strip("'\"") for line in lines if line.startswith("date:")), "")
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return True
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when <= now


def add_one_article(site: Path, round_: int) -> Path:
    """A new published briefing, as a writer would add one: a copy of the edited article
    under a new file name (so a new slug) and title, dated a minute ago (today, and out
    on the real clock in any site zone). Returns its path, to remove it afterwards."""
    source = edited_article(site)
    text = source.read_text(encoding="utf-8")
    when = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).replace(microsecond=0)
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("title:"):
            lines[number] = f'title: "Added briefing {round_}"'
        elif line.startswith("date:"):
            lines[number] = f"date: {when.isoformat()}"
        elif number and line == "---":
            break
    target = site / "content" / f"added-briefing-{round_}.md"
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def without_search(config: Path) -> None:
    """Set `search: false` in the site's briefing.yaml (made if missing): builds without Pagefind."""
    lines = config.read_text(encoding="utf-8").splitlines() if config.exists() else []
    lines = [line for line in lines if not line.startswith("search:")]
    config.write_text("\n".join([*lines, "search: false"]) + "\n", encoding="utf-8")


def bench_briefing(site: Path, repeat: int, cold_only: bool = False) -> list[Row]:
    """Cold, no-change and one-edit builds of one site, `repeat` times each
    (`cold_only`: the cold build alone; the other rows stay empty).

    The cold build and the first edit after it run as users run them: no
    `--now`, on the real clock. The `--now` rows follow two untimed builds that
    move the site onto the fixed clock. Then the rebuilds as users run them: no `--now`, so each build reads
    the real clock (a second or a minute later than the last). The two builds
    that move the site and its spare copy off the fixed clock are not timed.
    """
    users = [*briefing_command(), "build", "-s", str(site)]
    build = [*users, "--now", NOW]
    cold, same, edit = Row("cold build"), Row("no-change rebuild"), Row("one-edit rebuild")
    first_edit = Row("first one-edit rebuild after a cold build")
    plain = Row("one-process build without cache (-j 1 --no-cache)")
    real_same = Row("no-change rebuild, no --now")
    real_edit = Row("one-edit rebuild, no --now")
    real_add = Row("add-one rebuild, no --now")
    for round_ in range(repeat):
        if cold_only:
            shutil.rmtree(site / "build", ignore_errors=True)
            shutil.rmtree(site / CACHE_DIR, ignore_errors=True)
            cold.samples.append(measure(users))
            _check_built(site, real_clock=True)
            continue
        plain.samples.append(measure([*build, "-j", "1", "--no-cache", "-o", str(site / "ref")]))
        shutil.rmtree(site / "build", ignore_errors=True)
        shutil.rmtree(site / CACHE_DIR, ignore_errors=True)
        cold.samples.append(measure(users))
        _check_built(site, real_clock=True)
        # The first build that writes after a cold build finds no spare copy of the
        # site to update (`writer._Spare`): it links the whole tree once (every
        # folder made again), a one-time cost timed on its own row, as users run
        # it. Every later edit finds the spare, as the rows below do.
        edit_one_article(site, round_)
        first_edit.samples.append(measure(users))
        # Onto the fixed clock, twice with an edit between, so the spare build the
        # next write updates is a fixed-clock one too.
        measure(build)
        _check_built(site)
        edit_one_article(site, round_ + 3 * repeat)
        measure(build)
        same.samples.append(measure(build))
        edit_one_article(site, round_ + 4 * repeat)
        edit.samples.append(measure(build))
        # Onto the real clock, twice with an edit between, so the spare build
        # the next write updates is a real-clock one too, as it is for users.
        measure(users)
        edit_one_article(site, round_ + repeat)
        measure(users)
        real_same.samples.append(measure(users))
        edit_one_article(site, round_ + 2 * repeat)
        real_edit.samples.append(measure(users))
        added = add_one_article(site, round_)
        real_add.samples.append(measure(users))
        if not (site / "build" / "briefings" / added.stem / "index.html").exists():
            raise SystemExit(f"the build did not publish the added article {added.name}")
        # Gone again, so the corpus is as made: the next round starts from clean
        # builds (no build/, no cache), and nothing after a round builds this site.
        added.unlink()
    return [cold, same, edit, plain, real_same, real_edit, real_add, first_edit]


def _check_built(site: Path, real_clock: bool = False) -> None:
    """A benchmark of a build that left articles out would measure nothing: refuse it.
    On the real clock the corpus's articles dated later are not out yet (a day's
    leeway either way for the site's zone)."""
    files = list((site / "content").glob("*.md"))
    pages = len(list((site / "build" / "briefings").glob("*/index.html")))
    if not real_clock:
        if pages != len(files):
            raise SystemExit(f"the build published {pages} of {len(files)} articles")
        return
    now = dt.datetime.now(dt.UTC)
    least = sum(_published(path, now - dt.timedelta(days=1)) for path in files)
    most = sum(_published(path, now + dt.timedelta(days=1)) for path in files)
    if not least <= pages <= most:
        raise SystemExit(f"the build published {pages} articles; {least} to {most} are out")


def bench_hugo(site: Path, repeat: int, name: str) -> Row:
    """Hugo's build of a whole site, with its output and resource cache removed each time."""
    row = Row(name)
    for _ in range(repeat):
        shutil.rmtree(site / "public", ignore_errors=True)
        shutil.rmtree(site / "resources", ignore_errors=True)
        row.samples.append(measure(["hugo", "--quiet", "-s", str(site), "-d", "public"]))
    return row


def bench_startup(repeat: int) -> Row:
    row = Row("briefing-site --help")
    for _ in range(max(repeat, 5)):
        row.samples.append(measure([*briefing_command(), "--help"]))
    return row


def edit_to_browser(site: Path) -> str:
    """The serve benchmark's own report, when bench/edit_to_browser.py exists."""
    if not EDIT_TO_BROWSER.exists():
        return "n/a (bench/edit_to_browser.py not present)"
    done = subprocess.run(
        [sys.executable, str(EDIT_TO_BROWSER), "--corpus", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = (done.stdout or done.stderr).strip().splitlines()
    last = lines[-1] if lines else ""
    if done.returncode != 0:
        return f"failed (exit {done.returncode}): {last}"
    return next((line for line in lines if line.startswith("edit-to-browser:")), last)


@dataclass
class SizeResult:
    """Everything measured at one corpus size."""

    size: int
    ours: list[Row]
    hugo: Row | None  # the full site, which ratios are taken against
    hugo_single: Row | None  # one page per article, as the first comparison had it
    browser: str


def run_size(size: int, args: argparse.Namespace, work: Path) -> SizeResult:
    """Make (or copy) the corpus for one size and measure everything on it."""
    site = work / f"briefing-{size}"
    if args.corpus:
        shutil.copytree(args.corpus / "content", site / "content")
    else:
        make_corpus(site, size, "briefing", args.generator)
    if args.config and args.config.exists():
        shutil.copy(args.config, site / "briefing.yaml")
    if args.no_search:
        without_search(site / "briefing.yaml")
    ours = bench_briefing(site, args.repeat, args.cold_only)
    hugo = single = None
    if not args.no_hugo:
        full_site, single_site = work / f"hugo-full-{size}", work / f"hugo-{size}"
        make_corpus(full_site, size, "hugo-full", args.generator)
        make_corpus(single_site, size, "hugo", args.generator)
        hugo = bench_hugo(full_site, args.repeat, "Hugo full site (hugo-full)")
        single = bench_hugo(single_site, args.repeat, "Hugo single-page site (hugo)")
        shutil.rmtree(full_site / "public", ignore_errors=True)
        shutil.rmtree(single_site / "public", ignore_errors=True)
    browser = edit_to_browser(site) if args.browser else "not run (--browser)"
    if not args.work:  # a 30,000 corpus and its builds fill the disk: one size at a time
        for folder in (site, work / f"hugo-full-{size}", work / f"hugo-{size}"):
            shutil.rmtree(folder, ignore_errors=True)
    return SizeResult(size, ours, hugo, single, browser)


def _seconds(row: Row, hugo: Row | None, as_share: bool, single: Row | None = None) -> str:
    """Wall time, CPU time (all processes), and the ratio to Hugo's full-site build."""
    value, cpu = row.median("seconds"), row.median("cpu_seconds")
    text = f"{value:.3f} s, CPU {cpu:.2f} s"
    if hugo is None:
        return text
    ratio = value / hugo.median("seconds")
    text += f" ({ratio:.0%} of Hugo)" if as_share else f" ({ratio:.2f}x Hugo"
    if not as_share:
        text += f"; {value / single.median('seconds'):.2f}x single-page)" if single else ")"
    return text


def _per_thousand(row: Row, size: int) -> str:
    """Seconds and peak memory per 1,000 briefings: flat when growth is linear."""
    seconds = row.median("seconds") / size * 1000
    return f"{seconds:.2f} s, {row.median('tree_kib') / 1024:.0f} MiB peak"


def _memory(row: Row, hugo: Row | None) -> str:
    single, tree = row.median("maxrss_kib") / 1024, row.median("tree_kib") / 1024
    text = f"{single:.0f} MiB (tree {tree:.0f} MiB)"
    if hugo is not None:
        text += f", {tree / (hugo.median('tree_kib') / 1024):.0%} of Hugo"
    return text


def report(results: Sequence[SizeResult], startup: Row, repeat: int) -> str:
    """A Markdown table, sizes side by side."""
    sizes = " | ".join(f"{r.size:,} articles" for r in results)
    head = f"| measure (median of {repeat}) | {sizes} |"
    lines = [head, "| --- |" + " --- |" * len(results)]

    def line(label: str, cell: Callable[[SizeResult], str]) -> None:
        lines.append(f"| {label} | " + " | ".join(_or_not_run(cell, r) for r in results) + " |")

    line("cold build", lambda r: _seconds(r.ours[0], r.hugo, False, r.hugo_single))
    line("no-change rebuild (--now)", lambda r: _seconds(r.ours[1], r.hugo, True))
    line("one-edit rebuild (--now)", lambda r: _seconds(r.ours[2], r.hugo, True))
    line(
        "first edit after a cold build, as users run it (makes the spare copy)",
        lambda r: _seconds(r.ours[7], r.hugo, True),
    )
    line("no-change rebuild, as users run it", lambda r: _seconds(r.ours[4], r.hugo, True))
    line("one-edit rebuild, as users run it", lambda r: _seconds(r.ours[5], r.hugo, True))
    line("add one article, as users run it", lambda r: _seconds(r.ours[6], r.hugo, True))
    line("one process, no cache", lambda r: _seconds(r.ours[3], r.hugo, False, r.hugo_single))
    line("Hugo full site", lambda r: _seconds(r.hugo, None, False) if r.hugo else "n/a")
    line(
        "Hugo single page",
        lambda r: _seconds(r.hugo_single, None, False) if r.hugo_single else "n/a",
    )
    line("peak RSS, cold build", lambda r: _memory(r.ours[0], r.hugo))
    line("Hugo full site peak RSS", lambda r: _memory(r.hugo, None) if r.hugo else "n/a")
    line("cold build per 1,000 briefings", lambda r: _per_thousand(r.ours[0], r.size))
    if any(r.hugo for r in results):
        line(
            "Hugo full site per 1,000",
            lambda r: _per_thousand(r.hugo, r.size) if r.hugo else "n/a",
        )
    line("edit-to-browser", lambda r: r.browser)
    lines.append(f"\n`briefing-site --help`: {startup.median('seconds') * 1000:.0f} ms")
    return "\n".join(lines)


def _or_not_run(cell: Callable[[SizeResult], str], result: SizeResult) -> str:
    """The cell, or "not run" for a row `--cold-only` left without samples."""
    try:
        return cell(result)
    except statistics.StatisticsError:
        return "not run (--cold-only)"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--big", action="store_true", help=f"add a {BIG:,}-briefing point (long: about an hour)"
    )
    parser.add_argument(
        "--cold-only",
        action="store_true",
        help="time only the cold build (and Hugo's): how time and memory grow with size",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--corpus", type=Path, help="use this folder's content/ (one size)")
    parser.add_argument("--config", type=Path, help="a briefing.yaml for the benchmark site")
    parser.add_argument(
        "--generator",
        choices=("shared", "own"),
        default="shared" if SHARED_CORPUS.exists() else "own",
        help="corpus generator (default: ../shared's when present)",
    )
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    parser.add_argument(
        "--no-search",
        action="store_true",
        help="build without the search index (search: false), to time the engine alone",
    )
    parser.add_argument("--browser", action="store_true", help="run bench/edit_to_browser.py")
    parser.add_argument("--work", type=Path, help="keep corpora and builds here")
    parser.add_argument("--json", type=Path, help="also write the raw samples as JSON")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.no_hugo and shutil.which("hugo") is None:
        raise SystemExit("hugo is not installed: apt-get install hugo, or pass --no-hugo")
    if not args.no_hugo and args.generator == "own":
        raise SystemExit("the Hugo full site needs ../shared/bench/make_corpus.py, or --no-hugo")
    sizes = [len(list((args.corpus / "content").glob("*.md")))] if args.corpus else args.sizes
    if args.big and not args.corpus:
        sizes = sorted({*sizes, BIG})
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        results = [run_size(size, args, work) for size in sizes]
    startup = bench_startup(args.repeat)
    print(report(results, startup, args.repeat))
    if args.json:
        raw = {
            str(r.size): {
                row.name: row.samples
                for row in [*r.ours, *(h for h in (r.hugo, r.hugo_single) if h)]
            }
            for r in results
        }
        raw["startup"] = {startup.name: startup.samples}
        args.json.write_text(json.dumps(raw, default=lambda s: s.__dict__, indent=1))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--_probe"]:
        sys.exit(_probe(sys.argv[3:]))
    sys.exit(main())
