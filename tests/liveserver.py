"""Helpers for the `serve` tests: a real preview server on a free port, raw HTTP."""

from __future__ import annotations

import io
import re
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from briefing_site.build.options import BuildOptions
from briefing_site.clock import parse_now
from briefing_site.dev.serve import Running, ServeOptions, start

NOW = "2025-02-05T10:00:00-05:00"


def article(title: str, *paragraphs: str, date: str = "2025-01-10T09:00:00Z") -> str:
    """A Markdown article with front matter."""
    body = "\n\n".join(paragraphs or (f"{title}: the lede of this briefing.",))
    return f'---\ntitle: "{title}"\nsummary: About {title}.\ndate: {date}\n---\n{body}\n'


def long_article(title: str) -> str:
    """An article long enough to scroll."""
    paragraphs = [
        f"Paragraph {n} of {title}: ministers discussed tariffs, investment and the trade "
        "balance at length, and officials said talks on export controls would continue "
        "through the spring with a further round planned."
        for n in range(1, 41)
    ]
    return article(title, *paragraphs)


def now() -> datetime:
    return parse_now(NOW)


@contextmanager
def serving(site: Path, base_url: str | None = None) -> Iterator[Running]:
    """A started server on 127.0.0.1 and a free port, its first build done."""
    options = ServeOptions(BuildOptions(site=site, now=now(), base_url=base_url), port=0)
    out, err = io.StringIO(), io.StringIO()
    running = start(options, out, err)
    try:
        running.server.live.ready()
        yield running
    finally:
        running.stop()


def port_of(running: Running) -> int:
    return int(running.server.server_address[1])


def raw(port: int, request: bytes, timeout: float = 10.0) -> tuple[int, bytes]:
    """Send bytes as they are, read one answer: (status, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer and (chunk := conn.recv(65536)):
            answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        while length and len(body) < int(length.group(1)) and (chunk := conn.recv(65536)):
            body += chunk
    status_line = head.split(b"\r\n", 1)[0]
    return int(status_line.split()[1]), body


def get(
    port: int, target: str, host: str | None = None, extra: str = ""
) -> tuple[int, bytes, dict[str, str]]:
    """A well-formed GET (connection closed after it): status, body, headers.

    `extra` holds more header lines, each ending in CRLF.
    """
    host = host or f"127.0.0.1:{port}"
    request = f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{extra}\r\n".encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request)
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), body, headers


def wait_until(check: Callable[[], bool], timeout: float = 15.0) -> None:
    """Poll until `check()` holds; fail with the timeout otherwise."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout} s")
        time.sleep(0.05)
