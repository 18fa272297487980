"""The authoring commands: `new`, `init`, `check`'s warnings, and progress on a terminal."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Run, write_site
from htmlcheck import Page

from briefing_site.content.lint import LEDE_HINT

NOW = "2025-06-15T12:00:00+00:00"
Site = Callable[[dict[str, str | bytes]], Path]


def test_init_makes_a_site_that_builds_and_checks_clean(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    site = tmp_path / "newsroom"
    made = cli("init", str(site), "--now", NOW)
    assert made.code == 0, made.err
    # Its `base_url: /` has no host: the one warning says to set it (the workflow passes -b).
    check = cli("check", "-s", str(site), "--now", NOW)
    assert check.code == 0 and check.err.startswith("briefing.yaml:4: warning: base_url / has")
    assert len(check.err.splitlines()) == 1, check.err
    hosted = ("-b", "https://user.github.io/newsroom/")
    check = cli("check", "-s", str(site), "--now", NOW, *hosted)
    assert check.code == 0 and check.err == "", check.err
    build = cli("build", "-s", str(site), "--now", NOW, *hosted)
    assert build.code == 0 and build.err == "", build.err
    home = Page((site / "build/index.html").read_text())
    (countdown,) = home.find("time", class_="countdown")
    assert countdown["data-state"] == "upcoming" and "Starts in 6 days" in home.text
    assert set(home.topics) == {"lede", "economy", "defense", "history", "outlook"}
    assert (site / "build/briefings/index.html").exists()


def test_init_gives_templates_folder_workflow_and_config(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    site = tmp_path / "s"
    assert cli("init", str(site)).code == 0
    assert [p.name for p in (site / "templates").iterdir()] == ["README.md"]
    assert "theme/briefing.html" in (site / "templates/README.md").read_text()
    workflow = yaml.safe_load((site / ".github/workflows/pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    assert any("briefing-site build" in step.get("run", "") for step in steps)
    assert "page_size" in (site / "briefing.yaml").read_text()


def test_init_refuses_a_folder_with_files(tmp_path: Path, cli: Callable[..., Run]) -> None:
    site = tmp_path / "busy"
    site.mkdir()
    (site / "notes.txt").write_text("mine")
    result = cli("init", str(site))
    assert result.code == 1 and "not empty (notes.txt)" in result.err
    assert [p.name for p in site.iterdir()] == ["notes.txt"]


def test_init_goes_into_a_fresh_clone_with_its_readme_and_licence(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """A repository made on a host and cloned: `.git`, README and LICENSE are left as they are."""
    site = tmp_path / "clone"
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    (site / "README.md").write_text("# Our briefings\n")
    (site / "LICENSE").write_text("MIT\n")
    result = cli("init", str(site), "--now", NOW)
    assert result.code == 0, result.err
    assert (site / "README.md").read_text() == "# Our briefings\n"
    assert cli("check", "-s", str(site), "--now", NOW).code == 0


def test_init_names_a_file_in_the_way_and_a_folder_it_cannot_write(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("mine")
    result = cli("init", str(afile))
    assert (result.code, result.err) == (1, f"{afile}: is a file, not a folder\n")
    result = cli("init", str(afile / "site"))
    assert result.code == 1 and "Traceback" not in result.err
    assert result.err.startswith(f"{afile / 'site'}: cannot make the site: ")
    assert afile.read_text() == "mine"


def test_init_on_a_symlink_loop_says_so(tmp_path: Path, cli: Callable[..., Run]) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    for target in (loop, loop / "site"):
        result = cli("init", str(target), "--now", NOW)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert result.err == (
            f"{target}: cannot make the site: Too many levels of symbolic links\n"
        ), result.err


def test_a_site_option_naming_a_file_is_a_usage_error(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    afile = tmp_path / "wire.txt"
    afile.write_text("copy")
    for command in ("build", "check", "serve", "deploy", "new T", "import -", "explain a.md"):
        result = cli(*command.split(), "-s", str(afile))
        expected = f"-s {afile}: a file; give the site's folder (the one with content/)\n"
        assert (result.code, result.err) == (2, expected), command
    assert [p.name for p in tmp_path.iterdir()] == ["wire.txt"]


def test_new_with_an_offset_but_no_zone_says_to_add_the_zone(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site({"content/.keep": ""})
    result = cli("new", "Paris talks", "-s", str(site), "--event-start", "2025-03-01T10:00+01:00")
    assert (result.code, result.err) == (
        2,
        "new: --event-start: '2025-03-01T10:00+01:00': offset +0100 disagrees with UTC "
        "(+0000 at that time) (no --timezone, so the site's UTC was used: add one)\n",
    )
    assert [p.name for p in (site / "content").iterdir()] == [".keep"]


def test_new_takes_the_event_zone_from_a_place_it_knows(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    """`--location Paris` on a UTC site: 10:00 is 10:00 in Paris, not in London."""
    site = make_site({"content/.keep": ""})
    start = ("--event-start", "2025-03-01T10:00")
    result = cli("new", "Paris talks", "-s", str(site), *start, "--location", "Paris")
    assert result.code == 0, result.err
    assert "Europe/Paris (from --location Paris; --timezone sets another)" in result.out
    front = yaml.safe_load((site / "content/paris-talks.md").read_text().split("---\n")[1])
    assert front["event"]["timezone"] == "Europe/Paris"
    assert cli("check", "-s", str(site), "--drafts").code == 0
    page = site / "build/briefings/paris-talks/index.html"
    assert cli("build", "-s", str(site), "--drafts", "--now", NOW).code == 0
    assert 'datetime="2025-03-01T10:00:00+01:00"' in page.read_text()
    # With an offset that agrees with the place's zone, it is no longer refused.
    offset = ("--event-start", "2025-03-01T10:00+01:00", "--location", "Élysée Palace")
    assert cli("new", "Élysée talks", "-s", str(site), *offset).code == 0


@pytest.mark.parametrize(
    ("location", "named", "zone"),
    [
        ("Seattle, Washington", "Washington", "America/New_York"),
        ("Paris, Texas", "Paris", "Europe/Paris"),
        ("London, Ontario", "London", "Europe/London"),
        ("Vienna, Virginia", "Vienna", "Europe/Vienna"),
        ("Lima, Ohio", "Lima", "America/Lima"),
        ("Sydney, Nova Scotia", "Sydney", "Australia/Sydney"),
        ("Santiago de Compostela", "Santiago", "America/Santiago"),
    ],
)
def test_new_takes_no_zone_from_a_place_named_inside_another(
    make_site: Site, cli: Callable[..., Run], location: str, named: str, zone: str
) -> None:
    """ "Paris, Texas" is not Paris: the site's zone, and a warning naming the zone to
    add if the event is in the place the table knows after all."""
    site = make_site({"content/.keep": ""})
    start = ("--event-start", "2025-03-01T10:00", "--location", location)
    result = cli("new", "Talks", "-s", str(site), *start)
    assert result.code == 0, result.err
    front = yaml.safe_load((site / "content/talks.md").read_text().split("---\n")[1])
    assert front["event"]["timezone"] == "UTC"
    assert result.err == (
        f"new: warning: the event's time is in the site's zone, UTC: --location {location} "
        f"names {named}, but is not just that place; if the event is in {named}, add "
        f"--timezone {zone}\n"
    )
    assert "event time zone" not in result.out


@pytest.mark.parametrize(
    ("location", "zone"),
    [
        (" paris ", "Europe/Paris"),
        ("PARIS", "Europe/Paris"),
        ("The White House", "America/New_York"),
        ("washington, d.c.", "America/New_York"),
        ("Élysée Palace, Paris", "Europe/Paris"),
        # A city with its country after it, or a venue before its city.
        ("Tokyo, Japan", "Asia/Tokyo"),
        ("Kyiv, Ukraine", "Europe/Kyiv"),
        ("Europa building, Brussels", "Europe/Brussels"),
        ("White House, Washington", "America/New_York"),
    ],
)
def test_new_takes_the_zone_of_a_whole_place_in_any_case(
    make_site: Site, cli: Callable[..., Run], location: str, zone: str
) -> None:
    site = make_site({"content/.keep": ""})
    start = ("--event-start", "2025-03-01T10:00", "--location", location)
    result = cli("new", "Talks", "-s", str(site), *start)
    assert (result.code, result.err) == (0, "")
    front = yaml.safe_load((site / "content/talks.md").read_text().split("---\n")[1])
    assert front["event"]["timezone"] == zone


def test_new_keeps_an_offset_the_places_zone_disagrees_with(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    """An explicit `+00:00` on a UTC site was written before --location chose zones: the
    place's zone is used only when it agrees with the offset, and the message says why."""
    site = make_site({"content/.keep": ""})
    start = ("--event-start", "2026-03-01T09:00+00:00", "--location", "The White House")
    result = cli("new", "V", "-s", str(site), *start)
    assert result.code == 0, result.err
    front = yaml.safe_load((site / "content/v.md").read_text().split("---\n")[1])
    assert front["event"]["timezone"] == "UTC"
    assert result.err == (
        "new: warning: the event's time is in the site's zone, UTC: the offset +0000 of "
        "--event-start disagrees with America/New_York, the zone of --location The White "
        "House; if the event is there, give its local time there, with its offset or with "
        "--timezone America/New_York and no offset\n"
    )
    # The hint works as given: --timezone and the local time without an offset.
    hinted = ("--event-start", "2026-03-01T09:00", "--timezone", "America/New_York")
    assert cli("new", "V2", "-s", str(site), *hinted, "--location", "The White House").code == 0
    # An offset that agrees with the place's zone: the place's zone, said so.
    agreed = ("--event-start", "2026-03-01T09:00-05:00", "--location", "The White House")
    result = cli("new", "W", "-s", str(site), *agreed)
    assert (result.code, result.err) == (0, "")
    assert "America/New_York (from --location The White House" in result.out
    # Disagreeing with both: main's refusal, naming where each zone came from.
    both = ("--event-start", "2026-03-01T09:00+03:00", "--location", "The White House")
    result = cli("new", "X", "-s", str(site), *both)
    assert result.code == 2
    assert "(no --timezone, so the site's UTC was used: add one" in result.err
    assert "America/New_York, the zone of --location The White House, disagrees too" in (result.err)


def test_new_says_the_site_zone_is_used_for_a_place_it_does_not_know(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site({"content/.keep": ""})
    start = ("--event-start", "2025-03-01T10:00", "--location", "Smallville")
    result = cli("new", "Talks", "-s", str(site), *start)
    assert result.code == 0, result.err
    assert result.err == (
        "new: warning: the event's time is in the site's zone, UTC: if Smallville is "
        "elsewhere, add --timezone (e.g. --timezone Europe/Paris) or set event.timezone\n"
    )
    told = cli("new", "Talks 2", "-s", str(site), *start, "--timezone", "UTC")
    assert told.code == 0 and told.err == "", told.err


def test_check_names_files_meant_for_the_site_that_no_build_reads(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    good = "---\ntitle: T\nsummary: S\n---\nText.\n"
    site = make_site(
        {
            "content/good.md": good,
            "content/Summit.MD": good,
            "content/notes.markdown": good,
            "content/wire.TXT": "Copy.\n",
            "content/saved page.html": "<p>x</p>",
            "content/draft.docx": b"PK\x03\x04",
            "content/photo.jpg": b"\xff\xd8",
            "content/good.md~": good,
            "briefing.yml": "title: Mine\n",
        }
    )
    result = cli("check", "-q", "-s", str(site), "--now", NOW)
    assert result.code == 0
    strays = [line for line in result.err.splitlines() if "not read" in line]
    assert strays == [
        "content/Summit.MD: warning: not read: name a Markdown article Summit.md (lower case)",
        "content/draft.docx: warning: not read: save it as text (.txt, UTF-8) and run "
        "briefing-site import on it",
        "content/notes.markdown: warning: not read: name a Markdown article notes.md (lower case)",
        "content/saved page.html: warning: not read: a saved page is no article; run: "
        "briefing-site import content/saved page.html",
        "content/wire.TXT: warning: not read: name a text article wire.txt (lower case), "
        "with wire.yaml",
        "briefing.yml: warning: not read: the settings file is named briefing.yaml, in lower case",
    ]


def test_new_makes_a_pasted_title_one_line(make_site: Site, cli: Callable[..., Run]) -> None:
    site = make_site({"content/.keep": ""})
    result = cli("new", "Leaders meet\n in\tParis \n", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    text = (site / "content/leaders-meet-in-paris.md").read_text()
    assert 'title: "Leaders meet in Paris"\n' in text


def test_check_says_how_many_articles_builds_leave_out(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site({"content/.keep": ""})
    assert cli("new", "My first briefing", "-s", str(site), "--now", NOW).code == 0
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.out.startswith("ok: 1 article (1 draft or scheduled left out: --drafts shows it)")
    previewed = cli("check", "-s", str(site), "--now", NOW, "--drafts")
    assert previewed.out.startswith("ok: 1 article, ")


def test_new_scaffolds_a_draft_that_passes_check(make_site: Site, cli: Callable[..., Run]) -> None:
    site = make_site({"briefing.yaml": "timezone: America/New_York\n"})
    result = cli(
        "new",
        'Élysée talks: "what\'s next"?',
        "-s",
        str(site),
        "--now",
        "2025-06-15T02:00:00+00:00",
        "--event-start",
        "2025-06-20T15:00:00+02:00",
        "--timezone",
        "Europe/Paris",
        "--location",
        "Élysée Palace, Paris",
    )
    assert result.code == 0, result.err
    path = site / "content/elysee-talks-whats-next.md"
    text = path.read_text()
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == 'Élysée talks: "what\'s next"?'
    assert front["draft"] is True
    # Today on the build clock, in the site's zone (still June 14 in New York).
    assert str(front["date"]) == "2025-06-14"
    assert front["event"]["location"] == "Élysée Palace, Paris"
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Economy",
        "## Defense",
        "## History",
        "## Outlook",
    ]
    assert cli("check", "-s", str(site), "--now", NOW).code == 0
    preview = cli("build", "-s", str(site), "--now", NOW, "--drafts")
    assert preview.code == 0, preview.err
    page = Page((site / "build/briefings/elysee-talks-whats-next/index.html").read_text())
    assert page.find("span", data_status="draft")
    assert page.find("time", class_="countdown")[0]["datetime"] == "2025-06-20T15:00:00+02:00"
    public = cli("build", "-s", str(site), "--now", NOW)
    assert public.code == 0 and "built 0 briefings" in public.out


def test_new_without_event_uses_the_configured_topics(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site({"briefing.yaml": "topics:\n  energy: {title: Energy}\n  economy: {}\n"})
    result = cli("new", "Gas deal", "-s", str(site), "--now", NOW)
    assert result.code == 0, result.err
    text = (site / "content/gas-deal.md").read_text()
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Energy",
        "## Economy",
    ]
    assert "# event:" in text
    checked = cli("check", "-s", str(site), "--now", NOW, "--drafts")
    assert checked.code == 0, checked.err


def test_new_in_an_init_site_builds(tmp_path: Path, cli: Callable[..., Run]) -> None:
    site = tmp_path / "s"
    assert cli("init", str(site), "--now", NOW).code == 0
    made = cli("new", "Next summit", "-s", str(site), "--now", NOW, "--event-start", "2025-07-01")
    assert made.code == 0, made.err
    assert cli("build", "-s", str(site), "--now", NOW, "--drafts").code == 0
    assert (site / "build/briefings/next-summit/index.html").exists()


def test_new_refuses_to_overwrite(make_site: Site, cli: Callable[..., Run]) -> None:
    site = make_site({"content/gas-deal.md": "---\ntitle: Mine\n---\nMy text.\n"})
    result = cli("new", "Gas deal", "-s", str(site))
    assert result.code == 1
    assert result.err.strip() == "content/gas-deal.md: already exists; not overwritten"
    assert (site / "content/gas-deal.md").read_text() == "---\ntitle: Mine\n---\nMy text.\n"


def test_new_refuses_a_slug_taken_by_a_text_article(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site({"content/gas-deal.txt": "Text.", "content/gas-deal.yaml": "title: T\n"})
    assert cli("new", "Gas deal", "-s", str(site)).code == 1
    assert not (site / "content/gas-deal.md").exists()


def test_new_rejects_an_offset_that_disagrees_with_the_zone(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site({"briefing.yaml": "title: T\n"})
    result = cli(
        "new",
        "Talks",
        "-s",
        str(site),
        "--event-start",
        "2025-02-07T11:55:00-04:00",
        "--timezone",
        "America/New_York",
    )
    assert result.code == 2 and "disagrees with America/New_York" in result.err
    assert list((site / "content").iterdir()) == []


def test_new_needs_an_event_start_for_event_details(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site({"briefing.yaml": "title: T\n"})
    result = cli("new", "Talks", "-s", str(site), "--location", "Paris")
    assert result.code == 2 and "--event-start" in result.err


def warnings_of(result: Run) -> list[str]:
    return [line for line in result.err.splitlines() if ": warning: " in line]


def test_check_warns_about_naive_and_suspicious_dates(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site(
        {
            "content/a.md": (
                "---\ntitle: A\nsummary: S.\ndate: 2025-02-05T09:00\n"
                "updated: 2025-02-04T09:00:00+00:00\n"
                "event: {name: E, start: '2052-02-07', location: Paris}\n---\n"
                "Lede.\n"
            )
        }
    )
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 0 and "1 article, 4 warnings" in result.out
    warnings = warnings_of(result)
    assert warnings[0].startswith("content/a.md:4: warning: date: no offset")
    assert warnings[1].startswith("content/a.md:6: warning: event: no timezone")
    assert warnings[2] == "content/a.md:5: warning: updated: earlier than date"
    assert warnings[3].startswith("content/a.md:6: warning: event.start: 9862 days after")
    assert "is the year right?" in warnings[3]
    assert not (site / "build").exists()


def test_check_warns_about_low_confidence_paragraphs(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    body = (
        "The lede.\n\n"
        "Tariffs on cars and investment in factories will create jobs.\n\n"
        "Crowds gather along the avenue in bright sunshine.\n\n"
        "Officials expect a joint statement next week.\n"
    )
    site = make_site(
        {
            "content/a.md": "---\ntitle: A\nsummary: S.\n"
            "event: {name: E, start: '2025-07-01', timezone: UTC, location: Paris}\n---\n" + body
        }
    )
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 0
    assert warnings_of(result) == [
        "content/a.md:10: warning: paragraph 3 placed in outlook with low confidence "
        "(no cue words at all; outlook is the default for such paragraphs); "
        "add a heading or a sections: override if it belongs elsewhere"
    ]


def test_check_caps_low_confidence_warnings_per_article(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    """A long article with many thinly placed paragraphs gets the first 20 warnings and
    one line for the rest, not a screenful per article."""
    crowd = [f"Crowds number {n} gather along the avenue in bright sunshine." for n in range(60)]
    body = "The lede.\n\nTariffs on cars will create jobs.\n\n" + "\n\n".join(crowd) + "\n"
    front = "---\ntitle: A\nsummary: S.\n"
    front += "event: {name: E, start: '2025-07-01', timezone: UTC, location: Paris}\n---\n"
    site = make_site({"content/a.md": front + body, "content/b.md": front + body})
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 0
    for name in ("a", "b"):
        lines = [w for w in warnings_of(result) if w.startswith(f"content/{name}.md:")]
        assert len(lines) == 21, lines
        assert all("low confidence" in line for line in lines[:20])
        assert lines[20] == (
            f"content/{name}.md:50: warning: and 40 more paragraphs placed with low "
            f"confidence: `briefing-site explain -s {site} content/{name}.md` lists them all"
        )
    assert result.out.startswith("ok: 2 articles, 42 warnings")


def test_the_explain_command_a_warning_names_runs_as_printed(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """From another folder, in a site and an article with spaces in their names: the
    command in the "and N more" and "no text left" warnings works when pasted."""
    import shlex

    crowd = [f"Crowds number {n} gather along the avenue in bright sunshine." for n in range(30)]
    body = "The lede.\n\nTariffs on cars will create jobs.\n\n" + "\n\n".join(crowd) + "\n"
    front = "---\ntitle: A\nsummary: S.\n"
    front += "event: {name: E, start: '2025-07-01', timezone: UTC, location: Paris}\n"
    site = write_site(
        tmp_path / "my site",
        {
            "content/long one.md": front + "---\n" + body,
            "content/all gone.md": front + "drop: [1]\n---\nOnly this.\n",
        },
    )
    (tmp_path / "-dash").symlink_to(site)  # a name that reads as an option unless written ./-dash
    for here, flag in ((tmp_path, "my site"), (site, "."), (tmp_path, "-dash")):
        monkeypatch.chdir(here)
        result = cli("check", f"--site={flag}", "--now", NOW)
        assert result.code == 0, result.err
        hints = [w for w in warnings_of(result) if "briefing-site explain" in w]
        assert len(hints) == 2, result.err
        for hint in hints:
            command = shlex.split(hint.split("`")[1])
            assert command[:2] == ["briefing-site", "explain"]
            assert ("-s" in command) == (flag != ".")
            ran = subprocess.run(
                [sys.executable, "-m", "briefing_site", *command[1:]],
                capture_output=True,
                text=True,
                check=False,
            )
            assert ran.returncode == 0, ran.stderr


def test_check_warns_about_quoted_speech_on_mixed_cues_but_not_the_same_words_told(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """Where an editor places reported speech depends on what it is about, which cue
    words read less reliably: the same mixed words warn when quoted, not when told."""
    said = "Both navies will join the drills, and both sides will talk trade"
    results = {}
    for name, middle in (
        ("told", f"{said}, the minister said."),
        ("quoted", f"\u201c{said},\u201d the minister said."),
    ):
        body = (
            "The lede.\n\n"
            "Tariffs on cars and investment in factories will create jobs.\n\n"
            f"{middle}\n\n"
            "Officials expect a joint statement next week.\n"
        )
        site = write_site(
            tmp_path / name,
            {
                "content/a.md": "---\ntitle: A\nsummary: S.\n"
                "event: {name: E, start: '2025-07-01', timezone: UTC, location: Paris}\n---\n"
                + body
            },
        )
        result = cli("check", "-s", str(site), "--now", NOW)
        assert result.code == 0
        results[name] = warnings_of(result)
    assert results["told"] == []
    (warning,) = results["quoted"]
    assert warning.startswith(
        "content/a.md:10: warning: paragraph 3 placed in defense with low confidence (confidence 0."
    )
    assert "next: economy" in warning or "next: outlook" in warning


def test_check_warns_about_missing_summary_and_location(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site(
        {
            "content/a.md": "---\ntitle: A\n---\nLede.\n",
            "content/b.md": "---\ntitle: B\nsummary: S.\n"
            "event: {name: E, start: '2025-07-01', timezone: UTC}\n---\nLede.\n",
        }
    )
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 0
    assert warnings_of(result) == [
        "content/a.md:1: warning: no summary: add one or two sentences for the page and "
        "the list of briefings",
        "content/a.md:2: warning: no location: add an event with a location",
        "content/b.md:4: warning: no location: add event.location",
    ]


def test_a_briefing_left_with_no_text_is_a_warning(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    """Every paragraph dropped (page furniture only, or `drop:` naming them all) would
    publish a page with a title and nothing under it: the editor is told, and how to see why."""
    head = "summary: S.\nevent: {name: E, start: '2025-07-01', timezone: UTC, location: Paris}\n"
    site = make_site(
        {
            "content/a.txt": "Menu\n\nSearch\n\nLoading...\n",
            "content/a.yaml": "title: A\n" + head,
            "content/b.md": "---\ntitle: B\n" + head + "drop: [1]\n---\n"
            "The leaders meet in Paris to sign a trade pact.\n",
            "content/c.md": "---\ntitle: C\n" + head + "---\n"
            "The leaders meet in Paris to sign a trade pact.\n",
        }
    )
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 0
    assert [w.split(": warning: ")[0] for w in warnings_of(result) if "no text left" in w] == [
        "content/a.txt:1",
        "content/b.md:1",
    ]


def test_an_article_in_its_own_language_keeps_its_prose_on_an_english_site(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    """Sentences poor in English function words read as name lists or headlines on an
    English site; an article that says it is in another language keeps them."""
    head = (
        "summary: S.\nevent: {name: E, start: '2025-07-01', timezone: UTC, location: Bratislava}\n"
    )
    body = (
        "Premiér sa v pondelok stretol s prezidentom v Bratislave a hovorili o obchode.\n\n"
        "Rokovania trvali dve hodiny, uviedol hovorca vlády po stretnutí.\n\n"
        "Obe krajiny podpísali dohodu o spolupráci v energetike a doprave.\n"
    )
    site = make_site(
        {
            "content/a.txt": body,
            "content/a.yaml": "title: A\nlanguage: sk\n" + head,
            "content/b.txt": body,
            "content/b.yaml": "title: B\n" + head,
        }
    )
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    page = (site / "build/briefings/a/index.html").read_text()
    assert all(f"{words}" in page for words in ("Rokovania trvali", "Obe krajiny podpísali"))
    assert "Rokovania trvali" not in (site / "build/briefings/b/index.html").read_text()


def test_check_fails_on_an_offset_that_disagrees_with_the_zone(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site(
        {
            "content/a.md": "---\ntitle: A\nevent:\n  name: E\n"
            "  start: 2025-02-07T11:55:00-04:00\n  timezone: America/New_York\n---\nLede.\n"
        }
    )
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert result.err.startswith("content/a.md:5: event.start:")
    assert "disagrees with America/New_York" in result.err


def test_drafts_get_warnings_only_when_shown(make_site: Site, cli: Callable[..., Run]) -> None:
    site = make_site({"content/a.md": "---\ntitle: A\ndraft: true\n---\nLede.\n"})
    assert warnings_of(cli("check", "-s", str(site), "--now", NOW)) == []
    assert len(warnings_of(cli("check", "-s", str(site), "--now", NOW, "--drafts"))) == 2


def _run_on_terminal(args: list[str]) -> str:
    """Run the CLI with stderr on a real pseudo-terminal; return what the terminal got."""
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    with subprocess.Popen(
        [sys.executable, "-m", "briefing_site", *args],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            ready, _, _ = select.select([leader], [], [], 30)
            if not ready:
                break
            try:
                data = os.read(leader, 4096)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        process.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode()


def test_progress_shows_a_count_on_a_terminal_only(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site({f"content/a{i}.md": f"---\ntitle: A{i}\n---\nLede.\n" for i in range(3)})
    shown = _run_on_terminal(["check", "-s", str(site), "--now", NOW])
    assert "checking 3/3 briefings" in shown
    quiet = _run_on_terminal(["check", "-s", str(site), "--now", NOW, "-q"])
    assert "3/3 briefings" not in quiet and "warning" in quiet
    piped = cli("build", "-s", str(site), "--now", NOW)
    assert "3/3" not in piped.err and "\r" not in piped.err


def test_check_renders_templates_without_writing(make_site: Site, cli: Callable[..., Run]) -> None:
    site = make_site(
        {
            "content/a.md": "---\ntitle: A\n---\nLede.\n",
            "templates/topic.html": '{% extends "base.html" %}\n{% block main %}{{ nope }}{% endblock %}\n',
        }
    )
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 1 and result.err.startswith("templates/topic.html:2: template error")
    assert not (site / "build").exists()


def test_offset_error_without_an_event_zone_names_the_assumed_zone(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    site = make_site(
        {
            "content/a.md": "---\ntitle: A\nevent: {name: E, start: '2025-02-07T11:55:00-05:00'}\n---\nL.\n"
        }
    )
    result = cli("check", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert "disagrees with UTC" in result.err
    assert "no event.timezone, so the site's UTC was used" in result.err


def test_a_site_in_another_language_is_not_warned_on_every_paragraph(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    """A French site's French prose (or an article that says it is French, on an
    English site) is the copy's own language: no "reads as a sentence in another
    language" doubt on each paragraph. French copy that does not say so on an English
    site is still doubted."""
    head = "summary: S.\nevent: {name: E, start: '2025-07-01', timezone: UTC, location: Paris}\n"
    french = (
        "Le président recevra mardi le chancelier allemand pour un dîner de travail.\n\n"
        "Les deux dirigeants doivent évoquer les droits de douane américains cette semaine.\n\n"
        "Selon l'Élysée, une déclaration commune pourrait être publiée à l'issue de la rencontre.\n"
    )
    for config, article_language in (("language: fr\n", ""), ("", "language: fr\n")):
        site = make_site(
            {
                "briefing.yaml": "title: Site\nbase_url: https://example.org/\n" + config,
                "content/a.txt": french,
                "content/a.yaml": "title: A\n" + article_language + head,
                "content/c.txt": french,
                "content/c.yaml": "title: C\n" + head,
            }
        )
        result = cli("check", "-s", str(site), "--now", NOW)
        doubted = {w.split(":")[0] for w in warnings_of(result) if "another language" in w}
        assert doubted == (set() if config else {"content/c.txt"})
        assert cli("build", "-s", str(site), "--now", NOW).code == 0
        page = (site / "build/briefings/a/index.html").read_text()
        assert "Les deux dirigeants" in page and "déclaration commune" in page


def test_check_warns_when_the_placeholder_lede_from_new_is_left_in(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    """An editor who removes `draft: true` before writing the lede would publish the
    template's line as the story's first paragraph: check names the line to replace."""
    site = make_site({"briefing.yaml": "title: Briefings\n"})
    made = cli(
        "new", "Ministers meet", "-s", str(site), "--now", NOW, "--event-start", "2025-07-01"
    )
    assert made.code == 0, made.err
    path = site / "content/ministers-meet.md"
    text = re.sub(r"(?m)^draft: true.*\n", "", path.read_text())
    text = text.replace(
        "## Outlook\n", "## Outlook\n\nThe ministers will sign a fisheries accord.\n"
    )
    path.write_text(text)
    line = text.splitlines().index(LEDE_HINT) + 1
    checked = cli("check", "-s", str(site), "--now", NOW)
    assert checked.code == 0, checked.err
    assert any(
        w.startswith(f"content/ministers-meet.md:{line}: warning: ") and "placeholder" in w
        for w in warnings_of(checked)
    ), checked.err
    # Written over, the warning goes.
    path.write_text(text.replace(LEDE_HINT, "Two ministers meet in Oslo to sign an accord."))
    again = cli("check", "-s", str(site), "--now", NOW)
    assert not any("placeholder" in w for w in warnings_of(again)), again.err


CUELESS = (
    "title: Climate desk\n"
    "topics:\n"
    "  emissions: {title: Emissions, words: [emissions, carbon]}\n"
    "  finance: {title: Finance}\n"
    "  outlook: {}\n"
)
CLIMATE_ARTICLE = (
    "---\ntitle: Talks\nsummary: S.\ndate: 2025-06-01T09:00:00+00:00\n"
    "event: {name: E, start: '2025-07-01', timezone: UTC, location: Bonn}\n---\n"
    "Delegates meet in Bonn next month to prepare the climate conference.\n\n"
    "Rich countries pledged billions in loans and grants, and the funding gap stays wide.\n\n"
    "Emissions of carbon reached a record last year.\n"
)


def test_check_and_build_name_a_new_topic_that_has_no_cue_words(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    """A site's own topic knows only the words briefing.yaml gives it: without any, its
    paragraphs go to the other topics with nothing said; the warning names the line."""
    site = make_site({"briefing.yaml": CUELESS, "content/talks.md": CLIMATE_ARTICLE})
    expected = (
        "briefing.yaml:4: warning: topic 'finance' has no cue words, so the classifier "
        "places no paragraph there by its words (only a '## Finance' heading, a heading "
        "matching one of its aliases, or a sections: override puts one there): give it "
        "words, e.g. finance: {title: Finance, words: [a word, a phrase, ...]}, or "
        "words: [] to place it by headings only"
    )
    checked = cli("check", "-s", str(site), "--now", NOW)
    assert checked.code == 0, checked.err
    assert expected in warnings_of(checked)
    for _ in range(2):  # the second build has nothing to do, and still says it
        built = cli("build", "-s", str(site), "--now", NOW)
        assert built.code == 0, built.err
        assert expected in warnings_of(built)
    page = (site / "build/briefings/talks/index.html").read_text("utf-8")
    assert 'data-topic="finance"' not in page
    # Flow style: named at `topics:`; with words, no warning and the section appears.
    flow = "topics: {emissions: {words: [carbon]}, finance: {}}\n"
    (site / "briefing.yaml").write_text(flow)
    checked = cli("check", "-s", str(site), "--now", NOW)
    assert [w for w in warnings_of(checked) if "has no cue words" in w] == [
        line.replace("briefing.yaml:4:", "briefing.yaml:1:") for line in [expected]
    ]
    (site / "briefing.yaml").write_text(
        CUELESS.replace("{title: Finance}", "{title: Finance, words: [pledged, funding]}")
    )
    checked = cli("check", "-s", str(site), "--now", NOW)
    assert not [w for w in warnings_of(checked) if "has no cue words" in w], checked.err
    assert cli("build", "-s", str(site), "--now", NOW).code == 0
    page = (site / "build/briefings/talks/index.html").read_text("utf-8")
    assert 'data-topic="finance"' in page


def test_a_cueless_topic_is_named_at_its_own_line_not_a_nested_key_of_its_name(
    make_site: Site, cli: Callable[..., Run]
) -> None:
    """The warning's line is the topic's own, as briefing.yaml was read: not a cue word
    of another topic that happens to be spelled like it. An explicit `words: []` says the
    topic is placed by headings only, on purpose: nothing to warn about."""
    config = (
        "title: Desk\n"
        "topics:\n"
        "  economy:\n"
        "    words:\n"
        "      sports: 2\n"
        "  sports:\n"
        "    title: Sports\n"
    )
    site = make_site({"briefing.yaml": config, "content/talks.md": CLIMATE_ARTICLE})
    checked = cli("check", "-s", str(site), "--now", NOW)
    assert checked.code == 0, checked.err
    cueless = [w for w in warnings_of(checked) if "has no cue words" in w]
    assert [w.split(" warning: ")[0] for w in cueless] == ["briefing.yaml:6:"], cueless
    assert "topic 'sports'" in cueless[0]
    (site / "briefing.yaml").write_text(config + "    words: []\n")
    checked = cli("check", "-s", str(site), "--now", NOW)
    assert checked.code == 0, checked.err
    assert not [w for w in warnings_of(checked) if "has no cue words" in w], checked.err
