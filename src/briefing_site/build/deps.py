"""What a page is made from on the template side: the site's template files it uses.

A page's key (`batch.PageCache`) hashes the briefings it shows, its path,
its template and, through `TemplateKeys`, the bytes of every file of the
site's `templates/` that its template extends, includes or imports, or
draws through a helper such as `card()`. So editing `topic.html` redraws
the topic pages and nothing else, in `build` and `serve` alike, and a
change to `static/` (assets, not templates) redraws no page unless a
template includes the file. The default theme's templates need no key of
their own: they are part of the tool's code, which every key hashes.

When what a template uses cannot be known (a name made at render time, a
template that does not parse), its key is the whole folder's, as if it used
every file.

The bytes keyed are those the pages are drawn from: the environment that
draws them loads the site's files through the same `TemplateFiles`, which
reads each once. A name is keyed as Jinja finds its file ("./x.html" is "x.html").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_site.build.cache import digest
from briefing_site.errors import ContentError
from briefing_site.output.render import TEMPLATE_HELPERS
from briefing_site.output.theme import TemplateFiles, make_environment, template_name
from briefing_site.walk import walk

if TYPE_CHECKING:
    import jinja2

THEME_PREFIX = "theme/"  # how a site's template names the theme's file it overrides


class TemplateKeys:
    """Each page template's key, by name, under one state of the site's templates.

    Made once a build (or, in `serve`, once the templates change), and asked
    once a page template: the answers are remembered. Pages must be drawn by
    `environment()`, or another environment over the same `files`.
    """

    def __init__(self, templates: Path, files: TemplateFiles | None = None) -> None:
        self.templates = templates
        self.files = TemplateFiles(templates) if files is None else files
        found = walk(templates.parent, templates.name)
        self._files = {
            path.removeprefix(templates.name + "/"): templates.parent / path for path in found.files
        }
        self._problems = [str(problem).encode() for problem in found.problems]
        self._whole: bytes | None = None
        self._env: jinja2.Environment | None = None
        self._known: dict[str, bytes] = {"": b""}  # a file drawn by no template
        self._read: dict[str, list[str] | None] = {}  # see `templates_used`

    def __call__(self, template: str) -> bytes:
        """The key of what `template` uses of the site's templates (b"" when none)."""
        found = self._known.get(template)
        if found is None:
            found = self._known[template] = self._key(template)
        return found

    def _key(self, template: str) -> bytes:
        if not self._files and not self._problems:  # the theme alone: in the code's key
            return b""
        used = templates_used(self.environment(), template, self._read)
        try:
            return self._whole_key() if used is None else self._digest(sorted(used))
        except OSError:  # unreadable: rendering will say why
            return self._whole_key()

    def _digest(self, names: list[str]) -> bytes:
        parts = [b"templates", *self._problems]
        for name in names:
            data = self.files.read(name)
            parts += [name.encode(), b"\0theme" if data is None else data]
        return digest(*parts)

    def _whole_key(self) -> bytes:
        """The key of a template that may use any file of the folder: all of them."""
        if self._whole is None:
            parts = [b"whole", *self._problems]
            for name in sorted(self._files):
                try:
                    data = self.files.read(name)
                except OSError as exc:
                    data = str(exc).encode()
                parts += [name.encode(), b"\0gone" if data is None else data]
            self._whole = digest(*parts)
        return self._whole

    def environment(self) -> jinja2.Environment:
        """The environment these keys read templates with, over their `files`."""
        if self._env is None:
            self._env = make_environment(self.templates, self.files)
        return self._env


def templates_used(
    env: jinja2.Environment, name: str, read: dict[str, list[str] | None] | None = None
) -> set[str] | None:
    """Every template `name` extends, includes or imports, itself included; a name
    under `theme/` also without that prefix (the theme's `x.html`, which a site's
    `x.html` overrides), since a site's file of either name would be used.

    None when that cannot be known (a name built at render time, or a template
    that does not parse or is missing). `read` remembers what each template
    names, so the page templates of one build parse their shared parts once.
    Names are as Jinja finds their files: "./parts/x.html" is "parts/x.html".
    """
    import jinja2

    read = {} if read is None else read
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if current not in read:
            read[current] = _names_in(env, current)
        found = read[current]
        if found is None:
            return None
        todo += found
    try:
        names = {template_name(item) for item in seen}
    except jinja2.TemplateNotFound:  # a name that climbs out of the folder: never found
        return None
    return {item.removeprefix(THEME_PREFIX) for item in names} | names


def _names_in(env: jinja2.Environment, name: str) -> list[str] | None:
    """The templates `name` names (a helper such as card() renders its own); None
    when one is made at render time or `name` does not load, decode or parse."""
    import jinja2
    from jinja2 import meta, nodes

    try:
        source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        parsed = env.parse(source)
        found = list(meta.find_referenced_templates(parsed))
    except (jinja2.TemplateError, ContentError, OSError, RecursionError):  # drawing says why
        return None
    if any(item is None for item in found):
        return None
    # Any mention of a helper counts, not only a call: `{% set draw = card %}` or a
    # macro given `card` draws `_card.html` as surely as `card(...)` does.
    helpers = sorted(
        {
            TEMPLATE_HELPERS[name.name]
            for name in parsed.find_all(nodes.Name)
            if name.name in TEMPLATE_HELPERS
        }
    )
    return [item for item in found if item is not None] + helpers
