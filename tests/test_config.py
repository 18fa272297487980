"""briefing.yaml: typed settings, unknown keys refused, topics as data."""

from __future__ import annotations

from importlib.resources import files

import pytest

from briefing_site.config.schema import parse_config
from briefing_site.errors import ContentError


def test_no_config_gives_the_default_topics_in_order() -> None:
    config = parse_config(None)
    assert [t.name for t in config.topics] == ["economy", "defense", "history", "outlook"]
    assert all(t.words for t in config.topics)


def test_site_topics_set_the_order_keep_default_cues_and_add_new_ones() -> None:
    config = parse_config(
        "topics:\n  outlook: {aliases: [Ahead]}\n  energy: {words: [lng, pipeline]}\n  economy:\n"
    )
    assert [t.name for t in config.topics] == ["outlook", "energy", "economy"]
    outlook = config.topics[0]
    assert "Ahead" in outlook.aliases and outlook.title == "Outlook" and outlook.words
    assert config.topics[1].title == "Energy" and ("lng", 1.0) in config.topics[1].words


def test_unknown_keys_and_bad_values_are_all_reported() -> None:
    with pytest.raises(ContentError) as caught:
        parse_config("titel: X\ntimezone: Mars/Olympus\njunk_patterns: ['(']\n")
    lines = caught.value.lines()
    assert lines[0].startswith("briefing.yaml:1: unknown key 'titel' (did you mean 'title'?)")
    assert lines[1] == (
        "briefing.yaml:2: timezone: 'Mars/Olympus' is not a known IANA time zone; "
        "e.g. Europe/Paris, America/New_York, Asia/Tokyo"
    )
    assert lines[2].startswith(
        "briefing.yaml:3: junk_patterns: '(' is not a valid regular expression"
    )


def test_base_url_gets_a_trailing_slash() -> None:
    assert parse_config("base_url: https://example.github.io/briefings").base_url == (
        "https://example.github.io/briefings/"
    )


def test_topic_settings_refuse_unknown_keys_and_bad_weights() -> None:
    with pytest.raises(ContentError) as caught:
        parse_config("topics:\n  economy: {colour: red}\n  energy: {words: {lng: lots}}\n")
    lines = caught.value.lines()
    assert lines[0].startswith("briefing.yaml:2: topic 'economy': unknown key 'colour'")
    assert lines[1] == "briefing.yaml:3: topic 'energy': words must map each cue to a number"


@pytest.mark.parametrize(
    "language",
    [
        "en", "en-GB", "fr", "pt-BR", "zh-Hant-TW", "es-419", "sl-rozaj-biske",
        # BCP 47 extensions and private use
        "en-US-x-twain", "de-u-co-phonebk", "x-custom", "en-a-bbb-x-a-ccc", "i-klingon",
    ],
)  # fmt: skip
def test_a_language_code_is_taken(language: str) -> None:
    assert parse_config(f"language: {language}\n").language == language


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("English", " (English: en)"),
        ("Français", " (Français: fr)"),
        ("en_US", " (en_US: en-US)"),
        ("pt_br", " (pt_br: pt-br)"),
        ("", ""),
        ("en-", ""),
        ("en-x", ""),
        ("en-u-", ""),
        ("x", ""),
        ("en--GB", ""),
        ("english-GB", ""),
    ],
)
def test_a_language_name_is_refused_with_its_code(language: str, hint: str) -> None:
    """`language: English` would put lang="English" in every page and turn off the junk
    filter's English rules, which only an `en` site gets. So would `en_US` (a locale's
    name, not a language tag): it gets the tag with a hyphen."""
    with pytest.raises(ContentError) as caught:
        parse_config(f"language: '{language}'\n")
    assert caught.value.lines() == [
        f"briefing.yaml:1: language: {language!r} must be a language code such as en, "
        f"en-GB, fr or ja{hint}"
    ]


INIT_CONFIG = files("briefing_site").joinpath("data/site/briefing.yaml").read_text("utf-8")
LINE_UP = "; line it up with the lines above: a list's items and a mapping's keys share a column"


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("  defense: {title: Defense", " defense: {title: Defense", 11),
        ("  history: {title: History}", "  history:\n    title: History\n   aliases: [Past]", 14),
    ],
    ids=["a flow mapping", "a flow list"],
)
def test_a_valid_bracketed_value_out_of_line_is_not_told_to_be_quoted(
    old: str, new: str, line: int
) -> None:
    """Quoting `{title: Defense}` would turn a topic into a string: the fix is the indent."""
    assert old in INIT_CONFIG
    with pytest.raises(ContentError) as caught:
        parse_config(INIT_CONFIG.replace(old, new, 1))
    lines = caught.value.lines()
    [message] = [m for m in lines if m.startswith(f"briefing.yaml:{line}: invalid YAML: ")]
    assert "quoted" not in message and message.endswith(LINE_UP), message
    assert not any("must be quoted" in m or "in quotes" in m for m in lines), lines


def test_an_unclosed_quote_is_named_at_its_line_and_the_valid_line_it_ran_to_is_not() -> None:
    """The quote runs on to the next quote (line 13's "What's next"), where YAML gives up
    first: that line is right and is not named, nor told to be quoted."""
    with pytest.raises(ContentError) as caught:
        parse_config(INIT_CONFIG.replace("title: Briefings", 'title: "Briefings', 1))
    assert caught.value.lines() == [
        "briefing.yaml:2: invalid YAML: while scanning a quoted scalar found unexpected end "
        "of stream; this quote is never closed: end the value with it"
    ]


def test_a_value_going_on_over_lines_with_a_colon_is_told_to_be_quoted() -> None:
    """Not to start it where the keys start: that would make the rest an unknown key."""
    with pytest.raises(ContentError) as caught:
        parse_config("title: T\ndescription: A long one\n  and it goes on: with a colon\n")
    assert caught.value.lines() == [
        "briefing.yaml:3: invalid YAML: mapping values are not allowed in this context; "
        "this line goes on from the value above and has ': ' in it: "
        "put the whole value in quotes"
    ]


@pytest.mark.parametrize("text", ["# title: My site\n# language: fr\n", "~\n", "---\n# all off\n"])
def test_a_settings_file_with_every_setting_commented_out_means_the_defaults(text: str) -> None:
    assert parse_config(text) == parse_config(None)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("//evil.example/", "must start with http://, https:// or a single /"),
        ("/\\evil.example/", "must be a plain URL: no quotes, <, >, backslashes or braces"),
        ('https://x.example/"><b>', "must be a plain URL: no quotes, <, >, backslashes or braces"),
    ],
)
def test_a_base_url_a_browser_would_read_as_another_host_or_markup_is_refused(
    url: str, why: str
) -> None:
    """`//host/` and `/\\host/` take every internal link to another site."""
    with pytest.raises(ContentError) as caught:
        parse_config(f"base_url: '{url}'\n")
    assert caught.value.lines() == [f"briefing.yaml:1: base_url: {url!r} {why}"]
