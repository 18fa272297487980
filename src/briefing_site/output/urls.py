"""Public URLs of output files, so every link works under a sub-path.

GitHub Pages serves a project site from `https://USER.github.io/REPO/`: every
internal link starts with the base path, and the URLs that leave the site
(canonical, feeds, sitemaps, calendars) are absolute when the base URL has a host.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

# The one URL attribute the sanitiser keeps (`markup._ATTRIBUTES`), as it writes it.
_HREF = re.compile(r'(<a\b[^>]*? href=")([^"]*)(")')


class Urls:
    """Internal URLs that work under a sub-path (https://user.github.io/repo/)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.prefix = urlsplit(self.base_url).path or "/"

    @property
    def has_host(self) -> bool:
        """True when absolute URLs can be made (the base URL names a host)."""
        return self.base_url.startswith(("http://", "https://"))

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    def url(self, path: str = "") -> str:
        """Root-relative URL of an output path ('' is the home page)."""
        return self.prefix + path.removesuffix("index.html")

    def absolute(self, path: str = "") -> str:
        """Absolute URL when base_url has a host, else root-relative."""
        if self.has_host:
            return self.base_url + path.removesuffix("index.html")
        return self.url(path)


# The origin a root-relative base is joined under: `urljoin` without a host drops the
# leading "/" when a link climbs above the root (`../../etc/`), a browser stays at it.
_PLACEHOLDER = "https://placeholder.invalid"


def _join(base: str, link: str) -> str:
    """`link` resolved against `base` as a browser does (a root-relative base too)."""
    if urlsplit(base).netloc:
        return urljoin(base, link)
    url = urljoin(_PLACEHOLDER + base, link)
    if not url.startswith(_PLACEHOLDER + "/"):
        return link  # another scheme or host: the link as written
    return url.removeprefix(_PLACEHOLDER)


def resolve_links(fragment: str, base: str, *, fragments: bool = True) -> str:
    """Each `<a href>` of an article's sanitised HTML resolved against `base`, the URL
    of the briefing's own page (absolute, or a root-relative path).

    An editor writes a link relative to the briefing's page (`../other/`, `#economy`);
    the home page, a topic's page and the feeds show the same HTML elsewhere, where
    the reader's browser or feed reader would resolve it against the wrong URL. A link
    the base leaves as it is keeps its bytes. With `fragments=False` a link to a place
    on the page (`#economy`) is kept as written too: the page it is shown on has the
    briefing's sections, ids and all."""
    if ' href="' not in fragment:
        return fragment

    def resolve(found: re.Match[str]) -> str:
        written = html.unescape(found.group(2))
        if not fragments and written.startswith("#"):
            return found.group(0)
        url = _join(base, written)
        if url == written:
            return found.group(0)
        return (
            found.group(1) + html.escape(url, quote=False).replace('"', "&quot;") + found.group(3)
        )

    return _HREF.sub(resolve, fragment)


# Every output path the site links to, named once: the renderer, the feeds,
# the calendars and the listings take them from here, and the theme through
# the template helpers `briefing_url`, `topic_url`, `tag_url` and `search_url`.
ARCHIVE_DIR = "briefings/"
SEARCH_DIR = "search/"


def briefing_dir(slug: str) -> str:
    return f"{ARCHIVE_DIR}{slug}/"


def briefing_path(slug: str) -> str:
    return briefing_dir(slug) + "index.html"


def calendar_path(slug: str) -> str:
    """Beside the briefing's page, named after it so a download has a useful name."""
    return f"{briefing_dir(slug)}{slug}.ics"


def topic_dir(name: str) -> str:
    return f"topics/{name}/"


def tag_dir(tag: str) -> str:
    return f"tags/{tag}/"


def search_path() -> str:
    return SEARCH_DIR + "index.html"


def template_helpers(urls: Urls) -> dict[str, object]:
    """The URLs a template may link to, under the site's base path."""
    return {
        "url": urls.url,
        "absolute_url": urls.absolute,
        "briefing_url": lambda slug: urls.url(briefing_dir(slug)),
        "topic_url": lambda name: urls.url(topic_dir(name)),
        "tag_url": lambda tag: urls.url(tag_dir(tag)),
        "archive_url": lambda: urls.url(ARCHIVE_DIR),
        "search_url": lambda: urls.url(SEARCH_DIR),
    }
