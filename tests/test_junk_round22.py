"""Shapes met on the twenty-second round of real scraped pages, written here: a story's
closing sentence about a report, told as someone's words, and a syndication line glued
onto the end of the story's last paragraph."""

from __future__ import annotations

import pytest
from junkcheck import cleaned as _clean

from briefing_site.content.junk import JunkFilter
from briefing_site.content.load import split_text
from briefing_site.model import Paragraph

TITLE = "Coastal states agree to share customs data at trade talks"
LEDE = (
    "Trade ministers of five coastal states agreed on Tuesday to share their customs data "
    "from next year, a step their officials said would cut the time goods wait at borders."
)
MIDDLE = (
    "The deal sets up a joint office in the host capital, paid for by the five governments "
    "in equal shares, with staff seconded from each customs service for two years."
)
LAST = (
    "Officials said the office would open in the spring and that the ministers would meet "
    "again in the autumn to review the first months of shared data."
)
SOURCE_CREDIT_LINE = "Some information in this article comes from Example Agency."

# Reported speech about a report: "this report" is the ministry's, not the page.
ABOUT_A_REPORT = (
    "This report was prepared over six months by the ministry's statisticians, the minister said.",
    "This report was compiled in March with new figures, the ministry said.",
    "This report draws on new figures from the customs office, the ministry said.",
    "This report includes new figures on the ports, the ministry said on Friday.",
    "This report was published in March with new figures, officials said.",
)


@pytest.mark.parametrize("sentence", ABOUT_A_REPORT)
def test_a_closing_sentence_about_a_report_told_as_speech_stays(sentence: str) -> None:
    kept, dropped = _clean(TITLE, LEDE, MIDDLE, sentence, title=TITLE)
    assert kept == [LEDE, MIDDLE, sentence], dropped
    # The page's own credit for its sources, on a line under it, still goes.
    kept, dropped = _clean(TITLE, LEDE, MIDDLE, sentence, SOURCE_CREDIT_LINE, title=TITLE)
    assert kept == [LEDE, MIDDLE, sentence], dropped


GLUED_TAILS = (
    "Originally published on exampledaily.com.",
    "Originally published at exampledaily.com on May 4, 2026.",
    "Originally published by Example Daily News. Republished with permission.",
    "This article was first published by Example Daily.",
    "This story was originally published on Example Daily.",
    "Republished with permission from Example Daily.",
    "Read the original article on Example Daily.",
)


def _filtered(*texts: str, keep: tuple[int, ...] = (), title: str = TITLE) -> tuple[Paragraph, ...]:
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    kept, _ = JunkFilter().clean(paragraphs, keep=keep, title=title)
    return kept


@pytest.mark.parametrize("tail", GLUED_TAILS)
def test_a_syndication_line_glued_onto_the_last_paragraph_is_cut_off(tail: str) -> None:
    kept = _filtered(TITLE, LEDE, MIDDLE, f"{LAST} {tail}")
    assert [p.text for p in kept] == [LEDE, MIDDLE, LAST]
    # The cut is shown (explain, check), and keep: leaves the paragraph whole.
    assert "syndication" in kept[-1].doubt and tail in kept[-1].doubt
    kept = _filtered(TITLE, LEDE, MIDDLE, f"{LAST} {tail}", keep=(4,))
    assert kept[-1].text == f"{LAST} {tail}"


# The story's own sentences about publishing, at a paragraph's end: no copy's footer.
ABOUT_PUBLISHING = (
    "It was first published in March by the customs institute.",
    "The study was originally published on the ministry's website in March.",
    "This report was first published in March, the ministry said.",
)


@pytest.mark.parametrize("sentence", ABOUT_PUBLISHING)
def test_a_paragraph_ending_on_publishing_keeps_it_over_a_glued_tail(sentence: str) -> None:
    middle = f"{MIDDLE} {sentence}"
    kept = _filtered(TITLE, LEDE, middle, f"{LAST} {GLUED_TAILS[0]}")
    assert [p.text for p in kept] == [LEDE, middle, LAST]


# A short first paragraph under the repeated headline, which the next paragraph goes on
# from with a pronoun after an opening phrase: the story's first sentence, not a dek.
STORY_HEAD = "Second Coastal States Summit"
FIRST = (
    "The prime minister and the leaders of four neighbouring states pledged to deepen "
    "cooperation between their countries."
)
GOES_ON = (
    "At the second summit in the host capital, they focused their talks on port fees, "
    "customs checks, shared fishing grounds, the cost of shipping and a fund for new roads."
)


def test_a_paragraph_going_on_from_a_pronoun_after_a_phrase_keeps_the_first_as_lede() -> None:
    kept = _filtered(STORY_HEAD, FIRST, GOES_ON, LAST, title=STORY_HEAD)
    assert [p.text for p in kept] == [FIRST, GOES_ON, LAST]
    assert next(p for p in kept if p.prose).text == FIRST


def test_the_headline_glued_onto_a_paragraph_end_is_cut_off() -> None:
    glued = f"{LAST} (Example) {TITLE}"
    kept = _filtered(TITLE, LEDE, MIDDLE, glued)
    assert [p.text for p in kept] == [LEDE, MIDDLE, f"{LAST} (Example)"]
    assert "headline" in kept[-1].doubt
    # A sentence going on into the headline's words, after no full stop, stays whole.
    ending = f"{LAST[:-1]}, and {TITLE}"
    assert _filtered(TITLE, LEDE, MIDDLE, ending)[-1].text == ending


@pytest.mark.parametrize(
    "notice",
    (
        "This content is more than 1 year old.",
        "This article is more than 5 years old.",
        "This press release is over two years old.",
    ),
)
def test_the_pages_notice_of_its_own_age_goes(notice: str) -> None:
    kept, dropped = _clean(TITLE, notice, LEDE, MIDDLE, LAST, title=TITLE)
    assert kept == [LEDE, MIDDLE, LAST], dropped
    # The story telling of a page's age stays.
    told = "The ministry said the page on its website is more than a year old and out of date."
    kept, dropped = _clean(TITLE, LEDE, told, LAST, title=TITLE)
    assert told in kept, dropped


CONTACTS = (
    "Inquiries: Jane Doe, Special Adviser (Trade Affairs), tel. +99 50 123 4567, John Roe, "
    "Head of Communications for Regional Affairs, tel. +99 40 765 4321, Prime Minister's "
    "Office; Ann Moe, Counsellor, Coastal Desk, tel. +99 36 111 22, Ministry for Foreign "
    "Affairs"
)


def test_a_press_releases_labelled_contacts_go_however_long() -> None:
    kept, dropped = _clean(TITLE, LEDE, MIDDLE, LAST, CONTACTS, title=TITLE)
    assert kept == [LEDE, MIDDLE, LAST], dropped


OTHER_HEADLINES = (
    "- Capital hosts festival of river cultures\n"
    "- Spokesperson rejects island governor's remarks\n"
    "- Top adviser stresses household spending\n"
    "- Firefighters rescue worker trapped in tunnel\n"
    "- Court fines builder over collapsed bridge"
)
OWN_POINTS = (
    "- Customs data shared between the five coastal states\n"
    "- A joint customs office in the host capital\n"
    "- Trade ministers to review the shared data in autumn\n"
    "- Coastal ports to post their fees online"
)


def test_other_stories_headlines_below_the_story_go_and_its_own_points_stay() -> None:
    # Bulleted lines with no full stop, most sharing no word with the headline, read as
    # a scraper delivers them: one line each under the story's lines.
    for points, kept_points in ((OTHER_HEADLINES, False), (OWN_POINTS, True)):
        copy = "\n".join((TITLE, LEDE, MIDDLE, LAST, points)) + "\n"
        kept, _ = JunkFilter().clean(split_text(copy), title=TITLE)
        texts = [p.text for p in kept]
        assert texts[:3] == [LEDE, MIDDLE, LAST]
        assert (len(texts) > 3) is kept_points, texts


def test_a_caption_under_its_sources_label_does_not_lead() -> None:
    # "Source: <address>" over "Example: <a clause with no full stop>": the source's
    # label, not a wire dateline's place, so the caption does not open the story.
    source = "Source: http://www.exampledaily.com"
    caption = (
        "Exampledaily: Leaders took part in a joint meeting of the Council of the Coast and "
        "the Union of the Island States"
    )
    kept = _filtered(TITLE, source, caption, LEDE, MIDDLE, LAST)
    assert next(p for p in kept if p.prose).text == LEDE
