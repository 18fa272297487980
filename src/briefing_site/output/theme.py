"""Find the theme and make the Jinja environment (the renderer's file I/O).

A site's `templates/` overrides the packaged theme file by file; a site
template can still extend the original as `theme/<name>`. Static assets live
in `static/` beside the templates and are overridden the same way.
"""

from __future__ import annotations

import dataclasses
import sys
import types
from collections.abc import Callable, Mapping, MutableMapping
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_site.errors import ContentError, Problem
from briefing_site.model import Location
from briefing_site.walk import walk

if TYPE_CHECKING:
    import jinja2

STATIC_DIR = "static"


def theme_dir() -> Path:
    """The default theme, shipped inside the package (`briefing_site/theme/`)."""
    return Path(__file__).resolve().parents[1] / "theme"


def template_warnings(site_templates: Path) -> list[Problem]:
    """What in the site's `templates/` a build passes over though its editor meant it:
    `templates` made as a file (the theme is used instead), a folder named as one of the
    theme's templates (passed over, as a file of that name would not be), or a page
    template saved empty, which draws every page of its kind blank. An empty partial
    (`_meta.html`) takes a piece out of each page, a thing one may mean, and is not
    named."""
    name = site_templates.name
    if site_templates.exists() and not site_templates.is_dir():
        why = f"a file, not a folder: the packaged theme is used; put your templates in a folder named {name}/"
        return [Problem(Location(name), why)]
    found = [
        Problem(
            Location(f"{name}/{part}"),
            f"a folder, not a file: passed over; the theme's {part} is used",
        )
        for part in _theme_templates()
        if (site_templates / part).is_dir()
    ]
    for page in _page_templates():
        path = site_templates / page
        try:  # a regular file only: a pipe there is the build's to refuse, not to wait on
            size = path.stat().st_size if path.is_file() else _BLANK_AT_MOST + 1
            blank = size <= _BLANK_AT_MOST and not path.read_bytes().strip()
        except OSError:  # (unreadable: the build names it when it reads it)
            continue
        if blank:
            why = (
                "empty: every page drawn from it is blank; delete it to use the theme's, "
                f'or start it with {{% extends "theme/{page}" %}}'
            )
            found.append(Problem(Location(f"{name}/{page}"), why))
    return found


def theme_overrides(site_templates: Path) -> list[str]:
    """The names of the site's templates that replace one of the theme's. Each is read
    before drawing starts (see `syntax_problems`), though a build may draw none of some
    (the search page with `search: false`, the event partials with no events)."""
    if not site_templates.is_dir():
        return []
    return [name for name in _theme_templates() if (site_templates / name).is_file()]


@cache
def _theme_templates() -> tuple[str, ...]:
    """Every template of the packaged theme, pages and partials."""
    return tuple(sorted(p.name for p in theme_dir().glob("*.html")))


_BLANK_AT_MOST = 4096  # bytes: a longer template is not read to see if it is all spaces


@cache
def _page_templates() -> tuple[str, ...]:
    """The theme's templates that draw whole pages (a partial's name starts with `_`)."""
    return tuple(sorted(p.name for p in theme_dir().glob("*.html") if not p.name.startswith("_")))


class TemplateFiles:
    """The site's template files as one build reads them: each read once, when first
    used, then the same bytes for every later use.

    The environment loads its templates through it, and `build.deps` keys each
    page by the bytes of the files its template uses, so a file saved while a
    build runs is either in both the key and the page or in neither: the next
    build sees it and draws again, never a page keyed by bytes it was not drawn
    from (which would be kept, stale, for good).
    """

    def __init__(self, folder: Path, known: Mapping[str, bytes | None] | None = None) -> None:
        self.folder = folder
        self._read: dict[str, bytes | None] = dict(known or {})  # another process's reads

    def known(self) -> dict[str, bytes | None]:
        """What was read so far, by name: a worker given it draws from the same bytes."""
        return dict(self._read)

    def read(self, name: str) -> bytes | None:
        """The bytes of `name` (a normalised name, see `template_name`), None when there
        is no such file; an unreadable one raises, as Jinja's own loader would."""
        if name not in self._read:
            try:
                self._read[name] = self.folder.joinpath(*name.split("/")).read_bytes()
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
                self._read[name] = None
            except OSError as exc:  # the file's fault (no permission), not the output's
                where = Location(f"{self.folder.name}/{name}")
                raise ContentError.unreadable(where, exc) from exc
        return self._read[name]

    def source(self, name: str) -> tuple[str, str, Callable[[], bool]] | None:
        """What Jinja's file loader gives for `name` (text with universal newlines, its
        file), from these bytes; None when there is no such file. Bytes that are not
        UTF-8 are a ContentError at the file's own line, as an article's are."""
        found = template_name(name)
        data = self.read(found)
        if data is None:
            return None
        from briefing_site.content.load import decode  # here: loaded only with a site's own

        # As an article's: a byte order mark is dropped, and UTF-16 or bytes that are
        # not UTF-8 are named at the file's own line with the fix.
        text = decode(data, f"{self.folder.name}/{found}")
        return text, str(self.folder.joinpath(*found.split("/"))), _always


def _always() -> bool:
    """Up to date: a build reads each template once (`auto_reload` is off, too)."""
    return True


def template_name(name: str) -> str:
    """`name` as Jinja finds its file: "./parts/x.html" and "/parts/x.html" are
    "parts/x.html". Raises `jinja2.TemplateNotFound` for a name that climbs out ("..")."""
    from jinja2.loaders import split_template_path

    return "/".join(split_template_path(name))


def make_environment(
    site_templates: Path | None, files: TemplateFiles | None = None
) -> jinja2.Environment:
    """Autoescaping, StrictUndefined Jinja over the site's templates, then the theme's.

    Templates are loaded once: at 10,000 briefings the per-include freshness
    check was ~150,000 stats. `serve` makes a new environment when one changes.
    The site's files are read through `files` (one is made when not given), so
    whoever keys pages by them sees the bytes the pages are drawn from.
    """
    import jinja2  # here, so a build with nothing to do never loads Jinja

    theme = jinja2.FileSystemLoader(str(theme_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if site_templates is not None:
        files = TemplateFiles(site_templates) if files is None else files
        loaders.append(jinja2.FunctionLoader(files.source))
    loaders += [jinja2.PrefixLoader({"theme": theme}), theme]
    env = _environment_class()(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=_undefined_class(),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build, one version of each template: no stat per include
        cache_size=-1,  # a plain dict: a site has a few dozen templates, none to evict
    )
    env.globals["range"] = bounded_range
    return env


MAX_RANGE = 100_000
"""The most numbers a template's `range()` gives (Jinja's sandbox has the same bound):
a loop over `range(10**12)` would draw one page for days, with no message."""


def bounded_range(*args: int) -> range:
    """`range` for templates, refusing more than MAX_RANGE numbers."""
    numbers = range(*args)
    # Counted, not `len()`: a range longer than a C size (`range(10**20)`) overflows it.
    count = max(0, -(-(numbers.stop - numbers.start) // numbers.step))
    if count > MAX_RANGE:
        raise OverflowError(
            f"range() of {count:,} numbers; a template loops over at most "
            f"{MAX_RANGE:,}: is the loop meant to end?"
        )
    return numbers


@cache
def _undefined_class() -> type[jinja2.StrictUndefined]:
    """StrictUndefined whose message names a missing field of the theme's data by its
    dataclass (`Briefing has no attribute 'title'`), with the fields it has and, when
    one of them holds the name, where (`meta.title`): Jinja's own named the class by its
    module path, and the build's lazy stand-in (`...lazy.LazyBriefing object`) where
    `check` said `...model.Briefing object`."""
    import jinja2

    class Undefined(jinja2.StrictUndefined):
        __slots__ = ()

        @property
        def _undefined_message(self) -> str:
            kind = _dataclass_of(self._undefined_obj)
            name = self._undefined_name
            if self._undefined_hint or not isinstance(name, str):
                return super()._undefined_message
            if self._undefined_obj is None:  # `briefing.meta.event.start`, for an article
                return (  # without an event: the template works for the others
                    f"none has no attribute {name!r}: the value before it is empty on this "
                    "page; draw it inside {% if ... %}"
                )
            if kind is None:
                return super()._undefined_message
            return f"{kind.__name__} has no attribute {name!r}" + _fields_hint(kind, name)

    return Undefined


def _dataclass_of(value: object) -> type | None:
    """The first dataclass in `value`'s class's MRO (a lazy stand-in's model class)."""
    return next((c for c in type(value).__mro__ if "__dataclass_fields__" in vars(c)), None)


def _fields_hint(kind: type, name: str) -> str:
    """'(did you mean ...?)' or where `name` is one level down, then the fields `kind` has."""
    fields = [f for f in dataclasses.fields(kind) if _for_templates(f)]
    names = [f.name for f in fields] + _properties(kind)
    space = vars(sys.modules[kind.__module__])
    inner = [
        f"{f.name}.{name}"
        for f in fields
        if isinstance(f.type, str)
        and dataclasses.is_dataclass(space.get(f.type.split(" ")[0]))
        and name in {g.name for g in dataclasses.fields(space[f.type.split(" ")[0]])}
    ]
    close = inner
    if not close:
        import difflib  # here: only a mistake pays its import (~3 ms of every build)

        close = difflib.get_close_matches(name, names, n=1)
    meant = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{meant}; it has: {', '.join(names)}"


def _for_templates(field: dataclasses.Field[object]) -> bool:
    """A field a template author can use: public, and not marked as the build's own."""
    return not field.name.startswith("_") and field.metadata.get("template", True)


def _properties(kind: type) -> list[str]:
    """The public properties of `kind` (`Metadata.named_tags`), which read as fields do."""
    found = {
        name
        for c in kind.__mro__
        for name, value in vars(c).items()
        if isinstance(value, property | cached_property) and not name.startswith("_")
    }
    return sorted(found)


@cache
def _environment_class() -> type[jinja2.Environment]:
    """`jinja2.Environment` whose templates read the environment's own globals.

    Jinja gives each template a `ChainMap` of its globals over the environment's,
    and copies it into a new dict for every render and every include: in Python,
    key by key (about a fifth of drawing a briefing page and its listing
    fragments). The theme's templates have no globals of their own, so they
    share the environment's dict, which copies in C; what `prepare` installs
    later is seen as before. Its templates compile with `codegen.OutputCodeGenerator`,
    and call plain functions straight (`Context.call`).
    Made on first use: Jinja is imported only then.
    """
    import jinja2

    from briefing_site.output.codegen import OutputCodeGenerator

    class Context(jinja2.runtime.Context):
        @jinja2.utils.internalcode
        def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            """`context.call`, which a template runs for every function it calls (`url()`,
            `card()`: some 70 a listing page), without Jinja's checks for a callable that
            takes the context, for a plain function or method that does not: a third of
            drawing a listing page went on those checks. Any other callable, Jinja's way."""
            if type(__obj) not in _PLAIN_CALLABLES or hasattr(__obj, "jinja_pass_arg"):
                return super().call(__obj, *args, **kwargs)
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:  # as Jinja's: a generator's end is no value, not an error
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )

    # Both lean on Jinja's internals as 3.1 has them; another release keeps Jinja's own
    # code generator and context (the same pages, drawn more slowly) rather than fail.
    verified = jinja2.__version__.startswith("3.1.")

    class Environment(jinja2.Environment):
        code_generator_class = OutputCodeGenerator if verified else jinja2.compiler.CodeGenerator
        context_class = Context if verified else jinja2.runtime.Context

        def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
            return self.globals if not d else super().make_globals(d)

        def _load_template(
            self, name: str, globals: MutableMapping[str, Any] | None
        ) -> jinja2.Template:
            # Jinja updates a cached template's globals with a caller's `globals=` in
            # place: here that is the environment's own dict, so they would reach
            # every later page. Nothing passes them; refuse rather than leak.
            if globals:
                raise ValueError("templates of this environment take no globals of their own")
            return super()._load_template(name, globals)

    return Environment


# Callables that take the context only when marked (`jinja_pass_arg`, which a method
# reads from its function): what `Context.call` calls straight.
_PLAIN_CALLABLES = (types.FunctionType, types.MethodType, types.BuiltinFunctionType)


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
            try:
                assets[path.removeprefix(folder + "/")] = (base / path).read_bytes()
            except OSError as exc:  # the file's fault (no permission), not the output's
                raise ContentError.unreadable(Location(path), exc) from exc
    return assets
