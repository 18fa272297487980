"""Helpers for the publishing tests: a GitHub-Pages-like server and a site with two briefings."""

from __future__ import annotations

import urllib.error
import urllib.request
from contextlib import AbstractContextManager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

import conftest
from conftest import SEED_TXT, SEED_YAML

BASE_URL = "https://example.github.io/briefings/"
NOW = "2025-02-05T10:00:00-05:00"

# An all-day, multi-day event with text that needs escaping and folding in ICS.
SUMMIT_MD = """---
title: "Leaders meet in Kananaskis; what's at stake, and why"
summary: "G7 leaders gather in the Rockies \\u2014 trade, Ukraine; security, energy."
date: 2025-02-04T08:30:00+01:00
updated: 2025-02-05T07:00:00+01:00
image: https://images.example.org/kananaskis.jpg
author: Mari Tanaka
event:
  name: "G7 summit: Kananaskis, Alberta; 51st meeting \\u2014 \\u6771\\u4eac\\u3068\\u30ef\\u30b7\\u30f3\\u30c8\\u30f3\\u306e\\u9996\\u8133\\u304c\\u96c6\\u307e\\u308b\\u4f1a\\u8b70"
  start: 2025-06-15
  end: 2025-06-17
  timezone: America/Edmonton
  location: Kananaskis Village, Alberta, Canada
people: [Mark Carney, {name: Shigeru Ishiba, role: Prime Minister of Japan}]
tags: [g7, trade]
---
Leaders of the Group of Seven meet in the Canadian Rockies.

## Economy

Tariffs and trade will dominate the talks on the first day.
"""

CONFIG = """title: Summit Briefings
description: Briefings before the summits that matter.
language: en
author: The Briefing Desk
publisher: Summit Briefings Ltd
image: assets/share.png
google_news: true
"""


def site_files() -> dict[str, str | bytes]:
    """The seed briefing, an all-day multi-day one, a config and a share image."""
    return {
        "briefing.yaml": CONFIG,
        "content/ishiba-trump-summit.txt": SEED_TXT.read_bytes(),
        "content/ishiba-trump-summit.yaml": SEED_YAML.read_bytes(),
        "content/g7-kananaskis.md": SUMMIT_MD,
        "templates/static/share.png": b"\x89PNG\r\n\x1a\n",
    }


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves a build under /PREFIX/ and answers misses with its 404.html, like Pages."""

    prefix = "/briefings/"

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if not route.startswith(self.prefix) and route != self.prefix.rstrip("/"):
            return str(Path(self.directory) / ".missing" / "nothing-here")
        return super().translate_path("/" + route.removeprefix(self.prefix.rstrip("/")))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_FOUND:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest shows failures, not every request."""


def serve(folder: Path) -> AbstractContextManager[str]:
    """Serve `folder` on 127.0.0.1 (a free port) under /briefings/; yields the base URL."""
    return conftest.serve(folder, PagesHandler, "/briefings/")


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body of a GET (errors are answers too)."""
    try:
        with _OPENER.open(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read()
