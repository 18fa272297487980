"""`briefing-site import`: saved pages, URLs, wire copy and stdin become checked articles."""

# ruff: noqa: RUF001, RUF003 (Cyrillic copy, written as it is read)

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, Run, run_cli, serve
from htmlcheck import Page
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_site.commands.fetch import FetchError, Limits, fetch_page
from briefing_site.commands.propose import propose

PAGES = Path(__file__).parent / "import_pages"
NOW = "2025-01-01T00:00:00Z"
# Page furniture in the test pages: none of it may reach the article.
FURNITURE = (
    "cookie",
    "Advertisement",
    "Share on",
    "Share this",
    "Related",
    "Most read",
    "Read next",
    "Sign up",
    "Subscribe",
    "Photo:",
    "Coast guard vessels during",
    "Palais des Nations",
    "Reporting by",
    "Was this page useful",
    "Press office",
    "All rights reserved",
    "Great overview",
    "Recent posts",
    "Updated 2 hours ago",
)


@dataclass(frozen=True)
class Expected:
    """What importing one test page must give."""

    page: str
    title: str
    first: str  # the lede's opening words
    paragraphs: int
    date: str
    source: tuple[str, str]
    summary: str
    event: dict[str, str] | None  # None: left commented out


CASES = (
    Expected(
        "news.html",
        "Ministers to sign port deal in Lisbon on Thursday",
        "The transport ministers of Portugal and Brazil will sign",
        5,
        "2025-03-10T07:30:00+00:00",
        (
            "The Harbour Courier",
            "https://harbour-courier.example/world/2025/03/10/port-deal-lisbon",
        ),
        "Portugal and Brazil will sign a shipping agreement",
        {"start": "2025-03-13T15:00:00+00:00", "timezone": "Europe/Lisbon", "location": "Lisbon"},
    ),
    Expected(
        "wire.html",
        "Japan, Philippines to hold defence talks in Manila next week",
        "TOKYO (Meridian) - The defence ministers of Japan and the Philippines",
        4,
        "2025-04-17T14:05:00+09:00",
        (
            "Meridian Wire",
            "https://meridianwire.example/asia/japan-philippines-defence-talks-2025-04-17/",
        ),
        "Defence ministers of Japan and the Philippines meet on April 22",
        {"start": "2025-04-22", "timezone": "Asia/Manila", "location": "Manila"},
    ),
    Expected(
        "gov.html",
        "Foreign Minister to visit Nairobi for regional water summit",
        "The Foreign Minister will travel to Nairobi",
        4,
        "2025-05-02T10:00:00+02:00",
        (
            "Ministry of Foreign Affairs",
            "https://foreign-ministry.example/news/press-releases/2025/minister-nairobi-water-summit",
        ),
        "The Foreign Minister will attend the East Africa water security summit",
        {"start": "2025-05-06T09:30:00+03:00", "timezone": "Africa/Nairobi", "location": "Nairobi"},
    ),
    Expected(
        "blog.html",
        "Why the Geneva climate finance talks matter",
        "Negotiators are heading to Geneva",
        4,
        "2025-06-02T18:45:00-04:00",
        (
            "Notes on Diplomacy",
            "https://notes-on-diplomacy.example/2025/06/geneva-climate-finance/",
        ),
        "A look ahead at the Geneva meeting",
        {"start": "2025-06-16", "timezone": "Europe/Zurich", "location": "Geneva"},
    ),
)


@pytest.fixture
def site(tmp_path: Path, cli: Callable[..., Run]) -> Path:
    """A fresh site made by `init`, with its example article."""
    root = tmp_path / "site"
    assert cli("init", str(root), "--now", NOW).code == 0
    return root


def _files(site: Path, slug: str) -> tuple[list[str], dict[str, Any], str]:
    """The imported article's paragraphs, its sidecar as data, and the sidecar's text."""
    text = (site / f"content/{slug}.txt").read_text("utf-8")
    sidecar = (site / f"content/{slug}.yaml").read_text("utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()], yaml.safe_load(sidecar), sidecar


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.page)
def test_imports_a_saved_page_with_its_metadata_and_event(
    case: Expected, site: Path, cli: Callable[..., Run]
) -> None:
    result = cli("import", str(PAGES / case.page), "-s", str(site), "--slug", "story")
    assert result.code == 0, result.err
    paragraphs, meta, sidecar = _files(site, "story")
    assert paragraphs[0].startswith(case.first)
    assert len(paragraphs) == case.paragraphs, paragraphs
    body = "\n".join(paragraphs)
    assert not [word for word in FURNITURE if word.lower() in body.lower()]
    assert case.title not in body  # the headline is the title, not a paragraph
    assert meta["title"] == case.title
    assert meta["summary"].startswith(case.summary)
    assert f"date: {case.date}\n" in sidecar  # the page's own offset, as written
    assert meta["sources"] == [{"title": case.source[0], "url": case.source[1]}]
    if case.event is None:
        assert "event" not in meta and "# event:" in sidecar
    else:
        event = {
            k: v.isoformat() if isinstance(v, datetime) else str(v)
            for k, v in meta["event"].items()
        }
        assert {k: event[k] for k in case.event} == case.event
        assert event["name"] == case.title
        # marked for review, quoting the sentence the date came from
        review = sidecar[sidecar.index("# REVIEW: event") : sidecar.index("\nevent:")]
        assert '\n#   "' in review
    assert "filled in  title: " + case.title in result.out
    assert cli("check", "-s", str(site), "--now", NOW).code == 0


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.page)
def test_imported_page_builds_with_its_lede_first_and_no_furniture(
    case: Expected, site: Path, cli: Callable[..., Run]
) -> None:
    assert cli("import", str(PAGES / case.page), "-s", str(site), "--slug", "story").code == 0
    imported, _, _ = _files(site, "story")
    result = cli("build", "-s", str(site), "--now", case.date)  # the moment it was published
    assert result.code == 0, result.err
    page = Page((site / "build/briefings/story/index.html").read_text("utf-8"))
    assert page.topics["lede"] == [imported[0]]
    shown = [p for texts in page.topics.values() for p in texts]
    assert sorted(shown) == sorted(imported)  # every paragraph once, nothing added
    assert not [w for w in FURNITURE for p in shown if w.lower() in p.lower()]
    (countdown,) = page.find("time", class_="countdown")
    assert countdown["data-state"] == "upcoming"
    timed = case.event is not None and "T" in case.event["start"]
    if timed and case.event is not None:
        assert countdown["datetime"] == case.event["start"]


def test_wire_copy_in_a_text_file_gets_the_build_rules_and_a_headline_title(
    site: Path, cli: Callable[..., Run]
) -> None:
    result = cli(
        "import", str(PAGES / "wire.txt"), "-s", str(site), "--now", "2025-05-12T08:00:00+02:00"
    )
    assert result.code == 0, result.err
    slug = "nordic-leaders-to-meet-in-oslo-on-energy-grid"
    paragraphs, meta, _ = _files(site, slug)
    assert meta["title"] == "Nordic leaders to meet in Oslo on energy grid"
    assert paragraphs[0].startswith("OSLO, May 12 (Meridian) - Prime ministers")
    assert len(paragraphs) == 3  # "Advertisement", "Share this article", "Loading..." dropped
    assert "Loading" not in "".join(paragraphs) and "Advertisement" not in "".join(paragraphs)
    assert meta["event"]["start"].isoformat() == "2025-05-14T10:00:00+02:00"
    assert meta["event"]["timezone"] == "Europe/Oslo"
    assert "date" not in meta and "the source gives no publication date" in result.out
    assert cli("check", "-s", str(site), "--now", NOW).code == 0


def _run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> Run:
    """The installed command in a child process (stdin, a real import failure)."""
    done = subprocess.run(
        [sys.executable, "-m", "briefing_site", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def test_stdin_copy_without_a_headline_says_the_title_is_missing(site: Path) -> None:
    seed = (REPO / "content/ishiba-trump-summit.txt").read_text("utf-8")
    result = _run("import", "-", "-s", str(site), "--slug", "seed", "--now", NOW, stdin=seed)
    assert result.code == 1
    assert "content/seed.yaml:3: title: is empty; write the headline" in result.err
    assert "then run: briefing-site check" in result.err
    paragraphs, meta, sidecar = _files(site, "seed")
    assert paragraphs[0].startswith("As the clock ticks down")
    assert not any("Loading" in p for p in paragraphs)
    # the date and zone come from the prose: February 7, in Washington, D.C.
    assert str(meta["event"]["start"]) == "2025-02-07"
    assert meta["event"]["timezone"] == "America/New_York"
    assert 'title: ""  # REVIEW' in sidecar


def test_stdin_copy_with_a_headline_passes_check(site: Path, cli: Callable[..., Run]) -> None:
    copy = (
        "Ministers meet in Brussels on farm subsidies\n"
        "Agriculture ministers will meet in Brussels on Monday, February 10, 2025 to settle "
        "the farm budget.\nThe talks are expected to last into the night.\n"
    )
    result = _run("import", "-", "-s", str(site), "--now", "2025-02-05T10:00:00Z", stdin=copy)
    assert result.code == 0, result.err
    _, meta, _ = _files(site, "ministers-meet-in-brussels-on-farm-subsidies")
    assert str(meta["event"]["start"]) == "2025-02-10"
    assert meta["event"]["timezone"] == "Europe/Brussels"
    assert cli("check", "-s", str(site), "--now", NOW).code == 0


def test_never_overwrites_an_article(site: Path, cli: Callable[..., Run]) -> None:
    assert cli("import", str(PAGES / "blog.html"), "-s", str(site), "--slug", "b").code == 0
    before = (site / "content/b.txt").read_bytes(), (site / "content/b.yaml").read_bytes()
    again = cli("import", str(PAGES / "news.html"), "-s", str(site), "--slug", "b")
    assert again.code == 1
    assert "content/b.txt: already exists; not overwritten" in again.err
    assert ((site / "content/b.txt").read_bytes(), (site / "content/b.yaml").read_bytes()) == before
    taken = cli("import", str(PAGES / "news.html"), "-s", str(site), "--slug", "example-briefing")
    assert taken.code == 1 and "example-briefing.md: already exists" in taken.err


def test_a_page_without_article_text_is_refused(
    site: Path, cli: Callable[..., Run], tmp_path: Path
) -> None:
    empty = tmp_path / "index.html"
    empty.write_text(
        "<html><head><title>Home | Site</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<div class='cookies'><p>We use cookies.</p><button>Accept all cookies</button></div>"
        "<footer>© 2025 Site</footer></body></html>",
        "utf-8",
    )
    before = sorted(p.name for p in (site / "content").iterdir())
    result = cli("import", str(empty), "-s", str(site))
    assert result.code == 1 and "no article text found" in result.err
    assert "nothing written" in result.err
    assert sorted(p.name for p in (site / "content").iterdir()) == before
    piped = _run("import", "-", "-s", str(site), stdin="\n  \n")
    assert (piped.code, piped.err) == (
        1,
        "standard input: no article text found; nothing written\n",
    )


def test_html_import_without_the_extra_says_how_to_install_it(site: Path, tmp_path: Path) -> None:
    shim = tmp_path / "shim" / "trafilatura"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text("raise ImportError('trafilatura is not installed')\n")
    env = {"PYTHONPATH": f"{shim.parent}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    result = _run("import", str(PAGES / "news.html"), "-s", str(site), env=env)
    assert result.code == 1
    assert "pip install 'briefing-site[import]'" in result.err
    assert not (site / "content/ministers-to-sign-port-deal-in-lisbon-on-thursday.txt").exists()
    text = _run("import", str(PAGES / "wire.txt"), "-s", str(site), "--now", NOW, env=env)
    assert text.code == 0, text.err  # plain text needs no extra


# --- URLs, over real HTTP on 127.0.0.1 ---------------------------------------------------


HOLD_SECONDS = 30  # how long /hang and /slow hold back at most, if a test never ends them
_DONE = threading.Event()  # set when the test using /hang or /slow is done


class _Handler(SimpleHTTPRequestHandler):
    """/news: the test page; /pdf: not HTML; /big: oversize; /slow: drips; else 404.

    It answers every GET itself, so the folder `serve` names is never read.
    """

    def do_GET(self) -> None:
        if self.path == "/news":
            self._send(200, "text/html; charset=utf-8", (PAGES / "news.html").read_bytes())
        elif self.path == "/pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 not a page")
        elif self.path == "/big":
            self._send(200, "text/html", b"<p>" + b"x" * 6_000_000 + b"</p>")
        elif self.path == "/hang":  # accepts, then says nothing until the test is done
            _DONE.wait(HOLD_SECONDS)
            self._send(200, "text/html", b"<p>late</p>")
        elif self.path == "/slow":  # a little every 0.1 s, never the end, until the test is done
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for _ in range(int(HOLD_SECONDS * 10)):
                    self.wfile.write(b"<p>slow</p>")
                    self.wfile.flush()
                    if _DONE.wait(0.1):
                        break
        else:
            self._send(404, "text/html", b"<h1>Not Found</h1>")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client gives up on an oversize page, as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _server() -> AbstractContextManager[str]:
    """The test server on a free port: its URL without a trailing slash."""
    return serve(PAGES, _Handler, path="")


def test_imports_a_url(site: Path, cli: Callable[..., Run]) -> None:
    with _server() as base:
        result = cli("import", f"{base}/news", "-s", str(site))
    assert result.code == 0, result.err
    _, meta, _ = _files(site, "ministers-to-sign-port-deal-in-lisbon-on-thursday")
    assert meta["title"] == "Ministers to sign port deal in Lisbon on Thursday"
    assert meta["event"]["timezone"] == "Europe/Lisbon"
    assert cli("check", "-s", str(site), "--now", NOW).code == 0


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/gone", "the server answered 404 Not Found"),
        ("/pdf", "not an HTML page (Content-Type: application/pdf)"),
        ("/big", "the page is 6,000,007 bytes; the limit is 5,000,000"),
    ],
)
def test_url_failures_are_named(
    path: str, message: str, site: Path, cli: Callable[..., Run]
) -> None:
    before = sorted(p.name for p in (site / "content").iterdir())
    with _server() as base:
        result = cli("import", f"{base}{path}", "-s", str(site))
    assert result.code == 1
    assert result.err.strip() == f"{base}{path}: {message}"
    assert sorted(p.name for p in (site / "content").iterdir()) == before


@pytest.fixture
def held_back() -> Iterator[None]:
    """/hang and /slow hold back their page until the test ends: no timing to race."""
    _DONE.clear()
    yield
    _DONE.set()


# /slow sends something well within every 0.5 s, so only a deadline for the whole
# page stops the import; without one it would read for HOLD_SECONDS and succeed.
@pytest.mark.usefixtures("held_back")
def test_a_slow_page_times_out() -> None:
    with (
        _server() as base,
        pytest.raises(FetchError, match=r"/slow: the page did not arrive within 0.5 seconds"),
    ):
        fetch_page(f"{base}/slow", Limits(timeout=0.5))


@pytest.mark.usefixtures("held_back")
def test_a_server_that_never_answers_times_out() -> None:
    with (
        _server() as base,
        pytest.raises(FetchError, match=r"/hang: no answer within 0.5 seconds"),
    ):
        fetch_page(f"{base}/hang", Limits(timeout=0.5))


def test_a_refused_connection_is_named(site: Path, cli: Callable[..., Run]) -> None:
    with _server() as base:
        pass  # the port is closed again: nothing listens there now
    result = cli("import", f"{base}/news", "-s", str(site))
    assert result.code == 1 and "the connection was refused" in result.err


def test_a_failed_tls_handshake_is_named(site: Path, cli: Callable[..., Run]) -> None:
    with _server() as base:  # plain HTTP: an https:// request to it fails its handshake
        result = cli("import", base.replace("http://", "https://") + "/news", "-s", str(site))
    assert result.code == 1 and "the secure (TLS) connection failed" in result.err


def test_only_web_urls_are_fetched() -> None:
    with pytest.raises(FetchError, match="only http:// and https:// URLs"):
        fetch_page("file:///etc/passwd")


# --- proposing the event -----------------------------------------------------------------

PUBLISHED = datetime.fromisoformat("2025-02-05T09:00:00-05:00")


def test_several_dates_leave_the_event_to_the_editor_with_candidates(
    site: Path, cli: Callable[..., Run]
) -> None:
    copy = (
        "Summit dates set for Berlin and Paris\n"
        "The summit will open in Berlin on March 3 and close in Paris on March 5.\n"
        "Officials said both cities had agreed.\n"
    )
    result = _run("import", "-", "-s", str(site), "--now", "2025-02-05T10:00:00Z", stdin=copy)
    assert result.code == 0, result.err
    _, meta, sidecar = _files(site, "summit-dates-set-for-berlin-and-paris")
    assert "event" not in meta
    assert "# event: not certain (the text names several dates (2025-03-03, 2025-03-05))" in sidecar
    assert "#   2025-03-03 [Berlin = Europe/Berlin, Paris = Europe/Paris]" in sidecar.replace(
        "Paris = Europe/Paris, Berlin = Europe/Berlin",
        "Berlin = Europe/Berlin, Paris = Europe/Paris",
    )
    assert "event: left commented out" in result.out


@pytest.mark.parametrize(
    ("copy", "zone", "location", "said"),
    [
        (
            "Leaders of Korea and Japan will meet on February 11 at 3 p.m. KST, the ministry said.",
            "Asia/Seoul",
            None,
            "event.timezone: Asia/Seoul from the zone the sentence gives the time in; "
            "no place named: add event.location",
        ),
        (
            "SEOUL (Wire) - Leaders of Korea and Japan will meet in Incheon on February 11 "
            "at 3 p.m., the ministry said.",
            "Asia/Seoul",
            "Seoul",
            "event.location: Seoul is named in the dateline, not in the event's sentence: "
            "check that the event is there",
        ),
        (
            "Leaders of Korea and Japan will meet in Tokyo on February 11 at 10 a.m. JST, "
            "the ministry said.",
            "Asia/Tokyo",
            "Tokyo",
            "event.timezone: Asia/Tokyo from a place named in the sentence (Tokyo)",
        ),
    ],
    ids=["a zone word, no place", "the dateline's city", "the sentence's city"],
)
def test_a_proposed_zone_is_one_the_build_takes_and_says_where_it_came_from(
    site: Path, cli: Callable[..., Run], copy: str, zone: str, location: str | None, said: str
) -> None:
    """The proposal is an IANA zone `check` accepts as it stands; the note says what it
    rests on: a zone word with no place asks for a location (it read "from a place
    named in" and stopped), and a city taken from the dateline is not passed off as
    where the event is."""
    source = site.parent / "copy.txt"
    source.write_text("Korea and Japan leaders to meet on trade\n\n" + copy + "\n", "utf-8")
    result = cli("import", str(source), "-s", str(site), "--slug", "talks", "--now", NOW)
    assert result.code == 0, result.err
    _, meta, _ = _files(site, "talks")
    assert (meta["event"]["timezone"], meta["event"].get("location")) == (zone, location)
    assert f"check      {said}\n" in result.out, result.out
    assert cli("check", "-s", str(site), "--now", NOW).code == 0


def test_a_weekday_that_disagrees_with_the_date_is_not_certain() -> None:
    proposal = propose(["Leaders will meet in Tokyo on Monday, February 7."], PUBLISHED)
    assert proposal.start == "" and "is a Friday" in proposal.reason


def test_a_gmt_time_is_given_in_the_place_zone() -> None:
    proposal = propose(
        ["TOKYO (Wire) - Leaders will hold talks on February 11 at 1655 GMT, officials said."],
        PUBLISHED,
    )
    assert proposal.start == "2025-02-12T01:55:00+09:00" and proposal.zone == "Asia/Tokyo"
    assert proposal.zone_from == "the dateline"


def test_a_time_a_dst_change_skips_is_not_certain() -> None:
    proposal = propose(["The talks will open in London on March 30 at 1:30 a.m."], PUBLISHED)
    assert proposal.start == "" and "DST change" in proposal.reason


def test_a_weekday_is_resolved_by_the_sentence_tense() -> None:
    # published on Wednesday 2025-02-05: "will meet on Friday" is the 7th, "met on Friday" the 31st
    ahead = propose(["Ministers will meet in Paris on Friday to discuss the budget."], PUBLISHED)
    assert ahead.start == "2025-02-07" and ahead.zone == "Europe/Paris"
    back = propose(["Ministers met in Paris on Friday and were expected to agree."], PUBLISHED)
    assert back.start == "2025-01-31"
    unsure = propose(["The budget meeting in Paris on Friday drew crowds."], PUBLISHED)
    assert unsure.start == "" and len(unsure.candidates) == 1


def test_a_reported_weekday_is_not_an_event_date() -> None:
    proposal = propose(
        ["Leaders will meet in Rome on March 3, the ministry said on Monday."], PUBLISHED
    )
    assert [c.day.isoformat() for c in proposal.candidates] == ["2025-03-03"]
    assert proposal.start == "2025-03-03"


def test_a_range_of_days_gives_the_event_an_end() -> None:
    proposal = propose(
        ["The organisation held its summit in Qingdao on 9-10 June 2018."], PUBLISHED
    )
    assert (proposal.start, proposal.end, proposal.zone) == ("", "", "")  # years before: history
    later = propose(["The summit will be held in Qingdao on June 9-10."], PUBLISHED)
    assert (later.start, later.end, later.zone) == ("2025-06-09", "2025-06-10", "Asia/Shanghai")


def test_dates_long_before_publication_are_background() -> None:
    proposal = propose(
        ["Flags flew at the border on Monday, Feb. 3, 2025."], PUBLISHED.replace(month=8)
    )
    assert proposal.start == "" and "before publication" in proposal.reason


def test_a_time_without_a_place_is_not_given_a_zone() -> None:
    proposal = propose(["The vote will be held on February 12 at 4 p.m."], PUBLISHED)
    assert proposal.start == "" and "no place" in proposal.reason


@pytest.mark.parametrize(
    ("copy", "title"),
    [
        ("Leaders agree to meet in Oslo next month\n\nThe leaders agreed.\n", True),
        ("Skip to navigationSkip to contentSkip to footer\n\nThe leaders agreed.\n", False),
        ("The Harbour Courier\n\nThe leaders agreed.\n", False),  # a site's name
        ("The minister greets the president in Mumbai. AFP\nThe leaders agreed.\n", False),
        ("The council of heads of state of the organisation\nheld its meeting.\n", False),
        ("OSLO (Meridian) - Leaders agreed\nThe leaders agreed.\n", False),
    ],
)
def test_the_first_line_is_the_title_only_when_it_reads_like_a_headline(
    copy: str, title: bool
) -> None:
    from briefing_site.commands.extract import from_text
    from briefing_site.content.junk import JunkFilter

    extracted = from_text(copy, JunkFilter())
    assert bool(extracted.title) is title
    assert (extracted.title == copy.split("\n")[0]) is title


_STORY = (
    "Leaders of the Nordic countries agreed on Monday to meet in Oslo next month to "
    "discuss fishing quotas and trade, officials in Helsinki said.\n"
)


_HEADLINE = "Nordic leaders to meet in Oslo on trade"


@pytest.mark.parametrize(
    ("copy", "title"),
    [
        # scraped copy: the site's furniture first, the headline a few lines down
        (
            "Skip to content\nThe Harbour Courier\nNordic leaders to meet in Oslo on trade\n",
            _HEADLINE,
        ),
        ("Monday, 3 March 2025\n\nNordic leaders to meet in Oslo on trade\n\n", _HEADLINE),
        # a section name or a menu item under the furniture is no headline: it is not the story's
        ("Home\nWorld News From Our Desk\nEurope and the Americas\n", ""),
        # a first line sharing no word with the story is still taken when nothing under it is
        # a headline (as before this search): a newsletter's name, or a pun the editor fixes
        (
            "Everything You Need Before Your Breakfast\n",
            "Everything You Need Before Your Breakfast",
        ),
        # ... but a headline under it that names the story wins
        ("Everything You Need Before Your Breakfast\n" + _HEADLINE + "\n", _HEADLINE),
        # a line cut mid-sentence by a hard wrap ("... on the") is no headline
        ("The Harbour Courier\nNordic leaders to meet in Oslo for talks on the\n", ""),
        # once a line ends a sentence the story has begun: nothing under it is the headline
        ("The Harbour Courier\nOfficials were pleased.\n" + _HEADLINE + "\n", ""),
        # a link under "Related Stories" or a link dated in brackets is another story's
        ("The Harbour Courier\nRelated Stories\n" + _HEADLINE + "\n", ""),
        ("The Harbour Courier\nNordic leaders to meet in Oslo on trade (10/29/97)\n", ""),
        # "said", "were" and "over" are no shared subject: one word in common is too few
        ("The Harbour Courier\nOfficials Said Talks Were Over\n", ""),
        # a breadcrumb ending in the headline is the page's path: the headline is under it
        ("Log in\nYou are here: Home > News > " + _HEADLINE + "\n", ""),
        (
            "You are here: Home News Europe " + _HEADLINE + "\nLog in\n" + _HEADLINE + "\n",
            _HEADLINE,
        ),
        ("Home \u00bb World \u00bb " + _HEADLINE + "\n" + _HEADLINE + "\n", _HEADLINE),
        # a page title's tail after a bar is the site and its section...
        (_HEADLINE + " | World | The Harbour Courier\n", _HEADLINE),
        # ... or, live pages, more headlines: the first is the page's
        (_HEADLINE + " | Ferries resume after strike | Quotas on the table\n", _HEADLINE),
        # but one longer than a name goes on with the headline
        (
            _HEADLINE + " | Ministers to settle fishing quotas before the summer\n",
            _HEADLINE + " | Ministers to settle fishing quotas before the summer",
        ),
    ],
)
def test_the_headline_is_the_line_that_names_what_the_story_tells(copy: str, title: str) -> None:
    from briefing_site.commands.extract import from_text
    from briefing_site.content.junk import JunkFilter

    extracted = from_text(copy + _STORY, JunkFilter())
    assert extracted.title == title
    assert extracted.paragraphs[-1].endswith(_STORY.strip())
    assert title not in extracted.paragraphs


_SUMMIT_STORY = (
    "The leaders of Japan and Korea met in Tokyo on Friday to discuss the summit, trade "
    "and security, officials of the Ministry of Foreign Affairs said.\n"
)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # a site's or an institution's name after the bar or dash, however long, is not
        # the headline's: the headline alone is proposed...
        (
            "Leaders meet in Tokyo for summit | Radio Free Europe / Radio Liberty",
            "Leaders meet in Tokyo for summit",
        ),
        (
            "Japan Korea summit talks | Official website of the Prime Minister of Japan",
            "Japan Korea summit talks",
        ),
        (
            "Japan Korea summit talks begin \u2014 Ministry of External Affairs, Government of India",
            "Japan Korea summit talks begin",
        ),
        (
            "Japan Korea summit talks begin | The Long Name Of A Newspaper Group Ltd",
            "Japan Korea summit talks begin",
        ),
        # ... or nothing, when it is too short for a headline without the ministry's name
        ("Japan-Korea summit meeting | Ministry of Foreign Affairs of Japan", ""),
        # a tail that reads as the headline's own words goes on with it
        (
            "Summit day 2 live updates | Japan and Korea leaders to meet in Tokyo",
            "Summit day 2 live updates | Japan and Korea leaders to meet in Tokyo",
        ),
        (
            "Japan Korea summit \u2014 what the leaders said about trade and security",
            "Japan Korea summit \u2014 what the leaders said about trade and security",
        ),
    ],
)
def test_a_long_name_after_a_page_titles_bar_is_the_site_not_the_headline(
    line: str, title: str
) -> None:
    from briefing_site.commands.extract import from_text
    from briefing_site.content.junk import JunkFilter

    assert from_text(line + "\n" + _SUMMIT_STORY, JunkFilter()).title == title


def _import_as(site: Path, how: str, text: str, slug: str, name: str) -> Run:
    """`text` imported from standard input (`how == "stdin"`) or saved as `name` beside the site."""
    if how == "stdin":
        return _run("import", "-", "-s", str(site), "--slug", slug, stdin=text)
    saved = site.parent / name
    saved.write_text(text, "utf-8")
    return _run("import", str(saved), "-s", str(site), "--slug", slug)


@pytest.mark.parametrize("how", ["stdin", "a .txt file"])
def test_copy_that_opens_with_a_tag_it_never_closes_is_read_as_text(site: Path, how: str) -> None:
    """Wire copy pasted from a CMS with a stray `<p>` first is copy, not a page."""
    copy = (
        "<p>TOKYO, Feb 7 (Wire) - Japan's prime minister will meet the US president in "
        "Washington next week to discuss trade and security, officials said on Friday.\n\n"
        "The two leaders last met in November at a regional summit in Lima.\n\n"
        "Officials expect an agreement on tariffs and a joint statement on defence.\n"
    )
    result = _import_as(site, how, copy, "tokyo", "tokyo.txt")
    assert "no article text" not in result.err
    paragraphs, _, _ = _files(site, "tokyo")
    assert "TOKYO, Feb 7 (Wire)" in paragraphs[0]
    assert paragraphs[-1] == copy.split("\n\n")[-1].strip()


@pytest.mark.parametrize("how", ["stdin", "a .txt file", "a file with no suffix"])
def test_a_page_saved_or_piped_as_text_is_read_as_html(site: Path, how: str) -> None:
    """`curl URL | import -`, or a page saved as story.txt: its HTML is seen, not imported as text."""
    case = CASES[0]
    page = (PAGES / case.page).read_text("utf-8")
    result = _import_as(site, how, page, "story", "story.txt" if how == "a .txt file" else "story")
    assert result.code == 0, result.err
    paragraphs, meta, _ = _files(site, "story")
    assert meta["title"] == case.title and paragraphs[0].startswith(case.first)
    assert not any("<" in p for p in paragraphs)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_wire_copy_saved_by_word_is_imported_as_utf8_with_a_note(site: Path, encoding: str) -> None:
    """Windows-1252 (Word, older wire desks) and UTF-16 (Notepad's "Unicode") copy."""
    copy = (
        "Leaders meet in Paris\r\n"
        "PARIS, March 3 (Wire) \u2013 The leaders\u2019 talks will cover caf\u00e9 prices "
        "and \u201ctrade\u201d, officials said.\r\n"
    )
    saved = site.parent / "wire.txt"
    saved.write_bytes(copy.encode(encoding))
    result = _run("import", str(saved), "-s", str(site), "--slug", "paris")
    assert result.code == 0, result.err
    paragraphs, meta, _ = _files(site, "paris")
    assert meta["title"] == "Leaders meet in Paris"
    assert paragraphs == [copy.split("\r\n")[1]]
    named = {"cp1252": "Windows-1252", "utf-16": "UTF-16"}[encoding]
    assert f"check      text: the file is {named}, not UTF-8" in result.out


def test_windows_1252_copy_with_one_letter_words_and_symbols_is_imported(site: Path) -> None:
    """French, Italian, Portuguese: à, è, é stand alone; °, £, ©, ½ are ordinary copy."""
    copy = (
        "Le pr\u00e9sident arrive \u00e0 Rome\r\n"
        "ROME, 3 mars (Wire) \u2013 Il est arriv\u00e9 \u00e0 Bruxelles puis \u00e0 Rome, "
        "o\u00f9 il fait 12 \u00b0C. Le billet co\u00fbte \u00a340, \u00bd prix. "
        "\u00c8 arrivato.\r\n"
        "\u00a9 Wire 2025\r\n"
    )
    saved = site.parent / "rome.txt"
    saved.write_bytes(copy.encode("cp1252"))
    result = _run("import", str(saved), "-s", str(site), "--slug", "rome")
    assert result.code == 0, result.err
    paragraphs, meta, _ = _files(site, "rome")
    assert meta["title"] == "Le pr\u00e9sident arrive \u00e0 Rome"
    assert paragraphs == [copy.split("\r\n")[1]]
    assert "check      text: the file is Windows-1252, not UTF-8" in result.out


@pytest.mark.parametrize(
    "data",
    [
        "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u043f\u0440\u0438\u0431\u044b\u043b".encode("cp1251"),
        b"PK\x03\x04\x14\x06\x08!\xdf\xa4\xd2lZ\x01 \xe9\x1b\x02",
    ],
    ids=["Cyrillic in Windows-1251", "binary bytes without a NUL"],
)  # fmt: skip
def test_copy_in_another_code_page_or_binary_is_refused_as_not_utf8(
    site: Path, data: bytes
) -> None:
    saved = site.parent / "other.txt"
    saved.write_bytes(b"Headline here\n" + data + b"\n")
    result = _run("import", str(saved), "-s", str(site), "--slug", "other")
    assert result.code == 1 and result.err.startswith(f"{saved}:2: not UTF-8"), result.err
    assert not (site / "content/other.txt").exists()


def test_bytes_that_are_no_text_in_any_encoding_are_refused_as_not_utf8(site: Path) -> None:
    saved = site.parent / "odd.txt"
    saved.write_bytes(b"Headline here\nA sentence with \x81 in it.\n")
    result = _run("import", str(saved), "-s", str(site), "--slug", "odd")
    assert (result.code, result.err) == (
        1,
        f"{saved}:2: not UTF-8 (byte 30: 0x81): save it again as UTF-8\n",
    )
    assert not (site / "content/odd.txt").exists()


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "example.com/story",
            "no such file; for the web page, give its URL: https://example.com/story",
        ),
        (
            "www.example.org",
            "no such file; for the web page, give its URL: https://www.example.org",
        ),
        ("ftp://example.com/a.html", "a ftp: address; import takes http:// and https:// URLs"),
        ("notes/story.txt", "no such file (give a .html, .txt, a URL or -)"),
        ("story.txt", "no such file (give a .html, .txt, a URL or -)"),
        ("saved.html", "no such file (give a .html, .txt, a URL or -)"),
        ("example.com", "no such file; for the web page, give its URL: https://example.com"),
        # a document's name is no web address, whatever its suffix
        ("report.pdf", "no such file (give a .html, .txt, a URL or -)"),
        ("Summit.docx", "no such file (give a .html, .txt, a URL or -)"),
        ("notes.rtf", "no such file (give a .html, .txt, a URL or -)"),
        ("Talks.2025.pages", "no such file (give a .html, .txt, a URL or -)"),
    ],
)
def test_a_source_that_is_no_file_says_what_was_meant(
    site: Path, cli: Callable[..., Run], source: str, said: str
) -> None:
    result = cli("import", source, "-s", str(site))
    assert (result.code, result.err) == (2, f"import: {source}: {said}\n")


def test_a_dateline_without_a_year_is_never_after_the_clock(site: Path) -> None:
    """Copy filed "March 14", imported in November: filed this March, not next year's."""
    copy = (
        "Leaders to meet in Oslo\n"
        "OSLO, March 14 (Wire) - The prime ministers of Norway and Sweden will meet in Oslo "
        "on March 21 to discuss energy and defence, officials said.\n"
        "They last met in 2019.\n"
    )
    now = "2026-11-30T10:00:00+01:00"
    result = _run("import", "-", "-s", str(site), "--slug", "oslo", "--now", now, stdin=copy)
    assert result.code == 0, result.err
    _, meta, sidecar = _files(site, "oslo")
    assert str(meta["event"]["start"]) == "2026-03-21"
    # the date to uncomment is the filing day on the clock's offset, not a fixed example
    assert "# date: 2026-03-14T12:00:00+01:00  # REVIEW: the publication time" in sidecar


def test_a_dateline_date_resolves_weekdays_when_the_copy_has_no_date(
    site: Path, cli: Callable[..., Run]
) -> None:
    copy = (
        "Tuesday, 8 July 2025\n\n"
        "Ministers to meet in Budapest on energy | Europe | The Courier\n\n"
        "Agency | 8 July 2025 10:02\n\n"
        "Prague, July 7 (Agency) - The prime minister will meet his counterparts in Budapest "
        "on Tuesday, the government office said on Monday.\n\n"
        "They will discuss gas storage and grid links.\n"
    )
    # the clock is a week later: "on Tuesday" is read from the dateline's July 7, a Monday
    result = _run(
        "import",
        "-",
        "-s",
        str(site),
        "--slug",
        "v4",
        "--now",
        "2025-07-14T09:00:00+02:00",
        stdin=copy,
    )
    assert result.code == 0, result.err
    paragraphs, meta, _ = _files(site, "v4")
    # the first line is a date, not a headline: the headline is found under it
    assert meta["title"] == "Ministers to meet in Budapest on energy"
    assert str(meta["event"]["start"]) == "2025-07-08"
    assert meta["event"]["location"] == "Budapest"
    # the build's own junk rules drop the date line, the page title and the byline
    assert paragraphs[0].startswith("Prague, July 7 (Agency) - The prime minister")


def test_stdin_that_is_not_utf8_is_refused_with_its_place(site: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing_site", "import", "-", "-s", str(site), "--slug", "s"],
        input=b"Leaders meet\n\xff\xfe broken\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert (
        done.stderr.decode().strip()
        == "<stdin>:2: not UTF-8 (byte 13: 0xff, 'ÿ' in Windows-1252): save it again as UTF-8"
    )


def test_stdin_without_a_title_needs_a_slug(site: Path) -> None:
    result = _run("import", "-", "-s", str(site), stdin="On May 5, leaders met.\n")
    assert result.code == 2 and "give --slug" in result.err


def test_a_page_title_loses_its_site_name() -> None:
    from briefing_site.commands.extract import from_text
    from briefing_site.content.junk import JunkFilter

    copy = "Obama to hold talks at nuclear summit | world | The Daily Times\n\nText here.\n"
    assert from_text(copy, JunkFilter()).title == "Obama to hold talks at nuclear summit"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=120
        ).filter(lambda t: t.strip()),
        min_size=1,
        max_size=6,
    ),
)
def test_any_pasted_copy_is_written_checked_or_refused_never_crashes(lines: list[str]) -> None:
    from briefing_site.clock import parse_now
    from briefing_site.commands.importer import ImportOptions, import_article
    from briefing_site.errors import BriefingError

    copy = "Leaders meet in Tokyo on March 3 at 10 a.m.\n" + "\n".join(lines)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "content").mkdir()
        now = parse_now("2025-02-05T10:00:00Z")
        options = ImportOptions("-", site, "story", now, copy.encode("utf-8"))
        try:
            done = import_article(options)
        except BriefingError:
            return  # refused with a message (no article text, ...)
        meta = yaml.safe_load(done.sidecar.read_text("utf-8"))  # always valid YAML
        assert isinstance(meta, dict)
        # what check would refuse is named, with the file and line
        assert all(p.location.path.startswith("content/story.") for p in done.problems)
        if not done.problems:
            assert run_cli("check", "-s", str(site), "--now", NOW).code == 0


def test_a_time_given_in_a_named_zone_is_that_instant() -> None:
    # "11 a.m. ET" in a sentence about London: the instant is New York's, shown in London's zone
    london = propose(["Leaders will meet in London on February 10 at 11 a.m. ET."], PUBLISHED)
    assert (london.start, london.zone) == ("2025-02-10T16:00:00+00:00", "Europe/London")
    # with no place, the zone the time names is the event's
    alone = propose(["The vote will be held on February 12 at 4 p.m. EST."], PUBLISHED)
    assert (alone.start, alone.zone) == ("2025-02-12T16:00:00-05:00", "America/New_York")


FRENCH_COPY = (
    "Macron et Scholz se retrouvent à Berlin pour un sommet franco-allemand\n\n"
    "Le président français se rendra à Berlin le 10 mars pour un sommet avec le chancelier "
    "allemand, a annoncé l'Élysée lundi.\n\n"
    "Les deux dirigeants doivent discuter de la défense européenne et du soutien à "
    "l'Ukraine, ainsi que de la politique commerciale de l'Union face aux droits de douane.\n\n"
    "Selon un conseiller, il s'agit de la première rencontre depuis les élections et les deux "
    "pays veulent montrer qu'ils sont unis sur les grandes questions du moment.\n"
)
ENGLISH_COPY = (
    "Leaders meet in Berlin for talks on trade\n\n"
    "The French president will travel to Berlin on March 10 for a summit with the German "
    "chancellor, his office said on Monday.\n\n"
    "The two leaders are expected to discuss European defence and support for Ukraine, as "
    "well as the trade policy of the union in the face of new tariffs.\n\n"
    "An adviser said it would be their first meeting since the elections and that both "
    "countries want to show they are united on the big questions of the moment.\n"
)


def test_import_proposes_the_language_of_copy_not_in_the_sites(site: Path) -> None:
    """French copy on an English site: `language: fr`, to check, and its page says so."""
    done = _run("import", "-", "-s", str(site), "--slug", "fr", "--now", NOW, stdin=FRENCH_COPY)
    assert done.code == 0, done.err
    assert "check      language: fr: the text reads as French, not the site's en" in done.out
    _, meta, sidecar = _files(site, "fr")
    assert meta["language"] == "fr" and "language: fr  # REVIEW" in sidecar
    built = run_cli("build", "-s", str(site), "--now", NOW, "--drafts")
    assert built.code == 0, built.err
    assert '<html lang="en"' in (page := (site / "build/briefings/fr/index.html").read_text())
    assert 'lang="fr"' in page
    same = _run("import", "-", "-s", str(site), "--slug", "en", "--now", NOW, stdin=ENGLISH_COPY)
    assert same.code == 0 and "language" not in same.out, same.out
    assert "language" not in _files(site, "en")[1]


# French copy whose one-line quote an English junk filter takes for furniture between a
# byline and a "read also" link, where the French filter (the build's, for an article
# with `language: fr`) keeps it.
FRENCH_WITH_A_QUOTE = [
    "Le président français se rendra à Berlin le 10 mars pour un sommet avec le chancelier "
    "allemand, a annoncé l'Élysée lundi.",
    "Les deux dirigeants doivent discuter de la défense européenne et du soutien à "
    "l'Ukraine, ainsi que de la politique commerciale de l'Union face aux droits de douane.",
    "Selon un conseiller, il s'agit de la première rencontre depuis les élections et les "
    "deux pays veulent montrer qu'ils sont unis sur les grandes questions du moment.",
    "Par Jean Dupont, à Berlin",
    "« Nous sommes prêts », a déclaré le porte-parole.",
    "Lire aussi : Le sommet de Bruxelles",
]


@pytest.mark.parametrize("how", ["text", "page"])
def test_import_filters_copy_by_the_language_it_reads_as(site: Path, how: str) -> None:
    """The language is guessed first and the junk rules are that language's: French
    copy on an English site keeps the sentence the build of a French article keeps."""
    headline = "Macron et Scholz se retrouvent à Berlin pour un sommet franco-allemand"
    if how == "text":
        stdin = "\n\n".join([headline, *FRENCH_WITH_A_QUOTE]) + "\n"
    else:
        body = "".join(f"<p>{p}</p>" for p in FRENCH_WITH_A_QUOTE)
        stdin = (
            f"<!doctype html><html><head><title>{headline}</title></head>"
            f"<body><article><h1>{headline}</h1>{body}</article></body></html>"
        )
    done = _run("import", "-", "-s", str(site), "--slug", "fr", "--now", NOW, stdin=stdin)
    assert done.code == 0, done.err
    paragraphs, meta, _ = _files(site, "fr")
    assert meta["language"] == "fr"
    assert "« Nous sommes prêts », a déclaré le porte-parole." in paragraphs
    assert "Lire aussi : Le sommet de Bruxelles" not in paragraphs


def test_import_proposes_english_on_a_site_in_another_language(site: Path) -> None:
    config = site / "briefing.yaml"
    config.write_text(config.read_text().replace("language: en", "language: fr-CA"))
    done = _run("import", "-", "-s", str(site), "--slug", "en", "--now", NOW, stdin=ENGLISH_COPY)
    assert done.code == 0, done.err
    assert _files(site, "en")[1]["language"] == "en"
    done = _run("import", "-", "-s", str(site), "--slug", "fr", "--now", NOW, stdin=FRENCH_COPY)
    assert done.code == 0 and "language" not in _files(site, "fr")[1]


@pytest.mark.parametrize(
    "text",
    [
        "Talks in Paris. Les deux dirigeants.",  # too short to tell
        # Two languages, half and half: neither is clear.
        ENGLISH_COPY.split("\n\n", 2)[2] + FRENCH_COPY.split("\n\n", 2)[2],
    ],
)
def test_no_language_is_guessed_on_thin_evidence(text: str) -> None:
    from briefing_site.commands.language import guess_language

    assert guess_language([text]) == ""


def test_languages_in_their_own_script_are_told_by_it() -> None:
    from briefing_site.commands.language import guess_language

    assert guess_language(["首相は7日、ワシントンで大統領と会談を行う。" * 4]) == "ja"
    assert guess_language(["国家主席在北京会见了来访的总统双方讨论了贸易问题。" * 3]) == "zh"
    assert guess_language(["대통령은 오늘 서울에서 총리와 정상회담을 가졌다." * 4]) == "ko"


# Synthetic copy in languages the guesser has no list of its own for, or only a
# neighbour's: each must get no proposal, not the neighbour's code.
NEIGHBOURS = {
    "uk": "Президент України зустрівся з прем'єр-міністром у Києві. Сторони обговорили "
    "питання безпеки, торгівлі та енергетики. Він заявив, що співпраця між двома країнами "
    "є дуже важливою для регіону і що нові домовленості будуть підписані найближчим часом. "
    "Також було обговорено підтримку відновлення інфраструктури після зими.",
    "bg": "Президентът на България се срещна с министър-председателя в София. Двамата "
    "обсъдиха въпросите на сигурността, търговията и енергетиката. Той заяви, че "
    "сътрудничеството между двете страни е много важно за региона и че новите "
    "споразумения ще бъдат подписани скоро. Беше обсъдена и подкрепата за "
    "възстановяването на инфраструктурата след зимата, както и общите проекти.",
    "sr": "Председник Србије састао се са премијером у Београду. Они су разговарали о "
    "питањима безбедности, трговине и енергетике. Он је рекао да је сарадња између две "
    "земље веома важна за регион и да ће нови споразуми бити потписани ускоро. Такође је "
    "разговарано о подршци обнови инфраструктуре после зиме, као и о заједничким пројектима.",
    "be": "Прэзідэнт Беларусі сустрэўся з прэм'ер-міністрам у Мінску. Бакі абмеркавалі "
    "пытанні бяспекі, гандлю і энергетыкі. Ён заявіў, што супрацоўніцтва паміж дзвюма "
    "краінамі вельмі важнае для рэгіёна і што новыя пагадненні будуць падпісаны ў бліжэйшы "
    "час. Таксама абмяркоўвалася падтрымка аднаўлення інфраструктуры пасля зімы.",
    "da": "Statsministeren mødtes i dag med præsidenten i København for at drøfte handel og "
    "sikkerhed. De to ledere talte om støtten til Ukraine og om den nye aftale, som skal "
    "underskrives til sommer. Ifølge en rådgiver var det det første møde siden valget, og "
    "begge lande vil vise, at de står sammen om de store spørgsmål. Der blev også talt om "
    "energi, klima og forsvar, og det blev aftalt at mødes igen i efteråret.",
    "da-short": "Det er en stor dag for Danmark, sagde han til pressen i går, og han var glad "
    "for at se dem alle her. I dag er det vigtigt at vi står sammen, for det har vi altid "
    "gjort, og det vil vi også gøre i morgen, når vi mødes igen.",
    "af": "Die president het vandag in Pretoria met die eerste minister vergader om handel en "
    "veiligheid te bespreek. Die twee leiers het oor die steun aan die streek gepraat en oor "
    "die nuwe ooreenkoms wat in die somer onderteken sal word. Volgens 'n raadgewer was dit "
    "die eerste vergadering sedert die verkiesing, en albei lande wil wys dat hulle "
    "saamstaan oor die groot vrae.",
}
RUSSIAN_COPY = (
    "Президент России встретился с премьер-министром в Москве. Стороны обсудили вопросы "
    "безопасности, торговли и энергетики. Он заявил, что сотрудничество между двумя странами "
    "очень важно для региона и что новые соглашения будут подписаны в ближайшее время. Также "
    "была обсуждена поддержка восстановления инфраструктуры после зимы."
)


@pytest.mark.parametrize("language", sorted(NEIGHBOURS))
def test_copy_in_a_neighbour_of_a_listed_language_gets_no_guess(language: str) -> None:
    """Ukrainian, Bulgarian, Serbian, Belarusian are not Russian; Danish is not English,
    Afrikaans not Dutch: silence, never a wrong `language:`."""
    from briefing_site.commands.language import guess_language, other_language

    assert guess_language([NEIGHBOURS[language]]) == ""
    assert other_language([NEIGHBOURS[language]], "fr") == ""


def test_russian_is_told_by_its_own_letters() -> None:
    from briefing_site.commands.language import guess_language

    assert guess_language([RUSSIAN_COPY]) == "ru"
    # Russian's words, but a letter Russian has not (Ukrainian і): not Russian
    assert guess_language([RUSSIAN_COPY.replace("и", "і")]) == ""


@pytest.mark.parametrize("site_language", ["uk", "bg", "sr-Cyrl", "da", "af"])
def test_a_site_in_a_language_without_a_list_is_never_told_its_copy_is_another(
    site_language: str,
) -> None:
    """The guesser cannot tell a language it has no list for from its neighbours."""
    from briefing_site.commands.language import other_language

    for text in (*NEIGHBOURS.values(), RUSSIAN_COPY, FRENCH_COPY, ENGLISH_COPY):
        assert other_language([text], site_language) == ""


def test_import_on_a_ukrainian_site_proposes_no_language(site: Path) -> None:
    config = site / "briefing.yaml"
    config.write_text(config.read_text().replace("language: en", "language: uk"))
    copy = (
        "Президент зустрівся з прем'єром у Києві\n\n"
        "Він не сказав, що буде далі, але на зустрічі в столиці було багато людей. Вона "
        "також не прийшла, як і він. Це було для них важливо, так як вони були в Києві, і він "
        "заявив, що це не так, але вона сказала, що так. Він був у місті до вечора, а потім "
        "поїхав на вокзал.\n"
    )
    done = _run("import", "-", "-s", str(site), "--slug", "uk", "--now", NOW, stdin=copy)
    assert done.code == 0, done.err
    assert "language" not in done.out and "language" not in _files(site, "uk")[1]
    from briefing_site.commands.language import guess_language

    assert guess_language([copy]) == ""  # (on any site: it is not Russian)


# Pages whose bytes are not in the charset they name (or name none): a browser's
# reading decides, and the editor is told to check the letters.
_FRENCH = (
    "Les ministres des affaires étrangères se sont réunis à Genève mardi pour préparer le sommet.",
    "Les deux ministres ont déclaré qu'ils espéraient un accord sur le budget avant la fin de l'année.",
    "Les discussions ont duré près de quatre heures et ont porté sur le commerce et l'énergie.",
)
_JAPANESE = (
    "岸田首相は東京でバイデン大統領と会談し、防衛協力の強化で一致した。",
    "両首脳は経済安全保障についても意見を交わし、半導体の供給網について協議した。",
    "会談は約一時間半にわたり、記者会見で共同声明が発表された。",
)


def _page_bytes(title: str, paragraphs: tuple[str, ...], meta: str, encoding: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        f"<html><head>{meta}<title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )
    return page.encode(encoding)


def _import_saved(
    site: Path, cli: Callable[..., Run], data: bytes
) -> tuple[Run, list[str], dict[str, Any]]:
    """`data` saved as a page and imported (it must succeed): the run, paragraphs, metadata."""
    page = site / "saved.html"
    page.write_bytes(data)
    result = cli("import", str(page), "-s", str(site), "--slug", "story")
    assert result.code == 0, result.err
    paragraphs, meta_data, _ = _files(site, "story")
    return result, paragraphs, meta_data


@pytest.mark.parametrize(
    ("meta", "encoding", "note"),
    [
        ("<meta charset='utf-8'>", "latin-1", "not the utf-8 it declares; read as Windows-1252"),
        ("", "utf-16", ""),  # Notepad's "Unicode": its byte order mark says so
        ("<meta charset='utf-8'>", "utf-16-be", ""),
        ("<meta charset='iso-8859-1'>", "utf-8", "read as UTF-8, not the iso-8859-1"),
    ],
)
def test_a_page_in_another_encoding_than_it_declares_is_read_right(
    site: Path, cli: Callable[..., Run], meta: str, encoding: str, note: str
) -> None:
    title = "Les ministres se réunissent à Genève"
    data = _page_bytes(title, _FRENCH, meta, encoding)
    if encoding.startswith("utf-16-"):
        data = (b"\xfe\xff" if encoding.endswith("be") else b"\xff\xfe") + data
    result, paragraphs, meta_data = _import_saved(site, cli, data)
    assert meta_data["title"] == title
    assert paragraphs == list(_FRENCH)
    assert ("check      page: " in result.out) == bool(note)
    assert note in result.out


@pytest.mark.parametrize("meta", ["<meta charset='utf-8'>", ""])
def test_a_utf8_page_with_one_stray_windows_1252_byte_keeps_its_letters(
    site: Path, cli: Callable[..., Run], meta: str
) -> None:
    """A footer pasted in Windows-1252 ("\xa9 2025") into a UTF-8 page: the page stays
    UTF-8 (not a guess that turns every "é" into "√©"), the stray byte its letter."""
    title = "Les ministres se réunissent à Genève"
    data = _page_bytes(title, _FRENCH, meta, "utf-8").replace(
        b"</article>", b"<p>\xa9 2025 Le Journal</p></article>"
    )
    result, paragraphs, meta_data = _import_saved(site, cli, data)
    assert meta_data["title"] == title
    assert paragraphs[: len(_FRENCH)] == list(_FRENCH)
    assert "1 byte(s) are not UTF-8" in result.out


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [("<meta charset='iso-8859-1'>", "shift_jis"), ("<meta charset='utf-8'>", "euc_jp")],
)
def test_a_japanese_page_with_a_wrong_charset_keeps_its_text(
    site: Path, cli: Callable[..., Run], meta: str, encoding: str
) -> None:
    data = _page_bytes("首脳会談", _JAPANESE, meta, encoding)
    result, paragraphs, meta_data = _import_saved(site, cli, data)
    assert meta_data["title"] == "首脳会談"
    assert paragraphs == list(_JAPANESE)
    assert "check the letters" in result.out


def test_a_served_page_whose_http_charset_is_wrong_is_read_right(
    site: Path, cli: Callable[..., Run], tmp_path: Path
) -> None:
    data = _page_bytes("Les ministres se réunissent à Genève", _FRENCH, "", "cp1252")

    class Wrong(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    with serve(tmp_path, Wrong, path="") as base:
        result = cli("import", f"{base}/story", "-s", str(site), "--slug", "story")
    assert result.code == 0, result.err
    paragraphs, _, _ = _files(site, "story")
    assert paragraphs == list(_FRENCH)
    assert "not the utf-8 it declares; read as Windows-1252" in result.out


@pytest.mark.parametrize(
    "furniture",
    [
        "<footer><p>© 2019 Example News Corp</p></footer>",
        "<aside><a href='/2019/05/03/older-story'>An older story</a></aside>",
    ],
)
def test_a_page_without_a_date_gets_none_from_its_footer_or_links(
    site: Path, cli: Callable[..., Run], furniture: str
) -> None:
    """The publication date comes from what the markup states, never a year in its text."""
    paragraphs = (
        "The foreign ministers of France and Germany met in Berlin to prepare the summit.",
        "Both ministers said they expected an agreement on the defence budget this year.",
        "The talks lasted nearly four hours and covered trade and energy prices, officials said.",
    )
    page = site / "saved.html"
    html = _page_bytes("Ministers meet in Berlin", paragraphs, "", "utf-8").decode()
    page.write_text(html.replace("</article>", "</article>" + furniture))
    result = cli("import", str(page), "-s", str(site), "--slug", "story", "--now", NOW)
    assert result.code == 0, result.err
    assert "2019" not in result.out
    _, meta, sidecar = _files(site, "story")
    assert "date" not in meta and "2019" not in sidecar


def test_a_page_of_hundreds_of_unclosed_tags_still_gives_its_text(
    site: Path, cli: Callable[..., Run]
) -> None:
    """Old CMS output never closes its <font> tags: past libxml2's 255 levels the
    page read as empty ("no article text found")."""
    paragraphs = (
        "The foreign ministers of France and Germany met in Berlin to prepare the summit.",
        "Both ministers said they expected an agreement on the defence budget this year.",
        "The talks lasted nearly four hours and covered trade and energy prices, officials said.",
    )
    body = "<font size=2>" * 400 + "".join(f"<p>{p}" for p in paragraphs)
    page = site / "saved.html"
    page.write_text(f"<html><head><title>Ministers meet</title></head><body>{body}</body></html>")
    result = cli("import", str(page), "-s", str(site), "--slug", "story", "--now", NOW)
    assert result.code == 0, result.err
    assert _files(site, "story")[0] == list(paragraphs)


@pytest.mark.parametrize("how", ["stdin", "txt"])
def test_a_utf16_page_piped_or_saved_as_text_is_read_as_a_page(
    site: Path, how: str, tmp_path: Path
) -> None:
    """Its markup must not end up in the article: the BOM says how to read the rest."""
    title = "Les ministres se réunissent à Genève"
    data = b"\xff\xfe" + _page_bytes(title, _FRENCH, "", "utf-16-le")
    if how == "stdin":
        done = subprocess.run(
            [sys.executable, "-m", "briefing_site", "import", "-", "-s", str(site), "--slug", "s"],
            input=data,
            capture_output=True,
            timeout=60,
            check=False,
        )
        result = Run(done.returncode, done.stdout.decode(), done.stderr.decode())
    else:
        saved = tmp_path / "page.txt"
        saved.write_bytes(data)
        result = _run("import", str(saved), "-s", str(site), "--slug", "s")
    assert result.code == 0, result.err
    paragraphs, meta, _ = _files(site, "s")
    assert meta["title"] == title
    assert paragraphs == list(_FRENCH)


def test_wire_copy_wrapped_inside_a_date_proposes_no_date_cut_from_it(site: Path) -> None:
    """The wrapper broke "on March" / "9, before ...": the March 12 talks elsewhere in
    that sentence were proposed as the event, quoting "9, before ..." as the source."""
    copy = (
        "Ruritania's minister to visit Norway\n"
        "OSLO: The fisheries minister of Ruritania is due to visit Norway\n"
        "and Iceland later this month to discuss cod quotas, officials said\n"
        "on Monday.\n"
        "The minister is expected to sign the accord in Oslo on March\n"
        "9, before flying on to Reykjavik for talks with her counterpart\n"
        "on March 12 and a meeting with exporters the next day.\n"
        "The visit follows two years of quarrels over the northern stock\n"
        "and a ruling by the regional fisheries body, officials added.\n"
    )
    result = _run("import", "-", "-s", str(site), "--now", "2026-03-02T10:00:00+01:00", stdin=copy)
    assert result.code == 0, result.err
    text, meta, sidecar = _files(site, "ruritanias-minister-to-visit-norway")
    assert any("in Oslo on March 9, before flying on" in p for p in text), text
    assert "event" not in meta  # two dates in the sentence: the editor chooses
    assert "several dates (2026-03-09, 2026-03-12)" in sidecar


@pytest.mark.parametrize(
    "opening",
    [
        "HONIARA, Solomon Islands, Friday 12 September 2025 - ",
        "TASHKENT (Uzbekistan), Sept 12 \u2014 ",
        "Suva, Fiji, September 12: ",
    ],
)
def test_a_wire_headers_filing_date_is_not_proposed_as_the_event(opening: str) -> None:
    """The date in a paragraph's opening header says when the story was filed."""
    published = datetime.fromisoformat("2025-09-13T12:00:00+00:00")
    closed = propose(
        [opening + "The leaders' meeting ended with a communique on fisheries."], published
    )
    assert closed.start == ""
    ahead = propose(
        [opening + "Ministers will meet again in Suva on Tuesday, September 16."], published
    )
    assert ahead.start == "2025-09-16"


@pytest.mark.parametrize(
    ("opening", "day"),
    [
        (
            "PORT MORESBY, 14 August 2024 - Pacific leaders opened their meeting here today.",
            "2024-08-14",
        ),
        ("Update, August 14: Ministers signed the fisheries accord this morning.", "2024-08-14"),
        ("Suva, Fiji, August 14: The leaders dine with the president tonight.", "2024-08-14"),
    ],
)
def test_a_wire_headers_date_is_the_event_when_its_sentence_happens_today(
    opening: str, day: str
) -> None:
    """A header's date is also the event's when the sentence under it says "today"."""
    published = datetime.fromisoformat("2024-08-15T12:00:00+00:00")
    assert propose([opening], published).start == day


def test_a_date_the_event_runs_up_to_is_its_end_not_its_start() -> None:
    # published on Wednesday 2025-02-05: "opened on Monday" is the 3rd
    both = propose(
        ["The climate conference in Baku opened on Monday and runs up to February 21."],
        PUBLISHED,
    )
    assert (both.start, both.end, both.zone) == ("2025-02-03", "2025-02-21", "Asia/Baku")
    alone = propose(["The exhibition in Paris runs up to February 21."], PUBLISHED)
    assert alone.start == "" and "2025-02-21 is the last day" in alone.reason


def test_a_weekday_after_here_is_dated_by_the_sentence_tense() -> None:
    # wire style drops the "on": "kicked off here Tuesday" is the day before publication
    proposal = propose(
        ["TOKYO (Wire) - The summit kicked off here Tuesday with a dinner for leaders."],
        PUBLISHED,
    )
    assert (proposal.start, proposal.zone) == ("2025-02-04", "Asia/Tokyo")


def test_tonight_with_a_time_is_the_day_of_publication() -> None:
    proposal = propose(
        ["The two candidates will debate tonight at 9 p.m. ET in Philadelphia."], PUBLISHED
    )
    assert (proposal.start, proposal.zone) == ("2025-02-05T21:00:00-05:00", "America/New_York")
    # "today" with no time of day is as often the story's present: not certain
    vague = propose(["Today the country will mourn its former leader in Paris."], PUBLISHED)
    assert vague.start == ""


@pytest.mark.parametrize(
    ("said", "start"),
    [
        ("3pm UK time", "2025-02-10T15:00:00+00:00"),
        ("9 p.m. Eastern", "2025-02-10T21:00:00-05:00"),
        ("10 a.m. (Pacific time)", "2025-02-10T10:00:00-08:00"),
    ],
)
def test_a_time_given_in_a_zone_named_in_words_is_that_instant(said: str, start: str) -> None:
    proposal = propose([f"The prime minister will speak on February 10 at {said}."], PUBLISHED)
    assert proposal.start == start


def test_eastern_or_pacific_before_a_place_noun_is_no_zone() -> None:
    """ "Eastern Europe time" is Kyiv's, not New York's; "Pacific Islands Forum" names a
    body, not the time's zone: the place named gives the zone, as without the word."""
    kyiv = propose(
        ["The session resumes at 10 a.m. Eastern Europe time on March 20 in Kyiv."], PUBLISHED
    )
    assert (kyiv.start, kyiv.zone) == ("2025-03-20T10:00:00+02:00", "Europe/Kyiv")
    suva = propose(
        [
            "Leaders meet at 9 a.m. Pacific Islands Forum officials said would host on March 20 in Suva."
        ],
        PUBLISHED,
    )
    assert (suva.start, suva.zone) == ("2025-03-20T09:00:00+12:00", "Pacific/Fiji")
    # the word alone, before "on" or the sentence's end, is still the zone: 9 a.m. in
    # New York is 1 p.m. in Lisbon
    said = propose(["The vote opens at 9 a.m. Eastern on March 20 in Lisbon."], PUBLISHED)
    assert said.start == "2025-03-20T13:00:00+00:00"


@pytest.mark.parametrize(
    "sentence",
    [
        "In the weeks running up to March 20, campaigners in Lisbon will hold rallies.",
        "Tension is running up to the March 20 election in Lisbon.",
        "Campaigning runs up to the March 20 election in Lisbon.",
    ],
)
def test_the_run_up_to_a_date_is_the_event_day_not_its_end(sentence: str) -> None:
    """ "In the weeks running up to March 20" is the lead-up to the day, which is the
    event's start, not the last day of an event that began earlier."""
    assert propose([sentence], PUBLISHED).start == "2025-03-20"
