"""Live reload and the error overlay in real Chromium, against a real preview server.

The test never navigates after the first load: every change it sees, the page
got by itself from the server's event stream.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_TXT, SEED_YAML, write_site
from liveserver import article, long_article, port_of, serving

pytestmark = pytest.mark.browser  # launches Chromium: `pytest -m "not browser"` skips these

WAIT_MS = 15_000
OVERLAY = "#briefing-site-problems"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "content/seed.txt": SEED_TXT.read_bytes(),
            "content/seed.yaml": SEED_YAML.read_bytes(),
            "content/alpha.md": long_article("Alpha talks"),
        },
    )


@dataclass
class Preview:
    """An open page on a running preview, with what it logged and fetched."""

    page: Any
    root: str
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)


@pytest.fixture
def preview(browser: Any) -> Iterator[Callable[..., Preview]]:
    """Open `path` of a preview of `site`; pages close before their servers stop."""
    with ExitStack() as stack:

        def open_(site: Path, path: str, base_url: str | None = None) -> Preview:
            running = stack.enter_context(serving(site, base_url))
            context = browser.new_context()
            stack.callback(context.close)
            opened = Preview(context.new_page(), f"http://127.0.0.1:{port_of(running)}/")
            page = opened.page
            page.on("console", lambda m: _console(m) and opened.errors.append(m.text))
            page.on("pageerror", lambda error: opened.errors.append(str(error)))
            page.on("requestfailed", lambda r: _failed(r) and opened.failed.append(r.url))
            page.on("response", lambda r: r.status >= 400 and opened.failed.append(r.url))
            page.on("load", lambda: opened.loads.append(page.url))
            page.goto(opened.root + path.lstrip("/"), wait_until="load")
            return opened

        yield open_


def _console(message: Any) -> bool:
    """An error the page logged; the theme has no favicon, so Chromium's miss is no error."""
    return bool(message.type == "error" and "favicon.ico" not in message.location.get("url", ""))


def _failed(request: Any) -> bool:
    """A request that failed, other than those a reload cancels.

    A reload cuts off the event stream, and any fetch still in flight (the
    favicon, say) ends as `net::ERR_ABORTED`; a server fault shows as another
    error or as a status of 400 or more, which the response hook records.
    """
    if request.url.endswith("/__briefing-site__/events"):
        return False
    return "ERR_ABORTED" not in (request.failure or "")


def _heading(page: Any) -> str:
    return str(page.locator("h1").first.text_content())


def test_an_edited_article_shows_in_the_open_page(site: Path, preview: Any) -> None:
    opened = preview(site, "/briefings/alpha/")
    page = opened.page
    assert "Alpha talks" in _heading(page)
    (site / "content/alpha.md").write_text(long_article("Alpha talks resume"))
    page.wait_for_function(
        "document.querySelector('h1').textContent.includes('resume')", timeout=WAIT_MS
    )
    page.wait_for_function("document.title.includes('resume')", timeout=WAIT_MS)
    assert page.url == opened.root + "briefings/alpha/"
    assert opened.errors == [] and opened.failed == [], opened.failed


def test_an_edit_keeps_the_scroll_position(site: Path, preview: Any) -> None:
    page = preview(site, "/briefings/alpha/").page
    page.evaluate("window.scrollTo(0, 1200)")
    page.wait_for_function("window.scrollY === 1200")
    (site / "content/alpha.md").write_text(long_article("Alpha talks, day two"))
    page.wait_for_function(
        "document.querySelector('h1').textContent.includes('day two')", timeout=WAIT_MS
    )
    page.wait_for_function("Math.abs(window.scrollY - 1200) <= 2", timeout=WAIT_MS)


def test_the_countdown_keeps_ticking_after_an_edit(site: Path, preview: Any) -> None:
    """The edit is swapped into the open page, and the theme's script sets up the new content."""
    opened = preview(site, "/briefings/seed/")
    page = opened.page
    page.clock.install(time="2025-02-06T23:58:00-05:00")  # two minutes before the day
    page.reload(wait_until="load")
    page.evaluate("window.loadedBefore = true")
    good = (site / "content/seed.yaml").read_text()
    (site / "content/seed.yaml").write_text(good.replace('title: "', 'title: "Edited: ', 1))
    page.wait_for_function(
        "document.querySelector('h1').textContent.includes('Edited:')", timeout=WAIT_MS
    )
    assert page.evaluate("window.loadedBefore")  # swapped in place, not reloaded
    countdown = page.locator("main time.countdown").first
    assert "minute" in str(countdown.text_content())
    page.clock.run_for(180_000)
    assert countdown.text_content() == "Today"
    assert opened.errors == [] and opened.failed == [], opened.failed


def test_a_theme_script_that_does_not_set_up_swapped_content_gets_a_reload(
    site: Path, preview: Any
) -> None:
    """A site's own briefing.js without the swap marker keeps working after an edit.

    The script finds the countdowns once, on load, as a script written before
    in-place swaps would: swapped content would leave it working on detached
    elements, so the page is reloaded and the script runs again.
    """
    (site / "templates/static").mkdir(parents=True)
    (site / "templates/static/briefing.js").write_text(
        "(() => {\n"
        '  const found = [...document.querySelectorAll("time.countdown")];\n'
        "  let ticks = 0;\n"
        "  setInterval(() => {\n"
        "    ticks += 1;\n"
        "    for (const el of found) el.textContent = `Custom tick ${ticks}`;\n"
        "  }, 200);\n"
        "})();\n"
    )
    opened = preview(site, "/briefings/seed/")
    page = opened.page
    ticking = "document.querySelector('main time.countdown').textContent.startsWith('Custom tick')"
    page.wait_for_function(ticking, timeout=WAIT_MS)
    page.evaluate("window.loadedBefore = true")
    good = (site / "content/seed.yaml").read_text()
    (site / "content/seed.yaml").write_text(good.replace('title: "', 'title: "Edited: ', 1))
    page.wait_for_function(
        "document.querySelector('h1').textContent.includes('Edited:')", timeout=WAIT_MS
    )
    page.wait_for_function(ticking, timeout=WAIT_MS)
    assert not page.evaluate("window.loadedBefore")  # reloaded, so the script ran again
    assert opened.errors == [] and opened.failed == [], opened.failed


def test_a_template_with_its_own_script_reloads_so_the_script_runs(
    site: Path, preview: Any
) -> None:
    """Scripts in swapped content never run, so a page with one is reloaded instead."""
    (site / "templates").mkdir()
    (site / "templates/briefing.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ briefing.meta.title }}</h1>\n'
        '<p id="set-up"></p><script>document.getElementById("set-up").textContent = "ran";'
        "</script>\n{% endblock %}\n"
    )
    page = preview(site, "/briefings/alpha/").page
    assert page.locator("#set-up").text_content() == "ran"
    (site / "content/alpha.md").write_text(long_article("Alpha talks resume"))
    page.wait_for_function(
        "document.querySelector('h1').textContent.includes('resume')", timeout=WAIT_MS
    )
    page.wait_for_function(
        "document.getElementById('set-up')?.textContent === 'ran'", timeout=WAIT_MS
    )


def test_a_broken_metadata_file_shows_an_overlay_until_fixed(site: Path, preview: Any) -> None:
    page = preview(site, "/briefings/seed/").page
    assert "Ishiba" in _heading(page)
    good = (site / "content/seed.yaml").read_text()
    (site / "content/seed.yaml").write_text(good.replace("date:", "when:", 1))
    overlay = page.locator(OVERLAY)
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    text = str(overlay.text_content())
    assert "content/seed.yaml:" in text and "unknown key 'when'" in text
    assert "Ishiba" in _heading(page)  # still the last good build underneath
    (site / "content/seed.yaml").write_text(good.replace('title: "', 'title: "Fixed: ', 1))
    page.wait_for_function(
        "document.querySelector('h1').textContent.includes('Fixed:')", timeout=WAIT_MS
    )
    assert page.locator(OVERLAY).count() == 0


def test_a_template_error_names_the_template_and_line(site: Path, preview: Any) -> None:
    page = preview(site, "/briefings/alpha/").page
    (site / "templates").mkdir()
    (site / "templates/briefing.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ briefing.meta.title }</h1>\n'
        "{% endblock %}\n"
    )
    overlay = page.locator(OVERLAY)
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert "templates/briefing.html:3: template syntax error" in str(overlay.text_content())
    (site / "templates/briefing.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>Custom: {{ briefing.meta.title }}</h1>\n'
        "{% endblock %}\n"
    )
    page.wait_for_function(
        "document.querySelector('h1').textContent.startsWith('Custom:')", timeout=WAIT_MS
    )
    assert page.locator(OVERLAY).count() == 0


def test_under_a_sub_path_pages_assets_and_reload_all_work(site: Path, preview: Any) -> None:
    opened = preview(site, "/repo/", base_url="https://user.github.io/repo/")
    page = opened.page
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 0
    (site / "content/beta.md").write_text(article("Beta summit", date="2025-02-01T00:00:00Z"))
    page.wait_for_function("document.body.textContent.includes('Beta summit')", timeout=WAIT_MS)
    page.click("text=Beta summit")
    page.wait_for_url(opened.root + "repo/briefings/beta/")
    (site / "content/beta.md").write_text(article("Beta summit moved", date="2025-02-01T00:00:00Z"))
    page.wait_for_function("document.body.textContent.includes('summit moved')", timeout=WAIT_MS)
    assert opened.errors == [] and opened.failed == [], opened.failed
    assert all(url.startswith(opened.root + "repo/") for url in opened.loads)
