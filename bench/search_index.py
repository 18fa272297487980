"""What search costs a build: the Pagefind index time next to the build time.

    python bench/search_index.py [--sizes 1000 10000] [--work DIR]

For each size it writes this folder's corpus (`corpus.py`), then measures, in
fresh processes with the clock fixed after every corpus date:

- the cold build with `search: false` (no index) and with search (default),
  each from an empty build folder and cache;
- the index alone, in shards as a build makes it (two indexers at a time),
  and then as one Pagefind index of every page (what builds did before
  shards), each with the largest indexer process's peak memory; and the
  re-index after one page changed (one shard's indexer, and the shards put
  back together), timed in this process (`serve` does this in the background);
- a one-edit rebuild with search, and the index's size and file count.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from briefing_site.build.search import find_indexer, index_pages, run_indexer  # noqa: E402
from briefing_site.build.search_shards import MemoryStore  # noqa: E402
from briefing_site.model import RenderedFile  # noqa: E402

NOW = "2030-01-01T00:00:00+00:00"


def build(site: Path, *extra: str) -> float:
    """Seconds for one `briefing-site build` in a fresh process; any failure stops the run."""
    command = [sys.executable, "-m", "briefing_site", "build", "-q", "-s", str(site), "--now", NOW]
    started = time.perf_counter()
    done = subprocess.run([*command, *extra], capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode != 0 or "no search index" in done.stderr:
        raise SystemExit(f"build failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return took


def clean(site: Path) -> None:
    for name in ("build", ".briefing-cache"):
        shutil.rmtree(site / name, ignore_errors=True)


def measure(size: int, work: Path) -> dict[str, str]:
    site = work / f"site-{size}"
    subprocess.run(
        [sys.executable, str(HERE / "corpus.py"), "--n", str(size), str(site)],
        check=True,
        capture_output=True,
    )
    (site / "briefing.yaml").write_text("search: false\n")
    clean(site)
    without = build(site)
    (site / "briefing.yaml").unlink()
    clean(site)
    with_search = build(site)
    out = site / "build"
    pages = [
        RenderedFile(p.relative_to(out).as_posix(), p.read_bytes())
        for p in sorted(out.glob("briefings/*/index.html"))
        if p.parent.name != "page"
    ]
    store = MemoryStore()
    started = time.perf_counter()
    files = index_pages(pages, workers=2, store=store).files
    sharded = time.perf_counter() - started
    sharded_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    middle = len(pages) // 2
    pages[middle] = RenderedFile(
        pages[middle].path, pages[middle].data.replace(b"<p>", b"<p>Ministers said. ", 1)
    )
    started = time.perf_counter()
    index_pages(pages, workers=2, store=store)
    re_index = time.perf_counter() - started
    started = time.perf_counter()
    run_indexer(find_indexer(), pages)
    single = time.perf_counter() - started
    single_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    first = sorted((site / "content").glob("*.md"))[0]
    first.write_text(first.read_text().replace("Officials", "Ministers", 1))
    one_edit = build(site)
    size_bytes = sum(len(f.data) for f in files)
    shards = sum(f.path.endswith("pagefind-entry.json") for f in files)
    return {
        "briefings": f"{len(pages):,}",
        "cold build, search: false": f"{without:.2f} s",
        "cold build with search": f"{with_search:.2f} s",
        "index alone, in shards": f"{sharded:.2f} s, {shards} shards, {sharded_peak:.0f} MiB",
        "index alone, one index (before shards)": f"{single:.2f} s, {single_peak:.0f} MiB",
        "re-index after one page changed": f"{re_index * 1000:.0f} ms",
        "one-edit rebuild with search": f"{one_edit:.2f} s",
        "index on disk": f"{size_bytes / 1e6:.1f} MB in {len(files):,} files",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, help="keep the sites here (default: a temp folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="search-bench-") as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        results = {size: measure(size, work) for size in args.sizes}
    rows = list(next(iter(results.values())))
    print("| measure | " + " | ".join(f"{size:,} articles" for size in results) + " |")
    print("| --- |" + " --- |" * len(results))
    for row in rows[1:]:
        print(f"| {row} | " + " | ".join(result[row] for result in results.values()) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
