"""Fetch one web page for `import`: http(s) only, a deadline, a size limit, HTML only.

Each way a fetch can fail (no such host, TLS, an HTTP error, a page that is
not HTML, too big, too slow) gets its own message naming the URL, so an
editor knows whether to retry, fix the link or save the page by hand.
"""

from __future__ import annotations

import codecs
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
    note: str = ""  # what the editor should check about how the page was read


@dataclass(frozen=True)
class Limits:
    """How long and how much one fetch may take."""

    timeout: float = TIMEOUT_SECONDS
    max_bytes: int = MAX_PAGE_BYTES


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Page bytes as text, and a note for the editor when the page's own word on its
    encoding was wrong or missing and the reading had to guess.

    A byte order mark decides, as in a browser. Otherwise bytes that read as
    UTF-8 are UTF-8 whatever the page says (text in another encoding is almost
    never valid UTF-8 by chance), then the charset the server or the page's
    <meta> names if the bytes read in it, then Windows-1252 when it gives
    letters rather than noise, then a guess from the bytes themselves.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), ""
    meta = _META_CHARSET.search(data[:4096])
    declared = [n for n in (charset, meta.group(1).decode("ascii") if meta else None) if n]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        wrong = declared and _codec(declared[0]) not in (None, "utf-8") and not data.isascii()
        return text, (f"page: read as UTF-8, not the {declared[0]} it declares" if wrong else "")
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    for name in declared:
        codec = _codec(name)
        if codec is None or codec == "utf-8" or codec.startswith(("utf-16", "utf-32")):
            continue  # unknown, or a page readable enough to name it is no UTF-16
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec not in _LATIN or reads_as_latin_text(text):
            return text, ""
    said = f"its bytes are not the {declared[0]} it declares" if declared else "no charset named"
    if not declared or _codec(declared[0]) != "utf-8":
        said += ", and not UTF-8"
    note = f"page: {said}; read as {{}}: check the letters"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if reads_as_latin_text(text):
            return text, note.format("Windows-1252")
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - trafilatura brings it
        guess = None
    else:
        guess = from_bytes(data).best()
    if guess is not None:
        return str(guess), note.format(guess.encoding.replace("_", "-"))
    return data.decode("utf-8", errors="replace"), note.format("UTF-8, with the bytes it lacks")


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few stray bytes (a footer or an ad pasted in Windows-1252), as
    UTF-8 with those bytes read as Windows-1252, if its UTF-8 letters outnumber
    them: no other encoding makes many valid UTF-8 sequences by chance."""
    strays = 0

    def stray(error: UnicodeError) -> tuple[str, int]:
        nonlocal strays
        assert isinstance(error, UnicodeDecodeError)
        strays += error.end - error.start
        return error.object[error.start : error.end].decode("cp1252", "replace"), error.end

    with_strays = data.decode("utf-8", errors="replace")
    letters = sum(ord(c) >= 128 for c in with_strays) - with_strays.count("\ufffd")
    codecs.register_error("briefing-site-stray", stray)
    text = data.decode("utf-8", errors="briefing-site-stray")
    if letters < 2 * strays:
        return None
    return text, f"page: {strays} byte(s) are not UTF-8; read as Windows-1252: check them"


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16's: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Charsets in which any byte is a letter, so a wrong one reads without error.
_LATIN = frozenset(("latin-1", "iso8859-1", "cp1252", "iso8859-15", "ascii"))


def _codec(name: str) -> str | None:
    """Python's name for a charset label, or None when Python has no such codec."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def reads_as_latin_text(text: str) -> bool:
    """Whether Windows-1252 gave text, not bytes of something else read as letters:
    no control characters (binary), not mostly accented letters, and no word of two or more accented letters
    without a plain one ("ÿþ", or Cyrillic from Windows-1251 read as "Ïðåçèäåíò").
    One such letter alone is a word (à, è, é), and °, £, © or ½ are ordinary copy."""
    if re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text):
        return False
    # Text in a Latin script is mostly plain letters; bytes of Japanese or Chinese
    # read one by one are mostly accented ones, in "words" as long as a sentence.
    letters = [c for c in text if c.isalpha()]
    if sum(ord(c) >= 128 for c in letters) > 0.3 * len(letters):
        return False
    for word in re.findall(r"\S+", text):
        letters = [c for c in word if c.isalpha()]
        if len(letters) > 1 and all(ord(c) >= 128 for c in letters):
            return False
    return True


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
    return Page(final, *decode_html(b"".join(chunks), response.headers.get_content_charset()))
