"""A table of broken sites: each gets its exact `path:line: message`, exit 1,
and the previous build/ stays byte for byte as it was."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_site
from filetree import tree
from htmlcheck import Page

NOW = "2025-02-05T10:00:00-05:00"
GOOD = {"content/good.md": "---\ntitle: Good\n---\nFine text.\n"}
ISO = "is not an ISO 8601 date (YYYY-MM-DD) or date-time"
SLUG_RULE = "must be lower-case letters, digits and single hyphens"
TAG_RULE = "a tag needs letters or digits"
TAG_RESERVED = "a reserved name on Windows (CON, NUL...): use another word"
TOPIC_RULE = "must be lower-case letters, digits or - (not a reserved name)"


def md(meta: str, body: str = "Body text.\n") -> str:
    return f"---\n{meta}---\n{body}"


def event(start: str, zone: str = "America/New_York") -> str:
    return md(f"title: T\nevent:\n  start: {start}\n  timezone: {zone}\n")


EXTENDS = "{% extends 'base.html' %}\n{% block main %}\n"
LAUGHS = md(
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: T\n"
)

CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    # Files
    "empty file": ({"content/a.md": ""}, ["content/a.md:1: the file is empty"]),
    "blank file": ({"content/a.md": "\n \t\n"}, ["content/a.md:1: the file is empty"]),
    "front matter without body": (
        {"content/a.md": "---\ntitle: T\n---\n\n"},
        ["content/a.md:3: no article text after the front matter"],
    ),
    "no front matter": (
        {"content/a.md": "Just text.\n"},
        ["content/a.md:1: no front matter: start the file with '---', title: ..., '---'"],
    ),
    "body starting with { is not JSON front matter": (
        {"content/a.md": '{"title": "x"}\nBody\n'},
        ["content/a.md:1: no front matter: start the file with '---', title: ..., '---'"],
    ),
    "unclosed fence": (
        {"content/a.md": "---\ntitle: T\nBody text.\n"},
        ["content/a.md:1: front matter is never closed: add a '---' line after it"],
    ),
    "... does not close front matter": (
        {"content/a.md": "---\ntitle: T\n...\nBody text.\n---\nMore.\n"},
        ["content/a.md:3: '...' cannot end front matter: close it with '---'"],
    ),
    "invalid YAML at the file's line": (
        {"content/a.md": "---\ntitle: T\n\nsummary: a: b\n---\nBody\n"},
        [
            "content/a.md:4: invalid YAML: mapping values are not allowed in this context; "
            "a value containing ': ' must be quoted: summary: \"a: b\""
        ],
    ),
    "a control character pasted into a sidecar is named at its line, and the rest checked": (
        {
            "content/a.txt": "Body.\n",
            "content/a.yaml": 'title: T\nsummary: S\nauthor: "A\x07B"\ntagz: [x]\n',
        },
        [
            "content/a.yaml:3: invalid YAML: control character U+0007 is not allowed in YAML: "
            "delete it (pasted copy often carries one unseen)",
            "content/a.yaml:4: unknown key 'tagz' (did you mean 'tags'?); known keys: title, "
            "summary, slug, date, updated, event, people, tags, sources, draft, sections, drop, "
            "keep, image, author, language",
        ],
    ),
    "a line separator pasted into a value moves no line named below it": (
        {
            "content/a.md": "---\ntitle: T\nsummary: >-\n  one\u2028two\u2029three\x85four\ntagz: [x]\n---\nBody\n"
        },
        [
            "content/a.md:5: unknown key 'tagz' (did you mean 'tags'?); known keys: title, "
            "summary, slug, date, updated, event, people, tags, sources, draft, sections, drop, "
            "keep, image, author, language",
        ],
    ),
    "a tab indenting a sidecar key says YAML wants spaces": (
        {"content/a.txt": "Body.\n", "content/a.yaml": "\ttitle: T\nsummary: S\n"},
        [
            "content/a.yaml:1: invalid YAML: while scanning for the next token found character "
            "that cannot start any token; YAML indents with spaces, not tabs: replace the tab "
            "with spaces"
        ],
    ),
    "invalid YAML after a BOM keeps its line": (
        {"content/a.md": "\ufeff---\ntitle: T\nsummary: [a, b\n---\nBody\n"},
        [  # the line where the bracket opened, not where YAML gave up
            "content/a.md:3: invalid YAML: while parsing a flow sequence "
            "did not find expected ',' or ']'; this '[' is never closed: end the list with ']'"
        ],
    ),
    "front matter that is a list": (
        {"content/a.md": "---\n- a\n- b\n---\nBody\n"},
        ["content/a.md:2: metadata must be a mapping of keys (title: ...), not a list"],
    ),
    "front matter that is a scalar": (
        {"content/a.md": "---\njust words\n---\nBody\n"},
        ["content/a.md:2: metadata must be a mapping of keys (title: ...), not a single value"],
    ),
    "a key without a space after its colon says so": (
        {"content/a.md": "---\ntitle:Talks in Rome\n---\nBody\n"},
        [
            "content/a.md:2: metadata must be a mapping of keys (title: ...), not a single "
            "value; a key needs a space after its colon: title: Talks in Rome"
        ],
    ),
    "TOML front matter is named": (
        {"content/a.md": '+++\ntitle = "T"\n+++\nBody\n'},
        [
            "content/a.md:1: no front matter (TOML between '+++' lines is not read: write it "
            "as YAML): start the file with '---', title: ..., '---'"
        ],
    ),
    "a leading --- horizontal rule does not swallow a paragraph": (
        {"content/a.md": "---\nA paragraph between rules.\n---\nBody\n"},
        ["content/a.md:2: metadata must be a mapping of keys (title: ...), not a single value"],
    ),
    "not UTF-8": (
        {"content/a.md": b"---\ntitle: T\n---\nCaf\xe9 body\n"},
        ["content/a.md:4: not UTF-8 (byte 20: 0xe9, 'é' in Windows-1252): save it again as UTF-8"],
    ),
    "not UTF-8 after a byte order mark: the byte counts from the file's start": (
        {"content/a.md": b"\xef\xbb\xbf---\ntitle: T\n---\nCaf\xe9 body\n"},
        ["content/a.md:4: not UTF-8 (byte 23: 0xe9, 'é' in Windows-1252): save it again as UTF-8"],
    ),
    "saved as UTF-16 (Notepad's Unicode)": (
        {"content/a.md": "---\ntitle: T\n---\nBody\n".encode("utf-16")},
        ["content/a.md:1: saved as UTF-16, not UTF-8: save it again as UTF-8"],
    ),
    "a sidecar saved as UTF-16 without a byte order mark": (
        {"content/a.txt": "Body.\n", "content/a.yaml": "title: T\n".encode("utf-16-le")},
        ["content/a.yaml:1: saved as UTF-16, not UTF-8: save it again as UTF-8"],
    ),
    "binary file named .md": (
        {"content/a.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        ["content/a.md:3: binary data (NUL byte): not a text file"],
    ),
    "too large": (
        {"content/a.md": "---\ntitle: T\n---\n" + "word " * 250_000},
        ["content/a.md:1: file is larger than 1,000,000 bytes: is it an article?"],
    ),
    "8 KB of [ (quadratic in Python-Markdown)": (
        {"content/a.md": "---\ntitle: T\n---\nIntro.\n\n" + "[" * 8000 + "\n"},
        [
            "content/a.md:6: paragraph has 8,000 '[' and '<' in 8,000 characters, which makes"
            " Markdown very slow: split it, or write them as \\[ and &lt;"
        ],
    ),
    "one enormous paragraph": (
        {"content/a.md": "---\ntitle: T\n---\n" + "word " * 5000 + "\n"},
        [
            "content/a.md:4: paragraph is 24,999 characters long; the limit is 20,000: "
            "split it with blank lines"
        ],
    ),
    "lists nested until Python-Markdown recurses": (
        {"content/a.md": "---\ntitle: T\n---\n" + "1. " * 40 + "x\n"},
        ["content/a.md:4: lists or quotes nested more than 16 deep"],
    ),
    ".txt without its metadata": (
        {"content/a.txt": "Body\n"},
        ["content/a.txt: no metadata: add a.yaml beside it"],
    ),
    "empty .txt": (
        {"content/a.txt": "", "content/a.yaml": "title: T\n"},
        ["content/a.txt:1: the file is empty"],
    ),
    "a sidecar fenced like front matter": (
        {"content/a.txt": "Body.\n", "content/a.yaml": "---\ntitle: T\n---\n"},
        [
            "content/a.yaml:3: invalid YAML: expected a single document in the stream but found "
            "another document; a .yaml file needs no '---' lines: remove this one (only a .md "
            "has them)"
        ],
    ),
    "sidecar that is a list": (
        {"content/a.txt": "Body\n", "content/a.yaml": "- x\n"},
        ["content/a.yaml:1: metadata must be a mapping of keys (title: ...), not a list"],
    ),
    # Values
    "date without a year is never this year": (
        {"content/a.md": event("February 7")},
        [f"content/a.md:4: event.start: 'February 7' {ISO}"],
    ),
    "a date that is not a date": (
        {"content/a.md": md("title: T\ndate: soon\n")},
        [f"content/a.md:3: date: 'soon' {ISO}"],
    ),
    "local time skipped by DST": (
        {"content/a.md": event("2025-03-09T02:30:00")},
        [
            "content/a.md:4: event.start: 2025-03-09T02:30:00 does not exist in "
            "America/New_York (DST change)"
        ],
    ),
    "local time repeated by DST": (
        {"content/a.md": event("2025-11-02T01:30:00")},
        [
            "content/a.md:4: event.start: 2025-11-02T01:30:00 happens twice in "
            "America/New_York (DST change): add an offset"
        ],
    ),
    "offset contradicts the zone": (
        {"content/a.md": event("2025-02-07T11:55:00+09:00")},
        [
            "content/a.md:4: event.start: '2025-02-07T11:55:00+09:00': offset +0900 "
            "disagrees with America/New_York (-0500 at that time)"
        ],
    ),
    "unknown zone": (
        {"content/a.md": event("2025-02-07", "Mars/Olympus")},
        [
            "content/a.md:5: event.timezone: 'Mars/Olympus' is not a known IANA time zone; "
            "e.g. Europe/Paris, America/New_York, Asia/Tokyo"
        ],
    ),
    "a region of the zone database, which is a folder": (
        {"content/a.md": event("2025-02-07", "Europe")},
        [
            "content/a.md:5: event.timezone: 'Europe' is not a known IANA time zone; "
            "e.g. Europe/Paris, America/New_York, Asia/Tokyo"
        ],
    ),
    "the site's zone a region": (
        {"briefing.yaml": "timezone: Asia\n"},
        [
            "briefing.yaml:1: timezone: 'Asia' is not a known IANA time zone; "
            "e.g. Europe/Paris, America/New_York, Asia/Tokyo"
        ],
    ),
    "the machine's own zone": (
        {"content/a.md": event("2025-02-07", "localtime")},
        [
            "content/a.md:5: event.timezone: 'localtime' is not a known IANA time zone (a file "
            "of the zone database, not a place's zone); e.g. Europe/Paris"
        ],
    ),
    "a zone with leap seconds": (
        {"content/a.md": event("2025-02-07", "right/Europe/Paris")},
        [
            "content/a.md:5: event.timezone: 'right/Europe/Paris' is not a known IANA time "
            "zone; did you mean 'Europe/Paris'?"
        ],
    ),
    "an unknown zone does not hide a date that does not exist": (
        {"content/a.md": md("title: T\nevent:\n  start: 2025-02-30\n  timezone: Mars/Olympus\n")},
        [
            "content/a.md:4: event.start: '2025-02-30': there is no February 30 in 2025",
            "content/a.md:5: event.timezone: 'Mars/Olympus' is not a known IANA time zone; "
            "e.g. Europe/Paris, America/New_York, Asia/Tokyo",
        ],
    ),
    "missing required fields in one message": (
        {"content/a.md": md("summary: S\nevent:\n  timezone: UTC\n")},
        ["content/a.md:1: missing required fields: title, event.start"],
    ),
    "a year at the end of Python's calendar, with an offset past it": (
        {"content/a.md": event("9999-12-31T23:00:00-12:00", "Etc/GMT+12")},
        [
            "content/a.md:4: event.start: '9999-12-31T23:00:00-12:00': the year must be between "
            "1000 and 9000"
        ],
    ),
    "an all-day event on the calendar's last day": (
        {"content/a.md": event("9999-12-31")},
        ["content/a.md:4: event.start: '9999-12-31': the year must be between 1000 and 9000"],
    ),
    "an event in year 1 east of Greenwich": (
        {"content/a.md": event("0001-01-01T00:30:00+14:00", "Pacific/Kiritimati")},
        [
            "content/a.md:4: event.start: '0001-01-01T00:30:00+14:00': the year must be between "
            "1000 and 9000"
        ],
    ),
    "an end date on the calendar's last day": (
        {"content/a.md": md("title: T\nevent:\n  start: 2025-02-07\n  end: 9999-12-31\n")},
        ["content/a.md:5: event.end: '9999-12-31': the year must be between 1000 and 9000"],
    ),
    "a publication date at the calendar's end": (
        {"content/a.md": md("title: T\ndate: 9999-12-31T23:00:00-05:00\n")},
        [
            "content/a.md:3: date: '9999-12-31T23:00:00-05:00': the year must be between 1000 "
            "and 9000"
        ],
    ),
    "a person's role that is a list": (
        {"content/a.md": md("title: T\npeople:\n  - {name: J, role: [a, b]}\n")},
        ["content/a.md:4: people: role: must be text"],
    ),
    "a person's misspelt key": (
        {"content/a.md": md("title: T\npeople:\n  - name: Jane Doe\n    roll: PM\n")},
        [
            "content/a.md:5: people: unknown key 'roll' (did you mean 'role'?); known keys: "
            "name, role"
        ],
    ),
    "a source's title that is a list": (
        {
            "content/a.md": md(
                "title: T\nsources:\n  - url: https://example.org/a\n    title: [a]\n"
            )
        },
        ["content/a.md:5: sources: title: must be text"],
    ),
    "a source's unknown key": (
        {"content/a.md": md("title: T\nsources:\n  - {url: 'https://example.org/a', link: x}\n")},
        ["content/a.md:4: sources: unknown key 'link'; known keys: title, url"],
    ),
    "a comma inside a flow map, and every bad entry in one run": (
        {
            "content/a.md": md(
                "title: T\npeople:\n  - {name: Emmanuel Macron, role: President, France}\n"
                "  - {name: B, roll: X}\nsources:\n  - {title: Le Monde, Paris, "
                "url: 'https://example.org/a'}\n  - url: \"https://example.org/a\\x1bb\"\n"
            )
        },
        [
            "content/a.md:4: people: unknown key 'France': a comma inside {...} ends a value; "
            'put it in quotes (role: "President, France")',
            "content/a.md:5: people: unknown key 'roll' (did you mean 'role'?); known keys: "
            "name, role",
            "content/a.md:7: sources: unknown key 'Paris': a comma inside {...} ends a value; "
            'put it in quotes (title: "Le Monde, Paris")',
            "content/a.md:8: sources: 'https://example.org/a\\x1bb' has a control character "
            "(U+001B): retype it",
        ],
    ),
    "a control character in the site's title": (
        {"briefing.yaml": 'title: "News\\x1b[31m"\n'},
        ["briefing.yaml:1: title: has a control character (U+001B): delete it"],
    ),
    "duplicate keys name both lines": (
        {"content/a.md": md("title: T\nsummary: a\ntitle: U\n")},
        ["content/a.md:4: duplicate key 'title' (first given at line 2)"],
    ),
    "keys python-frontmatter crashes on": (
        {"content/a.md": md("title: T\ncontent: x\n")},
        [
            "content/a.md:3: unknown key 'content'; known keys: title, summary, slug, date, "
            "updated, event, people, tags, sources, draft, sections, drop, keep, image, author, language"
        ],
    ),
    "a key YAML reads as null is named as written": (
        {"content/a.md": md("title: T\n~: x\n")},
        [
            "content/a.md:3: unknown key '~'; known keys: title, summary, slug, date, "
            "updated, event, people, tags, sources, draft, sections, drop, keep, image, author, language"
        ],
    ),
    # YAML refusals
    "alias": (
        {"content/a.md": md("title: T\nsummary: *t\n")},
        ["content/a.md:3: YAML aliases (*name) are not allowed"],
    ),
    "anchor": (
        {"content/a.md": md("title: &t T\n")},
        ["content/a.md:2: YAML anchors (&name) are not allowed"],
    ),
    "billion laughs": (
        {"content/a.md": LAUGHS},
        ["content/a.md:2: YAML anchors (&name) are not allowed"],
    ),
    "python tag": (
        {"content/a.md": md("title: !!python/object/apply:os.system ['echo hi']\n")},
        [
            "content/a.md:2: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' "
            "is not allowed"
        ],
    ),
    "any explicit tag": (
        {"content/a.md": md("title: !!str 5\n")},
        ["content/a.md:2: YAML tag 'tag:yaml.org,2002:str' is not allowed"],
    ),
    "deep flow nesting": (
        {"content/a.md": md("title: T\nsummary: " + "[" * 200 + "]" * 200 + "\n")},
        ["content/a.md:3: nested more than 20 levels deep"],
    ),
    "deep block nesting": (
        {
            "content/a.md": md(
                "title: T\nx:\n" + "".join(f"{'  ' * i}k{i}:\n" for i in range(1, 40))
            )
        },
        ["content/a.md:23: nested more than 20 levels deep"],
    ),
    "NUL escape in metadata": (
        {"content/a.md": md('title: "a\\0b"\n')},
        ["content/a.md:2: text contains a NUL or a lone surrogate escape"],
    ),
    # Names
    "two articles with one slug": (
        {
            "content/a.md": md("title: T\nslug: same\n"),
            "content/b.md": md("title: U\nslug: same\n"),
        },
        [
            "content/b.md:3: slug 'same' is already used by content/a.md: give this one its own "
            "(slug: same-2)"
        ],
    ),
    "three articles with one slug, and its -2 taken": (
        {
            "content/a.md": md("title: T\nslug: same\n"),
            "content/b.md": md("title: U\nslug: same\n"),
            "content/c.md": md("title: V\nslug: same-2\n"),
            "content/d.md": md("title: W\nslug: same\n"),
        },
        [
            "content/b.md:3: slug 'same' is already used by content/a.md: give this one its own "
            "(slug: same-3)",
            "content/d.md:3: slug 'same' is already used by content/a.md: give this one its own "
            "(slug: same-4)",
        ],
    ),
    "slug with ../": (
        {"content/a.md": md("title: T\nslug: ../evil\n")},
        [f"content/a.md:3: slug: '../evil' {SLUG_RULE} (slug: evil)"],
    ),
    "slug with /": (
        {"content/a.md": md("title: T\nslug: a/b\n")},
        [f"content/a.md:3: slug: 'a/b' {SLUG_RULE} (slug: a-b)"],
    ),
    "slug ..": (
        {"content/a.md": md("title: T\nslug: ..\n")},
        [f"content/a.md:3: slug: '..' {SLUG_RULE}"],
    ),
    "empty slug": (
        {"content/a.md": md("title: T\nslug: ''\n")},
        [f"content/a.md:3: slug: '' {SLUG_RULE}"],
    ),
    "reserved slug": (
        {"content/a.md": md("title: T\nslug: con\n")},
        ["content/a.md:3: slug: 'con' is a reserved device name on Windows; choose another"],
    ),
    "reserved file name": (
        {"content/CON.md": md("title: T\n")},
        [
            "content/CON.md:1: the file name gives no usable slug ('con'): rename it or "
            "set slug: in the metadata"
        ],
    ),
    "tag with ../": (
        {"content/a.md": md("title: T\ntags: [ok, '../..']\n")},
        [f"content/a.md:3: tags: '../..': {TAG_RULE}"],
    ),
    "reserved tag": (
        {"content/a.md": md("title: T\ntags: [CON]\n")},
        [f"content/a.md:3: tags: 'CON': {TAG_RESERVED}"],
    ),
    "topic with ../": (
        {"briefing.yaml": "topics:\n  ../x: {}\n"},
        [f"briefing.yaml:2: topic name '../x' {TOPIC_RULE}"],
    ),
    "topic with /": (
        {"briefing.yaml": "topics:\n  a/b: {}\n"},
        [f"briefing.yaml:2: topic name 'a/b' {TOPIC_RULE}"],
    ),
    "empty topic": (
        {"briefing.yaml": "topics:\n  '': {}\n"},
        [f"briefing.yaml:2: topic name '' {TOPIC_RULE}"],
    ),
    "reserved topic": (
        {"briefing.yaml": "topics:\n  con: {}\n"},
        [f"briefing.yaml:2: topic name 'con' {TOPIC_RULE}"],
    ),
    # Templates: reported before anything is written
    "template syntax error": (
        {"templates/briefing.html": EXTENDS + "{% if %}\n{% endblock %}\n"},
        [
            "templates/briefing.html:3: template syntax error: Expected an expression, "
            "got 'end of statement block'"
        ],
    ),
    "missing template": (
        {"templates/briefing.html": EXTENDS + "{% include 'nope.html' %}\n{% endblock %}\n"},
        ["templates/briefing.html:3: template not found: nope.html"],
    ),
    "undefined variable": (
        {"templates/briefing.html": EXTENDS + "\n{{ nothing_here }}\n{% endblock %}\n"},
        ["templates/briefing.html:4: template error: 'nothing_here' is undefined"],
    ),
    "a partial meant for include, imported for a macro": (
        {
            "templates/briefing.html": EXTENDS
            + '{% from "_card.html" import card %}\n{% endblock %}\n'
        },
        [
            "templates/briefing.html:3: template error: 'other' is undefined in _card.html, "
            "which an import draws without the page's variables: import macros from a file "
            "that only defines macros, add `with context` to the import, or `include` it instead"
        ],
    ),
    "article text marked as HTML in a template": (
        {"templates/briefing.html": EXTENDS + "{{ briefing.meta.title|html }}\n{% endblock %}\n"},
        [
            "templates/briefing.html:3: template error: the html filter takes a paragraph "
            "block, never raw text"
        ],
    ),
    "html filter handed a number for the page's URL": (
        {"templates/briefing.html": EXTENDS + "{{ briefing.lede[0]|html(42) }}\n{% endblock %}\n"},
        [
            "templates/briefing.html:3: template error: the html filter takes the URL of the "
            "briefing's page, block|html(briefing_url(slug)), not int 42"
        ],
    ),
    "template saved as UTF-16 (its byte order mark)": (
        {"templates/briefing.html": b"\xff\xfe{{"},
        ["templates/briefing.html:1: saved as UTF-16, not UTF-8: save it again as UTF-8"],
    ),
    "included part that is not UTF-8": (
        {"templates/_card.html": b"<p>\n\xff{{ other.meta.title }}</p>"},
        [
            "templates/_card.html:2: not UTF-8 (byte 4: 0xff, 'ÿ' in Windows-1252): save it again as UTF-8"
        ],
    ),
    "a number past Python's 4,300 digits": (
        {"content/a.md": md("title: T\nsummary: " + "9" * 5000 + "\n")},
        ["content/a.md:3: a number too long to read: quote it if it is text"],
    ),
    # The site's own config gets the same strictness
    "config not UTF-8": (
        {"briefing.yaml": b"title: caf\xe9\n"},
        ["briefing.yaml:1: not UTF-8 (byte 10: 0xe9, 'é' in Windows-1252): save it again as UTF-8"],
    ),
    "config anchor": (
        {"briefing.yaml": "title: &a x\n"},
        ["briefing.yaml:1: YAML anchors (&name) are not allowed"],
    ),
    "raw HTML opt-in must be a real boolean": (
        {"briefing.yaml": "allow_raw_html_unsafe: yes\n"},
        ["briefing.yaml:1: allow_raw_html_unsafe: must be true or false"],
    ),
    "the metadata's problems and the body's in one run": (
        {"content/a.md": md("title: T\ncolour: red\n", "Intro.\n\n" + "1. " * 40 + "x\n")},
        [
            "content/a.md:3: unknown key 'colour'; known keys: title, summary, slug, date, "
            "updated, event, people, tags, sources, draft, sections, drop, keep, image, author, "
            "language",
            "content/a.md:7: lists or quotes nested more than 16 deep",
        ],
    ),
    # Every problem of every article, sorted by file and line, in one run
    "all problems at once": (
        {
            "content/a.md": md("title: T\ndate: soon\n"),
            "content/b.md": md("summary: x\ntags: [CON]\n"),
            "content/c.md": "---\n- a\n---\nx\n",
        },
        [
            f"content/a.md:3: date: 'soon' {ISO}",
            "content/b.md:1: missing required field: title",
            f"content/b.md:3: tags: 'CON': {TAG_RESERVED}",
            "content/c.md:2: metadata must be a mapping of keys (title: ...), not a list",
        ],
    ),
}


# YAML an editor types by hand, each with the line to fix and how to fix it.
BAD_YAML = "invalid YAML: "
TOKEN = BAD_YAML + "while scanning for the next token found character that cannot start any token"
NO_KEY = BAD_YAML + "while parsing a block mapping did not find expected key"
YAML_CASES: dict[str, tuple[str, str]] = {
    "a handle": (
        "title: @pm says hi\n",
        f"2: {TOKEN}; a value starting with '@' must be quoted: title: \"@pm says hi\"",
    ),
    "a tag in brackets": (
        "title: [Update] Leaders meet\n",
        f"2: {NO_KEY}; a value starting with '[' must be quoted: title: \"[Update] Leaders meet\"",
    ),
    "emphasis stars": (
        "title: *Breaking* talks\n",
        "2: invalid YAML: while scanning an alias did not find expected alphabetic or numeric "
        "character; a value starting with '*' must be quoted: title: \"*Breaking* talks\"",
    ),
    "double quotes inside double quotes": (
        'title: "He said "no" today"\n',
        f'2: {NO_KEY}; a value with " inside must be quoted: title: \'He said "no" today\'',
    ),
    "an apostrophe inside single quotes": (
        "title: 'It's on'\n",
        f"2: {NO_KEY}; a value with ' inside must be quoted: title: \"It's on\"",
    ),
    "a quote never closed": (
        'title: "Talks\nsummary: S\n',
        "2: invalid YAML: while scanning a quoted scalar found unexpected end of stream; "
        "this quote is never closed: end the value with it",
    ),
    "a summary wrapped onto a line of its own": (
        "title: T\nsummary: One sentence\nthat goes on.\n",
        "4: invalid YAML: while scanning a simple key could not find expected ':'; "
        "a line with no 'key: value': indent it if it goes on from the value above",
    ),
    "a key indented under another": (
        "title: T\n  summary: S\n",
        "3: invalid YAML: mapping values are not allowed in this context; "
        "this line is indented under the one above: start it where the keys start",
    ),
    "a colon in a nested value": (
        "title: T\nevent:\n  start: 2025-02-07\n  location: Paris: the Elysee\n",
        "5: invalid YAML: mapping values are not allowed in this context; "
        "a value containing ': ' must be quoted: location: \"Paris: the Elysee\"",
    ),
    "a list item out of line": (
        "title: T\npeople:\n  - Jane Doe\n - John Doe\n",
        f"5: {NO_KEY}; line it up with the lines above: a list's items and a mapping's keys "
        "share a column",
    ),
    "a title starting with # is a comment": (
        "title: #1 priority\n",
        "2: title: is empty; write the headline, in quotes if it starts with '#' "
        "(YAML reads the rest as a comment)",
    ),
}


@pytest.mark.parametrize(("meta", "expected"), list(YAML_CASES.values()), ids=list(YAML_CASES))
def test_yaml_typed_by_hand_names_the_line_and_the_fix(
    tmp_path: Path, meta: str, expected: str
) -> None:
    site = write_site(tmp_path / "site", {"content/a.md": md(meta)})
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert (result.code, result.err.splitlines()) == (1, [f"content/a.md:{expected}"])


@pytest.mark.parametrize(("files", "expected"), list(CASES.values()), ids=list(CASES))
def test_broken_site_is_reported_exactly_and_previous_build_kept(
    tmp_path: Path, files: dict[str, str | bytes], expected: list[str]
) -> None:
    site = write_site(tmp_path / "site", GOOD)
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    write_site(site, files)
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert (result.code, result.err.splitlines(), result.out) == (1, expected, "")
    assert tree(site / "build") == before
    assert [p.name for p in site.iterdir() if p.name.startswith(".build")] == []


def build_page(tmp_path: Path, files: dict[str, str | bytes], slug: str) -> Page:
    site = write_site(tmp_path / "site", files)
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    return Page((site / f"build/briefings/{slug}/index.html").read_text("utf-8"))


def test_yaml_1_1_surprises_stay_text(tmp_path: Path) -> None:
    meta = "title: NO\nsummary: 12:30\nslug: '012345'\ntags: [yes, 012345]\n"
    page = build_page(tmp_path, {"content/a.md": md(meta)}, "012345")
    assert page.find("h1") and "NO" in page.text and "12:30" in page.text
    assert [a["href"] for a in page.find("a", rel="tag")] == ["/tags/yes/", "/tags/012345/"]


def test_bom_is_stripped_and_the_article_builds(tmp_path: Path) -> None:
    page = build_page(tmp_path, {"content/a.md": "\ufeff---\ntitle: Hello\n---\nBody.\n"}, "a")
    assert "Hello" in page.text and "\ufeff" not in page.text


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_file_names_with_accents_and_dashes_give_one_ascii_slug(tmp_path: Path, form: str) -> None:
    name = unicodedata.normalize(form, "Élysée talks — Straße.md")
    page = build_page(tmp_path, {f"content/{name}": md("title: T\n")}, "elysee-talks-strasse")
    assert "T" in page.text


def test_keys_named_content_and_handler_are_reported_not_crashed_on(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/a.md": md("title: T\nhandler: x\n")})
    result = run_cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 1 and result.err.startswith("content/a.md:3: unknown key 'handler'")


def test_markdown_time_budget_stops_an_article_at_the_paragraph_that_ran_out() -> None:
    from briefing_site.content.markup import MarkupConverter
    from briefing_site.errors import ContentError
    from briefing_site.model import Location

    converter = MarkupConverter(budget=0.0)
    with pytest.raises(ContentError) as caught:
        converter.markdown_html("**slow**", Location("content/a.md", 7))
    assert str(caught.value) == (
        "content/a.md:7: Markdown took over 0 seconds for this article (stopped at this "
        "paragraph): simplify or split it"
    )
    generous = MarkupConverter(budget=60.0)
    for n in range(3):  # each article gets its own budget
        assert generous.markdown_html("**ok**", Location(f"content/{n}.md", 1)) == (
            "<p><strong>ok</strong></p>"
        )


def test_problems_within_one_file_come_in_line_order(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site", {"content/a.md": md("colour: red\ndate: soon\nevent: {}\n")}
    )
    result = run_cli("check", "-s", str(site), "--now", NOW)
    lines = [line.split(":")[1] for line in result.err.splitlines()]
    assert result.code == 1 and lines == sorted(lines, key=int) and lines[0] == "1"


def test_a_deeply_nested_list_on_a_line_out_of_line_is_an_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    """The hint for a line out of line tries the value alone as YAML: a value nested
    thousands deep must not make the loader recurse past Python's limit."""
    nested = "[" * 3000 + "]" * 3000
    site = write_site(
        tmp_path / "site",
        {
            **GOOD,
            "content/b.txt": "Leaders met in Paris to sign a trade pact on Monday.\n",
            "content/b.yaml": f"title: T\nevent:\n  start: 2025-01-01\n tags: {nested}\n",
        },
    )
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 1 and "Traceback" not in result.err
    assert result.err.startswith("content/b.yaml:4: invalid YAML: ")


def test_a_site_template_extending_itself_names_the_file_and_the_fix(tmp_path: Path) -> None:
    """`{% extends 'briefing.html' %}` in templates/briefing.html (meant: the theme's own)."""
    site = write_site(
        tmp_path / "site",
        {
            **GOOD,
            "templates/briefing.html": "{% extends 'briefing.html' %}\n"
            "{% block head %}<meta name='x'>{% endblock %}\n",
        },
    )
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 1 and "Traceback" not in result.err
    assert result.err.startswith("templates/briefing.html:1: ")
    assert "theme/briefing.html" in result.err


def test_a_bare_source_title_or_role_is_left_out_not_shown_as_none(tmp_path: Path) -> None:
    """`title:` with nothing after it is YAML's null: the link reads as its URL, never "None"."""
    meta = "title: T\npeople:\n  - {name: Jane Doe, role: }\nsources:\n"
    meta += "  - url: https://example.org/a\n    title:\n"
    page = build_page(tmp_path, {"content/a.md": md(meta)}, "a")
    assert "None" not in page.text and "Jane Doe" in page.text
    assert page.find("a", href="https://example.org/a")


def test_controls_pasted_into_metadata_reach_no_page_or_feed(tmp_path: Path) -> None:
    """A bell, an escape, DEL or a C1 control in a title, a place or a name (copy from a
    terminal or Word) is a parse error in HTML and no character at all in XML."""
    junk = '"a\\x07\\x1bb\\u0085c\\x7f\\x9fd"'
    meta = (
        f"title: {junk}\nsummary: {junk}\nauthor: {junk}\nevent:\n  name: {junk}\n"
        f"  start: 2025-02-07\n  timezone: UTC\n  location: {junk}\npeople:\n"
        f"  - {{name: {junk}, role: {junk}}}\n  - {junk}\n"
        f"sources:\n  - {{title: {junk}, url: 'https://example.org/a'}}\ntags: [{junk}]\n"
    )
    site = write_site(tmp_path / "site", {"content/a.md": md(meta)})
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    forbidden = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    built = [p for p in (site / "build").rglob("*") if p.suffix in (".html", ".xml", ".json")]
    dirty = [p.name for p in built if forbidden.search(p.read_text("utf-8"))]
    assert built and dirty == []
    assert "ab c" in (site / "build/briefings/a/index.html").read_text("utf-8")


def test_a_settings_file_that_is_a_folder_is_an_error_not_no_settings(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {**GOOD, "briefing.yaml/title": "X\n"})
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert (result.code, result.err.splitlines()) == (
        1,
        ["briefing.yaml: a folder, not a file: the settings go in a file"],
    )


def test_character_references_to_controls_are_not_decoded_into_the_page(tmp_path: Path) -> None:
    """`&#27;` is an escape once Markdown and the sanitiser decode it; HTML forbids it."""
    body = "Leaders met.\n\nBad &#27; &#127; &#x9F; &#xFFFE; refs, &amp; a good one.\n"
    site = write_site(tmp_path / "site", {"content/a.md": md("title: T\n", body)})
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    html = (site / "build/briefings/a/index.html").read_text("utf-8")
    assert re.findall("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", html) == []
    assert "refs, &amp; a good one." in html


def test_a_content_that_is_a_file_is_named_as_one(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "content").write_text("not a folder\n")
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert (result.code, result.err.splitlines()) == (
        1,
        ["content: a file, not a folder: articles go in a folder"],
    )


def test_a_settings_file_that_is_a_pipe_is_an_error_not_no_settings(tmp_path: Path) -> None:
    """A FIFO left where `briefing.yaml` was read as no settings (or would wait for a writer)."""
    site = write_site(tmp_path / "site", GOOD)
    os.mkfifo(site / "briefing.yaml")
    result = run_cli("check", "-q", "-s", str(site), "--now", NOW)
    assert (result.code, result.err.splitlines()) == (
        1,
        ["briefing.yaml: not a regular file: the settings go in a file"],
    )


@pytest.mark.parametrize(
    ("line_end", "paragraph_end"),
    [("\u2028", "\u2029"), ("\u2028", "\u2028\u2028")],
    ids=["LS and PS", "two LS"],
)
def test_unicode_line_ends_in_raw_text_part_paragraphs_as_newlines_do(
    tmp_path: Path, line_end: str, paragraph_end: str
) -> None:
    """Copy pasted from a web page or a layout program may end its lines with U+2028 and
    its paragraphs with U+2029: the story keeps every paragraph (run together, it was one
    "teaser cut off with an ellipsis" and dropped whole), and the lines named stay the
    file's, counted by "\\n" as an editor counts them."""
    sentences = [
        "Leaders of both countries will meet in Washington on Friday to discuss trade.",
        "The talks follow months of tension over tariffs on steel, officials said.",
        "Both sides said a joint statement on defense spending would follow the meeting.",
    ]
    text = sentences[0] + line_end + sentences[1] + paragraph_end + sentences[2]
    site = write_site(
        tmp_path / "site",
        {
            "content/a.txt": text + "\nLoading...",
            "content/a.yaml": "title: Talks\nsummary: Trade talks.\n",
        },
    )
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert (result.code, "content/a.txt" in result.err) == (0, False)  # "no text left"
    page = (site / "build/briefings/a/index.html").read_text("utf-8")
    shown = re.findall(r"<p>([^<]*)</p>", page)
    assert [s for s in sentences if s in shown] == sentences
    explained = run_cli("explain", "-s", str(site), str(site / "content/a.txt")).out
    assert re.findall(r"¶(\d)\s+line (\d)", explained) == [
        ("1", "1"),
        ("2", "1"),
        ("3", "1"),
        ("4", "2"),
    ]


@pytest.mark.parametrize(
    "filler",
    ["\u00a0", " \u00a0\t", "\u200b", "\u3000", "\ufeff"],
    ids=["nbsp", "spaces", "zwsp", "wide", "bom"],
)
def test_a_line_of_invisible_spaces_parts_paragraphs_as_an_empty_line_does(
    tmp_path: Path, filler: str
) -> None:
    """A scraped page's `<p>&nbsp;</p>` leaves a line of no-break spaces between paragraphs
    (or zero-width ones): the reader sees an empty line, and so does the build. Read as a
    paragraph of its own it moved every paragraph number after it (`sections:`, `drop:`,
    `explain` name the wrong one) and could cost the story its last paragraph."""
    sentences = [
        "Leaders of both countries will meet in Washington on Friday to discuss trade.",
        "The talks follow months of tension over tariffs on steel, officials said.",
        "The two countries first signed a treaty of friendship in 1951, after the war.",
    ]
    sidecar = "title: Talks\nsummary: Trade talks.\nsections: {history: [3]}\n"
    built = []
    for name, blank in (("empty", ""), ("filled", filler)):
        site = write_site(
            tmp_path / name,
            {"content/a.txt": f"\n{blank}\n".join(sentences) + "\n", "content/a.yaml": sidecar},
        )
        result = run_cli("build", "-s", str(site), "--now", NOW)
        assert result.code == 0
        built.append(tree(site / "build"))
    assert built[1] == built[0]
    page = (tmp_path / "filled/build/briefings/a/index.html").read_text("utf-8")
    history = page[page.index('data-topic="history"') :]
    assert sentences[2] in history


def test_no_break_spaces_pasted_into_yaml_read_as_the_spaces_they_look_like(
    tmp_path: Path,
) -> None:
    """A no-break space after a key's colon or in its indentation (a Mac's Option-Space,
    copy from Word or a web page) looks like a space, and no editor shows otherwise:
    YAML took `title:` and its value for one word and named the right lines below it as
    wrong. A zero-width space or a BOM before a key is nothing, as it looks."""
    meta = (
        "title:\u00a0Talks\nsummary:\u202fTrade talks.\nevent:\n\u00a0 name:\u00a0\u00a0Summit\n"
        "\u3000 start: 2025-02-07\n  timezone:\u00a0Europe/Paris\n\u200btags: [trade]\n"
    )
    config = "title:\u00a0Desk\n\ufeffbase_url:\u2009https://example.org/news/\n"
    built = []
    for name, pasted in (("plain", False), ("pasted", True)):
        files = {"content/a.md": md(meta), "briefing.yaml": config}
        if not pasted:
            files = {k: re.sub("[\u00a0\u202f\u2009\u3000]", " ", v) for k, v in files.items()}
            files = {k: re.sub("[\u200b\ufeff]", "", v) for k, v in files.items()}
        site = write_site(tmp_path / name, files)
        result = run_cli("build", "-s", str(site), "--now", NOW)
        assert (result.code, result.err) == (
            0,
            "content/a.md:4: warning: no location: add event.location\n",
        )
        built.append(tree(site / "build"))
    assert built[1] == built[0]


def test_a_no_break_space_inside_a_valid_value_is_kept_and_never_makes_a_key(
    tmp_path: Path,
) -> None:
    """Only YAML that fails, or makes a key of a wide space, has its wide spaces read as
    spaces: a summary going on over two lines whose second starts "Geneva:" and a
    no-break space builds, and keeps the no-break space the editor typed."""
    meta = (
        "title: Talks in Geneva\nsummary: The talks resume in\n"
        "  Geneva:\u00a0both sides are cautious.\ntags: [diplomacy]\n"
        "event:\n  name: Talks\n  start: 2025-02-07\n  timezone: Europe/Zurich\n"
        "  location: Geneva\n"
    )
    site = write_site(tmp_path / "site", {"content/a.md": md(meta)})
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert (result.code, result.err) == (0, ""), result.err
    page = (site / "build/briefings/a/index.html").read_text()
    assert "The talks resume in Geneva:\u00a0both sides are cautious." in page


def test_paragraph_separators_in_markdown_part_paragraphs_as_blank_lines_do(
    tmp_path: Path,
) -> None:
    sentences = [
        "Leaders of both countries will meet in Washington on Friday to discuss trade.",
        "The talks follow months of tension over tariffs on steel, officials said.",
    ]
    body = sentences[0] + "\u2029" + sentences[1] + "\n"
    site = write_site(tmp_path / "site", {"content/a.md": md("title: Talks\n", body)})
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    shown = re.findall(r"<p>([^<]*)</p>", (site / "build/briefings/a/index.html").read_text())
    assert [s for s in sentences if s in shown] == sentences
    explained = run_cli("explain", "-s", str(site), str(site / "content/a.md")).out
    assert re.findall(r"¶(\d)\s+line (\d)", explained) == [("1", "4"), ("2", "4")]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"], ids=["LS", "PS"])
def test_a_separator_inside_a_markdown_table_row_is_a_space(tmp_path: Path, separator: str) -> None:
    """A soft line break pasted into a table cell: the row stays whole and the table one
    paragraph in one section, as the cell would read with a space there (cut at the
    separator, the row's halves were two paragraphs, filed under different topics, and
    every paragraph number after it moved). In prose the separators still end a line
    or a paragraph."""
    lede = "Leaders of both countries will meet in Washington on Friday to discuss trade."
    table = [
        "| Day | Topic |",
        "| --- | --- |",
        f"| Friday | Trade{separator}and jobs |",
        f"| Saturday | Defense{separator}spending |",
    ]
    after = "The talks follow months of tension over tariffs on steel, officials said."
    body = "\n\n".join([lede, "\n".join(table), after]) + "\n"
    site = write_site(tmp_path / "site", {"content/a.md": md("title: Talks\n", body)})
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    shown = re.findall(r"<p>([^<]*)</p>", (site / "build/briefings/a/index.html").read_text())
    rows = [row.replace(separator, " ") for row in table]
    assert "\n".join(rows) in shown
    assert after in shown
    explained = run_cli("explain", "-s", str(site), str(site / "content/a.md")).out
    assert re.findall(r"¶(\d)\s+line (\d+)", explained) == [("1", "4"), ("2", "6"), ("3", "11")]


_TABLE_AFTER_PROSE = {
    # A separator after prose ends the paragraph, as on any other line: the row after
    # it is no cell of the prose.
    "prose_then_row": (
        "The talks ended late on Friday, officials said.\u2029| Team | Score |\n|---|---|\n| A | 3 |",
        [
            "The talks ended late on Friday, officials said.",
            "| Team | Score |\n|---|---|\n| A | 3 |",
        ],
    ),
    "prose_then_bars": (
        "The talks ended late on Friday, officials said.\u2029"
        "The next round is set for March | see the table below |",
        [
            "The talks ended late on Friday, officials said.",
            "The next round is set for March | see the table below |",
        ],
    ),
    # Rows one separator apart: each row ended with its "|", so the separator ends
    # the row's line (U+2029: a paragraph each), not a cell.
    "rows_apart": (
        "| Team | Score |\u2029|---|---|\u2029| A | 3 |\u2029| B | 1 |",
        ["| Team | Score |", "|---|---|", "| A | 3 |", "| B | 1 |"],
    ),
    "rows_apart_by_line_separator": (
        "| Team | Score |\u2028|---|---|\u2028| A | 3 |",
        ["| Team | Score |\n|---|---|\n| A | 3 |"],
    ),
    # The break the rule is for: inside a cell, the row not yet closed.
    "broken_cell": (
        "| Team | Score |\n|---|---|\n| A | 3\u2028(after extra time) |\n| B | 1 |",
        ["| Team | Score |\n|---|---|\n| A | 3 (after extra time) |\n| B | 1 |"],
    ),
}


def test_a_separator_after_prose_or_a_closed_row_still_ends_the_line(tmp_path: Path) -> None:
    """Only a separator inside a row's cell is a space: after a prose sentence it still
    ends the paragraph (the row or the bars that follow stay out of it), and rows one
    separator apart stay separate lines, not one flattened row."""
    lede = "Leaders of both countries will meet in Washington on Friday to discuss trade."
    files = {
        f"content/{name}.md": md(f"title: {name}\n", f"{lede}\n\n{body}\n")
        for name, (body, _) in _TABLE_AFTER_PROSE.items()
    }
    site = write_site(tmp_path / "site", files)
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    for name, (_, paragraphs) in _TABLE_AFTER_PROSE.items():
        page = (site / f"build/briefings/{name.replace('_', '-')}/index.html").read_text()
        assert re.findall(r"<p>([^<]*)</p>", page) == [lede, *paragraphs], name


def _as_a_user(*argv: str) -> subprocess.CompletedProcess[str]:
    """The CLI run as a user whom file permissions bind: root too, without the
    capabilities that let it read any file."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() == 0 and setpriv is None:
        pytest.skip("root reads any file, and setpriv is not here to drop that")
    drop = [setpriv, "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    command = [*drop, sys.executable, "-m", "briefing_site", *argv]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


@pytest.mark.parametrize(
    "unreadable",
    ["briefing.yaml", "templates/base.html", "templates/static/site.css", "content/good.md"],
)
@pytest.mark.parametrize("command", ["build", "check"])
def test_a_file_the_user_may_not_read_is_named_and_the_build_kept(
    tmp_path: Path, unreadable: str, command: str
) -> None:
    """A file saved without read permission (copied from another account, or a umask
    gone wrong) is named as the file that could not be read: not a traceback, and not
    "cannot write the build", which sent the editor looking at the output folder."""
    base = (REPO / "src/briefing_site/theme/base.html").read_text("utf-8")
    site = write_site(
        tmp_path / "site",
        {
            **GOOD,
            "briefing.yaml": "title: Desk\nbase_url: https://example.org/\n",
            "templates/base.html": base,
            "templates/static/site.css": "body { color: black }\n",
        },
    )
    assert _as_a_user("build", "-s", str(site), "--now", NOW).returncode == 0
    before = tree(site / "build")
    (site / unreadable).chmod(0)
    try:
        result = _as_a_user(command, "-s", str(site), "--now", NOW)
    finally:
        (site / unreadable).chmod(0o644)
    assert (result.returncode, result.stderr.splitlines()) == (
        1,
        [f"{unreadable}: cannot read: Permission denied"],
    )
    assert tree(site / "build") == before


def test_an_output_folder_the_user_may_not_list_is_an_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    site = write_site(tmp_path / "site", GOOD)
    assert _as_a_user("build", "-s", str(site), "--now", NOW).returncode == 0
    (site / "build").chmod(0)
    try:
        result = _as_a_user("build", "-s", str(site), "--now", NOW)
    finally:
        (site / "build").chmod(0o755)
    assert (result.returncode, result.stderr.splitlines()) == (
        1,
        [f"{site / 'build'}: cannot read the output folder: Permission denied"],
    )


def test_a_build_cache_the_user_may_not_read_is_named_not_the_output_folder(
    tmp_path: Path,
) -> None:
    """A cache folder left unreadable (restored from a backup as another user) was
    reported as "cannot write the build", at the output folder, which was fine."""
    site = write_site(tmp_path / "site", GOOD)
    assert _as_a_user("build", "-s", str(site), "--now", NOW).returncode == 0
    before = tree(site / "build")
    cache = site / ".briefing-cache"
    cache.chmod(0)
    try:
        result = _as_a_user("build", "-s", str(site), "--now", "2025-02-06T10:00:00-05:00")
    finally:
        cache.chmod(0o755)
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{cache}: Permission denied"), lines
    assert "cannot write the build" not in lines[0]
    assert tree(site / "build") == before


def _beside(site: Path) -> list[str]:
    """What builds leave beside the output folder: staging, retired or lock files."""
    return sorted(p.name for p in site.iterdir() if p.name.startswith(".build."))


def _writable_again(folder: Path) -> None:
    """Give the owner write permission on `folder` and every folder in it."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(path.stat().st_mode | stat.S_IRWXU)


def test_a_read_only_output_folder_is_refused_left_as_it_was_and_nothing_left_beside_it(
    tmp_path: Path,
) -> None:
    """`chmod a-w build`: the build said it built, swapped the folder in anyway, and
    left the old one, read-only, in a hidden `.build.new-*` folder that every later
    build then failed to remove ("cannot write the build"), even once the user had
    made build/ writable again. A build with nothing to do writes nothing: it succeeds
    on a read-only folder, reporting as the last build did."""
    site = write_site(tmp_path / "site", GOOD)
    first = _as_a_user("build", "-s", str(site), "--now", NOW)
    assert first.returncode == 0
    before = tree(site / "build")
    (site / "build").chmod(0o555)
    try:
        result = _as_a_user("build", "-s", str(site), "--now", "2025-02-06T10:00:00-05:00")
        unchanged = _as_a_user("build", "-s", str(site), "--now", NOW)
        assert (site / "build").stat().st_mode & 0o777 == 0o555
    finally:
        (site / "build").chmod(0o755)
    message = (
        f"{site / 'build'}: the output folder is read-only (Permission denied): "
        "make it writable, or choose another with -o; the previous build is unchanged"
    )
    assert (result.returncode, result.stderr.splitlines()) == (1, [message])
    assert (unchanged.returncode, unchanged.stdout, unchanged.stderr) == (
        0,
        first.stdout,
        first.stderr,
    )
    assert tree(site / "build") == before
    assert _beside(site) == []
    again = _as_a_user("build", "-s", str(site), "--now", "2025-02-06T10:00:00-05:00")
    assert again.returncode == 0, again.stderr
    assert _beside(site) == []
    assert tree(site / "build") != before  # the new clock's build is in place


def test_a_read_only_folder_inside_the_output_does_not_stop_later_builds(
    tmp_path: Path,
) -> None:
    """build/ is the build's own and is replaced whole, so a folder in it made read-only
    (`chmod a-w build/briefings`) is replaced too. It used to reach the build cache as
    the spare copy of the output, and every later build then failed on it there."""
    site = write_site(tmp_path / "site", GOOD)
    assert _as_a_user("build", "-s", str(site), "--now", NOW).returncode == 0
    (site / "build/briefings").chmod(0o555)
    for day in ("06", "07", "08"):
        result = _as_a_user("build", "-s", str(site), "--now", f"2025-02-{day}T10:00:00-05:00")
        assert (result.returncode, "Permission" in result.stderr) == (0, False), result.stderr
        assert _beside(site) == []
    one_process = tmp_path / "one"
    done = _as_a_user(
        "build", "-s", str(site), "-o", str(one_process), "-j", "1", "--no-cache",
        "--now", "2025-02-08T10:00:00-05:00",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert tree(site / "build") == tree(one_process)
    _writable_again(site)


def test_a_read_only_staging_folder_left_by_an_earlier_version_is_removed(
    tmp_path: Path,
) -> None:
    """Builds before this fix left the old output, read-only, in a `.build.new-*`
    folder: the next build removes it (it carries the marker), and builds."""
    site = write_site(tmp_path / "site", GOOD)
    assert _as_a_user("build", "-s", str(site), "--now", NOW).returncode == 0
    left = site / ".build.new-leftover"
    shutil.copytree(site / "build", left)
    for path in [left, *left.rglob("*")]:
        if path.is_dir():
            path.chmod(0o555)
    result = _as_a_user("build", "-s", str(site), "--now", "2025-02-06T10:00:00-05:00")
    if left.exists():
        _writable_again(left)
    assert (result.returncode, result.stderr.count("Permission")) == (0, 0), result.stderr
    assert _beside(site) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_no_cache_builds_without_touching_a_cache_the_user_may_not_read(
    tmp_path: Path, jobs: str
) -> None:
    """`--no-cache` is the way round a cache folder that is in the way; it failed on one
    the user may not read (".briefing-cache: Permission denied"), for it still deleted a
    file there. The cache is left as it was, and the next build with the cache does
    not take its record of the build before for the output now in place."""
    site = write_site(
        tmp_path / "site", {**GOOD, "content/draft.md": md("title: D\ndraft: true\n")}
    )
    assert _as_a_user("build", "-s", str(site), "--now", NOW).returncode == 0
    published = tree(site / "build")
    cache = site / ".briefing-cache"
    kept = tree(cache)
    cache.chmod(0)
    try:
        result = _as_a_user(
            "build", "-s", str(site), "--no-cache", "-j", jobs, "--drafts", "--now", NOW
        )
    finally:
        cache.chmod(0o755)
    assert (result.returncode, "Permission" in result.stderr) == (0, False), result.stderr
    assert "draft" in [p.split("/")[1] for p in tree(site / "build") if p.startswith("briefings/")]
    assert tree(cache) == kept
    again = _as_a_user("build", "-s", str(site), "--now", NOW)  # as the first: not "nothing to do"
    assert again.returncode == 0, again.stderr
    assert tree(site / "build") == published


def _run(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it: a process of its own."""
    command = [sys.executable, "-m", "briefing_site", *argv]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, check=False)


def test_build_names_markdown_articles_saved_under_a_name_no_build_reads(tmp_path: Path) -> None:
    """`a.MD`, `a.Md` and `a.markdown` were left out of the site without a word (only
    `check` named them). The content format is `<slug>.md` (DESIGN.md): build says so
    for each, and still builds the rest; `explain` on one says the same."""
    good = md("title: T\nsummary: S\n")
    site = write_site(
        tmp_path / "site",
        {**GOOD, "content/a.MD": good, "content/b.Md": good, "content/c.markdown": good},
    )
    built = _run("build", "-s", str(site), "--now", NOW)
    checked = _run("check", "-s", str(site), "--now", NOW)
    named = [
        f"content/{name}: warning: not read: name a Markdown article {stem}.md (lower case)"
        for name, stem in (("a.MD", "a"), ("b.Md", "b"), ("c.markdown", "c"))
    ]
    for result in (built, checked):
        assert result.returncode == 0, result.stderr
        assert [line for line in result.stderr.splitlines() if "not read" in line] == named
    assert "built 1 briefing, 5 warnings" in built.stdout
    again = _run("build", "-s", str(site), "--now", NOW)  # nothing to do: the same report
    assert again.stderr == built.stderr
    explained = _run("explain", "-s", str(site), "content/a.MD")
    assert (explained.returncode, explained.stderr) == (
        2,
        f"{site / 'content/a.MD'}: not read: name a Markdown article a.md (lower case)\n",
    )


def test_a_settings_file_misnamed_then_removed_is_no_longer_warned_of(tmp_path: Path) -> None:
    """Build warns of `briefing.yml` and `Briefing.yaml` beside briefing.yaml. Once the
    user removed it, a build with nothing else to do still repeated the warning (the
    last build's report), so the fix looked as if it had not worked; a build that had
    something to do said nothing. Both now say what the folder holds."""
    warned = "warning: not read: the settings file is named briefing.yaml, in lower case"
    site = write_site(tmp_path / "site", {**GOOD, "briefing.yaml": "title: Desk\n"})
    for name in ("briefing.yml", "Briefing.yaml"):
        (site / name).write_text("title: Mine\n")
        built = _run("build", "-s", str(site), "--now", NOW)
        assert built.returncode == 0, built.stderr
        assert f"{name}: {warned}" in built.stderr.splitlines()
        (site / name).unlink()
        again = _run("build", "-s", str(site), "--now", NOW)
        assert again.returncode == 0, again.stderr
        kept = [line for line in built.stderr.splitlines() if warned not in line]
        assert again.stderr.splitlines() == kept


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (("a.txt", "a.YAML"), "content/a.txt: no metadata: rename a.YAML to a.yaml"),
        (("a.TXT", "a.yaml"), "content/a.yaml: metadata without an article: rename a.TXT to a.txt"),
    ],
)
def test_a_text_article_or_sidecar_in_another_case_is_named_with_the_fix(
    tmp_path: Path, files: tuple[str, str], message: str
) -> None:
    site = write_site(tmp_path / "site", GOOD)
    assert _run("build", "-s", str(site), "--now", NOW).returncode == 0
    before = tree(site / "build")
    write_site(site, {f"content/{files[0]}": "Text.\n", f"content/{files[1]}": "title: T\n"})
    for command in ("build", "check"):
        result = _run(command, "-s", str(site), "--now", NOW)
        assert (result.returncode, result.stderr.splitlines()) == (1, [message])
    assert tree(site / "build") == before


def test_a_job_count_is_plain_digits_and_zero_still_means_one_per_cpu(tmp_path: Path) -> None:
    """`-j +2` and `-j 1_0` were read as 2 and 10 (Python's `int`), so a slip of the
    finger built anyway; they are usage errors, and nothing is built."""
    site = write_site(tmp_path / "site", GOOD)
    for jobs in ("+2", "1_0"):
        result = _run("build", "-s", str(site), "-j", jobs, "--now", NOW)
        assert result.returncode == 2, result.stderr
        assert f"-j/--jobs: not a number of processes: '{jobs}'" in result.stderr
        assert not (site / "build").exists()
    assert _run("build", "-s", str(site), "-j", "0", "--now", NOW).returncode == 0


def test_a_staging_folder_left_by_another_user_is_named_with_what_to_do(tmp_path: Path) -> None:
    """One the build may not remove (an interrupted `sudo briefing-site build`, say) was
    reported as "build: cannot write the build", pointing at a folder that was fine."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("making a folder another user owns needs root, and setpriv to drop it")
    site = write_site(tmp_path / "site", GOOD)
    assert _as_a_user("build", "-s", str(site), "--now", NOW).returncode == 0
    before = tree(site / "build")
    left = site / ".build.new-leftover"
    shutil.copytree(site / "build", left)
    for path in [*left.rglob("*"), left]:
        os.chown(path, 65534, 65534, follow_symlinks=False)
    (left / "briefings").chmod(0o555)
    as_another = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    later = "2025-02-06T10:00:00-05:00"
    command = [*as_another, sys.executable, "-m", "briefing_site", "build", "-s", str(site)]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [*command, "--now", later], capture_output=True, text=True, env=env, check=False
    )
    assert (result.returncode, result.stderr.splitlines()) == (
        1,
        [
            f"{left}: cannot remove this folder, left by an earlier build (Permission denied): "
            "remove it, then build again; the previous build is unchanged"
        ],
    )
    assert tree(site / "build") == before
    shutil.rmtree(left)
    assert _as_a_user("build", "-s", str(site), "--now", later).returncode == 0
    assert _beside(site) == []


SWALLOWS = (
    "can run for ever on a line it does not match: a group that repeats holds .* or .+, "
    "so each turn may end at any of many places (as in (.*a){20}); end each turn at the "
    "first one: [^a]*a or (?>.*?a) for .*a"
)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            "junk_patterns: ['(.*a){20}']\n",
            f"briefing.yaml:1: junk_patterns: '(.*a){{20}}' {SWALLOWS}",
        ),
        (
            "junk_patterns: ['^Loading', '(.+\\s)+']\n",
            f"briefing.yaml:1: junk_patterns: '(.+\\\\s)+' {SWALLOWS}",
        ),
        (
            "topics:\n  economy:\n    patterns: ['(?:.*tariff){4,}']\n",
            f"briefing.yaml:2: topic 'economy': pattern '(?:.*tariff){{4,}}' {SWALLOWS}",
        ),
        (  # a branch of a repeated alternation: > 10 s on a line of 40 b's
            "junk_patterns: ['(a|.*b){20}c']\n",
            f"briefing.yaml:1: junk_patterns: '(a|.*b){{20}}c' {SWALLOWS}",
        ),
        (
            "junk_patterns: ['^Photo', '(?:.*x|y){20}z']\n",
            f"briefing.yaml:1: junk_patterns: '(?:.*x|y){{20}}z' {SWALLOWS}",
        ),
        (
            "junk_patterns: ['(?:y|.+){20}c']\n",
            f"briefing.yaml:1: junk_patterns: '(?:y|.+){{20}}c' {SWALLOWS}",
        ),
    ],
)
def test_a_site_pattern_repeating_a_run_of_any_character_is_refused_before_it_hangs(
    tmp_path: Path, config: str, message: str
) -> None:
    """`(.*a){20}` passed the check for runaway patterns, and a build then took longer
    for each letter a paragraph had: 20 s on one of 200 characters, for ever on a longer
    one. It is refused, saying how to write it, before anything is read or written."""
    site = write_site(tmp_path / "site", GOOD)
    assert _run("build", "-s", str(site), "--now", NOW).returncode == 0
    before = tree(site / "build")
    write_site(site, {"briefing.yaml": config})
    for command in ("build", "check"):
        result = _run(command, "-s", str(site), "--now", NOW)
        assert (result.returncode, result.stderr.splitlines()) == (1, [message])
    assert tree(site / "build") == before


SLIDES = (
    "can run for ever on a line it does not match: in a group that repeats, a run (as \\w* "
    "in (\\w*a){20}) may take the letters of what follows it, so each turn may end at any "
    "of many places; keep the run off them ([b-z]*a) or make it possessive (\\w*+)"
)


# Each takes minutes or more on an ordinary line it does not match (a line of 200 a's;
# 80 a's; "xy" repeated, then a full stop; a long word, then "!").
SLIDING = ["(\\w*a){20}", "(a\\w*){6}!", "(?:x[a-z]*y)+$", "(?:[a-z]+e){8}!"]


def test_a_site_pattern_whose_run_takes_what_follows_it_is_refused_before_it_hangs(
    tmp_path: Path,
) -> None:
    """`(\\w*a){20}` passed the check that refuses `(.*a){20}`: a run of any word
    character splits a line of a's among the turns as freely as `.*` does, and the
    build then hung on an ordinary paragraph. Each is refused, saying how to write it,
    before anything is read or written."""
    site = write_site(tmp_path / "site", GOOD)
    assert _run("build", "-s", str(site), "--now", NOW).returncode == 0
    before = tree(site / "build")
    for pattern in SLIDING:
        write_site(site, {"briefing.yaml": f"junk_patterns: ['^Loading', '{pattern}']\n"})
        for command in ("build", "check") if pattern == SLIDING[0] else ("build",):
            result = _run(command, "-s", str(site), "--now", NOW)
            assert (result.returncode, result.stderr.splitlines()) == (
                1,
                [f"briefing.yaml:1: junk_patterns: {pattern!r} {SLIDES}"],
            )
    assert tree(site / "build") == before


def test_a_site_pattern_whose_turns_split_one_way_only_is_used(tmp_path: Path) -> None:
    """Runs kept off what follows them split a line one way only, in time linear in
    the line: such patterns must build, and drop what they match."""
    accepted = ["(\\w+\\s)+", "(\\S+\\s+){0,6}tariff", "([b-z]*a){20}", "(\\w*+a){20}"]
    listed = ", ".join(f"'^{pattern}$'" for pattern in accepted)
    junk = "ba" * 20
    site = write_site(
        tmp_path / "site",
        {
            "briefing.yaml": f"junk_patterns: [{listed}]\n",
            "content/a.md": md("title: T\n", f"Leaders meet on Friday to talk trade.\n\n{junk}\n"),
        },
    )
    result = _run("build", "-s", str(site), "--now", NOW)
    assert result.returncode == 0, result.stderr
    page = (site / "build/briefings/a/index.html").read_text(encoding="utf-8")
    assert "talk trade" in page
    assert "baba" not in page


def test_a_pattern_repeating_more_times_than_re_counts_is_a_bad_pattern_not_a_traceback(
    tmp_path: Path,
) -> None:
    """`{99999999999}` made `re` raise OverflowError, not `re.error`: check and build
    ended in a traceback instead of naming the line."""
    site = write_site(tmp_path / "site", GOOD)
    assert _run("build", "-s", str(site), "--now", NOW).returncode == 0
    before = tree(site / "build")
    write_site(site, {"briefing.yaml": "title: Desk\njunk_patterns: ['(?:.*x){99999999999}']\n"})
    message = (
        "briefing.yaml:2: junk_patterns: '(?:.*x){99999999999}' is not a valid regular "
        "expression: the repetition number is too large"
    )
    for command in ("check", "build"):
        result = _run(command, "-s", str(site), "--now", NOW)
        assert (result.returncode, result.stderr.splitlines()) == (1, [message])
    assert tree(site / "build") == before


def test_the_suggested_patterns_run_and_drop_what_they_match(tmp_path: Path) -> None:
    junk = "Related: a, a, a, and a."
    site = write_site(
        tmp_path / "site",
        {
            "briefing.yaml": "junk_patterns: ['([^a]*a){4}.*', '(?>.*?Share){2}.*']\n",
            "content/good.md": md("title: T\n", f"Fine text.\n\n{junk}\n\nShare it. Share.\n"),
        },
    )
    result = _run("build", "-s", str(site), "--now", NOW)
    assert result.returncode == 0, result.stderr
    page = (site / "build/briefings/good/index.html").read_text()
    assert "Fine text." in page and junk not in page and "Share it" not in page
