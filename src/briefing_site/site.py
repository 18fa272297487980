"""The site folder's own names, written once: every module that looks for them imports them here."""

from __future__ import annotations

CONFIG_FILE = "briefing.yaml"
CONTENT_DIR = "content"
TEMPLATES_DIR = "templates"
"""The site's overrides of the packaged theme (`briefing_site/theme/`), file by file."""
OUTPUT_DIR = "build"
"""Where `build` writes unless `-o` says otherwise."""
CACHE_DIR = ".briefing-cache"
"""The cache folder, in the site folder; git-ignored by a .gitignore of its own."""
