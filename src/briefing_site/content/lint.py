"""Warnings: what builds but is probably not what the editor meant.

Errors stop a build; these do not. They point at the line to look at:
date-times without an offset, dates that look mistyped, paragraphs the
classifier placed on thin evidence, and briefings missing what readers see
first (a summary, a place). `check` and `build` print them; the exit status
stays 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta

from briefing_site.errors import ContentError, Problem
from briefing_site.model import Briefing, Location, Placement, SiteConfig, SourceArticle
from briefing_site.safetext import shell_path

LOW_CONFIDENCE = 0.4
"""Below this classifier confidence (the share of the paragraph's own cue weight that
backs its topic, cut for a paragraph that quotes someone or that its neighbours placed
against its words) a paragraph is flagged; one placed with no cue words for its topic
is always flagged. Chosen on the even half of the real pages;
`tests/eval/report.py warnings` prints how many wrong and right calls it catches
on the other half."""

PER_ARTICLE = 20
"""Warnings of one kind shown for one article; the rest are counted in one line that
names `explain`, which lists every paragraph (a 5,000-paragraph article had thousands)."""

FAR_APART = timedelta(days=366)
"""An event more than a year from its publication date is likely a mistyped year."""

LEDE_HINT = "Write the lede here: who meets whom, where and when, and why it matters."
"""The line `new` writes where the lede goes: left in, it would be published as the lede."""

_HAS_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")

_CONFIG = "briefing.yaml"


def _line_of(key: str) -> re.Pattern[str]:
    """A top-level `key:` line with a plain or simply quoted value (after a byte-order
    mark on line 1, the key quoted or not): the warning is known from it without YAML,
    for a rebuild with nothing to do must not pay for loading it. Any other shape (a
    flow mapping, an escape, a value continued on the next line) is parsed."""
    return re.compile(
        rf"""^\ufeff?(?P<q>["']?){key}(?P=q)[ \t]*:[ \t]*"""
        r"""(?:'(?P<single>[^'\n]*)'|"(?P<double>[^"\\\n]*)"|(?P<plain>[^\s#'"&*!|>{\[%@`][^\n]*?))"""
        r"""[ \t]*(?:[ \t]#[^\n]*)?$(?!\n[ \t]+[^\s#])""",
        re.MULTILINE,
    )


_BASE_URL = _line_of("base_url")
# A custom domain, on such a line: with no base_url, the site is served from its root.
_CNAME = _line_of("cname")
# The key itself, where YAML could read it as a key: at a line's start (after a BOM),
# or after `{` or `,` (a flow mapping); not in a comment or inside another value.
_BASE_URL_KEY = re.compile(
    r"""(?:^\ufeff?|[{,][ \t]*)(?P<q>["']?)base_url(?P=q)[ \t]*:""", re.MULTILINE
)
_CNAME_KEY = re.compile(r"""(?:^\ufeff?|[{,][ \t]*)(?P<q>["']?)cname(?P=q)[ \t]*:""", re.MULTILINE)
_NEEDS_HOST = "feed ids are relative (invalid Atom) and no sitemap or canonical link is written"
_EXAMPLE = "https://USER.github.io/REPO/"


def base_url_warning(flag: str | None, config_text: str | None) -> Problem | None:
    """The one site-wide warning for a base URL without a host, with the fix, or None.

    `flag` is `-b` (it wins when given); `config_text` is briefing.yaml's text, or
    None when the site has none (nothing set up to publish yet: no warning). Called
    after a build or check succeeded, so the text is valid.
    """
    if flag:
        if flag.startswith(("http://", "https://")):
            return None
        return Problem(
            Location("-b"),
            f"{flag} has no host, so {_NEEDS_HOST}: pass the site's full URL, e.g. -b {_EXAMPLE}",
        )
    if config_text is None:
        return None  # (no briefing.yaml: a bare content/ folder, built to look at)
    line = _BASE_URL.search(config_text)
    if line:
        value = line.group("single") or line.group("double") or line.group("plain") or ""
        return _without_host(value, config_text.count("\n", 0, line.start()) + 1)
    if not _BASE_URL_KEY.search(config_text):
        if not _CNAME_KEY.search(config_text):
            return _without_host("", 0)
        domain = _CNAME.search(config_text)
        if domain and any(domain.group("single", "double", "plain")):
            return None  # base_url is https://DOMAIN/ (the build checked the domain)
    return _parsed_base_url_warning(config_text)


def _parsed_base_url_warning(config_text: str) -> Problem | None:
    """The warning for a base_url (or cname) written in a shape the line regex leaves
    to YAML: rare, so the cost of loading it is paid only here."""
    from briefing_site.config.schema import parse_config

    try:
        base_url = parse_config(config_text, _CONFIG).base_url
    except ContentError:
        return None  # (changed since the build read it: the next build says what is wrong)
    key = _BASE_URL_KEY.search(config_text)
    return _without_host(base_url, config_text.count("\n", 0, key.start()) + 1 if key else 0)


def _without_host(base_url: str, line: int) -> Problem | None:
    """The warning for `base_url` at `line` (0: no base_url), or None if it has a host."""
    if base_url.startswith(("http://", "https://")):
        return None
    if not line:
        return Problem(
            Location(_CONFIG),
            f"no base_url, so links have no host and {_NEEDS_HOST}: set base_url to the "
            f"site's full URL, e.g. base_url: {_EXAMPLE} (or pass -b)",
        )
    shown = base_url if base_url.endswith("/") else base_url + "/"  # as the build reads it
    return Problem(
        Location(_CONFIG, line),
        f"base_url {shown} has no host, so {_NEEDS_HOST}: set it to the site's full URL, "
        f"e.g. base_url: {_EXAMPLE} (or pass -b)",
    )


def cueless_topics(config: SiteConfig) -> list[Problem]:
    """A warning for each configured topic with no cue words or patterns at all.

    A topic new to the site (not one of the defaults, whose cues it keeps) knows
    only the words its `words:` gives it. Without any the classifier has nothing
    to place a paragraph there by: the site's paragraphs all go to the topics
    that have cues (Outlook, mostly), with a confidence that looks sure, and
    nothing said. Named at the topic's line in briefing.yaml, as the schema read
    it. An explicit `words: []` says the topic is placed by headings only, on
    purpose: no warning (`SiteConfig.unworded_topics`).
    """
    titles = {topic.name: topic.title for topic in config.topics}
    return [
        Problem(
            Location(_CONFIG, line),
            f"topic {name!r} has no cue words, so the classifier places no paragraph "
            f"there by its words (only a '## {titles[name]}' heading, a heading matching "
            f"one of its aliases, or a sections: override puts one there): give it words, "
            f"e.g. {name}: {{title: {titles[name]}, words: [a word, a phrase, ...]}}, or "
            f"words: [] to place it by headings only",
        )
        for name, line in config.unworded_topics
        if name in titles
    ]


_EXPLAIN = "`briefing-site explain "


def explain_command(path: str) -> str:
    """The `explain` command a warning names for the article at `path` (in the site),
    shell-quoted; `for_site` adds the site when it is not the current folder."""
    return f"{_EXPLAIN}{shell_path(path)}`"


def for_site(message: str, site: str) -> str:
    """`message` with any `explain` command it names made to work from the current
    folder, `-s SITE` added, for a site elsewhere (warnings name paths in the site,
    and are cached, so the site is added when they are printed)."""
    if site in ("", ".") or _EXPLAIN not in message:
        return message
    return message.replace(_EXPLAIN, f"{_EXPLAIN}-s {shell_path(site)} ")


def lint(article: SourceArticle, briefing: Briefing, config: SiteConfig) -> list[Problem]:
    """Every warning for one assembled article, in file order of concern."""
    return [
        *_naive_dates(article, config),
        *_suspicious_dates(article, briefing),
        *_missing(article, briefing),
        *_empty(article, briefing),
        *_placeholder(article),
        *_idle_keeps(article, briefing, config),
        *_capped(
            article, _low_confidence(article, briefing.placements), "placed with low confidence"
        ),
        *_capped(
            article,
            _doubtful(article, briefing.placements),
            "kept though looking like page furniture",
        ),
    ]


def _capped(article: SourceArticle, found: list[Problem], what: str) -> list[Problem]:
    """The first `PER_ARTICLE` of `found`, then one line for the rest, at the first left out."""
    if len(found) <= PER_ARTICLE:
        return found
    rest = len(found) - PER_ARTICLE
    return [
        *found[:PER_ARTICLE],
        Problem(
            found[PER_ARTICLE].location,
            f"and {rest} more paragraph{'s' * (rest > 1)} {what}: "
            f"{explain_command(article.path)} lists them all",
        ),
    ]


def _where(article: SourceArticle, key: str) -> Location:
    return Location(article.metadata_path, article.metadata_lines.get(key, 1))


def _nested(article: SourceArticle, mapping: object, key: str) -> Location:
    """The line of `key` in a nested mapping from the YAML loader (it records lines)."""
    lines: Mapping[str, int] = getattr(mapping, "lines", {})
    return Location(article.metadata_path, lines.get(key, getattr(mapping, "line", 1)))


def _naive(value: object) -> bool:
    """A date-time written without an offset (a date alone is a day, not naive)."""
    if not isinstance(value, str) or not _HAS_TIME.match(value.strip()):
        return False
    try:
        return datetime.fromisoformat(value.strip()).tzinfo is None
    except ValueError:
        return False


def _naive_dates(article: SourceArticle, config: SiteConfig) -> list[Problem]:
    """Times whose zone was assumed rather than written."""
    found = []
    for key in ("date", "updated"):
        if _naive(article.metadata.get(key)):
            found.append(
                Problem(
                    _where(article, key),
                    f"{key}: no offset, so it is read in the site's zone ({config.timezone}); "
                    "write one, e.g. 2025-02-05T09:00:00-05:00",
                )
            )
    event = article.metadata.get("event")
    if isinstance(event, dict) and "timezone" not in event:
        found.append(
            Problem(
                _where(article, "event"),
                f"event: no timezone, so its times are read in the site's zone "
                f"({config.timezone}); add event.timezone, e.g. America/New_York",
            )
        )
    return found


def _suspicious_dates(article: SourceArticle, briefing: Briefing) -> list[Problem]:
    """Dates that parse but contradict each other."""
    meta, found = briefing.meta, []
    if meta.date and meta.updated and meta.updated < meta.date:
        found.append(Problem(_where(article, "updated"), "updated: earlier than date"))
    if meta.date and meta.event and abs(meta.event.start - meta.date) > FAR_APART:
        days = (meta.event.start - meta.date).days
        side = "after" if days > 0 else "before"
        where = _nested(article, article.metadata.get("event"), "start")
        found.append(
            Problem(
                where,
                f"event.start: {abs(days)} days {side} the publication date; is the year right?",
            )
        )
    return found


def _missing(article: SourceArticle, briefing: Briefing) -> list[Problem]:
    """What the home page and cards show first."""
    found = []
    if not briefing.meta.summary:
        found.append(
            Problem(
                _where(article, "summary"),
                "no summary: add one or two sentences for the page and the list of briefings",
            )
        )
    event = briefing.meta.event
    if event is None:
        found.append(Problem(_where(article, "title"), "no location: add an event with a location"))
    elif not event.location:
        found.append(Problem(_where(article, "event"), "no location: add event.location"))
    return found


def _empty(article: SourceArticle, briefing: Briefing) -> list[Problem]:
    """A page with no text: every paragraph went, as page furniture or by `drop:`."""
    if briefing.lede or any(section.blocks for section in briefing.sections):
        return []
    return [
        Problem(
            Location(article.path, 1),
            "no text left: every paragraph was dropped (as page furniture or by drop:); "
            f"{explain_command(article.path)} says why, keep: [N] brings one back",
        )
    ]


def _idle_keeps(article: SourceArticle, briefing: Briefing, config: SiteConfig) -> list[Problem]:
    """`keep:` numbers that change nothing: the junk filter kept the paragraph anyway,
    with no doubt for keep: to silence (a keep: meant for another paragraph, or left
    from an earlier version of the text). Found by cleaning again without them: the
    filter's verdicts do not depend on keep:, and few articles have one."""
    meta = briefing.meta
    if not meta.keep:
        return []
    from briefing_site.content.junk import JunkFilter  # (lint stays cheap to import)

    junk = JunkFilter(config.junk_patterns, language=config.language).for_language(meta.language)
    placed = {n for _, numbers in meta.sections for n in numbers}
    kept, _ = junk.clean(article.paragraphs, placed, meta.title, meta.drop, article.markdown)
    unasked = {p.number for p in kept if not p.doubt}
    items = article.metadata.get("keep")
    lines = getattr(items, "lines", ()) if isinstance(items, list) else ()
    return [
        Problem(
            Location(article.metadata_path, lines[index])
            if index < len(lines)
            else _where(article, "keep"),
            f"keep: paragraph {number} was not dropped (keep: brings back only what the "
            f"junk filter drops; {explain_command(article.path)} shows which)",
        )
        for index, number in enumerate(meta.keep)
        if number in unasked
    ]


def _placeholder(article: SourceArticle) -> list[Problem]:
    """`new`'s line for the lede still in the body: published, readers get it as the lede."""
    return [
        Problem(
            Location(article.path, paragraph.line),
            "the lede is still new's placeholder line: replace it with the story's first paragraph",
        )
        for paragraph in article.paragraphs
        if paragraph.text.strip() == LEDE_HINT
    ]


def _low_confidence(article: SourceArticle, placements: tuple[Placement, ...]) -> list[Problem]:
    """Paragraphs the classifier placed on thin evidence, with the runner-up to consider."""
    found = []
    for p in placements:
        if not p.scores or (p.cues and p.confidence >= LOW_CONFIDENCE):
            continue
        others = [topic for topic, _ in p.scores if topic != p.topic]
        if not p.cues:
            why = (
                f"no cue words for {p.topic}; placed by its neighbours"
                if "from its neighbours" in p.reason
                else f"no cue words at all; {p.topic} is the default for such paragraphs"
            )
        else:
            why = f"confidence {p.confidence:.2f}" + (f", next: {others[0]}" if others else "")
        found.append(
            Problem(
                Location(article.path, p.paragraph.line),
                f"paragraph {p.paragraph.number} placed in {p.topic} with low confidence ({why}); "
                "add a heading or a sections: override if it belongs elsewhere",
            )
        )
    return found


def _doubtful(article: SourceArticle, placements: tuple[Placement, ...]) -> list[Problem]:
    """Paragraphs the junk filter kept although they looked like page furniture."""
    return [
        Problem(
            Location(article.path, p.paragraph.line),
            f"paragraph {p.paragraph.number} kept, though it looks like page furniture "
            f"({p.paragraph.doubt}): add drop: [{p.paragraph.number}] to the metadata if it "
            f"is junk, keep: [{p.paragraph.number}] if it is not",
        )
        for p in placements
        if p.paragraph.doubt
    ]
