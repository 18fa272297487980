"""How templates are compiled: Jinja's code, with cheaper output of each `{{ ... }}`.

Every page is some thousands of `{{ value }}` outputs: a briefing page about 110,
its four topic entries 60 more, each listing page some 350. Jinja writes each as
`escape(value)`: two Python calls (markupsafe's `escape`, then `Markup.__new__`),
and for a value already safe (a paragraph's HTML, a card the listings share) a
copy of the whole string. What is output is only ever joined into the page, so
the `Markup` wrapper buys nothing there. `escaped_output` gives the same text:
a plain string escaped in C, a `Markup` as it is, anything else through `escape`.
About a sixth of drawing a page, on every page, the site's own templates too.

Only the compiled code changes, never what a template means: the templates stay
the theme's source, and a site's override is compiled the same way. The
compiled templates cache (`build.cache.template_cache`) is keyed by the tool's
code, so code compiled before this cannot be loaded with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import markupsafe
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Const, Expr, Include, List, Template, Tuple

# markupsafe >= 3 has the escaping itself, a C function from str to str; before, its
# `escape` of a str gives the same text as a `Markup`.
_escaped_text: Callable[[str], str] = getattr(markupsafe, "_escape_inner", markupsafe.escape)
_Markup = markupsafe.Markup
_escape = markupsafe.escape


def escaped_output(value: Any) -> str:
    """What `{{ value }}` puts on an autoescaped page: `escape(value)`'s text."""
    if type(value) is str:  # most outputs: a title, a date, a URL
        return _escaped_text(value)
    if type(value) is _Markup:  # already safe: block HTML, a shared card
        return value
    return _escape(value)  # numbers, `__html__` objects, undefined values (which raise)


_OWN = f"from {__name__} import escaped_output"


class OutputCodeGenerator(CodeGenerator):
    """Jinja's code generator, writing `escaped_output(...)` where it writes `escape(...)`
    for output in an autoescaped template (`{% autoescape %}` blocks that switch it at
    run time keep Jinja's own choice)."""

    def visit_Template(self, node: Template, frame: Frame | None = None) -> None:
        self.writeline(_OWN)
        super().visit_Template(node, frame)

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("escaped_output(")
        if finalize.src is not None:
            self.write(finalize.src)

    def visit_Include(self, node: Include, frame: Frame) -> None:
        """`{% include %}` with the page's variables (the theme's every include): the
        included template's text joined where it is included and written once,
        instead of each of its pieces handed up through every template above it
        (a briefing's ~200 pieces went through four generators to its page)."""
        if not node.with_context or node.ignore_missing or self.environment.is_async:
            super().visit_Include(node, frame)
            return
        self.writeline(f"template = environment.{_template_getter(node)}(", node)
        self.visit(node.template, frame)
        self.write(f", {self.name!r})")
        self.writeline(
            "gen = template.root_render_func(template.new_context(context.get_all(), True, "
            f"{self.dump_local_context(frame)}))"
        )
        self.simple_write("environment.concat(gen)", frame)


def _template_getter(node: Include) -> str:
    """The environment's method an include looks its template up with, as Jinja's."""
    if isinstance(node.template, Const):
        if isinstance(node.template.value, str):
            return "get_template"
        if isinstance(node.template.value, (tuple, list)):
            return "select_template"
    elif isinstance(node.template, (Tuple, List)):
        return "select_template"
    return "get_or_select_template"
