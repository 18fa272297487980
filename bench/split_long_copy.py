"""How the splitting of raw text into paragraphs grows on long hard-wrapped copy.

Each line of wrapped copy that ends on a capitalised word before a line opening
with one asks whether it breaks a name the copy spells out elsewhere on one line
("Prime" / "Minister"). Casefolding the whole copy for each such line once made
this quadratic. This times `split_text` (CPU time, the best of `--repeat` runs)
on 50 KB to 1 MB (the largest article a build reads) of such copy: a flat "per
100 KB" column means linear time. The tests count the calls and the characters
handed to string methods instead (`tests/test_load.py`), which no busy machine
can upset; the `in` test of each line pair against the whole copy is no call,
so only this shows its cost. It is still quadratic when written (20 times the
copy, ~230 times the CPU: 1 MB took ~6 s, 50 KB 0.03 s).

    .venv/bin/python bench/split_long_copy.py
    .venv/bin/python bench/split_long_copy.py --sizes 100000 800000 --repeat 5
"""

from __future__ import annotations

import argparse
import time

from briefing_site.content.load import split_text

UNIT = (
    "Die Minister trafen sich heute Abend wieder in Österreich\n"
    "Über alles sprachen die Leute gern in Straße\n"
    "Öl und Gas wurden heute wieder verhandelt in Graz\n"
)


def wrapped_copy(size: int) -> str:
    """About `size` characters of the three wrapped lines, over and over."""
    return UNIT * (size // len(UNIT)) + "Ende.\n"


def cpu_seconds(text: str, repeat: int) -> float:
    """The least CPU time of `repeat` runs (the others met a busier machine)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        split_text(text)
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[50_000, 100_000, 200_000, 400_000, 999_000]
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'characters':>11} {'CPU':>9} {'per 100 KB':>11} {'x smallest':>11}")
    first: tuple[int, float] | None = None
    for size in args.sizes:
        seconds = cpu_seconds(wrapped_copy(size), args.repeat)
        first = first or (size, seconds)
        growth = seconds / first[1] if first[1] else float("nan")
        print(
            f"{size:>11,} {seconds:>8.3f}s {seconds / size * 100_000:>10.3f}s "
            f"{growth:>10.1f}x (copy {size / first[0]:.0f}x)"
        )


if __name__ == "__main__":
    main()
