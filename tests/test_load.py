"""Reading articles: paragraph splitting, line numbers, encodings."""

from __future__ import annotations

import pytest

from briefing_site.content.load import (
    decode,
    find_articles,
    parse_markdown_article,
    split_markdown,
    split_text,
)
from briefing_site.errors import ContentError


def texts(paragraphs: tuple) -> list[str]:  # type: ignore[type-arg]
    return [p.text for p in paragraphs]


def test_raw_text_one_paragraph_per_line_keeps_line_numbers() -> None:
    long_a = "Alpha paragraph " * 8
    long_b = "Beta paragraph " * 8
    result = split_text(f"{long_a}\n{long_b}\nLoading...")
    assert texts(result) == [long_a.strip(), long_b.strip(), "Loading..."]
    assert [p.line for p in result] == [1, 2, 3]
    assert [p.number for p in result] == [1, 2, 3]


def test_raw_text_blank_line_separated() -> None:
    result = split_text("First paragraph.\n\nSecond paragraph.\n\n\n\nThird one.\n")
    assert texts(result) == ["First paragraph.", "Second paragraph.", "Third one."]
    assert [p.line for p in result] == [1, 3, 7]


def test_raw_text_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = (
        "The talks opened with a long\nstatement on trade and the\nalliance.\n\nA second paragraph."
    )
    assert texts(split_text(text)) == [
        "The talks opened with a long statement on trade and the alliance.",
        "A second paragraph.",
    ]


def test_a_short_wrapped_line_going_on_with_and_joins_its_paragraph() -> None:
    # Scraped copy wrapped at no one width: "... an animated" / "talk with Roe" /
    # "and Doe." is one sentence, however short its middle line.
    first = "The ministers met on Friday in the capital for a long day of talks on steel quotas."
    text = (
        f"{first}\nIn other pictures, the minister is seen greeting the mayor and holding an animated"
        "\ntalk with Roe\nand Doe.\nThe talks resume on Monday in the port city."
    )
    assert texts(split_text(text)) == [
        first,
        "In other pictures, the minister is seen greeting the mayor and holding an animated "
        "talk with Roe and Doe.",
        "The talks resume on Monday in the port city.",
    ]
    # A label over a line in lower case is not prose going on.
    assert len(split_text("Trade\nand more stories")) == 2


def test_a_wrapped_paragraphs_short_first_line_with_a_comma_joins_the_rest() -> None:
    # Copy wrapped at one width whose paragraphs start with a short line: "In Friday's
    # talks, the trade minister and Prime" / "Minister Roe agreed ..." is one sentence.
    body = [
        "The trade minister met her counterpart in the capital on Friday to settle the",
        "long dispute over steel quotas, and both said they were pleased with the",
        "progress made over the two days of talks at the foreign ministry.",
        "In Friday's talks, the trade minister and the deputy",
        "Minister Roe agreed that duties on machinery would be cut by half before the",
        "end of the year, and that a panel would review the quotas each spring.",
    ]
    paragraphs = texts(split_text("\n".join(body)))
    assert len(paragraphs) == 2, paragraphs
    assert paragraphs[1].startswith("In Friday's talks, the trade minister and the deputy Minister")
    # A heading-like line with a comma over a paragraph stays apart.
    heading = "Trade, Tariffs"
    assert texts(split_text("\n".join([*body[:3], heading, *body[4:]])))[1] == heading


def test_whitespace_only_lines_count_as_blank_and_crlf_is_normalised() -> None:
    raw = b"One.\r\n \t \r\nTwo.\r\n"
    result = split_text(decode(raw, "a.txt"))
    assert texts(result) == ["One.", "Two."]
    assert [p.line for p in result] == [1, 3]


def test_bom_is_stripped() -> None:
    assert decode("\ufefftitle".encode(), "a.md") == "title"


def test_non_utf8_names_the_line() -> None:
    with pytest.raises(ContentError) as caught:
        decode(b"ok\nbad \xff byte\n", "content/a.txt")
    assert str(caught.value).startswith("content/a.txt:2: not UTF-8")


def test_markdown_hard_wrapped_paragraph_is_one_block() -> None:
    body = "A paragraph wrapped at\nseventy-two columns stays one.\n\nNext."
    assert texts(split_markdown(body)) == [
        "A paragraph wrapped at\nseventy-two columns stays one.",
        "Next.",
    ]


def test_markdown_headings_are_context_not_paragraphs() -> None:
    result = split_markdown("Lede.\n\n## Economy\nTrade talk.\n\n### What's next\n\nLater.", 10)
    assert texts(result) == ["Lede.", "Trade talk.", "Later."]
    assert [p.heading for p in result] == [None, "Economy", "What's next"]
    assert [p.line for p in result] == [10, 13, 17]


def test_front_matter_lines_are_the_files_lines() -> None:
    article = parse_markdown_article(
        "---\ntitle: T\nsummary: S\n---\n\nBody one.\n\nBody two.", "a.md"
    )
    assert article.metadata_lines == {"title": 2, "summary": 3}
    assert [(p.line, p.text) for p in article.paragraphs] == [(6, "Body one."), (8, "Body two.")]


def test_unclosed_front_matter_is_an_error() -> None:
    with pytest.raises(ContentError, match=r"^a.md:1: front matter is never closed"):
        parse_markdown_article("---\ntitle: T\n\nBody", "a.md")


def test_text_article_needs_its_sidecar_and_orphans_are_reported() -> None:
    found, problems = find_articles(["content/a.txt", "content/b.md", "content/c.yaml"])
    assert [f.article for f in found] == ["content/b.md"]
    assert [str(p) for p in problems.items] == [
        "content/a.txt: no metadata: add a.yaml beside it",
        "content/c.yaml: metadata without an article: add c.txt",
    ]


class _CountedPath(str):
    """A path that counts how often its lower-case form is asked for."""

    asked = 0

    def lower(self) -> str:
        _CountedPath.asked += 1
        return str.lower(self)


def test_files_missing_their_pair_are_matched_by_case_in_one_pass() -> None:
    """Each `.txt` without a sidecar (and each sidecar without its `.txt`) looked for
    its other spelling over every file of content/: 10,000 articles without sidecars
    took seconds, not a tenth of one. Each file's name is now lowered a few times,
    however many files there are. The fix named is the same."""
    names = [f"content/a{i}.txt" for i in range(400)] + ["content/a7.YAML", "content/b.yaml"]
    names += ["content/B.txt", "content/b.TXT"]
    _CountedPath.asked = 0
    found, problems = find_articles([_CountedPath(name) for name in names])
    assert found == []
    assert _CountedPath.asked <= 3 * len(names), _CountedPath.asked
    messages = [str(p) for p in problems.items]
    assert "content/a7.txt: no metadata: rename a7.YAML to a7.yaml" in messages
    assert "content/a8.txt: no metadata: add a8.yaml beside it" in messages
    assert "content/b.yaml: metadata without an article: rename B.txt to b.txt" in messages


def test_a_drop_cap_letter_split_off_its_paragraph_joins_it_again() -> None:
    # Scrapers give a drop cap ("<span>T</span>he ...") its own line, often its own block.
    rest = "he two leaders met at the palace on Friday and agreed to widen trade talks."
    second = "Both sides said a deal on steel could follow before the summer."
    for gap in ("\n\n", "\n"):
        result = split_text(f"Share This Article\n\nT{gap}{rest}\n\n{second}")
        assert texts(result) == ["Share This Article", "T" + rest, second]
        assert [p.line for p in result][:2] == [1, 3]
    # "A" and "I" are words too: the letter stays a word when the copy reads so.
    story = "A\n\nnew round of talks opened on Friday, and the new round is the third this year."
    assert texts(split_text(story))[0].startswith("A new round of talks")
    story = "A\n\nnother round of talks opened on Friday, the third round this year."
    assert texts(split_text(story))[0].startswith("Another round of talks")
    # A lone capital over a line in capitals, or a lone word, is not a drop cap.
    assert len(split_text("B\n\nThe talks opened on Friday.")) == 2
    assert len(split_text("Menu\n\nthe talks opened on Friday.")) == 2


def test_paragraphs_after_a_joined_drop_cap_keep_one_number_each() -> None:
    # An editor's `drop: [N]` and a warning's "paragraph N" must name one paragraph:
    # a lone capital that stays apart after a drop cap was joined takes the next number.
    result = split_text(
        "P\nresident Joko spoke today about the budget and the plans for trade with Japan.\n"
        "X\nMinisters from both countries met on Tuesday to talk about tariffs and jobs.\n"
        "Alpha paragraph closes the briefing with a note on the economy and defense.\n"
    )
    assert [p.number for p in result] == [1, 2, 3, 4]
    assert texts(result)[1:3] == [
        "X",
        "Ministers from both countries met on Tuesday to talk about tariffs and jobs.",
    ]


def test_a_standfirst_over_its_repeat_whose_drop_cap_was_lost_stays_apart() -> None:
    # The standfirst (no full stop) is printed again as the story's first paragraph, whose
    # drop cap the scrape lost: "... the coming months" / "hile the dust ...". The lower
    # case opening is not the standfirst's sentence going on.
    dek = (
        "While the talks have barely ended after the visit of the king and leaders from "
        "around the region, the palace is getting ready for two more state visits in the "
        "coming months"
    )
    first = dek + "."
    second = "The president of France is expected on March 29, officials said on Friday."
    result = split_text(f"{dek}\n{first[1:]}\n{second}")
    assert texts(result) == [dek, first, second]
    assert [p.line for p in result] == [1, 2, 3]


def test_a_lone_word_over_a_clause_in_lower_case_in_wrapped_copy_joins_it() -> None:
    # Hard-wrapped copy whose break fell after the first word: "Ministers" / "committed to
    # meet ..." is one sentence, not a label over a line.
    lines = [
        "The defence ministers met by video link on Tuesday to talk about the",
        "region, and agreed to keep in close touch over the coming months as",
        "the security outlook changes.",
        "Ministers",
        "committed to meet regularly as part of efforts to address shared",
        "security challenges, and to advance their shared values of democracy.",
    ]
    paragraphs = texts(split_text("\n".join(lines)))
    assert paragraphs[-1].startswith("Ministers committed to meet regularly"), paragraphs
    assert len(paragraphs) == 2


def test_a_name_broken_before_a_clause_going_on_with_of_joins_it() -> None:
    # "The Commonwealth Heads" / "of Government meeting has officially opened ...": no
    # paragraph opens on "of"; the name and its sentence are one paragraph.
    text = (
        "The Harbour Council\nof Ministers has opened its meeting in Lisbon, the capital.\n"
        "The host said the talks would run until Friday."
    )
    assert texts(split_text(text)) == [
        "The Harbour Council of Ministers has opened its meeting in Lisbon, the capital.",
        "The host said the talks would run until Friday.",
    ]
    # A label over a short line going on with "and" stays apart.
    assert len(split_text("Trade\nand more stories")) == 2


def test_copy_wrapped_with_a_blank_line_after_every_line_joins_into_paragraphs() -> None:
    # A wire printed double-spaced: a blank line after every wrapped line. Each run of lines
    # up to a sentence end that does not fill the line is one paragraph, with its first line.
    lines = [
        "CAPITAL, May 4 (Agency): Foreign ministers of the eight member states of the regional",
        "group met on Tuesday to discuss the agenda of the leaders' summit in June.",
        "The host minister chaired the meeting. The visiting ministers of Ruritania, Borduria,",
        "Syldavia and Freedonia, the group's secretary general and the head of its anti-terror",
        "office attended the talks.",
        "The ministers agreed to coordinate closely and to speak with one voice on",
        "regional issues, and pledged to offer joint answers on security and trade.",
    ]
    result = split_text("\n\n".join(lines) + "\n")
    assert texts(result) == [
        " ".join(lines[0:2]),
        " ".join(lines[2:5]),
        " ".join(lines[5:7]),
    ]
    assert [p.line for p in result] == [1, 5, 11]


def test_one_paragraph_a_block_is_not_taken_for_double_spaced_wrapping() -> None:
    # Scraped copy with a blank line between paragraphs, headline and labels among them: no
    # block goes on in the next, so nothing is joined.
    blocks = [
        "Leaders Agree To Meet Again Next Year In The Capital For Talks On Trade",
        "The leaders of the two countries met on Monday in the capital for talks on trade.",
        "Photo: Agency",
        "They agreed to meet again next year, the foreign ministry said in a statement.",
        "Share this article",
        "Officials said the talks would cover tariffs, investment and energy supplies.",
    ]
    assert texts(split_text("\n\n".join(blocks))) == blocks


def test_double_spaced_wrapped_clause_ending_short_of_the_edge_joins_whatever_follows() -> None:
    # Copy wrapped double-spaced at a ragged edge: "... Foreign Minister Jane" / "Doe and ..."
    # is one sentence, though the line ends short of the widest one and the next opens in
    # capitals.
    lines = [
        "The ministers of the regional group met on Tuesday in the capital to prepare",
        "the leaders' summit in June, and to settle the agenda of its two working days",
        "on trade, energy and security.",
        "The host minister chaired the meeting with Foreign Minister Jane",
        "Doe and the ministers of Borduria and Syldavia attended it with their advisers",
        "and the secretary general of the group.",
    ]
    paragraphs = texts(split_text("\n\n".join(lines)))
    assert paragraphs == [" ".join(lines[:3]), " ".join(lines[3:])], paragraphs
    # A numbered item below a line cut off at the edge opens its own paragraph.
    items = [
        "2. We thanked the hosts for their warm welcome and the chair for its work",
        "3. We agreed to strengthen the secretariat to focus on food and energy supplies.",
    ]
    paragraphs = texts(split_text("\n\n".join(lines + items)))
    assert paragraphs[-2:] == items, paragraphs


def test_lines_parted_by_spaced_dashes_are_items_not_one_sentence() -> None:
    # A site's list of other stories, each title ending with " -" (and a lone "-" above
    # them), arrives one item a paragraph, so the junk filter sees each headline.
    story = "The foreign minister arrived on Thursday to attend the second round of the dialogue."
    items = [
        "Star Walks Out Of Interview After Question At Film Premiere -",
        "Singer Shares Raw Confession After Year-long Struggle -",
        "How The Actor's Birthday Went With Friends In The City -",
    ]
    assert texts(split_text("\n".join([story, "-", *items]))) == [story, "-", *items]
    # A wrapped line ending in a dash before a line going on stays one sentence.
    wrapped = ["The talks -", "which lasted two hours - ended without a deal on Friday."]
    assert len(split_text("\n".join(wrapped))) == 1


def test_a_name_broken_across_wrapped_lines_joins_whatever_its_case_elsewhere() -> None:
    # "De" / "Mistura also said ...": the copy spells the name "de Mistura" elsewhere.
    lines = [
        "The latest round of the peace talks has concluded in the city, with the envoy",
        "Jane de Mistura hailing the negotiations as substantive and the talks yielding a",
        "clear agenda for the future of the country, officials said on Friday.",
        "De",
        "Mistura also said the upcoming talks should cover maintaining a nationwide",
        "ceasefire and confidence-building measures, adding that all sides could live",
        "with the agenda.",
    ]
    paragraphs = texts(split_text("\n".join(lines)))
    assert paragraphs[-1].startswith("De Mistura also said"), paragraphs
    assert len(paragraphs) == 2


def test_a_paragraph_cut_by_a_stray_blank_line_after_of_joins_the_rest() -> None:
    first = (
        "While the summit was convened to fine-tune the founding act of the body that last "
        "year replaced the Organisation of"
    )
    rest = "African Unity (OAU), hotter topics are expected to clamour for attention."
    other = "Some 30 heads of state and government gathered in the capital on Sunday."
    result = split_text(f"{other}\n\n{first}\n\n{rest}\n")
    assert texts(result) == [other, f"{first} {rest}"]
    assert [p.number for p in result] == [1, 2] and result[1].line == 3
    # A short label ending in "of" over a paragraph is not a sentence going on.
    assert len(split_text(f"Terms of\n\n{rest}")) == 2


def test_a_sentence_cut_by_blank_lines_after_a_comma_or_between_joins_the_rest() -> None:
    # A PDF's page breaks leave blank lines inside a sentence; a block that stops on a
    # comma, or on a word such as "between" that never ends a sentence or a headline,
    # goes on in the next block, even when that block opens on a name.
    comma = "1. The fourth summit of the two countries was held on 6 May in the capital,"
    rest = "Borduria. It was chaired by the President of Borduria and attended by ministers."
    head = "JOINT STATEMENT OF THE FOURTH SUMMIT"
    assert texts(split_text(f"{head}\n\n{comma}\n\n\n{rest}\n")) == [head, f"{comma} {rest}"]
    between = "2. We agreed to set up a standing commission on fisheries and ports between"
    names = "Borduria and Syldavia that meets twice a year, as the treaty of 2019 foresaw."
    assert texts(split_text(f"{head}\n\n{between}\n\n\n{names}\n")) == [
        head,
        f"{between} {names}",
    ]
    # A short salutation ending on a comma stays apart from the speech under it.
    hello = "Ladies and gentlemen, dear colleagues,"
    speech = "We met today to settle the quotas. The talks went well."
    assert texts(split_text(f"{hello}\n\n{speech}\n")) == [hello, speech]


def test_furniture_or_a_list_item_ending_on_a_comma_stays_apart_from_the_story() -> None:
    # A comma at a block's end joins the next block only when the block is half a
    # sentence: a byline, a caption, a stamp, a tag or share line, an item of a list
    # ending on commas, or a teaser the story under it restates keep their own paragraph.
    story = "Ministers of Borduria and Syldavia met in the port on Friday. They signed a pact."
    furniture = [
        "By Ann Example, Chief Reporter, with additional reporting by Bob Sample,",
        "The minister, right, greets her guest at the harbour on Friday, photo by Cy Lens,",
        "Last updated 2 March 2024, 9:05 am, first published 1 March 2024, 6:10 pm,",
        "Filed under Europe, Diplomacy, Fisheries, ports and shipping news,",
        "Share this story on your favourite networks or send it to a friend,",
    ]
    for line in furniture:
        assert texts(split_text(f"Pact signed\n\n{line}\n\n{story}\n")) == [
            "Pact signed",
            line,
            story,
        ]
    teaser = "The foreign minister goes to Syldavia this week for talks likely to be tougher than"
    follow = "Foreign minister Cy Doe flies to Syldavia on Monday. She will stay three days."
    assert texts(split_text(f"{teaser}\n\n{follow}\n")) == [teaser, follow]
    items = [
        "The pact binds both sides to three steps over the coming four years, as follows.",
        "Lower duties on timber and fish to nothing within two years,",
        "Let firms from either side bid for the other's public works,",
        "Name a joint board to rule on disputes within sixty days.",
    ]
    assert texts(split_text("\n\n".join(items) + "\n")) == items


def test_a_headline_or_teaser_ending_on_a_preposition_stays_apart_from_the_next() -> None:
    # Only "of", "the", "a", "an" leave a sentence hanging; a headline or a teaser may stop
    # on "on" or "for", and the paragraph under it is a paragraph of its own.
    headline = "What the two ministers will sign and what they have settled on"
    lede = "The ministers of Borduria and Syldavia met on Friday to sign a fisheries accord."
    assert texts(split_text(f"{headline}\n\n{lede}\n")) == [headline, lede]
    teaser = "Related: Six questions the accord leaves open and what to look out for"
    later = "Officials of both countries will meet again in the autumn to review the accord."
    assert texts(split_text(f"{lede}\n\n{teaser}\n\n{later}\n")) == [lede, teaser, later]
    # A sentence going on with a date after "on" is still one paragraph.
    held = "The third summit of the leaders of the two countries was held on"
    date = "17th May 2025 in the capital of Borduria, officials said."
    assert texts(split_text(f"{held}\n\n{date}\n")) == [f"{held} {date}"]


def test_a_list_one_item_a_block_is_not_taken_for_double_spaced_wrapping() -> None:
    # Scraped copy, one paragraph a block: items ending in ";" under a lead-in, then short
    # paragraphs. Each block that ends a sentence stays a paragraph of its own.
    blocks = [
        "The two governments signed a fisheries accord on Friday.",
        "The accord covers four matters:",
        "setting quotas for cod and herring by half in six years;",
        "keeping a common register of boats from both countries;",
        "a joint fund for patrol boats and harbours of $3 billion;",
        "and a board to hear any complaints within sixty days.",
        "Both cabinets must still endorse the accord.",
        "Fishing unions in Syldavia reject the quotas.",
        "The ministers will meet again in October.",
    ]
    assert texts(split_text("\n\n".join(blocks) + "\n")) == blocks


def _double_spaced(*paragraphs: list[str], gap: str = "\n\n") -> str:
    return gap.join("\n\n".join(lines) for lines in paragraphs) + "\n"


_WIRE = [
    [
        "OSLO, June 2 (Agency) - Borduria and Syldavia signed a fisheries",
        "accord on Friday that sets quotas for cod and herring, in a deal",
        "that both sides hope will end a decade of disputes at sea over",
        "the shared waters.",
    ],
    [
        "The accord, signed by the two fisheries ministers in Oslo, follows",
        "three years of talks that broke down twice over the quotas and the",
        "register of licensed boats, and it now goes to both parliaments.",
    ],
    ["Officials said the accord would take effect in March."],
]


def test_a_headline_over_double_spaced_wire_copy_stays_apart_from_the_lede() -> None:
    headline = ["Borduria and Syldavia sign a fisheries accord on cod and herring"]
    result = texts(split_text(_double_spaced(headline, *_WIRE)))
    assert result == [headline[0], *(" ".join(lines) for lines in _WIRE)], result


def test_two_blank_lines_end_a_paragraph_in_double_spaced_copy() -> None:
    # One blank line after every line, two between paragraphs: a full line ending a
    # sentence there does not run on into the next paragraph.
    second = [
        "Officials said the accord would take effect in March and be reviewed",
        "by a joint board after five years, with the first report due in June.",
    ]
    wire = [
        _WIRE[0],
        [*_WIRE[1][:2], "register of licensed boats, and it goes to the parliaments."],
    ]
    result = texts(split_text(_double_spaced(*wire, second, gap="\n\n\n")))
    assert result == [" ".join(lines) for lines in (*wire, second)], result


def test_a_wrapped_aside_between_spaced_dashes_is_not_a_list_of_items() -> None:
    # Hard-wrapped copy whose asides open and close at the ends of lines: one sentence.
    lines = [
        "OSLO, June 2 (Agency) - Borduria and Syldavia signed a fisheries",
        "accord on Friday that sets quotas for cod, ending a decade of -",
        "often angry - talks that broke down twice over the quotas and -",
        "as officials on both sides admit - the register of boats.",
        "",
        "The accord, signed by the two fisheries ministers in Oslo, follows",
        "a visit by the Syldavian king to the Bordurian capital in March.",
    ]
    result = texts(split_text("\n".join(lines) + "\n"))
    assert result == [" ".join(lines[:4]), " ".join(lines[5:])], result


# Hard-wrapped copy whose lines end on capitalised words with accents: each line break
# asks whether it breaks a name the copy spells out on one line. Folding the whole copy
# for each line once made this quadratic; bench/split_long_copy.py measures its speed.
_WRAPPED_UNIT = (
    "Die Minister trafen sich heute Abend wieder in Österreich\n"
    "Über alles sprachen die Leute gern in Straße\n"
    "Öl und Gas wurden heute wieder verhandelt in Graz\n"
)


def _wrapped_copy(size: int) -> str:
    return _WRAPPED_UNIT * (size // len(_WRAPPED_UNIT)) + "Ende.\n"


def _string_work(text: str) -> tuple[int, int]:
    """What `split_text(text)` does, counted the same on any machine, however busy:
    the Python functions it calls, and the characters of the strings whose own
    methods (casefold, split, strip ...) it calls, summed."""
    import sys
    from types import FrameType

    calls = characters = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls, characters
        if event == "call":
            calls += 1
        elif event == "c_call" and isinstance(owner := getattr(arg, "__self__", None), str):
            characters += len(owner)

    sys.setprofile(count)
    try:
        split_text(text)
    finally:
        sys.setprofile(None)
    return calls, characters


def test_long_wrapped_copy_with_accents_costs_work_in_proportion_to_its_length() -> None:
    """16 times the copy makes about 16 times the calls and the characters handed to
    string methods; casefolding the whole copy at each line made the characters ~220
    times. (The `in` test of each line pair against the whole copy is no call and is
    not counted here: bench/split_long_copy.py times the whole.)"""
    small_calls, small_chars = _string_work(_wrapped_copy(12_500))
    calls, chars = _string_work(_wrapped_copy(200_000))
    assert calls < 24 * small_calls
    assert chars < 24 * small_chars


def test_long_wrapped_copy_with_accents_keeps_every_word_once_in_order() -> None:
    text = _wrapped_copy(200_000)
    result = split_text(text)
    assert " ".join(texts(result)).split() == text.split()
    assert len(result) > 1_000  # not one paragraph of 200 KB


def test_a_long_sentence_broken_by_stray_blank_lines_joins_what_goes_on_in_lower_case() -> None:
    text = (
        "CAPITAL - The two countries signed a free trade agreement on Thursday during a visit "
        "by the prime minister, sealing a deal to\n\n"
        "cut tariffs on goods\n\n"
        "from textiles to cars and allow more market access for businesses.\n\n"
        "Talks on the pact were concluded in May after three years of negotiations."
    )
    result = split_text(text)
    assert len(result) == 2
    assert result[0].text.endswith("cut tariffs on goods from textiles to cars and allow more "
                                   "market access for businesses.")  # fmt: skip
    # A short headline with no full stop stays apart from a scrape-damaged paragraph under it.
    headline = split_text(
        "Leaders meet at the summit\n\nwill likely push allies to pay more, aides said."
    )
    assert len(headline) == 2


def test_a_headline_or_a_sentence_over_a_name_in_lower_case_stays_apart() -> None:
    lede = "The two leaders met in the capital on Monday to sign a trade pact, officials said."
    # A sentence that lost its full stop over one opening on a name written in lower case.
    unstopped = (
        "The company said on Tuesday it would move more of the assembly of phones sold in the "
        "region to its plants abroad"
    )
    for name in ("iPhone sales fell by a tenth in the spring, analysts said.",
                 "al-Rashid, the foreign minister, also called on Monday, his office said.",
                 "von Berg, the trade envoy, will visit the region next month, aides said."):  # fmt: skip
        assert texts(split_text(f"{lede}\n\n{unstopped}\n\n{name}\n")) == [lede, unstopped, name]
    # The page's headline over a lower-case name stays apart too.
    headline = (
        "Capital pledges half a trillion in investment as the two leaders agree to open a new "
        "chapter of ties"
    )
    name = "al-Rashid, the foreign minister, also called on Monday, his office said."
    assert texts(split_text(f"{headline}\n\n{name}\n\n{lede}\n")) == [headline, name, lede]
    # A headline in title case, lower in the page, stays apart from lower case under it.
    titled = (
        "Leaders Of The Two Countries Sign A Trade Pact In The Capital After Three Years Of talks"
    )
    going = "officials on both sides expect the tariffs to fall from next year, aides said."
    assert texts(split_text(f"{lede}\n\n{titled}\n\n{going}\n")) == [lede, titled, going]


def test_a_short_name_over_a_clause_in_lower_case_in_wrapped_copy_joins_it() -> None:
    # Hard-wrapped copy whose break fell after a name: "The Harbour Council" / "welcomes
    # the agreement ..." is one sentence, not a subhead over a paragraph.
    lines = [
        "The defence ministers met by video link on Tuesday to talk about the",
        "region, and agreed to keep in close touch over the coming months as",
        "the security outlook changes.",
        "The Harbour Council",
        "welcomes the agreement and will report on it to the members, who",
        "meet again in the spring to review the shared security programme.",
    ]
    paragraphs = texts(split_text("\n".join(lines)))
    assert paragraphs[-1].startswith("The Harbour Council welcomes the agreement"), paragraphs
    assert len(paragraphs) == 2


def test_a_subhead_over_a_paragraph_opening_on_a_lower_case_name_stays_apart() -> None:
    # "von der Leyen", "iPhone", "eBay": a name written in lower case opens a paragraph,
    # so a short line over it is a subhead, not a sentence's start left on its line.
    above = [
        "The defence ministers met by video link on Tuesday to talk about the",
        "region, and agreed to keep in close touch over the coming months as",
        "the security outlook changes.",
    ]
    cases = [
        ("European Reaction", "von der Leyen told reporters in Brussels that the bloc would"),
        ("Apple Results", "iPhone sales rose by a tenth in the spring quarter, and the firm"),
        ("Online Sales", "eBay and other sites said that their sales rose by a tenth, and"),
    ]
    for subhead, opening in cases:
        lines = [*above, subhead, opening, "respond within days, officials said on Tuesday."]
        paragraphs = texts(split_text("\n".join(lines)))
        assert paragraphs[1] == subhead, paragraphs
        assert paragraphs[2].startswith(opening.split()[0]), paragraphs
    # A name over a verb in lower case is still the sentence's start.
    lines = [
        *above,
        "South Korea",
        "said on Wednesday that it would send its trade minister to the talks, which",
        "open in the capital next month.",
    ]
    assert texts(split_text("\n".join(lines)))[-1].startswith("South Korea said on Wednesday")


def test_a_credit_printed_twice_is_no_evidence_that_the_copy_is_wrapped() -> None:
    # Two copies of one picture credit and a stamp ending near the same column look like a
    # ragged right edge; they are one line twice and a stamp, so the stamp stays apart
    # from the story's first line (which is not wrapped at all).
    lines = [
        "Photo credit: Harbour Agency Picture Desk",
        "Photo credit: Harbour Agency Picture Desk",
        "Agency Reporter, Capital",
        "Last Updated : Sep 03 2026 | 5:20 PM GMT+1",
        "The president arrived in the port city on Saturday for the regional summit on his "
        "last tour of the region before his term ends.",
    ]
    text = "Headline\n\nA standfirst about the summit\n\n" + "\n".join(lines) + "\n\nMore prose.\n"
    assert texts(split_text(text))[2:-1] == lines


def test_a_line_ending_on_a_title_before_a_name_goes_on_with_the_name() -> None:
    # "... met his counterpart Rt. Hon." / "Jane Doe, Minister ...": the title's full stop
    # ends no sentence, so the line break inside the name parts no paragraphs.
    first = "On July 10, for about 30 minutes, the foreign minister held talks with the Rt. Hon."
    rest = (
        "Jane Doe, Minister of Foreign Affairs of Ruritania, during the regional meetings. "
        "The overview of the meeting is as follows:"
    )
    after = "The two ministers agreed to start talks on a logistics agreement."
    assert texts(split_text(f"{first}\n{rest}\n{after}\n")) == [f"{first} {rest}", after]
    # A sentence ending on its own full stop still ends the paragraph.
    done = "The two ministers met on Friday in the capital."
    assert texts(split_text(f"{done}\n{rest}\n")) == [done, rest]


def test_a_title_ending_a_line_goes_on_only_into_a_name() -> None:
    # One paragraph a line: "... the rank of Lt. Gen." ends its paragraph when the next line
    # opens with no name ("He replaces ...", "Haiti", "Photo: Reuters", "Advertisement").
    opening = "Leaders met in the capital on Friday to settle a long dispute, officials said."
    for line, following in (
        ("The new army chief was promoted to the rank of Lt. Gen.", "He replaces the general."),
        ("The new army chief was promoted to the rank of Lt. Gen.", "Photo: Reuters"),
        ("The embassy is at 1200 Embassy Dr.", "Share this article"),
        ("The embassy is at 1200 Embassy Dr.", "Advertisement"),
        ("Dominican Rep.", "Haiti"),
    ):
        text = f"{opening}\n{line}\n{following}\n"
        assert texts(split_text(text)) == [opening, line, following]
    # One line a paragraph: a street's or a country's abbreviation after a capitalised
    # word ends its sentence, even over a line opening with a name.
    for line in (
        "A fire broke out late on Sunday at a two-storey home on the corner of Oak Hill Dr.",
        "The embassy is at 1200 Embassy Dr.",
        "The ministers flew on to the Czech Rep.",
    ):
        following = "Fire Chief John Smith said no one was hurt and the cause was unknown."
        text = f"{opening}\n{line}\n{following}\n"
        assert texts(split_text(text)) == [opening, line, following]
    # After a title, a comma or a colon it is a title still.
    army = "The army named a new commander on Monday, Lt. Gen.\nJane Doe, who led the corps.\n"
    assert texts(split_text(army)) == [
        "The army named a new commander on Monday, Lt. Gen. Jane Doe, who led the corps."
    ]
    # A name after it goes on: "Keynote: Prof." / "Jane Doe".
    assert (
        texts(split_text("Speakers\nKeynote: Prof.\nJane Doe\n"))[-1] == "Keynote: Prof. Jane Doe"
    )


def test_a_date_broken_between_its_month_and_day_in_wrapped_copy_stays_one_sentence() -> None:
    # A wire wrapped at 66 columns that broke "on March" / "9, ..." although "9," would
    # have fitted: no paragraph opens on a day, so the sentence and its date stay whole.
    lines = [
        "OSLO: The fisheries minister of Ruritania is due to visit Norway",
        "and Iceland later this month to discuss cod quotas, officials said",
        "on Monday.",
        "The minister is expected to sign the accord in Oslo on March",
        "9, before flying on to Reykjavik for talks with her counterpart",
        "on March 12 and a meeting with exporters the next day.",
        "The visit follows two years of quarrels over the northern stock",
        "and a ruling by the regional fisheries body, officials added.",
    ]
    paragraphs = texts(split_text("\n".join(lines)))
    assert len(paragraphs) == 3, paragraphs
    assert paragraphs[1].startswith(
        "The minister is expected to sign the accord in Oslo on March 9,"
    )
    # The day first: "... on 18" / "July, ..." is one date too.
    day_first = "The ministers are due to meet in Oslo on 18\nJuly, officials said."
    assert texts(split_text(day_first)) == [day_first.replace("\n", " ")]
    # A day opening a line under no month goes on as before.
    assert texts(split_text("Leaders arrive on Monday\n9 of them from Asia")) == [
        "Leaders arrive on Monday",
        "9 of them from Asia",
    ]


def test_a_line_ending_in_a_month_over_a_number_stays_apart_in_copy_printed_a_line_a_paragraph() -> (
    None
):
    # Copy printed one paragraph a line is not wrapped: a headline or subhead ending in a
    # month over a paragraph opening with a number is two paragraphs, not a date.
    lines = [
        "Grain exports slumped in July",
        "18 ships were turned away from the port last month after inspectors found the "
        "cargo papers incomplete, the trade ministry said on Tuesday.",
        "Officials said talks with the buyers would resume once the new rules take effect, "
        "and that the ministry expected most of the backlog to clear by the end of the year.",
        "Negotiators will meet again in Geneva in May",
        "12 delegations have confirmed that they will attend the round, which the chair "
        "hopes will settle the quota dispute for good.",
    ]
    paragraphs = texts(split_text("\n".join(lines)))
    assert paragraphs == lines
