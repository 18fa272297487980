"""Find the theme and make the Jinja environment (the renderer's file I/O).

A site's `templates/` overrides the packaged theme file by file; a site
template can still extend the original as `theme/<name>`. Static assets live
in `static/` beside the templates and are overridden the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_site.errors import ContentError
from briefing_site.model import Location

if TYPE_CHECKING:
    import jinja2

STATIC_DIR = "static"


def theme_dir() -> Path:
    """The packaged default theme (in a wheel), or the checkout's `templates/`."""
    packaged = Path(__file__).parent / "theme"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


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
    `static/` is an error: publishing it could leak any file on the machine.
    """
    assets: dict[str, bytes] = {}
    for root in (theme_dir(), site_templates):
        folder = root / STATIC_DIR if root is not None else None
        if folder is None or not folder.is_dir():
            continue
        inside = folder.resolve()
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if any(part.startswith(".") for part in name.split("/")) or not path.is_file():
                continue
            if not path.resolve().is_relative_to(inside):
                raise ContentError.at(
                    Location(f"templates/{STATIC_DIR}/{name}"),
                    "links to a file outside templates/static/: copy the file in instead",
                )
            assets[name] = path.read_bytes()
    return assets
