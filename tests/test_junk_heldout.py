"""Shapes met on a held-out set of real scraped pages nobody on the project tuned on,
written here (none of their wording is kept)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

from briefing_site.cli import main
from briefing_site.content.load import split_text

TITLE = "Harbour states agree to share patrol boats"
STORY = (
    "The defence ministers of two harbour states agreed on Tuesday to share patrol boats "
    "along their common coast, a step both said would cut the cost of policing the fisheries."
)
MORE = "The boats will sail under a joint command from the spring, officials told reporters."
LATER = "A second round of talks, on radar stations, is due in the autumn."


def test_a_caption_printed_short_over_its_credit_then_in_full_does_not_lead() -> None:
    # A picture's alt text, its credit, then the full caption (the same words, then where
    # and when): neither copy is the story, and the story's first paragraph leads.
    alt = "Minister Ana Ruiz speaks to reporters at the harbour."
    full = (
        "Minister Ana Ruiz speaks to reporters at the harbour before the talks in Port "
        "Esk, March 4, 2025."
    )
    for credit in ("Jane Doe, Associated Press", "John Roe/Reuters"):
        texts = (TITLE, alt, credit, full, STORY, MORE, LATER)
        kept, dropped = _clean(*texts, title=TITLE)
        assert kept == [STORY, MORE, LATER], dropped
        assert _lede(*texts, title=TITLE) == STORY
    # The story may repeat a caption's words and go on to tell the news: someone said it,
    # or it runs past a caption's length. It stays, and leads.
    told = (
        "Minister Ana Ruiz speaks to reporters at the harbour every week, and on Tuesday she "
        "said the patrol deal signed on March 4, 2025, would save both states money."
    )
    texts = (TITLE, alt, "Jane Doe, Associated Press", told, MORE, LATER)
    kept, dropped = _clean(*texts, title=TITLE)
    assert kept == [told, MORE, LATER], dropped
    assert _lede(*texts, title=TITLE) == told


def test_an_icons_alt_text_goes_at_the_head_and_the_tail_of_the_page() -> None:
    head = "Chevron icon It marks a section that expands, or options for the next page. HOME"
    tail = "Close icon A cross of two lines. It indicates a button that closes this panel."
    kept, dropped = _clean(head, TITLE, STORY, MORE, LATER, tail, title=TITLE)
    assert kept == [STORY, MORE, LATER], dropped
    assert dropped[tail].startswith("a button's icon")
    assert _lede(head, TITLE, STORY, MORE, LATER, tail, title=TITLE) == STORY
    # "icon" as a person's standing, not a page's control: the story's.
    star = "Film icon Lena Moss waved to the crowd as the ministers left the harbour on Tuesday."
    kept, dropped = _clean(TITLE, STORY, star, LATER, title=TITLE)
    assert kept == [STORY, star, LATER], dropped


def test_a_wires_note_on_its_rights_and_its_paid_service_goes_below_the_story() -> None:
    paid = (
        "*The full text of the news item is available in the paid version of the Harbour "
        "Wire service. Subscription Form"
    )
    rights = (
        "*Harbour Wire reserves the copyright to the stories it files, which is granted to "
        "subscribers for their own use only."
    )
    kept, dropped = _clean(TITLE, STORY, MORE, paid, rights, "HWX: 12.40  0.3%", title=TITLE)
    assert kept == [STORY, MORE], dropped
    assert dropped[rights] == dropped[paid] == "the site's legal small print below the story"
    # The news of someone's rights, reported, is the story's, even at its end.
    claim = (
        "The shipping line said it reserves the copyright to the charts its crews drew, "
        "which it has granted to subscribers of its service."
    )
    kept, dropped = _clean(TITLE, STORY, MORE, claim, title=TITLE)
    assert kept == [STORY, MORE, claim], dropped


def test_a_built_page_leads_with_the_story_not_the_full_caption(tmp_path: Path) -> None:
    # What the editor sees: the briefing's lede holder holds the story's first paragraph.
    content = tmp_path / "content"
    content.mkdir()
    (content / "patrol.txt").write_text(
        "\n\n".join(
            (
                TITLE,
                "Minister Ana Ruiz speaks to reporters at the harbour.",
                "Jane Doe, Associated Press",
                "Minister Ana Ruiz speaks to reporters at the harbour before the talks in "
                "Port Esk, March 4, 2025.",
                STORY,
                MORE,
            )
        )
        + "\n",
        encoding="utf-8",
    )
    (content / "patrol.yaml").write_text(
        f"title: {TITLE}\ndate: 2025-03-05T09:00:00+00:00\n", encoding="utf-8"
    )
    assert main(["build", "-q", "-s", str(tmp_path), "--now", "2025-03-06T00:00:00Z"]) == 0
    page = (tmp_path / "build" / "briefings" / "patrol" / "index.html").read_text("utf-8")
    lede_at = page.index('data-topic="lede"')
    assert page.index("The defence ministers of two harbour states", lede_at) > lede_at
    assert "before the talks in Port Esk" not in page


# Hard-wrapped wire copy, as a scraper keeps it: the page's headline, byline and stamp on
# the lines over the story, in the same block.
HEADER = [
    "Island states agree to reopen ports to each other",
    "By Staff Writer",
    "Updated 6 May 2025",
]

LONG_STORY = [
    "ALDERPORT, May 6 (Harbour Wire) - The leaders of two neighbouring island states agreed "
    "on Tuesday to open their container ports to each other's shipping lines. The deal ends "
    "a dispute that had idled cargo vessels for months. It takes effect in January. "
    "Officials called it a turning point.",
    "The agreement sets up a joint committee to review harbour fees. It will meet every six "
    "months. Its first task is a common tariff for fuel. Both governments will name four "
    "members each.",
    "Trade between the two fell by a fifth last year. Exporters of fruit and fish were hit "
    "hardest. Some moved their cargo to a third port. Others stopped shipping altogether.",
    "Talks on a joint coast guard made little progress. The two sides still differ on "
    "command. They also differ on where the boats would be based. A further round is due "
    "in September.",
]


def _wrapped(paragraphs: list[str], width: int, between: str, indent: str = "") -> str:
    body = between.join(
        textwrap.fill(p, width, initial_indent=indent, break_on_hyphens=False) for p in paragraphs
    )
    return "\n".join(HEADER) + "\n" + body + "\n"


def _texts(text: str) -> list[str]:
    return [paragraph.text for paragraph in split_text(text)]


def test_wire_copy_wrapped_wide_under_its_headline_keeps_each_paragraph_whole() -> None:
    # Wrapped at 130 columns, paragraphs parted by blank lines, the headline and byline
    # over the first: the lede's last sentence, alone on its line, stays in the lede.
    story = LONG_STORY
    text = _wrapped(story, 130, "\n\n")
    assert _texts(text) == [*HEADER, *story]
    assert _lede(*_texts(text), title=HEADER[0]) == story[0]


def test_indented_wrapped_copy_is_not_parted_where_a_sentence_fills_its_line() -> None:
    # Each paragraph opens with an indent; a line ending a sentence one column past the
    # longest line that stops mid-sentence is still a wrapped line, not a paragraph's end.
    story = [
        "ALDERPORT, May 6 (Harbour Wire) - The leaders of two neighbouring island states agreed "
        "on Tuesday to open their container ports to each other's shipping lines.",
        "The agreement sets up a joint committee to review harbour fees. It will meet every six "
        "months. Its first task is a common tariff for fuel. Both governments will name four "
        "members each.",
        "Trade between the two fell by a fifth last year. Exporters of fruit and fish were hit "
        "hardest. Some moved their cargo to a third port. Others stopped shipping altogether.",
    ]
    text = _wrapped(story, 72, "\n", indent="   ")
    assert [t.strip() for t in _texts(text)] == [*HEADER, *story]


def test_wire_copy_in_one_sentence_paragraphs_parts_where_a_full_line_ends_one() -> None:
    # One newline between paragraphs of a sentence each: a paragraph whose last line
    # fills the width ends there, as its neighbours do; it is not run into the next.
    story = [
        "ALDERPORT, May 6 (Harbour Wire) - The leaders of two neighbouring island states agreed "
        "on Tuesday to open their container ports to each other's shipping lines from next "
        "year, ending a dispute that had idled cargo vessels for months.",
        "The deal, reached after two days of talks at a seaside conference centre, also sets "
        "up a joint committee to review harbour fees every six months, officials from both "
        "governments told reporters.",
        "Trade between the two fell by a fifth last year.",
        '"This is the agreement our exporters have been asking for," one of the leaders said '
        "at a closing news conference, adding that fishing quotas would be taken up at a "
        "further round in the autumn.",
        "Share prices of the region's two largest shipping firms rose on the news, and analysts "
        "said freight rates could fall by the end of the year if the ports reopen on time.",
        "By contrast, talks on a joint coast guard made little progress. Officials said the two "
        "sides still differed on who would command the boats and where they would be based.",
        "The next round is set for September.",
    ]
    for width in (100, 120):
        text = _wrapped(story, width, "\n")
        assert _texts(text) == [*HEADER, *story], width
        assert _lede(*_texts(text), title=HEADER[0]) == story[0]
    # A magazine's one long paragraph, wrapped at any width: a sentence that happens to
    # fill its line goes on in the same paragraph, as before.
    column = (
        "The two leaders are determined to meet this summer, but the island's parliament will "
        "balk until the harbour treaty is signed. Negotiators have not yet settled how fees are "
        "to be checked. Officials on both sides complain of delays. Even the place of a "
        "meeting is unsettled. A fire at the conference centre may move it to the capital. "
        "That would avoid a touchy problem. Aides have said they do not want the visitor to "
        "meet the opposition leader. The talks resume next month."
    )
    for width in range(60, 100):
        assert _texts(_wrapped([column], width, "\n")) == [*HEADER, column], width


def test_a_wires_bracketed_credit_under_a_full_last_line_is_not_run_into_the_story() -> None:
    # The credit opens in a bracket right under the story's last line, which fills the
    # width: it is a line of its own, and goes; the story keeps all its words.
    story = LONG_STORY
    credit = "(Reporting by Staff Writer; Editing by Desk Editor)"
    for width in (60, 90):
        text = _wrapped(story, width, "\n\n").rstrip("\n") + "\n" + credit + "\n"
        assert _texts(text) == [*HEADER, *story, credit], width
        kept, dropped = _clean(*_texts(text), title=HEADER[0])
        assert kept == story, dropped


def test_the_storys_short_paragraphs_under_an_ad_slot_or_a_caption_stay() -> None:
    # Wire copy runs one short sentence a paragraph; an ad slot, a share bar or a caption
    # between its paragraphs does not make the sentences under it the page's furniture.
    lede = (
        "ALDERPORT, May 6 (Harbour Wire) - The leaders of two neighbouring island states "
        "agreed on Tuesday to open their container ports to each other's shipping lines."
    )
    second = (
        "The deal, reached after two days of talks, also sets up a joint committee to review "
        "harbour fees every six months, officials told reporters."
    )
    tail = [
        "Trade between the two fell by a fifth last year.",
        "The next round of talks, on a joint coast guard, is set for September in the capital.",
    ]
    for slot in (
        "Advertisement",
        "Share on WhatsApp",
        "The two leaders shake hands in Alderport on Tuesday. | Photo: Harbour Wire",
    ):
        kept, dropped = _clean(TITLE, lede, second, slot, *tail, title=TITLE)
        assert kept == [lede, second, *tail], (slot, dropped)
    # A lone line under the furniture at the page's end is still its credit, and goes.
    credit = "Jane Doe reported from Alderport for Harbour Wire."
    kept, dropped = _clean(TITLE, lede, second, "Follow us on Google News", credit, title=TITLE)
    assert kept == [lede, second], dropped


def test_one_short_sentence_under_an_ad_slot_stays_and_an_also_read_line_goes() -> None:
    # A page sets its ad slot inside the story, never under it: the one short sentence
    # under "Advertisement" is the story's last. "Also read: <headline>" is a link line.
    lede = (
        "ALDERPORT, May 6 (Harbour Wire) - The leaders of two neighbouring island states "
        "agreed on Tuesday to open their container ports to each other's shipping lines."
    )
    second = "Trade between the two fell by a fifth last year, officials told reporters."
    last = "The next round of talks, on a joint coast guard, is set for September."
    link = "Also read: Ports reopen after a year of waiting"
    kept, dropped = _clean(TITLE, lede, link, second, "Advertisement", last, title=TITLE)
    assert kept == [lede, second, last], dropped
