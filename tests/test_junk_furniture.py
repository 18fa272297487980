"""Page furniture met on a blind round of real scraped pages, in shapes written here."""

from __future__ import annotations

from junkcheck import cleaned as _clean

STORY = (
    "Fisheries ministers from ten Pacific nations have signed a sweeping pact to cap "
    "catches and cut subsidies for their fleets, officials said on Thursday."
)
MORE = "The deal follows six years of talks that stalled twice over quotas for tuna and squid."


def test_a_short_full_lede_under_a_stamp_and_over_a_picture_is_kept() -> None:
    # Headline, section stamp, a one-sentence lede, a photo caption, then the story: the
    # lede may be the only place the news is stated, so it is never dropped as a dek.
    title = "Peru's fisheries minister resigns after hosting Pacific talks"
    lede = "Peru's fisheries minister resigned on Saturday, hours after the Lima talks ended."
    caption = (
        "Fisheries minister Ana Torres, centre, speaks to reporters at the presidential "
        "palace in Lima (Reuters)"
    )
    story = (
        "Torres, 61, told reporters at the palace that she was stepping down to take "
        "responsibility for a licensing scandal in the ministry's fleet inspection office."
    )
    page = (title, "World | Published: 12 April 2025", lede, caption, story, MORE)
    assert _clean(*page, title=title)[0] == [lede, story, MORE]


def test_a_more_news_link_line_goes_but_a_sentence_on_more_news_stays() -> None:
    link = "More news: Dock union warns new port fees are not completely off the table yet"
    said = "More news is expected on Friday, when the ministers meet again in Lima."
    kept, dropped = _clean(STORY, link, MORE, said)
    assert link in dropped
    assert kept == [STORY, MORE, said]
    # "More:" opening a sentence of the story is the story.
    told = "More: the ministers will meet again in June to review the quotas, officials said."
    quoted = "More: \u201cWe will not give up,\u201d the minister said on Saturday."
    long = (
        "The pact, which still needs ratifying by seven parliaments, sets binding limits for "
        "each fleet and funds a joint patrol service from licence fees, a draft showed."
    )
    assert _clean(STORY, long, told, quoted, MORE)[0] == [STORY, long, told, quoted, MORE]


def test_closing_lines_without_full_stops_at_the_page_end_are_kept() -> None:
    # Quotes, questions or lines with "U.S." closing a story, their full stops lost by
    # the scraper: the story's own end, not a list of other stories' headlines.
    quotes = [
        '"We have a deal on quotas," said Peru\'s fisheries minister',
        '"The fleets will adapt, as they always have," said Chile\'s trade minister',
        '"Nobody got all they wanted," the U.S. observer told reporters',
    ]
    asks = [
        "Will the quotas on tuna hold through a warmer winter?",
        "Can Lima keep the northern fleets on the same page",
        "Who pays for the new patrol boats next year",
    ]
    assert _clean(STORY, MORE, *quotes)[0] == [STORY, MORE, *quotes]
    # (The last, a line with no mark at all, still reads as a heading.)
    assert _clean(STORY, MORE, *asks)[0][:4] == [STORY, MORE, *asks[:2]]


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


def test_a_caption_naming_its_own_picture_goes_and_a_story_telling_of_one_stays() -> None:
    # Agency captions open on their picture ("This file photo ... shows", "In this handout
    # picture ..."); scraped above the story, such a caption took the lede.
    title = "Ten Pacific nations sign fisheries pact"
    captions = [
        "This file photo taken on March 3, 2024 shows Fiji's fisheries minister and his "
        "Tongan counterpart shaking hands before their talks in Suva.",
        "In this file photo, Fiji's fisheries minister speaks during a news conference in "
        "Suva, Fiji, on March 3, 2024.",
        "This handout picture taken and released by the Pacific Islands Forum on March 3 "
        "shows the ministers at the signing ceremony",
        "A pool photo of the ten ministers at the signing ceremony in Suva.",
    ]
    for caption in captions:
        kept, dropped = _clean(title, caption, STORY, MORE, title=title)
        assert kept == [STORY, MORE], caption
        assert "photo caption" in dropped[caption]
    # A story telling of a picture names it with "the", or tells what happened to it.
    told = [
        "A file photo of the two ministers was circulated by state media on Monday, hours "
        "before the talks were called off.",
        "A satellite image taken on March 1 shows foreign trawlers gathered off the atoll, "
        "analysts said.",
        "In the photo, the minister could be seen sharing a light moment with his Tongan "
        "counterpart after the signing.",
    ]
    for sentence in told:
        kept, dropped = _clean(title, STORY, sentence, MORE, title=title)
        assert kept == [STORY, sentence, MORE], dropped
