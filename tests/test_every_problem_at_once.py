"""Every problem in one article is named in the same run: an editor who fixes what
`check` printed does not rebuild to meet the next one. Each file here holds several
mistakes; `check` and `build` name each at its own line, in order, exit 1, and the
previous build/ is kept byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site
from filetree import tree

NOW = "2025-02-05T10:00:00-05:00"
GOOD = {"content/good.md": "---\ntitle: Good\n---\nFine text.\n"}
TWO = "The leaders met in Tokyo on Friday.\n\nTrade grew last year, officials said.\n"
TOPICS = "topics: defense, economy, history, lede, outlook"

CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "paragraph numbers that name no paragraph come with the metadata's other problems": (
        {
            "content/summit.md": (
                "---\ntitle: Summit\ndate: 2025-13-01\ndrop: [9]\nkeep:\n  - 1\n  - 12\n"
                "sections:\n  economy: [2, 14]\n  defense:\n    - 2\nlocation: Tokyo\n---\n" + TWO
            )
        },
        [
            "content/summit.md:3: date: '2025-13-01': there is no month 13",
            "content/summit.md:4: drop: there is no paragraph 9",
            "content/summit.md:7: keep: there is no paragraph 12",
            "content/summit.md:9: sections.economy: there is no paragraph 14",
            "content/summit.md:11: sections: paragraph 2 is in both economy and defense",
            "content/summit.md:12: unknown key 'location': it belongs inside event, as "
            "event.location (indent it under event:, as '  location: ...')",
        ],
    ),
    "a paragraph both placed and dropped is named as such, at its number's line": (
        {
            "content/summit.md": (
                "---\ntitle: Summit\ndrop: [2]\nsections:\n  economy:\n    - 2\n"
                "draft: maybe\n---\n" + TWO
            )
        },
        [
            # (it read "there is no paragraph 2" at the sections: line, once the rest was fixed)
            "content/summit.md:6: sections.economy: paragraph 2 is also in drop",
            "content/summit.md:7: draft: must be true or false, not 'maybe'",
        ],
    ),
    "each bad person and source is named at its own line, all of them": (
        {
            "content/summit.md": (
                "---\ntitle: Summit\npeople:\n  - Shigeru Ishiba\n  - {name: ''}\n  - 42\n"
                "  - {name: Lee, roll: President}\n  - {role: Chancellor}\nsources:\n"
                "  - ftp://archive.example/story\n  - {title: NHK}\n  - 7\n"
                "  - {title: AP, url: 'https://ap.example/x', link: y}\n---\n" + TWO
            )
        },
        [
            "content/summit.md:5: people: a person's name is empty: write it, "
            "or leave the entry out",
            "content/summit.md:6: people: 42 is no person: write a name, or {name: ..., role: ...}",
            "content/summit.md:7: people: unknown key 'roll' (did you mean 'role'?); "
            "known keys: name, role",
            "content/summit.md:8: people: a person needs a name: {name: ..., role: ...}",
            "content/summit.md:10: sources: 'ftp://archive.example/story' must start with "
            "http:// or https://",
            "content/summit.md:11: sources: each source needs a url starting with "
            "http:// or https://",
            "content/summit.md:12: sources: 7 is no source: write a URL, or {title: ..., url: ...}",
            "content/summit.md:13: sources: unknown key 'link'; known keys: title, url",
        ],
    ),
    "each tag that makes no page is named at its own line": (
        {
            "content/summit.md": (
                '---\ntitle: Summit\ntags:\n  - "!!"\n  - trade\n  - con\n  - "??"\n---\n' + TWO
            )
        },
        [
            "content/summit.md:4: tags: '!!': a tag needs letters or digits",
            "content/summit.md:6: tags: 'con': a reserved name on Windows (CON, NUL...): "
            "use another word",
            "content/summit.md:7: tags: '??': a tag needs letters or digits",
        ],
    ),
    "an article with no text still has its metadata checked": (
        {
            "content/summit.md": "---\ntitle: Summit\ndate: 2025-02-30\nsections:\n  junk: [1]\n---\n\n"
        },
        [
            "content/summit.md:3: date: '2025-02-30': there is no February 30 in 2025",
            "content/summit.md:5: sections: unknown topic 'junk'; "
            + TOPICS
            + "; to leave paragraphs out, write drop: [1] at the top level",
            "content/summit.md:6: no article text after the front matter",
        ],
    ),
    "a key given twice does not hide the rest of the metadata": (
        {
            "content/summit.md": (
                "---\ntitle: Summit\ndate: 2025-02-07\ntitle: Summit talks\ndraft: maybe\n"
                "event:\n  start: 2025-02-07\n  start: 2025-02-08\n  timezone: Asia/Tokio\n"
                "---\n" + TWO
            )
        },
        [
            "content/summit.md:4: duplicate key 'title' (first given at line 2)",
            "content/summit.md:5: draft: must be true or false, not 'maybe'",
            "content/summit.md:8: duplicate key 'start' (first given at line 7)",
            "content/summit.md:9: event.timezone: 'Asia/Tokio' is not a known IANA time "
            "zone; e.g. Europe/Paris, America/New_York, Asia/Tokyo",
        ],
    ),
    "a raw-text article that is empty or not UTF-8 does not hide its sidecar's problems": (
        {
            "content/summit.txt": b"The leaders met in T\xf6ky\xf6.\n",
            "content/summit.yaml": "title: Summit\ndate: 2025-13-01\nslug: Summit Talks\n",
            "content/visit.txt": "\n",
            "content/visit.yaml": "title: Visit\ntagz: [japan]\n",
        },
        [
            "content/summit.txt:1: not UTF-8 (byte 20: 0xf6, 'ö' in Windows-1252): save it again as UTF-8",
            "content/summit.yaml:2: date: '2025-13-01': there is no month 13",
            "content/summit.yaml:3: slug: 'Summit Talks' must be lower-case letters, digits "
            "and single hyphens (slug: summit-talks)",
            "content/visit.txt:1: the file is empty",
            "content/visit.yaml:2: unknown key 'tagz' (did you mean 'tags'?); known keys: "
            "title, summary, slug, date, updated, event, people, tags, sources, draft, "
            "sections, drop, keep, image, author, language",
        ],
    ),
    "briefing.yaml: a syntax error or a key given twice hides none of the other settings": (
        {
            "briefing.yaml": (
                "title: Asia briefings\ndescription: Talks: and visits\ntitle: Again\n"
                "timezone: Asia/Tokio\npage_size: many\n"
            )
        },
        [
            "briefing.yaml:2: invalid YAML: mapping values are not allowed in this context; "
            "a value containing ': ' must be quoted: description: \"Talks: and visits\"",
            "briefing.yaml:3: duplicate key 'title' (first given at line 1)",
            "briefing.yaml:4: timezone: 'Asia/Tokio' is not a known IANA time zone; "
            "e.g. Europe/Paris, America/New_York, Asia/Tokyo",
            "briefing.yaml:5: page_size: 'many' must be a whole number from 1 to 1000",
        ],
    ),
    "a quote never closed is named once, not again where a later quote ends it": (
        {
            "briefing.yaml": (
                'title: "Asia briefings\ntimezone: Asia/Tokio\n'
                'topics:\n  outlook: {title: Outlook, aliases: ["What\'s next"]}\n'
            ),
        },
        [
            "briefing.yaml:1: invalid YAML: while scanning a quoted scalar found unexpected "
            "end of stream; this quote is never closed: end the value with it",
            "briefing.yaml:2: timezone: 'Asia/Tokio' is not a known IANA time zone; "
            "e.g. Europe/Paris, America/New_York, Asia/Tokyo",
        ],
    ),
    "in front matter too": (
        {
            "content/summit.md": (
                '---\ntitle: "Summit\ndate: 2025-02-07\ntags: ["japan"]\ndraft: maybe\n---\n' + TWO
            ),
        },
        [
            "content/summit.md:2: invalid YAML: while scanning a quoted scalar found unexpected "
            "end of stream; this quote is never closed: end the value with it",
            "content/summit.md:5: draft: must be true or false, not 'maybe'",
        ],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=list(CASES))
def test_every_problem_in_a_file_is_named_in_one_run(
    tmp_path: Path, files: dict[str, str | bytes], expected: list[str]
) -> None:
    site = write_site(tmp_path / "site", GOOD)
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    write_site(site, files)
    for command in ("check", "build"):
        result = run_cli(command, "-q", "-s", str(site), "--now", NOW)
        assert (result.code, result.err.splitlines(), result.out) == (1, expected, "")
    assert tree(site / "build") == before
