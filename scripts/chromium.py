"""The one place that says how to start Chromium, for the tests, the benchmark
and the screenshots: Debian's build (Playwright cannot download its own here),
headless, and quiet on the network, so a run never reaches beyond 127.0.0.1.

Import it from a script in this folder as `chromium`; from tests/ and bench/,
put this folder on sys.path first (tests/conftest.py and bench/ do).
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser, Playwright

CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
"""The browser binary; BRIEFING_CHROMIUM points elsewhere."""

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",  # runs as root in CI containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no update checks, safe browsing or field trials
    "--disable-component-update",
    "--disable-sync",
)


def launch_chromium(playwright: Playwright) -> Browser:
    """Start Chromium with the flags above; fails clearly when it is not installed."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"no Chromium at {CHROMIUM}: run scripts/test, which installs it")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
