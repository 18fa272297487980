"""Two versions of the tool on a one-edit rebuild as users run it, turn about (stdlib only).

    python bench/one_edit_ab.py OLD_SRC OLD_SITE NEW_SRC NEW_SITE [--rounds 8]

OLD_SRC and NEW_SRC are the `src` folders of two checkouts (say `git archive` of
main, and a branch); OLD_SITE and NEW_SITE two copies of one built site, one for
each (the tool's code is part of every cache key, so they cannot share one: build
each once with its own code first). Each round edits one article of each site as
`bench/run.py`'s one-edit row does and rebuilds it without `--now`, through
`one_edit_phases.measure` with that checkout first on the path, the two taking
turns going first. Printed: the medians of the whole process's wall and CPU time
(children included), the main thread's CPU, and the search thread's wall and CPU.

On a machine shared with other work, wall time swings by a second or more from
one build to the next; the main thread's CPU holds far better, and a change
worth keeping shows there over the rounds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from one_edit_phases import TOTAL, measure  # noqa: E402
from run import edit_one_article  # noqa: E402

WHOLE = "whole process and children"
SEARCH = "with_search"
ROWS = [  # (what is printed, the stage, wall 0 or CPU 1)
    ("whole process, wall", WHOLE, 0),
    ("whole process, CPU", WHOLE, 1),
    ("main thread, CPU", TOTAL, 1),
    ("search thread, wall", SEARCH, 0),
    ("search thread, CPU", SEARCH, 1),
]


def one_build(src: Path, site: Path, number: int) -> dict[str, list[float]]:
    """One edit of `site` and its rebuild by the code in `src`."""
    edit_one_article(site, number)
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(src)  # (measure's child takes this process's environment)
    try:
        return measure(site)
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    for name in ("old_src", "old_site", "new_src", "new_site"):
        parser.add_argument(name, type=Path)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--round", type=int, default=0, help="edit numbers start here")
    options = parser.parse_args(argv)
    sides = {
        "old": (options.old_src.resolve(), options.old_site),
        "new": (options.new_src.resolve(), options.new_site),
    }
    found: dict[str, list[dict[str, list[float]]]] = {name: [] for name in sides}
    for number in range(options.rounds):
        order = ("old", "new") if number % 2 == 0 else ("new", "old")
        for name in order:
            src, site = sides[name]
            figures = one_build(src, site, options.round + number)
            found[name].append(figures)
            shown = "  ".join(f"{label} {figures[stage][i]:.3f}" for label, stage, i in ROWS)
            print(f"round {number} {name}: {shown}", flush=True)
    print(f"\nmedians of {options.rounds} one-edit rebuilds each (seconds)")
    print(f"{'':24} {'old':>7} {'new':>7} {'new-old':>8}")
    for label, stage, i in ROWS:
        old, new = (statistics.median(f[stage][i] for f in found[n]) for n in ("old", "new"))
        print(f"{label:24} {old:7.3f} {new:7.3f} {new - old:+8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
