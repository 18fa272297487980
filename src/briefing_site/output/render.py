"""Render the Site into output files with Jinja (no disk access here).

Templates get an explicit view: `site` (SiteConfig), `now` (the build clock;
`today` is its date, all the theme prints of it: see `horizon`), `page` (url,
canonical, title, description), and `briefing`/`briefings`. Article HTML
reaches a template only through the `html` filter, which accepts a Block: its
HTML was sanitised by `markup`, so no template marks article text safe.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import Markup

from briefing_site.content.countdown import day_in_zone
from briefing_site.errors import ContentError, Problem
from briefing_site.model import Block, Briefing, Location, RenderedFile, Site
from briefing_site.output.dates import clock_time, long_date
from briefing_site.output.eventstatus import LABEL, NOTE, announced, previous_when
from briefing_site.output.extras import PageFilter, every_file, extra_files, template_globals
from briefing_site.output.listings import Entry, ListPage, newest_first, pages
from briefing_site.output.theme import theme_dir
from briefing_site.output.urls import (
    Urls,
    briefing_path,
    resolve_links,
    search_path,
    template_helpers,
)


@dataclass(frozen=True)
class Page:
    """What a template knows of the page it renders."""

    path: str
    url: str
    canonical: str
    title: str
    description: str


# Template globals that render a template of their own, by that template's name.
TEMPLATE_HELPERS = {"card": "_card.html", "topic_entry": "_topic_entry.html"}
LISTED_CARD_LEVEL = 2  # the heading level of a card on the archive and tag pages
LISTED_CARD = "card"  # a briefing's listing fragments: its card there, and ...
TOPIC_ENTRY = "topic{}"  # ... its entry on the page of its section number n's topic


class Fragments(Protocol):
    """Each briefing's listing fragments, kept across builds by the build cache.

    A listing page shows a card or a topic entry for each of its briefings;
    when one briefing changes (or a new one shifts every later page), the
    pages that show it are drawn again, but the fragments of the other
    briefings on them are the same bytes as before. `get` gives a briefing's
    fragment `name` (`LISTED_CARD`, `TOPIC_ENTRY`), stored, or made by `make`
    (all at once, so one record holds them) and stored; None when the briefing
    has none of that name. Whoever keeps them keys them on all they show (see
    `build.fragments`).
    """

    def get(
        self, briefing: Briefing, name: str, make: Callable[[], dict[str, str]]
    ) -> str | None: ...


# What a site's template can raise while it is read or drawn, beyond Jinja's own lookups.
_TEMPLATE_ERRORS = (
    jinja2.TemplateError,
    TypeError,
    ValueError,
    LookupError,
    ArithmeticError,
    AttributeError,
)


def prepare(env: jinja2.Environment, site: Site, fragments: Fragments | None = None) -> Urls:
    """Install the site's globals and filters in `env`; the URLs its pages use."""
    urls = Urls(site.config.base_url)
    _install_helpers(env, urls, site)
    env.globals.update(_Helpers(env, fragments).globals())
    return urls


class _Helpers:
    """`card(briefing, level)` and `topic_entry(entry, topic)`: `_card.html` and
    `_topic_entry.html` for one briefing, each drawn once per site render.

    The home page, the archive and every tag page list the same briefings;
    each card is drawn the first time and its HTML reused on every other
    listing (at 1,000 briefings, ~1,000 renders instead of ~9,000). With
    `fragments`, the archive's and tags' cards and the topic entries come from
    earlier builds too. A card sees only `other` and `card_level`, a topic
    entry only `entry` and `topic`, as the templates' contract says.
    """

    def __init__(self, env: jinja2.Environment, fragments: Fragments | None) -> None:
        self.env, self.fragments = env, fragments
        self.cards: dict[tuple[int, int | None], tuple[Briefing, Markup]] = {}

    def globals(self) -> dict[str, Callable[..., Markup]]:
        return {"card": self.card, "topic_entry": self.topic_entry}

    def card(self, other: Briefing, level: int | None = None) -> Markup:
        found = self.cards.get((id(other), level))
        if found is not None and found[0] is other:
            return found[1]
        if self.fragments is not None and level == LISTED_CARD_LEVEL:
            stored = self.fragments.get(other, LISTED_CARD, lambda: self._all(other))
            html = Markup(stored if stored is not None else self._card(other, level))
        else:
            html = Markup(self._card(other, level))
        self.cards[(id(other), level)] = (other, html)
        return html

    def topic_entry(self, entry: Entry, topic: str) -> Markup:
        briefing, section = entry
        if self.fragments is not None and section is not None and section.topic == topic:
            number = next((n for n, s in enumerate(briefing.sections) if s is section), None)
            if number is not None:
                name = TOPIC_ENTRY.format(number)
                html = self.fragments.get(briefing, name, lambda: self._all(briefing))
                if html is not None:
                    return Markup(html)
        return Markup(self._entry(entry, topic))

    def _all(self, briefing: Briefing) -> dict[str, str]:
        """Every listing fragment of `briefing`: its card, and its entry on each topic page."""
        made = {LISTED_CARD: self._card(briefing, LISTED_CARD_LEVEL)}
        for number, section in enumerate(briefing.sections):
            made[TOPIC_ENTRY.format(number)] = self._entry(Entry(briefing, section), section.topic)
        return made

    def _card(self, other: Briefing, level: int | None) -> str:
        context: dict[str, object] = {"other": other}
        if level is not None:
            context["card_level"] = level
        return self.env.get_template(TEMPLATE_HELPERS["card"]).render(context)

    def _entry(self, entry: Entry, topic: str) -> str:
        template = self.env.get_template(TEMPLATE_HELPERS["topic_entry"])
        return template.render(entry=entry, topic=topic)


def listing_fragments(env: jinja2.Environment, briefing: Briefing) -> dict[str, str]:
    """Every listing fragment of `briefing` (`Fragments`), as the listings draw them in
    an environment `prepare`d for the same site: a worker that has the briefing in
    hand draws them ahead, and the listings take them from the build cache."""
    return _Helpers(env, None)._all(briefing)


def iter_site(
    site: Site,
    env: jinja2.Environment,
    assets: Mapping[str, bytes],
    wanted: PageFilter = every_file,
    pages_done: Callable[[], None] | None = None,
    fragments: Fragments | None = None,
) -> Iterator[RenderedFile]:
    """Every page (that `wanted` asks for) and asset, one at a time, so a build can
    write each and let it go; ContentError for a template problem.

    `pages_done` is called once every briefing page has been handed over (a build
    may then index them for search while the listings are drawn); `fragments`
    keeps the listings' cards and topic entries across builds."""
    urls = prepare(env, site, fragments)
    for name, data in sorted(assets.items()):
        yield RenderedFile(f"assets/{name}", data)
    featured = site.briefings[0] if site.briefings else None
    home = Page(
        "index.html",
        urls.url(),
        urls.absolute(),
        featured.meta.title if featured else site.config.title,
        (featured.meta.summary if featured else "") or site.config.description or site.config.title,
    )
    page_paths = [home.path]
    # The home page lists one page's worth of the others; the archive has them all.
    others = site.briefings[1 : 1 + site.config.page_size]
    if wanted(home.path, "index.html", ("home", featured, *others)):
        yield _render(env, "index.html", home, briefing=featured, others=others)
    for briefing in site.briefings:
        path = briefing_path(briefing.meta.slug)
        page_paths.append(path)
        if wanted(path, "briefing.html", briefing):
            yield render_briefing(env, urls, briefing)
    if pages_done is not None:
        pages_done()
    not_found = Page(
        "404.html", urls.url("404.html"), urls.absolute("404.html"), "Page not found", ""
    )
    page_paths.append(not_found.path)
    shown = site.briefings[: site.config.page_size]
    if wanted(not_found.path, "404.html", ("404", *shown)):
        yield _render(env, "404.html", not_found, briefings=shown)
    if site.config.search:
        yield from _search_page(env, urls, site, wanted)
    newest = newest_first(site.briefings)  # one sort for the listings and the feeds
    for pager in pages(site, newest):
        page_paths.append(pager.path)
        # A tag's title comes from every briefing with it, not only this page's.
        sources: tuple[object, ...] = (
            pager.count,
            pager.listing.title,
            *pager.briefings,
        )
        if wanted(pager.path, _LISTING_TEMPLATES[pager.listing.kind], sources):
            yield _render_listing(env, urls, pager)
    _forget_cards(env)
    yield from extra_files(site, urls, page_paths, wanted, newest)


def _forget_cards(env: jinja2.Environment) -> None:
    """Let go of the cards the listings shared, once every listing is drawn: a build
    goes on to wait for its search index, and at 10,000 briefings they are ~9 MB
    (a page drawn later that shows a card draws it again, the same)."""
    helpers = getattr(env.globals.get("card"), "__self__", None)
    if isinstance(helpers, _Helpers):
        helpers.cards.clear()


def render_briefing(env: jinja2.Environment, urls: Urls, briefing: Briefing) -> RenderedFile:
    """One briefing's page; it depends on no other briefing, so it can be rendered apart."""
    path = briefing_path(briefing.meta.slug)
    page = Page(
        path,
        urls.url(path),
        urls.absolute(path),
        briefing.meta.title,
        briefing.meta.summary or briefing.meta.title,
    )
    return _render(env, "briefing.html", page, briefing=briefing)


def _search_page(
    env: jinja2.Environment, urls: Urls, site: Site, wanted: PageFilter
) -> list[RenderedFile]:
    """/search/ with its topic and tag choices; left out of the sitemap (it has no content)."""
    path = search_path()
    tags = sorted({tag for briefing in site.briefings for tag in briefing.meta.tags})
    if not wanted(path, "search.html", ("search", *tags)):
        return []
    title = "Search"
    page = Page(path, urls.url(path), urls.absolute(path), title, f"Search {site.config.title}")
    return [_render(env, "search.html", page, tags=tags)]


_LISTING_TEMPLATES = {"archive": "archive.html", "topic": "topic.html", "tag": "tag.html"}


def _render_listing(env: jinja2.Environment, urls: Urls, pager: ListPage) -> RenderedFile:
    """One page of the archive, a topic or a tag (templates get `listing` and `pager`)."""
    listing = pager.listing
    title = f"Tag: {listing.title}" if listing.kind == "tag" else listing.title
    if pager.number > 1:
        title += f" (page {pager.number} of {pager.count})"
    page = Page(pager.path, urls.url(pager.path), urls.absolute(pager.path), title, title)
    return _render(env, _LISTING_TEMPLATES[listing.kind], page, listing=listing, pager=pager)


def _syntax_problem(env: jinja2.Environment, exc: jinja2.TemplateSyntaxError, name: str) -> Problem:
    """A syntax error as `templates/NAME:LINE: template syntax error: ...`, with the
    line a block left open was opened at."""
    where = Location(f"templates/{_syntax_name(env, exc, name)}", exc.lineno or 0)
    message = exc.message or ""
    opened = _left_open(env, exc)
    if opened:
        message = message.rstrip(".") + opened
    return Problem(where, f"template syntax error: {message}")


def syntax_problems(env: jinja2.Environment, site: Site, names: Iterable[str]) -> list[Problem]:
    """What stops each of `names` from being read: its syntax errors, or bytes that are
    not UTF-8. Drawing stops at the first template that fails, so two broken
    overrides took two builds to find: read them all first, and name each. `env` is
    prepared for `site` (a filter's name is checked as the template is read)."""
    prepare(env, site)
    found: list[Problem] = []
    for name in names:
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            found.append(_syntax_problem(env, exc, name))
        except ContentError as exc:
            found += exc.problems
        except (*_TEMPLATE_ERRORS, RecursionError):  # named when drawn (`{{ 10 ** 10000 }}`)
            continue
    return found


def _syntax_name(env: jinja2.Environment, exc: jinja2.TemplateSyntaxError, name: str) -> str:
    """The name of the template a syntax error is in. Jinja's lexer gives some errors
    (a `{% raw %}` never closed) the file's path where the name belongs: the name is
    then the one whose file that is."""
    given = exc.name or name
    if exc.filename is not None or env.loader is None or "/" not in given.replace(os.sep, "/"):
        return given
    parts = given.replace(os.sep, "/").split("/")
    for count in range(1, len(parts)):
        candidate = "/".join(parts[-count:])
        try:
            if env.loader.get_source(env, candidate)[1] == given:
                exc.name = candidate  # for `_left_open`, which reads the template again
                return candidate
        except (jinja2.TemplateError, OSError, UnicodeDecodeError, ContentError):
            continue
    return given


_INNERMOST = re.compile(r"innermost block that needs to be closed is '(\w+)'")


def _left_open(env: jinja2.Environment, exc: jinja2.TemplateSyntaxError) -> str:
    """Where the block Jinja names as never closed was opened (as "; the 'if' left open
    is at line 4"), or "": Jinja reports the line where it noticed (an `endblock`, or
    the file's end), often far on."""
    innermost = _INNERMOST.search(exc.message or "")
    if innermost is None or env.loader is None or exc.name is None:
        return ""
    try:
        tokens = list(env.lex(env.loader.get_source(env, exc.name)[0]))
    except (jinja2.TemplateError, OSError, UnicodeDecodeError):
        return ""
    stack: list[tuple[str, int]] = []
    tag: list[tuple[int, str, str]] = []  # the tokens of the tag being read
    for token in tokens:
        if token[0] > (exc.lineno or 0):
            break
        if token[1] == "block_begin":
            tag = []
        elif token[1] == "block_end" and tag:
            line, _, word = tag[0]
            if word.startswith("end") and stack and stack[-1][0] == word[3:]:
                stack.pop()
            elif word in _OPENERS or (word == "set" and "assign" not in {t[1] for t in tag}):
                stack.append((word, line))
            tag = []
        elif token[1] != "whitespace":
            tag.append(token)
    lines = [line for word, line in stack if word == innermost.group(1)]
    return f"; the '{innermost.group(1)}' left open is at line {lines[-1]}" if lines else ""


# Tags that open a block closed by `end<tag>` (`set` only without `=`).
_OPENERS = {"if", "for", "block", "macro", "call", "filter", "with", "raw", "autoescape", "trans"}


def _render(env: jinja2.Environment, name: str, page: Page, **context: Any) -> RenderedFile:
    try:
        html = env.get_template(name).render(page=page, **context)
    except jinja2.TemplateSyntaxError as exc:
        raise ContentError([_syntax_problem(env, exc, name)]) from exc
    except jinja2.TemplateNotFound as exc:
        raise ContentError.at(
            _template_location(exc, name), f"template not found: {exc.name}"
        ) from exc
    except jinja2.UndefinedError as exc:
        raise ContentError.at(
            _template_location(exc, name), f"template error: {exc.message}{_imported(exc)}"
        ) from exc
    except (
        _TEMPLATE_ERRORS
    ) as exc:  # a site's template handing a helper the wrong thing (`url(none)`)
        message = str(exc)
        if "integer string conversion" in message:  # `{{ 10 ** 10000 }}`, however it got there
            message = "a number too long to write out (over 4,300 digits)"
        raise ContentError.at(_template_location(exc, name), f"template error: {message}") from exc
    except RecursionError as exc:  # a site's briefing.html that extends "briefing.html": itself
        where = _template_location(exc, name)
        if _while_reading(exc):  # an expression nested thousands deep: Jinja's parser recurses
            raise ContentError.at(where, "template nested too deeply to read") from None
        if _in_macros(exc):
            raise ContentError.at(
                where,
                "template error: a macro calls itself too deeply (deeper than Python "
                "allows): does its recursion stop? keep its nesting shallow",
            ) from None
        raise ContentError.at(
            where,
            "template extends or includes itself without end: to build on the default "
            f'theme, write {{% extends "theme/{where.path.rpartition("/")[2]}" %}}',
        ) from None
    return RenderedFile(page.path, html.encode("utf-8"))


_JINJA_READERS = (os.path.join("jinja2", "parser.py"), os.path.join("jinja2", "lexer.py"))


_JINJA_RUNTIME = os.path.join("jinja2", "runtime.py")


def _in_macros(exc: BaseException) -> bool:
    """Whether the recursion that raised `exc` ran through macros calling macros (most
    of its frames), not templates extending or including each other."""
    calls = frames = 0
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        frames += 1
        calls += code.co_name == "_invoke" and code.co_filename.endswith(_JINJA_RUNTIME)
        tb = tb.tb_next
    return calls * 8 > frames


def _imported(exc: BaseException) -> str:
    """Why a name is undefined when it failed in a template that `import` or `from ...
    import` drew: Jinja draws it without the page's variables, so a partial meant for
    `include` (`_card.html`, which reads `other`) fails there, though it works when
    included; "" when it failed elsewhere or was imported `with context`."""
    tb, imported = exc.__traceback__, ""
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_name in _IMPORTERS and code.co_filename.endswith(_JINJA_ENVIRONMENT):
            # `with context` passes the page's variables (shared): then nothing is missing
            # for want of them, and the plain message stands
            imported = "" if tb.tb_frame.f_locals.get("shared") is True else "?"
        elif imported == "?" and code.co_filename.endswith(".html"):
            imported = code.co_filename.rsplit("/", 1)[-1]
        tb = tb.tb_next
    if not imported:
        return ""
    what = "the imported template" if imported == "?" else imported
    return (
        f" in {what}, which an import draws without the page's variables: import macros "
        "from a file that only defines macros, add `with context` to the import, "
        "or `include` it instead"
    )


_JINJA_ENVIRONMENT = os.path.join("jinja2", "environment.py")
_IMPORTERS = {
    "make_module",
    "make_module_async",
    "_get_default_module",
    "_get_default_module_async",
}


def _while_reading(exc: BaseException) -> bool:
    """Whether `exc` was raised while Jinja read a template's text, not while drawing."""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(_JINJA_READERS):
            return True
        tb = tb.tb_next
    return False


def _template_location(exc: BaseException, name: str) -> Location:
    """The template file and line from the traceback of a render error: the deepest
    line of the site's own templates, since a theme part that fails (`_card.html`
    given `none`) failed on what the site's template handed it; else the theme's."""
    tb = exc.__traceback__
    found = own = Location(f"templates/{name}")
    theme = os.path.join(theme_dir(), "")  # with its separator: not "theme-site/"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = Location("templates/" + filename.rsplit("/", 1)[-1], tb.tb_lineno)
            own = own if filename.startswith(theme) else found
        elif filename.endswith(_JINJA_COMPILER):  # failed while compiling: the node's line
            compiling = tb.tb_frame.f_locals
            line = getattr(compiling.get("node"), "lineno", None)
            template = getattr(compiling.get("self"), "name", None)
            if isinstance(line, int) and isinstance(template, str):
                found = own = Location(f"templates/{template}", line)
        tb = tb.tb_next
    return own if own.line else found


_JINJA_COMPILER = os.path.join("jinja2", "compiler.py")


def _install_helpers(env: jinja2.Environment, urls: Urls, site: Site) -> None:
    env.globals.update(site=site.config, now=site.now, today=site.today)
    # The day a countdown's text was counted on, in its event's zone (not `now`: a
    # site's template naming `now` keys its pages on the exact clock; see `horizon`).
    env.globals["countdown_day"] = lambda c: day_in_zone(site.now, c.timezone)
    env.globals.update(template_helpers(urls))
    env.globals.update(template_globals(site, urls))
    env.filters.update(
        html=block_html,
        iso=lambda value: value.isoformat(timespec="seconds"),
        utc=lambda value: value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        longdate=long_date,
        clock=clock_time,
        in_zone=lambda value, zone: value.astimezone(ZoneInfo(zone)),
        zone_city=zone_city,
        topics_of=topics_of,
        status_label=lambda event: LABEL[event.status],
        status_note=lambda event: NOTE[event.status],
        previous_when=previous_when,
    )
    env.tests["announced"] = announced


def block_html(block: Block, page: str = "", fragments: bool = True) -> Markup:
    """A paragraph's sanitised HTML (see markup.sanitize); only Blocks are accepted.

    `page`: the URL of the briefing's own page, which the article's relative links
    are resolved against, so they work where else the paragraph is shown;
    `fragments=False` keeps `#economy` as written, for a page that shows the whole
    briefing (its sections' ids are there)."""
    if not isinstance(block, Block):
        raise TypeError("the html filter takes a paragraph block, never raw text")
    if not isinstance(page, str):
        raise TypeError(
            "the html filter takes the URL of the briefing's page, "
            f"block|html(briefing_url(slug)), not {type(page).__name__} {page!r}"
        )
    if not page:
        return Markup(block.html)
    return Markup(resolve_links(block.html, page, fragments=bool(fragments)))


def zone_city(zone: str) -> str:
    """'America/New_York' → 'New York'."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def topics_of(briefing: Briefing) -> list[str]:
    return [section.title for section in briefing.sections]
