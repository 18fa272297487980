"""The search index: the published briefing pages through Pagefind, into output files.

Pagefind (`pagefind[bin]` on PyPI ships its Rust binary in a wheel) runs as a
child process in its service mode: the rendered briefing pages go to it over a
pipe and the finished index comes back the same way, as output files like any
other. So the index goes through the same atomic, changed-only write as the
pages (no second pass over the staging folder), `serve` can hold it in memory,
and only the pages given are indexed: never a draft or a held-back article
(unless `--drafts` put them in the site), never a listing page.

Which part of a page is indexed, and the filters, sorts and meta a result
carries, are marked in the templates (`data-pagefind-*`). A missing or failing
indexer is a warning: the site is complete without search, and says so.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import marshal
import os
import re
import subprocess
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing_site.build.search_order import in_fixed_order
from briefing_site.build.writer import replace_file
from briefing_site.model import Location, RenderedFile

INDEX_DIR = "pagefind"
BINARY_ENV = "PAGEFIND_BINARY_PATH"
# What the search page's script needs from Pagefind's bundle; its ready-made
# UIs (pagefind-ui.*, component UI, highlight) are left out, unused.
_KEPT_PREFIXES = ("pagefind-worker.js", "pagefind-entry.json", "pagefind.", "wasm.")
_KEPT_FOLDERS = ("index/", "fragment/", "filter/")
_INDEXER = Location("pagefind")
Started = Callable[["subprocess.Popen[bytes]"], None]
_CACHE_VERSION = "briefing-site search 1"
# The countdown's state and build-time text (the output contract's
# `<time class="countdown" ... data-state=...>TEXT</time>`) change by the minute
# near an event, but the index never holds them: they are left out of its key,
# so a clock tick does not re-index the site.
_COUNTDOWN_STATE = re.compile(
    rb'(<time class="countdown"[^>]*?) data-state="[^"]*"([^>]*>)[^<]*(</time>)'
)
_TIMEOUT = 600.0  # seconds for the whole index; a hung indexer must not hang the build


@dataclass(frozen=True)
class SearchIndex:
    """The index as output files, or why there is none (`problem`)."""

    files: tuple[RenderedFile, ...]
    problem: str = ""
    where: Location = _INDEXER


class IndexerError(Exception):
    """The indexer could not be found or did not finish; the message says why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(reason)
        self.where = where
        self.reason = reason


def find_indexer() -> Path:
    """The Pagefind binary: `PAGEFIND_BINARY_PATH`, else the one in `pagefind_bin`'s wheel."""
    configured = os.environ.get(BINARY_ENV)
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise IndexerError(configured, f"{BINARY_ENV} names no file")
        return path
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError as exc:
        raise IndexerError(
            "pagefind_bin",
            "the Pagefind indexer is not installed (pip install 'pagefind[bin]')",
        ) from exc
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError) as exc:
        raise IndexerError("pagefind_bin", f"the Pagefind binary is missing: {exc}") from exc


def index_pages(
    pages: Sequence[RenderedFile], cache: Path | None = None, started: Started | None = None
) -> SearchIndex:
    """The index of `pages`, reusing the one kept in `cache` when the pages are byte for
    byte the same (a rebuild that changed no briefing page does not run the indexer).
    `started` is told the indexer's process (see `run_indexer`)."""
    try:
        binary = find_indexer()
    except IndexerError as exc:
        return SearchIndex((), exc.reason, Location(exc.where))
    key = index_key(pages, binary) if cache is not None else ""
    kept = _cached(cache, key) if cache is not None else None
    if kept is not None:
        return SearchIndex(kept)
    try:
        files = tuple(run_indexer(binary, pages, started))
    except IndexerError as exc:
        return SearchIndex((), exc.reason, Location(exc.where))
    if cache is not None:
        _keep(cache, key, files)
    return SearchIndex(files)


def _cached(cache: Path, key: str) -> tuple[RenderedFile, ...] | None:
    try:
        version, found, files = marshal.loads(cache.read_bytes())
        if (version, found) != (_CACHE_VERSION, key):
            return None
        return tuple(RenderedFile(path, data) for path, data in files)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _keep(cache: Path, key: str, files: Sequence[RenderedFile]) -> None:
    """Remember the index for the next build; a cache that cannot be written is no loss."""
    data = marshal.dumps((_CACHE_VERSION, key, [(item.path, item.data) for item in files]))
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        replace_file(cache, data)


def index_key(pages: Sequence[RenderedFile], binary: Path) -> str:
    """What the index is made from: the pages' paths and bytes, and the indexer."""
    digest = hashlib.sha256()
    try:
        stat = binary.stat()
        digest.update(f"{binary}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    except OSError:
        digest.update(b"?")
    for page in pages:
        digest.update(page.path.encode() + b"\0")
        digest.update(hashlib.sha256(_COUNTDOWN_STATE.sub(rb"\1\2\3", page.data)).digest())
    return digest.hexdigest()


def run_indexer(
    binary: Path, pages: Iterable[RenderedFile], started: Started | None = None
) -> list[RenderedFile]:
    """Send every page to `pagefind --service`, then take back the bundle's files.

    The protocol is Pagefind's own (what its Python package speaks): each
    message is base64 of JSON, ended by a comma. Pages are written from a
    thread while replies are read, so neither side's pipe buffer can fill up.
    `started` is told the process (`serve` lowers its priority and may stop it).
    """
    try:
        process = subprocess.Popen(
            [os.fspath(binary), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise IndexerError(str(binary), f"cannot start the indexer: {exc.strerror or exc}") from exc
    if started is not None:
        started(process)
    errors: list[bytes] = []
    writer = threading.Thread(target=_send_all, args=(process, pages), daemon=True)
    drain = threading.Thread(target=_drain, args=(process, errors), daemon=True)
    timer = threading.Timer(_TIMEOUT, process.kill)
    for thread in (writer, drain, timer):
        thread.start()
    try:
        files = _read_replies(process, binary)
        if files is None:  # the indexer stopped before answering
            code = _wait(process)
            drain.join(5)
            raise IndexerError(str(binary), _exit_reason(code, errors))
    finally:
        timer.cancel()
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        process.kill()
        process.wait()
        writer.join(5)
        drain.join(5)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    return in_fixed_order(
        [RenderedFile(f"{INDEX_DIR}/{name}", data) for name, data in files.items() if _kept(name)]
    )


def _kept(name: str) -> bool:
    if "/" in name:
        return name.startswith(_KEPT_FOLDERS)
    return name.startswith(_KEPT_PREFIXES)


def _message(number: int, payload: dict[str, object]) -> bytes:
    return base64.b64encode(json.dumps({"message_id": number, "payload": payload}).encode()) + b","


def _send_all(process: subprocess.Popen[bytes], pages: Iterable[RenderedFile]) -> None:
    """Create an index, add every page, ask for the files (message ids 1, 2.., last)."""
    stream = process.stdin
    assert stream is not None
    try:
        stream.write(_message(1, {"type": "NewIndex", "config": None}))
        number = 1
        for page in pages:
            number += 1
            request = {
                "type": "AddFile",
                "index_id": 0,
                "file_path": page.path,
                "url": None,
                "file_contents": page.data.decode("utf-8", "replace"),
            }
            stream.write(_message(number, request))
        stream.write(_message(number + 1, {"type": "GetFiles", "index_id": 0}))
        stream.flush()
    except (OSError, ValueError):
        pass  # the indexer went away: the reader reports it


def _drain(process: subprocess.Popen[bytes], errors: list[bytes]) -> None:
    """Keep the indexer's stderr flowing (a full pipe would stall it); keep the last lines."""
    if process.stderr is None:
        return
    try:
        for line in process.stderr:
            errors.append(line)
            del errors[:-20]
    except (OSError, ValueError):
        pass


def _read_replies(process: subprocess.Popen[bytes], binary: Path) -> dict[str, bytes] | None:
    """Read replies until the files come (None: the indexer stopped first)."""
    stream = process.stdout
    assert stream is not None
    pending = b""
    while True:
        chunk = os.read(stream.fileno(), 1 << 20)
        if not chunk:
            return None
        pending += chunk
        while b"," in pending:
            raw, _, pending = pending.partition(b",")
            payload = _payload(raw, binary)
            if payload.get("type") == "Error":
                raise IndexerError(str(binary), f"the indexer failed: {payload.get('message')}")
            if payload.get("type") == "GetFiles":
                return _files(payload, binary)


def _payload(raw: bytes, binary: Path) -> dict[str, object]:
    try:
        reply = json.loads(base64.b64decode(raw))
        payload = reply["payload"]
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexerError(str(binary), "the indexer answered something unreadable") from exc
    if not isinstance(payload, dict):
        raise IndexerError(str(binary), "the indexer answered something unreadable")
    return payload


def _files(payload: dict[str, object], binary: Path) -> dict[str, bytes]:
    found = payload.get("files")
    if not isinstance(found, list):
        raise IndexerError(str(binary), "the indexer returned no files")
    files: dict[str, bytes] = {}
    for item in found:
        try:
            name, data = item["path"], base64.b64decode(item["content"])
        except (KeyError, TypeError, ValueError) as exc:
            raise IndexerError(str(binary), "the indexer returned an unreadable file") from exc
        if not isinstance(name, str) or name.startswith("/") or ".." in name.split("/"):
            raise IndexerError(str(binary), f"the indexer returned an unsafe path {name!r}")
        files[name] = data
    return files


def _wait(process: subprocess.Popen[bytes]) -> int:
    try:
        return process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


def _exit_reason(code: int, errors: list[bytes]) -> str:
    """Why the indexer stopped before answering: its exit status and last error line."""
    detail = b"".join(errors)
    lines = [line for line in detail.decode("utf-8", "replace").splitlines() if line.strip()]
    said = f": {lines[-1].strip()}" if lines else ""
    if code < 0:
        return f"the indexer was stopped by signal {-code} (over {_TIMEOUT:.0f} s, or killed){said}"
    return f"the indexer exited with status {code} before finishing{said}"
