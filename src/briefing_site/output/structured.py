"""What a page tells search engines and share previews: OpenGraph, Twitter card, JSON-LD.

This is view data for `templates/_meta.html`. The JSON-LD is plain dicts that
the template writes with `|tojson`, so a title holding `</script>` stays text.
Author and publisher come from config: an article's `author`, else the site's;
the publisher is the site's `publisher`, else its title.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from briefing_site.model import Briefing, Event, Site
from briefing_site.output.eventstatus import SCHEMA_NAME
from briefing_site.output.feeds import ATOM_PATH, JSON_PATH, author_name, publisher_name, rfc3339
from briefing_site.output.urls import Urls, briefing_path

SCHEMA = "https://schema.org"


@dataclass(frozen=True)
class Head:
    """The `<head>` metadata of one page (see `_meta.html`)."""

    og_type: str
    site_name: str
    image: str
    atom_url: str
    json_feed_url: str
    published: str = ""
    modified: str = ""
    tags: tuple[str, ...] = ()
    jsonld: dict[str, Any] | None = field(default=None)

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image else "summary"


def image_url(path: str, urls: Urls) -> str:
    """A share image as an absolute URL (a site path is made absolute, if it can be)."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return urls.absolute(path.lstrip("/"))


def head_for(page_path: str, briefing: Briefing | None, site: Site, urls: Urls) -> Head:
    """A briefing's own page is an article; every other page is the website.

    Titles, descriptions and URLs come from the template's `page`, so they match
    the page's `<title>` and canonical link.
    """
    config = site.config
    website = Head(
        og_type="website",
        site_name=config.title,
        image=image_url(config.image, urls),
        atom_url=urls.absolute(ATOM_PATH),
        json_feed_url=urls.absolute(JSON_PATH),
    )
    if briefing is None or page_path != briefing_path(briefing.meta.slug):
        return replace(
            website, jsonld=website_jsonld(site, urls) if page_path == "index.html" else None
        )
    meta = briefing.meta
    modified = meta.updated or meta.date
    return replace(
        website,
        og_type="article",
        image=image_url(meta.image or config.image, urls),
        published=rfc3339(meta.date) if meta.date else "",
        modified=rfc3339(modified) if modified else "",
        tags=tuple(name for _, name in meta.named_tags),
        jsonld=article_jsonld(briefing, site, urls),
    )


def website_jsonld(site: Site, urls: Urls) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": site.config.title,
        "url": urls.absolute(),
        "inLanguage": site.config.language,
        "publisher": publisher(site, urls),
    }
    if site.config.description:
        data["description"] = site.config.description
    return data


def publisher(site: Site, urls: Urls) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": publisher_name(site)}
    if urls.has_host:
        data["url"] = urls.absolute()
    return data


def article_jsonld(briefing: Briefing, site: Site, urls: Urls) -> dict[str, Any]:
    """schema.org NewsArticle, `about` its event."""
    meta, config = briefing.meta, site.config
    link = urls.absolute(briefing_path(meta.slug))
    byline = author_name(site, briefing)
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": meta.title,
        "description": meta.summary or meta.title,
        "url": link,
        "mainEntityOfPage": {"@type": "WebPage", "@id": link},
        "inLanguage": meta.language or config.language,
        "author": [
            {"@type": "Person", "name": byline}
            if byline != publisher_name(site)
            else publisher(site, urls)
        ],
        "publisher": publisher(site, urls),
    }
    if meta.date:
        data["datePublished"] = rfc3339(meta.date)
    if meta.updated or meta.date:
        data["dateModified"] = rfc3339(meta.updated or meta.date or site.today)
    image = image_url(meta.image or config.image, urls)
    if image:
        data["image"] = [image]
    if meta.tags:
        data["keywords"] = [name for _, name in meta.named_tags]
    if meta.event:
        data["about"] = event_jsonld(meta.event, briefing)
    return data


def _when(value: datetime, all_day: bool) -> str:
    return value.date().isoformat() if all_day else rfc3339(value)


def event_jsonld(event: Event, briefing: Briefing) -> dict[str, Any]:
    """schema.org Event: times with offsets (dates for all-day), status, place, people.

    A postponed event keeps its original startDate, and gives it as previousStartDate
    too, as schema.org asks (EventPostponed: no new date yet); a rescheduled one gives
    its new startDate and, when the editor said (`previous_start`), the old one as
    previousStartDate; one moved online is attended online."""
    online = event.status == "moved-online"
    data: dict[str, Any] = {
        "@type": "Event",
        "name": event.name or briefing.meta.title,
        "startDate": _when(event.start, event.all_day),
        "eventStatus": f"{SCHEMA}/{SCHEMA_NAME[event.status]}",
        "eventAttendanceMode": f"{SCHEMA}/"
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
    }
    if event.end is not None or event.all_day:
        data["endDate"] = _when(event.end or event.start, event.all_day)
    if event.status == "postponed":  # schema.org: set previousStartDate, keep startDate
        data["previousStartDate"] = data["startDate"]
    elif event.previous_start is not None:  # (validation allows it on rescheduled only)
        data["previousStartDate"] = _when(event.previous_start, event.all_day)
    if event.location:
        name = event.location.split(",", 1)[0].strip()
        data["location"] = {"@type": "Place", "name": name, "address": event.location}
    people = [
        {"@type": "Person", "name": p.name, **({"jobTitle": p.role} if p.role else {})}
        for p in briefing.meta.people
    ]
    if people:
        data["attendee"] = people
    return data
