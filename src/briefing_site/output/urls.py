"""Public URLs of output files, so every link works under a sub-path.

GitHub Pages serves a project site from `https://USER.github.io/REPO/`: every
internal link starts with the base path, and the URLs that leave the site
(canonical, feeds, sitemaps, calendars) are absolute when the base URL has a host.
"""

from __future__ import annotations

from urllib.parse import urlsplit


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


def briefing_path(slug: str) -> str:
    return f"briefings/{slug}/index.html"
