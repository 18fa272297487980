"""Shared fixtures: small sites built through the real CLI, real HTTP, one real Chromium."""

from __future__ import annotations

import functools
import io
import json
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from chromium import CHROMIUM, launch_chromium  # scripts/chromium.py (pytest's pythonpath)
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from briefing_site.cli import main

REPO = Path(__file__).resolve().parents[1]
SEED_TXT = REPO / "content" / "ishiba-trump-summit.txt"
SEED_YAML = REPO / "content" / "ishiba-trump-summit.yaml"


def pytest_configure(config: pytest.Config) -> None:
    """Let Ctrl-C reach the processes the tests start, however the suite was started.

    A shell runs background jobs with SIGINT ignored, and a child inherits
    that, so `serve` and `build` started by a backgrounded suite would never
    see the Ctrl-C the tests send them. A handled signal is reset at exec.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Any test that drives Chromium is a `browser` test, wherever it lives."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create a site from {relative path: text or bytes}."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    return root


class Run:
    """The result of one CLI invocation."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def run_cli(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


def modules_a_build_loads(argv: list[str], which: str) -> tuple[int, list[str], str]:
    """The exit code of `briefing-site ARGV` run in a fresh interpreter and the sorted
    names of the modules it loaded among those `which` (a Python expression over `m`,
    a module's name) picks (what a user's build pays to import), and what it printed
    to stderr."""
    probe = (
        "import json, sys\n"
        "from briefing_site.cli import main\n"
        f"code = main({argv!r})\n"
        f"print(json.dumps([code, sorted(m for m in sys.modules if {which})]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    code, names = json.loads(done.stdout.splitlines()[-1])
    return code, names, done.stderr


@pytest.fixture
def cli() -> Callable[..., Run]:
    return run_cli


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    def make(files: dict[str, str | bytes]) -> Path:
        return write_site(tmp_path / "site", files)

    return make


# --- Real browser and real HTTP, shared by every browser test --------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(
    root: Path, handler_class: type[SimpleHTTPRequestHandler] = _QuietHandler, path: str = "/"
) -> Iterator[str]:
    """Serve `root` over real HTTP on 127.0.0.1 (a free port); yields the URL of `path`."""
    handler = functools.partial(handler_class, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True  # a request still dripping or hanging does not delay the stop
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole run; never skipped (scripts/test installs it)."""
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/test, which installs it")
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


# --- A real built site with every kind of event, shared by the page tests --------------

DEMO_NOW = "2025-02-05T10:00:00-05:00"
DEMO_ARTICLES: dict[str, str | bytes] = {
    "briefing.yaml": (
        "title: Summit Briefings\n"
        "description: Briefings before the summits that matter.\n"
        "author: The Briefing Desk\n"
    ),
    "content/ishiba-trump-summit.txt": SEED_TXT.read_bytes(),
    "content/ishiba-trump-summit.yaml": SEED_YAML.read_bytes(),
    # A multi-day event with a time, headings, sources and tags.
    "content/trade-talks.md": """---
title: Three days of trade talks in Washington
summary: Negotiators meet for three days on tariffs and investment.
date: 2025-02-01T08:00:00-05:00
updated: 2025-02-03T18:30:00-05:00
event:
  name: Trade talks
  start: 2025-02-10T09:00:00-05:00
  end: 2025-02-12T17:00:00-05:00
  timezone: America/New_York
  location: Washington, D.C.
  also_in: [Asia/Tokyo, Europe/London]
people:
  - {name: Ana Ruiz, role: Lead negotiator}
  - Kenji Sato
tags: [trade, tariffs]
sources:
  - {title: "Talks schedule", url: "https://example.com/schedule?day=1&lang=en"}
  - {title: Tariff tables, url: "https://example.org/tariffs"}
---
Negotiators from both sides open three days of talks on Monday.

## Economy

Tariffs on cars and steel top the agenda, with investment pledges close behind.

## Outlook

Officials expect a joint statement on the final day.
""",
    # A date-only event on the day US clocks spring forward (a 23-hour day).
    "content/spring-forward.md": """---
title: A vote on the day the clocks change
summary: An all-day vote on March 9, when New York loses an hour.
date: 2025-02-04T12:00:00-05:00
event:
  name: Council vote
  start: 2025-03-09
  timezone: America/New_York
  location: City Hall, New York
---
The council votes all day on March 9.
""",
}


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site built once at DEMO_NOW through the real CLI; returns build/."""
    site = write_site(tmp_path_factory.mktemp("demo") / "site", DEMO_ARTICLES)
    result = run_cli("build", "-s", str(site), "--now", DEMO_NOW)
    assert result.code == 0, result.err
    return site / "build"


@pytest.fixture(scope="session")
def demo_url(demo_build: Path) -> Iterator[str]:
    """The demo build served over HTTP on 127.0.0.1."""
    with serve(demo_build) as url:
        yield url


@dataclass
class Opened:
    """A page on a fresh context, with everything it logged and requested."""

    page: Page
    messages: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[tuple[str, str | None]] = field(default_factory=list)


def _logged(result: Opened) -> list[str]:
    """What the page logged, less a failed load of its icon: Chromium asks for the icon
    only after the load event, so a quick test that stops its server at once can reset
    that request under load (seen in CI), a failure the site never caused."""
    messages = list(result.messages)
    for url, failure in result.failed:
        cut = f"Failed to load resource: {failure}"
        if "/favicon." in url and failure and "ERR_CONNECTION" in failure and cut in messages:
            messages.remove(cut)
    return messages


@pytest.fixture
def open_url(browser: Browser) -> Iterator[Callable[..., Opened]]:
    """Open `url` with the fake clock installed a few seconds before `at`.

    The clock runs while the page loads, then is paused at `at`. Every test using
    this then checks that the page logged nothing (no console error, no uncaught
    exception) and fetched nothing from another host.
    """
    contexts: list[BrowserContext] = []
    opened: list[tuple[str, Opened]] = []

    def open_(url: str, at: datetime, **context_options: Any) -> Opened:
        context_options.setdefault("locale", "en-US")
        context = browser.new_context(**context_options)
        contexts.append(context)
        result = Opened(context.new_page())
        opened.append((url, result))
        result.page.on("console", lambda message: result.messages.append(message.text))
        result.page.on("pageerror", lambda error: result.messages.append(str(error)))
        result.page.on("request", lambda request: result.requests.append(request.url))
        result.page.on(
            "requestfailed", lambda request: result.failed.append((request.url, request.failure))
        )
        result.page.clock.install(time=at - timedelta(seconds=5))
        result.page.goto(url, wait_until="load")
        result.page.clock.pause_at(at)
        return result

    yield open_
    for context in contexts:
        context.close()
    for url, result in opened:
        origin = "/".join(url.split("/", 3)[:3]) + "/"
        assert _logged(result) == []
        assert all(seen.startswith(origin) for seen in result.requests), result.requests


# --- Locks ---------------------------------------------------------------------------


@contextmanager
def held(out: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Another process holding the build lock of `out` until the block ends."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pathlib; from briefing_site.build.lock import build_lock\n"
            "with build_lock(pathlib.Path(sys.argv[1])):\n"
            "    print('locked', flush=True); sys.stdin.read()",
            str(out),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        yield holder
    finally:
        holder.communicate(b"" if holder.poll() is None else None)
