"""Shapes met on the twentieth round of real scraped pages, and the gaps left before it,
written here."""

from __future__ import annotations

from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

from briefing_site.content.junk import JunkFilter
from briefing_site.content.load import split_text
from briefing_site.model import Paragraph

TITLE = "Nine states agree tuna catch limits in Port Louis"
# A news lede telling no day and opening on no dateline: the story's first paragraph.
LEDE = (
    "Fisheries ministers from nine Indian Ocean states have agreed to set common catch limits "
    "for tuna, a step their officials said was long overdue after three poor seasons in a row."
)
# The story going on from it: its next facts, not the same news told again.
UNDER = (
    "The limits take effect in January and will be reviewed by a scientific panel that the "
    "nine governments will appoint together before the end of the year."
)
LATER = (
    "Officials from the nine states said the next round of talks, on the fleets of distant "
    "nations, would open in Victoria in the spring."
)
BYLINES = (
    "By Jane Doe",
    "By Jane Doe | Updated: May 4, 2026, 09:09",
    "Jane Doe, Port Louis correspondent",
)


def test_a_lone_lede_above_the_byline_leads_when_the_story_goes_on_from_it() -> None:
    for byline in BYLINES:
        for texts in ((TITLE, LEDE, byline, UNDER, LATER), (LEDE, byline, UNDER, LATER)):
            kept, dropped = _clean(*texts, title=TITLE)
            assert kept == [LEDE, UNDER, LATER], dropped
            assert _lede(*texts, title=TITLE) == LEDE


def test_a_standfirst_above_the_byline_still_goes() -> None:
    # The story under the byline tells the standfirst's news again: a summary of it.
    summary = (
        "Tuna fleets in the Indian Ocean face common catch limits for the first time after "
        "ministers from nine states agreed a deal that their officials say is long overdue."
    )
    # A teaser shorter than a news lede, sharing nothing with the story: a standfirst.
    teaser = (
        "Closing the deal on tuna took a great many late nights in hotel rooms across the island."
    )
    for standfirst in (summary, teaser):
        texts = (TITLE, standfirst, "By Jane Doe", LEDE, UNDER, LATER)
        kept, dropped = _clean(*texts, title=TITLE)
        assert kept == [LEDE, UNDER, LATER], dropped
        assert _lede(*texts, title=TITLE) == LEDE
    # The same lede over a byline, the story under it going on: it leads (as above).
    assert _lede(TITLE, LEDE, "By Jane Doe", UNDER, LATER, title=TITLE) == LEDE


def test_the_storys_short_sentence_under_an_ad_slot_at_the_end_stays() -> None:
    # An ad slot sits inside a story, never under it: the short sentence under it (names,
    # few function words, not a paragraph of plain prose) is the story's last, in doubt.
    story = (
        "Fisheries ministers from nine Indian Ocean states met in Port Louis on Monday to set "
        "common catch limits for tuna, a step officials said was overdue after three poor "
        "seasons."
    )
    more = (
        "The limits take effect in January and will be reviewed by a scientific panel of "
        "marine biologists from the nine states every year."
    )
    last = "Comoros, Seychelles and Madagascar will sign in June."
    for slot in ("Advertisement", "ADVERTISEMENT"):
        texts = (TITLE, story, more, slot, last)
        paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
        kept, dropped = JunkFilter().clean(paragraphs, title=TITLE)
        assert [p.text for p in kept] == [story, more, last], dropped
        assert "story's?" in kept[-1].doubt


def test_press_cutting_references_under_the_story_go() -> None:
    # Under the story, where the piece was printed: a publication, a day and a page, one a
    # line or as the items of one bulleted list. No sentence reads so.
    story = f"{LEDE}\n\n{UNDER}\n\n"
    for tail in (
        "  \u2022 The Island Times 04/05/2026 page 12\n  \u2022 Daily Courier 04/05/26 page 3",
        "- The Island Times, 4 May 2026, p. 12\n- Daily Courier, 4 May 2026, p. 3",
        "Daily Courier, May 4, 2026, p. 3",
    ):
        kept, dropped = JunkFilter().clean(split_text(story + tail + "\n"), title=TITLE)
        assert [p.text for p in kept] == [LEDE, UNDER], dropped
    # A sentence of the story naming a day and a page stays, and so does a list of points.
    for tail in (
        "Printed in the Gazette of 4 May 2026, page 12.",
        "- Ministers met in Port Louis on Monday, 4 May 2026, page 3\n- The deal sets limits",
    ):
        kept, dropped = JunkFilter().clean(split_text(story + tail + "\n"), title=TITLE)
        assert len(kept) == 3 and not dropped, dropped


def test_the_sites_disclaimer_under_the_story_goes() -> None:
    # The site's note on its copy under its own label, no full stop: not the story's.
    for note in (
        "Disclaimer: No Island Times journalist was involved in the creation of this content",
        "Disclosure: The owner of this site also owns the Port Louis ferry line.",
    ):
        kept, dropped = _clean(LEDE, UNDER, LATER, note, title=TITLE)
        assert kept == [LEDE, UNDER, LATER], dropped
    # A sentence of the story telling of a disclaimer stays.
    told = "The ministers added a disclaimer to the text: the limits bind no fleet until January."
    kept, dropped = _clean(LEDE, UNDER, told, LATER, title=TITLE)
    assert kept == [LEDE, UNDER, told, LATER], dropped


STATEMENT_TITLE = (
    "Minister of Foreign Affairs of the Republic of Ruritania concludes official visit to Freedonia"
)
# A foreign ministry's statement: its first line tells the headline again as a sentence,
# with the minister's name, and the story goes on under it.
STATEMENT_LEDE = (
    "Anna Kovač, Minister of Foreign Affairs of the Republic of Ruritania, has ended her "
    "official visit to Freedonia."
)
STATEMENT_NEXT = (
    "Minister Ortiz and senior officials of the ministry saw Minister Kovač off at the airport."
)
STATEMENT_LAST = (
    "During the visit the two ministers signed three agreements on trade, fisheries and "
    "student exchanges, and agreed to meet again in Ruritania next year."
)


def test_a_statement_telling_its_headline_again_as_a_sentence_leads() -> None:
    texts = (STATEMENT_TITLE, STATEMENT_LEDE, STATEMENT_NEXT, STATEMENT_LAST)
    kept, dropped = _clean(*texts, title=STATEMENT_TITLE)
    assert kept == [STATEMENT_LEDE, STATEMENT_NEXT, STATEMENT_LAST], dropped
    assert _lede(*texts, title=STATEMENT_TITLE) == STATEMENT_LEDE


def test_the_headline_printed_again_still_goes_with_or_without_a_full_stop() -> None:
    for again in (STATEMENT_TITLE, STATEMENT_TITLE + "."):
        texts = (again, STATEMENT_LEDE, STATEMENT_NEXT, STATEMENT_LAST)
        kept, _ = _clean(*texts, title=STATEMENT_TITLE)
        assert again not in kept
        assert _lede(*texts, title=STATEMENT_TITLE) == STATEMENT_LEDE
