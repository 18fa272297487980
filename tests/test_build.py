"""The embedded seed site, built through the CLI, against DESIGN.md's output contract."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEED_TXT, SEED_YAML, Run
from htmlcheck import Page

SEED_NOW = "2025-02-05T10:00:00-05:00"


@pytest.fixture
def seed_site(make_site: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_site(
        {
            "content/ishiba-trump-summit.txt": SEED_TXT.read_bytes(),
            "content/ishiba-trump-summit.yaml": SEED_YAML.read_bytes(),
        }
    )


def seed_paragraphs() -> list[str]:
    return SEED_TXT.read_text(encoding="utf-8").split("\n")


def test_seed_is_the_shared_seed_byte_for_byte() -> None:
    data = SEED_TXT.read_bytes()
    assert data.endswith(b"Loading...") and not data.endswith(b"\n")
    assert data.count(b"\n") == 5


def test_seed_builds_into_the_contracted_sections(seed_site: Path, cli: Callable[..., Run]) -> None:
    result = cli("build", "-s", str(seed_site), "--now", SEED_NOW)
    assert result.code == 0, result.err
    html = (seed_site / "build/briefings/ishiba-trump-summit/index.html").read_text()
    page = Page(html)
    lines = seed_paragraphs()
    assert page.topics == {
        "lede": [lines[0]],
        "economy": [lines[1]],
        "defense": [lines[2]],
        "history": [lines[3]],
        "outlook": [lines[4]],
    }
    for topic in ("economy", "defense", "history", "outlook"):
        assert page.find("section", id=topic, data_topic=topic), topic
    assert "Loading..." not in html
    assert "Loading..." not in (seed_site / "build/index.html").read_text()


def test_seed_countdown_before_the_summit(seed_site: Path, cli: Callable[..., Run]) -> None:
    assert cli("build", "-s", str(seed_site), "--now", SEED_NOW).code == 0
    page = Page((seed_site / "build/briefings/ishiba-trump-summit/index.html").read_text())
    (countdown,) = page.find("time", class_="countdown")
    assert countdown["data-state"] == "upcoming"
    assert countdown["datetime"] == "2025-02-07T11:55:00-05:00"
    assert "Starts in 2 days" in page.text  # 49 hours off: whole days until the last 48
    assert page.find("time", datetime="2025-02-07T11:55:00-05:00")


@pytest.mark.parametrize(
    ("now", "state", "words"),
    [
        ("2025-02-07T08:00:00-05:00", "today", "Today"),
        ("2025-02-07T23:30:00-05:00", "today", "Today"),
        ("2026-11-28T12:00:00+00:00", "past", "Took place 659 days ago"),
    ],
)
def test_seed_countdown_states(
    seed_site: Path, cli: Callable[..., Run], now: str, state: str, words: str
) -> None:
    assert cli("build", "-s", str(seed_site), "--now", now).code == 0
    page = Page((seed_site / "build/briefings/ishiba-trump-summit/index.html").read_text())
    (countdown,) = page.find("time", class_="countdown")
    assert countdown["data-state"] == state
    assert words in page.text


def test_home_page_features_the_briefing_in_full(seed_site: Path, cli: Callable[..., Run]) -> None:
    assert cli("build", "-s", str(seed_site), "--now", SEED_NOW).code == 0
    page = Page((seed_site / "build/index.html").read_text())
    assert sorted(page.topics) == ["defense", "economy", "history", "lede", "outlook"]
    assert page.find("link", rel="stylesheet", href="/assets/style.css")
    assert (seed_site / "build/assets/style.css").is_file()
    assert (seed_site / "build/assets/briefing.js").is_file()


def test_key_facts_show_three_zones_and_people(seed_site: Path, cli: Callable[..., Run]) -> None:
    assert cli("build", "-s", str(seed_site), "--now", SEED_NOW).code == 0
    page = Page((seed_site / "build/briefings/ishiba-trump-summit/index.html").read_text())
    text = " ".join(page.text.split())
    assert "Friday, February 7, 2025, 11:55 a.m. EST" in text
    assert "Saturday, February 8, 2025, 1:55 a.m. JST (Tokyo)" in text
    assert page.find("time", class_="local-time")
    assert "Shigeru Ishiba, Prime Minister of Japan" in text
    assert "The White House, Washington, D.C." in text


def test_two_builds_with_the_same_clock_are_byte_identical(
    seed_site: Path, cli: Callable[..., Run], tmp_path: Path
) -> None:
    def digest(folder: Path) -> dict[str, str]:
        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*")
            if p.is_file()
        }

    assert (
        cli("build", "-s", str(seed_site), "-o", str(tmp_path / "a"), "--now", SEED_NOW).code == 0
    )
    assert (
        cli("build", "-s", str(seed_site), "-o", str(tmp_path / "b"), "--now", SEED_NOW).code == 0
    )
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_source_date_epoch_fixes_the_clock(
    seed_site: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1738767600")  # 2025-02-05T10:00:00-05:00
    assert cli("build", "-s", str(seed_site)).code == 0
    assert "Starts in 2 days<" in (seed_site / "build/index.html").read_text()


def test_every_paragraph_appears_exactly_once(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    body = "\n\n".join(
        f"Paragraph number {n} talks about tariffs, missiles, 1960 and what comes next."
        for n in range(1, 13)
    )
    site = make_site({"content/many.md": f"---\ntitle: Many\n---\n{body}\n"})
    assert cli("build", "-s", str(site), "--now", SEED_NOW).code == 0
    page = Page((site / "build/briefings/many/index.html").read_text())
    found = [text for texts in page.topics.values() for text in texts]
    assert sorted(found) == sorted(p for p in body.split("\n\n"))


def test_markdown_headings_and_override_take_precedence(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    article = """---
title: Headings
sections: {history: [4]}
---
Leaders meet on Friday.

## What's next

Tariffs and trade dominate the agenda, with investment in factories.

## Security

Officials expect a deal next week.

Missiles and troops were the focus of talks in 1960.
"""
    site = make_site({"content/headings.md": article})
    assert cli("build", "-s", str(site), "--now", SEED_NOW).code == 0
    page = Page((site / "build/briefings/headings/index.html").read_text())
    assert page.topics == {
        "lede": ["Leaders meet on Friday."],
        "defense": ["Officials expect a deal next week."],
        "history": ["Missiles and troops were the focus of talks in 1960."],
        "outlook": ["Tariffs and trade dominate the agenda, with investment in factories."],
    }
    order = [a["id"] for t, a in page.elements if t == "section" and a.get("data-topic")]
    assert order == ["defense", "history", "outlook"]


def test_content_error_reports_path_line_and_keeps_previous_build(
    seed_site: Path, cli: Callable[..., Run]
) -> None:
    assert cli("build", "-s", str(seed_site), "--now", SEED_NOW).code == 0
    before = (seed_site / "build/index.html").read_bytes()
    (seed_site / "content/broken.md").write_text(
        "---\ntitle: Broken\nevent:\n  start: February 7\n---\nBody.\n"
    )
    result = cli("build", "-s", str(seed_site), "--now", SEED_NOW)
    assert result.code == 1
    assert result.err.startswith(
        "content/broken.md:4: event.start: 'February 7' is not an ISO 8601 date"
    )
    assert (seed_site / "build/index.html").read_bytes() == before


def test_drafts_are_left_out_unless_asked(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(
        {
            "content/a.md": "---\ntitle: Public\n---\nText.\n",
            "content/b.md": "---\ntitle: Secret draft\ndraft: true\n---\nText.\n",
        }
    )
    assert cli("build", "-s", str(site), "--now", SEED_NOW).code == 0
    assert not (site / "build/briefings/b").exists()
    assert cli("build", "-s", str(site), "--now", SEED_NOW, "--drafts").code == 0
    assert (site / "build/briefings/b/index.html").is_file()


def test_site_template_overrides_theme_and_can_extend_it(
    seed_site: Path, cli: Callable[..., Run]
) -> None:
    (seed_site / "templates").mkdir()
    (seed_site / "templates/briefing.html").write_text(
        '{% extends "theme/briefing.html" %}{% block head %}<meta name="x-site" content="custom">{% endblock %}'
    )
    assert cli("build", "-s", str(seed_site), "--now", SEED_NOW).code == 0
    html = (seed_site / "build/briefings/ishiba-trump-summit/index.html").read_text()
    assert '<meta name="x-site" content="custom">' in html and 'data-topic="economy"' in html


def test_base_url_sub_path_prefixes_internal_urls(seed_site: Path, cli: Callable[..., Run]) -> None:
    result = cli(
        "build",
        "-s",
        str(seed_site),
        "--now",
        SEED_NOW,
        "-b",
        "https://example.github.io/briefings/",
    )
    assert result.code == 0
    page = Page((seed_site / "build/briefings/ishiba-trump-summit/index.html").read_text())
    assert page.find("link", rel="stylesheet", href="/briefings/assets/style.css")
    assert page.find(
        "link",
        rel="canonical",
        href="https://example.github.io/briefings/briefings/ishiba-trump-summit/",
    )


def test_article_markdown_cannot_inject_script(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    body = (
        '<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror="alert(3)">\n'
    )
    site = make_site(
        {"content/x.md": f"---\ntitle: '</title><script>alert(4)</script>'\n---\n{body}"}
    )
    assert cli("build", "-s", str(site), "--now", SEED_NOW).code == 0
    html = (site / "build/briefings/x/index.html").read_text()
    assert "<script>alert" not in html and "javascript:" not in html
    # Raw HTML is shown as text, so no element carries the handler.
    assert not [a for _, attrs in Page(html).elements for a in attrs if a.startswith("on")]
