"""Shapes met on the fifteenth blind round of real scraped pages, written here."""

from __future__ import annotations

import pytest
from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

STORY = (
    "Leaders of 56 countries met in Apia on Friday to open the summit, a gathering officials "
    "said would be dominated by climate finance."
)
MORE = (
    "The prime minister said the meeting was a chance to agree on a climate fund before the "
    "next round of talks in the spring."
)
LATER = "The talks continue tomorrow, when ministers will meet in closed session."


def test_a_live_pages_lead_in_and_app_notice_mid_page_are_dropped() -> None:
    # A live page's furniture sits between paragraphs of the story, not below it, so the
    # rules for the site's pitch under the story do not reach it.
    lead_in = "The world desk brings you the latest news from the summit below:"
    app = "If you're viewing this on our mobile app, tap here for the full story."
    kept, dropped = _clean(STORY, lead_in, app, MORE, LATER)
    assert kept == [STORY, MORE, LATER], dropped
    assert _lede(lead_in, STORY, MORE) == STORY


QUOTED = (
    'Lula said the pact "brings you the latest technology and jobs", adding that farmers '
    "would gain."
)
REPORTED = (
    "The summit brings you the latest chapter in a long dispute over fishing rights, "
    "officials said here."
)
CONDITION = (
    "The minister said: if you are reading this as a farmer, please know the quotas are small."
)
FERRY = "If you are on the ferry, officials said, tickets must be shown."


@pytest.mark.parametrize("line", [QUOTED, REPORTED, CONDITION, FERRY])
def test_reported_speech_addressing_you_stays(line: str) -> None:
    # The same words in a speaker's mouth or in a reporter's sentence are news.
    kept, dropped = _clean(STORY, line, MORE, LATER)
    assert kept == [STORY, line, MORE, LATER], dropped


def test_a_line_ending_in_a_colon_before_a_quote_stays() -> None:
    intro = "Speaking after the talks, the Queen told the leaders:"
    quote = '"We are one family, and we will stay one, whatever the next decade brings."'
    kept, dropped = _clean(STORY, intro, quote, LATER)
    assert kept == [STORY, intro, quote, LATER], dropped
