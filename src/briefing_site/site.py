"""The site folder's own names, written once: every module that looks for them imports them here."""

from __future__ import annotations

import os
from pathlib import Path

CONFIG_FILE = "briefing.yaml"
CONTENT_DIR = "content"
TEMPLATES_DIR = "templates"
"""The site's overrides of the packaged theme (`briefing_site/theme/`), file by file."""
OUTPUT_DIR = "build"
"""Where `build` writes unless `-o` says otherwise."""
CACHE_DIR = ".briefing-cache"
"""The cache folder, in the site folder; git-ignored by a .gitignore of its own."""


def settings_misnamed(site: Path) -> list[str]:
    """The files at the site's top named as the settings but not read as them
    (`Briefing.yaml`, `briefing.yml`): build warns of each, so a build with nothing
    to do must see them too (`build.unchanged`). Empty when the folder cannot be listed."""
    try:
        names = sorted(os.listdir(site))
    except OSError:  # (the build reads briefing.yaml and content/ there: it says why)
        return []
    return [n for n in names if n.lower() in (CONFIG_FILE, "briefing.yml") and n != CONFIG_FILE]
