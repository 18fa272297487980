"""Scrape junk goes; prose that mentions the same words stays."""

from __future__ import annotations

from junkcheck import cleaned
from junkcheck import lede as _lede

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


# Invented copy with the furniture seen on unseen scraped pages: a story of three
# paragraphs and, between or below them, one kind of leftover at a time.
_LEDE = (
    "Leaders of the two countries met in the capital on Friday to settle a long dispute over "
    "steel quotas, officials said, after months of talks between their trade ministers."
)
_BODY = (
    "The ministers agreed to cut duties on machinery and to set up a panel that will review "
    "the quotas each year, according to a joint statement issued after the meeting."
)
_TAIL = (
    "Both sides said the deal would be signed before the end of the year, although several "
    "details of the investment chapter were still being negotiated by their officials."
)


def _cleaned(*texts: str) -> tuple[list[str], dict[str, str]]:
    """(kept texts, dropped text -> reason) for one invented article."""
    return cleaned(*texts, title="Quota row ends")


def test_related_headlines_in_one_block_with_their_section_go() -> None:
    related = (
        "Flood waters force thousands from homes in the north World\n"
        "Central bank holds rates steady as prices cool Business\n"
        "Striker signs a five-year deal with the city club Sport"
    )
    dashed = (
        "Flood waters force thousands from homes in the north World News -\n"
        "Central bank holds rates steady as prices cool Business News -"
    )
    for block in (related, dashed):
        kept_texts, dropped = _cleaned(_LEDE, _BODY, block, _TAIL)
        assert kept_texts == [_LEDE, _BODY, _TAIL]
        assert "related list" in dropped[block]
    # Hard-wrapped prose is lines too, but its lines run on mid-sentence.
    wrapped = (
        "The ministers said the panel would meet for the first time in March and\n"
        "that its findings would be published, with both governments bound by them"
    )
    assert _cleaned(_LEDE, wrapped, _TAIL)[0] == [_LEDE, wrapped, _TAIL]
    # Lines that open alike are a list of names, one a line: the story's.
    names = (
        "President Jane Doe of Ruritania\n"
        "President John Roe of Freedonia\n"
        "Prime Minister Ann Poe of Sylvania"
    )
    assert _cleaned(_LEDE, names, _TAIL)[0] == [_LEDE, names, _TAIL]


def test_gallery_captions_mid_article_go() -> None:
    captions = [
        "1 of 12 | The two ministers shake hands before their talks at the foreign ministry.",
        "Photo 3 of 8: Delegates pose for a group photo at the summit venue in the capital.",
        "The two leaders shake hands before their talks at the presidential palace on Friday.",
        "The prime minister waves to reporters during the opening session of the summit.",
        "From the left, the prime ministers of the three countries and the president attend "
        "a working session during the summit in the capital. June 3, 2024.",
        "A nuclear submarine being built at the naval yard in the north.",
        "Honour guards lining the road to the palace before the talks.",
    ]
    for caption in captions:
        kept_texts, dropped = _cleaned(_LEDE, _BODY, caption, _TAIL)
        assert kept_texts == [_LEDE, _BODY, _TAIL], caption
        assert "caption" in dropped[caption]
    # The same moment told as news, in the past tense or ahead of it, stays.
    told = [
        "The two leaders shook hands before their talks at the presidential palace on Friday.",
        "The two leaders will shake hands before their talks at the palace on Friday.",
        "Reporters said the prime minister smiles rarely, and he did not on Friday.",
        "The submarine was being built at the naval yard in the north.",
        "Officials said the talks were continuing late into the night.",
    ]
    for sentence in told:
        assert _cleaned(_LEDE, _BODY, sentence, _TAIL)[0] == [_LEDE, _BODY, sentence, _TAIL]


def test_an_about_box_on_the_outlet_goes_but_a_country_described_stays() -> None:
    boxes = [
        "About the Daily Example: The Daily Example is an independent news organisation "
        "founded in 1998 that covers politics, business and culture across the region.",
        "The Daily Example is the country's leading English-language newspaper, reaching "
        "more than two million readers every day in print and online.",
        "Example Wire is a nonprofit newsroom whose reporters cover government and policy. "
        "Our journalism is free to read and is paid for by its readers.",
    ]
    for box in boxes:
        kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, box)
        assert kept_texts == [_LEDE, _BODY, _TAIL], box
        assert "about box" in dropped[box]
    country = (
        "Indonesia is the largest economy in Southeast Asia and a founding member of the "
        "regional bloc, which was set up in 1967."
    )
    assert _cleaned(_LEDE, _BODY, country, _TAIL)[0] == [_LEDE, _BODY, country, _TAIL]
    # A news agency described inside the story, with prose below it, stays.
    agency = (
        "Example Wire is the country's state news agency, and its report on Friday said "
        "the deal was close."
    )
    assert _cleaned(_LEDE, agency, _BODY, _TAIL)[0] == [_LEDE, agency, _BODY, _TAIL]


def test_source_credits_go_but_a_sentence_about_sources_stays() -> None:
    credits = [
        "Some information in this article comes from Reuters.",
        "This story includes material from wire services.",
        "With inputs from agencies",
        "This article was originally published by Example Wire.",
    ]
    for credit in credits:
        kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, credit)
        assert kept_texts == [_LEDE, _BODY, _TAIL], credit
        assert credit in dropped
    sourced = (
        "Some information about the talks came from officials who asked not to be named, "
        "because the negotiations were still under way."
    )
    assert _cleaned(_LEDE, sourced, _TAIL)[0] == [_LEDE, sourced, _TAIL]
    # A report in the news is not the article itself.
    document = "The ministry said this report was prepared over six months by its own staff."
    assert _cleaned(_LEDE, _BODY, document, _TAIL)[0] == [_LEDE, _BODY, document, _TAIL]


def test_a_signpost_goes_but_its_list_and_a_lead_in_with_a_fact_stay() -> None:
    items = [
        "- The duty on machinery falls to five percent from next year.",
        "- A panel will review the steel quotas every year.",
    ]
    for signpost in ("Here are the highlights:", "Here's what you need to know:"):
        kept_texts, dropped = _cleaned(_LEDE, signpost, *items, _TAIL)
        assert kept_texts == [_LEDE, *items, _TAIL]
        assert "signpost" in dropped[signpost]
    lead_in = "The ministers agreed on three points:"
    assert _cleaned(_LEDE, lead_in, *items, _TAIL)[0] == [_LEDE, lead_in, *items, _TAIL]


def test_present_tense_news_with_a_participle_is_not_a_caption() -> None:
    # News tells the day's events in the present tense too; a participle after its verb
    # ("comes amid rising ...", "..., aiming to ...") does not make it a caption.
    news = [
        "The visit comes amid rising tensions over the port deal.",
        "Talks continue on Friday, focusing on tariffs and market access.",
        "Negotiators resume talks in the capital this week, aiming to close gaps.",
        "The deal, covering goods and services, takes effect in January.",
        "The bloc weighs new duties targeting imported steel.",
        "It\u2019s both ministers\u2019 first time visiting the capital.",
    ]
    for sentence in news:
        assert _cleaned(_LEDE, _BODY, sentence, _TAIL)[0] == [_LEDE, _BODY, sentence, _TAIL], (
            sentence
        )
    # What a picture shows, its subject and a participle and nothing else, still goes.
    for caption in ("Honour guards lining the road to the palace before the talks.",
                    "Delegates from both countries attending the opening session."):  # fmt: skip
        kept_texts, dropped = _cleaned(_LEDE, _BODY, caption, _TAIL)
        assert kept_texts == [_LEDE, _BODY, _TAIL] and "caption" in dropped[caption], caption


def test_a_signpost_ending_in_a_full_stop_goes_over_its_subhead_but_prose_stays() -> None:
    subhead = "Steel quotas"
    for signpost in (
        "Here are the key issues discussed.",
        "The following are five topics on the agenda.",
    ):
        kept_texts, dropped = _cleaned(_LEDE, _BODY, signpost, subhead, _TAIL)
        assert signpost in dropped and _TAIL in kept_texts, signpost
    # The same opening over a paragraph of the story is the story's.
    prose = "Here is a minister who has never lost a vote."
    assert _cleaned(_LEDE, _BODY, prose, _TAIL)[0] == [_LEDE, _BODY, prose, _TAIL]
    # "The following" with a fact of its own leads into the story's list.
    lead_in = "The following countries signed the declaration:"
    items = ["- Ruritania, which joins the pact next year.", "- Freedonia, its founder."]
    assert _cleaned(_LEDE, lead_in, *items, _TAIL)[0] == [_LEDE, lead_in, *items, _TAIL]


def test_related_headlines_alike_under_a_related_label_go() -> None:
    # Each teaser opens with the same thumbnail text; under "Related readings:" they
    # are links, not the story's list of names.
    label = "Related readings:"
    links = [
        "Quota row ends Ministers hail the steel accord",
        "Quota row ends Port deal moves a step closer",
        "Quota row ends Investors wait for the details",
    ]
    kept_texts, dropped = _cleaned(_LEDE, _BODY, label, *links, _TAIL)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped


def test_a_subhead_between_dashes_goes_but_a_dashed_item_stays() -> None:
    subhead = "\u2013 Trade tensions \u2013"
    kept_texts, dropped = _cleaned(_LEDE, _BODY, subhead, _TAIL)
    assert kept_texts == [_LEDE, _BODY, _TAIL] and subhead in dropped
    item = "\u2013 A panel will review the quotas every year."
    assert _cleaned(_LEDE, _BODY, item, _TAIL)[0] == [_LEDE, _BODY, item, _TAIL]


def test_a_page_whose_only_prose_is_cut_off_keeps_it() -> None:
    teaser = (
        "Leaders of the two countries met in the capital on Friday to settle a long dispute "
        "over steel quotas, and the minister said they will \u201ckeep the..."
    )
    kept_texts, dropped = _cleaned("Quota row ends", "News Snapshot:", teaser)
    assert teaser in kept_texts, dropped
    # The page's title and its heading both print the headline (each the other's repeat):
    # still the page's own headline over all the page has of its story.
    kept_texts, dropped = _cleaned("Quota row ends", "Quota row ends", teaser)
    assert teaser in kept_texts, dropped
    # Under another story's headline (a search or tag page's card), it is a teaser.
    card = ("Ministers meet on fishing rights", teaser, "Read more")
    assert teaser in _cleaned(*card)[1]


def test_the_story_with_a_caption_glued_after_it_is_kept_in_doubt() -> None:
    glued = (
        "The trade minister is set to hold talks with her counterparts on Monday on a visit "
        "aimed at cooling tensions between the two countries. The minister, center, talks "
        "to the ambassador, right, as she arrives at the airport on Sunday.(AP)"
    )
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate((glued, _BODY, _TAIL))]
    kept_paragraphs, dropped = JunkFilter().clean(paragraphs, title="Quota row ends")
    assert [p.text for p in kept_paragraphs] == [glued, _BODY, _TAIL], dropped
    assert kept_paragraphs[0].prose and "caption" in kept_paragraphs[0].doubt
    # A sentence and only its credit is a caption.
    credited = (
        "The trade minister has met her counterpart in the capital during a one-day visit "
        "to settle the dispute over steel quotas. / Photo: Example Agency"
    )
    assert _cleaned(_LEDE, _BODY, credited, _TAIL)[0] == [_LEDE, _BODY, _TAIL]
    # A caption alone, however long its first sentence, still goes.
    caption = (
        "The trade minister, center, talks to the ambassador, right, as she arrives at the "
        "airport on Sunday. (AP)"
    )
    assert _cleaned(_LEDE, _BODY, caption, _TAIL)[0] == [_LEDE, _BODY, _TAIL]


def test_a_caption_with_its_hide_caption_button_goes() -> None:
    caption = (
        "The two ministers at a reception on Friday. The host joined them for dinner. "
        "Jane Roe/Pool/AFP via Getty Images hide caption"
    )
    kept_texts, dropped = _cleaned(_LEDE, _BODY, caption, _TAIL)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped


def test_a_live_blog_keeps_its_entries_but_not_its_time_stamps() -> None:
    stamps = [f"May 22, 2022, 11:{m} AM" for m in (57, 51, 48, 40)]  # no verbs: a date, a time
    entry = "The ministers will also hold talks with their counterparts. Watch this report:"
    texts = (stamps[0], "Quota talks", _LEDE, stamps[1], entry, stamps[2], "Steel quotas", _BODY,
             stamps[3], _TAIL)  # fmt: skip
    kept_texts, dropped = _cleaned(*texts)
    assert kept_texts == [_LEDE, entry, _BODY, _TAIL], dropped


def test_a_dek_under_the_repeated_headline_and_over_a_picture_does_not_lead() -> None:
    dek = (
        "What the two ministers said in public on Friday can tell how far apart the sides still "
        "are on the steel quotas."
    )
    caption = "The two ministers at a reception on Friday. Jane Roe/Pool/AFP hide caption"
    texts = ("Quota row ends", dek, "Enlarge this image", caption, _LEDE, _BODY)
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    kept_paragraphs, dropped = JunkFilter().clean(paragraphs, title="Quota row ends")
    lede = next(p.text for p in kept_paragraphs if p.prose)
    assert lede == _LEDE, dropped
    # With the story right under it, the same first paragraph is the lede.
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(("Quota row ends", dek, _BODY))]
    kept_paragraphs, _ = JunkFilter().clean(paragraphs, title="Quota row ends")
    assert next(p.text for p in kept_paragraphs if p.prose) == dek


def test_a_caption_dated_in_may_is_still_a_caption() -> None:
    # "May" in a picture's date is the month, not the verb "may": the caption goes.
    caption = (
        "The trade minister greets the ambassador as she walks to the talks in the capital, "
        "Friday, May 9, 2025. - Example News"
    )
    texts = ("Quota row ends", caption, _LEDE, _BODY, _TAIL)
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    kept_paragraphs, dropped = JunkFilter().clean(paragraphs, title="Quota row ends")
    assert [p.text for p in kept_paragraphs] == [_LEDE, _BODY, _TAIL], dropped
    # The verb "may" still makes it a sentence of the story.
    told = (
        "The trade minister may greet the ambassador when she walks to the talks in the "
        "capital on Friday, May 9, officials said."
    )
    assert told in _cleaned(_LEDE, told, _BODY, _TAIL)[0]


def test_another_storys_card_between_two_paragraphs_does_not_make_the_first_a_dek() -> None:
    first = (
        "The trade minister on Friday called the first day of the quota talks a success and "
        "said she expected the row to end on Saturday."
    )
    card = (
        "The prime minister, left, is greeted by the ambassador on his arrival at the airport, "
        "Monday, May 5, 2025. (Example Agency)",
        "Asia",
        "Ministers Hold Fishing Talks on Disputed Waters",
    )
    dated = "LISBON (Example Agency) \u2014 " + _BODY
    kept_texts, dropped = _cleaned("Quota row ends", first, *card, dated, _TAIL)
    assert kept_texts == [first, dated, _TAIL], dropped
    # A picture alone between them: the first is a dek over the picture, the story is below.
    picture = card[0]
    kept_texts, dropped = _cleaned("Quota row ends", first, picture, dated, _TAIL)
    assert kept_texts == [dated, _TAIL], dropped


def test_a_name_with_its_abbreviation_is_not_a_wire_dateline() -> None:
    # "The Trade Office (TO) posted ..." goes on in lower case: a sentence, not
    # "LISBON (Agency) The ...", so the first paragraph above it is still the lede.
    lede = (
        "The trade minister met her counterpart in the capital on Saturday to settle the "
        "dispute over steel quotas."
    )
    posted = (
        "The Trade Office (TO) posted a series of pictures of the two ministers at the talks, "
        "with a short statement on the duties both sides will cut."
    )
    kept_texts, dropped = _cleaned("Quota row ends", lede, posted, _BODY, _TAIL)
    assert kept_texts == [lede, posted, _BODY, _TAIL], dropped
    # A real dateline with no dash still starts the story under a short standfirst.
    dated = "LISBON (Example Agency) The ministers agreed on Friday to cut duties on machinery."
    assert _cleaned("Quota row ends", lede, "Jane Doe", dated, _TAIL)[0] == [dated, _TAIL]


def test_a_donation_pitch_in_the_outlets_own_voice_goes_with_its_words_to_the_reader() -> None:
    pitch = (
        "Help keep the lights on in our newsroom",
        "From the harbour board to the parliament, Example Daily is there when a story breaks. "
        "Whether we are digging into party funding or filming our next documentary, we know "
        "how much it matters to sort facts from spin.",
        "In a year like this one, we need reporters in the room, not on the phone. A gift from "
        "your household keeps them there for another week.",
        "Example Daily is read across the whole political map. We have chosen never to put our "
        "reporting behind a paywall, because we think good journalism is for everyone.",
    )
    # Its last line glued to the story's first sentence: that block is the story's lede.
    glued = (
        "Every gift counts.The trade minister met her counterpart in the capital on Saturday "
        "to settle the long dispute over steel quotas."
    )
    kept_paragraphs = JunkFilter().clean(
        [Paragraph(i + 1, i + 1, t) for i, t in enumerate((*pitch, glued, _BODY, _TAIL))],
        title="Quota row ends",
    )[0]
    assert [p.text for p in kept_paragraphs] == [glued, _BODY, _TAIL]
    assert kept_paragraphs[0].prose
    # Without the glued line the lede is the story's first paragraph, and none of the
    # pitch is kept.
    assert _cleaned(*pitch, _LEDE, _BODY, _TAIL)[0] == [_LEDE, _BODY, _TAIL]


def test_a_statements_we_without_words_to_the_reader_is_the_story() -> None:
    # The first person plural alone (a joint statement) is not the outlet's voice.
    statement = (
        "We, the trade ministers of both countries, welcome the reporting of the panel on "
        "steel quotas and commit to cutting duties on machinery by the end of the year."
    )
    assert _cleaned("Quota row ends", statement, _BODY, _TAIL)[0] == [statement, _BODY, _TAIL]


def test_the_sites_small_print_under_the_storys_source_credit_goes() -> None:
    disclaimer = (
        "This page is for general information only and is not advice to buy or sell anything. "
        "If you want to republish it, you must ask the publisher first."
    )
    for credit in ("via Example Wire", "Sources: Example Wire, Example Post"):
        kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, credit, disclaimer)
        assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # Without a credit above it, a lone paragraph to the reader at the end is kept (in doubt).
    assert _cleaned(_LEDE, _BODY, _TAIL, disclaimer)[0] == [_LEDE, _BODY, _TAIL, disclaimer]
    # "Via" opening a sentence of the story is not a credit.
    via = "Via the new rail link, the port will ship machinery to the capital within a day."
    assert via in _cleaned(_LEDE, via, _BODY, _TAIL)[0]


def test_teasers_of_other_stories_cut_off_below_the_story_go() -> None:
    teasers = (
        "The fisheries minister met coastal mayors at the harbour office on Friday to talk…",
        "Rising rents in the capital have left thousands of students sharing rooms, staying up,…",
        "The annual border meeting of the two coast guards opened in the port on Monday, with…",
    )
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, *teasers)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # The story's own last paragraph cut off by a paywall (once) is kept.
    cut = "Both sides said the deal would be signed before the end of the year, although…"
    assert _cleaned(_LEDE, _BODY, cut)[0] == [_LEDE, _BODY, cut]
    # An author's excerpts of a quoted report, each sentence ended and the ellipsis closed
    # by a stop, are the story's, however many in a row.
    excerpts = (
        "The ministry calls on its neighbour to honour the quota protocol signed last spring….",
        "“We expect our partners to keep to these terms,” the minister said….",
    )
    assert _cleaned(_LEDE, _BODY, *excerpts)[0] == [_LEDE, _BODY, *excerpts]


def test_a_comments_label_over_the_sites_short_rules_goes() -> None:
    rules = ("No comments yet:", "Write a Reply", "Be kind to others.", "Stay on topic please.")
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, *rules)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # A lead-in over the story's own list stays.
    items = ("Demands:", "- lower duties on machinery", "- a review of quotas each year")
    assert _cleaned(_LEDE, _BODY, _TAIL, *items)[0] == [_LEDE, _BODY, _TAIL, *items]


def test_the_sites_call_to_its_own_pages_inside_the_story_goes() -> None:
    promo = (
        "Ready for polling day: See who is standing for the council and compare where each of "
        "them stands on the port deal in our Voters' Guide"
    )
    kept_texts, dropped = _cleaned(_LEDE, _BODY, promo, _TAIL)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # A sentence of the story that opens the same way is not the site's.
    told = "See-sawing prices have hurt US steel makers, who want our quotas kept, they said."
    assert told in _cleaned(_LEDE, told, _BODY, _TAIL)[0]


def test_the_country_us_is_not_the_outlet_speaking() -> None:
    # "US" and "reporters" beside a word to the reader are the story, not a pitch.
    signup = "Sign up and you will get the morning briefing in your inbox."
    lede = (
        "US officials told reporters on Friday that the two ministers had settled the long "
        "dispute over steel quotas after months of talks."
    )
    kept_paragraphs = JunkFilter().clean(
        [Paragraph(i + 1, i + 1, t) for i, t in enumerate((signup, lede, _BODY, _TAIL))],
        title="Quota row ends",
    )[0]
    assert next(p.text for p in kept_paragraphs if p.prose) == lede


def test_a_signpost_at_the_end_pointing_at_nothing_goes() -> None:
    signpost = "Here\u2019s a look back at the earlier rounds of talks."
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, signpost)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # A sentence of the story that opens the same way stays.
    told = "Here is a minister who has sat through many rounds of such talks."
    assert _cleaned(_LEDE, _BODY, _TAIL, told)[0] == [_LEDE, _BODY, _TAIL, told]


def test_a_first_sentence_its_quoted_source_restates_still_leads() -> None:
    lede = "The trade minister on Friday called her counterpart to settle the steel quota row."
    quoted = (
        "\u201cThe trade minister called her counterpart on Friday. The two ministers agreed "
        "to settle the steel quota row at talks next month,\u201d the ministry said in a statement."
    )
    kept_paragraphs = JunkFilter().clean(
        [Paragraph(i + 1, i + 1, t) for i, t in enumerate(("Quota row ends", lede, quoted, _TAIL))],
        title="Quota row ends",
    )[0]
    assert [p.text for p in kept_paragraphs] == [lede, quoted, _TAIL]
    assert next(p.text for p in kept_paragraphs if p.prose) == lede
    # Restated by the reporter's own words below it, it is a standfirst.
    restated = (
        "The trade minister called her counterpart on Friday, and the two ministers agreed to "
        "settle the steel quota row at talks next month, the ministry said."
    )
    assert _cleaned("Quota row ends", lede, restated, _TAIL)[0] == [restated, _TAIL]


def test_a_link_label_glued_after_the_first_sentence_does_not_hide_the_lede() -> None:
    lede = (
        "The trade minister's first visit to the capital ended on Friday, with the steel quota "
        "row settled and duties on machinery cut.[Full coverage]"
    )
    kept_paragraphs = JunkFilter().clean(
        [Paragraph(i + 1, i + 1, t) for i, t in enumerate(("Quota row ends", lede, _BODY, _TAIL))],
        title="Quota row ends",
    )[0]
    assert next(p.text for p in kept_paragraphs if p.prose) == lede
    # A line that is only a label in brackets is still no sentence.
    assert "[Full coverage]" not in _cleaned(_LEDE, "[Full coverage]", _BODY)[0]


def test_a_live_pages_word_that_its_feed_has_ended_goes_whatever_its_qualifier() -> None:
    for ended in ("This live feed has ended.", "This life feed has ended."):
        kept_texts, dropped = _cleaned(_LEDE, _BODY, ended, _TAIL)
        assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    told = "This trade agreement has ended a decade of quarrels over steel, the minister said."
    assert told in _cleaned(_LEDE, told, _BODY, _TAIL)[0]


def test_a_key_points_box_scraped_without_bullets_is_kept_in_doubt_and_does_not_lead() -> None:
    points = (
        "The two trade ministers are meeting in the capital to end the row over steel quotas.",
        "Both said on Friday that duties on machinery would be cut before the end of the year.",
    )
    story = (
        "The trade minister arrived in the capital on Friday for talks that officials on both "
        "sides hope will end a dispute over steel quotas that has dragged on for more than two "
        "years and cost exporters millions in lost orders."
    )
    kept_paragraphs = JunkFilter().clean(
        [Paragraph(i + 1, i + 1, t) for i, t in enumerate(("WHAT TO KNOW", *points, story, _TAIL))],
        title="Quota row ends",
    )[0]
    # The points are kept, in doubt (a box that lost its points in the scrape sits right
    # over the story's first paragraphs), but the story's paragraph leads.
    assert [p.text for p in kept_paragraphs] == [*points, story, _TAIL]
    assert all("key-points" in p.doubt for p in kept_paragraphs[:2])
    assert next(p.text for p in kept_paragraphs if p.prose) == story
    # Short paragraphs all the way down are the story itself, not a box.
    texts = ("Summary", *points, "The talks resume on Monday in the port city, officials said.")
    assert _cleaned(*texts)[0] == list(texts[1:])


def test_a_syndicated_copys_first_appeared_footer_goes() -> None:
    footer = "The post Quota row ends after talks in the capital first appeared on Example Wire."
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, "More Stories", footer)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # The story telling where something first appeared is the story's.
    told = "The claim first appeared on a state television channel on Friday, officials said."
    assert told in _cleaned(_LEDE, told, _BODY, _TAIL)[0]


def test_a_dek_over_a_caption_printed_twice_does_not_lead() -> None:
    dek = (
        "The two ministers settled their long steel dispute at the meeting in the capital "
        "at last, so why did the ambassador leave the room early?"
    )
    caption = "The trade minister greets the ambassador in the capital. Picture: Jane Roe/Example"
    texts = ("Quota row ends", dek, caption, caption, "LEVEL: EASY", _LEDE, _BODY)
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    kept_paragraphs, dropped = JunkFilter().clean(paragraphs, title="Quota row ends")
    assert next(p.text for p in kept_paragraphs if p.prose) == _LEDE, dropped


def test_a_pitch_glued_to_its_own_short_words_still_speaks_to_the_reader() -> None:
    pitch = (
        "You can support our reporters from one euro a month, and your gift keeps them in the "
        "room.Every gift counts",
        "Become a supporter and you will get the morning briefing in your inbox every day.",
    )
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, *pitch)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped


def test_a_caption_printed_twice_the_second_time_with_its_credit_goes() -> None:
    caption = (
        "The trade minister looks to a new era of cooperation, following the talks with her "
        "counterparts in the capital."
    )
    kept_texts, dropped = _cleaned(_LEDE, _BODY, caption, caption + " (ETV)", _TAIL)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # A pull quote over the paragraph that quotes it, with its speaker, is the story's.
    quote = "\u201cWe will not be pushed around on steel,\u201d"
    said = quote + " the trade minister told reporters."
    assert said in _cleaned(_LEDE, _BODY, quote, said, _TAIL)[0]


def test_a_dek_under_the_repeated_headline_with_no_day_source_or_number_does_not_lead() -> None:
    dek = "The steel deal binds both neighbours to lower duties, though its text is still secret."
    kept_texts, dropped = _cleaned("Quota row ends", dek, _LEDE, _BODY, _TAIL)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # A story told in bullet points under such a dek leads with its points.
    points = "- " + _LEDE + "\n- " + _BODY
    kept_paragraphs = JunkFilter().clean(
        [Paragraph(i + 1, i + 1, t) for i, t in enumerate(("Quota row ends", dek, points))],
        title="Quota row ends",
    )[0]
    assert [p.text for p in kept_paragraphs if p.prose][:1] == [points]


def test_a_short_first_sentence_with_a_day_a_source_or_a_pronoun_after_it_still_leads() -> None:
    for first, second in (
        # A day (or a source, a number, a perfect) marks the story's own first sentence.
        ("The two trade ministers agreed on Friday to end their row over steel quotas.", _BODY),
        ("The trade ministers have agreed to end the row over steel quotas in the capital.", _BODY),
        # A readout: the paragraph under it takes its subject up with a pronoun.
        (
            "The trade minister met her counterpart in the capital to discuss steel quotas.",
            "They agreed to cut duties on machinery and to set up a panel that will review "
            "the quotas each year, and to meet again before the end of the year.",
        ),
        # A modal ("may sign") is the news; a quotation under it is its source.
        ("The minister may sign a steel agreement during her visit to the capital.", _BODY),
        (
            "The minister signed a steel agreement during her visit to the capital.",
            '"The deal, which was signed in the capital after two days of talks, ends a long '
            'row over quotas," the Example Post reports, citing officials.',
        ),
    ):
        kept_paragraphs = JunkFilter().clean(
            [Paragraph(i + 1, i + 1, t) for i, t in enumerate(("Quota row ends", first, second))],
            title="Quota row ends",
        )[0]
        assert [p.text for p in kept_paragraphs] == [first, second]
        assert next(p.text for p in kept_paragraphs if p.prose) == first


def test_a_title_case_headline_below_the_story_goes_even_with_a_verb() -> None:
    headlines = (
        "Ruritania and Freedonia Proceed With Another Round of Talks After \u2018Productive Meetings\u2019",
        "Minister Considers Pushing the Deadline With Negotiations Underway",
    )
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, "Want more?", *headlines)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # A closing line of the story that lost its full stop is kept.
    closing = "The ministers will meet again in the spring to sign the final text of the deal"
    assert closing in _cleaned(_LEDE, _BODY, _TAIL, closing)[0]


def test_a_lone_dashed_subhead_between_paragraphs_goes_but_a_list_stays() -> None:
    kept_texts, dropped = _cleaned(
        _LEDE,
        "- Talks on the investment chapter",
        _BODY,
        "- Cooperation with the neighbours",
        _TAIL,
    )
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # Items under a lead-in, and a dashed sentence, are the story's.
    lead_in = "The deal covers three areas, the joint statement said:"
    item = "- farm tariffs and fishing rights"
    assert _cleaned(_LEDE, lead_in, item, _BODY)[0] == [_LEDE, lead_in, item, _BODY]
    told = "- The council met again and approved the plan."
    assert told in _cleaned(_LEDE, told, _BODY, _TAIL)[0]


def test_section_labels_running_into_the_pages_date_stamp_go() -> None:
    labels = (
        "General announcements",
        "Announcements about the whole visit will appear here:",
        "Announcements in Ruritania",
        "Articles about the Ruritania leg will appear here:",
        "Announcements in Freedonia",
        "Articles about the Freedonia leg will appear here:",
    )
    stamp = "Published 3 May 2024"
    log = ("1. Added the minister's speech in the capital.", "2. Updated with the joint statement.")
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, *labels, stamp, *log)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped


def test_prose_that_lost_its_full_stop_opening_the_page_leads() -> None:
    first = (
        "The Ruritanian Forum is a regional body of island states, and is held every year "
        "between the leaders of eighteen countries from across the ocean"
    )
    second = (
        "The forum was set up with the goal to work in support of its member governments and "
        "to improve the economic and social wellbeing of the people of the islands"
    )
    kept_paragraphs = JunkFilter().clean(
        [Paragraph(i + 1, i + 1, t) for i, t in enumerate((first, second, _BODY, _TAIL))],
        title="Quota row ends",
    )[0]
    assert [p.text for p in kept_paragraphs] == [first, second, _BODY, _TAIL]
    assert next(p.text for p in kept_paragraphs if p.prose) == first
    # The same shape under the repeated headline is a dek, and under a byline a caption.
    dek = (
        "It is nearly ten years since the minister made a visit to the capital, and steel, "
        "fishing and the port look set to dominate the agenda"
    )
    kept_texts, dropped = _cleaned("Quota row ends", dek, _LEDE, _BODY)
    assert kept_texts == [_LEDE, _BODY], dropped


def test_a_line_of_names_with_a_present_tense_verb_and_no_full_stop_is_a_caption() -> None:
    caption = (
        "Ruritanian Queen Jane Roe Bin Example Al Roe welcomes His Highness the Emir Sheikh "
        "John Doe Al-Example Al- Doe upon his arrival to attend the summit"
    )
    kept_texts, dropped = _cleaned(_LEDE, caption, _BODY, _TAIL)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    # Names and titles with no such verb (a communique's line cut in the scrape) stay.
    names = (
        "United Republic of Freedonia, Chairperson of the Organ on Politics and Security, "
        "and His Excellency Dr. John Roe, President of the Republic of Ruritania, the Incoming"
    )
    assert names in _cleaned(_LEDE, names, _BODY, _TAIL)[0]


def test_a_short_sentence_with_read_as_its_verb_is_the_storys() -> None:
    told = "Council Secretary-General Jane Doe Al-Example read the final communique."
    kept_texts, dropped = _cleaned(_LEDE, _BODY, told, _TAIL)
    assert kept_texts == [_LEDE, _BODY, told, _TAIL], dropped
    # "To read" is an order to the reader, not a told past: the call at the end goes.
    call = "To read the rest of the article, please visit here"
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, call)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    counter = "This news has been read 10819 times!"
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, counter, "Related Articles")
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped


def test_a_clause_without_a_stop_between_a_short_sentence_and_a_paragraph_is_a_subhead() -> None:
    short = "Doe called the move a historic error."
    subhead = "The budget is causing deep divisions"
    kept_texts, dropped = _cleaned(_LEDE, _BODY, short, subhead, _TAIL)
    assert kept_texts == [_LEDE, _BODY, short, _TAIL], dropped


def test_another_pages_teasers_below_the_story_go_but_the_storys_cut_paragraph_stays() -> None:
    teaser = (
        "WASHINGTON \u2014 The two countries continue to be at odds with each other over a "
        "verification treaty, to the point where no flights have been conducted this year. "
        "The latest issue came to light earlier this week, when officials said the situat..."
    )
    furniture = ("Popular posts from this blog", "Ministers remain at an impasse over the treaty")
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, *furniture, teaser, "Dutch minister ope")
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    plugin = "Related Posts Plugin for WordPress, Blogger..."
    kept_texts, dropped = _cleaned(_LEDE, _BODY, _TAIL, plugin, "Twitter Facebook Digg More")
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    cut = "The ministers also agreed that the panel would report to both parliaments and..."
    assert cut in _cleaned(_LEDE, _BODY, cut, "Subscribe to read more")[0]


def test_a_line_opened_with_arrows_is_a_link_to_another_story() -> None:
    link = '>>> Ruritania hopes for a "peace club" to end the war, the minister says.'
    kept_texts, dropped = _cleaned(_LEDE, _BODY, link, _TAIL)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped


def test_the_sites_short_word_to_the_reader_under_its_longer_one_above_the_story_goes() -> None:
    notice = (
        "Your browser is out of date, and may not be compatible with our website. A list of "
        "the most popular web browsers can be found below."
    )
    texts = ("Example Post", notice, "Just click on the icons to get to the download page.")
    kept_texts, dropped = _cleaned(*texts, "Example Post", "Quota row ends", _LEDE, _BODY)
    assert kept_texts == [_LEDE, _BODY], dropped


def test_a_short_question_over_a_paragraph_is_a_subhead_but_a_rhetorical_one_stays() -> None:
    question = "What does the deal mean for farmers?"
    kept_texts, dropped = _cleaned(_LEDE, _BODY, question, _TAIL)
    assert kept_texts == [_LEDE, _BODY, _TAIL], dropped
    rhetorical = "But what emerged from the get-together?"
    assert rhetorical in _cleaned(_LEDE, _BODY, rhetorical, _TAIL)[0]
    quoted = "\u201cWhat does the deal mean for farmers?\u201d"
    assert quoted in _cleaned(_LEDE, _BODY, quoted, _TAIL)[0]


def test_a_caption_credited_to_an_official_photographer_and_an_article_by_line_go() -> None:
    caption = (
        "The minister met her counterpart in the capital. After the meeting, the two "
        "delivered remarks (Official Ministry Photo by Jane Roe)."
    )
    dek = "During the visit, the two countries raised their ties to the highest level they give."
    byline = "Article by John Doe, Junior Producer"
    story = "CAPITAL, Ruritania \u2013 " + _LEDE
    kept_texts, dropped = _cleaned("Quota row ends", caption, dek, byline, story, _BODY)
    assert kept_texts == [story, _BODY], dropped


def test_a_summary_printed_above_and_below_the_headline_does_not_lead() -> None:
    summary = (
        "The trade minister says the steel deal will be signed despite the boycott. The "
        "capital, as this year's host, insists it will not dilute the final text after more "
        "than a hundred meetings. The talks will put quotas, duties and a review panel first, "
        "even as several ministers and their delegations stay away from the capital this week."
    )
    short = "The trade minister says the steel deal will be signed despite the boycott."
    for dek in (summary, short):
        kept_texts, dropped = _cleaned(dek, "Quota row ends", dek, _LEDE, _BODY)
        assert kept_texts == [_LEDE, _BODY], dropped
    # A story paragraph that takes a shorter summary up is the story's.
    taken_up = _LEDE.replace(" after months", ", the ministry said, after months")
    kept_texts, dropped = _cleaned(short, "Quota row ends", taken_up, _BODY)
    assert taken_up in kept_texts, dropped


def test_a_summary_without_its_full_stop_that_names_its_source_stays_under_the_headline() -> None:
    # A news site prints the story's first sentence as a summary under the headline (twice)
    # and loses its full stop: it names its source, so it is the story, not a standfirst.
    headline = "Capital Expects Talks Of Foreign And Defence Ministers With Ruritania Next Year"
    summary = (
        "The two countries may hold the next round of talks between their foreign and defence "
        "ministers in the second half of the year, the head of the ministry's European "
        "department told the agency"
    )
    story = [
        "The previous round took place in the capital in September after a pause of seven "
        "years, and both sides agreed then to meet regularly in this format.",
        '"We expect the next meeting to be organised in the second half of this year," the '
        "director said, adding that the format helped both sides answer new challenges.",
    ]
    assert kept("NewsSite.com", headline, headline, summary, *story) == [summary, *story]
    # The same clause with no source and no story anchor under the headline is a standfirst.
    dek = (
        "Both countries want to bring back the old format of meetings between the ministers "
        "who run their foreign policy and their armed forces as relations slowly improve"
    )
    assert dek not in kept("NewsSite.com", headline, headline, dek, *story)


def test_a_long_paragraph_printed_again_cut_short_goes_as_a_repeat() -> None:
    # A page's second layout prints the story's long first paragraph again, cut off
    # before its end: the copy goes, the whole first paragraph stays.
    sentences = [
        "The prime minister's possible visit to the neighbouring country is still uncertain, "
        "a presidential official said on Tuesday, after a report that a summit could be held "
        "there early next month.",
        "According to the report, the prime minister is weighing talks with the president "
        "before he leaves office, and the official said no final decision had been made.",
        "The president is open to meeting him at any time as part of the regular visits "
        "between the two leaders, the official added.",
        "Relations between the two capitals have improved markedly since last year.",
    ]
    first = " ".join(sentences)
    cut = " ".join(sentences[:3])
    other = "The two leaders last met in the capital in May, when they agreed on a new dialogue."
    assert kept(first, cut, other) == [first, other]


def test_a_question_subhead_in_capitals_over_a_sentence_of_names_goes() -> None:
    # A factbox's subheads are questions in capitals; the sentence under one may be all
    # names ("Leaders A, B and C are expected to attend.") and still be the answer.
    lede = (
        "The group of emerging economies will hold its annual summit in the capital this "
        "month, its first meeting in person since the pandemic, officials said on Monday."
    )
    names = (
        "Ruritanian President Jane Doe, Bordurian President John Roe, Syldavian Prime "
        "Minister Ann Poe and Freedonian President Max Moe are expected to attend the summit."
    )
    fact = (
        "Invitations to attend the summit were also extended to the leaders of sixty other "
        "countries across the continent and beyond, the foreign minister told reporters."
    )
    assert kept(lede, "WHO WILL ATTEND?", names, fact) == [lede, names, fact]


def test_a_short_sentence_about_the_picture_over_its_credit_is_a_caption() -> None:
    # The page opens on a picture: its caption, a full sentence naming who is in the photo,
    # sits over the bare credit. It goes with the credit, and the story leads.
    caption = "In the group photo are the leaders of Ruritania, Borduria, Syldavia and Freedonia."
    story = [
        "The four leaders championed freedom of navigation and the peaceful settlement of "
        "disputes in the region, according to a joint statement issued after their talks.",
        "They pledged to continue to act together to advance these principles in the region "
        "and beyond, and to meet again next year in the capital.",
    ]
    assert kept(caption, "(Photo: Agency)", "|", *story) == story
    # A sentence of the story right above a credit, with no word of a picture, stays.
    assert kept(*story[:1], "(Photo: Agency)", *story[1:]) == story


def test_a_label_glued_to_the_sites_word_to_the_reader_is_not_a_dateline() -> None:
    # "Similar News:You can also read ..." looks like "CAPITAL:The ..." but speaks to the
    # reader below the story, among the site's furniture: it goes with it.
    story = [
        "The president said on Thursday he would meet the top trade negotiator of the other "
        "country at the end of the week, as both sides try to ease their trade dispute.",
        "The comment came as a delegation led by the vice premier began talks in the capital "
        "with the trade representative, the first such talks since the spring.",
    ]
    tail = [
        "More from Business",
        "Business Latest News, Business Headlines",
        "Similar News:You can also read news stories similar to this one that we have "
        "collected from other news sources.",
        "Source: Newsweek - 468. / 52 Read more »",
    ]
    assert kept(*story, *tail) == story


def test_a_caption_signed_first_by_its_agency_goes_but_the_agencys_story_stays() -> None:
    lede = (
        "CAPITAL, Oct 28 (AFP) - The queen opened the summit of the 54-nation group on Friday, "
        "where issues from trade to human rights are being discussed."
    )
    story = [
        "Leaders were greeted with a traditional ceremony at the convention centre before "
        "dance performances amid tight security, officials said.",
        "The host told the gathering that it was vital for the group to move with the times, "
        "and that the summit would be remembered for the direction it gave the group.",
    ]
    caption = (
        "AFP - A protester wears a mask during a demonstration at the opening of the summit "
        "in the capital on 28 October 2011."
    )
    assert kept(lede, story[0], caption, story[1]) == [lede, *story]
    # A sentence of the story that names its agency first, with a reported verb, stays.
    told = "AFP - The minister said during a visit on Friday that the talks would resume."
    assert told in kept(lede, told, *story)


def test_readers_comments_under_a_comments_header_below_the_story_go() -> None:
    story = [
        "A new round of talks between the two delegations took place in the city on Monday, "
        "focused on reaching a ceasefire agreement as a step towards a broader accord.",
        "A joint statement summarising the talks is expected to be released on Tuesday, "
        "according to sources familiar with the venue.",
    ]
    comments = [
        "3 Comments",
        "Karamba",
        "We need to give peace a chance.",
        "Rotfront",
        "Twelve hours of talks and no ceasefire? This is an insult to the people!",
        "Eugene Alta",
        "How can anyone negotiate with a country that is waging war on its neighbour?",
    ]
    assert kept(*story, *comments) == story
    # A comment count in the header, above the story, takes nothing of the story with it.
    assert kept("3 Comments", "By Jane Doe", *story) == story


def test_a_posts_text_over_its_own_link_and_sign_off_lines_goes() -> None:
    story = [
        "The prime minister concluded his two-day visit on Saturday, describing it as a trip "
        "of productive outcomes for trade, technology and strategic cooperation.",
        "The roadmap signed by the two sides lays out a framework for expanding cooperation "
        "across defence, health, clean energy and critical minerals over ten years.",
    ]
    post = [
        '#WATCH | Capital: The prime minister says, "We have set a goal of investment of ten '
        'trillion from the partner country in the next ten years."',
        "(Video: Agency) pic.twitter.com/abc123XYZ",
        "— Agency (@Agency) August 29, 2025",
    ]
    assert kept(story[0], *post, story[1]) == story
    # The story's sentence over a post that ends in its own link stays.
    told = '"World leaders are gathering in the capital," the office said in another tweet.'
    tweet = "On the sidelines of the summit, the prime minister meets leaders. pic.twitter.com/x1"
    result = kept(story[0], told, tweet, "— Office (@Office) October 30, 2021", story[1])
    assert told in result and tweet not in result


def test_a_pointer_to_a_document_available_here_goes_but_a_fact_with_it_stays() -> None:
    lede = (
        "Under the ministerial decision, members agreed to continue the negotiations on fishing "
        "subsidies with a view to adopting an agreement at the next conference in two years."
    )
    more = (
        "However, no agreement was possible on a number of the substantive issues under "
        "discussion, among them public stockholding for food security purposes."
    )
    pointer = "The ministerial decision on fisheries subsidies is available here."
    assert kept(lede, pointer, more) == [lede, more]
    told = "Trade ministers issued a statement after the meeting, which is available here."
    assert told in kept(lede, told, more)


def test_a_story_paragraph_over_a_post_of_a_picture_alone_stays() -> None:
    # A post with only its link has no text: the story's sentence above it is the story's.
    story = [
        "OSLO (Agency) - Borduria and Syldavia signed a fisheries accord on Friday that sets "
        "quotas for cod and herring, officials said.",
        "The fisheries ministry later posted a picture of the two ministers at the signing.",
        "The accord follows three years of talks that broke down twice over the quotas.",
    ]
    post = ["pic.twitter.com/QwErTy987", "\u2014 Borduria MFA (@BorduriaMFA) June 2, 2025"]
    assert kept(story[0], story[1], *post, story[2]) == story


def test_a_responses_subhead_in_the_story_is_not_a_comments_header() -> None:
    story = [
        "OSLO (Agency) - Borduria and Syldavia signed a fisheries accord on Friday that sets "
        "quotas for cod and herring, officials said.",
        "The accord follows three years of talks that broke down twice over the quotas.",
    ]
    reactions = [
        "The Nordic Council welcomed the accord and said it hoped to open its own talks "
        "with both countries next year.",
        "Moscow said it would study the accord and its effect on its own fleets before it "
        "took a view on the matter.",
    ]
    result = kept(*story, "Responses", "Nordic Council", reactions[0], "Russia", reactions[1])
    assert result[: len(story)] == story and all(r in result for r in reactions), result
    # A counted header still opens the readers' comments.
    comments = kept(*story, "2 Responses", "Jane", "Great news for the fishermen.")
    assert comments == story, comments


def test_a_list_lettered_a_b_c_in_prose_is_no_copyright_line() -> None:
    """A "(c)" is a copyright sign only opening a line or before a year; in prose it is
    the third item of a lettered list."""
    prose = "The pact binds (a) the United States, (b) Australia and (c) Japan to share radar data."
    assert kept("Leaders met in Canberra on Monday to sign the pact.", prose)[-1] == prose
    assert kept("Leaders met in Canberra on Monday.", "(c) Pacific Daily 2025") == [
        "Leaders met in Canberra on Monday."
    ]


LEDE = (
    "The two defence ministers met in the capital on Tuesday and agreed to hold their "
    "first joint naval exercise next year, officials from both sides said."
)
MORE = (
    "The exercise will involve ships and aircraft from both navies and is meant to build "
    "trust between the two forces, the statement added after the talks."
)


def test_a_paywall_prompt_goes_and_the_story_sentence_above_it_still_leads() -> None:
    first = "The prime ministers will meet next week to discuss plans for joint exercises."
    prompts = [
        "To keep reading the rest of this story, please sign in.",
        "Create a free account to get unlimited articles and more!",
    ]
    assert kept(first, *prompts, LEDE, MORE) == [first, LEDE, MORE]
    # Prose about logging in, told by the story, stays.
    told = "Visitors must register to access the archive, the ministry said on Monday."
    assert kept(LEDE, told, MORE) == [LEDE, told, MORE]


def test_an_embedded_post_with_its_sign_off_line_inside_the_block_goes() -> None:
    post = (
        "Foreign Minister of the Country Ms Jane Doe in a\n"
        "— Permanent Mission of the Country to the UN, NY (@CountryUN) May 18, 2022\n"
        "bilateral meeting with His Excellency Mr John Roe, Minister for Foreign Affairs of "
        "the Republic, on the sidelines of the Food Security Ministerial, today@JaneDoe "
        "#CountryAtUN pic.twitter.com/Ab12Cd"
    )
    assert kept(LEDE, post, MORE) == [LEDE, MORE]


def test_a_short_label_ending_in_a_colon_inside_the_story_is_a_subhead() -> None:
    items = [
        "• 9 am: Leaders arrive at the venue in their motorcades.",
        "• 10 am: The first working session of the summit opens.",
    ]
    end = (
        "Most of the leaders are due to leave the capital on Sunday evening after the closing "
        "session, and seven of them will stay on for bilateral visits on Monday."
    )
    assert kept(LEDE, MORE, "Order of the day:", *items, end) == [LEDE, MORE, *items, end]
    lines = ["Minister: “We had a long talk with each other - ”", "Envoy: “We did.”"]
    assert kept(LEDE, MORE, "Small talk:", *lines, end) == [LEDE, MORE, *lines, end]
    # A lead-in with a verb, or one that names its source, is the story's.
    for lead_in in ("The agreements include:", "According to the statement:"):
        assert kept(LEDE, lead_in, *items) == [LEDE, lead_in, *items]


def test_a_signpost_to_live_updates_or_to_the_days_events_goes() -> None:
    after = [
        "The leaders will lay a wreath at the memorial before the first session.",
        "They will then plant trees at the venue's south garden.",
    ]
    for signpost in (
        "As the summit gets underway, here are live updates and the latest news from the coast.",
        "Here are some of the main events to look out for during the day:",
        "Here is a brief takeaway from the meeting in the port city, which revolved around "
        "trade, farming and tariffs:",
    ):
        assert kept(LEDE, signpost, *after) == [LEDE, *after]
    # A sentence of the story that happens to open with "Here is" stays.
    story = "Here is a minister who has negotiated trade deals for three decades, aides said."
    assert kept(LEDE, story, MORE) == [LEDE, story, MORE]


def test_every_teaser_cut_off_under_another_headline_below_the_story_goes() -> None:
    teasers = [
        "Related articles",
        "Island nation to hand over its new airport to foreign firms",
        "Port City: The island nation has decided to hand over the management of its new "
        "international airport, located...",
        "Air defences shot down dozens of drones: ministry",
        "Capital: The ministry has said that its air defences shot down dozens of drones "
        "over the southern region and...",
        "Ministry says new initiatives bring benefits to people worldwide",
        "Capital: The new initiatives have brought dividends to the well-being of people "
        "around the world, and...",
    ]
    assert kept(LEDE, MORE, "The minister is on a visit from May 30 to 31.", *teasers) == [
        LEDE, MORE, "The minister is on a visit from May 30 to 31.",
    ]  # fmt: skip


def test_a_transcripts_speaker_thanking_the_room_is_the_story_not_the_sites_word() -> None:
    speech = (
        "FOREIGN MINISTER DOE: (Via interpreter) Good morning. Thank you for coming all the way "
        "to the capital, and may I express my heartfelt welcome to the ministers. It is so "
        "gratifying to host this meeting here after almost four years, as the existing order "
        "is facing challenges."
    )
    assert kept(speech, LEDE, MORE) == [speech, LEDE, MORE]
    # The site's own word to the reader above the story still goes.
    pitch = (
        "Your support helps us to tell the story. Your donation allows us to keep sending "
        "reporters to both sides of the story, and you can give today from only one pound."
    )
    assert kept(pitch, LEDE, MORE) == [LEDE, MORE]


def test_a_caption_with_its_credit_glued_to_the_full_stop_goes_and_the_story_leads() -> None:
    caption = (
        "On the afternoon of March 20 local time, the president, who had just arrived in the "
        "capital, met his counterpart at the palace.Photo by Agency News reporter Jane Roe"
    )
    story = (
        "Agency News, Capital, March 20 (Reporter John Doe) On the afternoon of March 20 local "
        "time, the president, who had just arrived in the capital, met his counterpart at the palace."
    )
    assert kept(caption, story, MORE) == [story, MORE]


def test_a_sentence_quoting_someone_under_captions_at_the_end_stays() -> None:
    captions = [
        "Guests attending a banquet at the castle during the president's state visit",
        "Guests attending the banquet at the castle",
    ]
    told = 'The king praised the visiting leader\'s "personal commitment" to seeking peace.'
    assert kept(LEDE, MORE, *captions, told) == [LEDE, MORE, told]


def test_a_sentence_reporting_what_someone_said_under_a_caption_at_the_end_stays() -> None:
    # No quotation marks, but a full sentence telling what people said: the story goes
    # on under the picture, not a social or credit line in the page's footer.
    caption = "Delegates gather in the conference hall before the vote Credit: Pool/Agency"
    reported = "Three diplomats said the host was blocking a deal on the fishing clause."
    assert kept(LEDE, MORE, caption, reported) == [LEDE, MORE, reported]
    # A short line there that reports nobody's words is still the footer's.
    assert kept(LEDE, MORE, caption, "Follow our coverage of the talks on the radio.") == [
        LEDE,
        MORE,
    ]


def test_the_comment_boxs_prompt_below_the_story_goes() -> None:
    assert kept(LEDE, MORE, "Be the first to reply to this general discussion.") == [LEDE, MORE]
    told = "Be the first to reply, the minister told the committee on Monday, and reply in full."
    assert told in kept(LEDE, told, MORE)


def test_a_signpost_to_the_latest_goes_but_a_lead_in_naming_who_spoke_stays() -> None:
    signpost = "Here's the latest. All times Eastern."
    assert kept(signpost, LEDE, MORE) == [LEDE, MORE]
    assert kept(LEDE, signpost, MORE) == [LEDE, MORE]
    # Who spoke, when and to whom: editors keep it as the text's overview.
    lead_in = (
        "Following is the text of the Prime Minister's statement to the media, after his "
        "meeting with the visiting Prime Minister of the other country:"
    )
    assert kept(lead_in, LEDE, MORE) == [lead_in, LEDE, MORE]


def test_a_one_sentence_lede_telling_its_day_is_not_a_standfirst_the_story_restates() -> None:
    first = "The prime minister wrapped up his first summit as host on Tuesday."
    after = (
        "The leaders of the group, and other world leaders, spent three days in the mountains "
        "for the annual summit. It was the prime minister's first summit as host since "
        "taking office, and his first playing host to the other members."
    )
    assert kept("Skip to content", first, after, MORE) == [first, after, MORE]


def test_a_caption_with_initials_in_a_name_and_a_clause_about_the_event_goes() -> None:
    caption = (
        "The prime minister and U.S. President Jane Doe shake hands during the summit, "
        "which ran June 15-17 in the mountains."
    )
    assert kept("Skip to content", caption, LEDE, MORE) == [LEDE, MORE]


def test_the_videos_description_under_its_duration_is_no_lede() -> None:
    video = (
        "The prime minister made his closing remarks on Tuesday evening, drawing an end to "
        "the summit. He says progress has been made over the last two days on several "
        "key priorities, including supply chains."
    )
    # Under the player, with the page's furniture (not the story) right under it.
    assert kept("Duration 7:31", video, "The Latest", LEDE, MORE) == [LEDE, MORE]
    # The player's blurb cut off without its full stop goes wherever it is.
    assert kept("Duration 7:31", video[:-8], LEDE, MORE) == [LEDE, MORE]
    # A story paragraph under a line that is not a video's length stays.
    assert kept("7 things to know", video, LEDE) == [video, LEDE]


def test_a_blogs_comment_box_below_the_story_goes() -> None:
    box = ["No comments:", "Post a Comment", "Note: Only a member of this blog may post a comment."]
    assert kept(LEDE, MORE, *box) == [LEDE, MORE]


def test_a_numbered_heading_in_lower_case_between_paragraphs_goes_but_a_numbered_list_stays() -> (
    None
):
    story = [
        "The prime minister raised the plight of a detained writer with the president, and "
        "declined to say how the president had responded to the request.",
        "The country has ambitions to join an important regional trade pact, which needs the "
        "unanimous support of all its members, the trade minister said on Monday.",
    ]
    assert kept(LEDE, "1. The writer in prison", story[0], "2. The regional trade pact", story[1]) == [
        LEDE, story[0], story[1],
    ]  # fmt: skip
    # Consecutive numbered points under a lead-in are the story's list.
    items = ["1. lower tariffs on steel", "2. more flights between the capitals"]
    assert kept(LEDE, "The deal covers:", *items, MORE) == [LEDE, "The deal covers:", *items, MORE]


def test_items_ending_in_semicolons_under_a_lead_in_stay() -> None:
    items = [
        "A Memorandum of Understanding on industrial and investment cooperation;",
        "A Memorandum of Understanding on strengthening trade in the regional format;",
        "A Memorandum of Understanding on cooperation in the field of digital trade;",
    ]
    lead_in = "The summit participants also signed:"
    assert kept(LEDE, MORE, lead_in, *items) == [LEDE, MORE, lead_in, *items]


def test_a_one_sentence_lede_telling_its_dates_under_epigraphs_still_leads() -> None:
    first = "From May 18th to 19th, the president presided over the first regional summit."
    after = (
        "From the tree-lined hotel to the conference centre, the president and the heads of "
        "state of the five countries held intensive talks, and the first regional summit "
        "reached important consensus and achieved fruitful results."
    )
    result = kept(
        "\u201cIt is of great significance for us to meet here.\u201d", first, after, MORE
    )
    assert result[0] == first


def test_a_paragraph_opening_on_a_credit_word_is_the_story_not_a_caption() -> None:
    prose = [
        "The two sides met for an hour. Courtesy visits to the parliament's leaders came "
        "later in the day, and the delegation was due to fly home on Thursday.",
        "Courtesy of the new exemption, exporters expect to save about $3 billion a year on "
        "the parts they ship across the border, industry groups said.",
        "The ministry later released a clip. Screenshot images of the draft, showing the "
        "disputed clause, were shared widely online within hours.",
        "She left on Friday. Video by a local broadcaster showed her waving as she boarded "
        "the plane at the military airfield outside the capital.",
    ]
    for paragraph in prose:
        assert kept(LEDE, paragraph, MORE) == [LEDE, paragraph, MORE], paragraph
    # A credit closing a caption still goes.
    caption = "The leaders shake hands at the palace. Photo by Jane Roe"
    assert kept(LEDE, caption, MORE) == [LEDE, MORE]


def test_a_call_to_register_told_by_the_story_is_no_paywall_prompt() -> None:
    prose = [
        "Officials asked farmers to please register with the district office to gain access "
        "to the drought relief fund, the agriculture ministry said.",
        "The country hopes to, in time, become a member of the bloc and gain the protection "
        "of Article 42.",
        "Exporters will have to register with the customs agency. Register before June, "
        "officials advised, to secure access to the lower tariffs.",
    ]
    for paragraph in prose:
        assert kept(LEDE, paragraph, MORE) == [LEDE, paragraph, MORE], paragraph
    # The wall's own prompt still goes.
    for prompt in ("Subscribe now for unlimited access to all our journalism.",
                   "Create a free account to read unlimited news stories and more!"):  # fmt: skip
        assert kept(LEDE, prompt, MORE) == [LEDE, MORE], prompt


def test_a_story_sentence_opening_like_a_signpost_is_kept_in_doubt() -> None:
    prose = [
        "These are the latest in a run of export curbs announced by the ministry this spring.",
        "What we know is that the two delegations agreed to meet again in May, officials said.",
        "As the round closed, these are the key questions that still split the two sides, "
        "negotiators said.",
    ]
    for paragraph in prose:
        assert kept(LEDE, paragraph, MORE) == [LEDE, paragraph, MORE], paragraph
    # A signpost naming what it points to, right after it, still goes.
    signpost = "Here are the latest updates from the border crossing."
    assert kept(LEDE, signpost, MORE) == [LEDE, MORE]


def test_a_full_sentence_under_a_videos_duration_is_the_storys_and_may_lead() -> None:
    first = (
        "The president met the visiting chancellor at the palace on Monday, pledging to double "
        "trade between the two countries within five years."
    )
    assert kept("Trade pact talks open", "Duration 3:12", first, LEDE, MORE) == [first, LEDE, MORE]
    told = "The chancellor later told reporters that the talks had gone well."
    assert kept(LEDE, "Duration 0:45", told, MORE) == [LEDE, told, MORE]


def test_a_standfirst_the_story_restates_word_for_word_does_not_lead_for_its_day() -> None:
    dek = "The chancellor brings a billion-euro aid package to the summit in the capital today."
    story = (
        "German Chancellor Jane Roe brings a billion-euro aid package and a promise of more "
        "troops to the summit in the capital, where she meets the other leaders for the first "
        "time since the election."
    )
    assert _first_prose("Aid package on the table", dek, story, _BODY) == story
    # The same with its day named, the story restating every other word: no lede either.
    again = (
        "The chancellor brings a billion-euro aid package to the summit in the capital on Friday."
    )
    assert _first_prose("Aid package on the table", again, story, _BODY) == story
    # A lede telling its day, the story going on in its own words, still leads.
    day = "The chancellor brought a billion-euro aid package to the summit on Tuesday."
    assert _first_prose("Aid package on the table", day, story, _BODY) == day


def _first_prose(*texts: str) -> str:
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    return next(p.text for p in JunkFilter().clean(paragraphs)[0] if p.prose)


def test_initials_ending_a_sentence_end_it_so_two_sentences_are_no_caption() -> None:
    story = (
        "The chancellor waves to the crowd on Monday as she lands in the U.K. Her host meets "
        "her at the steps of the residence, and the two shake hands for the cameras."
    )
    assert kept(LEDE, story, MORE) == [LEDE, story, MORE]


def test_a_lead_in_to_a_quotation_inside_the_story_is_no_subhead() -> None:
    said = (
        "\u201cWe will not accept any attempt to redraw the border by force,\u201d the "
        "minister told reporters at the embassy."
    )
    end = (
        "Trade officials from both sides will meet next month to work out the details of the "
        "pact, according to a joint statement released after the talks."
    )
    lead_in = "Roe's warning to Beijing, in her closing remarks:"
    assert kept(LEDE, MORE, lead_in, said, end) == [LEDE, MORE, lead_in, said, end]
    verdict = "Roe's verdict on the talks:"
    assert kept(LEDE, MORE, verdict, said, end) == [LEDE, MORE, verdict, said, end]
    items = ["Ten new ships for the coast guard.", "A joint patrol along the strait."]
    listed = "Pledges to the coast guard, from the joint statement:"
    assert kept(LEDE, MORE, listed, *items, end) == [LEDE, MORE, listed, *items, end]


def test_thousands_of_blocks_repeating_each_other_keep_only_the_fullest_one() -> None:
    """The repeat check takes its candidates lazily (its speed on 12,000 such blocks is
    `bench/adversarial_text.py repeated_paragraphs_12k`): the decisions stay the same."""
    short = "The ministers met again to talk about the fisheries accord."
    longer = "The ministers met again to talk about the fisheries accord on Friday."
    paragraphs = [Paragraph(i + 1, i + 1, (short, longer)[i % 2]) for i in range(3_000)]
    cleaned, dropped = JunkFilter().clean(paragraphs)
    assert [p.text for p in cleaned] == [longer] and len(dropped) == 2_999


def test_a_short_item_of_a_list_dashed_on_lines_of_their_own_stays() -> None:
    """A bullet's marker alone on its line ("-") is no furniture around the items: a
    terse item between two markers is the story's, not a line between page furniture."""
    opening = (
        "Leaders of the eight island states closed their annual meeting in the capital on "
        "Friday with a joint statement on fishing, shipping and the climate."
    )
    lead_in = "The statement lists the main outcomes of the two days of talks:"
    first = (
        "Regional fisheries plan: Leaders agreed to share catch data across the region and "
        "to set up a joint patrol fund for the next five years."
    )
    terse = (
        "Ocean borders: Leaders reaffirmed commitments on swift maritime boundary surveys, "
        "coastal zone protection and climate-driven sea-level rise."
    )
    last = (
        "Health and schools: Leaders backed a regional plan for nurses and teachers, with "
        "money from the development bank to train them."
    )
    texts = [opening, lead_in, "-", first, "-", terse, "-", last]
    kept_texts, dropped = _cleaned(*texts)
    assert kept_texts == [opening, lead_in, first, terse, last]
    assert set(dropped) == {"-"}
    # Between real furniture, past a rule, a sparse line is still the site's.
    footer = ["Contact us", "\u2014", "Our standards: The Trust Principles.", "\u2014", "Terms"]
    assert "Our standards: The Trust Principles." in _cleaned(opening, _BODY, *footer)[1]
    # One rule under the story parts it from another story's headline and summary below.
    others = [
        "Envoys say no talk yet of delaying the water-sharing deadline",
        "Neighbours deny claims that the dam will cut the river's flow News -",
    ]
    kept_texts, dropped = _cleaned(opening, _BODY, "-", *others)
    assert kept_texts == [opening, _BODY] and set(others) <= set(dropped)


def test_a_wire_date_with_its_agency_opens_the_story_and_a_file_photo_credit_ends_a_caption() -> (
    None
):
    """ "Nov. 3 (Agency) -- " is a wire dateline like "CITY (Agency) -- ", and a long
    caption signed "File Photo by ..." is a caption: the story opens under them."""
    caption = (
        "Ruritania's President Jane Doe arrived Monday in the port city, landing at the "
        "military airfield for a speech at the maritime museum. She will continue her state "
        "visit on Tuesday and Wednesday in the capital, where she will meet the prime "
        'minister at his residence to discuss "ports, rail, energy, schools and fishing," as '
        "well as a joint patrol of the strait. File Photo by John Roe/Example Agency"
    )
    lede = (
        "Nov. 3 (Example) -- The prime minister will host a state visit this week with "
        "President Jane Doe of Ruritania, where the two leaders will discuss trade, security "
        "and the new rail link."
    )
    more = (
        "The visit is the first by a Ruritanian president in two decades and marks the 50th "
        "anniversary of relations between the two countries, officials said."
    )
    texts = ["Trending", "Doe makes historic state visit", "By Ann Poe", caption, lede, more]
    assert _first_prose(*texts) == lede
    assert kept(*texts) == [lede, more]
    # A file photo named inside a sentence, or a date in brackets, is the story's.
    named = (
        "The palace released a file photo by its own photographer on Monday, showing the two "
        "leaders at the 2019 signing of the first accord."
    )
    dated = "May 21 (a Tuesday) was the day the two ministers first met, officials recalled."
    assert kept(lede, named, dated, more) == [lede, named, dated, more]


def _cleaned_titled(title: str, *texts: str) -> tuple[list[str], dict[str, str]]:
    return cleaned(*texts, title=title)


def test_the_headline_printed_again_ends_the_page_header_like_a_byline() -> None:
    """Short sentences of a site's banner above the headline printed again are the
    header, not the lede: the story opens under the headline. A line sharing only half
    the headline's words (a link to the text) ends nothing, and a lede above it stays."""
    title = "Ministers hold annual talks on fisheries in the capital"
    banner = [
        "An official website of the Ruritanian Government",
        "How to tell",
        "Official websites use .rt",
        ".rt website belongs to an official government organization in the Republic of Ruritania.",
        "Secure .rt websites use HTTPS",
        "A padlock ( padlock ) or https:// means the connection to the .rt website is safe. "
        "Share private details only on official, secure websites.",
    ]
    story = (
        "FISHERIES MINISTER JANE ANN DOE: Good afternoon, everyone. Our talks today covered the "
        "quotas for the coming season, the joint patrols and the new port fees, and we agreed "
        "on most of them."
    )
    kept_texts, _ = _cleaned_titled(title, *banner, title, story, _BODY)
    assert kept_texts == [story, _BODY]
    short_lede = "Ministers from both countries met in the capital on Friday to settle quotas."
    link = "Read the ministers' statement on fisheries"
    kept_texts, _ = _cleaned_titled(title, title, short_lede, link, _BODY)
    assert short_lede in kept_texts and _first_prose(title, short_lede, link, _BODY) == short_lede
    # Printed again under the story's first paragraph (a video's title), or under a byline,
    # the headline ends no header: the short lede above it stays the lede.
    menu = ("Menu", "Search")
    for texts in (
        (short_lede, title, _BODY),
        ("By Ann Poe", short_lede, title, _BODY),
        (*menu, short_lede, title, _BODY),
    ):
        kept_texts, _ = _cleaned_titled(title, *texts)
        assert kept_texts[0] == short_lede, texts


def test_a_label_with_no_verb_ending_the_page_is_a_subhead_of_a_missing_section() -> None:
    """The copy stops at a subhead ending in ':' ("The stakes for the region:"): nothing it
    introduces is there, so it goes. A lead-in with a verb of its own stays."""
    label = "The stakes for the whole region:"
    assert kept(LEDE, MORE, label) == [LEDE, MORE]
    for lead_in in (
        "He then listed his three demands:",
        "The minister said the talks would cover three points:",
        "Officials gave the following figures:",
    ):
        assert kept(LEDE, MORE, lead_in) == [LEDE, MORE, lead_in], lead_in


def test_a_lead_in_ending_the_page_with_a_comma_or_an_adverbial_verb_stays() -> None:
    """A lead-in cut off from what it introduces ends a page too, and is the story's:
    one worded around commas ("The minister, in a statement after the talks:") or with a
    verb after an adverb ("The minister also warns of delays:") is no subhead."""
    for lead_in in (
        "The minister, in a statement after the talks:",
        "The outcome, according to two officials in the room:",
        "The admiral's answer to the committee, in full:",
        "The minister also warns of delays:",
    ):
        assert kept(LEDE, MORE, lead_in) == [LEDE, MORE, lead_in], lead_in


def test_a_story_sentence_also_in_a_dropped_summary_above_stays() -> None:
    """A summary above the story made of two of its own sentences goes with the header;
    the story's copy of one of them, below the lede, is then no repeat: it stays (in
    doubt). A caption printed again under a second picture still goes."""
    title = "Island summits close as the chair passes to the north"
    said = "Twelve meetings were held in all, which the chair called complete successes."
    quote = (
        "\u201cWe had open and useful talks on the issues that matter to the region,\u201d "
        "the chair told reporters after the closing session."
    )
    caption = "The outgoing chair hands the gavel to his successor. PHOTO: EXAMPLE TIMES"
    lede = (
        "PORT ROYAL \u2013 Meetings of the island leaders and their partners closed in the "
        "capital on Friday with the adoption of papers on shipping, fishing and the climate."
    )
    texts = [title, f"{said} {quote}", caption, "October 14, 2024", lede, _BODY, said, quote]
    kept_texts, dropped = _cleaned_titled(title, *texts)
    assert kept_texts == [lede, _BODY, said, quote]
    assert caption in dropped
    kept_texts, dropped = _cleaned_titled(title, *texts[:6], caption, _TAIL)
    assert kept_texts == [lede, _BODY, _TAIL] and caption in dropped


def test_a_date_over_a_bracketed_word_that_names_no_agency_is_no_wire_dateline() -> None:
    """A wire's "May 21 (Reuters) - " opens a wire story, but a date over a weekday or a place in
    brackets ("Feb. 7 (Friday) - ") is a sentence of the story or a timeline's entry: the
    lede above it stays the lede."""
    title = "Leaders open a new round of fisheries talks"
    for entry in (
        "Feb. 7 (Friday) - The two delegations met for two hours and then briefed reporters.",
        "Jan. 20 (Inauguration Day) - The new government named its negotiators for the talks.",
        "Mar. 3 (Harbour City) - Talks resumed in the port after a week's pause in the capital.",
        "Apr. 9 (local time) -- The ministers signed a short note on quotas before leaving.",
    ):
        kept_texts, _ = _cleaned_titled(title, LEDE, entry, MORE)
        assert kept_texts == [LEDE, entry, MORE], entry
    for wire in ("May 21 (Reuters) - ", "Aug. 18 (UPI) -- ", "Oct. 2 (Xinhua) - "):
        story = wire + "The two defence ministers agreed to hold a first joint exercise."
        kept_texts, _ = _cleaned_titled(title, "A short line over the wire copy here.", story, MORE)
        assert kept_texts[0] == story, wire


def test_the_headline_printed_again_below_story_prose_ends_no_header() -> None:
    """Under a menu, a lede and a paragraph of the story, then the headline again (a video's
    title) and more story: the copy is no header's end, and the prose above it stays. The
    headline printed at the top and again lower down still ends the header at its first
    print."""
    title = "Defence ministers agree on first joint naval exercise"
    menu = ("Home", "World", "Region")
    for texts in (
        (*menu, LEDE, MORE, title, _BODY),
        (*menu, LEDE, "Defence ministers agree on a first joint naval exercise.", MORE, _BODY),
        (*menu, title, LEDE, MORE, title, _BODY),
    ):
        kept_texts, _ = _cleaned_titled(title, *texts)
        assert kept_texts[:2] == [LEDE, MORE], texts
    standfirst = "Navies to train together next year."
    kept_texts, dropped = _cleaned_titled(title, *menu, standfirst, title, LEDE, MORE)
    assert kept_texts == [LEDE, MORE] and standfirst in dropped
    # Printed at the top, then over a short line and the lede, then again as a video's
    # title: the first print (found as a repeat of the second) ends the header.
    kept_texts, _ = _cleaned_titled(title, *menu, title, standfirst, LEDE, title, MORE)
    assert LEDE in kept_texts and MORE in kept_texts


def test_a_salute_fired_for_a_guest_is_no_picture_verb_so_the_lede_stays() -> None:
    # "salute" after "a 21-gun" is a noun: a story sentence in the past tense, not a
    # caption telling what a picture shows.
    lede = (
        "The visiting president received a warm welcome at the palace on Monday (May 4), "
        "with a 21-gun salute and both anthems being played."
    )
    assert kept(lede, _BODY, _TAIL) == [lede, _BODY, _TAIL]
    assert _first_prose(lede, _BODY, _TAIL) == lede
    # Said of people, the same word is still what a picture shows.
    caption = "Guards salute the visiting president at the palace on Monday, May 4, 2026."
    assert kept(caption, lede, _BODY) == [lede, _BODY]


def test_a_transcript_speaker_named_in_title_case_speaks_to_the_room() -> None:
    # "President of Ruritania Jane Doe: ..., I am glad ... you": the speaker's "you" is
    # the guest's, not the site's word to its reader, in that block and the next ones.
    opening = (
        "President of Ruritania Jane Doe: Madam Secretary, colleagues, I am very glad to meet "
        "you again. We missed each other at the spring summit, but I hope your visit today "
        "makes up for it."
    )
    more = (
        "I know that you have had long and useful talks with our foreign minister, who has "
        "already told me about them, and I watched part of your press conference."
    )
    agenda = (
        "We have a bilateral agenda too, and the commission we set up last year has begun "
        "its work in several areas, which I hope will all prove worthwhile."
    )
    assert kept(opening, more, agenda) == [opening, more, agenda]
    assert _first_prose(opening, more, agenda) == opening


def test_a_short_question_over_the_story_is_a_subhead_not_the_lede() -> None:
    # A live page's furniture, then a post's subhead asked as a question, then its prose.
    lede = (
        "My colleague looked yesterday at how the count went so wrong for both of the big "
        "parties in the capital, and at what the papers missed."
    )
    question = "What role did the press play in the vote?"
    kept_texts = kept("Live", "UPDATED", question, lede, _BODY)
    assert kept_texts == [lede, _BODY]
    assert _first_prose("Live", "UPDATED", question, lede, _BODY) == lede


def test_a_run_of_other_stories_headlines_between_paragraphs_goes() -> None:
    headlines = [
        "Port city hopes to shed its image as it hosts the summit",
        "A fragile economy is at stake as the two leaders meet",
        "Farm groups want a say in the next round of talks",
    ]
    above = (
        "The outcome of the talks could matter for a world grappling with slow growth, "
        "several wars and an election season. Follow our live coverage."
    )
    assert kept(_BODY, above, *headlines, _TAIL) == [_BODY, above, _TAIL]
    bullets = "\n".join(f"\u2022 {h}" for h in headlines)
    assert kept(_BODY, above, bullets, _TAIL) == [_BODY, above, _TAIL]
    # Under a lead-in they are the story's list: not taken as other stories' headlines.
    lead_in = "The ministers set out three goals for the year ahead:"
    assert set(headlines[:2]) <= set(kept(_BODY, lead_in, *headlines, _TAIL))


def test_the_headline_printed_with_more_words_after_it_is_the_headline() -> None:
    title = "Ministers hold annual talks on fisheries in the capital"
    longer = f"{title}... despite a row over quotas that has gone on for years"
    kept_texts, dropped = _cleaned_titled(title, longer, _BODY, _TAIL)
    assert kept_texts == [_BODY, _TAIL] and dropped[longer] == "repeats the headline"


def test_a_caption_printed_twice_around_its_credit_goes_both_times() -> None:
    caption = (
        "A sign is seen on the road to the border crossing in the northern hills, "
        "November 11, 2019."
    )
    lede = (
        "The defence ministers of the two countries met in the capital on Friday to ease "
        "tensions along their disputed border, where a clash killed soldiers in June."
    )
    kept_texts = kept(caption, "Reuters Archive", caption, lede, _BODY)
    assert kept_texts == [lede, _BODY]
    assert _first_prose(caption, "Reuters Archive", caption, lede, _BODY) == lede


def test_a_dated_caption_signed_after_a_dash_by_its_agency_goes() -> None:
    caption = (
        "The president speaks with the prime minister at the opening session of the summit "
        "in the capital, on November 15, 2022. \u2014 Reuters"
    )
    lede = (
        "The prime minister will make a state visit to the capital later this month, "
        "officials said on Wednesday, as the two countries deepen their ties."
    )
    assert kept(caption, lede, _BODY) == [lede, _BODY]
    # A story's last sentence signed by its agency has no picture's date: it stays.
    signed = "Talks resume next week in the capital, officials said. \u2014 Reuters"
    assert kept(lede, _BODY, signed) == [lede, _BODY, signed]


def test_a_standfirst_glued_to_a_reading_time_stamp_does_not_lead() -> None:
    # "2 min read 14 Mar 2026, 09:15 AM IST" glued to a standfirst the story restates.
    standfirst = (
        "2 min read 14 Mar 2026, 09:15 AM ISTThe prime minister heads to the capital for a "
        "state visit with major deals expected, including deals on energy, defence, farm "
        "trade and the transfer of critical jet engine technology."
    )
    lede = (
        "The prime minister will head to the capital on Monday for a state visit billed as a "
        "turning point, with major deals expected on energy, defence and the transfer of jet "
        "engine technology, officials said."
    )
    assert kept(standfirst, lede, _BODY) == [lede, _BODY]
    # Glued to a story's first sentence that nothing restates, the stamp takes nothing.
    alone = (
        "2 min read 14 Mar 2026, 09:15 AM ISTThe ministers agreed on Friday to cut duties on "
        "machinery after two days of talks in the capital."
    )
    assert kept(alone, _TAIL)[0] == alone


def test_a_lede_printed_twice_around_its_byline_or_agency_still_leads() -> None:
    # The page prints its first paragraph, the byline, then the story from that paragraph
    # on: a story sentence, not a caption, so its second copy is the lede.
    title = "Ministers meet to ease border tensions after a deadly clash"
    lede = (
        "The defence ministers of the two countries met in the capital on Friday to ease "
        "tensions along their disputed border, where a clash killed several soldiers."
    )
    for credit in ("By Jane Roe, Reuters", "Reuters Staff", "Jane Roe | Bloomberg", "AFP"):
        kept_texts, _ = _cleaned_titled(title, title, lede, credit, lede, _BODY, _TAIL)
        assert kept_texts == [lede, _BODY, _TAIL], credit


def test_a_story_sentence_opening_with_the_headlines_words_is_no_longer_headline() -> None:
    # A first paragraph that lost its full stop goes on from the headline's words with
    # no break: it is the lede, not a longer print of the headline.
    title = "Ministers agree to restart talks on the fisheries deal"
    lede = (
        f"{title} after a decade of frosty ties over quotas, officials in the capital said "
        "on Friday"
    )
    kept_texts, _ = _cleaned_titled(title, "Home", "World", lede, _BODY, _TAIL)
    assert kept_texts == [lede, _BODY, _TAIL]
    # Mid-story, a quote the headline took, with the story going on after a comma.
    quoted = "We will not back down on tariffs"
    said = (
        "\u201cWe will not back down on tariffs, and we will not be rushed into a bad deal,"
        "\u201d the minister told reporters on Friday in the capital"
    )
    kept_texts, _ = _cleaned_titled(quoted, _LEDE, _BODY, said, _TAIL)
    assert said in kept_texts
    # Below the story's first paragraph even a break after the words is the story's.
    broken = f"{title} \u2014 that was the word from both capitals on Friday night"
    kept_texts, _ = _cleaned_titled(title, _LEDE, _BODY, _TAIL, broken)
    assert broken in kept_texts


def test_a_dated_story_sentence_signed_by_its_agency_after_a_dash_stays() -> None:
    # Told in the past ("agreed", "said") or dated away from the signature: the story's
    # last sentence signed by its agency, not a picture's caption.
    signed = [
        "The two governments agreed on Friday to restart border talks that had been "
        "suspended since Oct 5, 2019. \u2014 Reuters",
        "The agreement, first signed on May 4, 2022, expires next year unless both sides "
        "renew it. \u2014 AFP",
        "The ban took effect on Jan. 1, 2024, the ministry said. - AP",
    ]
    for text in signed:
        assert kept(_LEDE, _BODY, text) == [_LEDE, _BODY, text], text
    assert kept(signed[0]) == [signed[0]]
    # A one-paragraph wire brief in a headline's words is no caption: a page is never
    # only its picture.
    brief = (
        "Ministers of the two countries to meet in the capital for the first round of new "
        "talks on trade and farm quotas on May 4, 2026. \u2014 Reuters"
    )
    assert kept(brief) == [brief]


def test_a_run_of_questions_or_a_list_under_its_noun_is_the_storys_not_headlines() -> None:
    # Headlines seldom ask: questions put in parliament, or readers' questions, between
    # two paragraphs are the story's own.
    asked = "The opposition leader posed three questions to the prime minister in parliament."
    questions = [
        "Why was the deal signed in secret?",
        "How much will it cost taxpayers?",
        "Who negotiated the investment clause?",
    ]
    kept_texts = kept(_LEDE, asked, *questions, _BODY, _TAIL)
    assert asked in kept_texts and set(questions[:2]) <= set(kept_texts)
    readers = "Readers sent us their questions about the new visa rules this week."
    faq = ["Can I still apply online?", "How long will it take?", "Do children need a visa?"]
    assert set(faq[:2]) <= set(kept(_LEDE, readers, *faq, _BODY, _TAIL))
    # A sentence ending in a list's noun leads into the story's list, as one ending in ':'.
    demands = (
        "After the vote, the opposition leader told reporters outside parliament that he had "
        "three demands."
    )
    items = [
        "Release of all political prisoners held since the spring",
        "A firm date for the next general election",
        "An independent inquiry into the clash at the border",
    ]
    assert items[0] in kept(_LEDE, demands, *items, _BODY, _TAIL)


def test_a_caption_of_a_couple_waving_is_a_caption_though_a_noun_comes_before() -> None:
    # "and his wife wave": the noun after "his" joins a compound subject, so the picture
    # word after it is the verb of what the camera sees.
    caption = (
        "The prime minister and his wife wave to supporters on their arrival in the capital "
        "on Friday, May 2, 2025."
    )
    assert kept(_LEDE, caption, _BODY, _TAIL) == [_LEDE, _BODY, _TAIL]


def test_the_filter_patterns_compiled_late_copy_and_pickle_like_compiled_ones() -> None:
    """They stand in for `re.Pattern`s: a worker process or a copy must get a working one."""
    import copy
    import pickle
    import re

    from briefing_site.content import junk

    lazy = [v for v in vars(junk).values() if type(v).__name__ == "_LazyPattern"]
    assert lazy
    for pattern in lazy[:5]:
        for again in (pickle.loads(pickle.dumps(pattern)), copy.deepcopy(pattern)):
            compiled = re.compile(pattern.pattern, pattern.flags)
            assert again.pattern == compiled.pattern
            assert again.findall("Share this article") == compiled.findall("Share this article")


# Long copy drawn from a few sentences, each block longer than a pull quote (over 60
# words), so only the word-for-word rule judges it: thousands of such blocks once cost
# time quadratic in their number. Its speed is measured in bench/junk_long_copy.py.
_LONG_COPY_SENTENCES = [
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


def _long_copy(count: int) -> list[list[str]]:
    """`count` blocks of four to six of the sentences, drawn the same every run."""
    import random

    draw = random.Random(7)
    return [draw.sample(_LONG_COPY_SENTENCES, draw.randint(4, 6)) for _ in range(count)]


def _calls_to_clean(blocks: list[list[str]]) -> int:
    """The function calls (Python's and built-in ones) the filter makes on `blocks`:
    its work, counted the same on any machine, however busy."""
    import cProfile
    import pstats

    paragraphs = [Paragraph(i + 1, i + 1, " ".join(block)) for i, block in enumerate(blocks)]
    profile = cProfile.Profile()
    profile.runcall(JunkFilter().clean, paragraphs, title="Ministers meet")
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


def test_long_copy_from_a_few_sentences_costs_work_in_proportion_to_its_length() -> None:
    """A long block printed again with more words after it is found without walking
    every block above it: 16 times the copy costs about 16 times the calls; walking
    the blocks above made it ~65 times."""
    assert _calls_to_clean(_long_copy(4_000)) < 24 * _calls_to_clean(_long_copy(250))


def test_long_copy_from_a_few_repeated_sentences_keeps_each_block_once() -> None:
    """Each block that repeats an earlier one word for word (the same block, or the
    opening of a longer one) goes; every other block stays, in order."""
    blocks = _long_copy(4_000)
    paragraphs = [Paragraph(i + 1, i + 1, " ".join(block)) for i, block in enumerate(blocks)]
    openings: set[str] = set()  # every run of whole sentences an earlier block opens with
    expected = []
    for block in blocks:
        if " ".join(block) not in openings:
            expected.append(" ".join(block))
        openings.update(" ".join(block[:end]) for end in range(1, len(block) + 1))
    kept, dropped = JunkFilter().clean(paragraphs, title="Ministers meet")
    assert [p.text for p in kept] == expected
    assert len(dropped) > 500  # the copy does repeat itself a lot


def test_a_transcript_speaker_with_the_name_in_brackets_speaks_to_the_room() -> None:
    # "Foreign Minister of Ruritania (Ms. Jane Doe): ... you": an office with the name in
    # brackets labels a speaker too, and so does a reporter's "Question:"; their "you"
    # and "our" are said to the room, not the site's word to its reader.
    opening = (
        "Foreign Minister of Ruritania (Ms. Jane Doe): We had a very warm talk, like old "
        "friends. If you look at how close the two of us sit, you can see how close our two "
        "countries have become."
    )
    reply = (
        "Trade Minister of Freedonia (Mr. John Roe): Thank you. As you can see, the future "
        "of our two countries lies in working together."
    )
    plans = (
        "Our fisheries minister will be in the capital in two days and we will take our "
        "work on the river ports further. Most important for you, we will bring our two "
        "countries' reporters together."
    )
    question = (
        "Question: I have a question for the Foreign Minister. Did you raise the river "
        "dispute, and do you think the last round of talks made any progress on it?"
    )
    texts = ["Public Diplomacy", "Transcript of remarks", opening, reply, plans, question]
    assert kept(*texts) == [opening, reply, plans, question]
    assert _first_prose(*texts) == opening


def test_a_quote_in_single_marks_goes_on_from_its_speaker_not_a_pull_quote() -> None:
    # British quotation marks: "'... ,' Mr Roe told ..." quotes someone, so the quotation
    # alone right under it is that speaker going on, even with furniture below it.
    said = (
        "'I don't think a short stop in the capital is high on the list of the president's "
        "worries this week,' Mr Roe told the morning show on Tuesday."
    )
    more = (
        "'I think it will be a very short meeting, because there are other leaders in far "
        "bigger seats who will want a bit of his time.'"
    )
    texts = ["Envoy sees short meeting", said, more, "Comments", "No comments yet...", "Share"]
    assert kept(*texts) == [said, more]


def test_a_live_pages_words_about_its_own_coverage_go_and_never_lead() -> None:
    # A live page closing down, thanking its readers or promising more lines: the page
    # speaking of itself, not news; the first entry's prose leads.
    closing = (
        "We're going to close down this live blog now. Thanks for reading and commenting. "
        "Here's a summary of the day's events:"
    )
    thanks = "Thank you for following our live coverage of the ministers' visit to the port."
    promise = (
        "The two ministers have finished their remarks - we'll bring you the rest of the "
        "key lines here shortly."
    )
    entry = (
        "The trade minister has been telling reporters that a fisheries deal is a priority, "
        "but would not say whether it could be signed before the autumn."
    )
    texts = ["10.12pm GMT", closing, "9.48pm GMT", entry, _BODY, promise, thanks]
    assert kept(*texts) == [entry, _BODY]
    assert _first_prose(*texts) == entry


def test_a_live_pages_clock_stamps_go_and_the_entry_under_them_stays() -> None:
    # A live page's entry times, one a line ("9.45pm", "21:20"), are stamps, not the items
    # of a list, even three in a row; a short entry under two stamps at the bottom of the
    # page is the story going on, not a social line below it.
    lede = (
        "The prime minister and his wife are attending a state dinner at the palace, on the "
        "first day of a three-day visit to the capital."
    )
    speech = (
        "The president said in his toast that the two countries had stood together through "
        "floods and wars, and would go on doing so for many years to come."
    )
    short_entry = "The king thanked his guest for the kind words."
    last = "The president proposed a toast, and the guests stood for the anthem."
    texts = [
        lede,
        "9.45pm",
        "9.30pm",
        "9.20pm",
        speech,
        "9pm",
        short_entry,
        "8.57pm",
        "8.55pm",
        last,
    ]
    assert kept(*texts) == [lede, speech, short_entry, last]


def test_a_live_pages_entry_headlines_with_their_times_and_image_sources_go() -> None:
    # "2. Minister praises ...published at 13:40 GMT 18 May": an entry's headline with its
    # time glued on; "...looking to his leftImage source, Agency": a picture's caption.
    lede = (
        "The minister describes the port deal as the biggest the two countries have signed "
        "and says that every shipping firm wants a part of it."
    )
    heading = "2. Minister praises income from port feespublished at 13:40 GMT 18 May"
    caption = (
        "Close up of a smiling minister in a grey suit and blue tie looking to his "
        "leftImage source, Harbour Pictures"
    )
    entry = "The minister says that a year ago the port was in serious trouble."
    texts = ["Summary", "1. Port deal the biggest yet, says ministerpublished at 13:41 GMT 18 May",
             lede, _BODY, heading, caption, entry, _TAIL]  # fmt: skip
    assert kept(*texts) == [lede, _BODY, entry, _TAIL]


def test_a_broadcasts_handover_to_its_reporter_goes() -> None:
    # "Channel's Jane Doe has more." / "Correspondent John Roe has our report.": the
    # anchor handing over, not news; a sentence that tells something stays.
    told = "The ministry has more than 300 staff at the port and plans to hire 50 more."
    texts = [_LEDE, "Harbour TV's Jane Doe has more.", _BODY, told,
             "Our correspondent John Roe has this report.", _TAIL]  # fmt: skip
    assert kept(*texts) == [_LEDE, _BODY, told, _TAIL]


def test_the_sites_legal_small_print_under_the_story_goes() -> None:
    # A wire reseller's disclaimer, an agency's note to subscribers and a copyright
    # notice at the foot of the page: the site's small print, not the story's last
    # paragraphs. The story's own words about copyright stay.
    lawsuit = (
        "The publishers accused the platform of breaching copyright, and its owners said "
        "they accept no responsibility for what users post, according to the filing."
    )
    disclaimer = (
        "HarbourWire provides the information \u201cas is\u201d without warranty of any kind. "
        "We do not accept any responsibility or liability for the accuracy or reliability "
        "of the information in this article. If you have any complaints, kindly contact "
        "the provider above."
    )
    subscribers = (
        "The Harbour Agency website carries only a part of the news stories offered to "
        "subscribers of its wire service, in summarised form. Please contact us for "
        "subscription options."
    )
    notice = (
        "Original briefings are \u00a9 Crown Copyright. Crown Copyright material is reproduced "
        "with the permission of the Controller of the office."
    )
    texts = [_LEDE, lawsuit, _BODY, disclaimer, "No comments yet.", subscribers, notice]
    assert kept(*texts) == [_LEDE, lawsuit, _BODY]
    last = "The airline said it does not accept any liability for the delays at the port."
    assert kept(_LEDE, _BODY, last) == [_LEDE, _BODY, last]


def test_a_quotation_under_reported_speech_goes_on_from_the_speaker() -> None:
    # "He says the two sides must work together." then his words in quotation marks:
    # the speaker going on (a live page quoting him line by line), not a pull quote,
    # even with a repeat of a later line right under it.
    says = "He says that to solve the port's problems the two sides will have to work together."
    quote = (
        "\u201cEven in the worst years of the dispute, when the river looked very different, "
        "the two towns were able to keep talking.\u201d"
    )
    again = "\u201cOur ties have never been worse. That changed two hours ago.\u201d"
    later = "Mayor: \u201cOur ties have never been worse. That changed two hours ago.\u201d (Some laughter.)"
    texts = [_LEDE, _BODY, says, quote, again, later, _TAIL]
    assert quote in kept(*texts)


def test_a_sentence_with_a_stray_opening_quote_mark_after_its_stop_stays() -> None:
    # "... at both levels. \u201c": a quotation mark opened after the full stop and cut off by
    # the scrape; the sentence still ends there, and is no subhead over the next paragraph.
    pledge = (
        "The president said he would push the two countries' partnership further at both "
        "the bilateral and the regional level. \u201c"
    )
    assert kept(_LEDE, _BODY, pledge, _TAIL) == [_LEDE, _BODY, pledge, _TAIL]


def test_a_broadcasts_caption_stream_marks_its_speakers_so_their_you_is_no_pitch() -> None:
    # Closed captions mark each change of speaker with ">>" and name some in lower case
    # ("president doe: thank you"): from there on "you" and "we" are the speakers' words.
    opening = (
        ">> a short time ago the two presidents finished a joint news conference at the "
        "palace. here is a look at their remarks, followed by questions from reporters."
    )
    welcome = (
        "announcer: ladies and gentlemen, the two presidents. president doe: thank you very "
        "much. we are truly honoured to welcome you and your delegation to the capital, and "
        "we thank you for making the long trip."
    )
    reply = (
        "president roe: thank you. it is a great honour for me to stand with you today, and "
        "i know that you have worked hard to make this visit a success for both our peoples."
    )
    shouted = (
        ">>> LADIES AND GENTLEMEN, THE PRESIDENT. >> GOOD AFTERNOON. THANK YOU FOR BEING HERE."
    )
    caps = (
        "IT IS MY PLEASURE TO WELCOME YOU TO THE PALACE. THANK YOU FOR MAKING THE LONG TRIP, "
        "WE HAVE MET SEVERAL TIMES BY VIDEO AND I VALUE THE CHANCE TO SEE YOU IN PERSON."
    )
    assert kept(opening, welcome, reply) == [opening, welcome, reply]
    assert caps in kept(shouted, caps, _BODY)


def test_a_short_exclamation_above_the_story_never_leads() -> None:
    # "We will keep fighting for all libraries - stand with us!": a call, not the plain
    # sentence a story opens with; the story's first paragraph leads.
    call = "We will keep fighting for every reader - stand with us!"
    texts = ["Skip to main content", call, "tv", "Archive", _LEDE, _BODY]
    assert _first_prose(*texts) == _LEDE


def test_a_storys_own_words_about_coverage_and_blogs_stay() -> None:
    # Closing a coverage gap, winding down insurance cover, a court telling a blogger to
    # close a blog, a minister promising "we'll bring you more" jobs: the news, not a live
    # page speaking of its own coverage.
    story = [
        "The plan would close the coverage gap for about a million renters in nine provinces.",
        "Three lenders said on Friday they would wind down the coverage they offer to farms.",
        "Staff said they had been told to wrap up the live coverage desk by the spring.",
        "The court ordered the commentator to close the blog and pay costs within a month.",
        "The firm will wind down the blog platform it bought in 2017 by the end of June, it said.",
        "Addressing dock workers later, the minister promised: we'll bring you more jobs soon.",
    ]
    for line in story:
        assert kept(_LEDE, line, _BODY) == [_LEDE, line, _BODY], line


def test_a_story_about_liability_or_warranties_keeps_its_paragraphs() -> None:
    # One legal phrase ("does not accept any liability", "without warranty") and a
    # website the story tells of, at the end of the story or above its short last
    # sentence: the story's words, not the site's small print.
    ruling = (
        "The tribunal said the notice on the ferry company's website, which says it does not "
        "accept any liability for cancellations by its own crews, could not be enforced."
    )
    platforms = (
        "Platforms said their rules already state they do not accept any responsibility for "
        "what sellers list, and that a website-by-website check would be unworkable."
    )
    finding = (
        "The watchdog found that the website sold phones without warranty while its adverts "
        "promised two years of cover."
    )
    appeal = "The firm said it would appeal."
    assert kept(_LEDE, _BODY, ruling) == [_LEDE, _BODY, ruling]
    assert kept(_LEDE, _BODY, platforms) == [_LEDE, _BODY, platforms]
    assert kept(_LEDE, finding, appeal) == [_LEDE, finding, appeal]
    # Two legal phrases, nobody said to say them, but the story goes on under them in a
    # short sentence: not below the story, so not its small print.
    sold = (
        "Buyers of the scanner learned too late that it came without warranty, and that its "
        "maker does not accept any liability for lost records."
    )
    assert kept(_LEDE, _BODY, sold, appeal) == [_LEDE, _BODY, sold, appeal]


def test_a_short_sentence_that_has_the_details_is_no_broadcast_handover() -> None:
    # "X has more." hands over to a reporter only when X is one ("Channel's Jane Doe",
    # "our correspondent"); a ministry or a country that "has the details" is news, in
    # scraped copy and in an author's own Markdown alike.
    agency = "Only the regional roads agency has the details."
    country = "Portugal has more."
    texts = [_LEDE, agency, _BODY, country, _TAIL]
    assert kept(*texts) == texts
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    assert [p.text for p in JunkFilter().clean(paragraphs, markdown=True)[0]] == texts


def test_a_clause_published_at_a_time_inside_a_story_stays() -> None:
    # "published at 09:30 a list of ..." in a story's last sentence, cut off before its
    # stop, is no live page's entry headline with its time glued on.
    clause = "The council published at 09:30 a list of the schools that would stay shut"
    assert kept(_LEDE, _BODY, clause) == [_LEDE, _BODY, clause]


def test_a_short_news_sentence_ending_in_an_exclamation_still_leads() -> None:
    # News told with "!" or ending on a crowd's quoted cry opens the story; only a call
    # in the site's voice or to the reader ("... - stand with us!") never leads.
    through = "Portugal are through to the semi-final after beating Spain on penalties!"
    chant = 'Outside the court, hundreds of supporters of the jailed mayor chanted "Freedom!"'
    for first in (through, chant):
        assert _first_prose("Skip to main content", first, _BODY, _TAIL) == first


def test_a_transcripts_moderator_handing_over_does_not_lead() -> None:
    # The moderator's opening words name who speaks next; the story starts with what
    # the first speaker says.
    moderator = (
        "MODERATOR: Good afternoon. After the talks we will first hear opening remarks from "
        "the visiting foreign minister, and then from our own minister."
    )
    speaker = (
        "FOREIGN MINISTER DOE: Thank you. Today we agreed to open a new consular office, to "
        "hold regular talks on fisheries and to meet again before the end of the year."
    )
    assert _first_prose(moderator, speaker, _BODY, _TAIL) == speaker
    assert _first_prose("Moderator: " + moderator[11:], speaker, _BODY) == speaker


def test_a_page_setting_two_versions_of_a_story_side_by_side_keeps_its_rows() -> None:
    # A site that tracks how a story changed prints each sentence in a table row, once
    # for each version ("... said. | ... said. |") or once with an empty cell: the
    # story's sentences, not a caption printed over its alt text; the page's own notes
    # on how often the story changed are not its lede.
    notes = "The article has changed 3 times. There is a feed of the changes."
    head = "Version 0 | Version 1 |"
    rows = [
        f"{_LEDE} | {_LEDE} |",
        f"{_BODY} | |",
        "The opposition called the vote a fraud and said it would go to court. | |",
        f"{_TAIL} | {_TAIL} |",
    ]
    kept_texts = kept(notes, head, *rows)
    assert kept_texts == rows
    assert _first_prose(notes, head, *rows) == rows[0]


def test_a_summary_cut_off_after_its_first_sentence_gives_way_to_the_story() -> None:
    # The page prints the story's summary and cuts it mid-sentence; the paragraph under
    # it tells the same again in full: the summary goes, the story leads.
    summary = (
        "In the vote in Borduria, the ruling party won a majority in parliament. It holds at "
        "least 90 seats, the electoral board said. Some 40 seats"
    )
    story = (
        "The ruling party won a majority of the seats in parliament in Sunday's vote. The "
        "electoral board said it holds 90 seats and the main opposition party 35. Some 40 "
        "seats are still to be declared, and observers will report on Tuesday."
    )
    assert _first_prose(summary, story, _BODY, _TAIL) == story


def test_the_first_of_several_items_under_their_own_datelines_leads() -> None:
    # A blog post gathering reports, each under a quoted title and opening with a label
    # and a colon: the first one is the story's opening, not a standfirst over the second.
    first = (
        "SUMMARY: The two leaders held their first meeting on Friday on the sidelines of the "
        "summit, discussing fishing rights, the border and the trade dispute. Our correspondent "
        "reports from the summit venue on what was said."
    )
    second = (
        "SUMMARY: The prime minister plans to meet the visiting president on Saturday, where "
        "they will likely discuss the steel quotas and the pipeline. A former minister joins "
        "us to talk about what the two sides want from the summit and from each other."
    )
    texts = ["Monday, May 5, 2025", '"Leaders meet at the summit" Channel 5/2/2025', first,
             '"A second meeting is planned" Channel 5/2/2025', second]  # fmt: skip
    assert _first_prose(*texts) == first


def test_a_summary_over_the_pages_own_publication_stamp_is_no_lede() -> None:
    # A government page: the title, a summary of the document, the stamp saying under
    # which government it was published, the speaker's name, then the speech.
    summary = (
        "A transcript of the opening remarks given by the foreign minister at the press "
        "conference with her counterpart in the capital on Monday 4 May."
    )
    stamp = "This was published under the 2019 to 2022 coalition government"
    title = "Foreign minister's remarks at the press conference with her counterpart"
    texts = [title, summary, stamp, "Jane Doe MP", _LEDE, _BODY]
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    kept_paragraphs, _ = JunkFilter().clean(paragraphs, title=title)
    assert [p.text for p in kept_paragraphs] == [_LEDE, _BODY]
    # Under the story's own first paragraph, the stamp ends no header: that paragraph leads.
    assert kept(_LEDE, stamp, _BODY, _TAIL) == [_LEDE, _BODY, _TAIL]


def test_a_syndicated_storys_first_sentence_under_its_dateline_leads_without_its_stop() -> None:
    # "City [Country], Month Day (Agency): ..." and no full stop at the end (the scrape lost
    # it): the story's first sentence, thick with names, not a caption above the story.
    first = (
        "Samaria [Borduria], April 13 : The foreign minister of Syldavia on Thursday held talks "
        "with his Bordurian counterpart Jan Doe in the old city of Samaria"
    )
    assert _first_prose("Ministers meet in Samaria", first, _BODY, _TAIL) == first


def test_a_live_pages_words_pointing_at_its_picture_go_but_the_story_stays() -> None:
    pointers = [
        "Here is a picture of the prime minister's arrival at the summit venue.",
        "This is the scene at the harbour as the leaders are due to arrive.",
    ]
    first = "This is the first visit by a Bordurian leader to the island in a decade."
    assert kept(_LEDE, pointers[0], _BODY, pointers[1], first, _TAIL) == [
        _LEDE,
        _BODY,
        first,
        _TAIL,
    ]


def test_a_transcripts_repeated_speaker_labels_are_no_datelines() -> None:
    # "ENVOY DOE:" opens several blocks: a speaker, not a wire's "CAPITAL:" dateline, so
    # the first answer leads and the exchanges above the second answer all stay.
    first = (
        "ENVOY DOE: I am not saying much right now, I will see you later. We had a good lunch "
        "with the delegation and not much talk."
    )
    question = "QUESTION: Did you also meet the other envoys at the embassy?"
    second = (
        "ENVOY DOE: Only briefly, because the traffic was very bad, so we had a few minutes "
        "at the embassy before the afternoon session began."
    )
    again = "QUESTION: What is on your agenda for the rest of the day?"
    texts = ["Walkthrough with reporters", first, question, second, again, _BODY]
    assert _first_prose(*texts) == first
    assert kept(*texts) == texts[1:]


def test_a_speaker_named_alone_speaking_to_the_room_is_no_pitch_to_the_reader() -> None:
    opening = (
        "Doe: On behalf of our group I would like to tell you that the meeting went well and "
        "that our statement will be handed to you shortly."
    )
    assert _first_prose("Press conference", "Capital, June 29", opening, _BODY) == opening


def test_a_government_sites_banner_about_its_website_does_not_lead() -> None:
    banner = [
        "An official website of the Borduria Government Here's how you know",
        "Official websites use .gov.bd",
        "A .gov website belongs to an official government organization in the United Provinces.",
        "Secure .gov.bd websites use HTTPS",
        "A lock or https:// means you have safely connected to the .gov.bd website. Share "
        "sensitive information only on official, secure websites.",
    ]
    assert _first_prose(*banner, _LEDE, _BODY) == _LEDE
    # A story's sentence about a website stays and may lead.
    hacked = "The website of the ministry was hacked on Monday, officials said."
    assert hacked in kept(_LEDE, hacked, _BODY)


def test_a_quotation_under_a_paragraph_naming_who_observed_it_goes_on_from_them() -> None:
    # The paragraph above names the speaker and what she observed; the quotation under
    # it, with her name and title on a line below, is her going on, not a pull quote.
    above = (
        "The summit was cut from two days to one, which many read as a sign of the strain. "
        "Jane Doe, a director at a research institute in the capital, observed that relations "
        "between the two capitals are particularly tense."
    )
    quote = (
        "\u201cThe two sides have more to argue about than they agree on, even if neither can "
        "afford to let the relationship get much worse.\u201d"
    )
    credit = "Jane Doe, Director, Institute of Regional Studies"
    assert quote in kept(_LEDE, above, quote, credit, "Tariffs: a tangled web", _BODY)
    said = above.replace("observed that", "said that")
    assert quote in kept(_LEDE, said, quote, credit, "Tariffs: a tangled web", _BODY)


def test_a_speakers_opening_greeting_does_not_lead_the_briefing() -> None:
    greeting = "MR. DOE: Good afternoon. Welcome to the Foreign Ministry briefing."
    first = (
        "As the President said last evening, the government strongly supports the action "
        "taken by the alliance to hold those responsible for the attack on the market."
    )
    assert _first_prose("DAILY PRESS BRIEFING", greeting, first, _BODY) == first
    # A greeting with news in it is the speaker's first paragraph, and leads.
    news = "MR. DOE: Good afternoon. The two ministers signed the fisheries accord this morning."
    assert _first_prose("DAILY PRESS BRIEFING", news, first, _BODY) == news


def test_a_short_article_pasted_twice_keeps_one_copy() -> None:
    """An editor who pastes the copy twice loses the second copy, never both: each copy
    went as a repeat of the other, and the article had no text left."""
    sentence = (
        "Ministers from both countries met on Monday to discuss tariffs, grain exports "
        "and a new port, officials said after the talks."
    )
    assert kept(sentence, sentence) == [sentence]
    other = "The leaders are expected to sign a shipping agreement when they meet again in May."
    assert kept(sentence, other, sentence, other) == [sentence, other]


def test_a_story_sentence_about_a_website_is_no_site_banner() -> None:
    # Only a banner's own words ("belongs to", "official websites", "use .gov", "secure")
    # mark a line about a website as the site's banner; news about websites leads.
    for first in (
        "Ministry websites in Borduria went dark on Friday after an attack on their servers.",
        "The port authority's website carried a notice on Friday closing the harbour.",
        "Web sites that sell tickets must show the full price under a new consumer law.",
    ):
        assert _first_prose("Sites go dark", first, _BODY, _TAIL) == first
    banner = "A .gov website belongs to an official government organization in Borduria."
    assert _first_prose(banner, _LEDE, _BODY) == _LEDE


def test_an_article_amended_or_a_post_changing_hands_is_no_page_history() -> None:
    # "The article has changed 3 times" is the page's own history; a constitution's article
    # amended, or a ministerial post changing hands, is the news.
    amended = "The article was amended in 2019 to let judges sit until they turn seventy."
    post = "The post has been edited out of the cabinet twice since the election, aides said."
    hands = "The post has changed hands three times since the spring, a sign of the strain."
    assert kept(_LEDE, amended, post, hands, _BODY) == [_LEDE, amended, post, hands, _BODY]
    assert kept(_LEDE, "This article has been edited 2 times.", _BODY) == [_LEDE, _BODY]
    assert kept(_LEDE, "The article was revised since it was first published.", _BODY) == [
        _LEDE,
        _BODY,
    ]


def test_a_sentence_opening_on_this_is_the_scene_that_goes_on_is_the_story() -> None:
    # "This is the scene that ..." or "This is the picture X wants ...: a statement" tells
    # the news; only a pointer ("This is the scene at the harbour as ...") is a caption.
    scene = (
        "This is the scene that met fishermen coming back to the harbour: boats sunk at "
        "their moorings and nets strewn over the quay."
    )
    picture = "This is the picture the palace wants the public to see: a calm and united court."
    assert kept(_LEDE, scene, picture, _BODY) == [_LEDE, scene, picture, _BODY]
    pointer = "This is the scene at the quay as the ferry comes in."
    assert kept(_LEDE, pointer, _BODY) == [_LEDE, _BODY]


# Two short paragraphs of a story, the kind a wire dateline below would make a caption.
_GRAIN = (
    "Farm ministers from eight river states have agreed to share the grain stored in their "
    "silos when the harvest fails, their spokesman said on Tuesday.",
    "The accord ends four years of quarrels over how much each state must hold back.",
)


def test_a_label_of_the_storys_own_before_a_colon_is_no_wire_dateline() -> None:
    # "Update:" or "ANALYSIS:" opens a paragraph as "LISBON:" does, but names no place:
    # the story does not start under it, so the prose above it stays and leads.
    labelled = [
        "Update: the ministers will gather again in May to count the stores, the spokesman said.",
        "Update: The ministers will gather again in May to count the stores, the spokesman said.",
        "ANALYSIS: Why the accord may not survive a second dry year in the southern states.",
        "Also: The ministers set up a fund to pay farmers who store grain for their neighbours.",
        "Watch: The ministers explain at a news conference why the accord took four years.",
        "LIVE: The ministers arrive at the palace for the second day of the grain talks.",
        "Preview: The ministers meet again on Friday to set the price for the coming year.",
        "Fact Sheet: The accord sets a floor price and a shared reserve for eight states.",
    ]
    for line in labelled:
        assert kept(*_GRAIN, line) == [*_GRAIN, line], line
        assert _first_prose(*_GRAIN, line) == _GRAIN[0], line
    # A note on the copy's own editing under its label is the site's, and goes (the
    # prose above it still leads).
    notes = [
        "Editor\u2019s Note: This report was corrected to give the right number of states.",
        "Correction \u2014 An earlier version gave the wrong date for the next meeting of the states.",
    ]
    for line in notes:
        assert kept(*_GRAIN, line) == list(_GRAIN), line
        assert _first_prose(*_GRAIN, line) == _GRAIN[0], line


def test_a_place_and_colon_before_a_lower_case_word_is_no_wire_dateline() -> None:
    # A wire's "LISBON: The ministers ..." opens on a capital; "Lisbon: the ministers ..."
    # goes on a sentence, and the story above it stays.
    lower = "Lisbon: the ministers will gather again in May to count the stores, he said."
    assert kept(*_GRAIN, lower) == [*_GRAIN, lower]
    # A real dateline still starts the story under the page's dek and caption above it.
    dek = "Eight states agree to share their grain."
    caption = "The ministers pose for a picture on the steps of the palace."
    dated = "LISBON: The ministers will gather again in May to count the stores, he said."
    assert kept(dek, caption, dated, _BODY) == [dated, _BODY]
    # With its agency in brackets it is a wire's dateline whatever word follows it.
    agency = "LISBON (Example Agency) -- the ministers will gather again in May, he said."
    assert kept(dek, caption, agency, _BODY) == [agency, _BODY]
    # So with a date, a dash or a place in capitals before a lower-case word.
    for opening in ("LISBON, May 7 - the", "LISBON \u2014 the", "LISBON: the", "PORTO -- iPhone"):
        wire = f"{opening} ministers will gather again in May to count the stores, he said."
        assert kept(dek, caption, wire, _BODY) == [wire, _BODY]


def test_a_quotation_over_several_paragraphs_goes_on_from_its_speaker_to_its_end() -> None:
    # "The mayor says, ''...": her words run over three paragraphs, each opened again with
    # a quotation mark and only the first attributed; the last, right over the comments
    # below the story, goes on from her too, not a pull quote.
    says = (
        "The mayor says, ''I was glad to welcome the delegation to the town hall this morning. "
        "Our two ports have a great deal to gain from working together. "
    )
    second = (
        "''The river is the lifeline of both towns, for trade and for the jobs that depend on "
        "it, and we are grateful for the help with the new locks.''"
    )
    third = (
        "''The talks also let me assure our guests that the harbour will stay open to every "
        "ship during the works, and this is keeping everyone on their toes.''"
    )
    texts = [_LEDE, _BODY, says, second, third, "2 comments:", "ReplyDelete"]
    assert kept(*texts) == [_LEDE, _BODY, says, second, third]


def test_a_caption_telling_where_its_people_stand_goes_however_long() -> None:
    # "X (standing R) and Y witnessing as A and B sign ... (29/8/18)": a news agency's caption
    # with no full stop, long enough to pass for prose, under the headline. It goes and
    # the story under it leads, its dateline carrying a year and a dash glued to the agency.
    caption = (
        "Mayor Jane Doe (standing R) and Governor John Roe witnessing as the Harbour Director, "
        "Mr Ade Bello and the visiting Deputy Trade Commissioner of the Northern Province, "
        "Ms Mary Major sign a Memorandum of Understanding on the Joint Port Development "
        "Programme and the training of pilots during the visit of the Governor to the Town "
        "Hall in Riverton on Wednesday (29/8/25)"
    )
    dated = (
        "Riverton, August 29, 2025 (Example News)-The two towns have deepened their ties "
        "with the signing of a series of agreements when the governor met the mayor on "
        "Wednesday at the town hall"
    )
    texts = ("Quota row ends", caption, dated, _BODY, _TAIL)
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    kept_paragraphs, dropped = JunkFilter().clean(paragraphs, title="Quota row ends")
    assert [p.text for p in kept_paragraphs] == [dated, _BODY, _TAIL], dropped
    assert next(p.text for p in kept_paragraphs if p.prose) == dated
    # A party's letter after a name is still no position ("Senator Jane Doe (R) said").
    party = (
        "Senator Jane Doe (R) said on Tuesday that the chamber would vote on the trade bill "
        "before the end of the month."
    )
    assert kept(_LEDE, party, _BODY) == [_LEDE, party, _BODY]


def test_a_caption_dated_then_credited_in_brackets_goes() -> None:
    # "... (R) receives ... Riverton. October 20, 2025. (AB)": the picture's date as its own
    # last sentence, then its agency in brackets.
    caption = (
        "Mayor Jane Doe (R) receives the visiting governor during his official visit to "
        "Riverton. October 20, 2025. (AB)"
    )
    assert kept(_LEDE, caption, _BODY, _TAIL) == [_LEDE, _BODY, _TAIL]
    # A story's sentence that ends on its date stays.
    told = "The mayor said the port would reopen to all ships on October 20, 2025."
    assert kept(_LEDE, told, _BODY) == [_LEDE, told, _BODY]


def test_a_long_clause_the_page_cut_short_between_paragraphs_is_no_subhead() -> None:
    # "Other points included the mayor's call for ... and Northern": a sentence of the
    # story the page cut mid-phrase, as long as a sentence: kept (in doubt), while a
    # clause a headline's length there is still a subhead.
    cut = (
        "Other points included the mayor's call for a joint river patrol to help manage the "
        "port's silting crisis and Northern"
    )
    subhead = "Fishing quotas are also on the table"
    assert kept(_LEDE, _BODY, cut, _TAIL) == [_LEDE, _BODY, cut, _TAIL]
    assert kept(_LEDE, _BODY, subhead, _TAIL) == [_LEDE, _BODY, _TAIL]


def test_a_first_line_the_next_paragraph_takes_up_as_the_meeting_is_no_dek() -> None:
    # Under the repeated headline, "The mayor held talks in the port with the governor."
    # has no day, source or number, but the paragraph under it goes on from it ("At the
    # beginning of the meeting, ..."): it is the story's first line and leads.
    first = "The mayor of Riverton Jane Doe held talks in the port with the visiting governor."
    after = (
        "At the beginning of the meeting, the two exchanged congratulations on the tenth "
        "anniversary of the twinning of their towns and of the joint river authority."
    )
    texts = ("Quota row ends", first, after, _BODY, _TAIL)
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    kept_paragraphs, dropped = JunkFilter().clean(paragraphs, title="Quota row ends")
    assert [p.text for p in kept_paragraphs] == [first, after, _BODY, _TAIL], dropped
    assert next(p.text for p in kept_paragraphs if p.prose) == first


def test_a_group_pictures_rows_and_a_verbless_dated_scene_are_captions() -> None:
    # "(Back row, from left): Mayor of X, Jane Doe; ...": a group picture's caption, long as
    # it runs, no longer leads over the story; nor does "Mayors and their deputies during
    # the forum in Riverton on June 15, 2025." (who, where and when, and no verb).
    row = (
        "(Back row, from left): Mayor of Riverton, Hon Jane Doe; Mayor of Lakeside, Hon John "
        "Roe; Deputy Mayor of Hillview, Hon Mary Major; Harbour Master of Riverton, Capt Ade "
        "Bello; Director of the River Authority, Dr Ann Lee; Chair of the Port Council, Hon "
        "Sam Poe; and Secretary of the Twinning Committee, Hon Kim Moe"
    )
    scene = "Mayors and their deputies during the forum in Riverton on June 15, 2025."
    texts = ("Quota row ends", row, scene, _LEDE, _BODY, _TAIL)
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    kept_paragraphs, dropped = JunkFilter().clean(paragraphs, title="Quota row ends")
    assert [p.text for p in kept_paragraphs] == [_LEDE, _BODY, _TAIL], dropped
    # A sentence of the story with its verb and its date stays.
    told = "The mayors met during the forum in Riverton on June 15, 2025, officials said."
    assert kept(_LEDE, told, _BODY) == [_LEDE, told, _BODY]


def test_a_bracket_glued_to_a_dash_is_a_dateline_only_after_a_date() -> None:
    # "The European Union (EU)-China summit comes as ..." is the story's second sentence,
    # not a wire's dateline: the real first paragraph above it stays and leads.
    first = (
        "Chinese and European leaders will meet in Beijing on Thursday for their first "
        "in-person summit in four years, with trade tensions and the war in Ukraine high on "
        "the agenda."
    )
    for glued in (
        "The European Union (EU)-China summit comes as Brussels weighs new tariffs on Chinese "
        "electric cars, a move Beijing has warned would hurt relations, diplomats said.",
        "The Islamic State (IS)-Khorasan group claimed responsibility for the attack on the "
        "airport, the group's news agency said on Friday.",
        "Real Madrid (ESP)-Bayern Munich (GER) ended 2-1 on Tuesday, sending the Spanish side "
        "through to the final in London.",
    ):
        assert kept(first, glued, _BODY, _TAIL) == [first, glued, _BODY, _TAIL]


def test_a_paragraph_naming_the_event_afresh_does_not_keep_the_dek_above_it() -> None:
    # Only "At the beginning (end, ...) of the meeting, ..." takes up the line above it;
    # "At the NATO summit in Vilnius on Tuesday, ..." or "During the talks, held ..." tells
    # the event afresh, so the standfirst over it still goes and it leads.
    title = "NATO leaders meet in Vilnius"
    dek = "Allies weigh Ukraine's membership bid as Turkey lifts its veto on Sweden."
    for lede in (
        "At the NATO summit in Vilnius on Tuesday, leaders of the 31 member states agreed that "
        "Ukraine's future lies in the alliance but stopped short of setting a timetable for it "
        "to join.",
        "During the talks, held on the sidelines of the G20 summit in Bali on Monday, the "
        "leaders spoke for more than three hours about Taiwan, trade and the war in Ukraine, "
        "officials said.",
        "During the visit, which begins on Wednesday, the prime minister will address a joint "
        "session of Congress and attend a state dinner at the White House, officials said.",
    ):
        texts = (title, dek, lede, _BODY, _TAIL)
        paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
        kept_paragraphs, dropped = JunkFilter().clean(paragraphs, title=title)
        assert [p.text for p in kept_paragraphs] == [lede, _BODY, _TAIL], dropped
        assert next(p.text for p in kept_paragraphs if p.prose) == lede


def test_a_dated_sentence_with_a_verb_before_during_is_no_caption() -> None:
    # A caption's "who" before "during" is names and nouns; one sentence with a verb there
    # ("Oil prices slid during ...") is the story's, whatever its date.
    for told in (
        "Ukraine accuses Russia of shelling the plant during the talks in Istanbul on March 29, "
        "2022.",
        "Oil prices slid during the OPEC meeting in Vienna on December 4, 2015.",
        "The two leaders sang together during the state dinner in Seoul on April 26, 2023.",
        "China warns Japan during the talks in Beijing on March 3, 2024.",
        "Erdogan urges restraint during the summit in Baku on June 15, 2023.",
    ):
        assert kept(_LEDE, _BODY, told, _TAIL) == [_LEDE, _BODY, told, _TAIL]


def test_a_row_or_seat_in_brackets_in_a_sentence_is_no_caption() -> None:
    # A row or a seat in brackets marks a caption only after a name or opening it, and not
    # in a block telling what someone said.
    for told in (
        "Tickets for the final went on sale on Monday, with seats in the VIP section (front "
        "row, centre court) priced at $2,000, the organisers said.",
        "The foreign minister, who sat in the (front row) during the opening session, left "
        "before the vote was taken, diplomats said.",
        "Opposition lawmakers occupied the government benches (front row and aisles) for "
        "nearly two hours on Tuesday in protest against the bill.",
        "Voters could see the candidates listed in order of the ballot (first row for the "
        "ruling party) at polling stations across the country.",
        "Senator Jane Doe (far R) of the Freedom Party said on Monday that her group would "
        "vote against the budget in its current form.",
        "The delegates, who remained (seated, L) as the anthem played, were criticised by the "
        "host government, the ministry said in a statement on Sunday.",
    ):
        assert kept(_LEDE, _BODY, told, _TAIL) == [_LEDE, _BODY, told, _TAIL]


def test_quotes_under_a_line_naming_no_speaker_are_judged_each_on_its_own() -> None:
    # At the story's end, under "X struck a cautious note ..." (no one said to speak), the
    # first quotation goes as a pull quote, but the one under it is still kept in doubt:
    # the chain goes on from a speaker only when the line over its first quote is one.
    noted = "Trade Minister Jane Doe struck a cautious note at a news conference after the meeting."
    first = (
        '"It is not everything we wanted, but it is a start, and we will build on it in the '
        'months ahead."'
    )
    second = (
        '"We will keep talking until the end of the year, and we will not give up on a full '
        'agreement."'
    )
    texts = [_LEDE, _BODY, noted, first, second, "Share this article", "Related articles"]
    assert kept(*texts) == [_LEDE, _BODY, noted, second]


def test_a_place_and_date_with_its_year_opening_a_paragraph_is_history_not_a_dateline() -> None:
    # "Hiroshima, August 6, 1945 — at 8:15 ..." under the story's first paragraph tells what
    # happened then: no wire's dateline, so the first paragraph above it stays and leads.
    for first, history in (
        (
            "Japan's prime minister laid a wreath at the peace park on Wednesday, as the city "
            "marked 80 years since the bombing.",
            "Hiroshima, August 6, 1945 \u2014 at 8:15 in the morning an American bomber dropped "
            "the first atomic bomb used in war on the city.",
        ),
        (
            "The Japanese prime minister will visit the memorial in Hawaii on Tuesday, the first "
            "such visit by a sitting leader.",
            "Pearl Harbor, December 7, 1941 \u2014 a date which will live in infamy, as "
            "Roosevelt told Congress the next day, and the start of America's war in the Pacific.",
        ),
        (
            "Putin and Trump will meet in Budapest next month, the Kremlin said on Thursday, in "
            "their second summit this year.",
            "Helsinki, July 16, 2018: Trump and Putin hold their first formal summit and take "
            "questions together at a news conference.",
        ),
        (
            "Sixty years on, the city is still coming to terms with the day that changed it, "
            "historians say.",
            "Dallas, November 22, 1963: the motorcade turned onto Elm Street shortly after noon, "
            "and within seconds the president had been shot.",
        ),
    ):
        texts = (first, history, _BODY, _TAIL)
        paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
        kept_paragraphs, dropped = JunkFilter().clean(paragraphs)
        assert [p.text for p in kept_paragraphs] == list(texts), dropped
        assert next(p.text for p in kept_paragraphs if p.prose) == first
    # With its agency's bracket after the year it is a wire's dateline still.
    wire = (
        "Ankara, August 29, 2018 (AA) - Turkey's foreign minister said on Wednesday that talks "
        "with Washington over the sanctions would continue next week."
    )
    texts = ("Turkey and the US will continue talks.", wire, _BODY, _TAIL)
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    kept_paragraphs, _ = JunkFilter().clean(paragraphs)
    assert next(p.text for p in kept_paragraphs if p.prose) == wire


def test_a_row_or_seat_without_a_side_and_a_second_cue_is_no_caption() -> None:
    # A team sheet's or a report's "(second row)", "(front row)", "(far R)", "(seated, C)"
    # after a name: the story's sentences, kept. A caption tells the side and has another
    # cue (a date stamp, "witnessing", another position).
    for told in (
        "Maro Itoje (second row) and Tom Curry (back row) return after injury, while Ellis "
        "Genge (front row) keeps his place on the bench for the match on Saturday.",
        "Uncapped Leicester forward Ollie Chessum (second row) comes into the starting side for "
        "the first time in his career.",
        "The coach recalled Caelan Doris (back row) as captain for the tour of New Zealand in "
        "July.",
        "(Front row) Ellis Genge, Jamie George and Dan Cole start against Wales on Saturday in "
        "Cardiff.",
        "Members of the House of Commons (front row) cheered as the Prime Minister rose to "
        "speak on the budget on Wednesday afternoon.",
        "Tickets for the VIP Lounge (front row, centre court) sold out within minutes on Monday "
        "as fans rushed to secure seats for the final.",
        "Senator Jane Doe (far R) of the Freedom Party voted against the budget on Monday, "
        "joining three colleagues in the opposition.",
        "Jane Doe (seated, C) chaired the meeting of the committee, which approved the budget "
        "on Monday.",
        "Supporters of the Freedom Party (front row) cheered loudly on Tuesday as the leader "
        "arrived at the rally in the capital, where thousands had gathered since the early "
        "morning to hear her set out plans on taxes, housing and the health service ahead of "
        "next month's general election, which polls suggest will be close between the two "
        "main parties, with a third party gaining ground in the north and several seats still "
        "too close to call in the capital region.",
    ):
        assert kept(_LEDE, _BODY, told, _TAIL) == [_LEDE, _BODY, told, _TAIL], told
    # A group picture's row told from the left over its list of names goes.
    row = (
        "(Back row, from left): Premier of the Northern Isles, Hon Dr. Jane Doe; Prime "
        "Minister of Ruritania, Hon John Roe; Prime Minister of Freedonia, Hon Mary Major; "
        "Minister of Foreign Affairs of Borduria, Hon Ade Bello; Premier of the Southern "
        "Isles, Hon Tom Smith; and Deputy Premier of the Eastern Isles, Hon Ann Lee, who "
        "attended the opening session of the regional meeting of heads of government"
    )
    assert kept(_LEDE, _BODY, row, _TAIL) == [_LEDE, _BODY, _TAIL]


def test_a_date_then_a_storys_stamp_in_brackets_is_no_caption() -> None:
    # "... to finish the text. October 20, 2021. (UPDATED)": the story's last sentence with
    # the page's stamp, not a picture's date and agency.
    told = (
        "Ministers from both countries will meet again in Geneva next month to finish the "
        "text. October 20, 2021. (UPDATED)"
    )
    assert kept(_LEDE, _BODY, _TAIL, told) == [_LEDE, _BODY, _TAIL, told]


def test_a_live_pages_entry_times_written_with_periods_are_dropped() -> None:
    # Wire live pages stamp each entry "9:55 a.m.": the periods of "a.m." end no
    # sentence, so the stamp goes as "9.55pm" does instead of showing in a section.
    first = (
        "The bloc wants the leaders to use the summit to press the prince over the jailing "
        "of reporters and the war in the east."
    )
    second = (
        "The council's president told reporters the bloc would extend its sanctions over "
        "the seizure of the ships, officials said."
    )
    third = (
        "Diplomats were still haggling over the wording of the final statement late on "
        "Friday night, with the climate and trade paragraphs still open, two officials said."
    )
    kept, dropped = _cleaned("10:05 a.m.", first, "9:55 a.m.", second, "9:45 p.m. EST", third)
    assert kept == [first, second, third], dropped
    assert _lede("10:05 a.m.", first, "9:55 a.m.", second) == first
