"""Shapes met on the nineteenth blind round of real scraped pages, written here."""

from __future__ import annotations

from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

from briefing_site.content.junk import JunkFilter
from briefing_site.content.load import split_text
from briefing_site.model import Paragraph

TITLE = "Nine states agree tuna catch limits in Port Louis"
STORY = (
    "Fisheries ministers from nine Indian Ocean states met in Port Louis on Monday to set "
    "common catch limits for tuna, a step officials said was overdue after three poor seasons."
)
MORE = "The limits take effect in January and will be reviewed by a scientific panel every year."
LATER = (
    "Officials from the nine states said the next round of talks, on the fleets of distant "
    "nations, would open in Victoria in the spring."
)


def test_a_story_sentence_above_a_video_caption_stays_and_the_story_leads() -> None:
    # Headline, the story's first paragraph, a short full sentence of it, then a video's
    # caption: the caption does not make the first paragraph a standfirst over a picture.
    caption = "Video: the ministers sign the agreement in Port Louis on Monday."
    kept, dropped = _clean(TITLE, STORY, MORE, caption, LATER, title=TITLE)
    assert kept == [STORY, MORE, LATER], dropped
    assert _lede(TITLE, STORY, MORE, caption, LATER, title=TITLE) == STORY


def test_a_story_told_as_a_list_leads_with_its_lead_in_and_keeps_its_points() -> None:
    points = ["- Catch limits for tuna take effect in January.", "- A panel reviews them yearly."]
    for lead_in in (
        "Here are the main points of the agreement the nine ministers signed in Port Louis "
        "on Monday:",
        "PORT LOUIS, May 4 (Wire) - Here are the main points of the agreement nine Indian "
        "Ocean states signed on Monday:",
    ):
        kept, dropped = _clean(TITLE, lead_in, *points, LATER, title=TITLE)
        assert kept == [lead_in, *points, LATER], dropped
        assert _lede(TITLE, lead_in, *points, LATER, title=TITLE) == lead_in
    # Over a subhead for each point, the same.
    lead_in = (
        "Here are the main points of the agreement the nine ministers signed in Port Louis "
        "on Monday:"
    )
    point = "Each state may land no more than its share of the catch the panel sets each spring."
    texts = (TITLE, lead_in, "Catch limits", point, "Foreign fleets", LATER)
    kept, dropped = _clean(*texts, title=TITLE)
    assert kept == [lead_in, point, LATER], dropped
    assert _lede(*texts, title=TITLE) == lead_in
    # A box's lead-in telling no day gives the lede to the story under the box, as before.
    box = "Here are the main points of the agreement that nine small island states signed:"
    assert _lede(TITLE, box, *points, STORY, MORE, title=TITLE) == STORY
    # A bare signpost, naming nothing the story did, still goes.
    bare = "Here are the main points of the agreement:"
    kept, dropped = _clean(TITLE, STORY, bare, *points, LATER, title=TITLE)
    assert kept == [STORY, *points, LATER], dropped


def test_a_call_to_watch_the_video_goes() -> None:
    for call in (
        "Watch the video above to see the ministers sign the agreement.",
        "Click play to watch the ministers sign the agreement in Port Louis.",
    ):
        kept, dropped = _clean(STORY, call, MORE, LATER)
        assert kept == [STORY, MORE, LATER], dropped
    # An order that goes on to tell something, or prose about a video, stays.
    told = "Watch the footage, where the ministers shake hands over the signed text."
    about = "Watch officials said the video of the signing had been seen a million times."
    kept, dropped = _clean(STORY, told, MORE, about, LATER)
    assert kept == [STORY, told, MORE, about, LATER], dropped


def test_a_short_sentence_ending_on_its_day_stays() -> None:
    # Few function words, and a verb the word list cannot tell from a noun ("leaves"),
    # but a full sentence telling when: the story's last line, not a list of names.
    last = "Minister Jane Doe leaves Port Louis tomorrow."
    kept, dropped = _clean(STORY, MORE, LATER, last)
    assert kept == [STORY, MORE, LATER, last], dropped
    # A list of names with no sentence end still goes.
    names = "Jane Doe, John Roe, Mary Major, Richard Miles"
    assert names in _clean(STORY, MORE, LATER, names)[1]


def test_a_pull_quote_under_its_sentence_goes_and_the_sentence_stays() -> None:
    said = '"We are proud of what nine small states did here today," Doe said.'
    pulled = "We are proud of what nine small states did here today"
    kept, dropped = _clean(STORY, MORE, said, pulled, LATER)
    assert kept == [STORY, MORE, said, LATER], dropped


def test_a_live_pages_entry_titles_and_captions_by_their_time_stamps_go() -> None:
    # Entries open on a time stamp of their own; a line with no sentence end right under
    # one is the entry's title, and one over the next stamp its picture's caption, though
    # it reads as a clause ("Jane May speaks ...").
    entry = (
        "Doe told the ministers in the main hall that the limits were the fairest the region "
        "had ever agreed, and that the smallest fleets would be the first to gain from them."
    )
    then = (
        "She said the panel of scientists would report to the nine ministers every year, "
        "and that the first of its reports was due before the talks in Victoria."
    )
    texts = [
        STORY,
        MORE,
        "11:08",
        "Minister Jane May thanks the host for her warm welcome to the island",
        entry,
        then,
        "Jane May speaks at the opening of the session in the main hall of the centre",
        "10:54",
        "'A fair deal for the small states', says Doe",
        LATER,
    ]
    kept, dropped = _clean(*texts)
    assert kept == [STORY, MORE, entry, then, LATER], dropped
    # A line of the story that ends its sentence, right under a stamp, stays.
    told = "Doe thanked the host for a warm welcome to the island."
    kept, dropped = _clean(STORY, MORE, "11:08", told, entry, "10:54", then, LATER)
    assert kept == [STORY, MORE, told, entry, then, LATER], dropped


def test_a_lone_bulleted_name_over_page_furniture_goes() -> None:
    kept, dropped = _clean(STORY, MORE, "\u2022 Jane Doe", "Host commentator", "11:08", LATER)
    assert kept == [STORY, MORE, LATER], dropped


def test_a_dek_under_a_byline_gives_up_the_lede_and_stays() -> None:
    # Under the byline, a sentence telling no day over the story's first paragraph that
    # tells its day: a standfirst. It may yet be the story's, so it stays, in doubt.
    dek = "The deal ends years of overfishing, ministers say, and will be reviewed each year."
    texts = (TITLE, "By Jane Doe | Updated: May 4, 2026", dek, STORY, MORE, LATER)
    assert _lede(*texts, title=TITLE) == STORY
    kept, dropped = _clean(*texts, title=TITLE)
    assert kept == [dek, STORY, MORE, LATER], dropped
    # A short first sentence telling its day still leads.
    opening = "Tuna fleets across the Indian Ocean will sail under new catch limits from today."
    below = (
        "Meeting in Port Louis on Monday, officials from the nine states said a panel of "
        "scientists would review the limits each year."
    )
    assert _lede(TITLE, "By Jane Doe", opening, below, MORE, title=TITLE) == opening


def test_wrapped_copy_goes_on_past_a_quoted_word_at_a_lines_end() -> None:
    # The widest line ends on a quoted word, not a sentence; the next goes on in lower case.
    copy = (
        "Fisheries ministers from nine Indian Ocean states agreed on Monday\n"
        "to set common catch limits for tuna, after three poor seasons in a\n"
        "row, officials said.\n"
        "The ministers also agreed to share their catch data with a panel\n"
        "of scientists, who will report to them every year on the state of\n"
        "the stocks and on how the limits are kept.\n"
        "Together with the region's finance ministers, they are due to open\n"
        'a standing forum on fisheries, known among them as the "nine-state table"\n'
        "talks, in Victoria next spring.\n"
    )
    assert [p.line for p in split_text(copy)] == [1, 4, 7]


def _doubts(*texts: str, title: str = "") -> dict[str, str]:
    """Kept text -> why it is in doubt, for the kept paragraphs `check` warns about."""
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    kept, _ = JunkFilter().clean(paragraphs, title=title)
    return {p.text: p.doubt for p in kept if p.doubt}


ENTRY = (
    "The chair of the fisheries council opened the session with a call for common limits "
    "on the tuna catch of all nine states."
)
THEN = "The panel of scientists presented its estimate of the stocks to the ministers."


def test_a_live_pages_prose_line_over_a_stamp_is_kept_in_doubt_not_dropped() -> None:
    # Lines with no full stop over the next entry's stamp, told as prose (a modal, a
    # report, a past tense, a "that" clause): the entry's own, cut from its full stop.
    for line in (
        "Ministers from the nine states are expected to name a new council chair next week",
        "A local paper reported that the delegates had seen two drafts of the final text",
        "Before joining the council she ran a fishing cooperative in the south of the island",
    ):
        texts = (STORY, "09:10", ENTRY, line, "09:40", THEN, "10:05", LATER)
        kept, dropped = _clean(*texts)
        assert line in kept, dropped
        assert "time stamp" in _doubts(*texts)[line]
    # A caption's shape (a present-tense verb of a picture) still goes.
    caption = "The host minister greets the delegation of Seychelles at the door of the hall"
    kept, dropped = _clean(STORY, "09:10", ENTRY, caption, "09:40", THEN, "10:05", LATER)
    assert caption in dropped and "caption" in dropped[caption], dropped


def test_a_sentence_going_on_past_a_video_order_stays() -> None:
    # An order to watch that goes on with "and" or a colon, or names no place or purpose
    # of the video, tells something: it stays.
    for line in (
        "Watch the clip released by the council and you will see two boats turned away.",
        "Press play on the new rules: the ministers agreed to share every catch record.",
        "See the video the council posted online for the full record of the vote.",
    ):
        kept, dropped = _clean(STORY, MORE, line, LATER)
        assert line in kept, dropped
    # The story's short last sentence under a single call to watch its video stays.
    call = "Watch the video above to see the ministers sign the agreement."
    last = "Seychelles signed the agreement on Tuesday."
    kept, dropped = _clean(STORY, MORE, call, last)
    assert kept == [STORY, MORE, last], dropped


def test_a_first_sentence_under_a_byline_with_a_source_or_a_perfect_leads() -> None:
    opening = "Mauritius will cut its tuna catch by a fifth, its fisheries minister has promised."
    texts = (TITLE, "By Jane Doe, Indian Ocean correspondent", opening, STORY, MORE)
    assert _lede(*texts, title=TITLE) == opening
    # A present-tense first sentence with no such anchor gives the lede up, but the
    # moved lede is always in doubt: `check` warns.
    present = (
        "The Seychelles fisheries minister arrives in Port Louis for talks, his first visit "
        "since the islands quit the regional council."
    )
    texts = (TITLE, "By Jane Doe, Indian Ocean correspondent", present, STORY, MORE)
    assert _lede(*texts, title=TITLE) == STORY
    assert "standfirst" in _doubts(*texts, title=TITLE)[present]
    # A standfirst looking ahead ("should ..., ministers say") still gives it up.
    dek = "A pact long in the making should let the tuna stocks recover, ministers say."
    texts = (TITLE, "By John Roe", dek, STORY, MORE)
    assert _lede(*texts, title=TITLE) == STORY
    assert dek in _doubts(*texts, title=TITLE)


def test_a_dated_lead_in_whose_points_are_dropped_does_not_lead() -> None:
    # Its points (lines with no full stop, which the filter drops here) are not kept:
    # the lead-in does not lead a list the reader never sees; all is as before.
    lead_in = (
        "Here are the main points of the pact the nine ministers signed in Port Louis on Monday:"
    )
    last = "Each parliament must still ratify the pact before it takes effect."
    texts = (
        TITLE,
        lead_in,
        "\u2022 The bigeye tuna catch will be cut by a third over four years",
        "\u2022 Distant fleets must report every landing to the panel",
        "\u2022 A shared patrol boat will watch the zone from next spring",
        last,
    )
    assert _lede(*texts, title=TITLE) == last
    kept, dropped = _clean(*texts, title=TITLE)
    assert kept == [last], dropped


def test_a_name_list_ending_on_its_day_goes() -> None:
    # A full stop and a day at the end, but no verb: a caption's list of names.
    for names in (
        "Jane Doe, John Roe, Mary Major, Port Louis Harbour, Mauritius, on Tuesday.",
        "Seychelles minister John Roe, Comoros minister Mary Major at Port Louis today.",
    ):
        kept, dropped = _clean(STORY, names, MORE, LATER)
        assert names in dropped, kept
