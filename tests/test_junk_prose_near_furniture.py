"""Real prose is never dropped for sitting next to one line of page furniture: the
line goes, the story's paragraphs around it stay (in doubt where the page cannot tell)."""

from __future__ import annotations

import pytest
from junkcheck import cleaned, lede

from briefing_site.content.junk import JunkFilter
from briefing_site.model import Paragraph

TITLE = "Lake states agree to share a flood warning network"
STORY = [
    "The governors of four lake states agreed on Friday to link their flood warning "
    "systems, so that a rise in one basin is known downstream within minutes.",
    "The deal was struck at the close of a two-day meeting in the river town of Ashby, "
    "where the host had argued for a shared network since the floods of last spring.",
    "Each state will pay for its own gauges, and a small office in Ashby will run the "
    "network for all of them from the start of next year.",
    "Farmers on the lower plains lost much of their harvest when the water came through "
    "without any warning at all.",
    "Engineers said the first gauges could be linked before the autumn rains.",
    "The governors will meet again in the spring.",
]


@pytest.mark.parametrize(
    "furniture", ["Print", "Share on WhatsApp", "Also read: Dams to be inspected after floods"]
)
def test_the_storys_last_sentence_under_one_furniture_line_is_kept(furniture: str) -> None:
    texts = [*STORY[:-1], furniture, STORY[-1]]
    kept, dropped = cleaned(*texts, title=TITLE)
    assert kept == STORY
    assert furniture in dropped


def test_a_plain_sentence_kept_under_furniture_is_marked_for_the_editor() -> None:
    texts = [*STORY[:-1], "Print", STORY[-1]]
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    kept, _ = JunkFilter().clean(paragraphs, title=TITLE)
    assert kept[-1].text == STORY[-1] and "story's?" in kept[-1].doubt


@pytest.mark.parametrize("marker", ["Updated: June 3, 2025 10:45 IST", "By Jane Doe"])
def test_a_stamp_or_byline_mid_story_drops_no_paragraph_above_it(marker: str) -> None:
    texts = [*STORY[:2], marker, *STORY[2:]]
    kept, dropped = cleaned(*texts, title=TITLE)
    assert kept == STORY
    assert marker in dropped
    assert lede(*texts, title=TITLE) == STORY[0]


def test_a_short_story_sentence_above_a_mid_story_stamp_is_kept() -> None:
    story = [STORY[0], STORY[4], STORY[1], STORY[2], STORY[3], STORY[5]]
    texts = [*story[:2], "Updated: June 3, 2025 10:45 IST", *story[2:]]
    kept, _ = cleaned(*texts, title=TITLE)
    assert kept == story


@pytest.mark.parametrize(
    "dateline",
    ["ASHBY, June 3 (Riverwire) - ", "ASHBY (Riverwire) \u2014 "],
)
@pytest.mark.parametrize("byline", ["By Jane Doe", "By Jane Doe, Riverwire"])
def test_a_first_paragraph_under_a_wire_dateline_above_a_byline_leads(
    dateline: str, byline: str
) -> None:
    first = dateline + STORY[0]
    texts = [first, byline, *STORY[1:]]
    kept, dropped = cleaned(*texts, title=TITLE)
    assert kept == [first, *STORY[1:]]
    assert byline in dropped
    assert lede(*texts, title=TITLE) == first


@pytest.mark.parametrize("byline", ["By Jane Doe", "By Jane Doe, Riverwire"])
def test_a_first_paragraph_telling_its_day_above_a_byline_leads(byline: str) -> None:
    # The paragraph under the byline goes on from it and does not tell the day again.
    texts = [STORY[0], byline, *STORY[1:]]
    kept, dropped = cleaned(*texts, title=TITLE)
    assert kept == STORY
    assert byline in dropped
    assert lede(*texts, title=TITLE) == STORY[0]
    # A standfirst telling the day the story's own lede tells again still goes.
    standfirst = "Four governors meet on Friday to settle who pays for the flood gauges."
    texts = [standfirst, byline, *STORY]
    kept, dropped = cleaned(*texts, title=TITLE)
    assert kept == STORY
    assert standfirst in dropped
