"""Shapes met on the sixteenth blind round of real scraped pages, written here."""

from __future__ import annotations

import pytest
from junkcheck import cleaned as _clean

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
