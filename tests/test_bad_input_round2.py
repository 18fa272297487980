"""A second blind round of broken sites, as users make them: each gets its exact
`path:line: message` with the fix, exit 1, and the previous build/ kept byte for byte."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli, write_site
from filetree import tree

NOW = "2025-02-05T10:00:00-05:00"
GOOD = {"content/good.md": "---\ntitle: Good\n---\nFine text.\n"}


def link(name: str, target: str) -> Callable[[Path], None]:
    def make(site: Path) -> None:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).symlink_to(target)

    return make


def files(entries: dict[str, str]) -> Callable[[Path], None]:
    return lambda site: write_site(site, entries) and None


CASES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "an article that is a symlink to a file moved away is named, not left out unseen": (
        link("content/summit.md", "old/summit.md"),
        [
            "content/summit.md: a symlink to 'old/summit.md', which leads to nothing: "
            "point it at the file, or remove it"
        ],
    ),
    "a theme template that is a symlink to nothing is named, not replaced by the default": (
        link("templates/_card.html", "card.html"),
        [
            "templates/_card.html: a symlink to 'card.html', which leads to nothing: "
            "point it at the file, or remove it"
        ],
    ),
    "a sidecar beside a .md is said to be unread, not told to gain a .txt": (
        files({"content/good.yaml": "title: Better title\n"}),
        [
            "content/good.yaml: not read: good.md keeps its metadata in its front matter: "
            "move these keys there (between its '---' lines) and delete this file"
        ],
    ),
    "tags written as one text with commas are not one tag 'japan-trade'": (
        files({"content/a.txt": "Body.\n", "content/a.yaml": "title: T\ntags: japan, trade\n"}),
        [
            "content/a.yaml:2: tags: 'japan, trade' is one text, not a list: write "
            'tags: [japan, trade] (or tags: ["japan, trade"] for one tag)'
        ],
    ),
    "people written as a mapping are told to be a list": (
        files(
            {
                "content/a.txt": "Body.\n",
                "content/a.yaml": "title: T\npeople:\n  name: Shigeru Ishiba\n  role: PM\n",
            }
        ),
        [
            "content/a.yaml:2: people: must be a list, one '- ' line per person: "
            "- {name: Shigeru Ishiba, role: Prime Minister of Japan}"
        ],
    ),
    "sources written as a mapping are told to be a list, not to need a url they have": (
        files(
            {
                "content/a.txt": "Body.\n",
                "content/a.yaml": "title: T\nsources: {title: NHK, url: https://nhk.example/}\n",
            }
        ),
        [
            "content/a.yaml:2: sources: must be a list, one '- ' line per source: "
            "- {title: NHK, url: https://example.org/story}"
        ],
    ),
    "an empty topics mapping is said to be empty": (
        files({"briefing.yaml": "title: S\ntopics: {}\n"}),
        [
            "briefing.yaml:2: topics: is empty: list at least one topic, "
            "or delete topics: to use the default ones"
        ],
    ),
    "topics as a list of names gets the mapping written out": (
        files({"briefing.yaml": "title: S\ntopics: [economy, defense]\n"}),
        [
            "briefing.yaml:2: topics: must be a mapping of topic name to its settings, not a "
            "list: write each name as a key (topics: {economy: {}, defense: {}}, or one per "
            "line, '  economy:')"
        ],
    ),
    "a setting left empty is said to be empty, not 'None is not a time zone'": (
        files({"briefing.yaml": "title: S\ntimezone:\npage_size:\n"}),
        [
            "briefing.yaml:2: timezone: is empty: give it a value, "
            "or delete the line to use the default",
            "briefing.yaml:3: page_size: is empty: give it a value, "
            "or delete the line to use the default",
        ],
    ),
    "a block left open in a template names the line it was opened at": (
        files(
            {
                "templates/briefing.html": "{% extends 'base.html' %}\n{% block main %}\n"
                "{% set note = 'x' %}{% if briefing.meta.summary %}\n<p>Summary</p>\n\n"
                "{% endblock %}\n"
            }
        ),
        [
            "templates/briefing.html:6: template syntax error: Encountered unknown tag "
            "'endblock'. You probably made a nesting mistake. Jinja is expecting this tag, "
            "but currently looking for 'elif' or 'else' or 'endif'. The innermost block "
            "that needs to be closed is 'if'; the 'if' left open is at line 3"
        ],
    ),
}


@pytest.mark.parametrize(("make", "expected"), list(CASES.values()), ids=list(CASES))
def test_broken_site_is_reported_with_the_fix_and_previous_build_kept(
    tmp_path: Path, make: Callable[[Path], None], expected: list[str]
) -> None:
    site = write_site(tmp_path / "site", GOOD)
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    make(site)
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert (result.code, result.err.splitlines(), result.out) == (1, expected, "")
    assert tree(site / "build") == before


def test_a_symlink_to_a_folder_in_the_site_is_passed_over_not_called_a_link_to_nothing(
    tmp_path: Path,
) -> None:
    """A link to a folder that exists (`content/latest -> 2025`) is not entered, as
    before; only a link that leads to nothing is refused."""
    site = write_site(tmp_path / "site", {"content/2025/good.md": GOOD["content/good.md"]})
    (site / "content/latest").symlink_to("2025")
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    assert (site / "build/briefings/good/index.html").is_file()


def test_a_tag_that_holds_a_comma_is_still_one_tag_in_a_list(tmp_path: Path) -> None:
    """Only the bare text is refused: the list form keeps a tag with a comma whole."""
    site = write_site(
        tmp_path / "site",
        {"content/a.txt": "Body.\n", "content/a.yaml": 'title: T\ntags: ["Washington, D.C."]\n'},
    )
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    assert (site / "build/tags/washington-d-c/index.html").is_file()


def test_the_line_of_a_block_left_open_skips_blocks_that_closed(tmp_path: Path) -> None:
    """The `for` that closed and the `set` with `=` (which opens nothing) are passed over:
    the line named is the `if`'s, which never closed."""
    template = (
        "{% extends 'base.html' %}\n{% block main %}\n{% for x in [1] %}{% endfor %}\n"
        "{% set a = 1 %}{% set b %}x{% endset %}\n{% if page %}\n<p>x</p>\n"
    )
    site = write_site(tmp_path / "site", {**GOOD, "templates/briefing.html": template})
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert result.err.rstrip().endswith("; the 'if' left open is at line 5"), result.err


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "2025-02-07T11:55:00\u221205:00",
            "'\u2212' (U+2212, minus sign) only looks like '-': "
            "retype it, as in 2025-02-07T11:55:00-05:00",
        ),
        (
            "2025\u201302\u201307",
            "'\u2013' (U+2013, en dash) only looks like '-': retype it, as in 2025-02-07",
        ),
        (
            "\uff12\uff10\uff12\uff15-02-07",
            "'\uff12' (U+FF12, fullwidth digit two) only looks like '2': "
            "retype it, as in 2025-02-07",
        ),
    ],
    ids=["minus sign in the offset", "en dashes", "full-width digits"],
)
def test_a_date_pasted_with_lookalike_characters_names_the_one_to_retype(
    tmp_path: Path, value: str, expected: str
) -> None:
    """Word processors and web pages (Wikipedia writes UTC\u221205:00) put a minus sign,
    dashes or wide digits in a date that looks right: the error says which one."""
    meta = f"title: T\nevent:\n  start: {value}\n  timezone: America/New_York\n"
    site = write_site(tmp_path / "site", {"content/a.md": f"---\n{meta}---\nBody.\n"})
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert (result.code, result.err.splitlines()) == (
        1,
        [f"content/a.md:4: event.start: '{value}': {expected}"],
    )


def test_front_matter_fenced_with_a_word_processors_dash_says_so(tmp_path: Path) -> None:
    """Word and Pages turn `---` into an em dash: the line looks like a fence."""
    text = "\u2014\ntitle: T\n\u2014\nBody.\n"
    site = write_site(tmp_path / "site", {"content/a.md": text})
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert (result.code, result.err.splitlines()) == (
        1,
        [
            "content/a.md:1: no front matter (its first line is '\u2014', not three hyphens: "
            "type '---'): start the file with '---', title: ..., '---'"
        ],
    )


def test_keys_other_generators_use_point_at_ours(tmp_path: Path) -> None:
    """Front matter and settings brought from Hugo or Jekyll: `description` is our
    `summary` (a spelling match said `sections`), `categories` our `tags`, `baseURL`
    our `base_url` (no spelling match at all)."""
    meta = "title: T\ndescription: D\ncategories: [eu]\nlastmod: 2025-02-02\n"
    article = write_site(tmp_path / "article", {"content/a.md": f"---\n{meta}---\nBody.\n"})
    settings = write_site(tmp_path / "settings", {**GOOD, "briefing.yaml": "baseURL: /\n"})
    said = []
    for site in (article, settings):
        result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
        assert result.code == 1
        said += [line.split("; known keys")[0] for line in result.err.splitlines()]
    assert said == [
        "content/a.md:3: unknown key 'description' (did you mean 'summary'?)",
        "content/a.md:4: unknown key 'categories' (did you mean 'tags'?)",
        "content/a.md:5: unknown key 'lastmod' (did you mean 'updated'?)",
        "briefing.yaml:1: unknown key 'baseURL' (did you mean 'base_url'?)",
    ]


@pytest.mark.parametrize("extra", [(), ("--no-cache",)], ids=["cache gone", "--no-cache"])
def test_a_second_article_on_a_page_the_last_build_wrote_leaves_that_page_as_it_was(
    tmp_path: Path, extra: tuple[str, ...]
) -> None:
    """The first article's page, drawn as the last build had it, is linked from the last
    build; the second article with its slug was written over it, through the link,
    into the last build's file, and only then did the slug check fail the build."""
    site = write_site(tmp_path / "site", GOOD)
    assert run_cli("build", "-q", "-s", str(site), "--now", NOW).code == 0
    shutil.rmtree(site / ".briefing-cache")  # deleted by hand, or a build with --no-cache
    before = tree(site / "build")
    write_site(site, {"content/good.txt": "Other text.\n", "content/good.yaml": "title: Other\n"})
    result = run_cli("build", "-q", "-s", str(site), "--now", NOW, *extra)
    assert (result.code, result.err.splitlines()[-1:]) == (
        1,
        [
            "content/good.yaml:1: slug 'good' is already used by content/good.md: "
            "give this one its own (slug: good-2)"
        ],
    )
    assert tree(site / "build") == before
