"""Paragraph shapes of real scraped copy that earlier rounds left alone, written here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import Run
from htmlcheck import Page
from junkcheck import cleaned as _clean
from junkcheck import lede

from briefing_site.content.load import split_text

LEDE = (
    "Heads of government from twenty countries wrapped up two days of talks in Streslau "
    "on Sunday, pledging closer coordination on trade and energy after a year of strained ties."
)
FIRST = '"We came here divided and we leave with a shared plan for the coming year."'
SECOND = '"No single country can fix the supply problem on its own."'
THIRD = '"The talks were frank, and at times hard, but the result is worth the effort."'
FOURTH = '"Our farmers will feel the difference before the next harvest is in."'
AFTER = "The leaders will meet again in Elbonia next spring, the hosts said."


def _paragraphs(text: str) -> list[str]:
    return [p.text for p in split_text(text)]


def test_a_lead_in_to_what_leaders_said_and_their_quotations_stay() -> None:
    # A round-up of reactions: a lead-in, then each speaker's name on a line of its own
    # over his or her words. The words are the story's; only the name lines go.
    kept, dropped = _clean(
        LEDE,
        "Here is what some of them said:",
        "PRIME MINISTER JANE DOE",
        FIRST,
        SECOND,
        "PRESIDENT RICHARD ROE",
        THIRD,
        "CHANCELLOR ANNA SMITH",
        FOURTH,
        AFTER,
        title="Leaders weigh in after the summit",
    )
    assert kept == [LEDE, "Here is what some of them said:", FIRST, SECOND, THIRD, FOURTH, AFTER]
    assert set(dropped) == {
        "PRIME MINISTER JANE DOE",
        "PRESIDENT RICHARD ROE",
        "CHANCELLOR ANNA SMITH",
    }


def test_a_lead_in_ending_in_a_full_stop_over_names_and_words_in_one_block() -> None:
    text = (
        "G7 leaders speak after summit\n\n"
        f"{LEDE}\n\n"
        "Below are some remarks from the leaders.\n\n"
        f"Prime Minister Jane Doe\n{FIRST}\nPresident Richard Roe\n{THIRD}\n"
        f"Chancellor Anna Smith\n{FOURTH}\n\n{AFTER}\n"
    )
    paragraphs = _paragraphs(text)
    kept, _ = _clean(*paragraphs, title=paragraphs[0])
    assert kept == [LEDE, "Below are some remarks from the leaders.", FIRST, THIRD, FOURTH, AFTER]


def test_a_bare_signpost_and_a_pull_quote_still_go() -> None:
    # Not a lead-in to anyone's words: a signpost to the page's highlights goes as
    # before, and a quotation nobody above is said to say, between furniture, is lifted.
    _, dropped = _clean(
        LEDE,
        "Here are the highlights:",
        "TRADE",
        AFTER,
        title="Leaders weigh in after the summit",
    )
    assert "Here are the highlights:" in dropped
    _, dropped = _clean(
        LEDE,
        "PRIME MINISTER JANE DOE",
        FIRST,
        "Advertisement",
        AFTER,
        title="Leaders weigh in after the summit",
    )
    assert FIRST in dropped


def test_a_first_line_naming_the_paper_it_comes_from_leads() -> None:
    # A blog's copy of a paper's story, one sentence a line: the first names its source
    # at its end ("..., the Daily Courier reports."), as a story's first sentence does
    # with "said"; it is the lede, not a standfirst over the longer line under it.
    first = "THE Premier of Ruritania, Jane Doe, is making an official visit to Elbonia, the Daily Courier reports."
    text = (
        "\nThursday, May 14, 2015\n\nPremier on a visit to Elbonia\n\n"
        f"{first}\n"
        "Officials chose to keep the trip quiet, putting out a brief note about it a few hours "
        "before she boarded her flight to the capital on Tuesday night.\n"
        "She will hold talks with the Elbonian president today, and sign agreements on fisheries.\n"
    )
    paragraphs = split_text(text)
    assert lede(*(p.text for p in paragraphs), title="Premier on a visit to Elbonia") == first


def test_a_standfirst_about_reports_still_goes() -> None:
    # "Reports" as a noun is no source named: a dek with it still goes.
    dek = "Reports of a rift overshadow the first day of the regional summit in the capital."
    story = (
        "Leaders of the ten member states opened their annual summit in Streslau on Monday "
        "with talks on fishing rights, a new shipping lane and the bloc's next budget."
    )
    assert lede("Rift overshadows summit", dek, story, title="Rift overshadows summit") == story


RAGGED = (
    "The two governments signed an agreement on Monday that commits Ruritania to\n"
    "spending 40 million euros over five years on providing\n"
    "Elbonia with grain storage and rail wagons.\n"
    "The money will be paid in yearly parts, the first of them in the spring.\n"
)


def test_ragged_copy_broken_after_a_lower_case_word_is_one_paragraph() -> None:
    # A sentence begun on an earlier line stops on "providing", and the line under it
    # opens on a name but tells nothing of its own (no verb before its full stop): the
    # tail of that sentence, not a paragraph.
    assert _paragraphs(f"Aid pact signed\n\n{RAGGED}") == [
        "Aid pact signed",
        "The two governments signed an agreement on Monday that commits Ruritania to "
        "spending 40 million euros over five years on providing "
        "Elbonia with grain storage and rail wagons.",
        "The money will be paid in yearly parts, the first of them in the spring.",
    ]


def test_a_line_that_lost_its_stop_over_a_told_sentence_stays_apart() -> None:
    # The line under tells something of its own (a verb): a paragraph of its own under one
    # whose full stop the scrape lost.
    text = (
        "The ministers met twice in Streslau and again in Geneva over the spring,\n"
        "and signed the text after the damage\n"
        "Elbonia's minister said the deal would hold.\n"
    )
    assert _paragraphs(text) == [
        "The ministers met twice in Streslau and again in Geneva over the spring, "
        "and signed the text after the damage",
        "Elbonia's minister said the deal would hold.",
    ]


def test_a_line_that_lost_its_stop_over_a_short_sentence_of_its_own_stays_apart() -> None:
    # The line above ends on a noun ("south", "north"), its sentence plainly complete; a
    # short sentence under it ("No deal yet.") is one of its own, not that sentence's tail.
    for end, tail in (
        ("in the waters in the south", "No deal yet."),
        ("in the waters in the north", "More on that below."),
        ("off the coast in the spring", "No deal yet."),
    ):
        text = (
            "The ministers met twice in Streslau and again in Geneva over the spring,\n"
            f"and the fleets kept fishing {end}\n"
            f"{tail}\n"
        )
        assert _paragraphs(text) == [
            "The ministers met twice in Streslau and again in Geneva over the spring, "
            f"and the fleets kept fishing {end}",
            tail,
        ]


INTRO = (
    "The Elbonian foreign minister spoke to the Courier about the port deal with Ruritania, "
    "the pressure from the north and what the June summit may bring for trade."
)
ANSWER_ONE = (
    "The port is the one piece of infrastructure every trader in the region needs, and for "
    "twenty years nobody managed to finance it. Now we have partners ready to pay half."
)
ANSWER_TWO = (
    "The first stage is the container terminal and the rail link to the capital. The "
    "contracts for both will be signed before the end of the year."
)


def test_an_interviews_introduction_leads_and_its_questions_go() -> None:
    # "Outlet: question?" over "Name: answer": an interview. The answerer's name and
    # colon are no wire dateline (the introduction above it was dropped as a caption and
    # the answer led), and the interviewer's questions go, as an editor cuts them
    # (the tool makes its own headings); the answers stay.
    kept, dropped = _clean(
        "Minister: the port deal will not be stopped (INTERVIEW)",
        INTRO,
        "Daily Courier: Why has your government backed the port deal so strongly?",
        f"Jane Doe: {ANSWER_ONE}",
        "What exactly will the partners pay for in the first stage?",
        ANSWER_TWO,
        title="Minister: the port deal will not be stopped",
    )
    assert kept == [INTRO, f"Jane Doe: {ANSWER_ONE}", ANSWER_TWO]
    assert (
        lede(
            "Minister: the port deal will not be stopped (INTERVIEW)",
            INTRO,
            "Daily Courier: Why has your government backed the port deal so strongly?",
            f"Jane Doe: {ANSWER_ONE}",
            title="Minister: the port deal will not be stopped",
        )
        == INTRO
    )
    assert set(dropped) >= {
        "Daily Courier: Why has your government backed the port deal so strongly?",
        "What exactly will the partners pay for in the first stage?",
    }


def test_q_and_a_labels_questions_go_answers_stay() -> None:
    kept, _ = _clean(
        INTRO,
        "Q: What do you hope the summit will achieve?",
        f"A: {ANSWER_ONE}",
        "Q: When will the first contracts be signed?",
        f"A: {ANSWER_TWO}",
        "Q: And the border crossings?",
        "A: The first one will reopen next month, the others by the summer.",
        title="The minister on the summit",
    )
    # (The last answer is short and under a question: the story's, not furniture below it.)
    assert kept == [
        INTRO,
        f"A: {ANSWER_ONE}",
        f"A: {ANSWER_TWO}",
        "A: The first one will reopen next month, the others by the summer.",
    ]


def test_a_storys_own_question_without_an_interview_stays() -> None:
    # No "Label: question?" over another label's answer: a question in a story's prose
    # (not a subhead, long and with a clause) is the story's, as before.
    question = (
        "Will the two sides, after three years of talks and two failed rounds, finally agree "
        "on who runs the terminal?"
    )
    kept, _ = _clean(INTRO, question, ANSWER_TWO, title="The minister on the summit")
    assert question in kept


def test_a_transcripts_questions_in_capitals_stay() -> None:
    # A press walkthrough's transcript: the reporters' questions are the record.
    kept, _ = _clean(
        "ASSISTANT SECRETARY DOE: We had a good lunch and a useful talk about the next phase.",
        "QUESTION: Did the delegations meet again at the embassy today?",
        "ASSISTANT SECRETARY DOE: Very briefly, because the traffic was bad, so only for a few minutes.",
        "QUESTION: Is the mood any better after this lunch?",
        "ASSISTANT SECRETARY DOE: The mood was businesslike, and we will meet again tomorrow.",
        title="Walkthrough with reporters",
    )
    assert "QUESTION: Did the delegations meet again at the embassy today?" in kept
    assert "QUESTION: Is the mood any better after this lunch?" in kept


def test_a_bulleted_list_in_raw_text_shows_one_item_a_line(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    # The list stays one paragraph (one <p>, as the output contract has every paragraph,
    # and one label for an editor), but its items are no longer run together on one line.
    items = [
        "- A port authority run jointly by both governments from next year.",
        "- Fees on the new container terminal shared equally between them.",
        "- Naval drills off the coast every spring.",
    ]
    text = "\n\n".join([LEDE, "The two sides agreed on three points:", "\n".join(items), AFTER])
    site = make_site(
        {
            "content/port.txt": text + "\n",
            "content/port.yaml": "title: Leaders agree on port deal\n"
            "event:\n  name: Port talks\n  start: 2026-03-14\n  timezone: Europe/Lisbon\n",
        }
    )
    result = cli("build", "-s", str(site), "--now", "2026-03-10T09:00:00+00:00")
    assert result.code == 0, result.err
    page = (site / "build/briefings/port/index.html").read_text()
    assert "<br>\n".join(items) in page
    shown = [p for ps in Page(page).topics.values() for p in ps]
    # still one <p> a paragraph: the list is one, its items a line each, apart from the
    # paragraphs around it
    listed = [p for p in shown if items[0] in p]
    assert len(listed) == 1
    assert [line.strip() for line in listed[0].splitlines()] == items
    assert LEDE in shown and AFTER in shown


def test_a_labelled_headline_over_a_byline_is_no_interview() -> None:
    # "Analysis: Can ...?" over "Jane Doe: ... correspondent." asks nothing of anyone: the
    # story's own question further down stays.
    question = "But will the fleets of distant nations keep to the limits without a concession?"
    kept, _ = _clean(
        "Analysis: Can nine states hold the line on tuna?",
        "Jane Doe: Port Louis correspondent.",
        LEDE,
        question,
        AFTER,
        title="Can nine states hold the line on tuna?",
    )
    assert question in kept


CLOSING = "The two sides meet again in Oxenburg in the autumn, the hosts said in a statement."


def _asked_and_answered(asker: str, answerer: str, first: str, second: str) -> list[str]:
    return [
        LEDE,
        f"{asker}{first}",
        f"{answerer}The talks were useful and frank, and we agreed on the next steps in energy.",
        f"{asker}{second}",
        f"{answerer}Our companies are working on it and I expect they will agree on it soon.",
        CLOSING,
    ]


def test_a_question_saying_you_drops_neither_the_answers_nor_the_story_below() -> None:
    # An interviewer's question speaks to the answerer ("how do you ..."), not to the reader:
    # once cut, it is no pitch of the site's, and the answers and the paragraph under them
    # stay.
    for asker, answerer, first in (
        ("Question: ", "Jane Doe: ", "How do you assess the results of today's talks?"),
        ("Daily Courier: ", "Jane Doe: ", "How do you assess the results of today's talks?"),
        ("Q: ", "A: ", "How do you assess the results of today's talks?"),
        ("Daily Courier: ", "Jane Doe: ", "Mr President, how do you assess the talks?"),
    ):
        blocks = _asked_and_answered(
            asker, answerer, first, "Will there be a new gas contract before the winter?"
        )
        kept, dropped = _clean(*blocks, title="The president on the talks")
        assert kept == [blocks[0], blocks[2], blocks[4], CLOSING], (asker, dropped)


STORY_QUESTION = (
    "But can the coalition, split over fishing and the budget, hold together until the vote "
    "in June?"
)


def test_a_storys_own_question_under_one_labelled_exchange_stays() -> None:
    # One question answered under a name is the story's exchange, not an interview: its
    # question and the story's own question further down stay. (A short one with no
    # clause, "Can the coalition hold together?", goes as a subhead, as before.)
    exchange = "Question: Will the deal pass the parliament before the summer?"
    kept, _ = _clean(
        LEDE,
        exchange,
        "Doe: We believe it will, because the votes are there already and the opposition "
        "has said so.",
        "The vote is due in June, three weeks before the summit in Oxenburg.",
        STORY_QUESTION,
        "Analysts are divided, with some pointing to the record of the last two governments.",
        AFTER,
        title="Coalition faces the vote",
    )
    assert exchange in kept
    assert STORY_QUESTION in kept


def test_a_storys_own_question_with_a_clause_in_an_interview_stays() -> None:
    blocks = _asked_and_answered(
        "Daily Courier: ",
        "Jane Doe: ",
        "Why has your government backed the port deal?",
        "When will the first contracts be signed?",
    )
    kept, _ = _clean(
        *blocks[:-1],
        STORY_QUESTION,
        "Analysts are divided, with some pointing to the record of the last two governments.",
        title="The minister on the port deal",
    )
    assert STORY_QUESTION in kept
    assert blocks[1] not in kept and blocks[3] not in kept


def test_a_lead_in_to_what_was_said_over_no_quotation_goes() -> None:
    for lead_in, under in (
        ("Here's what they said:", ["Advertisement", "Share this article"]),
        ("Here are his full remarks:", ["Watch the video"]),
    ):
        kept, _ = _clean(LEDE, AFTER, lead_in, *under, title="Leaders weigh in")
        assert lead_in not in kept, lead_in
