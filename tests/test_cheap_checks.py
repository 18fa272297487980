"""The cheap tests that stand before (or in place of) a regex scan answer as the regex does.

Each runs over every character of the Basic Multilingual Plane and the edge cases
around it (a character alone, inside ASCII prose, inside non-ASCII prose), so a
shortcut that reads ASCII, or skips a scan when a character is absent, cannot
change a page.
"""

from __future__ import annotations

import pytest

from briefing_site import safetext
from briefing_site.content import classify, junk, load, markup

_CHARS = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]
_CHARS += ["\ud800", "\udfff", "\U0001f600", "\U000e0001"]
_FRAMES = ("{}", "Talks in Berlin {} ended.", "Talks \u2019n {} ended", "_{}_")


def _texts() -> list[str]:
    return [frame.format(char) for frame in _FRAMES for char in _CHARS]


def test_not_plain_answers_as_its_regex() -> None:
    wrong = [t for t in _texts() if markup._not_plain(t) != bool(markup._NOT_PLAIN.search(t))]
    assert wrong == []


def test_without_forbidden_drops_what_its_regex_drops() -> None:
    def by_regex(text: str) -> str:
        return safetext._FORBIDDEN.sub(lambda m: " " if m.group() in safetext._BREAKS else "", text)

    wrong = [t for t in _texts() if safetext.without_forbidden(t) != by_regex(t)]
    assert wrong == []


def test_without_invisible_drops_what_its_regexes_drop() -> None:
    def by_regex(text: str) -> str:
        return safetext._STRAY_JOINERS.sub("", safetext._INVISIBLE_BUT_JOINERS.sub("", text))

    texts = [*_texts(), "a\u200db", "\u200dab", "ab\u200c", "a \u200d\u200c b", "a\u2066\u200db"]
    wrong = [t for t in texts if safetext.without_invisible(t) != by_regex(t)]
    assert wrong == []


def test_unicode_break_test_answers_as_its_regex() -> None:
    wrong = [
        t for t in _texts() if load._has_unicode_break(t) != bool(load._UNICODE_BREAK.search(t))
    ]
    assert wrong == []


def test_year_words_where_the_year_pattern_matches() -> None:
    text = "In 1985, 1985s, 2024 and 20245, not 1499 nor 19851 nor \u0661\u0669\u0668\u0665 or 1\u0669\u0668\u0665s"
    plain = classify._tokens(text)
    expected = [
        classify._year_word(token, 2020) if classify._YEAR.fullmatch(token) else token
        for token in plain
    ]
    assert classify._tokens(text, 2020) == expected


class _Counted:
    """A compiled pattern that counts the calls made on it."""

    def __init__(self, pattern: object) -> None:
        self.pattern, self.calls = pattern, 0

    def __getattr__(self, name: str) -> object:
        self.calls += 1
        return getattr(self.pattern, name)


def test_ascii_prose_is_not_scanned_for_forbidden_or_invisible_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted = {name: _Counted(getattr(safetext, name)) for name in _SCANS}
    for name, pattern in counted.items():
        monkeypatch.setattr(safetext, name, pattern)
    prose = "The ministers met in Berlin on Friday (the 3rd), and agreed: 40% cuts.\nNext line."
    assert safetext.without_forbidden(prose) == prose
    assert safetext.without_invisible(prose) == prose
    assert safetext.without_invisible("Caf\u00e9 talks") == "Caf\u00e9 talks"
    assert {name: p.calls for name, p in counted.items()} == {
        "_FORBIDDEN": 0,
        "_INVISIBLE_BUT_JOINERS": 1,  # the non-ASCII title only
        "_STRAY_JOINERS": 0,  # no joiner in it
    }


_SCANS = ("_FORBIDDEN", "_INVISIBLE_BUT_JOINERS", "_STRAY_JOINERS")


_CAPTIONS = (
    "Leaders pose (left) at the summit",
    "Ministers, left, and aides, second from left, talk",
    "The leaders, from left to right, Jane Doe and John Roe",
    "Delegates (L-R) meet",
    "From the left, Jane Doe and John Roe",
    "Leaders meet in Rome. August 26, 2019. (AA)",
    "Leaders meet in Rome. August 26, 2019. (UPDATED)",
    "Photo: Jane Doe",
    "\u017fource: a ministry",  # a long s: IGNORECASE reads it as "s"
    "REUTERS/Jane Doe",
    "(Reuters File Photo)",
    "Leaders meet | photo",
    "Leaders meet hide caption",
    "Leaders meet at the palace.Image source, Getty Images",
    "Leaders meet. Courtesy of the ministry.",
    "Leaders meet at the Kremlin.Photo by Agency reporter Jane Doe",
    "Leaders met in Berlin on Friday and agreed to meet again.",
)


def test_captioned_answers_as_the_caption_pattern() -> None:
    texts = [*_CAPTIONS, *(f"{text} {char}" for text in _CAPTIONS for char in "(),:/|.!?")]
    found = [bool(junk._CAPTION.search(text)) for text in texts]
    assert [junk._captioned(text) for text in texts] == found
    assert sum(found[: len(_CAPTIONS)]) == len(_CAPTIONS) - 2  # the story's stamp, the prose


def test_link_end_answers_as_the_link_pattern() -> None:
    """`_link_end` scans only the text's last run of non-space characters: a text ending
    in any character (white space or not) finds what the whole pattern finds."""
    frames = ("www.x.org{}", "see www.x.org{}y", "{}HTTP://A", "www.a {} ", "a{}pic.twitter.com/b")
    texts = [frame.format(char) for frame in frames for char in _CHARS]

    def found(match: object) -> object:
        return match and (match.span(), match.group())  # type: ignore[attr-defined]

    wrong = [t for t in texts if found(junk._link_end(t)) != found(junk._LINK_END.search(t))]
    assert wrong == []
