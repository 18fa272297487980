"""Templates compiled for speed write what stock Jinja writes (`output.codegen`)."""

from __future__ import annotations

from typing import Any

import jinja2
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
