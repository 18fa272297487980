"""A third round of broken sites, as editors and careless scripts make them: each gets
`path:line: message` saying what to do, exit 1, and the previous build/ byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site
from filetree import tree
from htmlcheck import Page

NOW = "2025-02-05T10:00:00-05:00"
GOOD = {"content/good.md": "---\ntitle: Good\n---\nFine text about trade.\n"}
EXTENDS = "{% extends 'base.html' %}\n{% block main %}\n"
BRIEFING_FIELDS = "it has: meta, source, lede, sections, placements, countdown"

CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    # It read "not UTF-8 (byte 14: 0xe9)": no fix, and no letter to look for.
    "an article saved as Latin-1 is told the letter and to save it as UTF-8": (
        {"content/a.md": "---\ntitle: Café\n---\nBody.\n".encode("latin-1")},
        ["content/a.md:2: not UTF-8 (byte 14: 0xe9, 'é' in Windows-1252): save it again as UTF-8"],
    ),
    "a byte no Windows-1252 letter has is told the fix alone": (
        {"content/a.txt": b"Leaders \x81 met.\n", "content/a.yaml": "title: T\n"},
        ["content/a.txt:1: not UTF-8 (byte 8: 0x81): save it again as UTF-8"],
    ),
    # Templates read their bytes apart from articles: Notepad's "Unicode" was
    # "not UTF-8 (byte 0: 0xff)" there, where an article's says what it is.
    "a template saved as UTF-16 is named as such, as an article is": (
        {"templates/briefing.html": (EXTENDS + "{% endblock %}\n").encode("utf-16")},
        ["templates/briefing.html:1: saved as UTF-16, not UTF-8: save it again as UTF-8"],
    ),
    # It read "'briefing_site.build.lazy.LazyBriefing object' has no attribute 'title'"
    # from build and "'briefing_site.model.Briefing object' ..." from check.
    "a template asking a briefing for its title is pointed at meta.title": (
        {"templates/briefing.html": EXTENDS + "<h1>{{ briefing.title }}</h1>\n{% endblock %}\n"},
        [
            "templates/briefing.html:3: template error: Briefing has no attribute 'title' "
            f"(did you mean 'meta.title'?); {BRIEFING_FIELDS}"
        ],
    ),
    "a misspelt metadata field gets the spelling meant": (
        {"templates/briefing.html": EXTENDS + "{{ briefing.meta.sumary }}\n{% endblock %}\n"},
        [
            "templates/briefing.html:3: template error: Metadata has no attribute 'sumary' "
            "(did you mean 'summary'?); it has: title, slug, summary, date, updated, event, "
            "people, tags, tag_names, sources, draft, sections, drop, keep, image, author, "
            "language, named_tags"
        ],
    ),
    # The list named `unworded_topics`, the linter's own bookkeeping, as if pages had it.
    "a missing site field lists only what a template can use": (
        {"templates/briefing.html": EXTENDS + "{{ site.titel }}\n{% endblock %}\n"},
        [
            "templates/briefing.html:3: template error: SiteConfig has no attribute 'titel' "
            "(did you mean 'title'?); it has: title, description, base_url, language, "
            "timezone, author, topics, junk_patterns, page_size, publisher, image, cname, "
            "google_news, search, search_shard_size, allow_raw_html_unsafe"
        ],
    ),
    # It read "'None' has no attribute 'start'": the article without an event was the cause.
    "a field of an event an article does not have says to test for it": (
        {"templates/briefing.html": EXTENDS + "{{ briefing.meta.event.start }}\n{% endblock %}\n"},
        [
            "templates/briefing.html:3: template error: none has no attribute 'start': the "
            "value before it is empty on this page; draw it inside {% if ... %}"
        ],
    ),
    # These linked to nowhere (`https:///story`, a slash too many) or read "None is no
    # source" for a `- ` left empty.
    "a source URL naming no site, or an empty entry, is named at its line": (
        {
            "content/a.txt": "Leaders met.\n",
            "content/a.yaml": "title: T\nsources:\n  - https:///story\n  - https://\n"
            "  - {title: NHK, url: 'http://:8080/x'}\n  - https://nhk.example:8080/x\n  -\n",
        },
        [
            "content/a.yaml:3: sources: 'https:///story' names no site after https://: "
            "write it as https://example.org/story",
            "content/a.yaml:4: sources: 'https://' names no site after https://: "
            "write it as https://example.org/story",
            "content/a.yaml:5: sources: 'http://:8080/x' names no site after http://: "
            "write it as https://example.org/story",
            "content/a.yaml:7: sources: an empty '- ' entry is no source: write a URL, "
            "or {title: ..., url: ...}",
        ],
    ),
    # The second topic's heading went to the first topic listed, with no word.
    "a heading two topics of the site name is named at the second": (
        {
            "briefing.yaml": "topics:\n  economy: {title: Money, aliases: [Trade]}\n"
            "  defense: {aliases: [trade, 'money']}\n"
        },
        [
            "briefing.yaml:3: topic 'defense': the heading 'trade' already places "
            "paragraphs in 'economy': give it to one topic",
            "briefing.yaml:3: topic 'defense': the heading 'money' already places "
            "paragraphs in 'economy': give it to one topic",
        ],
    ),
    # `[{trade: 2}]` made the cue "{'trade': 2}", which no paragraph holds; an empty
    # site or topic title made pages titled "Good · " and an empty section heading.
    "a cue list holding a mapping, and empty titles, are named": (
        {
            "briefing.yaml": "title: ''\ntopics:\n  economy: {words: [{trade: 2}, tariff]}\n"
            "  defense: {words: [army, ~]}\n  history: {title: ' '}\n"
        },
        [
            "briefing.yaml:1: title: is empty: write the site's name, or delete the line "
            "to use the default",
            "briefing.yaml:3: topic 'economy': words: {'trade': 2} is not a word: write "
            "words: [a, b], or words: {a: 2, b: 1} to weigh them",
            "briefing.yaml:4: topic 'defense': words: an empty entry is not a word: write "
            "words: [a, b], or words: {a: 2, b: 1} to weigh them",
            "briefing.yaml:5: topic 'history': title is empty: write the section's heading",
        ],
    ),
    # The reader leaves `topics:` empty when the line under it is refused: it also read
    # "topics: is empty: give it a value", sending the editor to write what is there.
    "a setting over a line indented with a tab is not also called empty": (
        {"briefing.yaml": "title: S\ntopics:\n\teconomy: {}\ntimezone:\n"},
        [
            "briefing.yaml:3: invalid YAML: while scanning for the next token found character "
            "that cannot start any token; YAML indents with spaces, not tabs: replace the tab "
            "with spaces",
            "briefing.yaml:4: timezone: is empty: give it a value, or delete the line to use "
            "the default",
        ],
    ),
    # Drawing stops at the first template that fails: the second took another build.
    "every broken template override is named in one run, with the content's problems": (
        {
            "content/bad.md": "---\ntitle: Bad\ndate: 2025-13-01\n---\nText.\n",
            "templates/briefing.html": EXTENDS + "{{ briefing.meta.title }\n{% endblock %}\n",
            "templates/index.html": EXTENDS + "{% if page %}\n{% endblock %}\n",
            "templates/_card.html": "<p>\n\xe9</p>\n".encode("latin-1"),
        },
        [
            "content/bad.md:3: date: '2025-13-01': there is no month 13",
            "templates/_card.html:2: not UTF-8 (byte 4: 0xe9, 'é' in Windows-1252): "
            "save it again as UTF-8",
            "templates/briefing.html:3: template syntax error: unexpected '}'",
            "templates/index.html:4: template syntax error: Encountered unknown tag "
            "'endblock'. You probably made a nesting mistake. Jinja is expecting this tag, "
            "but currently looking for 'elif' or 'else' or 'endif'. The innermost block "
            "that needs to be closed is 'if'; the 'if' left open is at line 3",
        ],
    ),
}


@pytest.mark.parametrize(("files", "expected"), list(CASES.values()), ids=list(CASES))
def test_broken_site_is_reported_with_the_fix_and_previous_build_kept(
    tmp_path: Path, files: dict[str, str | bytes], expected: list[str]
) -> None:
    site = write_site(tmp_path / "site", GOOD)
    assert run_cli("build", "-q", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    write_site(site, files)
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert (result.code, result.err.splitlines(), result.out) == (1, expected, ""), command
    assert tree(site / "build") == before


def test_a_template_override_with_a_byte_order_mark_builds_without_it(tmp_path: Path) -> None:
    """A BOM an editor saved before `{% extends %}` is dropped as an article's is, not
    written into every page ahead of its doctype."""
    template = b"\xef\xbb\xbf" + (EXTENDS + "<p>Own</p>{% endblock %}\n").encode()
    site = write_site(tmp_path / "site", {**GOOD, "templates/briefing.html": template})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    page = (site / "build/briefings/good/index.html").read_bytes()
    assert page.startswith(b"<!doctype html>") and b"<p>Own</p>" in page


def test_an_editors_html_comment_never_reaches_the_reader(tmp_path: Path) -> None:
    """`<!-- check the figure -->` and Hugo's `<!--more-->` are left out of the page, as
    Markdown leaves them: with raw HTML off they were shown as text, a private note
    among the paragraphs. A comment that is all of the text is no article text; one in
    a code span or a fenced block is code, and stays."""
    body = (
        "Leaders met on Friday. <!-- check the day with the desk -->\n<!--more-->\n\n"
        "Use `<!-- -->` to hide a line.\n\n```\n<!-- shown -->\n```\n"
    )
    site = write_site(tmp_path / "site", {"content/a.md": f"---\ntitle: T\n---\n{body}"})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    page = (site / "build/briefings/a/index.html").read_text()
    assert "desk" not in page and "more--" not in page
    assert "Leaders met on Friday." in page
    assert "<code>&lt;!-- --&gt;</code>" in page and "&lt;!-- shown --&gt;" in page
    write_site(site, {"content/a.md": "---\ntitle: T\n---\n<!-- write the story -->\n"})
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert (result.code, result.err) == (
        1,
        "content/a.md:3: no article text after the front matter\n",
    )


def test_a_heading_the_site_gives_its_own_topic_is_taken_from_the_default_one(
    tmp_path: Path,
) -> None:
    """`## Energy` is one of economy's default headings: a site topic naming it as its
    own alias places the paragraphs under it there, not in economy listed above it."""
    settings = (
        "topics:\n  economy: {}\n"
        "  energy-policy: {title: Energy policy, aliases: [Energy], words: [oil]}\n"
    )
    article = "---\ntitle: T\n---\nLeaders met.\n\n## Energy\n\nOutput rose again.\n"
    site = write_site(tmp_path / "site", {"briefing.yaml": settings, "content/a.md": article})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    page = Page((site / "build/briefings/a/index.html").read_text())
    assert page.topics.get("energy-policy") == ["Output rose again."]


def test_import_given_a_folder_says_it_is_one(tmp_path: Path) -> None:
    """`import saved/` said "no such file" of a folder that is there."""
    site = write_site(tmp_path / "site", GOOD)
    (tmp_path / "saved").mkdir()
    result = run_cli("import", "-s", str(site), str(tmp_path / "saved"))
    assert (result.code, result.err.strip()) == (
        2,
        f"import: {tmp_path / 'saved'}: a folder: give one saved page or text file in it "
        "(.html, .txt), a URL or -",
    )
    assert sorted(p.name for p in (site / "content").iterdir()) == ["good.md"]


def test_html_comments_in_indented_code_are_code_and_empty_ones_end_at_once(
    tmp_path: Path,
) -> None:
    """Four spaces make code, where a comment is code to show (it was cut out of the
    code, or a block of only one was dropped). `<!-->` and `<!--->` are whole comments
    (CommonMark 0.31): the text up to the next `-->` was lost with them."""
    body = (
        "Leaders met.\n\n    first line\n    <!-- in code -->\n    last line\n\n"
        "    <!-- only code -->\n\nEmpty <!---> and <!----> and <!--> end.\n"
    )
    site = write_site(tmp_path / "site", {"content/a.md": f"---\ntitle: T\n---\n{body}"})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    page = (site / "build/briefings/a/index.html").read_text()
    assert "first line\n&lt;!-- in code --&gt;\nlast line" in page
    assert "<code>&lt;!-- only code --&gt;" in page
    assert "<p>Empty  and  and  end.</p>" in page


def test_a_comment_only_block_keeps_its_paragraph_number(tmp_path: Path) -> None:
    """Hugo's `<!--more-->` was paragraph 2 in `explain`, and the numbers editors wrote
    in `sections:` named paragraphs counted so: leaving it out of the page must not
    move `sections: {defense: [3]}` onto the paragraph after the one meant."""
    article = (
        "---\ntitle: T\nsections: {defense: [3]}\ndrop: [2]\n---\n\n"
        "Lede on the summit and tariffs.\n\n<!--more-->\n\n"
        "Troops and ammunition were discussed at length by the ministers.\n\n"
        "Farm goods and car tariffs dominate.\n"
    )
    site = write_site(tmp_path / "site", {"content/h.md": article})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    page = Page((site / "build/briefings/h/index.html").read_text())
    assert page.topics.get("defense") == [
        "Troops and ammunition were discussed at length by the ministers."
    ]
    assert "more--" not in (site / "build/briefings/h/index.html").read_text()
    shown = run_cli("explain", "-s", str(site), str(site / "content/h.md")).out
    assert "¶2   line 9    hidden    an HTML comment: not shown on the page" in shown
    assert "¶3   line 11   defense" in shown


def test_a_broken_override_no_page_draws_is_a_warning(tmp_path: Path) -> None:
    """A site with `search: false` and no events built with its theme's search page and
    event partial broken: reading every override first failed it. Such a one is a
    warning; once a page draws a broken one, all are named with the error."""
    site = write_site(
        tmp_path / "site",
        {
            **GOOD,
            "briefing.yaml": "search: false\n",
            "templates/search.html": EXTENDS + "{% if page %}\n{% endblock %}\n",
            "templates/_facts.html": "{{ briefing.meta.title }\n",
        },
    )
    unused = "(not used by this site now; fix it before a page draws it)"
    warned = [
        f"templates/_facts.html:1: warning: template syntax error: unexpected '}}' {unused}",
        "templates/search.html:4: warning: template syntax error: Encountered unknown tag",
    ]
    for command in ("check", "build"):
        result = run_cli(command, "-s", str(site), "--now", NOW)
        assert result.code == 0, (command, result.err)
        lines = [line for line in result.err.splitlines() if line.startswith("templates/")]
        assert [line[: len(want)] for line, want in zip(lines, warned, strict=True)] == warned
        assert lines[1].endswith(unused)
    write_site(site, {"templates/briefing.html": EXTENDS + "{% for %}\n{% endblock %}\n"})
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert result.code == 1
        assert [line.split(":")[0] for line in result.err.splitlines()] == [
            "templates/briefing.html",
            "templates/_facts.html",
            "templates/search.html",
        ]


def test_a_comment_spanning_blank_lines_is_left_out_whole(tmp_path: Path) -> None:
    """A `<!--` opening a block runs to its `-->` across blank lines, as CommonMark's
    HTML block does: it was shown in pieces as text, and a heading inside it placed the
    paragraphs after it. The numbers stay: the pieces were paragraphs 2 and 3."""
    article = (
        "---\ntitle: T\nsections: {defense: [4]}\n---\n\nLede on tariffs.\n\n"
        "<!--\nnote one\n\n## Economy\n\nnote two\n--> Tail after it.\n\nTroops moved in.\n"
    )
    site = write_site(tmp_path / "site", {"content/s.md": article})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    html = (site / "build/briefings/s/index.html").read_text()
    assert "note" not in html and "--&gt;" not in html and "&lt;!--" not in html
    page = Page(html)
    assert page.topics.get("defense") == ["Troops moved in."]
    assert "Tail after it." not in page.topics.get("economy", [])
    shown = run_cli("explain", "-s", str(site), str(site / "content/s.md")).out
    assert "¶2   line 8    hidden" in shown
    assert "¶3   line 14 " in shown and "Tail after it." in shown
