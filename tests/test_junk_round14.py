"""Shapes met on the fourteenth blind round of real scraped pages, written here."""

from __future__ import annotations

from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

from briefing_site.content.load import split_text

STORY = (
    "Fisheries ministers from nine Indian Ocean states met in Port Louis on Monday to set "
    "common catch limits for tuna, a step officials said was overdue after three poor seasons."
)
MORE = "The limits take effect in January and will be reviewed by a scientific panel every year."
LATER = (
    "Officials from the nine states said the next round of talks, on the fleets of distant "
    "nations, would open in Victoria in the spring."
)


def test_a_last_paragraph_that_lost_its_full_stop_after_a_connective_stays() -> None:
    # Thick with names and titles, short, no full stop: it still goes on from the story
    # above with "Furthermore," and has a verb. No heading or menu opens so.
    unstopped = (
        "Furthermore, Seychelles President Jane Doe, Comoros Vice-President John Roe, along "
        "with their delegations, joined the meeting"
    )
    kept, dropped = _clean(STORY, MORE, unstopped)
    assert kept == [STORY, MORE, unstopped], dropped
    # A bare heading with no connective is still a heading.
    heading = "Catch limits for the coming seasons"
    assert heading in _clean(STORY, heading, MORE)[1]


def test_a_verbless_teaser_above_the_printed_headline_does_not_lead() -> None:
    # A category page: the line above a post's headline (another post's summary, a kicker)
    # is a noun phrase with a full stop; the story starts under the headline.
    title = "Tuna limits agreed in Port Louis (INTERVIEW)"
    teaser = (
        "About the engagement of the littoral region, the attitude of the Portuguese "
        "trawler and the influence of monsoons."
    )
    assert _lede(teaser, title, STORY, MORE, title=title) == STORY
    kept, dropped = _clean(teaser, title, STORY, MORE, title=title)
    assert kept == [STORY, MORE] and teaser in dropped


def test_a_transcripts_questions_are_the_record_and_stay() -> None:
    turns = [
        "MINISTER DOE: Good morning. We have agreed on the limits for the next three seasons, "
        "and the panel will review them every year.",
        "QUESTION: Did you meet the other delegations this morning, too?",
        "MINISTER DOE: Very briefly, because the first session ran late and we had to leave "
        "for the port before lunch.",
        "QUESTION: Will the limits be tightened again next year, as the panel suggested?",
        "MINISTER DOE: I think we will look at the figures first, and then decide with the "
        "other members.",
    ]
    dropped = _clean(*turns)[1]
    assert "an interviewer's question" not in " ".join(dropped.values()), dropped


def test_an_authors_note_under_the_byline_is_not_the_lede() -> None:
    byline = "By Jane Doe, University of Port Louis"
    note = (
        "Jane is a lecturer in marine economics at the University of Port Louis. She has "
        "advised two fisheries ministries and writes on regional trade in the Indian Ocean."
    )
    assert _lede("Skip to main content", byline, note, STORY, MORE) == STORY
    assert note in _clean("Skip to main content", byline, note, STORY, MORE)[1]
    # The headline printed again above a story opening on the same name is no byline.
    title = "Minister Doe visits Port Louis for tuna talks"
    opening = (
        "Minister Doe is in Port Louis this week for talks on tuna limits with eight other "
        "states. She meets the host's fisheries minister on Monday."
    )
    assert _lede(title, opening, MORE, title=title) == opening


def test_an_emphasised_label_between_paragraphs_is_a_subhead() -> None:
    label = "** press release ** translation **"
    kept, dropped = _clean(STORY, label, LATER, MORE)
    assert kept == [STORY, LATER, MORE] and label in dropped


# The review's probes: shapes the round's first rules lost real prose on, kept as main kept them.


def test_a_bare_edit_mark_and_its_date_under_the_lede_keep_the_story_below() -> None:
    for mark in (["Last edited:", "16 May 2026"], ["Last edited by Jane Doe"]):
        kept = _clean(STORY, *mark, MORE, LATER)[0]
        assert kept[-2:] == [MORE, LATER]


def test_a_title_case_headline_over_its_lede_one_a_line_stays_apart() -> None:
    for head in (
        "Ahead of Tuna Talks, Doe Meets Roe",
        "During the talks in Port Louis, Fisheries Minister Jane Doe and Minister John Roe",
    ):
        text = head + "\n" + STORY + "\n" + MORE + "\n"
        assert [p.text for p in split_text(text)][:2] == [head, STORY]


def test_a_short_wire_lede_under_byline_and_date_still_leads() -> None:
    title = "Nine states agree tuna limits in Port Louis"
    short = (
        "Fisheries ministers of nine states closed their talks in Port Louis with a pledge on tuna."
    )
    longer = (
        "The ministers also agreed on a common approach to the fleets of distant nations, "
        "aimed at cutting the catch of young fish, and on a plan to share data on landings, "
        "officials said on Monday evening in Port Louis after the talks."
    )
    for byline in (["By Jane Doe", "May 21, 2026"], ["By John Roe | Reuters", "12 March 2026"]):
        assert _lede(title, *byline, short, longer, title=title) == short


def test_labelled_lines_that_are_no_interview_keep_their_questions() -> None:
    asked = "Analysis: Can nine states hold the line on tuna?"
    question = (
        "But will the fleets of distant nations agree to keep to the limits without a "
        "concession on their own quotas?"
    )
    doubt = (
        "Diplomats in Port Louis doubt it, pointing to the fleets' repeated complaints that "
        "their catch has been cut by the limits on young fish and on their days at sea."
    )
    kept = _clean(asked, "Updated: Tuesday 12 March 2026", STORY, LATER, question, doubt)[0]
    assert question in kept
    turns = ["Question: Will the limits hold next season?", "Doe: We believe they will hold."]
    assert turns[0] in _clean(STORY, *turns, MORE)[0]


def test_a_subhead_over_a_paragraph_opening_on_its_first_word_is_no_authors_note() -> None:
    subhead = "Doe and the West"
    para = (
        "Doe has spent the year courting buyers in Europe for the catch. He is expected "
        "to raise the limits with them at the next round."
    )
    assert para in _clean(STORY, subhead, para, MORE)[0]


def test_a_lead_in_over_a_caption_or_a_list_of_titles_stays() -> None:
    lead = "Speaking to reporters on arrival, Doe said:"
    quote = "\u201cWe have waited three seasons for these limits, and we will keep to them.\u201d"
    assert lead in _clean(STORY, lead, "Photo: Reuters/John Roe", quote, MORE)[0]


def test_a_key_points_box_above_the_story_still_goes_and_a_list_stays_one_paragraph() -> None:
    points = [
        "- Nine states agreed on common catch limits for tuna in Port Louis on Monday.",
        "- The limits take effect in January and will be reviewed every year by a panel.",
    ]
    text = "\n".join(["Key points:", *points, "", STORY, "", MORE]) + "\n"
    paragraphs = [p.text for p in split_text(text)]
    assert " ".join(points) in paragraphs
    assert _lede(*paragraphs) == STORY
