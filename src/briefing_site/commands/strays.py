"""Files an editor meant for the site that no build reads, named as `check` warnings.

The build reads `content/<slug>.md`, `content/<slug>.txt` with its `.yaml`,
and `briefing.yaml`, by their exact names. A story saved as `Summit.MD` or
`notes.markdown`, a page or a Word file dropped into content/, or settings
in `briefing.yml` would otherwise be left out without a word, and the editor
left wondering why the briefing is not on the site.
"""

from __future__ import annotations

from pathlib import Path

from briefing_site.errors import Problem
from briefing_site.model import Location
from briefing_site.site import CONFIG_FILE, CONTENT_DIR
from briefing_site.walk import walk

_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")
_TEXT = (".txt", ".text")
_PAGES = (".html", ".htm", ".xhtml")
_DOCUMENTS = (".docx", ".doc", ".rtf", ".odt", ".pages")


def strays(site: Path) -> list[Problem]:
    """A warning for each file in content/ or the site's top that looks meant as an
    article or as the settings but is named so that no build reads it."""
    files = walk(site, CONTENT_DIR).files  # what the walk refuses, the build reports
    problems = [Problem(Location(path), why) for path in files if (why := _stray(path))]
    if site.is_dir():
        for entry in sorted(site.iterdir()):
            lower = entry.name.lower()
            if lower in (CONFIG_FILE, "briefing.yml") and entry.name != CONFIG_FILE:
                message = f"not read: the settings file is named {CONFIG_FILE}, in lower case"
                problems.append(Problem(Location(entry.name), message))
    return problems


def _stray(path: str) -> str:
    """Why the build passes over `path` though an editor meant it, or ""."""
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
