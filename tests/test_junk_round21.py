"""Shapes met on the twenty-first round of real scraped pages, and on a held-out set
before it, written here: a syndication line under the story, a long photo caption with
its credit in the other shapes sites print one, and a summary box over a story whose
paragraphs are all as short as the box's."""

from __future__ import annotations

import pytest
from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

from briefing_site.content.junk import JunkFilter
from briefing_site.content.load import split_text
from briefing_site.model import Paragraph

TITLE = "Island leaders seal fisheries pact at capital summit"
LEDE = (
    "Leaders of twelve island states agreed on Thursday to pool the patrols of their fishing "
    "grounds, a pact their officials said would cut illegal catches within two years."
)
MIDDLE = (
    "The agreement sets up a shared surveillance centre in the capital, funded for its first "
    "five years by two larger neighbours, with aircraft flying from three island airstrips."
)
LAST = (
    "Officials said the centre would open next year and that the leaders would meet again in "
    "the spring to review the first months of patrols and the budget for them."
)

SYNDICATION_LINES = (
    "Originally published on exampledaily.com.",
    "Originally published on Example Daily",
    "Originally published at exampledaily.com on May 4, 2026.",
    "Originally published by Example Daily News, May 4, 2026.",
    "Originally published by Example Daily News. Republished with permission.",
    "A version of this story was first published by Example Daily.",
    "An earlier version of this article appeared in Example Daily.",
    "This article is republished from Example Daily under a Creative Commons license.",
    "Republished with permission from Example Daily.",
    "This piece first ran in the Example Daily.",
    "This content was originally published by Example Daily.",
    "This interview was originally published on Example Daily.",
    "Read the original article on Example Daily.",
    "The original article was published on exampledaily.com.",
)


@pytest.mark.parametrize("line", SYNDICATION_LINES)
def test_a_syndication_line_under_the_story_goes(line: str) -> None:
    _goes_under_the_story(line, "syndication")


def _goes_under_the_story(line: str, reason: str) -> None:
    kept, dropped = _clean(TITLE, LEDE, MIDDLE, LAST, line, title=TITLE)
    assert kept == [LEDE, MIDDLE, LAST], dropped
    assert reason in dropped[line]


# Another text's publishing, told by the story: no "this" pointing at the page.
ABOUT_PUBLISHING = (
    "The report was first published by the institute in March and has since been cited by "
    "several governments.",
    "Originally published in 1952, the treaty was revised twice before the talks.",
    "The story was first published in the Example Daily, which later corrected the figures.",
    "This story appeared to confirm what officials had said in private for weeks.",
    "This text was published by the ministry on Friday and circulated to all delegations.",
    "The original version of the accord, signed in 1994, was published in three languages.",
    "The findings first appeared in a paper published by the regional body last year.",
)


@pytest.mark.parametrize("sentence", ABOUT_PUBLISHING)
def test_sentences_about_publishing_stay_over_the_syndication_line(sentence: str) -> None:
    line = SYNDICATION_LINES[0]
    kept, dropped = _clean(TITLE, LEDE, MIDDLE, sentence, LAST, line, title=TITLE)
    assert kept == [LEDE, MIDDLE, sentence, LAST], dropped


CAPTION = (
    "The host prime minister speaks with his counterpart from a neighbouring state at the "
    "opening of the leaders' meeting in the capital, on September 8, 2026."
)
SPOKE = (
    "The host prime minister spoke with his counterpart from a neighbouring state at the "
    "opening of the leaders' meeting in the capital, on September 8, 2026."
)
CREDITS = (
    "Photo / Supplied",
    "Photo/Ministry of Foreign Affairs",
    "Photo courtesy of the Prime Minister's Office",
    "(File photo)",
    "(Handout via Example Agency)",
    "Example Agency photo",
    "(Example Daily photo)",
    "EXA-EXB/JANE DOE",
)


@pytest.mark.parametrize("credit", CREDITS)
def test_a_long_caption_with_its_credit_inside_the_story_goes(credit: str) -> None:
    # Told in the present tense or the past, its credit after its last sentence.
    for caption in (CAPTION, SPOKE):
        texts = (TITLE, LEDE, MIDDLE, f"{caption} {credit}", LAST)
        kept, dropped = _clean(*texts, title=TITLE)
        assert kept == [LEDE, MIDDLE, LAST], dropped
    # A wire story's sign-off after its sentence is no picture's credit.
    signed = f"{SPOKE} (Example)"
    kept, dropped = _clean(TITLE, LEDE, MIDDLE, signed, LAST, title=TITLE)
    assert signed in kept, dropped


# A story whose paragraphs all run under 35 words, as online copy's often do.
BOX_TITLE = "Pacific leaders agree fisheries pact at island summit"
BOX_STORY = (
    "Leaders of twelve Pacific island states agreed on Thursday to pool the patrols of their "
    "fishing grounds, a pact their officials said would cut illegal catches within two years.",
    "The agreement sets up a shared surveillance centre in the capital, funded for its first "
    "five years by two larger neighbours, with aircraft flying from three island airstrips.",
    "Officials said the centre would open next year and that the leaders would meet again in "
    "the spring to review the first months of patrols and the budget for them.",
)
BOX_LINES = (
    "Twelve Pacific states agree to pool their fishing patrols in a new pact.\n"
    "A surveillance centre funded by two larger neighbours will open in the capital."
)


@pytest.mark.parametrize("label", ("Key points:", "KEY POINTS", "In brief"))
def test_a_summary_box_over_short_story_paragraphs_does_not_lead(label: str) -> None:
    # Every paragraph of the story is as short as the box: the block under the label is the
    # box all the same, kept in doubt, and the story's first paragraph leads.
    for head in ((BOX_TITLE,), (BOX_TITLE, "By Jane Doe")):
        texts = (*head, label, BOX_LINES, *BOX_STORY)
        kept, dropped = _clean(*texts, title=BOX_TITLE)
        assert kept[-3:] == list(BOX_STORY), dropped
        assert _lede(*texts, title=BOX_TITLE) == BOX_STORY[0]


def test_a_box_label_opening_its_own_block_does_not_lead() -> None:
    box = (
        "Key points: Island nations will share the cost of aircraft and crews, and the first "
        "flights are due within months."
    )
    texts = (BOX_TITLE, box, *BOX_STORY)
    kept, dropped = _clean(*texts, title=BOX_TITLE)
    assert kept[-3:] == list(BOX_STORY), dropped
    assert _lede(*texts, title=BOX_TITLE) == BOX_STORY[0]
    # With no story under it, a block opening on a box's label is all the story has.
    assert _lede(BOX_TITLE, box, title=BOX_TITLE) == box


def test_a_lede_naming_its_subject_leads_over_a_paragraph_going_on_by_title() -> None:
    # A government page's present-tense first sentence names the president in full; the
    # paragraph under it shares most of its words but calls him by his title: it goes on.
    title = "Regional leaders hold their consultative meeting in the capital"
    lede = (
        "President Jane Doe, who is on a working visit to the capital, takes part in the "
        "third consultative meeting of the heads of the regional states."
    )
    under = (
        "The President of Ruritania went to the palace, the venue of the summit's official "
        "events. The presidents of three neighbouring states also arrived in the capital to "
        "take part in the meeting of the heads of the regional states."
    )
    later = (
        "The agenda includes regional cooperation in trade, transport and energy, and an "
        "exchange of views on regional security."
    )
    kept, dropped = _clean(title, lede, under, later, title=title)
    assert kept == [lede, under, later], dropped
    assert _lede(title, lede, under, later, title=title) == lede
    # A standfirst the story under it tells again, naming its subject anew, still goes.
    story = (
        "President Jane Doe of Ruritania took part on Friday in the third consultative "
        "meeting of the heads of the regional states, on a working visit to the capital."
    )
    kept, dropped = _clean(title, lede, story, later, title=title)
    assert kept == [story, later], dropped


def test_a_group_pictures_long_caption_over_wrapped_copy_goes_and_the_story_leads() -> None:
    # A blog's caption keyed by rows ("standing row, from left: ...; sitting row, from left:
    # ..."), names parted by semicolons, past any caption's usual length, closed by the bar
    # of its frame, on the line right over the story's hard-wrapped copy.
    names = "; ".join(f"Prime Minister of Island {n} Jane Doe{n}" for n in range(1, 9))
    caption = (
        f"Island leaders at their meeting in the capital, standing row, from left: {names}; "
        f"sitting row, from left: {names} |"
    )
    copy = (
        "PORTVILLE (May 4, 2026): The annual meeting of island leaders\n"
        "concluded in the capital on Friday after three days of talks.\n"
        "The meeting was attended by the heads of state and government of\n"
        "twelve island states and two territories, with observers from the\n"
        "regional bank and the fisheries commission."
    )
    texts = [p.text for p in split_text(f"{caption}\n{copy}\n")]
    assert texts[0] == caption
    lede = texts[1]
    assert lede.startswith("PORTVILLE")
    paragraphs = [Paragraph(i + 1, i + 1, t) for i, t in enumerate(texts)]
    kept, dropped = JunkFilter().clean(paragraphs, title="Island leaders end their meeting")
    assert [d.paragraph.text for d in dropped] == [caption]
    assert kept[0].text == lede


def test_wrapped_copy_broken_after_a_conjunction_is_one_paragraph() -> None:
    # Hard-wrapped copy whose line ends on "while" over a name opening the next line: the
    # sentence goes on (no sentence stops on a conjunction), not a paragraph cut off there.
    copy = (
        "The annual meeting of island leaders concluded in the capital on\n"
        "Friday after three days of talks on fisheries and climate finance.\n"
        "The larger neighbour was represented by its deputy while\n"
        "Ruritania and Elbonia were represented by their foreign ministers, and\n"
        "two territories attended the formal session as associate members."
    )
    texts = [p.text for p in split_text(copy + "\n")]
    assert len(texts) == 1 or texts[1].startswith("The larger neighbour"), texts
    assert not any(t.endswith("while") for t in texts), texts


def test_an_agency_caption_ending_on_its_place_and_full_date_goes() -> None:
    # Who does what in the present tense, then the place and the full date set off by
    # commas, as a news agency captions a picture: no credit needed.
    captions = (
        "Ruritanian Prime Minister Jane Doe speaks with her Elbonian counterpart John Roe at "
        "the opening of the island leaders' meeting in Portville, Ruritania, on September 8, "
        "2026.",
        "Island leaders arrive for the family photo at the forum in Portville, Ruritania, "
        "Sept. 8, 2026.",
    )
    for caption in captions:
        kept, dropped = _clean(TITLE, LEDE, MIDDLE, caption, LAST, title=TITLE)
        assert kept == [LEDE, MIDDLE, LAST], dropped
    # A story's sentences set so stay: a preview whose subject is no name, a past tense.
    for sentence in (
        "The talks take place in Portville, Ruritania, on September 8, 2026.",
        "The summit opens in Portville, Ruritania, on September 8, 2026.",
        "The forum, which Elbonia attends as a member, meets in Portville, Ruritania, on "
        "September 8, 2026.",
        "Prime Minister Jane Doe spoke with her Elbonian counterpart at the opening of the "
        "meeting in Portville, Ruritania, on September 8, 2026.",
    ):
        kept, dropped = _clean(TITLE, LEDE, MIDDLE, sentence, LAST, title=TITLE)
        assert sentence in kept, dropped


# The copy's note on its own editing, under the story: what was done to the text.
EDITED_NOTES = (
    "This interview has been edited for length and clarity.",
    "This conversation has been condensed and edited.",
    "The interview was lightly edited for clarity.",
    "Editor's note: This story has been updated to correct the date of the summit.",
    "Editors\u2019 Note \u2013 An earlier version misspelled the minister's name.",
    "Correction: An earlier version of this article gave the wrong year for the treaty.",
)


@pytest.mark.parametrize("line", EDITED_NOTES)
def test_a_note_on_the_copy_s_own_editing_goes(line: str) -> None:
    _goes_under_the_story(line, "editing")


# The story's own sentences about editing, correcting and updating other texts.
ABOUT_EDITING = (
    "The agreement was edited by lawyers from both sides before the signing on Friday.",
    "This story has been a long time coming, officials from both capitals said on Friday.",
    "Correction of the trade imbalance will take years, the minister said after the talks.",
    "The ministry said its report was updated in March to include the new tariff figures.",
)


@pytest.mark.parametrize("sentence", ABOUT_EDITING)
def test_sentences_about_editing_other_texts_stay(sentence: str) -> None:
    kept, dropped = _clean(TITLE, LEDE, MIDDLE, sentence, LAST, title=TITLE)
    assert kept == [LEDE, MIDDLE, sentence, LAST], dropped
