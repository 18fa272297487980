"""A sentence opened by a phrase and its comma, broken inside its subject's name.

In hard-wrapped copy ("Ahead of the talks, President of Seychelles Jane" / "Doe welcomed
...") the line is one paragraph with the next; in copy printed one paragraph a line a
headline, a caption or a subhead opening the same way stays a paragraph of its own.
"""

from __future__ import annotations

from briefing_site.content.load import split_text

WRAPPED = [
    "The ministers of the island states met in Victoria on Monday for the first of",
    "two days of talks on fishing rights, maritime security and the coral reefs.",
    "Ahead of the talks, President of Seychelles Jane",
    "Doe welcomed the Prime Minister of Mauritius on the quay at Victoria, where",
    "both leaders inspected a guard of honour before the first session of the day.",
    "Officials said the two sides hoped to agree on common catch limits for tuna",
    "and to set up a joint patrol of the waters between the two states by June.",
]


def _texts(lines: list[str]) -> list[str]:
    return [p.text for p in split_text("\n".join(lines) + "\n")]


def test_a_sentence_broken_inside_its_subjects_name_in_wrapped_copy_is_one_paragraph() -> None:
    joined = " ".join(WRAPPED[2:5])
    assert any(joined in text for text in _texts(WRAPPED))


def test_headlines_captions_and_subheads_opening_on_a_phrase_stay_apart_one_a_line() -> None:
    lede = (
        "Prime Minister John Roe of Mauritius met President Jane Doe of Seychelles in "
        "Victoria on Thursday, a day before the regional fisheries talks open."
    )
    more = "The two leaders discussed catch limits and the patrol of shared waters, officials said."
    for head in (
        "Ahead of Talks, Roe Meets Doe",  # a title-case headline
        "During the talks in Victoria, Prime Minister John Roe and President Jane Doe",  # caption
        "After the talks, questions for Jane Doe",  # a headline in sentence case
    ):
        assert _texts([head, lede, more])[:2] == [head, lede]
    subheads = [
        "After the Vote, Mauritius Decides",
        "Voters in Mauritius went to the polls on Sunday in a general election.",
        "During the Talks, Seychelles Waits",
        "Negotiators from Seychelles returned to the table in Port Louis on Monday.",
        "Following the Summit, Comoros Hopes",
        "Leaders left Moroni without agreement on the tuna quota for next year.",
    ]
    assert _texts(subheads) == subheads
