"""What of a briefing page the indexer is sent: the part it reads, not the whole page.

Pagefind parses every byte it is given, but on a page with a `data-pagefind-body`
element it keeps only that element's text and, from anywhere on the page, the
`lang` of `<html>`, the `data-pagefind-*` attributes, the first `<h1>` (a title
when none is marked) and the `<title>` (the last resort). A theme's briefing page
spends over a third of its bytes before the body, in its `<head>` (JSON-LD, Open
Graph) and masthead. So the indexer is sent the `<html>` start tag, the
`<title>`, and the page from the body element on: the index it makes is byte for
byte the one the whole page gives (the tests hold it to that), with less to read.

A page where that cannot be shown from its bytes is sent whole: no single
`data-pagefind-body`, a `data-pagefind` attribute or an `<h1>` before it, or a
comment, script or other raw text left open before it (where a tag-like string
is not a tag).
"""

from __future__ import annotations

import re

_BODY = b"data-pagefind-body"
# Elements whose content is raw text (or a comment): a "tag" inside is not one.
_RAW = re.compile(
    rb"<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|template)[\s>/]|<!--"
)
_HTML_TAG = re.compile(rb"<html[\s>]")
_TITLE = re.compile(rb"<title[\s>].*?</title\s*>", re.S)


def indexer_input(page: bytes) -> bytes:
    """The part of `page` the indexer reads (see above), or the page itself."""
    at = page.find(_BODY)
    if at < 0 or page.find(_BODY, at + 1) >= 0:
        return page
    start = page.rfind(b"<", 0, at)
    if start < 0 or page.rfind(b">", 0, at) > start:
        return page  # not inside a tag
    before = page[:start].lower()
    if b"data-pagefind" in before or b"<h1" in before or not _closed(before):
        return page
    html = _HTML_TAG.search(before)
    if html is None:
        return page
    end = before.find(b">", html.start())
    title = _TITLE.search(before, end)
    kept = [page[html.start() : end + 1]]
    if title is not None:
        kept.append(page[title.start() : title.end()])
    kept.append(page[start:])
    return b"".join(kept)


def _closed(before: bytes) -> bool:
    """Whether every comment and raw-text element that opens in `before` (lowercased)
    closes in it too, so the body element's tag found after it is a real tag."""
    at = 0
    while (found := _RAW.search(before, at)) is not None:
        name = found.group(1)
        closer = b"</" + name if name else b"-->"
        close = before.find(closer, found.end())
        if close < 0:
            return False
        at = close + len(closer)
    return True
