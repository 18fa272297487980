"""A reader finds their way in real Chromium: masthead, archive pages, topic links, draft marks.

The newsroom site is built for https://example.github.io/briefings/ and served
under /briefings/ on 127.0.0.1, as GitHub Pages would serve it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Run
from publishing import BASE_URL, serve
from test_site_structure import NEWSROOM, NOW

pytestmark = pytest.mark.browser  # launches Chromium: `pytest -m "not browser"` skips these


@pytest.fixture
def preview(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> Iterator[str]:
    site = make_site({**NEWSROOM, "briefing.yaml": "page_size: 4\n"})
    built = cli("build", "-s", str(site), "-b", BASE_URL, "--now", NOW, "--drafts")
    assert built.code == 0, built.err
    with serve(site / "build") as local:
        yield local


def test_reader_pages_through_the_archive_and_follows_a_topic(browser: Any, preview: str) -> None:
    page = browser.new_page()
    page.goto(preview)
    page.get_by_role("navigation", name="Site").get_by_role("link", name="All briefings").click()
    page.wait_for_url(preview + "briefings/")
    page.get_by_role("link", name="Next").click()
    page.wait_for_url(preview + "briefings/page/2/")
    assert page.locator('[aria-current="page"]').text_content() == "2"
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Defense").click()
    page.wait_for_url(preview + "topics/defense/")
    page.get_by_role("link", name="NATO summit").click()
    page.wait_for_url(preview + "briefings/nato-summit/#defense")
    section = page.locator("section#defense")
    assert section.is_visible() and "Defense paragraph of NATO summit." in section.inner_text()
    page.close()


def test_draft_and_scheduled_marks_are_visible(browser: Any, preview: str) -> None:
    page = browser.new_page()
    page.goto(preview + "briefings/secret-plan/")
    mark = page.locator('[data-status="draft"]')
    assert mark.is_visible() and mark.inner_text().strip().lower() == "draft"
    box = mark.bounding_box()
    assert box is not None and box["width"] > 10 and box["height"] > 5
    page.goto(preview + "briefings/embargoed/")
    assert page.locator('[data-status="scheduled"]').is_visible()
    page.goto(preview + "briefings/g7-summit/")
    assert page.locator("[data-status]").count() == 0
    page.close()
