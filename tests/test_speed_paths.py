"""The speed paths change nothing a reader sees.

The plain-paragraph fast path, the build cache and the worker processes must
each give the bytes a clean one-process build with Python-Markdown gives.
"""

from __future__ import annotations

import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing_site.markup import plain_html, sanitize

PROSE = (
    "Officials on both sides expect that tariffs on steel remain the main sticking point, "
    "analysts say. Growth could slow to 1.5 percent (or less) by 2027; the yen's fall "
    "\u2014 12% since May \u2014 worries \u201cexporters\u201d in Tokyo."
)
# Prose characters, Markdown and HTML syntax, entities, and odd Unicode.
ALPHABET = st.sampled_from(
    [
        *"abcXYZ019 .,;:'\"?!%$/@()-*_`#>+=[]<&\\~|{}\n\t",
        "\u00a0",
        "\u2019",
        "\u201c",
        "\u2014",
        "\u2026",
        "\u00e9",
        "\u00b2",
        "\u200b",
        "\u0301",
    ]
)


def engine_html(text: str) -> str:
    """What the engine alone makes of a paragraph: Python-Markdown, then the sanitiser."""
    engine = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return sanitize(engine.convert(text))


def test_plain_prose_takes_the_fast_path_with_the_engines_bytes() -> None:
    fast = plain_html(PROSE)
    assert fast is not None
    assert fast == engine_html(PROSE)


@settings(max_examples=1500, deadline=None)
@given(st.text(ALPHABET, max_size=40))
@example("1986. The treaty")
@example("A & B")
@example("x\u00a0y")
@example("Tea  ")
@example("Note: see e.g. U.S. policy")
def test_fast_path_is_byte_identical_to_python_markdown(text: str) -> None:
    fast = plain_html(text)
    if fast is not None:
        assert fast == engine_html(text)


@settings(max_examples=1500, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_fast_path_matches_the_engine_on_any_unicode_after_a_word(tail: str) -> None:
    text = "Talks " + tail
    fast = plain_html(text)
    if fast is not None:
        assert fast == engine_html(text)
