"""axe-core finds nothing on any page type, in light and dark, on desktop and phone.

Every HTML file of the demo build is checked, so a page type added later (archives,
topics, tags) is covered the day it lands. Colour contrast is part of axe's rules,
which is how both colour schemes are held to WCAG AA.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import DEMO_NOW, Opened

pytestmark = pytest.mark.browser  # launches Chromium: `pytest -m "not browser"` skips these
AXE = Axe()
VIEWS: dict[str, dict[str, Any]] = {
    "light-desktop": {"color_scheme": "light", "viewport": {"width": 1280, "height": 800}},
    "dark-desktop": {"color_scheme": "dark", "viewport": {"width": 1280, "height": 800}},
    "dark-phone": {"color_scheme": "dark", "viewport": {"width": 360, "height": 740}},
}


def page_paths(build: Path) -> list[str]:
    """URL paths of every HTML page in a build ('' for the home page)."""
    paths = []
    for file in sorted(build.rglob("*.html")):
        path = file.relative_to(build).as_posix()
        paths.append(path.removesuffix("index.html"))
    return paths


def test_demo_build_has_every_page_type(demo_build: Path) -> None:
    assert {"", "404.html", "briefings/trade-talks/"} <= set(page_paths(demo_build))


@pytest.mark.parametrize("view", VIEWS)
def test_no_axe_violations_on_any_page(
    open_url: Callable[..., Opened], demo_build: Path, demo_url: str, view: str
) -> None:
    found = {}
    for path in page_paths(demo_build):
        page = open_url(demo_url + path, datetime.fromisoformat(DEMO_NOW), **VIEWS[view]).page
        page.clock.resume()  # axe waits on timers of its own
        results = AXE.run(page)
        if results.violations_count:
            found[path or "/"] = results.generate_report()
    assert found == {}
