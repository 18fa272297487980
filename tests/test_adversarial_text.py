"""Untrusted article text cannot stall the cleaning or the topic scoring.

Each shape here once cost time quadratic in its length (a regex retried from every
position of a long run, each short block compared with every other). No test here
says how fast: bench/adversarial_text.py measures the times of whole builds. A
regex's steps cannot be counted from Python, so its tests are hang guards: the
input is sized so the old code would run for minutes, and it runs in a child
process that gets a generous 20 s (the fixed code takes well under a second). The
many short paragraphs are judged by the filter's calls, counted.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from briefing_site.content import junk
from briefing_site.content.junk import JunkFilter
from briefing_site.model import Paragraph

GENEROUS = 20  # seconds: a hang guard, no speed claim; the old code needed minutes


def finishes(code: str) -> None:
    """Run `code` (with `text` to clean) in a child Python; it must end, not hang."""
    prelude = textwrap.dedent(
        """
        from briefing_site.config.schema import default_topics
        from briefing_site.content.classify import Classifier
        from briefing_site.content.junk import JunkFilter
        from briefing_site.model import Paragraph

        def clean(*texts):
            paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
            return JunkFilter().clean(paragraphs, title="Talks in Washington")

        def classify(*texts):
            return Classifier(default_topics()).classify(list(texts))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=GENEROUS,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_long_run_of_spaces_before_a_colon_does_not_hang() -> None:
    # Old: `\s+(?:source|via|credit)...$` retried from each of the spaces (10k: 2-3 s).
    finishes('clean("Talks went on" + " " * 300_000 + "end:")')


def test_a_trailing_source_is_still_taken_off_a_long_paragraph() -> None:
    text = " ".join(["The minister said the talks would go on."] * 6) + "  Source: Example News"
    assert junk._TRAILING_SOURCE.sub("", text).endswith("go on.")
    assert junk._TRAILING_SOURCE.search("Talks went on" + " " * 50 + "end:") is None


def test_a_long_run_of_digits_and_commas_does_not_hang() -> None:
    # Old: the amount pattern `\b\d[\d.,]*...` retried after every comma (97 x 10k: 119 s).
    finishes('classify(*["1," * 5_000] * 60)')


def test_the_amount_pattern_still_finds_amounts() -> None:
    from briefing_site.config.schema import default_topics
    from briefing_site.content.classify import Classifier

    verdicts = Classifier(default_topics()).classify(
        ["Investment of $1.5 billion and 2,000 bn in loans was promised by the ministry."]
    )
    assert any("amount" in cue for cue in verdicts[0].cues), verdicts[0].cues


def test_runs_of_brackets_and_angle_brackets_do_not_hang() -> None:
    # Old: `\[([^\]]*)\]\(` and `<[^>]+>` retried from every opener (1 MB of "[a": 31 s).
    finishes(
        """
        from briefing_site.content.classify import strip_markup
        for unit in ("[a", "<a", "![a", "[a](", "<http://a"):
            strip_markup(unit * 100_000)
        """
    )


def test_markup_is_still_stripped() -> None:
    from briefing_site.content.classify import strip_markup

    text = "See ![a map](m.png) and [the text](https://x.org) or [ref][1] <b>now</b>."
    assert strip_markup(text) == "See a map and the text or ref  now ."


def _short_paragraphs(count: int) -> list[Paragraph]:
    """`count` distinct short items sharing most of their words, then a quarter as
    many copies of one line."""
    lines = [f"Item {i} was sent by the office today." for i in range(count)]
    texts = [*lines, *["The office said it was closed today."] * (count // 4)]
    return [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]


def _calls_to_clean(paragraphs: list[Paragraph]) -> int:
    """The function calls (Python's and built-in ones) the filter makes: its work,
    counted the same on any machine, however busy."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(JunkFilter().clean, paragraphs, title="Talks in Washington")
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


def test_thousands_of_short_paragraphs_cost_work_in_proportion_to_their_number() -> None:
    """Old: each short block compared with every other and walked its neighbours
    (20,000: 120 s). 16 times the blocks make about 12 times the calls; comparing
    each with every block below made them ~210 times."""
    assert _calls_to_clean(_short_paragraphs(8_000)) < 24 * _calls_to_clean(_short_paragraphs(500))


def test_twenty_thousand_short_paragraphs_keep_the_items_and_drop_the_copies() -> None:
    """Every item stays; the line printed 5,000 times stays once (its last copy)."""
    paragraphs = _short_paragraphs(20_000)
    kept, dropped = JunkFilter().clean(paragraphs, title="Talks in Washington")
    assert [p.text for p in kept] == [p.text for p in paragraphs[:20_000]] + [
        "The office said it was closed today."
    ]
    assert [d.paragraph.number for d in dropped] == list(range(20_001, 25_000))


def test_a_short_block_is_still_found_repeated_further_down() -> None:
    body = ("The two leaders agreed to deepen the alliance and expand investment in the region, "
            "and officials said more meetings would follow later in the year.")  # fmt: skip
    quote = "deepen the alliance and expand investment in the region"
    lede = "Japan's prime minister met the president in Washington on Friday for talks on trade."
    texts = [lede, quote, body]
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    _, dropped = JunkFilter().clean(paragraphs)
    assert [(d.paragraph.number, d.pattern) for d in dropped][:1] == [(2, "repeats ¶3")]


def test_a_said_clause_before_a_long_run_of_spaces_does_not_hang() -> None:
    # Old: `\s*[.!]?["']?\s*$` after "..., said" gave the run back one space at a time,
    # each try running the second `\s*` to the run's end (32,000 spaces: 5 s; these: minutes).
    finishes(
        """
        from briefing_site.content import junk
        junk._SAID_AT_END.search("Talks, said" + " " * 300_000 + "x")
        clean("The talks went on. This article was originally published on Example, said"
              + " " * 300_000 + "x")
        """
    )


def test_a_sentence_ending_on_who_said_it_is_still_found() -> None:
    said = junk._SAID_AT_END.search
    assert said("This report took six months, the minister said.  ")
    assert said('It was first published in March, said officials on Friday."')
    assert said("It was prepared over months, she added \u201d \t")
    assert not said("Talks, said" + " " * 50 + "x, y")


class _Handed:
    """Counts the characters handed to a word splitter or a pattern: its work on a text,
    the same on any machine (the old code split each place's head and tail again)."""

    def __init__(self) -> None:
        self.chars = 0

    def words(self, text: str) -> list[str]:
        self.chars += len(text)
        return junk._WORD.findall(text.replace("\u2019", "'"))


def _handed_to_syndicated_tail(count: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(characters handed to the word splitter, the text's length) for a paragraph that
    says "Originally published ..." `count` times."""
    text = "The talks went on. Originally published on Example. " * count
    handed = _Handed()
    pattern = junk._WORD

    class Word:
        def __getattr__(self, name: str) -> object:
            method = getattr(pattern, name)

            def counted(string: str, *rest: object) -> object:
                handed.chars += len(string)
                return method(string, *rest)

            return counted

    monkeypatch.setattr(junk, "_words", handed.words)
    monkeypatch.setattr(junk, "_WORD", Word())
    assert junk._syndicated_tail(text) == (
        text.rstrip()[: -len(" Originally published on Example.")],
        "Originally published on Example.",
    )
    return handed.chars, len(text)


def test_a_paragraph_of_many_syndication_lines_is_split_into_words_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Old: each of its 2,000 places was split again in two, head and tail (2,000 times
    the text's 104,000 characters; 64 KB of them took 2.3 s, 1 MB minutes)."""
    chars, length = _handed_to_syndicated_tail(2_000, monkeypatch)
    assert chars <= 2 * length


def test_a_link_is_looked_for_in_the_last_run_of_characters_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Old: the link pattern ran from every "www." to the next space and back (64 KB of
    "WWW.": 36 s, 1 MB hours). A link at the end starts in the text's last run."""
    handed: list[int] = []
    pattern = junk._LINK_END

    class Link:
        def search(self, string: str, pos: int = 0) -> object:
            handed.append(len(string) - pos)
            return pattern.search(string, pos)

    monkeypatch.setattr(junk, "_LINK_END", Link())
    for unit in ("www.", "WWW.", "HTTP://A"):
        assert junk._link_end(unit * 5_000 + " x ") is None
    assert junk._link_end("See the statement at www.example.org/a  ").group() == (  # type: ignore[union-attr]
        "www.example.org/a  "
    )
    assert max(handed) <= len("www.example.org/a  ")


def test_a_long_run_of_capitals_in_brackets_does_not_hang() -> None:
    # Old: `\((?:[A-Z][\w.]*\.?\s?){1,5}\)` split the run at any of its letters, every
    # way, before finding no ")" (160 capitals: 41 s; these 300: ~15 min).
    finishes(
        """
        lede = "Japan's prime minister met the president in Washington on Friday for talks."
        clean(lede, "Minister of Trade (" + "A" * 300 + " x) said the two sides agreed to"
              " deepen the alliance and expand investment in the region on Friday.")
        """
    )


def test_a_speaker_named_in_brackets_is_still_found() -> None:
    speaker = junk._BRACKETED_SPEAKER.match
    assert speaker("Foreign Minister of Ruritania (Ms. Jane Doe): Good afternoon.")
    assert speaker("Minister of Trade (Ms.Doe):Thank you.")
    assert speaker("Spokesperson (Mr. A. B. Doe ): Yes.")
    assert not speaker("Minister of Trade (Ms. Jane Doe of the ministry): Yes.")
