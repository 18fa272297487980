"""Put Pagefind's filter data in a fixed order, so identical pages give an identical index.

Pagefind (1.5) keeps filters in hash maps seeded afresh in every run: the
values inside each filter file and the list of filters in the index's meta
file come out in a different order each time, and so do the file names,
which are hashes of the content. The search does not depend on that order.
This module sorts those lists (moving whole CBOR items as bytes, never
re-encoding them), names each rewritten file by a hash of its new content
(same length as Pagefind's), and updates the names where they are referenced.
Anything not shaped as expected is left exactly as Pagefind wrote it.

It also reads and replaces a meta file's sort lists (`read_meta`,
`with_sorts`), for the sorts that span a sharded index (`search_sorts`).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing_site.model import RenderedFile

_SIGNATURE = b"pagefind_dcd"
_FILTER = re.compile(r"^(?P<dir>.*/filter/)(?P<hash>[a-z0-9-]+_[0-9a-f]+)\.pf_filter$")
_META = re.compile(r"^(?P<dir>.*/)pagefind\.(?P<hash>[a-z0-9-]+_[0-9a-f]+)\.pf_meta$")
# In the meta file's top-level array [version, pages, index chunks, filters,
# sorts, meta fields]: the lists whose order varies from run to run.
_UNORDERED = (3, 4, 5)
_PAGES, _SORTS = 1, 4


class _Shape(Exception):
    """The data is not laid out as expected: leave it alone."""


def in_fixed_order(files: Sequence[RenderedFile]) -> list[RenderedFile]:
    """`files` with filter and meta files sorted and renamed; unchanged when unexpected."""
    try:
        return _reorder(files)
    except (_Shape, OSError, EOFError, ValueError, IndexError, KeyError, TypeError):
        return list(files)


def _reorder(files: Sequence[RenderedFile]) -> list[RenderedFile]:
    renamed: dict[str, str] = {}
    out: dict[str, bytes] = {}
    metas = []
    for item in files:
        found = _FILTER.match(item.path)
        if found:
            data = _pack(_sorted_filter(_unpack(item.data)))
            new = _rename(found["hash"], data)
            renamed[found["hash"]] = new
            out[f"{found['dir']}{new}.pf_filter"] = data
        elif _META.match(item.path):
            metas.append(item)
        else:
            out[item.path] = item.data
    for item in metas:
        found = _META.match(item.path)
        assert found is not None
        body = _unpack(item.data)
        for old, new in renamed.items():  # same length: no CBOR header changes
            body = body.replace(old.encode(), new.encode())
        data = _pack(_sorted_meta(body))
        _put_meta(out, renamed, found["dir"], found["hash"], data)
    return _with_entries(out, renamed)


def _put_meta(
    out: dict[str, bytes], renamed: dict[str, str], folder: str, old: str, data: bytes
) -> None:
    """A rewritten meta file under the name its new bytes give it (Pagefind names by hash)."""
    new = _rename(old, data)
    renamed[old] = new
    out[f"{folder}pagefind.{new}.pf_meta"] = data


def _with_entries(out: dict[str, bytes], renamed: dict[str, str]) -> list[RenderedFile]:
    """The files in path order, each bundle's entry pointing at its renamed meta."""
    for path, data in out.items():
        if path.endswith("/pagefind-entry.json"):
            out[path] = _entry(data, renamed)
    return sorted((RenderedFile(path, data) for path, data in out.items()), key=lambda f: f.path)


def _entry(data: bytes, renamed: dict[str, str]) -> bytes:
    entry = json.loads(data)
    for language in entry.get("languages", {}).values():
        language["hash"] = renamed.get(language["hash"], language["hash"])
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _rename(old: str, data: bytes) -> str:
    language, _, digest = old.rpartition("_")
    return f"{language}_{hashlib.sha256(data).hexdigest()[: len(digest)]}"


def _unpack(data: bytes) -> bytes:
    body = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    if not body.startswith(_SIGNATURE):
        raise _Shape
    return body[len(_SIGNATURE) :]


def _pack(body: bytes) -> bytes:
    return gzip.compress(_SIGNATURE + body, compresslevel=9, mtime=0)


def _sorted_filter(body: bytes) -> bytes:
    """[name, [[value, [pages]], ...]]: the values sorted."""
    (_name, values), end = _items(body, 0)
    if end != len(body):
        raise _Shape
    return body[: values[0]] + _sorted_array(body[values[0] : values[1]])


def _sorted_meta(body: bytes) -> bytes:
    """[version, pages, chunks, filters, sorts, fields]: the last three sorted."""
    spans, end = _items(body, 0)
    if end != len(body) or len(spans) != 6:
        raise _Shape
    parts = [body[: spans[0][0]]]
    for number, (start, stop) in enumerate(spans):
        chunk = body[start:stop]
        parts.append(_sorted_array(chunk) if number in _UNORDERED else chunk)
    return b"".join(parts)


def _sorted_array(chunk: bytes) -> bytes:
    """A CBOR array with its items in byte order (each holds a distinct name or value first)."""
    spans, end = _items(chunk, 0)
    if end != len(chunk):
        raise _Shape
    if not spans:
        return chunk
    items = sorted(chunk[start:stop] for start, stop in spans)
    return chunk[: spans[0][0]] + b"".join(items)


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """(major type, argument, header length) of the CBOR item at `at`."""
    first = data[at]
    major, info = first >> 5, first & 31
    if info < 24:
        return major, info, 1
    if info > 27:
        raise _Shape  # indefinite lengths: not what Pagefind writes
    size = 1 << (info - 24)
    return major, int.from_bytes(data[at + 1 : at + 1 + size], "big"), 1 + size


def _end(data: bytes, at: int) -> int:
    """Where the CBOR item at `at` ends."""
    major, value, header = _head(data, at)
    if major in (0, 1, 7):
        return at + header
    if major in (2, 3):
        return at + header + value
    if major == 6:
        return _end(data, at + header)
    count = value if major == 4 else 2 * value
    at += header
    for _ in range(count):
        at = _end(data, at)
    return at


def _items(data: bytes, at: int) -> tuple[list[tuple[int, int]], int]:
    """The spans of an array's items, and where the array ends."""
    major, count, header = _head(data, at)
    if major != 4:
        raise _Shape
    spans = []
    at += header
    for _ in range(count):
        stop = _end(data, at)
        spans.append((at, stop))
        at = stop
    return spans, at


@dataclass(frozen=True)
class Meta:
    """What a bundle's meta file says of its pages: how many, and each sort's order."""

    pages: int
    sorts: dict[str, tuple[int, ...]]  # sort name: page numbers, first to last


def read_meta(files: Sequence[RenderedFile]) -> Meta | None:
    """The meta file's page count and sort lists; None when not shaped as expected."""
    try:
        meta = [item for item in files if _META.match(item.path)]
        if len(meta) != 1:
            return None
        body = _unpack(meta[0].data)
        spans, end = _items(body, 0)
        if end != len(body) or len(spans) != 6:
            return None
        pages, _ = _items(body, spans[_PAGES][0])
        sorts = {}
        for start, _stop in _items(body, spans[_SORTS][0])[0]:
            (name, numbers), _ = _items(body, start)
            sorts[_text(body, name[0])] = tuple(
                _head(body, at)[1] for at, _ in _items(body, numbers[0])[0]
            )
        return Meta(len(pages), sorts)
    except (_Shape, OSError, EOFError, ValueError, IndexError, KeyError, TypeError):
        return None


def with_sorts(
    files: Sequence[RenderedFile], sorts: Mapping[str, Sequence[int]]
) -> list[RenderedFile]:
    """`files` with the meta file's sort lists replaced by `sorts` (every sort it has),
    the meta file renamed by its new content and the entry file pointed at it."""
    out: dict[str, bytes] = {}
    renamed: dict[str, str] = {}
    for item in files:
        found = _META.match(item.path)
        if not found:
            out[item.path] = item.data
            continue
        body = _unpack(item.data)
        spans, _ = _items(body, 0)
        encoded = [
            _array_head(2) + _text_item(name) + _array_head(len(numbers))
            + b"".join(map(_uint, numbers))  # (map: a site's worth of numbers a sort)
            for name, numbers in sorts.items()
        ]  # fmt: skip
        chunk = _array_head(len(encoded)) + b"".join(sorted(encoded))  # as `_sorted_array`
        start, stop = spans[_SORTS]
        data = _pack(body[:start] + chunk + body[stop:])
        _put_meta(out, renamed, found["dir"], found["hash"], data)
    return _with_entries(out, renamed)


def _text(data: bytes, at: int) -> str:
    major, length, header = _head(data, at)
    if major != 3:
        raise _Shape
    return data[at + header : at + header + length].decode()


def _argument(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError(value)


@functools.lru_cache(maxsize=4096)
def _uint(value: int) -> bytes:
    return _argument(0, value)


def _array_head(count: int) -> bytes:
    return _argument(4, count)


def _text_item(text: str) -> bytes:
    raw = text.encode()
    return _argument(3, len(raw)) + raw
