"""Shapes met on the seventeenth blind round of real scraped pages, written here."""

from __future__ import annotations

import pytest
from junkcheck import cleaned as _clean

from briefing_site.content.junk import JunkFilter
from briefing_site.content.load import split_text

STORY = (
    "The leaders of the two countries met in Ruritania's capital on Thursday for talks on "
    "a port deal and joint naval drills, officials said."
)
MORE = (
    "Both sides agreed to open a second container terminal by 2028 and to hold the drills "
    "every spring, according to a joint statement."
)
LATER = "The next summit is due in the autumn."


def _paragraphs(text: str) -> list[str]:
    return [p.text for p in split_text(text)]


def test_a_live_pages_labels_in_one_block_stay_apart_from_each_other() -> None:
    # A video's caption, the outlet's trust link and an entry's question heading, one a
    # line in one block: the question's "?" is no sign that the lines above it are
    # wrapped copy, and the second line stops well short of the first.
    block = "Leaders open trade talks in Ruritania\nWhy you can trust Example News\nWhat is on the table?"
    paragraphs = _paragraphs(f"{STORY}\n\n{block}\n\n{MORE}\n")
    assert paragraphs == [
        STORY,
        "Leaders open trade talks in Ruritania",
        "Why you can trust Example News",
        "What is on the table?",
        MORE,
    ]


WRAPPED_UNDER_SUBHEAD = (
    "Port deal within reach\nThe ministers met Foreign Secretary Jane\nDoe in Ruritania on Monday."
)
WRAPPED_PAIR = "The ministers agreed to resume the talks in\nGeneva next month."
WRAPPED_THREE = (
    "The agreement was signed by Foreign Minister\nJane Doe and her counterpart Richard Roe at\n"
    "The Hague on Monday."
)


def test_a_short_wrapped_block_still_joins() -> None:
    # A block wrapped at its longest line, the longest line's run ending a sentence: one
    # paragraph, and a subhead above it stays its own line.
    assert _paragraphs(f"{STORY}\n\n{WRAPPED_UNDER_SUBHEAD}\n") == [
        STORY,
        "Port deal within reach",
        "The ministers met Foreign Secretary Jane Doe in Ruritania on Monday.",
    ]
    assert _paragraphs(f"{STORY}\n\n{WRAPPED_PAIR}\n")[1] == (
        "The ministers agreed to resume the talks in Geneva next month."
    )
    assert _paragraphs(f"{STORY}\n\n{WRAPPED_THREE}\n")[1] == (
        "The agreement was signed by Foreign Minister Jane Doe and her counterpart Richard "
        "Roe at The Hague on Monday."
    )


@pytest.mark.parametrize(
    "heading",
    [
        "'We will not sign at any price', trade minister says - as talks run late",
        "\u2018There is no deal yet\u2019, Doe tells reporters \u2013 with a vote due on Friday",
        "'It's a good start', Ruritania's president says",
        "'No deal is better than a bad deal', the prime minister says",
    ],
)
def test_a_live_entry_heading_quoting_in_single_marks_is_dropped(heading: str) -> None:
    # A live page's entry heading between its entries: a quotation in single marks, who
    # said it in the present tense, no sentence end.
    kept, dropped = _clean(STORY, MORE, heading, LATER)
    assert kept == [STORY, MORE, LATER], dropped


@pytest.mark.parametrize(
    "line",
    [
        # Reported in the past tense, its full stop lost.
        "'We will not sign at any price,' the trade minister said after the second session",
        # A sentence with its full stop.
        "'We will not sign at any price', the trade minister says, as the talks run late.",
        # In double marks, the story's quotation.
        '"We will not sign at any price", the trade minister says as the talks run late',
        # Single marks inside the sentence, not opening it.
        "The minister calls the offer 'a good start' and says talks will go on next week",
    ],
)
def test_a_quotation_in_the_storys_own_shapes_stays(line: str) -> None:
    kept, dropped = _clean(STORY, MORE, line, LATER)
    assert kept == [STORY, MORE, line, LATER], dropped


@pytest.mark.parametrize(
    "line",
    [
        "'We will not back down,' she says of the talks",
        "'It was the worst week of my life,' she admits",
        "\u2018Nobody told us a thing for two days,\u2019 the lorry driver tells reporters",
    ],
)
def test_body_copy_quoting_in_single_marks_with_its_comma_inside_stays(line: str) -> None:
    # Papers quoting in single marks set the comma inside the closing mark in their copy
    # ("'...,' she says"), where a headline sets it outside ("'...', X says"): such a line
    # that lost its full stop is still the story's, between its paragraphs or last.
    kept, dropped = _clean(STORY, MORE, line, LATER)
    assert kept == [STORY, MORE, line, LATER], dropped
    kept, dropped = _clean(STORY, MORE, LATER, line)
    assert kept == [STORY, MORE, LATER, line], dropped


@pytest.mark.parametrize(
    "pointer",
    [
        "You can watch what the minister told reporters in the video below:",
        "Watch the leaders' news conference in the player above.",
        "You can hear the full interview in the clip below.",
    ],
)
def test_a_pointer_to_the_pages_video_is_dropped(pointer: str) -> None:
    # The recording is not in the text; the line tells the reader where the page plays it.
    kept, dropped = _clean(STORY, MORE, pointer, LATER)
    assert kept == [STORY, MORE, LATER], dropped


@pytest.mark.parametrize(
    "line",
    [
        # A fact with a pointer, not said to the reader.
        "The minister walked out of the session, as seen in the video above.",
        # Said to the reader, but no recording on the page.
        "You can see why the talks stalled: the two sides remain far apart on farm subsidies.",
        # A quotation.
        '"You can watch it all in the video below," the spokesman joked to reporters.',
        # A video in the story, not on the page, though the line opens on "watch".
        "Watch commanders said the footage showed troops massing below the ridge.",
        "Viewers could watch the signing live on state television from the palace.",
        # Said to the reader and ending on the player, but telling something first.
        "You can watch the coronation live on BBC One from 10am, or follow it on the stream below.",
        "How to watch: the final is live on Channel 4 from 7pm, and you can also catch it in "
        "the player below.",
    ],
)
def test_prose_about_videos_or_watching_stays(line: str) -> None:
    kept, dropped = _clean(STORY, MORE, line, LATER)
    assert kept == [STORY, MORE, line, LATER], dropped


def test_a_wrapped_sentence_under_a_longer_headline_and_byline_is_joined() -> None:
    # The headline is the block's longest line, and its run stops at the byline: the
    # width is guessed again from the lines below, so the sentence wrapped under the
    # byline is joined whole, not split and its first half taken for a lost clause.
    block = (
        "Talks to resume in Brussels after a week of deadlock in Geneva hotels\n"
        "By Jane Doe\n"
        "The ministers will meet again in March at the offices of the UN\n"
        "Security Council in New York, officials said."
    )
    sentence = (
        "The ministers will meet again in March at the offices of the UN Security Council "
        "in New York, officials said."
    )
    paragraphs = split_text(f"{STORY}\n\n{block}\n\n{MORE}\n")
    assert [p.text for p in paragraphs] == [
        STORY,
        "Talks to resume in Brussels after a week of deadlock in Geneva hotels",
        "By Jane Doe",
        sentence,
        MORE,
    ]
    # The sentence is the story's; the headline and byline are not.
    kept, dropped = JunkFilter().clean(paragraphs, title="")
    assert [p.text for p in kept][-2:] == [sentence, MORE], dropped
