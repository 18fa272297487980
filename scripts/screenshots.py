"""Make the README's screenshots of the seed briefing from a real build.

Builds the repository's own site with a fixed clock into a temporary folder,
serves it on 127.0.0.1, and has Chromium photograph the briefing page on a
desktop, on a 360 px phone, and on a desktop in dark mode. The page clock is
frozen at the build time, so the live countdown shows what the build wrote
and the pictures only change when the theme does.
"""

from __future__ import annotations

import functools
import sys
import tempfile
import threading
from datetime import datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from chromium import launch_chromium  # scripts/chromium.py, beside this file
from playwright.sync_api import sync_playwright

from briefing_site.cli import main as briefing_site

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
NOW = "2025-02-05T10:00:00-05:00"
PAGE = "briefings/ishiba-trump-summit/"
SHOTS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 860}, "color_scheme": "light"},
    "phone": {
        "viewport": {"width": 360, "height": 740},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "color_scheme": "light",
    },
    "dark": {"viewport": {"width": 1280, "height": 860}, "color_scheme": "dark"},
}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def shoot(root: Path) -> None:
    """Serve `root` on a free local port and write one PNG per entry of SHOTS."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for name, options in SHOTS.items():
                context = browser.new_context(
                    locale="en-US", timezone_id="America/New_York", **options
                )
                page = context.new_page()
                at = datetime.fromisoformat(NOW)
                page.clock.install(time=at - timedelta(seconds=5))
                page.goto(base + PAGE, wait_until="load")
                page.clock.pause_at(at)
                page.screenshot(path=str(OUT / f"{name}.png"))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def run() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "build"
        code = briefing_site(["build", "-s", str(REPO), "-o", str(built), "--now", NOW])
        if code:
            return code
        OUT.mkdir(parents=True, exist_ok=True)
        shoot(built)
    for name in SHOTS:
        print(OUT.relative_to(REPO) / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(run())
