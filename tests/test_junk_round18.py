"""Shapes met on the eighteenth blind round of real scraped pages, written here."""

from __future__ import annotations

from junkcheck import cleaned as _clean

STORY = (
    "Fisheries ministers from nine Indian Ocean states met in Port Louis on Monday to set "
    "common catch limits for tuna, a step officials said was overdue after three poor seasons."
)
MORE = "The limits take effect in January and will be reviewed by a scientific panel every year."
LATER = (
    "Officials from the nine states said the next round of talks, on the fleets of distant "
    "nations, would open in Victoria in the spring."
)


def test_a_line_that_lost_its_full_stop_after_a_time_connective_stays() -> None:
    # Thick with names, no full stop: "Earlier," ties it to the story's time line, as
    # "Furthermore," ties a sentence to the one before. No heading or menu opens so.
    earlier = (
        "Earlier, Prime Minister Jane Doe welcomed and received the Seychelles minister "
        "when he landed at Sir Seewoosagur Ramgoolam International Airport"
    )
    kept, dropped = _clean(STORY, earlier, MORE, LATER)
    assert kept == [STORY, earlier, MORE, LATER], dropped
    after = "After that, Minister John Roe went on to call on the Governor at State House"
    kept, dropped = _clean(STORY, MORE, after, LATER)
    assert after in kept, dropped


def test_a_long_line_thick_with_names_that_lost_its_full_stop_stays() -> None:
    # Past a headline's length, with a verb: a story sentence naming people and offices
    # has fewer function words than the clause rule asks of a short line.
    met = (
        "The Seychelles President also met the chairman of the main opposition Mauritian "
        "Militant Movement, John Roe, today"
    )
    kept, dropped = _clean(STORY, MORE, met, LATER)
    assert kept == [STORY, MORE, met, LATER], dropped


def test_headlines_of_other_stories_below_the_story_still_go() -> None:
    # Headline-length lines with no full stop and few function words under the story.
    related = [
        "Seychelles minister lands in Port Louis for two-day fisheries talks",
        "Tuna fleets of distant nations face new catch rules from January",
    ]
    kept, dropped = _clean(STORY, MORE, LATER, *related)
    assert kept == [STORY, MORE, LATER], dropped
