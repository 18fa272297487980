"""What the renderer adds beside the pages: feeds, calendars, crawler files.

`render.iter_site` calls `extra_files` once its pages exist, and installs
`template_globals` so `_meta.html` and `_calendar_link.html` can reach the
view data; each format lives in its own module (feeds, ics, structured, sitemap).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from briefing_site.model import Briefing, RenderedFile, Site
from briefing_site.output.feeds import ATOM_PATH, JSON_PATH, atom_feed, entries, json_feed
from briefing_site.output.ics import event_calendar
from briefing_site.output.sitemap import pages_files
from briefing_site.output.structured import Head, head_for
from briefing_site.output.urls import Urls, calendar_path

# Decides whether an output file is made, from its path, its template ('' for
# none) and what it is made from: one briefing; for a listing page, its page
# count then the briefings it shows; for the home and 404 pages, their name
# then the briefings they show; None for a file drawn from the whole site.
# The build cache (`build.batch.PageCache`, for `build` and `serve` alike) keys
# each file by these and skips those it holds; skipped files are left out.
PageSource = Briefing | tuple[object, ...] | None
PageFilter = Callable[[str, str, PageSource], bool]


def every_file(path: str, template: str, source: PageSource) -> bool:
    return True


def extra_files(
    site: Site,
    urls: Urls,
    pages: Sequence[str],
    wanted: PageFilter = every_file,
    newest: Sequence[Briefing] | None = None,
) -> list[RenderedFile]:
    """The feeds, one .ics per briefing with an event, and the crawler and Pages files
    (`newest`: the briefings in `listings.newest_first` order, when the caller has
    them; see `feeds.entries`)."""
    files = []
    items = entries(site, newest)
    in_feeds: tuple[object, ...] = tuple(items)  # a feed changes only with these
    for path, feed in ((ATOM_PATH, atom_feed), (JSON_PATH, json_feed)):
        if wanted(path, "", in_feeds):
            files.append(RenderedFile(path, feed(site, urls, items)))
    for briefing in site.briefings:
        path = calendar_path(briefing.meta.slug)
        if briefing.meta.event is not None and wanted(path, "", briefing):
            files.append(RenderedFile(path, event_calendar(briefing, urls, site.today)))
    files += pages_files(site, urls, pages)
    return files


def template_globals(site: Site, urls: Urls) -> dict[str, Callable[..., Any]]:
    """`head_meta(page.path, briefing)` and `calendar_url(briefing)` for templates."""

    def head_meta(page_path: str, briefing: Briefing | None = None) -> Head:
        return head_for(page_path, briefing, site, urls)

    def calendar_url(briefing: Briefing) -> str:
        return urls.url(calendar_path(briefing.meta.slug))

    return {"head_meta": head_meta, "calendar_url": calendar_url}
