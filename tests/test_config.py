"""briefing.yaml: typed settings, unknown keys refused, topics as data."""

from __future__ import annotations

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
