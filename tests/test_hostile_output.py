"""Hostile values that slip past a check and reach the output: each is refused with
`path:line: message`, exit 1, and the previous build stays as it was."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest
from conftest import run_cli, serve, write_site
from playwright.sync_api import Browser

from briefing_site.content.metadata import MAX_TAGS

NOW = "2025-02-05T10:00:00-05:00"
GOOD = (
    "---\ntitle: Summit\ndate: 2025-02-01T00:00:00Z\n---\nLeaders meet on Friday to talk trade.\n"
)


def built_site(tmp_path: Path) -> Path:
    site = write_site(tmp_path / "site", {"content/a.md": GOOD, "briefing.yaml": ""})
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    return site


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# YAML's "\n" escape, or a `|` block, puts a newline at a value's end; a check written
# with `re.match(r"^...$")` lets it through, since `$` also matches before a final newline.
TRAILING_NEWLINE = [
    ("content/a.md", '---\ntitle: Summit\nlanguage: "fr\\n"\n---\nLe sommet.\n', 3, "language"),
    (
        "content/a.md",
        '---\ntitle: Summit\nsources:\n  - {title: S, url: "https://x.org/\\n"}\n---\nText.\n',
        4,
        "sources: 'https://x.org/\\n' starts or ends with a space or line break",
    ),
    ("briefing.yaml", 'topics:\n  "economy\\n": {title: Economy}\n', 2, "economy"),
    ("briefing.yaml", 'cname: "news.example.org\\n"\n', 1, "cname"),
    ("briefing.yaml", 'language: "en\\n"\n', 1, "language"),
    ("briefing.yaml", 'image: "https://x.org/a.png\\n"\n', 1, "image"),
]


@pytest.mark.parametrize(("name", "text", "line", "word"), TRAILING_NEWLINE)
def test_a_value_ending_in_a_newline_is_refused_not_written(
    tmp_path: Path, name: str, text: str, line: int, word: str
) -> None:
    site = built_site(tmp_path)
    before = files_of(site / "build")
    (site / name).write_text(text, encoding="utf-8")
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1, result.err
    assert f"{name}:{line}: " in result.err and word in result.err, result.err
    assert files_of(site / "build") == before


# A share image is an http(s) URL or a path in the site. A browser reads a backslash as
# a slash, so `/\host/x.png` is `//host/x.png`: another site's file, written as our own.
SHARE_IMAGES = ["assets/share.png", "/\\evil.example/x.png", "\\\\evil.example/x.png"]


@pytest.mark.parametrize("image", SHARE_IMAGES)
def test_a_share_image_is_on_the_site_or_refused(
    tmp_path: Path, browser: Browser, image: str
) -> None:
    site = built_site(tmp_path)
    before = files_of(site / "build")
    meta = f"---\ntitle: Summit\nimage: {json.dumps(image)}\n---\nLeaders meet on Friday.\n"
    (site / "content/a.md").write_text(meta, encoding="utf-8")
    result = run_cli("build", "-s", str(site), "--now", NOW)
    if result.code != 0:  # refused: said where, and nothing written
        assert result.code == 1 and "content/a.md:3: image: " in result.err, result.err
        assert files_of(site / "build") == before
        return
    with serve(site / "build", path="/briefings/a/") as url:
        page = browser.new_page()
        page.goto(url)
        hosts = page.eval_on_selector_all(
            "meta[property='og:image'], meta[name='twitter:image']",
            "all => all.map(m => new URL(m.content, location.href).host)",
        )
        page.close()
    assert hosts and set(hosts) == {url.split("/")[2]}


# A site's template that hands a theme helper the wrong thing: the error is the template's,
# at its line, as any other template error is; never a traceback, nor a theme file's line.
EXTENDS = '{% extends "theme/briefing.html" %}\n{% block main %}\n'
MISUSED_HELPERS = [
    ("{{ url(none) }}", "'NoneType' object has no attribute"),
    ('{{ "2025-02-07"|iso }}', "'str' object has no attribute 'isoformat'"),
    ("{{ card(none) }}", "has no attribute 'meta'"),
    ("{{ calendar_url(none) }}", "has no attribute 'meta'"),
]


@pytest.mark.parametrize(("call", "message"), MISUSED_HELPERS)
def test_a_template_misusing_a_helper_is_a_located_error(
    tmp_path: Path, call: str, message: str
) -> None:
    site = built_site(tmp_path)
    before = files_of(site / "build")
    write_site(site, {"templates/briefing.html": f"{EXTENDS}<p>\n{call}\n</p>\n{{% endblock %}}\n"})
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert result.err.startswith("templates/briefing.html:4: template error: "), result.err
    assert message in result.err and "Traceback" not in result.err, result.err
    assert files_of(site / "build") == before


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_template_nested_too_deep_to_read_is_a_located_error(tmp_path: Path, jobs: str) -> None:
    """Jinja's parser recurses once per bracket: thousands nested ran out of Python's stack."""
    site = built_site(tmp_path)
    before = files_of(site / "build")
    deep = "(" * 3000 + "1" + ")" * 3000
    write_site(
        site, {"templates/briefing.html": f"{EXTENDS}<p>{{{{ {deep} }}}}</p>{{% endblock %}}\n"}
    )
    result = run_cli("build", "-s", str(site), "-j", jobs)
    assert (result.code, result.err.strip()) == (
        1,
        "templates/briefing.html: template nested too deeply to read",
    )
    assert files_of(site / "build") == before


@pytest.mark.parametrize(
    "where", ["templates/briefing.html", "content/b.md", "templates/static/x.css"]
)
def test_a_pipe_among_the_sites_files_is_refused_not_waited_on(tmp_path: Path, where: str) -> None:
    """Reading a named pipe waits for a writer that never comes: the build would hang."""
    site = built_site(tmp_path)
    before = files_of(site / "build")
    path = site / where
    path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    command = [sys.executable, "-m", "briefing_site", "build", "-s", str(site), "--now", NOW]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert f"{where}: not a regular file but a named pipe" in result.stderr, result.stderr
    assert files_of(site / "build") == before


def test_a_picture_shows_its_words_and_fetches_nothing(tmp_path: Path, browser: Browser) -> None:
    """No request leaves the site, so a picture is not shown; what it says stays, as text,
    where the picture was (a paragraph that was only a picture was left empty)."""
    body = (
        "Leaders met on Friday to discuss trade.\n\n"
        "![Trump greets Ishiba at the White House](https://images.example/a.jpg)\n\n"
        'See ![the tariff *chart* & <table>](https://images.example/c.png "t") below, '
        "and [![the schedule](https://images.example/s.png)](https://example.com/s).\n"
    )
    site = write_site(tmp_path / "site", {"content/a.md": f"---\ntitle: T\n---\n{body}"})
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    with serve(site / "build", path="/briefings/a/") as url:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url, wait_until="networkidle")
        paragraphs = page.eval_on_selector_all("main p", "all => all.map(p => p.textContent)")
        images = page.locator("img").count()
        page.close()
    assert "Trump greets Ishiba at the White House" in paragraphs
    assert "See the tariff *chart* & <table> below, and the schedule." in paragraphs
    assert "" not in paragraphs and images == 0
    assert all(seen.startswith(url.split("/briefings")[0]) for seen in requests), requests


def test_a_site_that_publishes_raw_html_keeps_its_pictures(tmp_path: Path) -> None:
    """`allow_raw_html_unsafe` publishes authors' HTML as written, pictures included."""
    body = "Leaders met.\n\n![Trump greets Ishiba](assets/a.jpg)\n"
    site = write_site(
        tmp_path / "site",
        {
            "briefing.yaml": "allow_raw_html_unsafe: true\n",
            "content/a.md": f"---\ntitle: T\n---\n{body}",
        },
    )
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    page = (site / "build/briefings/a/index.html").read_text("utf-8")
    assert '<img alt="Trump greets Ishiba" src="assets/a.jpg"' in page


# --- Every page of a site built from hostile articles, opened in Chromium ---------------

PWN = "window.pwned=1"
HOSTILE_BODY = [
    "Leaders meet on Friday to discuss trade, tariffs and investment in Washington.",
    f'<svg onload="{PWN}"><iframe srcdoc="<script>parent.pwned=1</script>"></iframe>',
    f"<math><mtext><table><mglyph><style><img src=x onerror={PWN}>",
    f'<form action="javascript:{PWN}"><button>go</button></form> '
    f'<meta http-equiv=refresh content="0;url=javascript:{PWN}"> <base href="https://evil.example/">',
    f'<p style="background:url(javascript:{PWN})">styled</p> <a href="&#x6A;avascript:{PWN}">x</a>',
    f"Links [a](java&#x0A;script:{PWN}) [b](<javascript:{PWN}>) [c](java\tscript:{PWN}) "
    f"[d](&#106;avascript:{PWN}) [e]( vbscript:{PWN}) [f](data:text/html,<script>{PWN}</script>)",
    f'![p](javascript:{PWN}) ![q](https://evil.example/t.png) [r](https://ex.org/"onmouseover="{PWN})',
    f'<noscript><p title="</noscript><img src=x onerror={PWN}>"></noscript> <!-- --!> <img src=x onerror={PWN}> -->',
    f"<template><img src=x onerror={PWN}></template> <object data=javascript:{PWN}></object>",
    f"Text with ]]> and <![CDATA[ x ]]> and \u2028 and <!-- and </script><script>{PWN}</script>.",
]
HOSTILE_TEXT = (
    f"</script><!--<script>{PWN}</script> ]]> \u2028 &amp; <img src=x onerror={PWN}>"
    "\r\nEND:VEVENT\r\nBEGIN:VALARM\nTRIGGER:-PT1M; a, b\\ \u00e9\U0001f600"
)


def yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar: JSON's, but for a character past U+FFFF,
    which JSON writes as two surrogate escapes and YAML wants as one `\\U` escape."""
    return "".join(
        f"\\U{ord(c):08x}" if ord(c) > 0xFFFF else json.dumps(c)[1:-1] for c in text
    ).join('""')


def hostile_site(root: Path) -> Path:
    text = yaml_quoted(HOSTILE_TEXT)
    meta = (
        f"title: {text}\nsummary: {text}\nauthor: {text}\ndate: 2025-02-04T09:00:00Z\n"
        f"tags: [{yaml_quoted('t ' + HOSTILE_TEXT)}]\npeople:\n  - {{name: {text}, role: {text}}}\n"
        f"sources:\n  - {{title: {text}, url: \"https://example.com/?a=<b>&c='d'\"}}\n"
        f"event:\n  name: {text}\n  start: 2025-02-07T11:55:00-05:00\n"
        f"  timezone: America/New_York\n  location: {text}\n"
    )
    wire = f"WASHINGTON - Talks opened with {HOSTILE_TEXT} on the agenda, officials said.\n"
    return write_site(
        root,
        {
            "briefing.yaml": "title: Hostile\nbase_url: https://example.org/\ngoogle_news: true\n",
            "content/hostile.md": f"---\n{meta}---\n" + "\n\n".join(HOSTILE_BODY) + "\n",
            "content/wire.txt": wire,
            "content/wire.yaml": meta,
        },
    )


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = hostile_site(tmp_path_factory.mktemp("hostile") / "site")
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    return site / "build"


def test_no_hostile_article_runs_script_or_reaches_another_host_in_chromium(
    hostile_build: Path, browser: Browser
) -> None:
    pages = sorted(p.relative_to(hostile_build).as_posix() for p in hostile_build.rglob("*.html"))
    assert "briefings/hostile/index.html" in pages and "briefings/wire/index.html" in pages
    pages += [f"search/?q={word}" for word in ("onerror", "pwned", "script")]
    seen: list[str] = []
    with serve(hostile_build) as origin:
        context = browser.new_context()
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(origin)
                else (seen.append(f"request {route.request.url}"), route.abort())
            ),
        )
        for path in pages:
            page = context.new_page()
            page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))
            page.goto(origin + path, wait_until="networkidle")
            if "?q=" in path:
                page.wait_for_selector("[data-search-results] li")
            page.mouse.move(5, 5)
            page.mouse.wheel(0, 3000)
            if page.evaluate("'pwned' in window") or page.url != origin + path:
                seen.append(f"{path}: pwned or navigated to {page.url}")
            page.close()
        context.close()
    assert seen == []


def test_hostile_text_reads_back_whole_from_the_calendars_and_feeds(hostile_build: Path) -> None:
    """A calendar app and a feed reader get the text as written: no injected property,
    alarm or event, nothing cut off at `]]>` or `</script>`."""
    shown = HOSTILE_TEXT.replace("\r\n", "\n")  # a CR LF is one line break
    for slug in ("hostile", "wire"):
        calendar = icalendar.Calendar.from_ical(
            (hostile_build / f"briefings/{slug}/{slug}.ics").read_bytes()
        )
        assert [c.errors for c in calendar.walk()] == [[], []]
        (event,) = calendar.walk("VEVENT")
        assert not calendar.walk("VALARM") and "ATTENDEE" not in event and "TRIGGER" not in event
        assert str(event["SUMMARY"]) == str(event["LOCATION"]) == shown
    atom = ET.parse(hostile_build / "feed.xml").getroot()
    titles = [e.text for e in atom.iter("{http://www.w3.org/2005/Atom}title")]
    feed = json.loads((hostile_build / "feed.json").read_text("utf-8"))
    assert titles[1:] == [shown, shown]  # an XML reader reads a CR LF as one line break
    assert [item["title"] for item in feed["items"]] == [HOSTILE_TEXT, HOSTILE_TEXT]
    news = ET.parse(hostile_build / "news-sitemap.xml").getroot()
    news_titles = news.iter("{http://www.google.com/schemas/sitemap-news/0.9}title")
    assert [e.text for e in news_titles] == [shown, shown]


def test_an_article_cannot_make_thousands_of_tag_pages(tmp_path: Path) -> None:
    """Each tag is a page: 20,000 tags in a 150 KB article made 164 MB of pages."""
    site = built_site(tmp_path)
    before = files_of(site / "build")
    tags = ", ".join(f"t{n}" for n in range(MAX_TAGS + 1))
    (site / "content/a.md").write_text(f"---\ntitle: T\ntags: [{tags}]\n---\nText.\n")
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert result.err.startswith(f"content/a.md:3: tags: {MAX_TAGS + 1} tags; at most {MAX_TAGS}")
    assert files_of(site / "build") == before
    spellings = ", ".join(["Trade", "trade", "TRADE"] * MAX_TAGS)  # one tag, however spelt
    (site / "content/a.md").write_text(f"---\ntitle: T\ntags: [{spellings}]\n---\nText.\n")
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0


def test_a_linked_template_cache_folder_never_loses_the_files_it_leads_to(tmp_path: Path) -> None:
    """The cache clears other versions' compiled templates: never a folder a link leads to,
    nor a file of any other name."""
    site = built_site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "important.txt").write_text("keep me\n")
    cached = site / ".briefing-cache/templates"
    shutil.rmtree(cached, ignore_errors=True)
    cached.parent.mkdir(exist_ok=True)
    cached.symlink_to(elsewhere, target_is_directory=True)
    (site / "content/b.md").write_text("---\ntitle: B\n---\nLeaders meet.\n")
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    assert (elsewhere / "important.txt").read_text() == "keep me\n"
    cached.unlink()
    cached.mkdir()
    (cached / "notes.txt").write_text("mine\n")
    (site / "content/b.md").write_text("---\ntitle: B\n---\nLeaders met.\n")
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    assert (cached / "notes.txt").read_text() == "mine\n"
