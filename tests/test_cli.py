"""The command line: exit statuses, messages, explain, and a fast --help."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, SEED_TXT, SEED_YAML, Run, modules_a_build_loads, run_cli


def test_usage_error_exits_2(cli: Callable[..., Run]) -> None:
    result = cli("build", "--bogus")
    assert result.code == 2 and "unrecognized arguments: --bogus" in result.err


def test_now_without_offset_is_a_usage_error(cli: Callable[..., Run], tmp_path: Path) -> None:
    result = cli("build", "-s", str(tmp_path), "--now", "2025-02-05T10:00")
    assert result.code == 2 and "needs an offset" in result.err


@pytest.mark.parametrize(
    ("now", "epoch", "said"),
    [
        ("9999-12-31T23:59:59+00:00", "", "--now: '9999-12-31T23:59:59+00:00'"),
        ("0001-01-01T00:00:00+00:00", "", "--now: '0001-01-01T00:00:00+00:00'"),
        (None, "253402300799", "SOURCE_DATE_EPOCH: '253402300799'"),
    ],
)
def test_a_clock_at_the_calendars_end_is_a_usage_error_not_a_traceback(
    make_site: Callable[[dict[str, str | bytes]], Path],
    monkeypatch: pytest.MonkeyPatch,
    now: str | None,
    epoch: str,
    said: str,
) -> None:
    """A build counts days past its clock (countdowns, the news window): near year 9999
    that overflowed Python's dates."""
    site = make_site({"content/a.md": "---\ntitle: T\n---\nLeaders met in Paris.\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = run_cli("build", "-s", str(site), *(["--now", now] if now else []))
    assert (result.code, result.err.strip()) == (
        2,
        f"{said}: the year must be between 1000 and 9000",
    )
    assert not (site / "build").exists()


def test_missing_content_folder_is_reported(cli: Callable[..., Run], tmp_path: Path) -> None:
    result = cli("build", "-s", str(tmp_path / "nowhere"))
    assert result.code == 1 and result.err.startswith("content: no content/ folder")


def test_explain_shows_each_paragraph_topic_and_why(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(
        {"content/s.txt": SEED_TXT.read_bytes(), "content/s.yaml": SEED_YAML.read_bytes()}
    )
    result = cli("explain", str(site / "content/s.txt"))
    assert result.code == 0, result.err
    rows = [line.split() for line in result.out.splitlines() if line.startswith("  ¶")]
    assert [(r[0], r[3]) for r in rows] == [
        ("¶1", "lede"),
        ("¶2", "economy"),
        ("¶3", "defense"),
        ("¶4", "history"),
        ("¶5", "outlook"),
        ("¶6", "dropped"),
    ]
    assert "classifier" in result.out and "cues:" in result.out


def test_explain_takes_a_path_in_the_site_and_a_sidecar_for_its_article(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`explain content/s.txt -s SITE` run from elsewhere, and `explain s.yaml`, as editors type."""
    site = make_site(
        {"content/s.txt": SEED_TXT.read_bytes(), "content/s.yaml": SEED_YAML.read_bytes()}
    )
    monkeypatch.chdir(site.parent)
    whole = cli("explain", str(site / "content/s.txt"))
    assert whole.code == 0 and "¶5" in whole.out, whole.err
    for given in (("content/s.txt", "-s", str(site)), (str(site / "content/s.yaml"),)):
        result = cli("explain", *given)
        assert (result.code, result.out, result.err) == (0, whole.out, ""), given
    folder = cli("explain", str(site / "content"))
    assert folder.code == 2
    assert folder.err == f"{site / 'content'}: a folder; give one article in it\n"


def test_explain_is_not_stopped_by_another_files_problem(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """A sidecar left behind by a deleted .txt is check's business, not this article's."""
    site = make_site(
        {
            "content/s.txt": SEED_TXT.read_bytes(),
            "content/s.yaml": SEED_YAML.read_bytes(),
            "content/old.yaml": "title: Left behind\n",
            "content/lone.txt": "Text without its metadata.\n",
        }
    )
    result = cli("explain", str(site / "content/s.txt"))
    assert result.code == 0 and "¶5" in result.out, result.err
    lone = cli("explain", str(site / "content/lone.txt"))
    assert (lone.code, lone.err) == (1, "content/lone.txt: no metadata: add lone.yaml beside it\n")


def test_explain_says_when_a_quote_or_the_neighbours_made_a_call_doubtful(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    body = (
        "The lede.\n\n"
        "Tariffs on cars and investment in factories will create jobs.\n\n"
        "\u201cBoth navies will join the drills, and both sides will talk trade,\u201d "
        "the minister said.\n\n"
        "Troops held exercises.\n\n"
        "Tariffs will be discussed.\n\n"
        "Officials expect a joint statement next week.\n"
    )
    site = make_site({"content/a.md": "---\ntitle: A\n---\n" + body})
    result = cli("explain", str(site / "content/a.md"))
    assert result.code == 0, result.err
    rows = {line.split()[0]: line for line in result.out.splitlines() if line.startswith("  ¶")}
    assert "defense   classifier (confidence 0.22, quotes someone)" in rows["¶3"]
    assert "outlook   classifier (confidence 0.34, its own words lean to economy)" in rows["¶5"]
    assert "lean to" not in rows["¶2"] and "quotes" not in rows["¶2"]


def test_check_validates_without_writing(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site({"content/a.md": "---\ntitle: A\n---\nText.\n"})
    assert cli("check", "-s", str(site)).code == 0
    assert not (site / "build").exists()


def test_python_dash_m_and_help_work() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing_site", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0 and "build" in result.stdout and "explain" in result.stdout


def test_new_help_says_the_zone_comes_from_the_place_before_the_sites(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """`new --location Tokyo` takes Asia/Tokyo (README); --help used to say the site's."""
    result = subprocess.run(
        [sys.executable, "-m", "briefing_site", "new", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    line = next(x for x in result.stdout.splitlines() if x.strip().startswith("--timezone"))
    assert "--location" in line and line.index("--location") < line.index("site's"), line
    start = ("--event-start", "2026-03-01T09:00", "--location", "Tokyo")
    (tmp_path / "content").mkdir()
    made = cli("new", "Talks", "-s", str(tmp_path), *start, "--now", "2026-02-01T00:00:00Z")
    assert made.code == 0, made.err
    assert "timezone: Asia/Tokyo" in (tmp_path / "content/talks.md").read_text("utf-8")


@pytest.mark.parametrize(
    "base_url",
    ["repo", "user.github.io/repo", "javascript:alert(1)", "https://user.github.io/repo/?x=1"],
)
def test_a_base_url_option_is_checked_as_the_configs_is(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run], base_url: str
) -> None:
    """`-b user.github.io/repo` must not write every link as a relative path under it."""
    site = make_site({"content/a.md": "---\ntitle: A\n---\nText.\n"})
    for command in ("build", "check", "serve", "deploy"):
        result = cli(command, "-s", str(site), "-b", base_url)
        assert result.code == 2, (command, result.err)
        assert result.err.startswith(f"-b: {base_url!r} must "), result.err
    assert not (site / "build").exists()
    config = make_site({"briefing.yaml": f"base_url: '{base_url}'\n"})
    checked = cli("check", "-s", str(config))
    assert checked.code == 1 and checked.err.startswith("briefing.yaml:1: base_url: ")


def test_an_empty_base_url_option_means_the_configs(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    """`build -b "$BASE_URL"` with the variable unset builds for briefing.yaml's base_url."""
    site = make_site(
        {
            "briefing.yaml": "base_url: https://example.org/news/\n",
            "content/a.md": "---\ntitle: A\ndate: 2025-01-06T09:00:00Z\n---\nText.\n",
        }
    )
    result = cli("build", "-s", str(site), "-b", "", "--now", "2025-02-01T00:00:00Z")
    assert result.code == 0, result.err
    assert 'href="/news/' in (site / "build" / "index.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("files", "flag", "where"),
    [
        ({"briefing.yaml": "title: News\nbase_url: /news/\n"}, [], "briefing.yaml:2"),
        ({"briefing.yaml": "title: News\n"}, [], "briefing.yaml"),
        ({"briefing.yaml": "base_url: https://example.org/\n"}, ["-b", "/repo/"], "-b"),
    ],
)
def test_a_base_url_without_a_host_is_warned_about_once_with_the_fix(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    files: dict[str, str | bytes],
    flag: list[str],
    where: str,
) -> None:
    """Feed ids, canonical links and sitemaps need the site's full URL; without a host
    the feed's ids are relative (invalid Atom) and no sitemap is written."""
    articles = {f"content/{n}.md": f"---\ntitle: {n}\n---\nText.\n" for n in "abc"}
    site = make_site({**files, **articles})
    for command in ("check", "build", "build"):  # the second build has nothing to do
        result = cli(command, "-s", str(site), *flag, "--now", "2025-02-01T00:00:00Z")
        assert result.code == 0, result.err
        warned = [line for line in result.err.splitlines() if "no host" in line]
        assert len(warned) == 1, result.err
        assert warned[0].startswith(f"{where}: warning: ")
        assert "https://USER.github.io/REPO/" in warned[0]
    assert b"<id>/" in (site / "build/feed.xml").read_bytes()


@pytest.mark.parametrize(
    ("config", "where", "said"),
    [
        ("\ufefftitle: News\nbase_url: /news/\n", "briefing.yaml:2", "base_url /news/ "),
        ("\ufeffbase_url: /news\n", "briefing.yaml:1", "base_url /news/ "),
        ('title: News\n"base_url": /x/\n', "briefing.yaml:2", "base_url /x/ "),
        ("title: News\n'base_url': '/y/'  # for now\n", "briefing.yaml:2", "base_url /y/ "),
        ("{title: News, base_url: /z/}\n", "briefing.yaml:1", "base_url /z/ "),
        # Only a comment or another value names it: the site has none.
        ("title: News\n# base_url: https://example.org/\n", "briefing.yaml", "no base_url"),
        ('title: "set base_url: later"\n', "briefing.yaml", "no base_url"),
    ],
)
def test_the_base_url_warning_names_its_line_however_the_key_is_written(
    make_site: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., Run],
    config: str,
    where: str,
    said: str,
) -> None:
    """A byte-order mark before line 1, a quoted key or value: the warning is at
    base_url's line and names its value, never "no base_url"."""
    site = make_site({"briefing.yaml": config.encode(), "content/a.md": "---\ntitle: A\n---\nT.\n"})
    result = cli("check", "-s", str(site), "--now", "2025-02-01T00:00:00Z")
    assert result.code == 0, result.err
    warned = [line for line in result.err.splitlines() if "no host" in line]
    assert len(warned) == 1 and warned[0].startswith(f"{where}: warning: {said}"), result.err


@pytest.mark.parametrize(
    ("base_url", "warned"),
    [
        ("base_url: /", "briefing.yaml:4: warning: base_url / has no host"),
        ("cname: news.example.org", ""),  # a custom domain: served from https://news.../
        ("'cname' : \"news.example.org\"  # the domain", ""),
    ],
)
def test_a_rebuild_with_nothing_to_do_reads_no_yaml_for_the_base_url_warning(
    tmp_path: Path, base_url: str, warned: str
) -> None:
    """`init` writes `base_url: /`: its no-op rebuilds must stay as cheap as a hosted
    site's, so the warning comes from the line, not from loading YAML; and so does
    the lack of one for a site on a custom domain (`cname:` and no base_url)."""
    site = tmp_path / "site"
    now = "2025-02-01T00:00:00Z"
    assert run_cli("init", str(site), "--now", now).code == 0
    config = site / "briefing.yaml"
    config.write_text(re.sub(r"(?m)^base_url:.*$", base_url, config.read_text()))
    assert run_cli("build", "-s", str(site), "--now", now).code == 0
    which = "m == 'yaml' or m.endswith('.schema')"
    code, loaded, stderr = modules_a_build_loads(["build", "-s", str(site), "--now", now], which)
    assert (code, loaded) == (0, [])
    if warned:
        assert warned in stderr, stderr
    else:
        assert "no host" not in stderr and "base_url" not in stderr, stderr


def test_a_base_url_with_a_host_gives_no_such_warning(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(
        {"briefing.yaml": "base_url: /\n", "content/a.md": "---\ntitle: A\n---\nText.\n"}
    )
    flag = ["-b", "https://example.org/news/"]
    for command in ("check", "build"):
        result = cli(command, "-s", str(site), *flag, "--now", "2025-02-01T00:00:00Z")
        assert result.code == 0 and "no host" not in result.err, result.err
    (site / "briefing.yaml").write_text("cname: news.example.org\n")
    result = cli("build", "-s", str(site), "--now", "2025-02-01T00:00:00Z")
    assert result.code == 0 and "no host" not in result.err, result.err


@pytest.mark.parametrize("command", [["build", "-s", "{a}"], ["explain", "{a}/content/x.md"]])
def test_a_site_folder_in_a_symlink_loop_is_an_error_not_a_traceback(
    tmp_path: Path, command: list[str]
) -> None:
    """`a` -> `b` -> `a`: Python before 3.13 raises RuntimeError from resolve()."""
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    result = run_cli(*(part.format(a=tmp_path / "a") for part in command))
    assert result.code == 1
    assert "Traceback" not in result.err
    assert result.err.endswith(": a symlink loop (too many levels of symbolic links)\n")


@pytest.mark.parametrize(
    ("jobs", "said"),
    [
        ("-3", "-3: give 1 or more"),
        ("two", "'two'"),
        ("+2", "'+2'"),  # `int` reads these three as numbers: not a count a user typed
        ("1_0", "'1_0'"),
        (" 3", "' 3'"),
        ("\u0663", "'\u0663'"),  # an Arabic-Indic digit three
        ("", "''"),
    ],
)
def test_a_negative_or_wordy_job_count_is_a_usage_error(
    make_site: Callable[[dict[str, str | bytes]], Path], jobs: str, said: str
) -> None:
    """`-j -3` (a typo for `-j 3`) ran as if no count were given; it is refused, and
    nothing is built."""
    site = make_site({"content/a.md": "---\ntitle: T\n---\nLeaders met in Paris.\n"})
    result = run_cli("build", "-s", str(site), "-j", jobs, "--now", "2025-02-01T00:00:00Z")
    assert result.code == 2 and "-j/--jobs" in result.err and said in result.err, result.err
    assert not (site / "build").exists()
