"""Property tests: whatever bytes an editor drops into content/, the loader
returns an article or a ContentError with a location, never anything else.

Bounded so the suite stays fast; HYPOTHESIS_PROFILE=fuzz runs a long search.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_site.config.schema import parse_config
from briefing_site.config.yamlload import parse_yaml
from briefing_site.content.assemble import Tools, assemble
from briefing_site.content.load import decode, parse_markdown_article, parse_text_article
from briefing_site.errors import ContentError

settings.register_profile(
    "ci",
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("fuzz", max_examples=20_000, deadline=None, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

NOW = datetime(2025, 2, 5, 15, tzinfo=UTC)
TOOLS = Tools.for_config(parse_config(None))
# Pieces that reach the loader's corners: fences, YAML syntax, Markdown syntax.
TOKENS = st.sampled_from(
    [
        "---", "...", "\n", "\n\n", " ", "\t", "\r\n", "\ufeff", "title: ", "slug: ",
        "event:\n  start: ", "  timezone: ", "2025-02-07", "T11:55:00", "-05:00", "&a ", "*a",
        "!!python/name:os.system", "!x ", "[", "]", "{", "}", ": ", "- ", "? ", "|", ">", "#",
        "'", '"', "\\", "<script>", "](javascript:", "`", "*", "_", "1. ", "<", "&#0;", "é",
        "\u2028", "\x00", "\x1b", "NO", "012345", "12:30", "~", "%YAML 1.1\n", "sections: ",
        "{economy: [1]}", "tags: [CON, ../x]", "people: [", "sources: [{url: ", "date: ",
    ]
)  # fmt: skip
DOCUMENTS = st.lists(st.one_of(TOKENS, st.text(max_size=12)), max_size=60).map("".join)


def load_and_assemble_markdown(data: bytes) -> None:
    """The whole per-article pipeline on one `.md` file's bytes."""
    try:
        article = parse_markdown_article(decode(data, "content/a.md"), "content/a.md")
        assemble(article, TOOLS, NOW)
    except ContentError as exc:
        assert exc.problems and all(p.location.path == "content/a.md" for p in exc.problems)


@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_an_article_or_a_content_error(data: bytes) -> None:
    load_and_assemble_markdown(data)


@given(DOCUMENTS)
def test_front_matter_shaped_text_gives_an_article_or_a_content_error(text: str) -> None:
    load_and_assemble_markdown(("---\n" + text).encode("utf-8", "surrogatepass"))


@given(DOCUMENTS, DOCUMENTS)
def test_fenced_documents_give_an_article_or_a_content_error(meta: str, body: str) -> None:
    load_and_assemble_markdown(f"---\ntitle: x\n{meta}\n---\n{body}".encode("utf-8", "replace"))


@given(st.text(max_size=300), DOCUMENTS)
def test_text_articles_give_an_article_or_a_content_error(text: str, meta: str) -> None:
    try:
        article = parse_text_article(text, "content/a.txt", meta, "content/a.yaml")
        assemble(article, TOOLS, NOW)
    except ContentError as exc:
        assert exc.problems and {p.location.path for p in exc.problems} <= {
            "content/a.txt",
            "content/a.yaml",
        }


@given(DOCUMENTS)
def test_yaml_gives_data_or_a_content_error(text: str) -> None:
    try:
        parse_yaml(text, "x.yaml")
    except ContentError as exc:
        assert all(p.location.path == "x.yaml" for p in exc.problems)


@given(DOCUMENTS)
def test_site_config_gives_a_config_or_a_content_error(text: str) -> None:
    try:
        parse_config(text)
    except ContentError as exc:
        assert all(p.location.path == "briefing.yaml" for p in exc.problems)
