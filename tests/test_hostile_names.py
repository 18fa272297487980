"""Hostile file names: every path through the tool refuses or shows them safely.

The names come from the file system as bytes. A name that is not UTF-8 is
refused by the one walk every reader shares (load, stamp, cache, preview),
never crashed on; every other name is printed escaped, so one message is one
line and reads as it is stored (no newline splitting it, no bidi control
reordering it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli, write_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from liveserver import serving, wait_until

from briefing_site.build.options import BuildOptions
from briefing_site.clock import build_clock
from briefing_site.dev.preview import Live, Preview
from briefing_site.dev.serve import problem_page
from briefing_site.errors import ContentError

NOW = "2025-02-05T10:00:00-05:00"
ARTICLE = "---\ntitle: Good\n---\nFine text about the summit.\n"
FUTURE = "---\ntitle: Later\ndate: 2030-01-01\n---\nFine text about the summit.\n"
UNSAFE = ["\n", "\r", "\x1b", "\u202e", "\u2066", "\u200b", "\u200f", "\ufeff", "\u2028"]


def site_with(root: Path, name: bytes, data: str = ARTICLE) -> Path:
    """A good site plus one file whose name is `name` (raw bytes) in content/."""
    site = write_site(root, {"content/good.md": ARTICLE})
    with open(os.fsencode(site / "content") + b"/" + name, "wb") as handle:
        handle.write(data.encode())
    return site


def assert_one_line_each(text: str, unsafe: str = "".join(UNSAFE)) -> None:
    """Every line is a whole message: none starts with a fragment of a file name."""
    for line in text.splitlines():
        assert line.startswith(("content/", "built ", "ok: ", "  ", "        ")), line
        assert not any(char in line for char in unsafe), repr(line)
        assert "Traceback" not in line


def test_a_name_that_is_not_utf8_is_refused_by_build_check_and_explain(tmp_path: Path) -> None:
    site = site_with(tmp_path / "site", b"bad\xff\xfe.md")
    expected = (
        "content/bad\\xff\\xfe.md: the file name is not valid UTF-8 (bytes bad\\xff\\xfe.md): "
        "rename it\n"
    )
    for argv in (
        ["build", "-s", str(site), "--now", NOW],
        ["build", "-s", str(site), "--now", NOW, "--no-cache", "-j", "1"],
        ["check", "-s", str(site), "--now", NOW],
        ["explain", str(site / "content/good.md")],
    ):
        done = run_cli(*argv)
        assert (done.code, done.err) == (1, expected), argv
    assert not (site / "build").exists()


def test_a_name_that_is_not_utf8_added_after_a_build_fails_the_fast_paths(tmp_path: Path) -> None:
    """The no-change stamp and the cache walk on their own: they must refuse it too."""
    site = site_with(tmp_path / "site", b"fine.md")
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = (site / "build/index.html").read_bytes()
    os.rename(
        os.fsencode(site / "content/fine.md"), os.fsencode(site / "content") + b"/\xe9t\xe9.md"
    )
    done = subprocess.run(
        [sys.executable, "-m", "briefing_site", "build", "-s", str(site), "--now", NOW],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == (
        "content/\\xe9t\\xe9.md: the file name is not valid UTF-8 (bytes \\xe9t\\xe9.md): "
        "rename it\n"
    )
    assert (site / "build/index.html").read_bytes() == before


def test_the_preview_refuses_a_name_that_is_not_utf8_with_the_same_message(
    tmp_path: Path,
) -> None:
    site = site_with(tmp_path / "site", b"fine.md")
    preview = Preview(BuildOptions(site=site, now=build_clock(NOW, {})))
    preview.rebuild()
    os.rename(os.fsencode(site / "content/fine.md"), os.fsencode(site / "content") + b"/x\x80.md")
    with pytest.raises(ContentError) as caught:
        preview.rebuild([site / "content" / os.fsdecode(b"x\x80.md")])
    assert caught.value.lines() == [
        "content/x\\x80.md: the file name is not valid UTF-8 (bytes x\\x80.md): rename it"
    ]


def test_a_newline_in_a_name_is_shown_escaped_on_one_line(tmp_path: Path) -> None:
    site = site_with(tmp_path / "site", b"evil\nfake.md:1: warning: x.md", FUTURE)
    done = run_cli("build", "-s", str(site), "--now", NOW)
    assert done.code == 0
    shown = "content/evil\\nfake.md:1: warning: x.md"
    lines = done.err.splitlines()
    assert lines and all(
        re.match(rf"({re.escape(shown)}|content/good\.md):\d+: warning: ", line) for line in lines
    ), lines
    assert any(line.startswith(f"{shown}:3: warning: held back") for line in lines)


def test_bidi_and_zero_width_characters_are_shown_escaped_and_dropped_from_slugs(
    tmp_path: Path,
) -> None:
    name = "ab\u202egnp.\u200bcd.md"
    title = "Sum\u200bmit \u202etalks\u202c"
    site = site_with(tmp_path / "site", name.encode(), FUTURE.replace("Later", title))
    done = run_cli("build", "-s", str(site), "--now", NOW, "--drafts")
    assert done.code == 0, done.err
    assert "\u202e" not in done.err + done.out and "\u200b" not in done.err + done.out
    # The slug comes from the name, without the invisible characters (not split by them).
    page = site / "build/briefings/abgnp-cd/index.html"
    html = page.read_text()
    assert "Summit talks" in html and "\u202e" not in html and "\u200b" not in html
    explained = run_cli("explain", str(site / "content" / name))
    assert explained.code == 0
    assert explained.out.splitlines()[0] == "content/ab\\u202egnp.\\u200bcd.md: Summit talks"


# A name is any bytes but '/' and NUL; '.' and '..' are not file names.
names = st.binary(min_size=1, max_size=24).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=names)
def test_any_file_name_gives_one_line_per_message_and_no_traceback(
    tmp_path_factory: pytest.TempPathFactory, name: bytes
) -> None:
    """build, check, explain and serve's overlay, for an arbitrary name's bytes."""
    root = tmp_path_factory.mktemp("site")
    try:
        site = site_with(root, name + b".md", FUTURE)
    except OSError:  # a name too long for this file system
        return
    for argv in (
        ["build", "-s", str(site), "--now", NOW],
        ["check", "-s", str(site), "--now", NOW],
        ["explain", str(site / "content" / os.fsdecode(name + b".md"))],
    ):
        done = run_cli(*argv)
        # explain on a path that is no article (a dotfile, say) is a usage error: 2
        assert done.code in ((0, 1, 2) if argv[0] == "explain" else (0, 1)), (argv, done.err)
        assert "Traceback" not in done.err, done.err
        if argv[0] != "explain":
            assert_one_line_each(done.err + done.out)
        else:
            for line in done.err.splitlines() + done.out.splitlines()[:1]:
                assert not any(char in line for char in UNSAFE), repr(line)
    live = Live()
    try:
        Preview(BuildOptions(site=site, now=build_clock(NOW, {}))).rebuild()
        live.fail(ContentError([]))
    except ContentError as error:
        live.fail(error)
    for problem in live.problems:
        assert not any(char in problem for char in UNSAFE), repr(problem)
    page = problem_page(live.problems).decode()
    assert all("\n" not in item for item in page.split("<li>")[1:])


def test_serve_shows_a_bad_name_as_one_line_and_ignores_dotfiles(tmp_path: Path) -> None:
    """The watcher and the preview follow the same walk as the build."""
    site = site_with(tmp_path / "site", b"fine.md")
    with serving(site) as running:
        live = running.server.live
        seen = live.version
        (site / "content/.good.md.swp").write_bytes(b"an editor's swap file")
        (site / "content/.hidden").mkdir()
        (site / "content/.hidden/draft.md").write_text(ARTICLE)
        time.sleep(0.5)  # ten times the quiet period after which a rebuild is published
        assert live.version == seen and live.problems == ()
        bad = os.fsencode(site / "content") + b"/caf\xe9\n.md"
        os.rename(os.fsencode(site / "content/fine.md"), bad)
        wait_until(lambda: bool(live.problems))
        assert live.problems == (
            "content/caf\\xe9\\n.md: the file name is not valid UTF-8 "
            "(bytes caf\\xe9\\x0a.md): rename it",
        )
        os.rename(bad, os.fsencode(site / "content/fine.md"))
        wait_until(lambda: not live.problems)
        # A name that is not UTF-8 beside content/ (a download, say) stops no watcher.
        with open(os.fsencode(site) + b"/notes\xff.txt", "wb"):
            pass
        time.sleep(0.2)
        (site / "content/fine.md").write_text(ARTICLE.replace("Good", "Changed"))
        wait_until(lambda: b"Changed" in page_of(live))
        (site / "content/fine.md").write_text(ARTICLE.replace("Good", "Again"))
        wait_until(lambda: b"Again" in page_of(live))


def page_of(live: Live) -> bytes:
    snapshot = live.snapshot
    return b"" if snapshot is None else bytes(snapshot.files["briefings/fine/index.html"])


def test_no_bidi_override_reaches_the_key_facts_or_countdown(tmp_path: Path) -> None:
    front = (
        '---\ntitle: Talks\nevent:\n  name: "Summit \u202eevil\u202c name"\n'
        '  start: 2030-01-01T10:00:00+00:00\n  location: "Europa \u2067building\u2069"\n'
        'people:\n  - {name: "First \u202dLeader"}\n---\nFine text about the summit.\n'
    )
    site = write_site(tmp_path / "site", {"content/talks.md": front})
    done = run_cli("build", "-s", str(site), "--now", NOW)
    assert done.code == 0, done.err
    html = (site / "build/briefings/talks/index.html").read_text()
    assert "Summit evil name" in html and "Europa building" in html and "First Leader" in html
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", html)
