"""A reader in real Chromium: "Add to calendar" downloads the event, the JSON-LD parses.

The build for https://example.github.io/briefings/ is served under /briefings/
on 127.0.0.1, as GitHub Pages would serve it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest
from conftest import Run
from publishing import BASE_URL, NOW, serve, site_files

pytestmark = pytest.mark.browser  # launches Chromium: `pytest -m "not browser"` skips these


@pytest.fixture
def chromium(browser: Any) -> Any:
    """The session's one Chromium (conftest.browser)."""
    return browser


@pytest.fixture
def served(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> Iterator[str]:
    site = make_site(site_files())
    assert cli("build", "-s", str(site), "-b", BASE_URL, "--now", NOW).code == 0
    with serve(site / "build") as local:
        yield local


def test_add_to_calendar_downloads_the_event(chromium: Any, served: str, tmp_path: Path) -> None:
    context = chromium.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(served + "briefings/g7-kananaskis/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar").click()
    download = download_info.value
    assert download.suggested_filename == "g7-kananaskis.ics"
    saved = tmp_path / "event.ics"
    download.save_as(saved)
    (event,) = icalendar.Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == date(2025, 6, 15)
    context.close()


def test_browser_reads_the_json_ld_and_feed_links(chromium: Any, served: str) -> None:
    page = chromium.new_page()
    page.goto(served + "briefings/ishiba-trump-summit/")
    text = page.locator('script[type="application/ld+json"]').text_content()
    article = json.loads(text)
    assert article["@type"] == "NewsArticle" and article["about"]["@type"] == "Event"
    feeds = page.locator('link[rel="alternate"]').evaluate_all("ls => ls.map(l => l.href)")
    assert feeds == [BASE_URL + "feed.xml", BASE_URL + "feed.json"]
    page.close()
