"""`briefing-site import`: a saved page, a URL or pasted copy becomes content/<slug>.txt + .yaml.

The source is read (file, stdin or a fetch), extracted (`extract`), an event
is proposed from its prose (`propose`), and the sidecar is written with every
guess marked for review. The new article is validated and assembled by the
build's own code before anything is written, and nothing is ever replaced.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from briefing_site.commands.extract import PAGE_PATTERNS, Extracted, from_html, from_text, one_line
from briefing_site.commands.fetch import (
    MAX_PAGE_BYTES,
    decode_html,
    fetch_page,
    reads_as_latin_text,
)
from briefing_site.commands.language import language_name, other_language
from briefing_site.commands.propose import Candidate, Proposal, dateline_day, propose
from briefing_site.content.assemble import Tools, assemble
from briefing_site.content.junk import JunkFilter
from briefing_site.content.load import decode, parse_text_article, read_config
from briefing_site.content.metadata import parse_instant, safe_slug, slugify
from briefing_site.errors import BriefingError, ContentError, Problem, UsageError
from briefing_site.model import Location, SiteConfig
from briefing_site.site import CONTENT_DIR

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_TEXT_SUFFIXES = (".txt", ".text")
MAX_CANDIDATES = 6


@dataclass(frozen=True)
class ImportOptions:
    """What `import` was told: the source, the site, an optional slug, the clock."""

    source: str
    site: Path
    slug: str | None
    now: datetime
    stdin: bytes | None = None  # what standard input held when source is "-"


@dataclass(frozen=True)
class Imported:
    """What was written, what was filled in, and what the editor must check."""

    article: Path
    sidecar: Path
    filled: tuple[str, ...]
    check: tuple[str, ...]
    problems: tuple[Problem, ...]  # what `briefing-site check` would still refuse


class NoArticleText(BriefingError):
    """The source has no article text to import (exit 1)."""


def read_source(options: ImportOptions, config: SiteConfig) -> Extracted:
    """Extract the article from a URL, a saved page, a text file or stdin."""
    junk = JunkFilter(config.junk_patterns, language=config.language)
    source = options.source
    if source == "-":
        data = options.stdin or b""
        if len(data) > MAX_PAGE_BYTES:
            raise ContentError.at(
                Location("<stdin>"), f"larger than {MAX_PAGE_BYTES:,} bytes: is it one article?"
            )
        return _from_bytes(data, "<stdin>", junk, config.language)
    if urlsplit(source).scheme in ("http", "https"):
        page = fetch_page(source)
        return _noted(from_html(page.html, page.url, junk, config.language), page.note)
    path = Path(source)
    if not path.is_file():
        raise UsageError(f"import: {source}: {_not_a_file(source)}")
    data = _read_limited(path)
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return _from_page(data, junk, config.language)
    if suffix in _TEXT_SUFFIXES or not suffix:
        return _from_bytes(data, source, junk, config.language)
    raise UsageError(f"import: {source}: a {suffix} file; give a .html page, a .txt file or a URL")


# A page's source, not copy: it opens with a doctype or an HTML element (after a BOM,
# blanks or comments). A page's own elements say so alone; a block element (copy
# pasted from a CMS can open with a stray <p>) only when the text closes one too.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*"
    rb"<(?:(?P<page>!doctype\s+html|html|head|body|meta|title)|article|main|section|div|p)\b",
    re.I | re.S,
)
_CLOSING_TAG = re.compile(rb"</(?:article|main|section|div|p|span|a|h[1-6]|li|ul|ol)\s*>", re.I)


def _reads_as_page(data: bytes) -> bool:
    """Whether stdin or a .txt holds a page's source rather than copy."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # saved by Notepad
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    start = _HTML_START.match(data)
    return bool(start and (start["page"] or _CLOSING_TAG.search(data)))


def _from_page(data: bytes, junk: JunkFilter, language: str) -> Extracted:
    """A saved page's article, with a note when its encoding had to be guessed."""
    html, note = decode_html(data)
    return _noted(from_html(html, "", junk, language), note)


def _noted(extracted: Extracted, note: str) -> Extracted:
    return replace(extracted, notes=(*extracted.notes, note)) if note else extracted


def _from_bytes(data: bytes, where: str, junk: JunkFilter, language: str) -> Extracted:
    """Text as text, but a page piped in (`curl URL | import -`) or saved as .txt as a page."""
    if _reads_as_page(data):
        return _from_page(data, junk, language)
    text, encoding = _decode_copy(data, where)
    extracted = from_text(text, junk, language)
    if encoding:
        note = f"text: the file is {encoding}, not UTF-8; check accented letters and quotes"
        extracted = replace(extracted, notes=(*extracted.notes, note))
    return extracted


def _decode_copy(data: bytes, where: str) -> tuple[str, str]:
    """The copy as text, and the encoding it was read in when that was not UTF-8.

    Import writes UTF-8, so it can take what editors are handed: Notepad's
    "Unicode" (UTF-16 with its byte order mark) and Windows-1252, in which
    Word and older wire desks save text. The build itself reads only UTF-8.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        return text.replace("\r\n", "\n").replace("\r", "\n"), "UTF-16"
    try:
        return decode(data, where), ""
    except ContentError as not_utf8:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:  # bytes no Windows-1252 text holds: say it is not UTF-8
            raise not_utf8 from None
        if not reads_as_latin_text(text):
            raise
        return decode(text.encode("utf-8"), where), "Windows-1252"


# A web address typed without its scheme: "www.site.org", "example.com/story", or a
# name in a web-only domain ("example.com"). A file's name (report.pdf) is none.
_BARE_ADDRESS = re.compile(
    r"^(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]|$)"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}[/?#]"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|news|gov|edu|int|info)$)",
    re.I,
)


def _not_a_file(source: str) -> str:
    """What to say of a source that is no file: perhaps a URL typed without https://."""
    scheme = urlsplit(source).scheme
    if scheme and len(scheme) > 1:  # "C:" is a drive
        return f"a {scheme}: address; import takes http:// and https:// URLs"
    if Path(source).is_dir():  # `import saved/`: it said "no such file" of a folder there
        return "a folder: give one saved page or text file in it (.html, .txt), a URL or -"
    named_like_a_file = Path(source).suffix.lower() in (*_HTML_SUFFIXES, *_TEXT_SUFFIXES, ".md")
    if _BARE_ADDRESS.match(source) and not named_like_a_file:
        return f"no such file; for the web page, give its URL: https://{source}"
    return "no such file (give a .html, .txt, a URL or -)"


def _read_limited(path: Path) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise ContentError.at(
            Location(str(path)), f"larger than {MAX_PAGE_BYTES:,} bytes: is it one article?"
        )
    return data


def import_article(options: ImportOptions) -> Imported:
    """Read, extract, propose and write the article; refuse to replace anything."""
    config = read_config(options.site)
    if not (options.site / CONTENT_DIR).is_dir():  # before any fetch: fail fast
        raise ContentError.at(
            Location(CONTENT_DIR), "no content/ folder: is -s pointing at the site?"
        )
    extracted = read_source(options, config)
    if not extracted.paragraphs:
        where = "standard input" if options.source == "-" else options.source
        raise NoArticleText(
            f"{where}: no article text found"
            + (" (only page furniture)" if extracted.left_out else "")
            + "; nothing written"
        )
    if _ahead_of_clock(extracted.date, options.now):
        # a page's "Published 12.03.2025" after today is misread (or a related story's),
        # and markup stamped ahead of the clock is a scheduled or mis-zoned post: the
        # clock stands in, and the editor is told which stamp was left alone
        extracted = replace(extracted, date="", ahead=extracted.date)
    slug = _slug(options, extracted)
    prose = _prose(extracted.paragraphs)
    published = _published(extracted, config, options.now)
    if not extracted.date:  # a dateline's date is the filing date: better than the clock
        filed = dateline_day(prose, options.now.date())
        published = datetime.combine(filed, time(12), options.now.tzinfo) if filed else published
    proposal = propose(prose, published, extracted.title)
    text = "\n\n".join(extracted.paragraphs) + "\n"
    sidecar, filled, to_check = sidecar_text(
        extracted, proposal, options, published, config.language
    )
    relative = f"{CONTENT_DIR}/{slug}"
    problems = _problems(text, sidecar, relative, config, options.now)
    article_path, sidecar_path = _write(options.site, relative, text, sidecar)
    return Imported(article_path, sidecar_path, filled, to_check, problems)


# How far ahead of the clock a publication stamp may be: clocks and zones slip a little.
STAMP_LEEWAY = timedelta(hours=1)


def _ahead_of_clock(stamp: str, now: datetime) -> bool:
    """Whether a publication stamp is after the clock: a day after its day, or a time
    more than an hour after it (a stamp with no offset is read in the clock's zone)."""
    if len(stamp) == 10:
        return stamp > now.date().isoformat()
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return False
    when = when if when.tzinfo else when.replace(tzinfo=now.tzinfo)
    return when - now > STAMP_LEEWAY


def _prose(paragraphs: tuple[str, ...]) -> list[str]:
    """The paragraphs to read dates from: not "Updated: Sep 16, 2025 09:27 PM" stamps.

    Plain text keeps such lines (the build's rules decide what it shows), but
    their dates are when the page changed, never the event's.
    """
    stamps = JunkFilter(PAGE_PATTERNS)
    return [p for p in paragraphs if not stamps.match(p) and not _stamp_line(p)]


def _stamp_line(paragraph: str) -> bool:
    """A short line with a clock time and no sentence ending: "World PTI Jan 20, 2018 09:21 IST"."""
    return (
        len(paragraph.split()) <= 10
        and bool(re.search(r"\d{1,2}:\d\d", paragraph))
        and not paragraph.rstrip().endswith((".", "!", "?"))
    )


def _slug(options: ImportOptions, extracted: Extracted) -> str:
    """--slug, else from the title, else from the URL's last segment or the file name."""
    if options.slug is not None:
        if not safe_slug(options.slug):
            raise UsageError(f"import: --slug {options.slug!r}: use lower-case letters, digits, -")
        return options.slug
    stem = urlsplit(options.source).path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for candidate in (extracted.title, stem if options.source != "-" else ""):
        slug = slugify(candidate.replace("'", "").replace("\u2019", ""))[:60].strip("-")
        if safe_slug(slug):
            return slug
    raise UsageError("import: no title or file name to name the article: give --slug")


def _published(extracted: Extracted, config: SiteConfig, now: datetime) -> datetime:
    """The publication time the prose's dates are resolved against (else the clock)."""
    if extracted.date:
        try:
            return parse_instant(extracted.date, config.timezone, keep_offset=True)[0]
        except ValueError:
            pass
    return now


# Characters a YAML stream may not hold at all, even in a comment (PyYAML refuses them).
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _q(value: str) -> str:
    """A YAML double-quoted scalar on one line (JSON strings are YAML)."""
    return json.dumps(_NOT_YAML.sub("", one_line(value)), ensure_ascii=False)


def sidecar_text(
    extracted: Extracted,
    proposal: Proposal,
    options: ImportOptions,
    published: datetime,
    site_language: str = "en",
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The sidecar's YAML, the fields filled in, and what the editor must check.

    `published` is the time the prose was read against (the dateline's day, else
    the clock): the commented `date:` offers it, so uncommenting it is close.
    """
    filled: list[str] = []
    check: list[str] = []
    where = one_line(options.source) if options.source != "-" else "standard input"
    lines = [f"# Imported by briefing-site from {_q(where)[1:-1]} on {options.now.date()}."]
    lines.append("# Check every field against the source before publishing.")
    if extracted.title:
        lines.append(f"title: {_q(extracted.title)}")
        filled.append(f"title: {extracted.title}")
    else:
        lines.append('title: ""  # REVIEW: no headline found; write one')
        check.append("title: none found; write one")
    if extracted.summary:
        lines.append(f"summary: {_q(extracted.summary)}")
        filled.append("summary: from the page's description")
    else:
        lines.append('summary: ""  # REVIEW: write one or two sentences')
        check.append("summary: none on the page; write one or two sentences")
    lines += _language_lines(extracted, site_language, check)
    check += extracted.notes
    lines += _date_lines(extracted, published, filled, check)
    lines += _source_lines(extracted, filled, check)
    lines += event_lines(extracted, proposal, filled, check)
    return "\n".join(lines) + "\n", tuple(filled), tuple(check)


def _language_lines(extracted: Extracted, site_language: str, check: list[str]) -> list[str]:
    """`language:` when the text is clearly in another language than the site's: its
    page's `lang` (a screen reader's voice), its feed entries', the junk filter's reading."""
    found = other_language((extracted.title, *extracted.paragraphs), site_language)
    if not found:
        return []
    name = language_name(found)
    check.append(
        f"language: {found}: the text reads as {name}, not the site's {site_language}; "
        "delete the line if that is wrong"
    )
    return [f"language: {found}  # REVIEW: the text reads as {name}"]


def _date_lines(
    extracted: Extracted, published: datetime, filled: list[str], check: list[str]
) -> list[str]:
    if not extracted.date and extracted.ahead:
        return _ahead_lines(extracted, published, check)
    if not extracted.date:
        check.append("date: the source gives no publication date; add one")
        offered = published.replace(microsecond=0).isoformat()
        return [f"# date: {offered}  # REVIEW: the publication time"]
    filled.append(f"date: {extracted.date}")
    if extracted.date_line:  # pasted copy's "Published June 12, 2024 5:02am EDT"
        check.append(f"date: read from the page's line {extracted.date_line!r}")
    if len(extracted.date) == 10 and re.search(r"\d:\d\d", extracted.date_line):
        check.append(f"date: {extracted.date}: the line gives a time but no zone; add both")
    elif len(extracted.date) == 10:
        check.append(f"date: {extracted.date} has no time or offset on the page")
    if extracted.date_line:
        return [f"date: {extracted.date}  # REVIEW: from the line {_q(extracted.date_line)}"]
    return [f"date: {extracted.date}"]


def _ahead_lines(extracted: Extracted, published: datetime, check: list[str]) -> list[str]:
    """The commented `date:` offered for a stamp after the clock, and why it was not taken."""
    stamp = extracted.ahead
    when = "after today" if stamp[:10] > published.date().isoformat() else "ahead of the clock"
    where = f"line {extracted.date_line!r}" if extracted.date_line else "metadata"
    check.append(
        f"date: the page's {where} gives {stamp}, {when}; not taken: add the publication date"
    )
    offered = published.replace(microsecond=0).isoformat()
    said = f"the line {_q(extracted.date_line)}" if extracted.date_line else "the page"
    return [f"# date: {offered}  # REVIEW: {said} says {stamp}, {when}"]


def _source_lines(extracted: Extracted, filled: list[str], check: list[str]) -> list[str]:
    url = one_line(extracted.url)
    if not url.startswith(("http://", "https://")):
        check.append("sources: the page gives no URL; add {title, url}")
        return []
    name = extracted.site_name or urlsplit(url).hostname or url
    filled.append(f"sources: {name} <{url}>")
    return ["sources:", f"  - {{title: {_q(name)}, url: {_q(url)}}}"]


def event_lines(
    extracted: Extracted, proposal: Proposal, filled: list[str], check: list[str]
) -> list[str]:
    """The proposed `event:` block, marked for review, or a commented one with candidates."""
    if proposal.start and proposal.chosen is not None:
        lines = [
            "# REVIEW: event proposed from this sentence of the text; check date, time and zone:",
            f"#   {_q(proposal.chosen.sentence)}",
            "event:",
            *(
                [f"  name: {_q(extracted.title)}  # REVIEW: the headline; write the event's name"]
                if extracted.title
                else []
            ),
            *[f"  # REVIEW: {_q(note)[1:-1]}" for note in proposal.notes],
            f"  start: {proposal.start}",
            *([f"  end: {proposal.end}"] if proposal.end else []),
        ]
        if proposal.zone:
            lines.append(f"  timezone: {proposal.zone}")
        if proposal.location:
            lines.append(f"  location: {_q(proposal.location)}")
        filled.append(f"event: {proposal.start} {proposal.zone}".rstrip() + " (proposed)")
        check.append(f"event: proposed from the text: {one_line(proposal.chosen.sentence)}")
        check += [f"event.start: {note}" for note in proposal.notes]
        if proposal.zone and proposal.location:
            check.append(
                f"event.timezone: {proposal.zone} from a place named in {proposal.zone_from} "
                f"({proposal.location})"
            )
            if proposal.zone_from != "the sentence":  # the dateline's city, say
                check.append(
                    f"event.location: {proposal.location} is named in {proposal.zone_from}, "
                    "not in the event's sentence: check that the event is there"
                )
        elif proposal.zone:  # "3 p.m. KST": the zone, but no place
            check.append(
                f"event.timezone: {proposal.zone} from {proposal.zone_from}; "
                "no place named: add event.location"
            )
        else:
            why = proposal.zone_from or "no place named"  # e.g. places in several zones
            check.append(f"event.timezone: {why}; the site's zone is used")
        return lines
    lines = [f"# event: not certain ({proposal.reason}); choose one and uncomment."]
    lines += _candidate_lines(proposal.candidates)
    lines += ["# event:", f"#   name: {_q(extracted.title or 'Event')}", "#   start: YYYY-MM-DD"]
    lines += ["#   timezone: Area/City", '#   location: ""']
    check.append(f"event: left commented out ({proposal.reason})")
    return lines


def _candidate_lines(found: tuple[Candidate, ...]) -> list[str]:
    if not found:
        return []
    lines = ["# Dates the text names:"]
    for candidate in found[:MAX_CANDIDATES]:
        when = candidate.day.isoformat()
        if candidate.clock is not None:
            zone = f" ({candidate.clock_zone})" if candidate.clock_zone else ""
            when += f" {candidate.clock:%H:%M}{zone}"
        zones = ", ".join(f"{p.name} = {p.zone}" for p in candidate.places)
        extra = f" [{zones}]" if zones else ""
        note = f" ({candidate.note})" if candidate.note else ""
        lines.append(f"#   {when}{extra}{note}: {_q(candidate.sentence)}")
    if len(found) > MAX_CANDIDATES:
        lines.append(f"#   ... and {len(found) - MAX_CANDIDATES} more")
    return lines


def _problems(
    text: str, sidecar: str, relative: str, config: SiteConfig, now: datetime
) -> tuple[Problem, ...]:
    """What the build would refuse in the new article, found by the build's own code."""
    try:
        article = parse_text_article(text, f"{relative}.txt", sidecar, f"{relative}.yaml")
        assemble(article, Tools.for_config(config), now)
    except ContentError as exc:
        return tuple(exc.problems)
    return ()


def _write(site: Path, relative: str, text: str, sidecar: str) -> tuple[Path, Path]:
    """Write both files, creating neither over an existing article of that name."""
    for suffix in (".txt", ".yaml", ".md"):
        if (site / f"{relative}{suffix}").exists():
            raise ContentError.at(
                Location(f"{relative}{suffix}"), "already exists; not overwritten (use --slug)"
            )
    written: list[Path] = []
    try:
        for suffix, body in ((".txt", text), (".yaml", sidecar)):
            path = site / f"{relative}{suffix}"
            with path.open("x", encoding="utf-8") as handle:
                written.append(path)
                handle.write(body)
    except FileExistsError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise ContentError.at(Location(relative), "already exists; not overwritten") from exc
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise ContentError.at(Location(relative), f"cannot write: {exc.strerror}") from exc
    return written[0], written[1]
