"""How the junk filter's time grows on long copy drawn from a few sentences.

A scraped page can print the same few sentences over and over, in blocks of
four to six, each longer than a pull quote: the filter then looks for an
earlier, longer block that opens with each block, word for word (a paragraph
printed twice, the second copy cut short). Walking every block above once made
that quadratic. This times `JunkFilter.clean` (CPU time, the best of
`--repeat` runs) on 500 to 16,000 such blocks: a flat "per 1,000 blocks"
column means linear time. The tests count the filter's calls instead
(`tests/test_junk.py`), which no busy machine can upset.

    .venv/bin/python bench/junk_long_copy.py
    .venv/bin/python bench/junk_long_copy.py --sizes 1000 8000 --repeat 5
"""

from __future__ import annotations

import argparse
import random
import time

from briefing_site.content.junk import JunkFilter
from briefing_site.model import Paragraph

SENTENCES = [
    "The two leaders met on Tuesday in the capital to discuss trade, security and the "
    "future of the alliance in the region.",
    "Officials from both governments said the talks had been productive and that working "
    "groups would continue them next month.",
    "Analysts in the region expect the agreement to boost investment in energy, ports and "
    "infrastructure over the coming decade.",
    "The summit comes after years of strained ties between the two countries over fishing "
    "rights and the border in the north.",
    "Protesters gathered outside the venue on a cold morning as the delegations arrived in "
    "their motorcades from the airport.",
    "The foreign minister told reporters at the airport that a joint statement on the talks "
    "would be released later in the day.",
    "Both sides agreed to expand their cooperation on climate, public health and research, "
    "and to meet again before the winter.",
    "A senior diplomat who took part in the talks said the visit marked a turning point for "
    "the relationship between the two.",
]


def long_copy(count: int) -> list[Paragraph]:
    """`count` blocks of four to six of the sentences, drawn the same every run."""
    draw = random.Random(7)
    texts = [" ".join(draw.sample(SENTENCES, draw.randint(4, 6))) for _ in range(count)]
    return [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]


def cpu_seconds(paragraphs: list[Paragraph], repeat: int) -> float:
    """The least CPU time of `repeat` runs of the filter (the others met a busier machine)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        JunkFilter().clean(paragraphs, title="Ministers meet")
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[500, 1000, 2000, 4000, 8000, 16000]
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'blocks':>8} {'CPU':>9} {'per 1,000 blocks':>17} {'x smallest':>11}")
    first: tuple[int, float] | None = None
    for size in args.sizes:
        seconds = cpu_seconds(long_copy(size), args.repeat)
        first = first or (size, seconds)
        growth = seconds / first[1] if first[1] else float("nan")
        print(
            f"{size:>8,} {seconds:>8.3f}s {seconds / size * 1000:>16.3f}s "
            f"{growth:>10.1f}x (copy {size / first[0]:.0f}x)"
        )


if __name__ == "__main__":
    main()
