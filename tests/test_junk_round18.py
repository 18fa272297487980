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


def test_a_post_whose_lines_the_copy_parted_goes_line_by_line() -> None:
    # An embedded post printed as text, each of its lines a paragraph of its own, over its
    # sign-off: every line with a hashtag or handle above the sign-off is the post's.
    lead_in = "Doe wrote on social media:"
    first = "It was good to welcome the ministers of nine states to #PortLouis this morning"
    second = "We agreed on catch limits that protect #tuna and our fishers. 1/3"
    signoff = "\u2014 Jane Doe (@janedoe_mu) May 4, 2026"
    kept, dropped = _clean(STORY, MORE, lead_in, first, second, signoff, LATER)
    assert first in dropped and second in dropped and signoff in dropped, dropped
    assert lead_in in kept and STORY in kept and MORE in kept and LATER in kept, dropped


def test_story_lines_with_a_hashtag_over_a_post_are_not_taken_into_it() -> None:
    # Only the post's own lines go, up to its lead-in: a full sentence of the story with a
    # hashtag, or a line of the story telling of the post that lost its full stop, stays.
    post = "We agreed on catch limits. Good for #tuna, good for our fishers!"
    signoff = "\u2014 Jane Doe (@janedoe_mu) May 4, 2026"
    trending = "By the evening the hashtag #PortLouisTalks was trending across the island."
    kept, dropped = _clean(STORY, MORE, trending, post, signoff, LATER)
    assert kept == [STORY, MORE, trending, LATER], dropped
    replies = "The post drew hundreds of replies from fishers using the #tuna tag within an hour"
    kept, dropped = _clean(STORY, MORE, replies, post, signoff, LATER)
    assert kept == [STORY, MORE, replies, LATER], dropped


def test_the_story_telling_of_a_post_above_it_stays() -> None:
    told = "Welcoming the ministers, Doe tweeted that #PortLouis was proud to host the talks."
    post = "We agreed on catch limits that protect #tuna and our fishers. 1/3"
    signoff = "\u2014 Jane Doe (@janedoe_mu) May 4, 2026"
    kept, dropped = _clean(STORY, MORE, told, post, signoff, LATER)
    assert told in kept and post in dropped, dropped


def test_a_summary_under_another_storys_headline_in_a_you_may_also_like_box_goes() -> None:
    box = [
        "You May Also Like",
        "Image",
        "Rupee steadies as reserves climb for a third week",
        "MUMBAI: The rupee held steady against the dollar on Friday as the central bank "
        "reported a third weekly rise in its reserves",
        "Image",
    ]
    kept, dropped = _clean(STORY, MORE, LATER, *box)
    assert kept == [STORY, MORE, LATER], dropped


def test_the_story_going_on_under_a_box_label_stays() -> None:
    # A box in the middle of the story: the paragraph under its headline opens on its own
    # dateline, but the story goes on below it; nothing of the story goes.
    headline = "Rupee steadies as reserves climb for a third week"
    dated = "PORT LOUIS: Ministers will meet again in June to review the limits, officials said."
    kept, dropped = _clean(STORY, "You May Also Like", headline, dated, MORE, LATER)
    assert dated in kept and MORE in kept, dropped


def test_a_box_label_over_the_only_story_on_the_page_takes_nothing() -> None:
    # "More news" over a page that is one dated brief under its headline: no story above
    # the label, so the brief under it is the page's own story, not another's card.
    brief = "PORT LOUIS: Fisheries ministers agreed on common tuna catch limits, officials said."
    kept, dropped = _clean("More news", "Ministers agree tuna limits", brief)
    assert kept == [brief], dropped


def test_a_time_connective_over_a_labelled_promo_still_goes() -> None:
    # "Earlier," opens a story line that lost its full stop, but a label and a colon after
    # it ("watch:") make a promotion of a video, not the story.
    promo = "Earlier, watch: Doe explains the new catch limits in two minutes"
    kept, dropped = _clean(STORY, MORE, LATER, promo)
    assert kept == [STORY, MORE, LATER], dropped


def test_a_sentence_again_under_its_version_with_an_aside_in_brackets_goes() -> None:
    # Brackets at the end of a line that are no picture credit (an aside naming places):
    # the sentence below is a copy of it, as any repeat, not a caption's source.
    aside = (
        "Ministers said the cost of patrols would be shared between the states "
        "(Mauritius, Seychelles and Comoros)"
    )
    again = "Ministers said the cost of patrols would be shared between the states."
    kept, dropped = _clean(STORY, aside, MORE, again, LATER)
    assert again in dropped and aside in kept, dropped


def test_the_storys_sentence_a_caption_above_was_drawn_from_stays() -> None:
    # A gallery's caption is a sentence of the story with a credit in brackets: the
    # caption goes as a caption, and the story's own sentence below is no repeat of it.
    sentence = "The accord was reached after long night talks between the delegations."
    caption = sentence[:-1] + " (Government Information Service/AP)"
    others = [
        "Ministers pose for a group photo before the closing dinner (Press Office/AP)",
        "The Seychelles minister listens to his Mauritian counterpart (Jane Doe/AP)",
    ]
    kept, dropped = _clean(*others, caption, STORY, MORE, sentence, LATER)
    assert kept == [STORY, MORE, sentence, LATER], dropped
    # The sentence printed twice in the story under the caption: one copy of it stays.
    kept, dropped = _clean(caption, STORY, sentence, MORE, sentence, LATER)
    assert kept.count(sentence) == 1 and STORY in kept and LATER in kept, dropped
    # Printed twice as a caption, it is still a caption both times.
    kept, dropped = _clean(caption, caption, STORY, MORE, LATER)
    assert kept == [STORY, MORE, LATER], dropped
