"""Shapes met on the sixteenth blind round of real scraped pages, written here."""

from __future__ import annotations

import pytest
from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

from briefing_site.content.junk import JunkFilter
from briefing_site.content.section import _lede as section_lede
from briefing_site.model import Paragraph

STORY = (
    "Trade ministers from the two countries met in Geneva on Sunday for a third round of "
    "talks on a tariff deal, officials said."
)
MORE = (
    "The two sides agreed to cut duties on steel and farm goods by a third over five years, "
    "the joint statement said."
)
LATER = "The next round is due in June."


def test_an_order_to_read_a_document_whose_link_was_cut_is_dropped() -> None:
    # A live page's pointer to the summit papers: the link's words went with the markup,
    # leaving an order to the reader with no verb of its own.
    pointer = "Read the leaders' final declaration and its annexes on fisheries and ports."
    kept, dropped = _clean(STORY, pointer, MORE, LATER)
    assert kept == [STORY, MORE, LATER], dropped


ORDER_AS_CLAUSE = (
    "Read the wrong way, the communique could deepen the rift between the two capitals, "
    "diplomats warned."
)
ORDER_REPORTED = (
    "See the agreement signed on Tuesday as a first step, the trade minister told reporters "
    "after the session."
)
ORDER_AS_CLAUSE_NO_VERB_CUE = "Read the wrong way, the pact binds both sides."
ORDER_QUOTED = '"Read the text of the deal," the minister told parliament on Monday.'
ORDER_WITH_FACTS = (
    "View the programme of the summit, released on Friday, which lists three sessions on trade."
)


@pytest.mark.parametrize(
    "line",
    [ORDER_AS_CLAUSE, ORDER_AS_CLAUSE_NO_VERB_CUE, ORDER_REPORTED, ORDER_QUOTED, ORDER_WITH_FACTS],
)
def test_prose_opening_on_read_see_or_view_stays(line: str) -> None:
    # The same opening words in a sentence with a verb of its own, or in a quotation,
    # are the story's.
    kept, dropped = _clean(STORY, line, MORE, LATER)
    assert kept == [STORY, line, MORE, LATER], dropped


CITED = (
    "The foreign minister said the next round of talks would be held in Geneva in May. "
    "https://example.org/statements/123"
)
CITED_ACCORDING = (
    "According to the ministry, the two sides signed four agreements on energy and ports. "
    "www.example.gov/news/4"
)
CITED_SHORT = "The minister said talks would resume. https://example.org/n/5"


@pytest.mark.parametrize("line", [CITED, CITED_ACCORDING, CITED_SHORT])
def test_a_reported_sentence_with_its_source_address_after_it_stays(line: str) -> None:
    # A live page quoting an official's post gives the address after the full stop; the
    # sentence is the reporter's and is news.
    kept, dropped = _clean(STORY, line, MORE, LATER)
    assert kept == [STORY, line, MORE, LATER], dropped


LINK_LINE = "Read the full statement at https://example.org/statement"
PICTURE_POST = (
    "PM says the talks were excellent and productive for both nations. pic.twitter.com/ab12"
)
TAGGED_POST = (
    "We said it before and we say it again: #G20 must act now on climate finance, the "
    "minister said. https://t.co/xyz"
)
SOURCE_LINE = "Source: https://example.org/source"


@pytest.mark.parametrize("line", [LINK_LINE, PICTURE_POST, TAGGED_POST, SOURCE_LINE])
def test_link_lines_and_posts_ending_in_a_link_still_go(line: str) -> None:
    kept, dropped = _clean(STORY, line, MORE, LATER)
    assert kept == [STORY, MORE, LATER], dropped


def test_a_post_over_its_sign_off_still_goes_though_it_reports() -> None:
    post = (
        "Minister says talks with her counterpart were productive on trade today. https://t.co/ab"
    )
    signoff = "\u2014 Trade Ministry (@trademin) May 4, 2025"
    kept, dropped = _clean(STORY, post, signoff, MORE, LATER)
    assert kept == [STORY, MORE, LATER], dropped


# A review's probes of ordinary copy: orders that are the writer's own advice or turn of
# phrase, not a link's words, stay; so does the story under a pointer that goes.
ADVICE = [
    "Read this as a signal to the markets as much as to the voters.",
    "Read their communique closely and a very different story appears.",
    "View the comet only through a proper telescope filter.",
    "See these numbers as a floor rather than a ceiling.",
    "Watch their hands, not their promises.",
    "Watch the central bank's next decision closely.",
    "Watch the trade figures on Tuesday.",
    "Read the small print.",
    "See the chart below for the full numbers.",
    "Watch this space.",
    "Read the report as a warning to the whole industry.",
    "Watch the minister's speech on Thursday for any change of tone.",
]


@pytest.mark.parametrize("line", ADVICE)
def test_an_order_that_is_the_writers_own_advice_stays(line: str) -> None:
    kept, dropped = _clean(STORY, line, MORE, LATER)
    assert kept == [STORY, line, MORE, LATER], dropped


def test_short_paragraphs_under_a_dropped_pointer_are_not_taken_for_furniture() -> None:
    # The pointer goes, but it is no page furniture: the story's short last lines under
    # it stay.
    pointer = "Read the ministry's full report."
    tail = ["Fishing fleets will need new licences.", "Ports welcomed the news."]
    kept, dropped = _clean(STORY, MORE, pointer, *tail)
    assert kept == [STORY, MORE, *tail], dropped


CITED_LOOKALIKES = [
    # A label before a colon: an alert, a video or a related story, not the reporter's.
    "URGENT: Ministry says the border crossing will reopen on Monday morning. https://example.org/a",
    "VIDEO: The premier says the reform will pass before the summer break. https://example.org/v",
    "See also: Regulator says banks must hold more capital from next year. https://example.org/r",
    # An order, or a pointer to what someone said rather than the words.
    "Read what the governor told the committee. https://example.org/testimony",
    "Sign up to get what the analysts said straight to your inbox. https://example.org/news",
    # A post's short link with no sign-off under it.
    "Minister says the ceasefire talks resumed in the capital tonight. https://t.co/q1w2",
]


@pytest.mark.parametrize("line", CITED_LOOKALIKES)
def test_a_link_line_worded_like_a_report_still_goes(line: str) -> None:
    kept, dropped = _clean(STORY, line, MORE, LATER)
    assert kept == [STORY, MORE, LATER], dropped


def test_two_reported_headlines_ending_in_links_in_a_row_go() -> None:
    # A list of related stories, each a headline with its address: not one citation.
    first = "Prime minister says the budget will balance by the end of the decade. https://e.org/1"
    second = "Opposition says the tax plan will hit pensioners hardest this winter. https://e.org/2"
    kept, dropped = _clean(STORY, first, second, MORE, LATER)
    assert kept == [STORY, MORE, LATER], dropped


def test_a_link_line_with_a_label_never_leads() -> None:
    alert = "BREAKING: Palace says the king will attend the summit next week. https://t.co/z9"
    assert _lede(alert, STORY, MORE) == STORY


def test_a_reported_sentence_ending_in_its_source_address_never_leads() -> None:
    # Inside the story it stays (above); over the story's first paragraph, under a
    # short first line, it is not what the page leads with.
    short = "Talks resumed on Sunday."
    assert _lede(short, CITED, MORE, LATER) == MORE


# A second review's probes: a cited sentence over nothing but short lines, an order
# that says when, an order with a relative clause after what it names.
CITED_TOP = (
    "The coastguard said on Tuesday it had towed 30 fishing boats back to port after the "
    "storm. https://example.org/coastguard/notice-7"
)


def _section_lede(*texts: str) -> str | None:
    """The paragraph the section leads with, once the filter has cleaned the article."""
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    kept, _ = JunkFilter().clean(paragraphs)
    found = section_lede(kept, {})
    return None if found is None else kept[found[0]].text


def test_a_short_sentence_under_a_cited_one_leads_when_nothing_else_is_prose() -> None:
    short = "Officials said no crew were hurt and only two of the boats needed repairs."
    kept, dropped = _clean(CITED_TOP, short)
    assert kept == [short], dropped  # as before the cited sentences were kept
    assert _section_lede(CITED_TOP, short) == short


def test_a_cited_sentence_does_not_lead_even_over_the_shortest_lines() -> None:
    lines = ["Nobody was hurt.", "One hull was holed."]
    assert _section_lede(CITED_TOP, *lines) == lines[0]


def test_a_cited_sentence_alone_is_kept_but_does_not_lead() -> None:
    kept, dropped = _clean(CITED_TOP)
    assert kept == [CITED_TOP], dropped
    assert _section_lede(CITED_TOP) is None


@pytest.mark.parametrize(
    "line",
    [
        "Watch the press conference at 3 pm.",
        "Listen to the governor's speech at 9.30 a.m.",
        "Watch the minister's interview at 18:00.",
        "Watch the press conference at noon.",
    ],
)
def test_an_order_that_says_when_is_a_service_line_and_stays(line: str) -> None:
    kept, dropped = _clean(STORY, line, MORE, LATER)
    assert kept == [STORY, line, MORE, LATER], dropped


@pytest.mark.parametrize(
    "line",
    [
        "Download the audit report, which runs to 300 pages and lists every contract.",
        "Watch the footage, where rescuers reach the family within minutes of the crash.",
        "Watch the interview with the pilot, who landed on a frozen lake.",
        "Listen to the speech in which the king set out twenty new laws.",
    ],
)
def test_an_order_with_a_relative_clause_after_what_it_names_stays(line: str) -> None:
    kept, dropped = _clean(STORY, line, MORE, LATER)
    assert kept == [STORY, line, MORE, LATER], dropped
