"""Fetch one web page for `import`: http(s) only, a deadline, a size limit, HTML only.

Each way a fetch can fail (no such host, TLS, an HTTP error, a page that is
not HTML, too big, too slow) gets its own message naming the URL, so an
editor knows whether to retry, fix the link or save the page by hand.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefing_site import __version__
from briefing_site.errors import BriefingError

MAX_PAGE_BYTES = 5_000_000
TIMEOUT_SECONDS = 20.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 65_536
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


class FetchError(BriefingError):
    """A page could not be fetched (exit 1); the message says why."""


@dataclass(frozen=True)
class Page:
    """A fetched (or saved) page: where it came from and its text."""

    url: str
    html: str


@dataclass(frozen=True)
class Limits:
    """How long and how much one fetch may take."""

    timeout: float = TIMEOUT_SECONDS
    max_bytes: int = MAX_PAGE_BYTES


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Page bytes as text: the server's charset, else the page's <meta>, else UTF-8."""
    declared = _META_CHARSET.search(data[:4096])
    for name in (charset, declared.group(1).decode("ascii") if declared else None, "utf-8"):
        if not name:
            continue
        try:
            return data.decode(name, errors="replace").lstrip("\ufeff")
        except LookupError:
            continue
    return data.decode("utf-8", errors="replace")


def fetch_page(url: str, limits: Limits = Limits()) -> Page:
    """GET `url` and return its HTML, or FetchError saying what went wrong."""
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise FetchError(f"{url}: only http:// and https:// URLs can be imported")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"briefing-site/{__version__} (import)",
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=limits.timeout) as response:
            return _read_page(url, response, limits)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: {_why(exc.reason, limits)}") from exc
    except TimeoutError as exc:
        raise FetchError(f"{url}: no answer within {limits.timeout:g} seconds") from exc
    except (http.client.HTTPException, OSError) as exc:
        raise FetchError(f"{url}: the connection failed ({exc})") from exc


def _why(reason: object, limits: Limits) -> str:
    """A URLError's reason in an editor's words."""
    if isinstance(reason, socket.gaierror):
        return "cannot find that host (DNS lookup failed): check the address"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the site's TLS certificate is not valid ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"the secure (TLS) connection failed ({reason.reason or reason})"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {limits.timeout:g} seconds"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused: is the address right?"
    return f"cannot fetch it ({reason})"


def _read_page(url: str, response: http.client.HTTPResponse, limits: Limits) -> Page:
    """The body, refusing a non-HTML type, an oversize page and a page slower than the deadline."""
    kind = response.headers.get_content_type()
    if kind not in _HTML_TYPES:
        raise FetchError(f"{url}: not an HTML page (Content-Type: {kind})")
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limits.max_bytes:
        raise FetchError(
            f"{url}: the page is {int(length):,} bytes; the limit is {limits.max_bytes:,}"
        )
    deadline = time.monotonic() + limits.timeout
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):  # read1: returns as data arrives
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(f"{url}: the page is larger than {limits.max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: the page did not arrive within {limits.timeout:g} seconds")
        chunks.append(chunk)
    final = response.geturl()
    if urlsplit(final).scheme not in ("http", "https"):
        raise FetchError(f"{url}: redirected to {final}, which is not http(s)")
    return Page(final, decode_html(b"".join(chunks), response.headers.get_content_charset()))
