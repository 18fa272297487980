"""Scrape junk goes; prose that mentions the same words stays."""

from __future__ import annotations

from briefing_site.content.junk import JunkFilter
from briefing_site.model import Paragraph


def kept(*lines: str, extra: tuple[str, ...] = ()) -> list[str]:
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(lines)]
    return [p.text for p in JunkFilter(extra).clean(paragraphs)[0]]


def test_drops_common_scrape_junk() -> None:
    junk = ["Loading...", "Advertisement", "Share this article", "Read more: Tariffs explained",
            "We use cookies to improve your experience. Accept all cookies"]  # fmt: skip
    assert kept("Real prose about the summit.", *junk) == ["Real prose about the summit."]


def test_keeps_prose_that_mentions_junk_words() -> None:
    prose = [
        "Loading the cargo ships took three days, officials said.",
        "The advertisement campaign cost Toyota millions.",
        "Read more widely, the treaty binds both sides.",
    ]
    assert kept(*prose) == prose


def test_read_next_block_drops_the_headlines_that_follow() -> None:
    result = kept("Lede sentence here.", "Read next", "Tokyo stocks rise on summit hopes",
                  "The talks resumed on Monday after a pause.")  # fmt: skip
    assert result == ["Lede sentence here.", "The talks resumed on Monday after a pause."]


def test_site_patterns_extend_the_defaults() -> None:
    assert kept("Prose.", "Follow us on Mastodon", extra=(r"follow us on \w+",)) == ["Prose."]


def test_override_numbers_are_never_dropped() -> None:
    paragraphs = [Paragraph(1, 1, "Prose."), Paragraph(2, 2, "Advertisement")]
    kept_paragraphs, dropped = JunkFilter().clean(paragraphs, keep={2})
    assert [p.number for p in kept_paragraphs] == [1, 2] and dropped == ()


def test_caption_shapes_go_but_prose_with_slashes_and_brackets_stays() -> None:
    lede = (
        "Leaders of the two countries met on Friday to settle a long dispute over steel "
        "quotas, officials said, after months of talks between their trade ministers."
    )
    prose = [
        "The US/China trade war deepened after the talks, officials said.",
        "Options (a) and (c) were adopted by both delegations on Friday.",
    ]
    caption = (
        "In this file photo taken last spring, the two trade ministers walk past the "
        "flags before their first meeting in the capital, which ended without a deal "
        "on quotas or on the wider agreement both sides had hoped to sign that year, "
        "and which was followed by months of silence. (AP Photo/Jane Roe, File)"
    )
    assert kept(lede, prose[0], caption, prose[1]) == [lede, *prose]


def test_a_short_line_leading_into_a_list_stays() -> None:
    lede = (
        "Ministers meet in Lisbon on Tuesday to settle the terms of the port deal, officials said."
    )
    items = "- container terminal shares\n- jobs at the old docks"
    assert kept(lede, "On the table:", items) == [lede, "On the table:", items]


def test_an_authors_emphasised_line_between_prose_is_kept() -> None:
    lede = (
        "Ministers meet in Lisbon on Tuesday to settle the terms of the port deal, officials said."
    )
    after = "The terminal opens in 2028 if the deal holds, the port authority said on Monday."
    assert kept(lede, "**Key dates**", after) == [lede, "**Key dates**", after]


def test_a_party_letter_after_a_name_is_not_a_photo_position() -> None:
    lede = ("Japan's prime minister met the president in Washington on Friday, and the two "
            "leaders said they had agreed to deepen the alliance and expand investment.")  # fmt: skip
    party = ("Senator Jane Doe (R) said on Tuesday that the chamber would vote on the trade bill "
             "before the end of the month, and that she expected it to pass.")  # fmt: skip
    end = ("The talks covered trade, investment and defense spending, and officials from both "
           "governments said that more meetings would follow later in the year.")  # fmt: skip
    caption = "Prime Minister Jane Doe (L) shakes hands with President John Roe (R) in Tokyo."
    assert kept(lede, party, end) == [lede, party, end]
    assert kept(lede, caption, end) == [lede, end]
    assert kept(lede, "Jane Doe speaks in Tokyo on Friday (R).", end) == [lede, end]


LEDE = ("Japan's prime minister met the president in Washington on Friday, and the two leaders "
        "said they had agreed to deepen the alliance and expand investment.")  # fmt: skip
END = ("The talks covered trade, investment and defense spending, and officials from both "
       "governments said that more meetings would follow later in the year.")  # fmt: skip
FOREIGN = {
    "es": "El primer ministro japonés se reunió con el presidente en Washington el viernes "
    "para hablar de comercio.",
    "fr": "Le Premier ministre japonais a rencontré vendredi le président américain à la "
    "Maison Blanche pour discuter du commerce et de la défense.",
    "de": "Der japanische Ministerpräsident traf den Präsidenten am Freitag in Washington zu "
    "Gesprächen über Handel.",
    "ja": "石破茂首相は7日、ワシントンのホワイトハウスでトランプ大統領と初めて会談し、"
    "日米同盟の強化と対米投資の拡大で一致した。",
}


def test_a_sentence_in_another_language_is_kept_and_flagged() -> None:
    for language, sentence in FOREIGN.items():
        paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate((LEDE, sentence, END))]
        kept_, dropped = JunkFilter().clean(paragraphs, title="Ishiba meets Trump in Washington")
        assert [p.text for p in kept_] == [LEDE, sentence, END], (language, dropped)
        assert "another language" in kept_[1].doubt, language
    # At the end of the story, under nothing but furniture, it stays too.
    assert kept(LEDE, END, "Advertisement", FOREIGN["ja"]) == [LEDE, END, FOREIGN["ja"]]


def test_on_a_site_not_in_english_a_sentence_poor_in_english_words_stays() -> None:
    terse = "Bruselas, Madrid y Lisboa firmaron hoy amplio acuerdo comercial bilateral."
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate((LEDE, terse, END))]
    english = [p.text for p in JunkFilter().clean(paragraphs)[0]]
    spanish = [p.text for p in JunkFilter(language="es").clean(paragraphs)[0]]
    assert english == [LEDE, END]  # in English, a terse list of names is a headline
    assert spanish == [LEDE, terse, END]
