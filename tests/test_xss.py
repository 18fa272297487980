"""Untrusted text stays text: hostile articles and metadata, checked in the BUILT files.

Every HTML file the build writes is parsed the way a browser would see it:
no script but the theme's own, no handler attribute, no URL with a scheme
other than http, https, mailto or none. The hostile strings must still be
there as visible text, not silently dropped or mangled.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_cli, write_site

NOW = "2025-02-05T10:00:00-05:00"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "srcset"}
BANNED = {"iframe", "object", "embed", "base", "form", "frame", "frameset", "applet", "svg", "math"}
SAFE_SCHEMES = {"http", "https", "mailto"}
THEME_SCRIPTS = ("assets/briefing.js", "assets/search.js")  # the search page's, only there

# Each of these must reach the page only as inert text or a dropped link.
JAVASCRIPT_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;vascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#9;script:alert(1)",
    "&#0000106avascript:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]
BODY = "\n\n".join(
    [
        "Intro paragraph with <script>alert('raw')</script> in it.",
        '<iframe src="https://evil.example/"></iframe>',
        '<img src=x onerror="alert(3)"> and <a href="javascript:alert(4)">raw link</a>',
        '<div onmouseover="alert(5)">hover</div>',
        *(f"Inline [link {n}]({url}) here." for n, url in enumerate(JAVASCRIPT_URLS)),
        *(
            f"Reference [ref {n}][r{n}] here.\n\n[r{n}]: {url}"
            for n, url in enumerate(JAVASCRIPT_URLS)
        ),
        "Autolink <javascript:alert(6)> and <vbscript:msgbox(7)> and <data:text/html,x>.",
        "Image ![pic](javascript:alert(8)) and [ok](https://example.com/ok) and [rel](../x).",
        "Style <style>body{background:url(javascript:alert(9))}</style> and `<script>code</script>`.",
        "<svg onload=alert(10)><math><mi xlink:href='javascript:alert(11)'>x</mi></math></svg>",
        "Comment <!-- <script>alert(12)</script> --> and <![CDATA[<script>alert(13)</script>]]>.",
    ]
)
TITLE = "</title><script>alert('title')</script> & \"quotes\" 'n' <b>bold</b>"
SUMMARY = "\"><img src=x onerror=alert('summary')> </script><!--"
META = f"""\
title: {json.dumps(TITLE)}
summary: {json.dumps(SUMMARY)}
tags: [safe]
image: "https://example.com/a.png?\\"><script>alert('image')</script>"
author: "</script><script>alert('author')</script>"
people:
  - {{name: "<script>alert('person')</script>", role: "\\" onmouseover=\\"alert(1)"}}
sources:
  - {{title: "</a><script>alert('source')</script>", url: "https://example.com/?q=<script>&x=\\"y"}}
event:
  name: "</script><script>alert('event')</script>"
  start: 2025-02-07T11:55:00-05:00
  timezone: America/New_York
  location: "\\u2028</script>\\nBEGIN:VEVENT\\nSUMMARY:injected\\nEND:VEVENT"
"""


class Audit(HTMLParser):
    """Records what a browser would execute or follow in one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in BANNED and not theme_search_form(tag, attributes):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value is not None and not safe_url(value):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style":
                self.problems.append(f"<{tag} style=...>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("meta refresh")
        if tag == "script":
            self._script = attributes
            self.scripts.append((attributes, ""))
        if tag == "style":
            self.problems.append("<style> element")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)
        else:
            self.text.append(data)


def theme_search_form(tag: str, attributes: dict[str, str | None]) -> bool:
    """The theme's own search box: a GET form to the site's search page, nothing else."""
    return (
        tag == "form"
        and attributes.get("role") == "search"
        and attributes.get("method") == "get"
        and (attributes.get("action") or "").endswith("/search/")
    )


def safe_url(value: str) -> bool:
    """What a browser does with the decoded value: drop tabs and newlines, trim, read the scheme."""
    cleaned = re.sub(r"[\t\n\r]", "", value).lstrip("".join(map(chr, range(33)))).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return match is None or match.group(1) in SAFE_SCHEMES


def audit_html(path: Path, html: str) -> Audit:
    audit = Audit()
    audit.feed(html)
    audit.close()
    for attributes, text in audit.scripts:
        kind = attributes.get("type")
        if kind == "application/ld+json":
            json.loads(text)  # whole: a title's </script> did not cut it short
        elif not (attributes.get("src") or "").endswith(THEME_SCRIPTS) or text.strip():
            audit.problems.append(f"script {attributes} {text[:60]!r}")
    return audit


def check_feed(path: Path) -> None:
    """A feed parses, and the HTML it carries (Atom `type="html"`, JSON Feed
    `content_html`) passes the same audit as a page."""
    if path.suffix == ".json":
        items = json.loads(path.read_text("utf-8")).get("items", [])
        fragments = [item.get("content_html", "") for item in items]
    else:
        root = ET.parse(path).getroot()
        fragments = [e.text or "" for e in root.iter() if e.get("type") in ("html", "xhtml")]
    for fragment in fragments:
        assert not audit_html(path, fragment).problems, path


def check_ics(path: Path) -> None:
    """Text is escaped per RFC 5545: no injected line starts a property or an event."""
    text = path.read_bytes().decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    lines = unfolded.split("\r\n")
    assert all(re.match(r"^[A-Z][A-Z0-9-]*[;:]", line) for line in lines if line), path
    events = sum(line.startswith("UID:") for line in lines)
    assert sum(line == "BEGIN:VEVENT" for line in lines) == events
    assert not any(line.startswith("SUMMARY:injected") for line in lines)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = write_site(
        tmp_path_factory.mktemp("xss") / "site",
        {
            "content/hostile.md": f"---\n{META}---\n{BODY}\n",
            # Hostile markup inside prose: lines of bare markup are page junk and dropped.
            "content/wire.txt": "The page showed <script>alert('txt')</script> in the middle "
            "of the story, officials said on Monday.\nThe link [x](javascript:alert(1)) sat in "
            "the next paragraph of the same article, they said.\n",
            "content/wire.yaml": f"title: {json.dumps(TITLE)}\nslug: wire\n",
        },
    )
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    return site / "build"


def html_files(built: Path) -> list[Path]:
    files = sorted(built.rglob("*.html"))
    assert built / "briefings/hostile/index.html" in files
    return files


def test_no_built_page_runs_script_or_follows_a_dangerous_url(built: Path) -> None:
    found = {
        str(path.relative_to(built)): audit_html(path, path.read_text("utf-8")).problems
        for path in html_files(built)
    }
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_hostile_text_is_shown_as_text_not_dropped(built: Path) -> None:
    page = built / "briefings/hostile/index.html"
    audit = audit_html(page, page.read_text("utf-8"))
    text = "".join(audit.text)
    for visible in (
        TITLE,
        SUMMARY,
        "<script>alert('raw')</script>",
        '<iframe src="https://evil.example/"></iframe>',
        "<script>alert('person')</script>",
        "</a><script>alert('source')</script>",
        "</script><script>alert('event')</script>",
    ):
        assert visible in text, visible
    wire = built / "briefings/wire/index.html"
    assert "<script>alert('txt')</script>" in "".join(audit_html(wire, wire.read_text()).text)


def test_title_and_description_are_quoted_and_whole(built: Path) -> None:
    html = (built / "briefings/hostile/index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and unescape(title.group(1)).startswith(TITLE)
    description = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert description is not None and unescape(description.group(1)) == SUMMARY


def test_safe_links_survive_sanitising(built: Path) -> None:
    html = (built / "briefings/hostile/index.html").read_text("utf-8")
    assert 'href="https://example.com/ok"' in html and 'href="../x"' in html


def test_json_ld_feeds_and_calendars_stay_whole(built: Path) -> None:
    for path in html_files(built):
        for attributes, text in audit_html(path, path.read_text("utf-8")).scripts:
            if attributes.get("type") == "application/ld+json":
                assert "</script" not in text.lower()
    for path in sorted([*built.rglob("*.xml"), *built.rglob("feed*.json")]):
        check_feed(path)
    for path in sorted(built.rglob("*.ics")):
        check_ics(path)


def test_raw_html_passes_only_with_the_unsafe_opt_in(tmp_path: Path) -> None:
    body = 'Plain <b>bold</b> and <span class="x">span</span>.'
    site = write_site(
        tmp_path / "site",
        {"content/a.md": f"---\ntitle: T\n---\n{body}\n", "briefing.yaml": ""},
    )
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    html = (site / "build/briefings/a/index.html").read_text()
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>" not in html
    (site / "briefing.yaml").write_text("allow_raw_html_unsafe: true\n")
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    html = (site / "build/briefings/a/index.html").read_text()
    assert '<b>bold</b> and <span class="x">span</span>' in html
