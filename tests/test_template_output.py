"""Templates compiled for speed write what stock Jinja writes (`output.codegen`)."""

from __future__ import annotations

from typing import Any

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from briefing_site.output.theme import make_environment

TEMPLATE = (
    "<p title=\"{{ value }}\">{{ value }}</p>{{ value ~ '&' }}{{ value|string }}"
    "{% autoescape false %}{{ value }}{% endautoescape %}"
    "{% set kept %}{{ value }}{% endset %}{{ kept }}{% for x in [value] %}{{ x }}{% endfor %}"
)


class Shown:
    """An object that gives its own HTML, as a theme's data may."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __html__(self) -> str:
        return f"<b>{self.text}</b>"


class Text(str):
    """A str subclass: not the plain str the fast path takes."""


def _stock(value: Any) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(TEMPLATE).render(value=value)


def _ours(value: Any) -> str:
    return make_environment(None).from_string(TEMPLATE).render(value=value)


values = st.one_of(
    st.text(),
    st.text().map(Markup),
    st.text().map(Text),
    st.text().map(Shown),
    st.integers(),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
)


@given(values)
def test_any_value_is_written_as_stock_jinja_writes_it(value: Any) -> None:
    assert _ours(value) == _stock(value)


def test_output_is_escaped_without_a_markup_per_value() -> None:
    """Each `{{ value }}` of a page cost two Python calls and a `Markup` (a copy of a
    paragraph's whole HTML when it was safe already): the theme compiles it to one call."""
    env = make_environment(None)
    code = env.compile('<a href="{{ url }}">{{ title }}</a>', raw=True)
    assert "escaped_output(" in code
    assert " escape(" not in code and "(escape(" not in code


def test_functions_are_called_as_jinja_calls_them() -> None:
    """A plain function is called straight; one that takes the context or the
    environment, or a callable object, still gets what Jinja hands it."""

    @jinja2.pass_context
    def seen(context: Any, name: str) -> str:
        return str(context.get(name))

    @jinja2.pass_environment
    def autoescaping(env: jinja2.Environment) -> str:
        return str(env.autoescape)

    class Counter:
        def __call__(self, n: int) -> int:
            return n + 1

    def stops() -> str:
        raise StopIteration

    env = make_environment(None)
    env.globals.update(seen=seen, autoescaping=autoescaping, counter=Counter(), plain=str.upper)
    page = env.from_string(
        "{% for x in ['a'] %}{% set y = x %}{{ seen('y') }}{% endfor %}{{ autoescaping() }}{{ counter(1) }}"
        "{{ plain('b') }}{{ 'c'.upper() }}"
    ).render()
    assert page == "aTrue2BC"
    env.globals["stops"] = stops
    with pytest.raises(jinja2.UndefinedError, match="raised a StopIteration"):
        env.from_string("{{ stops() }}").render()


def test_a_plain_function_is_called_without_jinja_s_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A listing page calls some 70 helpers (`url()`, `card()`): Jinja looked each up
    for a context it might take, a third of drawing the page."""
    looked: list[object] = []
    real = jinja2.utils._PassArg.from_obj
    monkeypatch.setattr(
        jinja2.utils._PassArg, "from_obj", lambda obj: looked.append(obj) or real(obj)
    )
    env = make_environment(None)
    env.globals["url"] = lambda path: "/" + path
    page = env.from_string("{% for p in ['a', 'b'] %}{{ url(p) }}{% endfor %}").render()
    assert page == "/a/b"
    assert looked == []


def test_another_jinja_release_draws_the_same_page_with_jinja_s_own_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fast code generator leans on Jinja 3.1's internals: under another release the
    environment keeps Jinja's own, and a page is the same, not an error."""
    from briefing_site.output import theme

    value = '<a href="x">Tom & "Jerry"</a>'
    theme._environment_class.cache_clear()
    monkeypatch.setattr(jinja2, "__version__", "3.2.0")
    try:
        environment = make_environment(None)
        assert environment.code_generator_class is jinja2.compiler.CodeGenerator
        assert environment.from_string(TEMPLATE).render(value=value) == _stock(value)
    finally:
        theme._environment_class.cache_clear()
