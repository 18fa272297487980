"""Shapes met on the twenty-fourth round of real scraped pages (state agencies' copy in
English, AMP pages, pages with consent and newsletter banners, AP's "The Latest"), written
here: a cookie and consent notice printed under or between the story's paragraphs, a
newsletter or channel pitch after a sentence of its own to the reader, and a live page's
header ending on its note on the times of its entries."""

from __future__ import annotations

from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

TITLE = "River states sign a water-sharing pact at their summit"
LEDE = (
    "The leaders of three river states signed a pact on sharing the river's water at their "
    "summit in Portville on Tuesday, ending a decade of quarrels over the dams upstream."
)
SECOND = (
    "Under the pact, each state will report its dams' releases every week to a joint "
    "commission, which will meet for the first time in the spring."
)

# A consent banner as a scraper prints it: the site to "you", then its cookie categories.
CONSENT_ASK = (
    "We and our partners use cookies and similar tracking technologies to run this page and "
    "measure it. With your consent we may also process personal data such as your device's "
    "address for personalised advertising."
)
CONSENT_CHANGE = (
    "You can withdraw your consent at any time with the Privacy settings link at the foot of "
    "every page. Your choice is kept for all our sections."
)
CONSENT_KINDS = (
    "Functional cookies are needed for the pages to load at all. These cookies keep no "
    "record that would single out one visitor."
)


# A story about cookies and consent tells of users; it does not ask "you".
RULING = (
    "The data regulator fined two airlines on Monday for placing advertising cookies before "
    "travellers gave their consent, and ordered both to delete the personal data gathered."
)
QUOTED = (
    '"If you want cookies on my phone, ask for my consent first," the commissioner told '
    "the summit's digital panel."
)


def test_a_consent_notice_goes_with_its_categories_and_a_story_about_consent_stays() -> None:
    texts = (TITLE, LEDE, CONSENT_ASK, CONSENT_CHANGE, CONSENT_KINDS, RULING, QUOTED, SECOND)
    kept, dropped = _clean(*texts)
    assert kept == [LEDE, RULING, QUOTED, SECOND], dropped
    assert all("consent notice" in dropped[text] for text in (CONSENT_ASK, CONSENT_KINDS))


# A pitch for the site's newsletter or channel after one sentence of its own to the reader.
PITCH = (
    "Begin your morning with the briefings you rely on from the capital and beyond. Sign up "
    "for our River Morning newsletter ."
)
CHANNEL = "Don't miss the day's biggest stories and analysis. Find them on our Signal channel"


# The story's own sentence before a pitch is news: that block stays.
GLUED_STORY = (
    "The commission's first report is due in June. Sign up for our newsletter for updates."
)


def test_a_newsletter_or_channel_pitch_after_a_sentence_to_the_reader_goes() -> None:
    kept, dropped = _clean(TITLE, LEDE, PITCH, GLUED_STORY, SECOND, CHANNEL)
    assert kept == [LEDE, GLUED_STORY, SECOND], dropped


# AP's "The Latest": a summary under the dateline, closed by the note on the page's times,
# over the first clock stamp. The first entry under the stamp is the story's lede.
LIVE_HEADER = (
    "PORTVILLE, Ruritania (AP) \u2014 Leaders of three river states are in Portville for a "
    "summit on sharing the river's water. Dams, fishing and a flood warning system are on "
    "the agenda. (All times are local.)"
)
ENTRY = (
    "Ruritania's president has opened the summit by calling the river the region's common "
    "lifeline and urging her guests to sign the pact before the dry season."
)


# A story's sentence closed by a bracket about times is no such note.
TOLD = (
    "The summit was put off twice before this week, each time because of flooding "
    "(both times local officials asked for a delay)."
)


def test_a_live_pages_header_ending_on_its_times_note_does_not_lead() -> None:
    live = "The Latest: River states open water summit"
    texts = (live, LIVE_HEADER, "12:40 p.m.", ENTRY, "11:05 a.m.", TOLD)
    kept, dropped = _clean(*texts, title=live)
    assert kept == [ENTRY, TOLD], dropped
    assert _lede(*texts, title=live) == ENTRY


# A draft joint statement as a paper printed it: an editor's note naming the text, its
# numbered paragraphs, and one still in dispute, in square brackets with its number.
DRAFT_NOTE = (
    "The text of the draft agreed by the two chief negotiators, completed at dawn on "
    "March 3 after an all-night session."
)
DRAFT_OPENING = (
    "The President of Ruritania paid a state visit to Portland from 1 to 3 March at the "
    "invitation of the Prime Minister, with the ministers of foreign affairs and of water."
)
DRAFT_POINT = (
    "2. The two leaders held wide-ranging talks on the river and agreed to set up a joint "
    "commission on its dams within six months."
)
DRAFT_DISPUTED = (
    "[3. The President told the Prime Minister that the upstream dams stood in the way of "
    "normal relations, and the Prime Minister stressed the need to settle every dispute "
    "through the commission.]"
)
DRAFT_SHORT = "[4. The commission will report to both leaders every year.]"


def test_a_drafts_numbered_paragraph_in_brackets_stays_and_its_text_note_does_not_lead() -> None:
    texts = ("Draft joint statement", DRAFT_NOTE, DRAFT_OPENING, DRAFT_POINT)
    texts += (DRAFT_DISPUTED, DRAFT_SHORT)
    kept, dropped = _clean(*texts, title="Draft joint statement")
    assert kept == [DRAFT_OPENING, DRAFT_POINT, DRAFT_DISPUTED, DRAFT_SHORT], dropped
    assert _lede(*texts, title="Draft joint statement") == DRAFT_OPENING


def test_a_sentence_telling_of_the_text_with_a_verb_stays() -> None:
    told = "The text of the declaration was agreed at dawn after an all-night session."
    kept, dropped = _clean(TITLE, LEDE, told, DRAFT_DISPUTED, SECOND)
    assert kept == [LEDE, told, DRAFT_DISPUTED, SECOND], dropped
