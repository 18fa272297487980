"""How long a build's output stays right as the clock runs on.

Pages show the build clock only as finely as they print it: the footer, the
feeds, the sitemap and the calendars show its date (`Site.today`); a countdown
shows its text (by the minute near the event, by the day before and after it;
see `countdown`); whether an article is held back or marked "Scheduled" turns
on its date, and the news sitemap on whether it is under two days old. `until`
is the first instant at which any of that may read differently, so every clock
from the build's up to it gives the same bytes: the no-change stamp and the
page cache key on that, never on the second. A site template that names `now`
itself may print it to the second, so such a site keys on the exact clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from briefing_site.content.countdown import day_in_zone, next_change
from briefing_site.model import Briefing, Site
from briefing_site.output.sitemap import NEWS_WINDOW
from briefing_site.output.theme import STATIC_DIR
from briefing_site.walk import walk


def templates_show_clock(templates: Path) -> bool:
    """True when a template of the site's own uses `now` (the theme's uses are known).

    Read as Jinja, so the word in prose or a comment does not count; assets in
    `static/` are not templates. A file that does not parse counts, to be safe.
    """
    import jinja2  # here: a build with nothing to do never loads Jinja
    from jinja2 import meta

    parser = jinja2.Environment()
    # Whether `now` is used does not depend on which filters and tests exist; the
    # site's own (`html`, `iso`, ...) would otherwise fail the check and count as
    # showing the clock to the second, so every rebuild would redraw every page.
    parser.filters = _AnyName(parser.filters)
    parser.tests = _AnyName(parser.tests)
    found = walk(templates.parent, templates.name)  # the one walker: its rules, its names
    for relative in found.files:
        if relative.split("/")[1] == STATIC_DIR and relative.count("/") > 1:
            continue
        try:
            source = (templates.parent / relative).read_text(encoding="utf-8")
            if "now" in meta.find_undeclared_variables(parser.parse(source)):
                return True
        except (OSError, ValueError, jinja2.TemplateError, RecursionError):
            # (a template nested past Python's depth, or a number too long to write
            # (`10 ** 10000000`, folded while compiling): drawing it says where)
            return True
    return False


class _AnyName(dict[str, Any]):
    """A filter or test table in which every name exists, for reading templates only."""

    def __contains__(self, name: object) -> bool:
        return True

    def __missing__(self, name: str) -> Any:
        return _any_filter

    def get(self, name: str, default: Any = None) -> Any:
        return self[name]


def _any_filter(value: object, *args: object, **kwargs: object) -> object:
    """What every unknown filter or test stands for while a template is read."""
    return value


def clock_key(now: datetime, exact: bool) -> bytes:
    """What of the clock every output file may show: its date, or all of it when `exact`."""
    shown = now if exact else now.replace(hour=0, minute=0, second=0, microsecond=0)
    return shown.isoformat().encode()


def briefing_clock(briefing: Briefing, now: datetime) -> bytes:
    """What of the clock a page showing `briefing` shows for it: countdown (its state, text
    and the day in the event's zone it was counted on) and scheduled mark."""
    countdown = briefing.countdown
    shown = ""
    if countdown:
        day = day_in_zone(now, countdown.timezone)
        shown = f"{countdown.state}\0{countdown.text}\0{day.toordinal()}"
    date = briefing.meta.date
    return f"{shown}\0{bool(date and date > now)}".encode()


def until(site: Site, dates: Iterable[datetime], exact: bool) -> datetime:
    """The first instant (UTC) at which the output built at `site.now` may change.

    `dates` are the publication dates of every article, shown or not: one
    held back appears when its date comes. With `exact`, that is `site.now`.
    """
    now = site.now.astimezone(UTC)
    if exact:
        return now
    changes = [(site.today + timedelta(days=1)).astimezone(UTC)]
    past: dict[str, datetime] = {}  # a past event's text changes at midnight in its zone
    for briefing in site.briefings:
        event, known = briefing.meta.event, briefing.countdown  # (its countdown at site.now)
        if event is None:
            continue
        if known is not None and known.state == "past":
            found = past.get(event.timezone)
            if found is None:
                found = past[event.timezone] = next_change(event, site.now, known)
            changes.append(found)
        else:
            changes.append(next_change(event, site.now, known))
    for date in dates:  # aware instants compare as instants: converted only if they count
        late = date + NEWS_WINDOW  # (a date is never later than its news window's end)
        if late > now:
            changes.append(late.astimezone(UTC))
            if date > now:
                changes.append(date.astimezone(UTC))
    return min(changes)
