"""Read articles: bytes into text, metadata and numbered paragraphs.

Parsing works on strings; `read_article` is the thin file-reading wrapper.
An article is `<slug>.md` (front matter + Markdown) or `<slug>.txt` with a
`<slug>.yaml` sidecar. Every paragraph keeps the file line it starts on.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from briefing_site.config.schema import parse_config
from briefing_site.config.yamlload import YamlMap, parse_yaml_recovering
from briefing_site.errors import ContentError, Problem, ProblemList
from briefing_site.model import Location, Paragraph, SiteConfig, SourceArticle
from briefing_site.site import CONFIG_FILE, CONTENT_DIR, settings_misnamed
from briefing_site.walk import walk

_TOP_KEY = re.compile(r"^\t*([A-Za-z_][\w-]*)\s*:")  # tabs: a key YAML refused for them
METADATA_SUFFIX = ".yaml"
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$|^ {0,3}(#{1,6})[ \t]*$")
_SETEXT_RULE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Unicode's own line and paragraph separators (`_blocks`): U+2028 ends a line as "\n"
# does; U+2029 is kept as a line of its own, which ends the paragraph as a blank
# line does. (A vertical tab, form feed or U+0085 inside a line is a space, as
# before: Word's soft line break, a printout's page break, mis-decoded Latin-1.)
_UNICODE_BREAK = re.compile("[\u2028\u2029]")
# ...but not inside a Markdown table row's cell (`_join_broken_cells`): a row is one
# line and a cell holds no line break, so a separator after a row's opening "|" and
# before its closing one is a space, as a soft line break pasted into a cell reads.
# Cut there, the row's halves became two paragraphs. After prose, or after a row's
# closing "|", it still ends the line.
_ROW_START = re.compile(r" {0,3}\|")
_UNICODE_BREAK_KEPT = re.compile("([\u2028\u2029])")
_UNICODE_LINES = re.compile("\u2028|(?=\u2029)|(?<=\u2029)")
# What a reader does not see at a line's ends: every space (no-break, wide...), the
# separators above, zero-width spaces and joiners, and a BOM.
_INVISIBLE = (
    "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\u200b\u200c\u200d\u2060\ufeff"
)
# python-frontmatter is the parser, but with a strict fence: exactly `---` on a
# line of its own (its default `^-{3,}\s*$` also eats blank lines and takes
# `-----`), and only on line 1; `parse_markdown_article` adds the checks it lacks.
_FENCE_LINE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_FRONT_MATTER = YAMLHandler(fm_boundary=_FENCE_LINE)
_YAML_END = re.compile(r"^\.\.\.[ \t]*$", re.MULTILINE)
# An article is prose: a file this big is a mistake (or an attack on the build).
MAX_FILE_BYTES = 1_000_000
# Python-Markdown's inline parsing is quadratic in a block's length for some
# shapes (each `[` or `<` scans the rest of the block for its partner: 8 KB of
# `[` takes seconds). These cheap checks bound every block's worst case to
# about a quarter of a second, before any Markdown runs. See docs in README.
MAX_BLOCK_CHARS = 20_000
MAX_BRACKET_WORK = 400_000  # (number of `[` and `<`) x (block length)
MAX_NESTING = 16  # list and quote markers opening one line (deeper recurses)
_NESTING = re.compile(rf"^(?:[ \t]*(?:[-*+>]|\d{{1,9}}[.)])(?=[ \t]|$)){{{MAX_NESTING + 1}}}")
# Hard-wrapped copy: the lines that end mid-sentence end within this share of
# the widest one (a ragged right edge); wider than MAX_WRAP_WIDTH is not wrapping.
WRAP_EDGE = 0.75
MAX_WRAP_WIDTH = 160
MIN_WRAP_WIDTH = 30  # narrower lines are a menu or a list of labels, not wrapped prose
# A lone block of a few lines, all this short, is measured on its own.
FALLBACK_WRAP_WIDTH = 100
WRAP_SLACK = 1.1  # a sentence's last line may end this far past the longest open line
_LIST_LINE = re.compile(
    r"^\s*[-*+\u2022\u25aa\u00b7]\s+\S"
)  # bullets: numbered items are paragraphs
# A blog's footer printed as items under a post: counters, a time stamp, its category.
LIST_FOOTER = re.compile(
    r"^\s*[-*+\u2022\u25aa\u00b7]\s+(?:(?:comments?|trackbacks?|pingbacks?|replies|likes?)"
    r"\s*\(\d+\)|\d{1,2}/\d{1,2}(?:/\d{2,4})?,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|(?:category|tags?)"
    # Its tags, not an item going on in words ("- Tags: to be discussed at the next ...").
    r"\s*:(?!.*\b(?:to|be|is|are|was|were|will|would|the|a|an|at|on|in|by|with|from)\b)"
    r".{0,60}|permalink)\s*$",
    re.I,
)
# How a declaration's clause opens: a participle in capitals ("RECALLING", "BEARING IN
# MIND", "CONVINCED"), not an acronym ("NATO", "ECB") nor a dateline ("BEIJING, May 4"),
# or in title case before its object ("Noting the", "Welcoming that"): not a name before
# its verb ("Keating said"), nor the "-ing" words and names listed, which open a story's
# next sentence as often ("During the talks", "According to ...", "Beijing").
_CLAUSE_OPENER = re.compile(
    r"^\s*(?:[A-Z]{2,}(?:ING|ED)\b(?!\s*[,(])|(?:CONSCIOUS|MINDFUL|AWARE|DEEPLY)\b"
    r"|(?!(?:During|According|Following|Including|Regarding|Concerning"
    r"|Excluding|Pending|Notwithstanding|Barring|Beginning|Starting|Speaking|Writing|Reading"
    r"|Nothing|Something|Everything|Anything|Beijing|Nanjing|Chongqing|Kunming|Wellington"
    r"|Flemming|Sterling|Browning|Fleming|Manning|Cummings|Hastings|Jennings|Hemming)\b)"
    r"[A-Z][a-z]+ing\s+(?:the|that|its|their|our|his|her|with|a|an|all|this|these|those|both"
    r"|further|also|in|to|upon|on|for|at|by|from|once|again)\b)"
)
# A line going on a name broken off above it: more of the name ("Monetary Fund", "Malmer
# Stenergard") or its short form ("Commission (AEIC)"), not a sentence of its own
# ("Analysts said ...", "Union said ...": a paragraph that lost its stop ends above it).
_NAME_GOES_ON = re.compile(r"^\s*[\"'\u201c\u2018]?[A-Z][\w.'\u2019-]*\s+(?:\(|[A-Z])")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)](?:\s|$)")  # a numbered item opens a paragraph
# A date broken between its lines in wrapped copy: a month ending the line over its day
# ("... on July" / "18, before ..."), or a day over its month ("... on 18" / "July, ...").
# A wrapper may break there though the day would have fitted; no paragraph opens so.
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH_ENDS = re.compile(rf"(?<=\s){_MONTHS}$")
_DAY_OPENS = re.compile(rf"^\s*{_DAY}(?:,\s|\s+(?!{_MONTHS})[^\W\d_]|,?$)")
_DAY_ENDS = re.compile(rf"\s(?:on|from|by|until|till|before|after|since|of) {_DAY}$")
_MONTH_OPENS = re.compile(rf"^\s*{_MONTHS}(?:[,.;]?\s|[,.;]?$)")
# A line ending in one of these words runs on to the next.
_LABELLED = re.compile(r"^\s*[^\s:][^:\n]{0,39}\s?:\s+\S")
_RUN_ON_WORDS = frozenset(
    "a an the of and or but to in on at by for with from as that which who its their his her "  # noqa: SIM905
    # Conjunctions opening a clause: a line ends no sentence on one ("... Minister while" /
    # "New Zealand ... were represented ...").
    "while whereas although though because than".split()
)
# A wire dateline opening a line ("GENEVA, May 4 (Reuters) -", "BEIJING (AP) -").
# A word or short name in quotes opening a block ("'Renew' and 'Connect' the grid pact"),
# going on a sentence; a quotation ('"This is a beacon of hope," she said.') opens its own.
_QUOTED_WORD = re.compile(
    r"^\s*[\"'\u201c\u2018][^\W\d_][^\s,.;:!?\"'\u201c\u201d\u2018\u2019]*"
    r"(?:\s[^\s,.;:!?\"'\u201c\u201d\u2018\u2019]+){0,2}[\"'\u201d\u2019](?!\w)"
)
_DATELINED = re.compile(r"^[A-Z][A-Z'. -]{2,}(?:,| \()")
_BYLINE = re.compile(r"^By [A-Z]")
# A title before a name ("... with Rt. Hon." / "Jane Doe, Minister ..."): its full stop
# ends no sentence, so the line goes on with the name on the next.
_TITLE_BEFORE_NAME = re.compile(
    r"(?:^|[\s(])(?:Rt|Hon|Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Capt|Maj|Adm|Sen|Rep|Gov|Amb|Rev|H\.E)\.$"
)
# A name opening a line: two capitalised words with nothing between ("Jane Doe, ...",
# "Winston Peters"). "He replaces ...", "Haiti", "Photo: Reuters" open no name.
# The "title" after a capitalised word that is no title is a place's abbreviation ("Oak
# Hill Dr.", "Czech Rep."): its full stop may end the sentence. "Rt. Hon.", "H.E. Dr.",
# "Keynote: Prof." and "President Dr." are titles still.
_PLACE_BEFORE_TITLE = re.compile(
    r"(?:^|\s)(?!(?:President|Minister|Secretary|Ambassador|Governor|Senator|Professor|General"
    r"|Excellency|Honourable|Honorable|Deputy|Vice|Chief|Speaker|Chairman|Chair|Mayor)\s)"
    r"[A-Z][\w'\u2019-]*\s+\S+$"
)
_NAME_OPENING = re.compile(r"[A-Z][\w'’.-]* [A-Z]")  # noqa: RUF001
# A paragraph stopping on one of these lost the rest of its sentence to a stray blank line;
# a headline or teaser may stop on "on", "for", "with" ("... what to watch for"), so after
# those the next paragraph must go on in lower case or with a number ("held on" / "17th May").
_BROKEN_OFF_WORDS = frozenset(("of", "the", "a", "an", "between", "among", "than", "into"))
# Words a page break leaves hanging that a teaser or page furniture also stops on.
_LOOSE_ENDS = frozenset(("between", "among", "than", "into"))
# Page furniture stopping on a comma or such a word: a byline, a tag or share line, a
# stamp, a caption ("Jane Doe, left, greets ...", "photo by ..."). Never half a sentence.
_FURNITURE_LINE = re.compile(
    r"^\W*(?:(?-i:By [A-Z])|(?:tags|picture|image)\s*:|(?:filed under|tagged|share (?:this|on"
    r"|via)|shared|published|updated|last updated|posted on|photo|photograph|caption|credit)\b)"
    r"|, (?:left|right|centre|center|top|bottom|front|back|pictured|second (?:left|right)"
    r"|(?:left|right) to right)[,)]"
    r"|\b(?:photo(?:graph)?|picture|image)s? (?:by|credit|courtesy)\b",
    re.I,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+")
# Capitalised words opening any sentence: no names shared by a teaser and its story.
_NOT_NAMES = _RUN_ON_WORDS | frozenset("it he she they we i this these those there".split())  # noqa: SIM905
# A line of this many words with no sentence end is a clause, not a label: when the
# next line opens in lower case, the sentence goes on there, however ragged the copy.
CLAUSE_LINE_WORDS = 4
# A short name left on its line in wrapped copy ("The United Nations" / "welcomes ...").
NAME_LINE_WORDS = 4
_QUOTES = "\"'\u201c\u2018("
_SENTENCE_STOP = re.compile(r"[.!?…][\"'\u2019\u201d)]*(?:\s|$)")
_SENTENCE_END = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")")
_QUOTE_CLOSERS = ('"', "\u201d", "'", "\u2019")
_WORD = re.compile(r"[^\W\d_]+")
# A paragraph repeating the one above but for its first letter: this many characters
# are compared (at most), and fewer than the minimum is too short to call a repeat.
DROP_CAP_REPEAT = 60
MIN_DROP_CAP_REPEAT = 24
# Copy wrapped with a blank line after every line (a wire or a PDF printed double-spaced):
# the one-line blocks that end mid-sentence end near one width, and at least this many of
# them (and this share) plainly go on in the next block (a comma, "and", lower case).
SPACED_MIN_RUN_ONS = 3
# A paragraph this long that stops on "of" or "the" was cut off from the next by a stray
# blank line (shorter ones may be labels or cut-off teasers).
BROKEN_MIN_WORDS = 8
# A block this long with no sentence end is no headline: lower case under it goes on with it.
BROKEN_LONG_WORDS = 16
# A paragraph joined from blocks is judged by its first and last this many characters.
MENDED_VIEW_CHARS = 1200
MENDED_VIEW_HEAD = 300
# A teaser cut off on "than" or a comma stands among the page's first this many blocks.
TEASER_BLOCKS = 3
# The finite verbs a told sentence shows and a headline leaves out ("Leaders meet in ...");
# the junk filter reads verbs by the same list.
FINITE_VERBS = frozenset(
    "is are was were am has have had will would can could may might must shall should "  # noqa: SIM905
    "did does do said says".split()
)
# Particles that open a name, never a clause going on ("von der Leyen", "bin Salman"):
# not "as" or "at", which open both.
_NAME_OPENERS = frozenset("von van de der den du da di al el bin ibn la le".split())  # noqa: SIM905
# A name's particle written in lower case opening a sentence ("al-Sudani said", "de Klerk").
_NAME_PARTICLES = frozenset(
    "al el ad as ash at az ibn bin bint ben abu de da di du del della dos das van von der den "  # noqa: SIM905
    "ter ten le la".split()
)
SPACED_RUN_ON_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class ArticleFiles:
    """The files of one article, by path relative to the site root."""

    article: str
    sidecar: str | None


def find_articles(content_files: list[str]) -> tuple[list[ArticleFiles], ProblemList]:
    """Pair `.txt` articles with their `.yaml` sidecars; report orphans.

    `content_files` are site-relative POSIX paths of the files in content/.
    """
    problems = ProblemList()
    present = set(content_files)
    by_lower: dict[str, str] | None = None  # made on the first missing file, then kept
    found = []
    for path in sorted(content_files):
        stem, suffix = os.path.splitext(
            path
        )  # strings, not PurePosixPath: serve runs this per save
        if suffix == ".md":
            found.append(ArticleFiles(path, None))
        elif suffix == ".txt":
            sidecar = stem + METADATA_SUFFIX
            if sidecar in present:
                found.append(ArticleFiles(path, sidecar))
                continue
            # The other spelling, or another case (`a.YAML`): read as no metadata at all.
            by_lower = by_lower if by_lower is not None else _by_lower(content_files)
            other = _named_alike(by_lower, (stem + ".yml", sidecar))
            if other is not None:
                message = f"no metadata: rename {Path(other).name} to {Path(sidecar).name}"
            else:
                message = f"no metadata: add {Path(sidecar).name} beside it"
            problems.add(Location(path), message)
        elif suffix in (".yaml", ".yml") and stem + ".txt" not in present:
            if stem + ".md" in present:  # meant for `a.md`, which never reads a sidecar
                problems.add(
                    Location(path),
                    f"not read: {Path(stem).name}.md keeps its metadata in its front matter: "
                    "move these keys there (between its '---' lines) and delete this file",
                )
                continue
            by_lower = by_lower if by_lower is not None else _by_lower(content_files)
            other = _named_alike(by_lower, (stem + ".txt",))  # `a.TXT`: no article to the build
            fix = f"rename {Path(other).name} to" if other is not None else "add"
            problems.add(
                Location(path), f"metadata without an article: {fix} {Path(stem).name}.txt"
            )
    return found, problems


def _by_lower(paths: Iterable[str]) -> dict[str, str]:
    """Each path by its lower-case form (the first in sorted order where several share
    one): made once per call of `find_articles`, so 10,000 articles without sidecars
    look up their other spellings in one pass, not one pass over every file each."""
    alike: dict[str, str] = {}
    for path in sorted(paths, reverse=True):
        alike[path.lower()] = path
    return alike


def _named_alike(by_lower: dict[str, str], names: Iterable[str]) -> str | None:
    """The file in `by_lower` (see `_by_lower`) named as one of `names` but for the
    case of its letters (or exactly, if that one is there), or None. Looked for only
    when a file is missing."""
    return min((by_lower[key] for name in names if (key := name.lower()) in by_lower), default=None)


# Files named so that no build reads them, though an editor meant them for the site. The
# content format is `<slug>.md`, `<slug>.txt` with `<slug>.yaml` (DESIGN.md), by exact name:
# `Summit.MD` or `notes.markdown` would be left out without a word, and the editor left
# wondering why the briefing is not on the site; build, check and serve warn, naming it.
_READ = (".md", ".txt", METADATA_SUFFIX, ".yml")  # (a `.yml` sidecar is find_articles' to name)
_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")
_TEXT = (".txt", ".text")
_PAGES = (".html", ".htm", ".xhtml")
_DOCUMENTS = (".docx", ".doc", ".rtf", ".odt", ".pages")


def strays(site: Path, content_files: Iterable[str]) -> list[Problem]:
    """A warning for each file in content/ (`content_files`, as walked) or the site's
    top that looks meant as an article or as the settings but that no build reads."""
    problems = [
        Problem(Location(path), why)
        for path in content_files
        if not path.endswith(_READ) and (why := stray(path))  # (20,000 files: ~1.5 ms, not 13)
    ]
    for name in settings_misnamed(site):
        message = f"not read: the settings file is named {CONFIG_FILE}, in lower case"
        problems.append(Problem(Location(name), message))
    return problems


def stray(path: str) -> str:
    """Why the build passes over `path` (in content/) though an editor meant it, or ""."""
    name = path.rsplit("/", 1)[-1]
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or name.endswith("~"):
        return ""
    suffix = "." + suffix
    lower = suffix.lower()
    if lower in _MARKDOWN and suffix != ".md":
        return f"not read: name a Markdown article {stem}.md (lower case)"
    if lower in _TEXT and suffix != ".txt":
        return f"not read: name a text article {stem}.txt (lower case), with {stem}.yaml"
    if lower in _PAGES:
        return f"not read: a saved page is no article; run: briefing-site import {path}"
    if lower in _DOCUMENTS:
        return "not read: save it as text (.txt, UTF-8) and run briefing-site import on it"
    return ""


def site_files(site: Path, folder: str) -> list[str]:
    """Site-relative POSIX paths of the files under `folder`, by the one walk's rules.

    The build reads only the site: a symlink that leads out of `folder` (or a
    `folder` that is itself a link elsewhere) is refused, never followed; so
    is a name that is not UTF-8 (see `walk`).
    """
    found = walk(site, folder)
    if found.problems:
        raise ContentError(found.problems)
    return found.files


def decode(data: bytes, path: str) -> str:
    """UTF-8 text with the BOM (or BOMs) stripped and newlines made `\\n`."""
    wide = _wide_encoding(data)
    if wide:  # Notepad's "Unicode": every other byte is NUL, but it is text all the same
        raise ContentError.at(
            Location(path, 1), f"saved as {wide}, not UTF-8: save it again as UTF-8"
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ContentError.at(Location(path, line), "binary data (NUL byte): not a text file")
    bom = 0
    while data.startswith(codecs.BOM_UTF8, bom):  # twice: a file re-saved "with BOM"
        bom += len(codecs.BOM_UTF8)  # by a tool that kept the one it read as text
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = bom + exc.start  # counted in the file, as an editor's hex view shows it
        line = data[:at].count(b"\n") + 1
        raise ContentError.at(Location(path, line), not_utf8(data, at)) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def not_utf8(data: bytes, at: int) -> str:
    """What is wrong with `data` at its first byte that is not UTF-8, and the fix.

    The byte as the editor's likely encoding reads it (Windows-1252, a superset of
    Latin-1 as Windows editors save it) says which letter to look at: the count
    alone sent editors to a hex view. One fix covers every such byte: save again.
    """
    letter = data[at : at + 1].decode("cp1252", errors="replace")
    seen = f", {letter!r} in Windows-1252" if letter.isprintable() and letter != "\ufffd" else ""
    return f"not UTF-8 (byte {at}: {data[at]:#04x}{seen}): save it again as UTF-8"


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _wide_encoding(data: bytes) -> str:
    """ "UTF-16" or "UTF-32" for text saved so (by its byte order mark, or ASCII
    with a NUL after or before each letter), else ""."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[:64]
    if len(head) >= 8 and len(head) % 2 == 0:
        even, odd = head[0::2], head[1::2]
        if (not any(odd) and all(even)) or (not any(even) and all(odd)):
            return "UTF-16"
    return ""


def parse_markdown_article(text: str, path: str) -> SourceArticle:
    """Split front matter from the body; the body's line numbers stay the file's."""
    _require_text(text, path)
    if not _FRONT_MATTER.detect(text):
        if text.startswith("+++"):
            why = " (TOML between '+++' lines is not read: write it as YAML)"
        elif re.match(r"[ \t]+---[ \t]*\n", text):
            why = " (its '---' is indented: start the first line with '---')"
        elif re.match(r"\s*---[ \t]*\n", text) and not text.startswith("---"):
            why = " (its '---' is not on the first line: delete the blank lines above it)"
        elif dash := re.match(r"[\u2010-\u2015\u2212]+(?=[ \t]*\n)", text):
            # `---` a word processor turned into an em dash (or two en dashes)
            why = f" (its first line is {dash.group()!r}, not three hyphens: type '---')"
        elif re.match(r"(?:-{4,}|---\S+)[ \t]*\n", text):
            why = " (the line that opens it must be exactly three dashes, '---')"
        else:
            why = ""
        raise ContentError.at(
            Location(path, 1),
            f"no front matter{why}: start the file with '---', title: ..., '---'",
        )
    closing = _FENCE_LINE.search(text, 3)
    end = _YAML_END.search(text, 3, closing.start() if closing else len(text))
    if end is not None:  # YAML's document end; python-frontmatter would take it too
        line = text[: end.start()].count("\n") + 1
        raise ContentError.at(
            Location(path, line), "'...' cannot end front matter: close it with '---'"
        )
    if closing is None:
        raise ContentError.at(
            Location(path, 1), "front matter is never closed: add a '---' line after it"
        )
    fm, body = _FRONT_MATTER.split(text)
    body_line = text[: closing.end()].count("\n") + 1
    paragraphs, comments = split_markdown_parts(body.removeprefix("\n"), body_line + 1)
    # Reported with the metadata's problems, so one run names every problem in the file;
    # `validate` comes first in `assemble`, so Markdown never sees these blocks.
    found = [(line, message, "") for line, message in markdown_hazards(paragraphs)]
    if not paragraphs:
        found.append((body_line, "no article text after the front matter", ""))
    try:
        meta, errors = _metadata(fm, path, 1)
        metadata = _require_mapping(meta, path, 2)
    except ContentError as exc:  # metadata that is no mapping at all, and the body's too
        body_problems = (Problem(Location(path, line), message) for line, message, _ in found)
        raise ContentError([*exc.problems, *body_problems]) from exc
    return SourceArticle(
        path=path,
        metadata_path=path,
        metadata=metadata,
        metadata_lines=dict(meta.lines) if isinstance(meta, YamlMap) else {},
        paragraphs=paragraphs,
        comments=comments,
        markdown=True,
        metadata_errors=(*errors, *found),
    )


def markdown_hazards(paragraphs: tuple[Paragraph, ...]) -> list[tuple[int, str]]:
    """(line, why) for each block whose shape would make Python-Markdown crawl or recurse.

    A `.txt` article needs no such check: its paragraphs are escaped, never parsed
    as Markdown, and the cleaning and topic rules over them cost linear time in any
    text (tests/test_adversarial_text.py), so refusing a long block would only lose it.
    """
    found = ((p.line, _markdown_hazard(p.text)) for p in paragraphs)
    return [(line, message) for line, message in found if message]


def _markdown_hazard(text: str) -> str:
    """Why this block is unsafe to hand to Python-Markdown, or ''."""
    if len(text) > MAX_BLOCK_CHARS:
        return (
            f"paragraph is {len(text):,} characters long; the limit is {MAX_BLOCK_CHARS:,}: "
            "split it with blank lines"
        )
    openers = text.count("[") + text.count("<")
    if openers * len(text) > MAX_BRACKET_WORK:
        return (
            f"paragraph has {openers:,} '[' and '<' in {len(text):,} characters, which "
            "makes Markdown very slow: split it, or write them as \\[ and &lt;"
        )
    if any(_NESTING.match(line) for line in text.split("\n")):
        return f"lists or quotes nested more than {MAX_NESTING} deep"
    return ""


def _require_text(text: str, path: str) -> None:
    if not text.strip():
        raise ContentError.at(Location(path, 1), "the file is empty")


def parse_text_article(
    text: str,
    path: str,
    sidecar_text: str,
    sidecar: str,
    text_problems: tuple[Problem, ...] = (),
) -> SourceArticle:
    """A raw-text article with its metadata beside it.

    What is wrong with the text (`text_problems`: it could not be decoded; or it is
    empty) is reported with the sidecar's problems, so one run names both files'.
    """
    if not text_problems and not text.strip():
        text_problems = (Problem(Location(path, 1), "the file is empty"),)
    try:
        _require_text(sidecar_text, sidecar)
        meta, errors = _metadata(sidecar_text, sidecar, 1)
        metadata = _require_mapping(meta, sidecar, 1)
    except ContentError as exc:
        raise ContentError([*text_problems, *exc.problems]) from exc
    return SourceArticle(
        path=path,
        metadata_path=sidecar,
        metadata=metadata,
        metadata_lines=dict(meta.lines) if isinstance(meta, YamlMap) else {},
        paragraphs=() if text_problems else split_text(text),
        markdown=False,
        metadata_errors=errors,
        text_errors=tuple((p.location.line, p.message) for p in text_problems),
    )


def _metadata(
    text: str, path: str, first_line: int
) -> tuple[Any, tuple[tuple[int, str, str], ...]]:
    """The metadata and any syntax errors, which stop here only if nothing else parsed.

    When the rest of the file parses, validation reports the syntax errors
    together with its own, so one bad line does not hide the other problems.
    """
    meta, problems = parse_yaml_recovering(text, path, first_line)
    if problems and not isinstance(meta, dict):
        raise ContentError(problems)
    lines = text.split("\n")

    def key_at(line: int) -> str:
        index = line - first_line
        found = _TOP_KEY.match(lines[index]) if 0 <= index < len(lines) else None
        return found.group(1) if found else ""

    return meta, tuple((p.location.line, p.message, key_at(p.location.line)) for p in problems)


_GLUED_KEY = re.compile(r"([A-Za-z_][\w-]*):(\S[^:\n]*?)(?:\s+[A-Za-z_][\w-]*:\S|$)")  # title:Talks


def _require_mapping(meta: object, path: str, line: int) -> dict[str, object]:
    if meta is None:
        raise ContentError.at(Location(path, line), "metadata is empty: it needs at least a title")
    if not isinstance(meta, dict):
        kind = "a list" if isinstance(meta, list) else "a single value"
        glued = _GLUED_KEY.match(meta) if isinstance(meta, str) else None
        hint = f"; a key needs a space after its colon: {glued[1]}: {glued[2]}" if glued else ""
        raise ContentError.at(
            Location(path, line),
            f"metadata must be a mapping of keys (title: ...), not {kind}{hint}",
        )
    return dict(meta)


def _blank(line: str) -> bool:
    """Nothing a reader sees: spaces and tabs, or (as a scraped page's `<p>&nbsp;</p>`
    leaves) no-break, wide or zero-width spaces, a BOM or a separator (`_UNICODE_BREAK`)."""
    return not line.strip(_INVISIBLE)


def _blocks(text: str, first_line: int) -> list[tuple[list[int], list[str]]]:
    """Runs of non-blank lines, each line with the file line it is on.

    Copy pasted from a web page or a layout program may end its lines with
    U+2028 and its paragraphs with U+2029: each ends a line (U+2029 a
    paragraph) as "\n" does, and the lines after it keep the file line an
    editor shows, counted by "\n".
    """
    blocks: list[tuple[list[int], list[str]]] = []
    numbers: list[int] = []
    current: list[str] = []
    unicode_breaks = _has_unicode_break(text)
    numbered = enumerate(text.split("\n"), first_line)
    for number, line in _unicode_lines(numbered) if unicode_breaks else numbered:
        if _blank(line):
            if current:
                blocks.append((numbers, current))
                numbers, current = [], []
            continue
        numbers.append(number)
        current.append(line.rstrip(_INVISIBLE))
    if current:
        blocks.append((numbers, current))
    return blocks


def split_text(text: str, first_line: int = 1) -> tuple[Paragraph, ...]:
    """Raw text: one paragraph a line, or blank-line separated, or hard-wrapped.

    The wrap width is measured from the copy itself (`wrap_width`). A line
    joins the next when it is full (the next word would not have fitted) or
    plainly runs on (ends in a comma or a word like "the", or goes on in lower
    case); otherwise it ends a paragraph, so a subhead stays apart from the
    paragraph under it and scraped copy keeps one paragraph a line.
    """
    blocks = _join_spaced(_blocks(text, first_line))
    pairs = _WordPairs(text)  # `_broken_name` looks names up in it
    prose = [_has_sentence(lines) for _, lines, _ in blocks]
    width = wrap_width(
        [line for (_, lines, _), ok in zip(blocks, prose, strict=True) if ok for line in lines[:-1]]
    )
    short = bool(width) and _short_paragraphs(
        [lines for (_, lines, spaced), ok in zip(blocks, prose, strict=True) if ok and not spaced],
        width,
    )
    paragraphs: list[Paragraph] = []
    for (numbers, lines, spaced), has_sentence in zip(blocks, prose, strict=True):
        block_width = width or (_block_width(lines) if has_sentence else 0)
        measured = bool(width)
        run: list[str] = []
        for offset, line in enumerate(lines):
            run.append(line.strip(_INVISIBLE))
            following = lines[offset + 1] if offset + 1 < len(lines) else None
            if (
                following is not None
                and not _lost_drop_cap(line, following)
                and not (short and not spaced and _stops_at_edge(line, following))
                and (
                    _runs_on(
                        line,
                        following,
                        block_width,
                        measured,
                        spaced,
                        inside=len(run) > 1,
                        top=not paragraphs and len(run) == 1,
                    )
                    or (measured and _broken_name(line, following, pairs))
                )
            ):
                continue
            truncated = bool(width) and _cut(line, width)
            listed = len(run) > 1 and all(_LIST_LINE.match(item) for item in run)
            paragraphs.append(
                Paragraph(
                    len(paragraphs) + 1,
                    numbers[offset - len(run) + 1],
                    " ".join(run),
                    truncated=truncated,
                    items=tuple(run) if listed else (),
                )
            )
            run = []
    return _mend_broken_blocks(_mend_drop_caps(paragraphs, text))


def _join_spaced(
    blocks: list[tuple[list[int], list[str]]],
) -> list[tuple[list[int], list[str], bool]]:
    """Each block with the file line of each of its lines, and whether it is a run of
    one-line blocks joined: in copy hard-wrapped with a blank line after every line, each
    run of one-line blocks becomes one block of wrapped lines.

    Such copy is recognised by its one-line blocks alone: those that end mid-sentence end near
    one width (`wrap_width`), and most of them plainly go on in the next block. Scraped copy
    with one paragraph a block never does: its open lines are headlines and labels, and the
    block after one opens a sentence in capitals.
    """
    numbered = [(numbers, lines, False) for numbers, lines in blocks]
    pairs = [
        (block[0], after[0])
        for (_, block), (_, after) in pairwise(blocks)
        if len(block) == len(after) == 1
    ]
    open_pairs = [(line, after) for line, after in pairs if not line.endswith(_SENTENCE_END)]
    run_ons = sum(_plainly_runs_on(line, after) for line, after in open_pairs)
    if (
        run_ons < SPACED_MIN_RUN_ONS
        or run_ons < SPACED_RUN_ON_SHARE * len(open_pairs)
        or not wrap_width([line for line, _ in pairs])
    ):
        return numbered
    joined: list[tuple[list[int], list[str], bool]] = []
    for numbers, lines, _ in numbered:
        if joined and joined[-1][2] and len(lines) == 1 and numbers[0] - joined[-1][0][-1] <= 2:
            # (two blank lines or more between them end a paragraph, even here)
            joined[-1] = (joined[-1][0] + numbers, joined[-1][1] + lines, True)
            continue
        joined.append((numbers, lines, len(lines) == 1))
    return joined


def _plainly_runs_on(line: str, following: str) -> bool:
    """The sentence plainly goes on past the line break: a comma or a word like "and" ends
    the line, or the next line goes on in lower case. A line ending in ";" or ":" is a
    list's item or its lead-in (one a block in scraped copy), not a sentence wrapped."""
    last = line.rsplit(None, 1)[-1].casefold() if line.strip() else ""
    if line.endswith((";", ":")):
        return False
    return line.endswith(",") or last in _RUN_ON_WORDS or following.strip()[:1].islower()


def _mend_drop_caps(paragraphs: list[Paragraph], text: str) -> tuple[Paragraph, ...]:
    """Put a drop cap back on its paragraph.

    A scraper gives the big first letter ("<span>P</span>resident ...") a line or a
    block of its own, so "P" / "resident Joko ..." arrives as two paragraphs; or it
    loses the letter, and a standfirst printed again as the first paragraph arrives
    as "... the coming months" / "hile the dust ...". A lone capital over a paragraph
    that opens in lower case is joined to it; a paragraph that repeats the one above
    but for its first letter gets that letter back.
    """
    mended: list[Paragraph] = []
    pending: Paragraph | None = None
    for paragraph in paragraphs:
        body = paragraph.text
        if pending is not None:
            if body[:1].islower():
                gap = " " if _cap_is_a_word(pending.text, body, text) else ""
                body = pending.text + gap + body
                paragraph = replace(paragraph, line=pending.line)
            else:
                mended.append(replace(pending, number=len(mended) + 1))
            pending = None
        if _drop_cap(body):
            pending = replace(paragraph, text=body)
            continue
        if mended and _lost_drop_cap(mended[-1].text, body):
            body = mended[-1].text.lstrip()[0] + body
        mended.append(replace(paragraph, number=len(mended) + 1, text=body))
    if pending is not None:
        mended.append(replace(pending, number=len(mended) + 1))
    return tuple(mended)


def _mend_broken_blocks(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """Join a paragraph that stops on a word no sentence ends on ("... replaced the
    Organisation of") to the paragraph after it, which a stray blank line cut off from it
    ("African Unity (OAU), hotter topics ..."): one sentence, one paragraph. So does a
    long run of words with no sentence end over a block going on in lower case ("...
    sealing a deal to cut tariffs on goods" / "from textiles to whisky ..."). Both must
    read as running words, not labels, and the first must be long enough to be prose."""
    mended: list[Paragraph] = []
    pieces: list[list[str]] = []  # each paragraph's blocks, joined once at the end
    # What `_broken_off` reads of each: its text, or when long its start and its end (so
    # a chain of blocks joined one by one is read in linear time, not re-split each step).
    views: list[str] = []
    for paragraph in paragraphs:
        if mended and _broken_off(
            views[-1],
            paragraph.text,
            first=len(pieces[-1]) == 1 and mended[-1].text == paragraphs[0].text,
            listed=len(views) > 1 and views[-2].endswith(","),
            top=len(mended) <= TEASER_BLOCKS,
        ):
            pieces[-1].append(paragraph.text)
            view = f"{views[-1]} {paragraph.text}"
            if len(view) > MENDED_VIEW_CHARS:
                view = f"{view[:MENDED_VIEW_HEAD]} {view[MENDED_VIEW_HEAD - MENDED_VIEW_CHARS :]}"
            views[-1] = view
            continue
        mended.append(replace(paragraph, number=len(mended) + 1))
        pieces.append([paragraph.text])
        views.append(paragraph.text)
    return tuple(
        replace(p, text=" ".join(parts)) if len(parts) > 1 else p
        for p, parts in zip(mended, pieces, strict=True)
    )


def _broken_off(
    text: str, following: str, *, first: bool = False, listed: bool = False, top: bool = False
) -> bool:
    """`text` breaks off mid-sentence (on a word like "of", or anywhere in a long run of
    words without a stop) and `following` goes on with it. `first`: `text` is the page's
    first block (its headline, as often as not). `listed`: the block above `text` ends on
    a comma too (items of a list, one a block). `top`: `text` is among the page's first
    blocks (`TEASER_BLOCKS`), where a teaser may stand."""
    words, after = text.split(), following.split()
    if len(words) < BROKEN_MIN_WORDS or not after or _LIST_LINE.match(following):
        return False
    last = words[-1].casefold()
    # A long clause stopping on two such words ("... and to" / "'Renew' their ..."): no
    # headline or label ends so, whatever case the next block opens in, and it may go on
    # into a quotation. Not over a dateline or a byline, nor a cut caption or teaser at the
    # page's top sharing names with the story under it: those open a story of their own.
    two_words = (
        len(words) >= BROKEN_LONG_WORDS
        and last in _RUN_ON_WORDS
        and words[-2].casefold() in _RUN_ON_WORDS
        and not _DATELINED.match(following)
        and not _BYLINE.match(following)
        and not (top and _loose_end_refused(text, following, listed=listed, top=top))
    )
    if (
        len(words) >= BROKEN_LONG_WORDS
        and not first
        and text[-1:].isalnum()
        and after[0][:1].islower()
        and not _lower_case_name(after[0])
        and not _headline(words)
        and _clause(words)
        and _clause(after)
        and not _LABELLED.match(text)
    ):
        # A long run of words with no sentence end, and the next block going on in lower
        # case: one sentence a stray blank line cut, whatever word it stopped on.
        return True
    return (
        (
            last in _BROKEN_OFF_WORDS
            or (last in _RUN_ON_WORDS and (after[0][:1].islower() or after[0][:1].isdigit()))
            or two_words
            # A clause stopping on a comma ("... was held on 6 May in the capital,") over
            # one that goes on ("Ruritania. The summit ..."): a page break of a PDF or a
            # stray blank line cut the sentence; no headline or label ends on a comma.
            or (text.endswith(",") and not first and _SENTENCE_STOP.search(following) is not None)
        )
        and not (
            (text.endswith(",") or last in _LOOSE_ENDS)
            and not (after[0][:1].islower() or after[0][:1].isdigit())
            and _loose_end_refused(text, following, listed=listed, top=top)
        )
        and not _LABELLED.match(text)
        and _clause(words)
        and _clause(after)
        and (after[0][:1].isalnum() or (two_words and _QUOTED_WORD.match(following) is not None))
        and not _NUMBERED.match(following)
    )


def _loose_end_refused(text: str, following: str, *, listed: bool, top: bool) -> bool:
    """Whether `text`, stopping on a comma or on "than"/"between"/..., stays apart from
    `following`, which opens in capitals: `text` is page furniture (a byline, a caption, a
    stamp, a tag or share line), an item of a list ending on commas, or, at the page's
    top (`top`), a teaser the story under it restates (they share a name: "... talks that aides say will be harder
    than" / "Prime Minister Jane Doe leaves for Washington ...")."""
    if listed or _FURNITURE_LINE.search(text):
        return True
    if not top or _NUMBERED.match(text):
        return False  # a statement's numbered item goes on over a page break, names and all
    names = {m.group().casefold() for m in _CAPITALISED.finditer(text)} - _NOT_NAMES
    return any(m.group().casefold() in names for m in _CAPITALISED.finditer(following))


def _lower_case_name(word: str) -> bool:
    """A name that opens in lower case ("iPhone", "eBay", "al-Sudani", "de Gaulle", "von
    der Leyen"), which starts a sentence as it is: no sign the block goes on a sentence."""
    bare = word.strip(_QUOTES + "([")
    head = bare.split("-", 1)[0].split("\u2019", 1)[0].split("'", 1)[0].casefold()
    return any(c.isupper() for c in bare[1:]) or head in _NAME_PARTICLES


def _headline(words: list[str]) -> bool:
    """Mostly capitalised words and no finite verb: a headline, whatever follows it."""
    alpha = [w for w in words if w[:1].isalpha()]
    capitals = sum(w[:1].isupper() for w in alpha)
    finite = any(w.casefold().strip(",;:") in FINITE_VERBS for w in words)
    return bool(alpha) and capitals * 2 >= len(alpha) and not finite


def _cap_is_a_word(letter: str, body: str, text: str) -> bool:
    """Whether a drop cap that is a word on its own ("A", "I") is one here: "A" / "new
    round" reads "A new round" when the copy uses "new" elsewhere and never "anew"."""
    first = _WORD.match(body)
    if letter.lstrip(_QUOTES).upper() not in ("A", "I") or first is None:
        return False
    counts = Counter(word.casefold() for word in _WORD.findall(text))
    joined = (letter.lstrip(_QUOTES) + first.group()).casefold()
    return counts[joined] == 0 and counts[first.group().casefold()] >= 2


def _drop_cap(text: str) -> bool:
    """A drop cap on a line of its own: one capital letter, perhaps after an opening quote."""
    letter = text.lstrip(_QUOTES)
    return len(letter) == 1 and letter.isupper() and len(text) <= 2


def _lost_drop_cap(previous: str, line: str) -> bool:
    """`line` repeats `previous` but for its first letter (a capital): the same text printed
    again with its drop cap lost, not `previous` going on in lower case."""
    previous, line = previous.strip(), line.strip()
    size = min(len(previous) - 1, DROP_CAP_REPEAT)
    return (
        size >= MIN_DROP_CAP_REPEAT
        and previous[:1].isupper()
        and line[:1].islower()
        and line.startswith(previous[1 : 1 + size])
    )


def wrap_width(lines: list[str]) -> int:
    """The column hard-wrapped copy was wrapped at, or 0 when it was not wrapped.

    `lines` are those followed by another line of the same block. Wrapped
    copy has a ragged right edge: the lines that end mid-sentence end near one
    width, while scraped copy's one-paragraph lines end anywhere.
    """
    # A line printed twice (a credit over its alt text) is one line's evidence of a wrap.
    distinct = list(dict.fromkeys(line.rstrip() for line in lines))
    open_ended = [len(line) for line in distinct if not line.endswith(_SENTENCE_END)]
    if len(open_ended) < 3:
        return 0
    # The edge: the width that the most open-ended lines end just short of (a
    # headline or a dateline among them does not move it).
    near, width = (
        max(
            (sum(WRAP_EDGE * w <= n <= w for n in open_ended), w)
            for w in set(open_ended)
            if w <= MAX_WRAP_WIDTH
        )
        if any(w <= MAX_WRAP_WIDTH for w in open_ended)
        else (0, 0)
    )
    within = sum(len(line.rstrip()) <= width for line in lines) / len(lines)
    # Most lines stay within the width; when most end mid-sentence (wrapped
    # prose does) a few longer unwrapped paragraphs among them are allowed.
    mostly_open = len(open_ended) >= 0.5 * len(lines)
    # A line stopping mid-sentence short of half the width was not wrapped there (a
    # headline, a byline or a label over the story's first line, in the same block).
    wrapped_there = sum(n >= width / 2 for n in open_ended)
    if (
        not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH
        or near < max(3, 0.6 * wrapped_there)
        or within < (0.75 if mostly_open else 0.9)
    ):
        return 0
    # The edge was found from lines stopping mid-sentence; one ending a sentence may fill
    # the line a little further ("... a common tariff for fuel." one column past the
    # longest open line): the wrap width is at least that long.
    return max(
        (n for n in (len(line.rstrip()) for line in lines) if n <= width * WRAP_SLACK),
        default=width,
    )


def _has_sentence(lines: list[str]) -> bool:
    """A sentence ends somewhere in the block. A block of lines with none (a page
    header of labels, credits and share buttons) is not wrapped prose, however
    evenly its lines end, so it neither sets the wrap width nor is joined by it."""
    return any(_SENTENCE_STOP.search(line) for line in lines)


def _block_width(lines: list[str]) -> int:
    """Too few lines to measure the whole copy: a short block's own longest line, when
    the run from it (joined at that width) reaches a sentence's end or the block's last
    line. A run stopping short of both ended a line of its own there, so the guess is made
    again from the lines below that stop (0 when no sentence ends among them)."""
    longest = max(len(line) for line in lines)
    wrapped = len(lines) > 1 and MIN_WRAP_WIDTH // 2 <= longest <= FALLBACK_WRAP_WIDTH
    # Wrapped copy never prints a whole line twice: a block that does (a caption printed
    # again under a player's message, a headline over its repeat) keeps a line each.
    wrapped = wrapped and len({line.strip() for line in lines}) == len(lines)
    if wrapped:
        # Wrapped at that width, the longest line's run goes on to a sentence's end or to
        # the block's. One stopping short of both, over a line that does not join it,
        # ended a line of its own (a caption or a label over another: "Leaders open talks
        # in X" / "Why you can trust Outlet" / "Why is X in Y?", or a headline over a
        # byline), so the longest line only looked full: the lines below the stop may
        # still be wrapped copy at a width of their own (a sentence under the byline).
        at = next(i for i, line in enumerate(lines) if len(line) == longest)
        while at + 1 < len(lines) and _runs_on(lines[at], lines[at + 1], longest, measured=False):
            at += 1
        wrapped = at == len(lines) - 1 or lines[at].rstrip().endswith(_SENTENCE_END)
        if not wrapped:
            rest = lines[at + 1 :]
            return _block_width(rest) if _has_sentence(rest) else 0
    return longest if wrapped else 0


def _runs_on(
    line: str,
    following: str,
    width: int,
    measured: bool,
    spaced: bool = False,
    inside: bool = False,
    top: bool = False,
) -> bool:
    """Whether `line` continues on `following` (same paragraph) or ends a paragraph.

    A full line that ends a sentence joins only when the whole copy is
    measurably wrapped; a lone block's guess is not enough to merge sentences.
    `spaced`: the lines were one-line blocks of copy wrapped double-spaced, where a blank
    line parts them all, so a line that ends a sentence ends its paragraph. `inside`: the
    line goes on a paragraph begun on an earlier line; `top`: the line is the copy's first.
    """
    line = line.rstrip()
    if line.endswith(" |") and not following.rstrip().endswith("|"):
        # A bar closing the line, over one without (a caption scraped with its picture's
        # frame, "... Jane Doe |" over the story): the block ends there; a table's rows
        # all end on one.
        return False
    if _LIST_LINE.match(following):
        # A list stays one paragraph; what leads into it not, nor a blog's footer below
        # it marked as items ("- Comment (0)", "- Trackback(0)", "- 10/7 15:26").
        footer = LIST_FOOTER.match(following) or LIST_FOOTER.match(line)
        return bool(_LIST_LINE.match(line)) and not footer
    if _LABELLED.match(following) and (line.endswith(":") or _LABELLED.match(line)):
        # Lines that each open with a label and a colon ("Ruritania : H.E. Jane Doe"), or
        # the lead-in above them, are a list's lines, however near the wrap width they end.
        return False
    if (
        _TITLE_BEFORE_NAME.search(line)
        and _NAME_OPENING.match(following.strip())
        and not _PLACE_BEFORE_TITLE.search(line)
    ):
        return True
    if width and _date_broken(line, following):  # wrapped copy only: a line is a paragraph else
        return True
    if (
        measured
        and line.endswith(_QUOTE_CLOSERS)
        and line[-2:-1].isalnum()
        and following.strip()[:1].islower()
    ):
        # A quoted word closing the line ('... Dialogue, or "two-plus-two"' over 'talks,
        # between ...'): its mark ends no sentence, and the copy goes on in lower case.
        return True
    if line.endswith(_SENTENCE_END):
        return (
            not spaced
            and measured
            and _full(line, following, width)
            and not _ends_paragraph(following)
        )
    last = line.rsplit(None, 1)[-1].casefold() if line.strip() else ""
    if line.strip() == "-" or (
        line.endswith(" -")
        and following.rstrip().endswith(" -")
        and not (measured and len(line) >= WRAP_EDGE * width)
        and _word_before_dash(line) not in _RUN_ON_WORDS
    ):
        # A lone dash, or lines that each end with a spaced dash: a list of items the site
        # parts with dashes ("Star walks out of interview -"), not a sentence going on. Not
        # wrapped prose whose aside opens at a line's end ("ending two years of -" / "often
        # bitter - talks ... and -"): a line filling the width, or one stopping on "of".
        return False
    words = line.split()
    going_on = following.strip()[:1].islower()
    # A lone word on its line ("But") over a line opening a sentence in capitals is a
    # stray fragment, not the start of that sentence: wrapped lines are never one word.
    stray = len(words) == 1 and not going_on
    if (
        line.endswith(";")
        and len(line) > MAX_WRAP_WIDTH
        and line.count(";") == 1
        and _CLAUSE_OPENER.match(following)
        and (_CLAUSE_OPENER.match(line) or following.rstrip().endswith(";"))
        and not _DATELINED.match(line)
    ):
        # A line longer than any wrap width, one clause ending on ";", over a clause opening
        # as a declaration's do ("RECALLING ...", "Noting ..."), in a run of such clauses
        # (this one opens so too, or the next ends on ";"): each is a paragraph of its
        # own, printed one a line, not wrapped. (A list of names parted by ";" goes on, and
        # so does a story's sentence over "During the talks, ..." or "NATO officials ...".)
        return False
    if line.endswith((",", ";", "-", "\u2013", "\u2014")) or (last in _RUN_ON_WORDS and not stray):
        return True
    if measured and _open_quote(line):
        return True  # a quotation opened on this line goes on on the next
    if words and words[-1].lstrip(_QUOTES)[:1].islower() and going_on:
        return True  # a sentence going on in lower case across the break
    if going_on and _clause(words) and following.split()[0].rstrip(".,;:!?").isalpha():
        return True  # no paragraph opens in lower case: "... on Wednesday" / "says the"
    if going_on and following.split()[0] in _RUN_ON_WORDS and any(w.islower() for w in words):
        return True  # a short line of prose going on: "discussion with Jane Doe" / "and John Roe."
    if going_on and len(words) >= 2 and following.split()[0] in _RUN_ON_WORDS:
        # A name broken before its sentence goes on ("The Commonwealth Heads" / "of
        # Government meeting has opened ..."): the sentence is one paragraph.
        return _clause(following.split()) and _SENTENCE_STOP.search(following) is not None
    if (
        measured
        and going_on
        and 1 <= len(words) <= NAME_LINE_WORDS
        and all(w.isalpha() for w in words)
        and _clause(following.split())
        and _lower_word(following.split()[0])
    ):
        # In wrapped copy, a lone word or a short name over a clause going on in lower
        # case is the sentence's start, left on its line ("Ministers" / "committed to
        # meet ...", "The United Nations" / "welcomes the ..."): no paragraph opens in
        # lower case, so the line is no subhead over one. A paragraph may open on a
        # name spelt in lower case ("von der Leyen", "iPhone", "eBay"): a subhead's over it.
        return True
    lower = sum(w[:1].islower() for w in words)
    # The line goes on a paragraph already begun: above it, or in it (a sentence, a dateline).
    begun = inside or bool(_SENTENCE_STOP.search(line) or _DATELINED.match(line))
    if (
        spaced
        and (begun or not top)
        and not _DATELINED.match(following)
        and measured
        and WRAP_EDGE * width <= len(line) <= width
        and _clause(words)
        and not _ends_paragraph(following)
        and not _NUMBERED.match(following)
    ):
        # In copy wrapped double-spaced, a clause that stops without its end within the
        # ragged right edge was wrapped there, whatever the next line opens with ("Foreign
        # Minister Jane" / "Doe and ..."), once a paragraph has begun above it (a headline
        # ends there too). (In a block of lines, captions and headlines without full stops
        # end there too: there the line must be full.)
        return True
    if spaced and not begun and (top or _DATELINED.match(following) or _BYLINE.match(following)):
        # In double-spaced copy, the copy's first line, or a line over a dateline or a
        # byline, with no sentence in it joins the next only when it plainly runs on
        # (above): a headline ends near the width too ("... on grain and steel" /
        # "GENEVA, May 4 (Reuters) - ..."). Further down, "... Foreign Minister Jane" /
        # "Doe and ..." at a paragraph's start is one sentence (the rule above).
        return False
    if (
        inside
        and len(words) >= BROKEN_LONG_WORDS
        and not _LIST_LINE.match(line)
        and words[-1].lstrip(_QUOTES)[:1].isupper()
        and _NAME_GOES_ON.match(following)
        and _clause(words)
        and following.strip()[:1].isalnum()
        and not _NUMBERED.match(following)
        and not _DATELINED.match(following)
    ):
        # A long line with no sentence end, going on a paragraph begun above it: ragged
        # copy broken mid-name ("... the Western and Central Pacific Fisheries" /
        # "Commission (WCPFC) ..."), however wide the lines run. Only mid-name: a list's
        # last item or a paragraph a line that lost its stop ("... after the damage" /
        # "Norway's minister said ...") ends there, over the next paragraph.
        return True
    if (
        inside
        and _clause(words)
        and _unfinished(words)
        and _SENTENCE_STOP.search(line) is None
        and _untold_tail(following)
    ):
        # Ragged copy broken after a word leaving its sentence open ("... and on providing" /
        # "Mongolia with aviation fuel."): the sentence begun above is still open, and
        # the line under it opens on a name but tells nothing of its own (no verb before
        # its stop), so it is that sentence's tail, not a paragraph. A line that lost its
        # stop over a sentence of its own ("... after the damage" / "Norway's minister
        # said ...") ends there, as before.
        return True
    if measured and len(words) >= CLAUSE_LINE_WORDS and lower >= 2 and "," in line[:-1]:
        # In wrapped copy, a clause with a comma inside and no end goes on, however short the
        # line ("In today's meeting, the President and Prime" / "Minister Doe agreed ...").
        return True
    return bool(width) and _full(line, following, width)


# Words a sentence cannot stop on (with _RUN_ON_WORDS): a line broken after one of them,
# or after a verb in "-ing" wanting its object ("... on providing" / "Elbonia with ..."),
# is plainly unfinished. A line ending on a noun ("... in the south") may have lost its
# stop over a short sentence of its own ("No deal yet.").
_UNFINISHED_WORDS = _RUN_ON_WORDS | frozenset(
    (
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "both",
        "despite",
        "during",
        "each",
        "either",
        "every",
        "including",
        "into",
        "like",
        "near",
        "neither",
        "nor",
        "onto",
        "over",
        "per",
        "since",
        "such",
        "than",
        "these",
        "this",
        "those",
        "through",
        "toward",
        "towards",
        "under",
        "until",
        "upon",
        "via",
        "whether",
        "while",
        "within",
        "without",
        "our",
        "your",
        "my",
        "whose",
        "whom",
    )
)


_DETERMINERS = frozenset("the a an this that its their his her our your my each every".split())  # noqa: SIM905
# Words in "-ing" that are nouns a sentence may stop on ("... in the spring").
_ING_NOUNS = frozenset(
    "morning evening spring nothing something anything everything string ceiling wedding".split()  # noqa: SIM905
)


def _unfinished(words: list[str]) -> bool:
    """Words whose last, in lower case, is one a sentence cannot stop on (see
    _UNFINISHED_WORDS), or a verb in "-ing" (no noun after "the" or "a")."""
    if not words or not _lower_word(words[-1]):
        return False
    word = words[-1].rstrip(".,;:!?")
    if word in _UNFINISHED_WORDS:
        return True
    before = words[-2].casefold() if len(words) > 1 else ""
    return (
        len(word) > 5
        and word.endswith("ing")
        and word not in _ING_NOUNS
        and before not in _DETERMINERS
    )


def _untold_tail(following: str) -> bool:
    """A line opening on a capital with no verb before its first sentence stop (nor
    before its end, when it has none): the rest of a sentence broken before a name,
    never a sentence of its own. A word ending in "ed", a finite verb from the list, or
    a word in "s" right after the opening name ("Elbonia sends ...") is a verb."""
    stripped = following.strip()
    if (
        not stripped[:1].isupper()
        or _LIST_LINE.match(following)
        or _NUMBERED.match(following)
        or _DATELINED.match(following)
        or _BYLINE.match(following)
        or _LABELLED.match(following)
    ):
        return False
    stop = _SENTENCE_STOP.search(stripped)
    words = [
        w.strip(".,;:!?\"'\u2019\u201d()") for w in stripped[: stop.end() if stop else None].split()
    ]
    if not 2 <= len(words) <= BROKEN_LONG_WORDS:
        return False
    opening = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))
    for i, word in enumerate(words):
        low = word.casefold()
        if low in FINITE_VERBS or (word.islower() and low.endswith("ed")):
            return False
        if i == opening and low.endswith("s") and not low.endswith(("ss", "'s", "\u2019s")):
            return False
    return True


def _date_broken(line: str, following: str) -> bool:
    """A clause broken inside its date: "... in Oslo on March" / "9, before ...", or
    "... will meet on 18" / "July in ...". A label or a headline ending in a month
    ("Summit diary: March") is no clause, so the day under it opens its own line."""
    if not _clause(line.split()):
        return False
    return bool(
        (_MONTH_ENDS.search(line) and _DAY_OPENS.match(following))
        or (_DAY_ENDS.search(line) and _MONTH_OPENS.match(following))
    )


def _word_before_dash(line: str) -> str:
    """The word a line ending in a spaced dash stops on, casefolded ("of" in "years of -")."""
    words = line.split()
    return words[-2].casefold() if len(words) >= 2 else ""


def _lower_word(word: str) -> bool:
    """A word in lower case throughout and no name's particle: a sentence going on, not a
    name opening one ("von", "al-Rashid", "iPhone", "eBay")."""
    word = word.rstrip(".,;:!?")
    return word.isalpha() and word.islower() and word not in _NAME_OPENERS


def _clause(words: list[str]) -> bool:
    """Words of running prose, not a label or a stamp: long enough, with some
    lower-case words among them ("from the ... on Wednesday")."""
    lower = sum(w.isalpha() and w.islower() for w in words)
    return len(words) >= CLAUSE_LINE_WORDS and lower >= 2


class _WordPairs:
    """The words the copy prints side by side on one line, casefolded: each word with
    the sorted words that follow it. Asking whether "prime minister" is written out
    somewhere is then a dict lookup and a bisection, not a search of the whole copy
    (once a line, that made 1 MB of wrapped copy take seconds). Made on first question:
    most copy never asks."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._after: dict[str, list[str]] | None = None

    def has(self, word: str, following: str) -> bool:
        """Some word equal to `word` is followed, after one space, by a word that opens
        with `following` ("minister" also in "ministers")."""
        if self._after is None:
            after: dict[str, set[str]] = {}
            for found in _WORD_PAIR.finditer(self._text.casefold()):
                after.setdefault(found[1], set()).add(found[2])
            self._after = {each: sorted(words) for each, words in after.items()}
        words = self._after.get(word.casefold(), [])
        first = following.casefold()
        at = bisect_left(words, first)
        return at < len(words) and words[at].startswith(first)


_WORD_PAIR = re.compile(r"([^\W\d_]+) (?=([^\W\d_]+))")


def _broken_name(line: str, following: str, pairs: _WordPairs) -> bool:
    """In wrapped copy, a line that stops at a capitalised word before a line opening with
    one breaks a name the copy spells out elsewhere on one line ("Prime" / "Minister"):
    a paragraph's short first line, not a subhead."""
    line = line.rstrip()
    if not line or line.endswith(_SENTENCE_END) or not following.strip():
        return False
    last = line.rsplit(None, 1)[-1]
    first = following.split(None, 1)[0]
    if not (last[:1].isupper() and first[:1].isupper() and last.isalpha() and first.isalpha()):
        return False
    return pairs.has(last, first)  # "De" / "Mistura": "de Mistura"


def _open_quote(line: str) -> bool:
    """The line opens a double quotation it does not close."""
    return line.count("\u201c") > line.count("\u201d") or line.count('"') % 2 == 1


# A sentence's full stop closing a line, after a word that is no abbreviation ("Mr.",
# "Gen.", "U.S.", "a.m."), and a sentence opening the next line.
_EDGE_STOP = re.compile(r"(?<![.\w'\u2019-])(?P<word>[\w'\u2019-]+)[.!?][\"'\u2019\u201d)]*$")
_NEW_SENTENCE = re.compile(r"^[\"'\u201c\u2018(]?[A-Z0-9]")
# A sentence ending inside a line, another opening after it.
_MID_STOP = re.compile(
    r"(?<![.\w'\u2019-])[\w'\u2019-]{2,}[.!?][\"'\u2019\u201d)]*\s+[\"'\u201c\u2018(]?[A-Z]"
)


def _stops_at_edge(line: str, following: str) -> bool:
    """A line ending a sentence (no abbreviation's point) over a line opening one."""
    found = _EDGE_STOP.search(line.rstrip())
    if found is None or not _NEW_SENTENCE.match(following.strip()):
        return False
    word = found.group("word")
    return not (len(word) <= 3 and word[:1].isupper()) and "." not in word


def _short_paragraphs(blocks: list[list[str]], width: int) -> bool:
    """Wrapped copy written in paragraphs of a sentence or so, parted by a single newline
    (a wire's): inside its blocks, more sentences end a paragraph (a line stopping short
    of the width) than end inside a line with the paragraph going on. A full line's
    sentence end is as likely to be either kind as any, so there it more likely ends a
    paragraph too. Copy in long paragraphs (a magazine's) joins it, as before; so does
    copy whose paragraphs open with an indent."""
    if any(line[:1] in " \t" for lines in blocks for line in lines[1:]):
        return False
    ends = stops = 0
    for lines in blocks:
        inner = sum(
            1
            for line, following in pairwise(lines)
            if _stops_at_edge(line, following) and not _full(line.rstrip(), following, width)
        )
        if inner:
            ends += inner + 1
            stops += sum(len(_MID_STOP.findall(line)) for line in lines)
    return ends >= 3 and ends > stops


def _full(line: str, following: str, width: int) -> bool:
    """The next line's first word would not have fitted on this one (a line longer
    than the width was not wrapped at all)."""
    first = following.split(None, 1)[0] if following.strip() else ""
    return len(line) <= width < len(line) + 1 + len(first)  # longer: never wrapped


# A wire's credit in brackets under its story ("(Reporting by ...; Editing by ...)").
_BRACKETED_CREDIT = re.compile(
    r"^\((?:additional |further )?(?:reporting|writing|editing|compiled|edited)\b", re.I
)


def _ends_paragraph(following: str) -> bool:
    """A sentence end at the edge still ends a paragraph before a list item, an indent or
    a wire's bracketed credit line."""
    return following.startswith((" ", "\t", "-", "*", "\u2022")) or bool(
        _BRACKETED_CREDIT.match(following)
    )


def _cut(line: str, width: int) -> bool:
    """A single line that stops mid-sentence at the wrap edge: copy cut off there."""
    stripped = line.rstrip()
    return not stripped.endswith(_SENTENCE_END) and len(stripped) >= WRAP_EDGE * width


def split_markdown(text: str, first_line: int = 1) -> tuple[Paragraph, ...]:
    """Markdown: blank-line separated blocks; headings set the topic context.

    A heading line is never a paragraph; it is remembered as `heading` on the
    blocks under it. Fenced code keeps its blank lines inside one block.
    """
    return split_markdown_parts(text, first_line)[0]


def split_markdown_parts(
    text: str, first_line: int = 1
) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """`split_markdown`'s paragraphs, and the blocks that were only an HTML comment.

    A comment-only block is not shown, but it keeps its paragraph number: the numbers
    `explain` showed before comments were left out (and that `sections:`, `drop:` and
    `keep:` hold) still name the same paragraphs.
    """
    paragraphs: list[Paragraph] = []
    comments: list[Paragraph] = []
    heading: str | None = None
    blocks = _markdown_blocks(text, first_line)
    hidden = _spanning_comments(blocks)
    for index, (start, block) in enumerate(blocks):
        at, lines = _without_comments(start, block)
        if index in hidden:  # inside a comment spanning blank lines, or its last lines
            if _heading(block) is not None:
                continue  # a heading never took a number
            at, lines = hidden[index]
        number = len(paragraphs) + len(comments) + 1
        if not lines:  # a block that was only an editor's note
            comments.append(Paragraph(number, start, "\n".join(block), heading))
            continue
        heading_text = _heading(lines)
        if heading_text is not None:
            heading = heading_text
            continue
        paragraphs.append(Paragraph(number, at, "\n".join(lines), heading))
    return tuple(paragraphs), tuple(comments)


# An HTML comment as CommonMark 0.31 reads one (`<!-->` and `<!--->` are complete, empty
# comments), or a code span (kept whole: a comment inside one is its text).
_COMMENT_OR_CODE = re.compile(r"(`+)(?:(?!\1).)*?\1|<!---?>|<!--.*?-->", re.DOTALL)
_INDENTED_CODE = re.compile(r"^(?: {4}|\t| {1,3}\t)")


_COMMENT_BLOCK = re.compile(r"^ {0,3}<!--")
_EMPTY_COMMENT = re.compile(r"<!---?>")


def _spanning_comments(
    blocks: list[tuple[int, list[str]]],
) -> dict[int, tuple[int, list[str]]]:
    """The blocks a comment spanning blank lines covers, each with what is left of it
    (nothing, or the text after the `-->` that closes it): a block that opens with
    `<!--` and does not close it runs on to the first `-->`, as CommonMark's HTML
    block does. One never closed is left alone (it is shown, as text)."""
    covered: dict[int, tuple[int, list[str]]] = {}
    index = 0
    while index < len(blocks):
        block = blocks[index][1]
        text = "\n".join(block).lstrip(" ")
        if not _COMMENT_BLOCK.match(block[0]) or _EMPTY_COMMENT.match(text) or "-->" in text[4:]:
            index += 1
            continue
        end = next(
            (j for j in range(index + 1, len(blocks)) if "-->" in "\n".join(blocks[j][1])), None
        )
        if end is None:
            return covered
        for inside in range(index, end):
            covered[inside] = (blocks[inside][0], [])
        last_start, last = blocks[end]
        closed = "\n".join(last)
        rest = closed[closed.index("-->") + 3 :].split("\n")
        at, kept = _without_comments(last_start + len(last) - len(rest), rest)
        blank = next((i for i, line in enumerate(kept) if line.strip()), len(kept))
        covered[end] = (at + blank, [line for line in kept if line.strip()])
        index = end + 1
    return covered


def _without_comments(start: int, lines: list[str]) -> tuple[int, list[str]]:
    """The block without its HTML comments (`<!-- check the date -->`, Hugo's
    `<!--more-->`) and the lines they leave empty, and its first line's number.

    Markdown leaves comments out of the page; with raw HTML off each was shown to
    readers as its text, an editor's private note among the paragraphs. Code keeps
    them: a fenced block, or one indented four spaces (or a tab), where they are code.
    """
    text = "\n".join(lines)
    if "<!--" not in text or _FENCE.match(lines[0]) or _INDENTED_CODE.match(lines[0]):
        return start, lines
    kept = _COMMENT_OR_CODE.sub(lambda m: m.group() if m.group(1) else "", text).split("\n")
    if len(kept) != len(lines):  # (a comment's own newlines are gone: lines no longer align)
        kept = [line for line in kept if line.strip()]
        return start, kept
    first = next((i for i, line in enumerate(kept) if line.strip()), len(kept))
    return start + first, [line for line in kept if line.strip()]


def _heading(lines: list[str]) -> str | None:
    """The heading's text if this block is a heading, else None."""
    if len(lines) == 1:
        match = _ATX_HEADING.match(lines[0])
        if match:
            return (match.group(2) or "").strip()
    if len(lines) == 2 and _SETEXT_RULE.match(lines[1]) and not _ATX_HEADING.match(lines[0]):
        return lines[0].strip()
    return None


def _markdown_blocks(text: str, first_line: int) -> list[tuple[int, list[str]]]:
    """Blank-line blocks, but ATX headings stand alone and fences stay whole."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = first_line
    fence: str | None = None
    unicode_breaks = _has_unicode_break(text)  # as in `_blocks`
    if unicode_breaks:
        text = "\n".join(_join_broken_cells(line) for line in text.split("\n"))
    numbered = enumerate(text.split("\n"), first_line)
    for number, raw in _unicode_lines(numbered) if unicode_breaks else numbered:
        line = raw.rstrip(" \t")
        # Both patterns need their mark ("`" or "~", "#") within the first four
        # characters: a look there spares most lines of prose two regex calls.
        opening = line[:4]
        fence_match = _FENCE.match(line) if "`" in opening or "~" in opening else None
        if fence is not None:
            current.append(line)
            if fence_match and fence_match.group(1)[0] == fence[0]:
                fence = None
            continue
        if _blank(line) or ("#" in opening and _ATX_HEADING.match(line)):
            if current:
                out.append((start, current))
                current = []
            if not _blank(line):
                out.append((number, [line]))
            continue
        if not current:
            start = number
        if fence_match:
            fence = fence_match.group(1)
        current.append(line)
    if current:
        out.append((start, current))
    return out


def _has_unicode_break(text: str) -> bool:
    """Whether `text` holds U+2028 or U+2029 (`_UNICODE_BREAK`): two substring tests
    on the whole article, where the regex checked every character against a class
    (an ASCII or Latin-1 text cannot hold either, and `in` answers that at once)."""
    return "\u2028" in text or "\u2029" in text


def _join_broken_cells(line: str) -> str:
    """The file line with each U+2028/U+2029 that breaks a table row inside a cell made
    a space: the text since the line's start or the last separator kept opens a row
    ("|") and does not yet end with its closing "|". Every other separator is kept,
    so prose before a row, a row ending its line, and rows one a separator apart stay
    as they were. (Plain string tests: a regex for a row backtracks without end on a
    long line of bars.)"""
    if "\u2028" not in line and "\u2029" not in line:
        return line
    parts = _UNICODE_BREAK_KEPT.split(line)
    out: list[str] = []
    segment = parts[0]
    for index in range(1, len(parts), 2):
        separator, following = parts[index], parts[index + 1]
        if _ROW_START.match(segment) and not segment.rstrip(" \t").endswith("|"):
            segment += " " + following
        else:
            out.append(segment + separator)
            segment = following
    out.append(segment)
    return "".join(out)


def _unicode_lines(numbered: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Each file line split where U+2028 or U+2029 ends a line (`_UNICODE_LINES`),
    each part with its file line."""
    for number, line in numbered:
        for part in _UNICODE_LINES.split(line):
            yield number, part


def read_article(root: Path, files: ArticleFiles) -> SourceArticle:
    """Read one article's files (the only file I/O of this stage)."""
    sidecar = _read(root, files.sidecar) if files.sidecar is not None else None
    return parse_article(files, _read(root, files.article), sidecar)


def read_bytes(root: Path, files: ArticleFiles) -> tuple[bytes, bytes | None]:
    """An article's raw bytes and its sidecar's: what the build cache keys on."""
    sidecar = _read(root, files.sidecar) if files.sidecar is not None else None
    return _read(root, files.article), sidecar


def parse_article(files: ArticleFiles, data: bytes, sidecar: bytes | None) -> SourceArticle:
    """An article from its files' bytes."""
    if files.sidecar is None or sidecar is None:
        return parse_markdown_article(decode(data, files.article), files.article)
    text_problems: tuple[Problem, ...] = ()
    try:
        text = decode(data, files.article)
        _require_text(text, files.article)
    except ContentError as exc:  # the sidecar is still read: one run names both files'
        text, text_problems = "", tuple(exc.problems)
    try:
        sidecar_text = decode(sidecar, files.sidecar)
    except ContentError as exc:
        raise ContentError([*text_problems, *exc.problems]) from exc
    return parse_text_article(text, files.article, sidecar_text, files.sidecar, text_problems)


def _read(root: Path, path: str) -> bytes:
    """The file's bytes, refusing one too big to be an article before reading it."""
    try:
        with (root / path).open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ContentError.unreadable(Location(path), exc) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ContentError.at(
            Location(path, 1), f"file is larger than {MAX_FILE_BYTES:,} bytes: is it an article?"
        )
    return data


def read_config(site: Path, base_url: str | None = None) -> SiteConfig:
    """`briefing.yaml` if the site has one; `-b` overrides its base_url."""
    path = site / CONFIG_FILE
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a loop, before Python 3.13
            # Not no settings: the site would build on the defaults, and say nothing.
            message = (
                f"a symlink to {os.readlink(path)!r}, which does not lead to a file: "
                "point it at the settings file, or remove it"
                if isinstance(exc, (FileNotFoundError, NotADirectoryError))
                else "symlink loops: point it at the settings file, or remove it"
                if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP
                else f"symlink cannot be followed: {exc.strerror or exc}; "
                "point it at the settings file, or remove it"
            )
            raise ContentError.at(Location(CONFIG_FILE), message) from None
        if not target.is_relative_to(site.resolve()):
            raise ContentError.at(Location(CONFIG_FILE), "symlink leads out of the site")
    if path.is_dir():  # neither settings nor no settings: say so rather than build on defaults
        raise ContentError.at(
            Location(CONFIG_FILE), "a folder, not a file: the settings go in a file"
        )
    if path.exists() and not path.is_file():  # a pipe would be read as no settings, or hang
        raise ContentError.at(
            Location(CONFIG_FILE), "not a regular file: the settings go in a file"
        )
    try:
        text = decode(path.read_bytes(), CONFIG_FILE) if path.is_file() else None
    except OSError as exc:  # no permission: not the defaults, and not the output's fault
        raise ContentError.unreadable(Location(CONFIG_FILE), exc) from exc
    config = parse_config(text, CONFIG_FILE)
    if base_url:
        config = replace(config, base_url=base_url if base_url.endswith("/") else base_url + "/")
    return config


def content_files(site: Path) -> list[str]:
    """Site-relative POSIX paths of the files in content/ (dotfiles skipped).

    A scandir walk, not rglob: at 1,000 articles it is ten times faster, which
    `serve` feels on every rebuild. Symlinked folders are not entered.
    """
    folder = site / CONTENT_DIR
    if folder.exists() and not folder.is_dir():
        raise ContentError.at(
            Location(CONTENT_DIR), "a file, not a folder: articles go in a folder"
        )
    if not folder.is_dir():
        raise ContentError.at(
            Location(CONTENT_DIR), "no content/ folder: is -s pointing at the site?"
        )
    return site_files(site, CONTENT_DIR)
