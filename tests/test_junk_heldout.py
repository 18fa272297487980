"""Shapes met on a held-out set of real scraped pages nobody on the project tuned on,
written here (none of their wording is kept)."""

from __future__ import annotations

from pathlib import Path

from junkcheck import cleaned as _clean
from junkcheck import lede as _lede

from briefing_site.cli import main

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
