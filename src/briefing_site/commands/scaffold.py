"""`new` and `init`: start an article or a whole site that builds as it stands.

Both refuse to overwrite anything. A new article is checked by the same
validator as a build before it is written, so what `new` writes always
passes `check`; `init` copies a small packaged site (data/site/).
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from briefing_site import __version__
from briefing_site.config.schema import valid_zone, zone_problem
from briefing_site.content.lint import LEDE_HINT
from briefing_site.content.load import parse_markdown_article, read_config
from briefing_site.content.metadata import (
    parse_instant,
    reserved_name,
    safe_slug,
    slugify,
    validate,
)
from briefing_site.errors import ContentError, UsageError
from briefing_site.model import Location, SiteConfig
from briefing_site.safetext import shell_path
from briefing_site.site import CONTENT_DIR

if TYPE_CHECKING:
    from briefing_site.commands.propose import Place  # (imported when `new` needs it)

_SITE_FILES = (
    ("briefing.yaml", "briefing.yaml"),
    ("example-briefing.md", f"{CONTENT_DIR}/example-briefing.md"),
    ("templates-README.md", "templates/README.md"),
    ("pages.yml", ".github/workflows/pages.yml"),
    ("dependabot.yml", ".github/dependabot.yml"),
    ("gitignore", ".gitignore"),
)
"""Packaged file → its place in a new site (dotfiles are stored without the dot)."""


@dataclass(frozen=True)
class NewArticle:
    """What `briefing-site new` was told about the article to start."""

    title: str
    event_start: str | None = None
    timezone: str | None = None
    location: str | None = None
    slug: str | None = None  # the file's name, when the title gives none (日本の首脳会談)


def _yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


def _one_line(title: str) -> str:
    """A title pasted with its line break or a tab is one line of single spaces."""
    return " ".join(title.split())


def article_text(spec: NewArticle, config: SiteConfig, now: datetime) -> str:
    """The new article's Markdown: front matter, a lede to replace, a heading per topic."""
    today = now.astimezone(ZoneInfo(config.timezone)).date()
    lines = [
        "---",
        f"title: {_yaml_text(_one_line(spec.title))}",
        'summary: ""           # one or two sentences for the page and the list of briefings',
        f"date: {today.isoformat()}",
        "draft: true           # remove this line to publish",
        *_event_lines(spec, config, now),
        "tags: []",
        "---",
        "",
        LEDE_HINT,
        "",
    ]
    for topic in config.topics:
        lines += [f"## {topic.title}", ""]
    return "\n".join(lines)


def _event_lines(spec: NewArticle, config: SiteConfig, now: datetime) -> list[str]:
    """The event block, or a commented one to fill in when no start was given."""
    zone = spec.timezone or config.timezone
    if spec.event_start is None:
        example = datetime.combine(now.date() + timedelta(days=7), time(10), ZoneInfo(zone))
        return [
            "# event:              # uncomment for a countdown and key facts",
            f"#   name: {_yaml_text(_one_line(spec.title))}",
            f"#   start: {example.isoformat()}",
            f"#   timezone: {zone}",
            '#   location: ""',
        ]
    return [
        "event:",
        f"  name: {_yaml_text(_one_line(spec.title))}",
        f"  start: {spec.event_start.strip()}",
        f"  timezone: {zone}",
        f"  location: {_yaml_text((spec.location or '').strip())}",
        "  # status: cancelled   # when it changes: postponed, cancelled, rescheduled, moved-online",
    ]


def check_new_options(spec: NewArticle, config: SiteConfig, tried: str = "") -> str:
    """The article's slug, or UsageError for options that cannot make a valid article;
    `tried` adds to the error what other zone was tried first (the place's)."""
    # "What's next" → whats-next, not what-s-next: an apostrophe does not split a word.
    if not spec.title.strip():
        raise UsageError("new: the title is empty: give the article's headline")
    if spec.slug is not None:
        if reserved_name(spec.slug):
            raise UsageError(
                f"new: --slug {spec.slug!r} is a reserved device name on Windows; choose another"
            )
        if not safe_slug(spec.slug):
            raise UsageError(
                f"new: --slug {spec.slug!r}: use lower-case letters, digits and single "
                "hyphens, at most 80"
            )
        slug = spec.slug
    else:
        slug = slugify(spec.title.replace("'", "").replace("\u2019", ""))
    if not safe_slug(slug):
        raise UsageError(
            f"new: the title {spec.title!r} gives no usable file name: "
            "name the file with --slug, e.g. --slug summit-talks"
        )
    if spec.event_start is None and (spec.timezone or spec.location):
        raise UsageError("new: --timezone and --location describe the event: add --event-start")
    if spec.timezone is not None and not valid_zone(spec.timezone):
        raise UsageError(f"new: --timezone {zone_problem(spec.timezone)}")
    if spec.event_start is not None:
        try:
            parse_instant(spec.event_start.strip(), spec.timezone or config.timezone)
        except ValueError as exc:
            assumed = spec.timezone is None and "disagrees with" in str(exc)
            hint = f" (no --timezone, so the site's {config.timezone} was used: add one{tried})"
            raise UsageError(f"new: --event-start: {exc}{hint * assumed}") from exc
    return slug


@dataclass(frozen=True)
class NewWritten:
    """The article `new` wrote, and what to tell the editor about its event's zone."""

    path: Path
    note: str = ""  # the zone taken from the place
    warning: str = ""  # the site's zone used for a place not known


@dataclass(frozen=True)
class EventZone:
    """The event's zone as `new` chose it: `spec` (its timezone set from the place, or
    not), a note or warning to say so, and the place's zone an explicit offset refused."""

    spec: NewArticle
    note: str = ""
    warning: str = ""
    refused: str = ""


def zone_from_place(spec: NewArticle, config: SiteConfig) -> EventZone:
    """`spec` with the zone of the place `--location` is (the table `import` reads), and
    a note saying so; else a warning that the site's zone is used, naming the zone of a
    known place the location only contains ("Paris, Texas" is not Paris), or that an
    explicit offset disagrees with the place's. A time at 10:00 in Paris must not go out
    as 10:00 UTC unsaid, nor an editor's `+00:00` be overruled by a place's zone."""
    location = (spec.location or "").strip()
    if spec.timezone or spec.event_start is None or not location:
        return EventZone(spec)
    from briefing_site.commands.propose import place_named, places_in  # only `new` needs it

    site_zone = f"the event's time is in the site's zone, {config.timezone}"
    place = place_named(location) or _place_qualified(location)
    offset = _disagreeing_offset(spec.event_start, place.zone) if place else ""
    if place and offset:
        warning = (
            f"{site_zone}: the offset {offset} of --event-start disagrees with {place.zone}, "
            f"the zone of --location {location}; if the event is there, give its local time "
            f"there, with its offset or with --timezone {place.zone} and no offset"
        )
        return EventZone(spec, warning=warning, refused=place.zone)
    if place:
        note = (
            f"event time zone: {place.zone} (from --location {location}; --timezone sets another)"
        )
        return EventZone(replace(spec, timezone=place.zone), note=note)
    inside = places_in(location) or places_in(location.title())  # "paris, texas" too
    if inside:
        name, zone = inside[0].name, inside[0].zone
        warning = (
            f"{site_zone}: --location {location} names {name}, but is not just that place; "
            f"if the event is in {name}, add --timezone {zone}"
        )
        return EventZone(spec, warning=warning)
    warning = (
        f"{site_zone}: if {location} is elsewhere, add --timezone (e.g. --timezone "
        "Europe/Paris) or set event.timezone"
    )
    return EventZone(spec, warning=warning)


# A US state, Canadian province or Australian state after a city's name: "Paris,
# Texas" is not Paris, nor "London, Ontario" London (a country after it is fine).
_SUBDIVISIONS = frozenset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida "  # noqa: SIM905
    "georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine "
    "maryland massachusetts michigan minnesota mississippi missouri montana nebraska "
    "nevada new_hampshire new_jersey new_mexico new_york north_carolina north_dakota "
    "ohio oklahoma oregon pennsylvania rhode_island south_carolina south_dakota "
    "tennessee texas utah vermont virginia washington west_virginia wisconsin wyoming "
    "alberta british_columbia manitoba new_brunswick newfoundland nova_scotia ontario "
    "prince_edward_island quebec saskatchewan yukon nunavut northwest_territories "
    "new_south_wales queensland victoria tasmania western_australia south_australia "
    "northern_territory".split()
)
# Words of a venue before its city ("Europa building, Brussels").
_VENUE = re.compile(
    r"\b(?:building|hall|palace|house|centre|center|hotel|headquarters|ministry|castle|"
    r"villa|resort|office|parliament|square|base|stadium|museum|embassy|residence|"
    r"complex|chancellery|forum|campus|pavilion|auditorium)\b",
    re.IGNORECASE,
)


def _subdivision(part: str) -> bool:
    words = part.strip().rstrip(".")
    return (len(words) == 2 and words.isupper()) or (
        "_".join(words.casefold().split()) in _SUBDIVISIONS
    )


def _place_qualified(location: str) -> Place | None:
    """The known place a "City, Country" or "Venue, City" location is, or None: the city
    first, with nothing after it that is a state or a place in another zone ("Tokyo,
    Japan", not "Paris, Texas"); or the city last, after a venue ("Europa building,
    Brussels", not "Seattle, Washington")."""
    from briefing_site.commands.propose import place_named

    parts = [part.strip() for part in location.split(",") if part.strip()]
    if len(parts) < 2:
        return None
    first, last = place_named(parts[0]), place_named(parts[-1])
    if first is not None and all(_qualifies(part, first.zone) for part in parts[1:]):
        return first
    if last is not None and all(_VENUE.search(part) for part in parts[:-1]):
        return last
    return None


def _qualifies(part: str, zone: str) -> bool:
    from briefing_site.commands.propose import place_named

    named = place_named(part)
    return named.zone == zone if named is not None else not _subdivision(part)


def _disagreeing_offset(start: str, zone: str) -> str:
    """The offset `start` gives (`+0000`) when `zone` has another at that time, else "":
    an explicit offset is the editor's word, and a place's zone must not overrule it."""
    try:
        parse_instant(start.strip(), zone)
    except ValueError as exc:
        if "disagrees with" in str(exc):
            return datetime.fromisoformat(start.strip()).strftime("%z")
    return ""


def new_article(site: Path, spec: NewArticle, now: datetime) -> NewWritten:
    """Write content/<slug>.md for `spec`; refuse to replace any existing article."""
    config = read_config(site)
    chosen = zone_from_place(spec, config)
    spec = chosen.spec
    tried = (
        f"; {chosen.refused}, the zone of --location {(spec.location or '').strip()}, disagrees too"
        if chosen.refused
        else ""
    )
    slug = check_new_options(spec, config, tried)
    folder = site / CONTENT_DIR
    if not folder.is_dir():
        raise ContentError.at(
            Location(CONTENT_DIR), "no content/ folder: is -s pointing at the site?"
        )
    relative = f"{CONTENT_DIR}/{slug}.md"
    for taken in (f"{CONTENT_DIR}/{slug}.md", f"{CONTENT_DIR}/{slug}.txt"):
        if (site / taken).exists():
            raise ContentError.at(Location(taken), "already exists; not overwritten")
    text = article_text(spec, config, now)
    validate(parse_markdown_article(text, relative), config)
    try:
        with (site / relative).open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise ContentError.at(Location(relative), "already exists; not overwritten") from exc
    return NewWritten(site / relative, chosen.note, chosen.warning)


# What a repository just made on a host and cloned holds: init goes in beside them.
_FRESH_CLONE = re.compile(r"^(?:\.git|(?:README|LICEN[CS]E|COPYING)(?:\.\w+)?)$", re.I)


@dataclass(frozen=True)
class Scaffolded:
    """What `init` wrote, and where GitHub would look for its workflow instead, if not
    where it was written (a site in a subfolder of a repository)."""

    written: list[str]
    workflows: Path | None = None
    not_its_own: str = ""  # why a repository the site is in was taken for another's


def init_site(target: Path, now: datetime) -> Scaffolded:
    """Scaffold a complete site in `target` (new, empty or a fresh clone).

    Nothing is overwritten, and a folder holding anything else is refused: a
    typo such as `init ~` must not scatter a site among someone's files.
    """
    try:
        taken = _in_the_way(target)
        if not taken:
            here = _resolved(target)
            root = repository_root(here)
            below = here.relative_to(root).as_posix() if root else "."
            other = _someone_elses(root, below) if root and below != "." else ""
            below = "." if other else below
            written = _write_site(target, now, below)
            return Scaffolded(
                written, root / ".github/workflows" if root and below != "." else None, other
            )
    except OSError as exc:
        raise ContentError.at(
            Location(str(target)), f"cannot make the site: {exc.strerror or exc}"
        ) from exc
    more = ", ..." if len(taken) > 3 else ""
    raise ContentError.at(
        Location(str(target)),
        f"not empty ({', '.join(taken[:3])}{more}): init writes only into a new or "
        "empty folder, or a fresh clone (.git, README, LICENSE)",
    )


def _in_the_way(target: Path) -> list[str]:
    """The names in `target` a new site must not be put among (none for a new folder)."""
    if target.exists() and not target.is_dir():
        raise ContentError.at(Location(str(target)), "is a file, not a folder")
    if not target.exists():
        return []
    return sorted(p.name for p in target.iterdir() if not _FRESH_CLONE.match(p.name))


def _resolved(folder: Path) -> Path:
    """`folder`'s real path; a symlink loop is an OSError (ELOOP) as on any other
    call, where Python before 3.13 raises RuntimeError."""
    try:
        return folder.resolve()
    except RuntimeError as exc:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(folder)) from exc


def repository_root(folder: Path) -> Path | None:
    """The top of the git work tree `folder` is (or will be) in, or None.

    GitHub runs workflows only from `.github/workflows/` at a repository's root; a
    `.git` folder (or a worktree's or submodule's `.git` file) marks one.
    """
    here = _resolved(folder)
    return next((p for p in (here, *here.parents) if (p / ".git").exists()), None)


def _someone_elses(root: Path, below: str) -> str:
    """Why the repository at `root` is not plausibly the site's own, or "".

    A site in a subfolder of its project's repository is built from there; but a
    repository of the whole home folder (dotfiles) or of the disk, or one that ignores
    the site's folder, would never publish it: the site gets a workflow of its own.
    """
    home = _home()
    if home is not None and (root == home or root in home.parents):
        where = "the home folder" if root == home else "a folder above the home folder"
        return f"the git repository at {root} is {where}'s, not the site's"
    try:
        ignored = subprocess.run(
            # "./" first: a name starting with ':' is a path, not pathspec magic
            # (check-ignore refuses --literal-pathspecs).
            ["git", "-C", str(root), "check-ignore", "-q", "--", f"./{below}/briefing.yaml"],
            capture_output=True,
            check=False,
            env=_git_env(),
        )
    except OSError:  # no git here: nothing says the repository ignores the site
        return ""
    if ignored.returncode == 0:
        return (
            f"the git repository at {root} ignores {below}/briefing.yaml,"
            " so it would never publish the site"
        )
    return ""


def _git_env() -> dict[str, str]:
    """The environment without git variables that would point the check at another repository."""
    return {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE")}


def _home() -> Path | None:
    """The user's home folder, resolved, or None where there is none to find."""
    try:
        return _resolved(Path.home())
    except (OSError, RuntimeError):
        return None


def _in_subfolder(workflow: str, below: str) -> str:
    """The Pages workflow for a site in the repository's folder `below` (Actions runs at
    the root): build that folder and upload its build/."""
    command = _literal_in_actions(
        f'briefing-site build -s {shell_path(below)} --base-url "$BASE_URL/"'
    )
    path = _literal_in_actions(below + "/build")
    return workflow.replace(  # shell-quoted, then YAML-quoted: "news #2" is no comment
        'run: briefing-site build --base-url "$BASE_URL/"', f"run: {_yaml_text(command)}"
    ).replace("          path: build\n", f"          path: {_yaml_text(path)}\n")


def _literal_in_actions(text: str) -> str:
    """`text` as Actions reads it literally: it evaluates `${{ ... }}` in every value,
    `run:` scripts too, and has no escape but an expression that is the string `${{`."""
    return text.replace("${{", "${{ '${{' }}")


def _write_site(target: Path, now: datetime, below: str = ".") -> list[str]:
    """Copy the packaged site into `target`, filling in the dates and this version;
    `below` is its folder in its repository ('.' at the root, or outside one)."""
    data = resources.files("briefing_site").joinpath("data/site")
    today = now.astimezone(UTC).date()
    start = datetime.combine(today + timedelta(days=7), time(10), ZoneInfo("Europe/Brussels"))
    values = {"date": today.isoformat(), "event_start": start.isoformat()}
    written = []
    for source, relative in _SITE_FILES:
        text = data.joinpath(source).read_text("utf-8")
        if source == "example-briefing.md":
            text = Template(text).substitute(values)
        elif source == "pages.yml":  # CI installs exactly the version that made the site
            text = text.replace("@VERSION@", __version__)
            text = text if below == "." else _in_subfolder(text, below)
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(relative)
    return written
