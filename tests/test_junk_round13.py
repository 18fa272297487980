"""Shapes met on the thirteenth blind round of real scraped pages, written here."""

from __future__ import annotations

from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

from briefing_site.content.load import split_text

STORY = (
    "Energy ministers from six Andean and Caribbean states agreed on Tuesday to link their "
    "power grids by 2030, a move officials said would cut blackouts across the region."
)
MORE = "The plan needs about 4 billion dollars of loans, which the regional bank has promised."


def test_a_sites_note_on_how_its_copy_came_goes_and_never_leads() -> None:
    # An archive's or a translating site's note above the story is the page's, not news.
    for note in (
        "This article has been migrated from an older version of the site and may show "
        "layout errors.",
        "This article was automatically translated from the original Quechua version.",
        "This page was machine-translated from Spanish.",
    ):
        kept, dropped = _clean("Grid pact signed", note, STORY, MORE)
        assert note in dropped and kept == [STORY, MORE], note
        assert _lede("Grid pact signed", note, STORY, MORE) == STORY
    # Told news about a translation stays.
    told = "The treaty was translated into four languages before the ministers signed it."
    assert _clean(STORY, told, MORE)[0] == [STORY, told, MORE]


def test_a_short_first_sentence_with_an_ly_adverb_before_its_verb_leads() -> None:
    # "officially opens", "formally objects": a verb after an "-ly" adverb is still a verb,
    # so the one-sentence opening under a byline is the lede, not a short line to skip.
    opening = "The Andean Energy Forum (AEF) officially opens in Quito, Ecuador today."
    assert _lede("By Jane Doe", opening, STORY, MORE) == opening
    # An adjective in "-ly" before a plural noun is no verb: a caption stays a caption.
    caption = "Quito's deadly floods in pictures"
    assert caption in _clean(STORY, MORE, caption)[1]


def test_items_marked_with_a_glued_hyphen_are_a_list_and_stay() -> None:
    # "-the Plan ...,": the site's hyphen glued to each item, one item a paragraph, under a
    # lead-in; one item runs on into the next with "and". None is a heading.
    items = [
        "-the Protocol on the joint grid operator for the six member states,",
        "-Memorandum of Understanding on cross-border power trading,",
        "-Loan Guarantee Framework and",
        "-Exchange of letters on the Quito substation project respectively.",
    ]
    signed = "Ministers signed a total of four documents."
    kept, dropped = _clean(STORY, signed, "These include:", *items)
    assert kept == [STORY, signed, "These include:", *items], dropped


def test_a_long_summary_box_restated_across_page_furniture_does_not_lead() -> None:
    # Headline, a summary box of two sentences (more than a standfirst's length), picture
    # and icon text, a date, then the story telling the same nearly word for word.
    summary = (
        "The 5th Andean Energy Summit was held on 7 May 2025 in Quito, Ecuador, under the "
        "theme 'Power Without Borders'. During the summit, the Quito Grid Declaration, the "
        "Decision on the Regional Grid Operator and the Decision on Power Trading Rules "
        "were signed."
    )
    story = (
        "The 5th Andean Energy Summit, a meeting of six energy ministers, was held on 7 May "
        "2025 in Quito, Ecuador. The summit was hosted by Ecuador's minister at the Itchimbia "
        "Palace under the theme 'Power Without Borders.' During the summit, three key "
        "documents were signed among the member states: the Quito Summit Grid Declaration of "
        "the ministers, the Decision on Setting Up the Regional Grid Operator, and the "
        "Decision on Power Trading and its Rules."
    )
    title = "5th Andean Energy Summit"
    page = (title, summary, f"{title} image", "Recently Added:", "badge icon", "May 7, 2025",
            story, MORE)  # fmt: skip
    kept, dropped = _clean(*page, title=title)
    assert summary in dropped and kept == [story, MORE]
    # A first paragraph the story goes on from (not restating it) still leads.
    lede = "Six Andean energy ministers met in Quito on Wednesday to sign a grid pact."
    assert _lede(title, lede, "May 7, 2025", story, MORE, title=title) == lede


def _paragraphs(text: str) -> list[str]:
    return [p.text for p in split_text(text)]


def test_a_blogs_footer_under_a_bulleted_post_parts_from_the_list_and_goes() -> None:
    points = [
        "- At the outset, the minister said the grid link was the region's first priority.",
        "- The two ministers agreed to meet again in Lima before the end of the year.",
    ]
    footer = ["- 12/3 09:41", "- Comment (0)", "- Trackback(0)"]
    opening = "On March 12, the energy ministers of Peru and Bolivia met for an hour in La Paz."
    text = "\n".join([opening, "", *points, *footer]) + "\n"
    paragraphs = _paragraphs(text)
    assert paragraphs == [opening, " ".join(points), *footer]
    kept, dropped = _clean(*paragraphs)
    assert kept == [opening, " ".join(points)] and set(footer) <= set(dropped)
    # A point that only opens on such words stays in the list.
    told = "- Comment (0) was all the ministry's blog drew, the minister joked at the end."
    text = "\n".join([opening, "", *points, told]) + "\n"
    assert _paragraphs(text) == [opening, " ".join([*points, told])]


def test_a_sentence_cut_by_a_stray_blank_line_after_two_function_words_is_one() -> None:
    # "... and to" / "'Renew' their ...": a blank line cut one sentence in two.
    first = (
        "Ministers thanked the host for the welcome given to all delegations at the "
        "second meeting this year, and said they had come to talk and to"
    )
    second = "\u2018Renew\u2019 and \u2018Connect\u2019 the grid pact as one region."
    assert _paragraphs(f"{first}\n\n{second}\n") == [f"{first} {second}"]
    # A headline-length line stopping on a single such word stays apart.
    head = "Andean ministers to meet in"
    assert len(_paragraphs(f"{head}\n\n{second}\n")) == 2


def test_a_ragged_line_broken_mid_name_inside_a_paragraph_goes_on() -> None:
    # Copy whose lines run to very different widths: a line going on a paragraph begun
    # above it stops mid-name, its next line opens in capitals.
    lines = [
        "Bolivia and Peru were represented by their Deputy Ministers of Energy and Mines in the",
        "Senate respectively. The Inter-American Development Bank, the Andean Development Bank "
        "and the Latin American Energy Organization, the Andean Electrical Interconnection",
        "Commission (AEIC) and the World Bank attended as observers.",
    ]
    assert _paragraphs("\n".join(lines) + "\n") == [" ".join(lines)]
    # Where the long line ends its sentence, the paragraph ends there, ragged or not.
    ended = [lines[0], lines[1] + " and the Andean Development Bank.", "Chile attended too."]
    assert _paragraphs("\n".join(ended) + "\n") == [" ".join(ended[:2]), ended[2]]


def test_a_declarations_clauses_printed_one_a_line_are_paragraphs() -> None:
    # Each clause far longer than any wrap width, ending on ";", the next opening in
    # capitals or on a participle: one a paragraph, not one wrapped block.
    clauses = [
        "WE, the Energy Ministers of Bolivia, Chile, Colombia, Ecuador, Peru and Venezuela, "
        "gathered here in Quito on 7 May 2025 for the Fifth Andean Energy Ministers' Meeting "
        '(hereinafter referred to as "AEMM");',
        "RECALLING the founding of the Andean grid council in 2011 and the adoption of the "
        "plan for a shared market in power, which states that the member states shall open "
        "their grids to one another by the end of the decade;",
        "Noting the need to fund the links across the mountains with loans from the regional "
        "bank and to set common rules for trading power between the six member states;",
    ]
    assert _paragraphs("\n".join(clauses) + "\n") == clauses
    # Names parted by ";" in one long line run on to the next line of the same list.
    names = (
        "2. The following ministers took part: H.E. Ana Torres, Minister of Energy of Peru; "
        "H.E. Luis Mora, Minister of Mines of Bolivia; H.E. Eva Rios, Minister of Energy of "
        "Chile; H.E. Juan Paz, Minister of Energy of Ecuador;"
    )
    more = "H.E. Rosa Gil, Minister of Energy of Colombia."
    assert _paragraphs(f"{names}\n{more}\n") == [f"{names} {more}"]


def test_a_programmes_meeting_lines_are_no_captions_and_its_day_labels_go() -> None:
    # A ministry's programme: day labels, then "X meeting at ... with the participation
    # of ..." and its agenda items; the meeting lines read like "X meeting Y" captions.
    opening = (
        "Energy ministers from the six Andean states and the EU will meet in Quito next week, "
        "the first such meeting since the grid pact was signed."
    )
    first = "Andean Energy meeting with the participation of Bolivia, Chile and Peru."
    items = ["\u2013 Grid link across the Andes", "\u2013 Loans from the regional bank"]
    second = "Andean-EU Energy meeting at 09 to 11.00 With the participation of the EU."
    page = (opening, "Tuesday 9 May:", first, *items, "Wednesday 10th May", second)
    kept, dropped = _clean(*page, MORE)
    assert kept == [opening, first, *items, second, MORE], dropped
    assert {"Tuesday 9 May:", "Wednesday 10th May"} <= set(dropped)
    # A picture's line with a participle still goes.
    caption = "Peru's energy minister meeting Bolivia's president in La Paz on Tuesday."
    assert caption in _clean(STORY, MORE, caption)[1]


def test_a_quotation_signed_by_a_bare_pronoun_above_the_headline_is_a_pull_quote() -> None:
    quote = (
        '"The cost of the grid combined with the loans we carry is pushing all of us to '
        'work together and share the bill," she adds.'
    )
    title = "Andean ministers in Quito: one grid for six states"
    lede = (
        "A delegation of Andean energy ministers is to meet in Quito on 18 May, where the "
        "council's chair will call on the six states to follow up on the grid pact."
    )
    assert _lede(quote, title, lede, MORE, title=title) == lede
    assert quote in _clean(quote, title, lede, MORE, title=title)[1]
    # Under the headline, the same quotation is the story's (its speaker named above).
    named = f"Ana Torres chairs the council. {lede}"
    assert _clean(title, named, quote, MORE, title=title)[0] == [named, quote, MORE]
    # With no headline printed below it, a quotation lede signed "she said" stays and leads.
    lede_quote = '"We will not pay for the grid twice," she said.'
    named = "Ana Torres, Peru's energy minister, spoke after the talks in Quito on Tuesday."
    assert _lede(lede_quote, named, MORE) == lede_quote


# Regressions a review of the round found, each written here.


def test_a_list_whose_last_item_runs_long_does_not_swallow_the_paragraph_under_it() -> None:
    # Items carry no full stops: a long last item is no ragged line going on.
    lead_in = "Under the grid pact:"
    items = [
        "- Each state will open its grid to power bought from its neighbours at a common "
        "tariff set by the regional council every year",
        "- A regional operator will run the links across the mountains and publish the "
        "flows between the six member states each month",
    ]
    after = "The pact was signed by five of the six energy ministers present in Quito."
    text = "\n".join([STORY, lead_in, *items, after]) + "\n"
    assert after in _paragraphs(text)
    assert after in _clean(*_paragraphs(text))[0]


def test_a_paragraph_a_line_that_lost_its_stop_does_not_swallow_the_next_one() -> None:
    lines = [
        "The energy ministers of the six Andean states met in Quito on Thursday for talks that "
        "were dominated by the grid pact,",
        "under which the links across the mountains are to be built by 2030 and financed by "
        "loans from the regional bank over twenty years",
        "Peru's energy minister said the talks had been constructive and that a statement "
        "would follow in the coming days.",
    ]
    assert _paragraphs("\n".join(lines) + "\n")[-1] == lines[-1]


def test_a_story_sentence_ending_on_a_semicolon_goes_on_into_the_next_line() -> None:
    # A long line ending on ";" over "During ...", "According to ..." or an acronym is one
    # sentence of a story, not a declaration's clauses: the lede stays whole and first.
    first = (
        "The energy ministers of the six Andean states met in Quito on Monday to discuss "
        "the grid pact and the loans from the regional bank, including the new line to Lima;"
    )
    for second in (
        "During the talks, the ministers also agreed on a common tariff for power sold "
        "across borders from next year.",
        "According to two officials, the loans would cover about half of the cost.",
        "OLADE officials said the plan would be put to the presidents in June.",
    ):
        paragraphs = _paragraphs(f"{first}\n{second}\n")
        assert paragraphs == [f"{first} {second}"]
        assert _lede(*paragraphs).startswith(first)


def test_a_cut_caption_over_a_stray_blank_line_does_not_join_the_dateline_lede() -> None:
    caption = (
        "The energy minister, centre, speaks to engineers at the new substation outside "
        "Quito during her visit on Saturday together with her"
    )
    lede = (
        "QUITO, May 7 (Andean Wire) - Ecuador's energy minister opened the first link of the "
        "Andean grid on Saturday and said power would flow to Peru by the end of the year."
    )
    paragraphs = _paragraphs(f"{caption}\n\n{lede}\n\n{MORE}\n")
    assert lede in paragraphs
    assert _lede(*paragraphs) == lede


def test_a_block_stopping_on_one_function_word_does_not_run_into_a_quotation() -> None:
    said = (
        "The grid pact, which was signed in Quito in the presence of the six energy ministers "
        "and the chair of the regional bank, was described by the"
    )
    quote = '"This is the start of one market for the region," Ana Torres said.'
    assert _paragraphs(f"{STORY}\n\n{said}\n\n{quote}\n") == [STORY, said, quote]


def test_pronoun_signed_quotations_under_the_lede_stay_when_the_headline_is_at_the_foot() -> None:
    title = "Minister Vows To Press On With Grid Pact"
    lede = (
        "Energy Minister Ana Torres said on Tuesday that talks with Lima would resume next "
        "month despite a row over the common tariff."
    )
    quotes = [
        '"The grid is bigger than any single tariff," she said.',
        '"We will be back at the table in June," she added.',
    ]
    kept = _clean(lede, *quotes, MORE, title, "More from Energy", title=title)[0]
    assert quotes[0] in kept and quotes[1] in kept
    assert _lede(lede, *quotes, MORE, title, "More from Energy", title=title) == lede


def test_a_story_saying_this_was_translated_into_something_keeps_it() -> None:
    for told in (
        "This was translated into a 9 per cent fall in power cuts last year, according to "
        "figures released by the ministry.",
        "This has been translated into national law by only two of the six states so far, "
        "the council found.",
    ):
        assert told in _clean(STORY, told, MORE)[0]


def test_an_item_opening_on_tags_and_going_on_in_words_is_no_blog_footer() -> None:
    item = "- Tags: to be discussed at the next council of ministers"
    kept, dropped = _clean(STORY, "- A joint fund for the grid", item, MORE)
    assert item in kept and item not in dropped
    # A footer's tags still go.
    tags = "- Tags: Andes, energy, grid pact"
    assert tags in _clean(STORY, "- A joint fund for the grid", tags, MORE)[1]


def test_a_dateline_lede_ending_on_a_semicolon_over_a_name_stays_whole_and_first() -> None:
    # A wire lede ending on ";" over a sentence opening on a name in "-ing" or an acronym,
    # itself ending on ";": a story's sentences, not a run of a declaration's clauses.
    first = (
        "LIMA, May 4 (Reuters) - Energy ministers from the six Andean states agreed on "
        "Monday to open their grids to one another by 2030, a deal that would raise trade in "
        "power by a third over four years;"
    )
    for second in (
        "Keating, the bank's envoy, said the lender remained committed to funding the new "
        "lines and was eager to sign the loans;",
        "IDB officials said the loans would cover about half of the cost of the lines;",
    ):
        text = f"{first}\n{second}\nThe pact goes to the presidents in June.\n"
        assert _lede(*_paragraphs(text)).startswith(first)


def test_a_long_line_ending_on_a_whole_name_does_not_swallow_the_next_paragraph() -> None:
    # Wrapped copy: a paragraph whose last line lost its full stop after a whole name
    # ("... according to OLADE") ends there; the next line opens a sentence of its own.
    paragraph = [
        "Demand for power in the Andes is set to double by 2040, the ministers were told, with",
        "the fastest growth in Peru, Chile and Colombia, the three largest users of the grid in "
        "the region, according to OLADE",
    ]
    after = "Analysts said the forecast was at odds with the slower growth seen since 2020."
    paragraphs = _paragraphs("\n".join([*paragraph, after]) + "\n")
    assert paragraphs[-1] == after
