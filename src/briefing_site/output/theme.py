"""Find the theme and make the Jinja environment (the renderer's file I/O).

A site's `templates/` overrides the packaged theme file by file; a site
template can still extend the original as `theme/<name>`. Static assets live
in `static/` beside the templates and are overridden the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_site.errors import ContentError
from briefing_site.walk import walk

if TYPE_CHECKING:
    import jinja2

STATIC_DIR = "static"


def theme_dir() -> Path:
    """The default theme, shipped inside the package (`briefing_site/theme/`)."""
    return Path(__file__).resolve().parents[1] / "theme"


def make_environment(site_templates: Path | None) -> jinja2.Environment:
    """Autoescaping, StrictUndefined Jinja over the site's templates, then the theme's.

    Templates are loaded once: at 10,000 briefings the per-include freshness
    check was ~150,000 stats. `serve` makes a new environment when one changes.
    """
    import jinja2  # here, so a build with nothing to do never loads Jinja

    theme = jinja2.FileSystemLoader(str(theme_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if site_templates is not None and site_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(site_templates)))
    loaders += [jinja2.PrefixLoader({"theme": theme}), theme]
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build, one version of each template: no stat per include
    )


def static_assets(site_templates: Path | None) -> dict[str, bytes]:
    """Asset path (under static/) → bytes; the site's file wins over the theme's.

    Dotfiles and dot-folders stay private, and a symlink that leads out of
    `static/` is an error: publishing it could leak any file on the machine
    (the rules of `walk`, which every reader of the site shares).
    """
    assets: dict[str, bytes] = {}
    places = [(theme_dir(), STATIC_DIR)]
    if site_templates is not None:
        places.append((site_templates.parent, f"{site_templates.name}/{STATIC_DIR}"))
    for base, folder in places:
        found = walk(base, folder)
        if found.problems:
            raise ContentError(found.problems)
        for path in found.files:
            assets[path.removeprefix(folder + "/")] = (base / path).read_bytes()
    return assets
