"""Shapes met on the twenty-third round of real scraped pages (live pages, transcripts,
galleries, wire copy), written here: a briefing's transcript typed with no space after
the speaker's colon, a live page's one-sentence entry under its clock stamp, and a
gallery's captions between their counters."""

from __future__ import annotations

from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

TITLE = "Coastal states agree to share customs data at trade talks"

# A ministry's briefing transcript, its speakers' labels glued to their words.
HOST = (
    "Ms Jane Doe, Official Spokesperson:Good afternoon friends from the media. I would like "
    "to welcome you to this briefing on the minister's visit to the three coastal states, "
    "and I give the floor to the secretary."
)
GUEST = (
    "Mr John Roe, Secretary (West):Thank you Jane and a very good afternoon to all of you. "
    "Thank you for coming to this briefing on the visit you have just heard about."
)
CONTEXT = (
    "So, let me start with the context of the visit. The minister will go first to the "
    "capital of the largest state, and it will be the first visit by a minister from our "
    "side in twelve years, which gives it a special weight."
)


def test_a_transcript_whose_speaker_labels_lack_their_space_keeps_its_speakers() -> None:
    kept, dropped = _clean(TITLE, HOST, GUEST, CONTEXT, title=TITLE)
    assert kept == [HOST, GUEST, CONTEXT], dropped
    assert _lede(TITLE, HOST, GUEST, CONTEXT, title=TITLE) == HOST


LIVE_LEDE = (
    "Trade ministers of five coastal states met for a second day on Saturday, having opened "
    "their talks on Friday with a long session on customs, ports and fishing rights."
)
ENTRY = "Minister Jane Doe held talks with Minister John Roe."
LONGER_ENTRY = (
    "Closing the talks, the host's minister told reporters that the five states had agreed "
    "to meet again in the autumn and to set up a joint customs office by the spring."
)


def test_a_live_pages_short_entry_under_its_clock_stamp_stays() -> None:
    texts = (TITLE, LIVE_LEDE, "LATEST", "19.15 GMT", ENTRY, "19:00 GMT", LONGER_ENTRY)
    kept, dropped = _clean(*texts, title=TITLE)
    assert kept == [LIVE_LEDE, ENTRY, LONGER_ENTRY], dropped


CAPTIONS = (
    "Minister Jane Doe meets the head of the customs union on the sidelines of the talks. (XPA)",
    "Having met the host earlier, the minister met her counterpart from the north later on "
    "Saturday afternoon. (XPA)",
    "Minister John Roe meets the host's trade minister at the port authority. (XPA)",
)


def test_captions_between_a_gallerys_counters_go_and_the_story_leads() -> None:
    texts = (
        TITLE,
        "1 / 4",
        CAPTIONS[0],
        "2 / 4",
        CAPTIONS[1],
        "3 / 4",
        CAPTIONS[2],
        "4 / 4",
        "Updated 02 December 2026",
        "Follow",
        TITLE,
        "  • Ministers of five coastal states are meeting on the second day of the talks",
        LIVE_LEDE,
        LONGER_ENTRY,
    )
    kept, dropped = _clean(*texts, title=TITLE)
    assert not set(CAPTIONS) & set(kept), dropped
    assert _lede(*texts, title=TITLE) == LIVE_LEDE
    assert LONGER_ENTRY in kept


# A story's first sentence printed without its stop after a closing quotation mark, under
# a dek that the story repeats further down.
UNSTOPPED_LEDE = (
    "The trade ministers of five coastal states will sign a customs accord and take "
    "questions from journalists on Thursday during the host's summit, an event a senior "
    "official of the host government called a \u201dturning point\u201d"
)
DEK = "The accord will be signed in the port city, the official said"
BODY = (
    "Customs officers of the five states have met every month since the spring to settle "
    "the accord's last clauses, the ministry said in a statement on Monday.",
    "The accord will be signed in the port city, the official said.",
)


def test_a_lede_that_lost_its_stop_after_a_quotation_is_kept_and_leads() -> None:
    texts = (TITLE, "Last Updated: June 22, 2026, 10:09 IST", DEK, UNSTOPPED_LEDE, *BODY)
    kept, dropped = _clean(*texts, title=TITLE)
    assert UNSTOPPED_LEDE in kept, dropped
    assert _lede(*texts, title=TITLE) == UNSTOPPED_LEDE


SIGNPOST_UNDER_DATELINE = (
    "PORTVILLE \u2013 Here's the latest on the trade ministers' summit with the host's "
    "foreign minister (all times local):"
)
FIRST_ENTRY = (
    "The host's trade minister says she and her four counterparts have had a good start to "
    "their talks on customs and ports in the old town hall."
)


def test_a_live_pages_signpost_under_a_wire_dateline_goes_and_the_first_entry_leads() -> None:
    texts = (TITLE, SIGNPOST_UNDER_DATELINE, "4:30 p.m.", FIRST_ENTRY, LONGER_ENTRY)
    kept, dropped = _clean(*texts, title=TITLE)
    assert SIGNPOST_UNDER_DATELINE not in kept, dropped
    assert _lede(*texts, title=TITLE) == FIRST_ENTRY


BANNER = "SAVE THE HARBOUR: NO SURRENDER! - HTTP://WWW.EXAMPLE.ORG"


def test_a_banner_in_capitals_ending_on_its_address_in_capitals_goes() -> None:
    kept, dropped = _clean(BANNER, LIVE_LEDE, LONGER_ENTRY, title=TITLE)
    assert kept == [LIVE_LEDE, LONGER_ENTRY], dropped
    assert _lede(BANNER, LIVE_LEDE, LONGER_ENTRY, title=TITLE) == LIVE_LEDE


PLAYER_MESSAGES = (
    "Sorry, this video is not yet available or has expired",
    "This video is unavailable.",
    "Sorry, this clip has expired.",
)


def test_a_video_players_message_where_the_video_was_goes() -> None:
    for message in PLAYER_MESSAGES:
        kept, dropped = _clean(LIVE_LEDE, message, LONGER_ENTRY, title=TITLE)
        assert kept == [LIVE_LEDE, LONGER_ENTRY], dropped
    # Told as news, a video nobody could play stays.
    told = "The video was not shown to the ministers, officials said on Friday."
    kept, dropped = _clean(LIVE_LEDE, told, LONGER_ENTRY, title=TITLE)
    assert kept == [LIVE_LEDE, told, LONGER_ENTRY], dropped


CAPTION = "The two ministers share a long handshake at the port."


def test_a_block_printing_a_line_twice_is_no_wrapped_paragraph() -> None:
    from briefing_site.content.load import split_text

    text = "\n\n".join((LIVE_LEDE, f"{PLAYER_MESSAGES[0]}\n{CAPTION}\n{CAPTION}", LONGER_ENTRY))
    assert [p.text for p in split_text(text)] == [
        LIVE_LEDE,
        PLAYER_MESSAGES[0],
        CAPTION,
        CAPTION,
        LONGER_ENTRY,
    ]


def test_a_caption_printed_twice_in_a_row_under_furniture_goes_both_times() -> None:
    for above in (PLAYER_MESSAGES[0], "Photo: Example Agency"):
        kept, dropped = _clean(LIVE_LEDE, above, CAPTION, CAPTION, LONGER_ENTRY)
        assert kept == [LIVE_LEDE, LONGER_ENTRY], dropped
    # Doubled under the story's prose, a sentence of the story stays once.
    kept, dropped = _clean(LIVE_LEDE, CAPTION, CAPTION, LONGER_ENTRY)
    assert kept.count(CAPTION) == 1, dropped


STANDFIRST = (
    "The trade minister signed what she called a \u201cvery comprehensive\u201d accord with "
    "her four counterparts, capping a long-awaited summit aimed at ending years of quarrels."
)
STORY = (
    "The trade ministers of five coastal states met in the port city on Tuesday in a summit "
    "that could end years of quarrels over tariffs or start new ones.",
    "The five ministers shook hands in front of a row of flags and then moved into a long "
    "meeting, joined only by their advisers, before a working lunch.",
)


def test_a_stamp_behind_its_sections_name_in_lower_case_ends_the_header() -> None:
    stamp = "world Updated: Jun 12, 2026 22:02 IST"
    texts = (TITLE, STANDFIRST, stamp, "Jane Doe and Agencies", *STORY)
    kept, dropped = _clean(*texts, title=TITLE)
    assert stamp in dropped, kept
    assert _lede(*texts, title=TITLE) == STORY[0]
