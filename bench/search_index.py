"""What search costs a build: the Pagefind index time next to the build time.

    python bench/search_index.py [--sizes 1000 10000] [--work DIR]

For each size it writes this folder's corpus (`corpus.py`), then measures, in
fresh processes with the clock fixed after every corpus date:

- the cold build with `search: false` (no index) and with search (default),
  each from an empty build folder and cache;
- the index alone: the built briefing pages sent through Pagefind once more,
  timed in this process (what the build adds; `serve` redoes this in the
  background after a save);
- a one-edit rebuild with search (the index is redone: Pagefind cannot update
  an index in place), and the index's size on disk and file count.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from briefing_site.build.search import find_indexer, run_indexer  # noqa: E402
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
    started = time.perf_counter()
    files = run_indexer(find_indexer(), pages)
    index_alone = time.perf_counter() - started
    first = sorted((site / "content").glob("*.md"))[0]
    first.write_text(first.read_text().replace("Officials", "Ministers", 1))
    one_edit = build(site)
    size_bytes = sum(len(f.data) for f in files)
    return {
        "briefings": f"{len(pages):,}",
        "cold build, search: false": f"{without:.2f} s",
        "cold build with search": f"{with_search:.2f} s",
        "index alone (Pagefind)": f"{index_alone:.2f} s",
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
