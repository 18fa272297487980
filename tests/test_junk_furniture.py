"""Page furniture met on a blind round of real scraped pages, in shapes written here."""

from __future__ import annotations

from briefing_site.content.junk import JunkFilter
from briefing_site.model import Paragraph

STORY = (
    "Fisheries ministers from ten Pacific nations have signed a sweeping pact to cap "
    "catches and cut subsidies for their fleets, officials said on Thursday."
)
MORE = "The deal follows six years of talks that stalled twice over quotas for tuna and squid."


def _clean(*texts: str, title: str = "") -> tuple[list[str], dict[str, str]]:
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    kept, dropped = JunkFilter().clean(paragraphs, title=title)
    return [p.text for p in kept], {d.paragraph.text: d.pattern for d in dropped}


def _lede(*texts: str, title: str = "") -> str:
    paragraphs = [Paragraph(i + 1, i + 1, text) for i, text in enumerate(texts)]
    kept, _ = JunkFilter().clean(paragraphs, title=title)
    return next(p.text for p in kept if p.prose)


def test_a_standfirst_under_a_section_stamp_and_over_a_picture_does_not_lead() -> None:
    # headline, section and publication stamp, standfirst, caption, then the story.
    title = "Ten nations sign sweeping fisheries pact"
    dek = "The pact agreed in Lima, Peru, will cap catches and cut subsidies."
    caption = (
        "Peru's fisheries minister Ana Torres, left, and Chile's trade minister Luis Vega "
        "at the signing ceremony of the Pacific fisheries pact (AP)"
    )
    page = (title, "Business | Published:", dek, caption, STORY, MORE)
    assert _lede(*page, title=title) == STORY
    kept, dropped = _clean(*page, title=title)
    assert dek in dropped and kept == [STORY, MORE]
    # With no headline above it, a short first paragraph over a picture is the story's.
    assert _lede(dek, caption, STORY, MORE) == dek


def test_a_more_news_link_line_goes_but_a_sentence_on_more_news_stays() -> None:
    link = "More news: Dock union warns new port fees are not completely off the table yet"
    said = "More news is expected on Friday, when the ministers meet again in Lima."
    kept, dropped = _clean(STORY, link, MORE, said)
    assert link in dropped
    assert kept == [STORY, MORE, said]


def test_other_stories_headlines_at_the_page_end_go_a_question_among_them_too() -> None:
    questions = "Flood barrier plan faces delay again, will the city cope this winter?"
    links = [
        questions,
        "S. Korean rail union calls strike over pay deal in the north",
        "Minister's driver turns out to be a foreign spy, arrested",
    ]
    kept, dropped = _clean(STORY, MORE, *links)
    assert kept == [STORY, MORE]
    assert questions in dropped
    # A story that closes on a question of its own keeps it.
    closing = "Whether the quotas will hold through a warmer winter is another matter?"
    assert _clean(STORY, MORE, closing)[0] == [STORY, MORE, closing]


def test_a_paywall_line_goes_but_a_story_about_subscribers_stays() -> None:
    wall = "This article is for subscribers only"
    told = "The full report was for subscribers only, the fisheries agency said on Friday."
    kept, dropped = _clean(STORY, MORE, wall, "Latest")
    assert wall in dropped and kept == [STORY, MORE]
    assert _clean(STORY, told, MORE)[0] == [STORY, told, MORE]


def test_a_summary_box_of_bulleted_points_without_full_stops_is_kept_in_doubt() -> None:
    # A live page: "Summary", its points (no full stops), then an entry's byline and text.
    points = [
        "  • It was the second day of talks at the fisheries summit in the port of Lima",
        "  • Peru's president tells reporters his duty is to protect the coastal fleet",
        "  • The leaders relaxed at a seafood dinner on the harbour front in the evening",
    ]
    entry = (
        "Though the agenda for Saturday's sessions sounds dull, all about catch records and "
        "port inspections, the delegations from the north are putting it rather differently: "
        "they see the summit as the moment to face down the distant-water fleets."
    )
    page = ("Summary", *points, "Jane Doe", "Latin America Editor", entry, MORE)
    kept, dropped = _clean(*page)
    assert [p.strip() for p in points] == [k.strip() for k in kept[:3]]
    assert "Summary" in dropped and kept[3:] == [entry, MORE]


def test_a_strip_of_lines_parted_by_bars_is_no_prose_that_lost_its_full_stop() -> None:
    # A live page prints its strip of headlines at the top and again under a caption; its
    # "SUMMIT LIVE:" reads like a wire dateline, but a clause of prose has no bars in it.
    title = "SUMMIT LIVE: Joe Doe and Ann Roe 'meet at the pier'"
    strip = f"{title} | Port strike ends after talks with the union | Storm closes the harbour |"
    again = strip.replace("'meet at the pier'", "\u2018meet at the pier\u2019")
    caption = "Fishermen protesting in Callao on the second day the leaders meet in Lima"
    last = "Our reporter at the harbour says the queue to get into the hall is huge this morning."
    kept, dropped = _clean(strip, STORY, MORE, caption, again, last, title=title)
    assert kept == [STORY, MORE, last]
    assert again in dropped
