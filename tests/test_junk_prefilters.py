"""The junk filter's cheap tests before four of its patterns skip only texts the
pattern would not find anything in: each answers as the pattern's own search."""

from __future__ import annotations

import itertools

from briefing_site.content import junk

# Pieces that sit on each test's edge: credits after stops, brackets and odd spaces,
# links, "N of M" counters in any case, stops glued to capitals.
PIECES = (
    "The talks ended.",
    " Reuters",
    "(AP Photo).",
    " | EPA-EFE",
    ". Getty Images File Photos]",
    " Wikimedia Commons)\u00a0",
    "\u2009",
    " AFPs",
    " http://example.org/a",
    " www.example",
    " pic.twitter.com/abc ",
    " HTTP://WWW.EXAMPLE.ORG",
    " PIC.TWITTER.COM/XYZ",
    "Photo 3 of 8:",
    "(2/5) ",
    "slides 4 OF 9",
    "leaders.The summit",
    "x.Y",
    "on Monday!Officials",
    " 12 of",
)


def texts() -> list[str]:
    return ["".join(parts) for n in (1, 2, 3) for parts in itertools.product(PIECES, repeat=n)]


def test_prefiltered_searches_find_what_their_patterns_find() -> None:
    pairs = [
        (junk._link_end, junk._LINK_END),
        (junk._credit_end, junk._CREDIT_END),
        (junk._glued_sentence, junk._GLUED_SENTENCE),
        (junk._gallery, junk._GALLERY),
    ]
    for fast, pattern in pairs:
        found = 0
        for text in texts():
            quick, full = fast(text), pattern.search(text)
            assert (quick and quick.span()) == (full and full.span()), (fast.__name__, text)
            found += full is not None
        assert found, fast.__name__  # the pieces reach each pattern's matches too
