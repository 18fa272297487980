"""How slow can one article's Markdown get once `load` has let it through?

Python-Markdown's inline parsing is quadratic in a block's length for some
shapes (runs of `[`, `[x][`, `<a `). `load` refuses blocks over
MAX_BLOCK_CHARS and blocks where (count of `[` and `<`) x length exceeds
MAX_BRACKET_WORK. This times the worst shapes that still pass those checks,
and the same shapes unbounded, to show what the caps buy.

    .venv/bin/python bench/markdown_worst_case.py
"""

from __future__ import annotations

import time

from briefing_site.content.load import MAX_BLOCK_CHARS, MAX_BRACKET_WORK, _markdown_hazard
from briefing_site.content.markup import MarkupConverter


def largest_allowed(unit: str, filler: str = "word ") -> str:
    """As many `unit`s as the checks allow, padded with prose to the length cap."""
    best = ""
    for count in range(1, 2000):
        openers = (unit.count("[") + unit.count("<")) * count
        length = max(len(unit) * count, MAX_BLOCK_CHARS - 1)
        if openers * length > MAX_BRACKET_WORK:
            break
        text = unit * count
        best = (text + filler * MAX_BLOCK_CHARS)[:length]
    assert not _markdown_hazard(best), _markdown_hazard(best)
    return best


def timed(converter: MarkupConverter, text: str) -> float:
    started = time.perf_counter()
    converter.markdown_html(text)
    return time.perf_counter() - started


def main() -> None:
    converter = MarkupConverter()
    print(f"caps: {MAX_BLOCK_CHARS:,} characters, [ and < x length <= {MAX_BRACKET_WORK:,}")
    print(f"{'shape':<12} {'allowed worst':>14} {'8 KB unbounded':>15}")
    for unit in ("[", "[x][", "[a](", "![", "<a ", "*a ", "`a "):
        allowed = timed(converter, largest_allowed(unit))
        unbounded = timed(converter, (unit * 8000)[:8000])
        print(f"{unit!r:<12} {allowed:>13.3f}s {unbounded:>14.3f}s")
    started = time.perf_counter()
    _markdown_hazard("[" * MAX_BLOCK_CHARS)
    print(
        f"the check itself on a {MAX_BLOCK_CHARS:,}-character block: "
        f"{(time.perf_counter() - started) * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()
