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


def test_an_interviewers_questions_go_and_the_answers_stay() -> None:
    first_q = "Ocean Weekly: Why did the ministers agree on limits this year?"
    answer = (
        "Jane Doe: The catches fell for three seasons in a row, and the fleets could no longer "
        "ignore it. The ministers saw the same figures we did."
    )
    second_q = "What will the limits mean for the small boats that fish near the coast?"
    answer2 = (
        "The small boats are mostly outside the limits, because they land too little to "
        "matter to the stocks. The panel will watch them all the same."
    )
    kept, dropped = _clean(STORY, first_q, answer, second_q, answer2)
    assert kept == [STORY, answer, answer2], dropped
    assert _lede(first_q, answer, second_q, answer2) == answer


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
    byline = "Jane Doe \u2013 University of Port Louis"
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


def test_a_lead_in_to_a_dropped_file_name_goes_with_it() -> None:
    lead_in = "Both texts are available in French for download:"
    file_name = "Declaration IOFM_PORTLOUIS nov2026"
    kept, dropped = _clean(STORY, lead_in, file_name, MORE)
    assert kept == [STORY, MORE], dropped
    # A lead-in over a list of names stays, even where the list is taken for a related
    # list of links: only lines dropped one by one take a lead-in with them.
    guests = "The guest list includes:"
    items = "\u2022 Jane Doe, President of Seychelles\n\u2022 John Roe, Prime Minister of Mauritius"
    kept, dropped = _clean(STORY, guests, items, LATER)
    assert guests in kept, dropped


def test_points_told_one_a_line_are_paragraphs_and_a_list_of_names_stays_one() -> None:
    # Each bulleted line a full sentence of the story: each is a paragraph (an editor
    # places them apart). A list of names or fragments is still one paragraph.
    points = [
        "\u2022 Fisheries ministers from nine states agreed on common catch limits for tuna "
        "on Monday.",
        "\u2022 The Seychelles minister said the limits would be reviewed by a scientific "
        "panel every year.",
    ]
    text = "\n".join(["Tuna talks: what we know", "", *points]) + "\n"
    assert [p.text for p in split_text(text)][1:] == points
    names = ["- Jane Doe, President of Seychelles", "- John Roe, Prime Minister of Mauritius"]
    text = "\n".join([STORY, "", "The guest list includes:", *names]) + "\n"
    assert [p.text for p in split_text(text)][-1] == " ".join(names)


def test_a_dek_under_the_byline_and_date_does_not_lead() -> None:
    # Headline printed twice (the sidecar's worded otherwise), byline, date, then a summary with no day, source or number,
    # over a longer paragraph opening on a name: the dek, not the story's first paragraph.
    title = "Island States Agree on Tuna Limits"
    dek = (
        "Catch limits, patrols against illegal fishing, and shared data on the stocks were "
        "among the subjects of a week of talks between the island states of the ocean."
    )
    story = (
        "Mauritius and Seychelles signed an accord to pool their coastguard vessels, the "
        "first such accord between the two governments. Officials from both capitals put "
        "their names to the document in Port Louis, where the meetings were held behind "
        "closed doors for most of the afternoon."
    )
    page = (title, title, "By Jane Doe/Ocean Weekly", "October 15, 2026", dek, story, MORE)
    assert _lede(*page) == story
    assert dek in _clean(*page)[1]
    # A first paragraph telling its day is the story's, under the byline as anywhere.
    told = "Mauritius and Seychelles agreed on Monday on common catch limits for tuna."
    page = (title, title, "By Jane Doe/Ocean Weekly", "October 15, 2026", told, story, MORE)
    assert _lede(*page) == told


def test_a_sentence_broken_inside_its_subjects_name_after_its_opening_phrase_is_one() -> None:
    # Ragged copy: "Ahead of the talks, President of Seychelles Jane" / "Doe welcomed ...":
    # no heading opens on a phrase and its comma and stops inside a name.
    first = "Ahead of the talks, President of Seychelles Jane"
    second = (
        "Doe welcomed the Prime Minister of Mauritius on the quay at Victoria, where both "
        "leaders inspected a guard of honour before the first session."
    )
    text = "\n".join([first, second, "", MORE]) + "\n"
    assert [p.text for p in split_text(text)] == [f"{first} {second}", MORE]
    # A line ending on a name with no opening phrase stays a line of its own (a caption).
    caption = "President of Seychelles Jane Doe"
    text = "\n".join([caption, second, "", MORE]) + "\n"
    assert split_text(text)[0].text == caption


def test_a_forum_threads_replies_under_the_edit_mark_go() -> None:
    # A forum thread quoting a press release: the first post, then the forum's edit mark
    # and the members' replies, each a sentence or two of their own.
    replies = [
        "Last edited:",
        "Three island capitals in one week? That sounds rushed to me.",
        "Last edited by a moderator:",
        "It is unusual indeed, but the minister travels light and the distances are short.",
    ]
    kept, dropped = _clean(STORY, MORE, *replies, LATER)
    assert kept == [STORY, MORE] and set(replies) <= set(dropped), dropped
    # An edit mark with its date is a page's stamp, not a forum's: nothing goes with it.
    stamp = "Last edited: 12 November 2026, 10:41"
    assert _clean(STORY, stamp, MORE, LATER)[0][-2:] == [MORE, LATER]


def test_an_emphasised_label_between_paragraphs_is_a_subhead() -> None:
    label = "** press release ** translation **"
    kept, dropped = _clean(STORY, label, LATER, MORE)
    assert kept == [STORY, LATER, MORE] and label in dropped
