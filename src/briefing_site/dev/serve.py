"""`briefing-site serve`: the preview server, safe to leave running.

Pages come from memory (the Preview's last good Snapshot), never from disk, so
no request path can reach a file outside the build, follow a symlink or list a
folder; paths are still checked strictly and refused early. Only Host headers
naming this server are answered (DNS rebinding). HTML responses get the live
reload script at serve time; it listens on a Server-Sent Events stream.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import html
import json
import mimetypes
import secrets
import signal
import socket
import sys
import threading
import webbrowser
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from ipaddress import ip_address
from typing import TextIO
from urllib.parse import unquote_to_bytes

from briefing_site.build.options import BuildOptions
from briefing_site.build.search import INDEX_DIR
from briefing_site.content.load import read_config
from briefing_site.dev.live_search import LiveIndex
from briefing_site.dev.preview import Live, Preview, Snapshot
from briefing_site.dev.watch import Rebuilder, Report
from briefing_site.errors import ContentError, UsageError
from briefing_site.output.urls import Urls
from briefing_site.safetext import printable

RESERVED = "/__briefing-site__/"
SCRIPT_URL = RESERVED + "live.js"
EVENTS_URL = RESERVED + "events"
PING_SECONDS = 15.0
WILDCARDS = {"0.0.0.0", "::", ""}


@dataclass(frozen=True)
class ServeOptions:
    """What the command line decides about the preview server."""

    build: BuildOptions
    host: str = "127.0.0.1"
    port: int = 8000
    open_browser: bool = False


class Refused(Exception):
    """A request the server will not answer, with its status."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def request_path(target: str) -> str:
    """The decoded path of a request target, or Refused for anything unsafe.

    Decoding happens once, then the result is checked, so `%2e%2e`, `..%2f`
    and double-encoded `%252e` all fail the same checks as a plain `../`.
    """
    raw = target.split("?", 1)[0]
    if not raw.startswith("/") or any(not 0x21 <= ord(c) <= 0x7E for c in raw):
        raise Refused(400, "bad request target")
    try:
        path = unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(400, "request path is not UTF-8") from exc
    if any(c in "\\%" or ord(c) < 0x20 or ord(c) == 0x7F for c in path):
        raise Refused(400, "request path has a forbidden character")
    segments = path.split("/")[1:]
    if any(s in (".", "..") for s in segments) or "" in segments[:-1]:
        raise Refused(400, "request path is not normalized")
    if any(s.startswith(".") for s in segments):
        raise Refused(404, "not found")
    return path


def host_allowed(header: str | None, bound: str, port: int) -> bool:
    """True when the Host header names this server: not a rebound domain name."""
    if not header:
        return False
    name, _, given_port = header.strip().lower().rpartition(":")
    if not name or "]" in given_port:  # no port given
        name, given_port = header.strip().lower(), ""
    if given_port and given_port != str(port):
        return False
    name = name.removeprefix("[").removesuffix("]")
    if name in {"localhost", "127.0.0.1", "::1", bound.lower()}:
        return True
    if bound in WILDCARDS:  # bound to every address: any literal IP is this machine
        try:
            ip_address(name)
        except ValueError:
            return False
        return True
    return False


def inject(page: bytes, build: str, session: str) -> bytes:
    """The page with the live-reload script added before `</head>`.

    The script's URL names the server's session, so the browser may keep it
    for the whole session (one request fewer on every reload).
    """
    tag = (
        f'<script src="{SCRIPT_URL}?v={html.escape(session)}" data-build="{html.escape(build)}" '
        f'data-events="{EVENTS_URL}" defer></script>\n'
    ).encode()
    at = page.find(b"</head>")
    at = page.find(b"</body>") if at < 0 else at
    return page + tag if at < 0 else page[:at] + tag + page[at:]


def problem_page(problems: tuple[str, ...]) -> bytes:
    """Shown before the site has ever built: the problems, escaped."""
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems) or "<li>building…</li>"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>briefing-site: problems</title></head><body>"
        f"<h1>The site does not build yet</h1><ul>{items}</ul></body></html>"
    ).encode()


class PreviewServer(ThreadingHTTPServer):
    """The HTTP server, holding what its request threads share."""

    daemon_threads = True
    live: Live
    session: str
    allowed_host: str

    def handle_error(self, request: object, client_address: object) -> None:
        """A broken connection is routine; anything else is one line, never a traceback."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError | TimeoutError):
            print(f"serve: request failed: {type(error).__name__}: {error}", file=sys.stderr)

    def build_id(self, build: int) -> str:
        return f"{self.session}-{build}" if build else "none"


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD for pages from memory, the reload script and its event stream."""

    server: PreviewServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; with Nagle's algorithm on, the
    # body of every response after the first on a kept-alive connection waits
    # for the browser's delayed ACK (about 40 ms a file on a reload).
    disable_nagle_algorithm = True
    default_request_version = "HTTP/1.0"  # refusals of garbage still get a status line
    timeout = 30

    def version_string(self) -> str:
        return "briefing-site"

    def do_GET(self) -> None:
        try:
            self._answer(head=False)
        except Refused as refused:
            self.close_connection = True
            self._send(refused.status, str(refused).encode() + b"\n", "text/plain; charset=utf-8")

    def do_HEAD(self) -> None:
        try:
            self._answer(head=True)
        except Refused as refused:
            self.close_connection = True
            self._send(refused.status, b"", "text/plain; charset=utf-8", head=True)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for build problems."""

    def _answer(self, head: bool) -> None:
        port = self.server.server_address[1]
        if not self.headers.get("Host"):
            raise Refused(400, "missing Host header")
        if not host_allowed(self.headers.get("Host"), self.server.allowed_host, int(port)):
            raise Refused(403, "this server answers only to its own address")
        path = request_path(self.path)
        if path == SCRIPT_URL:
            self._send(200, _live_script(), "text/javascript; charset=utf-8", head=head, keep=True)
        elif path == EVENTS_URL and not head:
            self._stream_events()
        else:
            self._page(path, head)

    def _page(self, path: str, head: bool) -> None:
        snapshot, problems, build = self.server.live.ready()
        if snapshot is None:
            page = inject(problem_page(problems), "none", self.server.session)
            self._send(503, page, "text/html; charset=utf-8", head=head)
            return
        prefix = snapshot.prefix
        if not path.startswith(prefix):
            if path in ("/", prefix.rstrip("/")):
                self._redirect(prefix)
                return
            raise Refused(404, f"not found: this site lives under {prefix}")
        rel = path[len(prefix) :]
        if rel.startswith(INDEX_DIR + "/") and snapshot.indexed is not None:
            data = self.server.live.search.file(rel)
            if data is None:
                self._not_found(snapshot, build, head)
            else:
                self._file(rel, data, build, head)
            return
        found = locate(rel, snapshot)
        if found is None:
            self._not_found(snapshot, build, head)
        elif found.endswith("/"):
            self._redirect(prefix + found)
        else:
            self._file(found, snapshot.files[found], build, head)

    def _file(self, name: str, data: bytes, build: int, head: bool, status: int = 200) -> None:
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if kind == "text/html":
            data = inject(data, self.server.build_id(build), self.server.session)
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        if kind.startswith("text/html") or status != 200:
            self._send(status, data, kind, head=head)
            return
        # Assets may be kept if they revalidate: a reload then costs a 304, not the file.
        tag = '"' + hashlib.blake2b(data, digest_size=12).hexdigest() + '"'
        if tag in (self.headers.get("If-None-Match") or "").replace(" ", "").split(","):
            self.send_response(304)
            self.send_header("ETag", tag)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return
        self._send(status, data, kind, head=head, etag=tag)

    def _not_found(self, snapshot: Snapshot, build: int, head: bool) -> None:
        page = snapshot.files.get("404.html")
        if page is None:
            raise Refused(404, "not found")
        self._file("404.html", page, build, head, status=404)

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        *,
        head: bool = False,
        keep: bool = False,
        etag: str | None = None,
    ) -> None:
        """A whole response; `keep`: cacheable for the session, `etag`: cacheable if revalidated."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if keep:
            self.send_header("Cache-Control", "private, max-age=86400, immutable")
        elif etag:
            self.send_header("Cache-Control", "no-cache")
            self.send_header("ETag", etag)
        else:
            self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _stream_events(self) -> None:
        """Server-Sent Events: the build id and problems now, then after each rebuild."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        live, seen = self.server.live, -1
        try:
            self.wfile.write(b"retry: 300\n\n")
            while True:
                version = live.next_version(seen, PING_SECONDS)
                if version is None:
                    return
                if version == seen:
                    self.wfile.write(b": ping\n\n")
                else:
                    seen = version
                    self.wfile.write(self._state_event())
                self.wfile.flush()
        except (ConnectionError, TimeoutError):
            return

    def _state_event(self) -> bytes:
        live = self.server.live
        with live.changed:
            state = {"build": self.server.build_id(live.build), "problems": list(live.problems)}
        return f"event: state\ndata: {json.dumps(state)}\n\n".encode()


@functools.cache
def _live_script() -> bytes:
    return resources.files("briefing_site").joinpath("data/live.js").read_bytes()


def locate(rel: str, snapshot: Snapshot) -> str | None:
    """The output file for a site-relative path; a trailing '/' means 'redirect there'."""
    name = rel + "index.html" if rel == "" or rel.endswith("/") else rel
    if name in snapshot.files:
        return name
    if rel and not rel.endswith("/") and f"{rel}/index.html" in snapshot.files:
        return rel + "/"
    return None


class Running:
    """A started preview: the HTTP server, its watcher and rebuild threads."""

    def __init__(self, server: PreviewServer, rebuilder: Rebuilder) -> None:
        self.server, self.rebuilder = server, rebuilder
        self._thread = threading.Thread(target=server.serve_forever, name="briefing-http")
        self._thread.daemon = True

    @property
    def url(self) -> str:
        """The root URL the server answers on (the site may live under a prefix)."""
        host, port = self.server.server_address[:2]
        shown = "localhost" if host in WILDCARDS else str(host)
        return f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"

    def start(self) -> None:
        self.rebuilder.start()
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting, release the event streams, then the watchers."""
        self.server.shutdown()
        self.server.live.stop()
        self.rebuilder.stop()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def bind(options: ServeOptions) -> PreviewServer:
    """Listen on host:port, or a UsageError that says what to do instead."""
    family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
    server_class = type("Server", (PreviewServer,), {"address_family": family})
    try:
        server: PreviewServer = server_class((options.host, options.port), Handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(
                f"serve: port {options.port} on {options.host} is in use; stop what uses it, "
                "choose another with --port, or --port 0 for a free one"
            ) from exc
        raise UsageError(f"serve: cannot listen on {options.host}:{options.port}: {exc}") from exc
    server.session = secrets.token_hex(4)
    server.allowed_host = options.host
    server.live = Live()
    return server


def start(options: ServeOptions, out: TextIO, err: TextIO) -> Running:
    """Bind, then build and watch in the background; requests wait for the first build."""
    server = bind(options)
    server.live.search = LiveIndex(lambda line: print(line, file=err, flush=True))
    rebuilder = Rebuilder(Preview(options.build), server.live, _reporter(out, err))
    running = Running(server, rebuilder)
    running.start()
    return running


def _reporter(out: TextIO, err: TextIO) -> Report:
    """Build outcomes for the terminal: a line per good build, every problem of a bad one,
    and each site-wide warning (a file no build reads, a topic with no cue words) when it
    first appears, since it says why something the editor expects is not on the page."""
    said: set[str] = set()

    def report(snapshot: Snapshot | None, error: ContentError | None, seconds: float) -> None:
        if error is not None:
            for line in error.lines():
                print(printable(line), file=err, flush=True)
            print("serve: still serving the last good build", file=err, flush=True)
        elif snapshot is not None:
            count, hidden = snapshot.briefings, snapshot.left_out
            # `new` writes drafts: say why one is not on the page, and how to see it.
            note = f" ({hidden} draft or scheduled left out: --drafts shows it)" if hidden else ""
            if hidden > 1:
                note = f" ({hidden} drafts or scheduled left out: --drafts shows them)"
            print(
                f"built {count} briefing{'s' if count != 1 else ''} in {seconds * 1000:.0f} ms"
                + note,
                file=out,
                flush=True,
            )
            lines = [f"{p.location}: warning: {p.message}" for p in snapshot.notices]
            for line in lines:
                if line not in said:
                    print(printable(line), file=err, flush=True)
            said.clear()
            said.update(lines)  # (fixed, then made again: said again)

    return report


def run(options: ServeOptions, out: TextIO, err: TextIO) -> int:
    """Serve until Ctrl-C (or SIGTERM, as from `kill` or a process manager), then stop cleanly."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    running = start(options, out, err)
    stopped = threading.Event()
    try:
        snapshot_prefix = _prefix(options)
        url = running.url.rstrip("/") + snapshot_prefix
        print(f"serving {url} (Ctrl-C to stop)", file=out, flush=True)
        if options.build.drafts:
            print(
                "serve: --drafts: drafts and scheduled briefings are shown, and search finds them",
                file=out,
                flush=True,
            )
        if options.open_browser:
            webbrowser.open(url)
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("stopped", file=out, flush=True)
    finally:
        running.stop()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops the preview as Ctrl-C does: streams closed, watchers stopped, exit 0."""
    raise KeyboardInterrupt


def _prefix(options: ServeOptions) -> str:
    """The URL path the site lives under, from -b or briefing.yaml's base_url."""
    try:
        return Urls(read_config(options.build.site, options.build.base_url).base_url).prefix
    except ContentError:
        return "/"
