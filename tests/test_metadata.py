"""Metadata validation: typed values, strict times, every problem with its line."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from briefing_site.config.schema import parse_config
from briefing_site.content.load import parse_markdown_article
from briefing_site.content.metadata import slugify, validate
from briefing_site.errors import ContentError
from briefing_site.model import Metadata

CONFIG = parse_config(None)


def meta(front: str, path: str = "content/a.md", body: str = "Body.\n") -> Metadata:
    return validate(parse_markdown_article(f"---\n{front}---\n{body}", path), CONFIG)


def problems(front: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        meta(front)
    return caught.value.lines()


def test_seed_like_metadata_becomes_typed_values() -> None:
    m = meta(
        "title: Summit\nevent:\n  name: Talks\n  start: 2025-02-07T11:55:00-05:00\n"
        "  timezone: America/New_York\n  also_in: [Asia/Tokyo]\n"
        "people:\n  - {name: A, role: B}\n  - C\ntags: [Japan, United States]\n"
    )
    assert m.slug == "a" and m.title == "Summit"
    assert m.event is not None and m.event.start == datetime(
        2025, 2, 7, 11, 55, tzinfo=ZoneInfo("America/New_York")
    )
    assert not m.event.all_day and m.event.also_in == ("Asia/Tokyo",)
    assert [(p.name, p.role) for p in m.people] == [("A", "B"), ("C", "")]
    assert m.tags == ("japan", "united-states")


def test_date_only_event_is_all_day_at_midnight_in_its_zone() -> None:
    m = meta("title: T\nevent: {start: 2025-03-09, timezone: America/New_York}\n")
    assert m.event is not None and m.event.all_day
    assert m.event.start.isoformat() == "2025-03-09T00:00:00-05:00"


def test_date_without_year_is_never_filled_in() -> None:
    assert problems("title: T\nevent:\n  start: February 7\n") == [
        "content/a.md:4: event.start: 'February 7' is not an ISO 8601 date (YYYY-MM-DD) or date-time"
    ]


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("2025-02-30T10:00", "'2025-02-30T10:00': there is no February 30 in 2025"),
        ("2025-13-02", "'2025-13-02': there is no month 13"),
        ("2025-02-07T24:00", "'2025-02-07T24:00': hour must be in 0..23"),
        (
            "2025-02-07T10:00:00+25:00",
            "'2025-02-07T10:00:00+25:00': an offset is at most 23:59 either way "
            "(the world's zones run from -12:00 to +14:00)",
        ),
        (
            "2025-02-07T10:00:00 EST",
            "'2025-02-07T10:00:00 EST': write the offset as a number (-05:00), "
            "not a zone's letters, and the zone in event.timezone",
        ),
        (
            "2025-02-07T10:00:00+5",
            "'2025-02-07T10:00:00+5' is not an ISO 8601 date-time, e.g. 2025-02-07T11:55:00-05:00",
        ),
    ],
)
def test_an_impossible_time_is_quoted_and_says_why(start: str, message: str) -> None:
    assert problems(f"title: T\nevent:\n  start: '{start}'\n") == [
        f"content/a.md:4: event.start: {message}"
    ]


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        ("europe/berlin", "did you mean 'Europe/Berlin'?"),
        ("America/New York", "did you mean 'America/New_York'?"),
        ("Tokyo", "did you mean 'Asia/Tokyo'?"),
        ("+01:00", "give a zone's name (e.g. Europe/Paris), not an offset"),
        ("UTC+1", "give a zone's name (e.g. Europe/Paris), not an offset"),
        ("Mars/Olympus", "e.g. Europe/Paris, America/New_York, Asia/Tokyo"),
    ],
)
def test_an_unknown_zone_suggests_the_name_meant(zone: str, hint: str) -> None:
    assert problems(f"title: T\nevent:\n  start: 2025-02-07\n  timezone: '{zone}'\n") == [
        f"content/a.md:5: event.timezone: '{zone}' is not a known IANA time zone; {hint}"
    ]
    also = problems(f"title: T\nevent:\n  start: 2025-02-07\n  also_in: ['{zone}']\n")
    assert also == [
        f"content/a.md:5: event.also_in: '{zone}' is not a known IANA time zone; {hint}"
    ]


def test_offset_must_agree_with_the_zone() -> None:
    (line,) = problems(
        "title: T\nevent:\n  start: 2025-02-07T11:55:00+09:00\n  timezone: America/New_York\n"
    )
    assert (
        line.startswith("content/a.md:4: event.start:")
        and "disagrees with America/New_York" in line
    )


def test_naive_time_is_read_in_the_zone_and_dst_gaps_are_errors() -> None:
    m = meta("title: T\nevent: {start: '2025-02-07T11:55', timezone: America/New_York}\n")
    assert m.event is not None and m.event.start.utcoffset() is not None
    (gap,) = problems(
        "title: T\nevent:\n  start: '2025-03-09T02:30'\n  timezone: America/New_York\n"
    )
    assert "does not exist in America/New_York" in gap
    (twice,) = problems(
        "title: T\nevent:\n  start: '2025-11-02T01:30'\n  timezone: America/New_York\n"
    )
    assert "happens twice" in twice


def test_unknown_zone_and_unknown_keys_are_reported_together() -> None:
    found = problems("titel: T\nevent:\n  start: 2025-02-07\n  timezone: Mars/Olympus\n")
    assert found == [  # sorted by line
        "content/a.md:1: missing required field: title",
        "content/a.md:2: unknown key 'titel' (did you mean 'title'?); known keys: "
        "title, summary, slug, date, updated, event, people, tags, sources, draft, sections, drop, keep, image, author, language",
        "content/a.md:5: event.timezone: 'Mars/Olympus' is not a known IANA time zone; "
        "e.g. Europe/Paris, America/New_York, Asia/Tokyo",
    ]


def test_yaml_11_surprises_stay_text() -> None:
    m = meta("title: NO\nsummary: 012345\nslug: '1230'\n")
    assert m.title == "NO" and m.summary == "012345"


def test_duplicate_keys_name_both_lines() -> None:
    assert problems("title: A\ntitle: B\n") == [
        "content/a.md:3: duplicate key 'title' (first given at line 2)"
    ]


def test_end_before_start_is_an_error() -> None:
    (line,) = problems("title: T\nevent:\n  start: 2025-02-07\n  end: 2025-02-06\n")
    assert line.startswith("content/a.md:5: event.end:")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Élysée talks", "elysee-talks"),
        ("E\u0301lyse\u0301e talks", "elysee-talks"),
        ("summit — day 2", "summit-day-2"),
    ],
)
def test_slugs_are_ascii_and_the_same_for_nfc_and_nfd(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_unsafe_slug_is_refused() -> None:
    (line,) = problems("title: T\nslug: ../etc\n")
    assert line.startswith("content/a.md:3: slug:")


def test_unquoted_colon_in_a_title_says_to_quote_it() -> None:
    (line,) = problems("title: Lisbon talks: what to watch\n")
    assert line.startswith("content/a.md:2: invalid YAML: mapping values are not allowed")
    assert line.endswith("""must be quoted: title: "Lisbon talks: what to watch\"""")


def test_top_level_location_points_to_event_location() -> None:
    (line,) = problems("title: T\nlocation: Lisbon\n")
    assert line.startswith("content/a.md:3: unknown key 'location': it belongs inside event")
    assert "\n" not in line  # one line: a message is printed as one
    assert "event.location" in line and "sections" not in line


def test_a_yaml_error_does_not_hide_the_other_problems_in_the_file() -> None:
    found = problems(
        "title: Talks: a preview\nlocation: Lisbon\nsummary: [unclosed\n"
        "event:\n  start: 2026-03-14\n  timezone: Mars/Olympus\ntagz: [a]\n"
    )
    assert [line.split(": ", 2)[:2] for line in found] == [  # file order, all of them
        ["content/a.md:2", "invalid YAML"],
        ["content/a.md:3", "unknown key 'location'"],
        ["content/a.md:4", "invalid YAML"],
        ["content/a.md:7", "event.timezone"],
        ["content/a.md:8", "unknown key 'tagz' (did you mean 'tags'?); known keys"],
    ]


def test_drop_and_keep_take_paragraph_numbers() -> None:
    five = "".join(f"Paragraph {n}.\n\n" for n in range(1, 6))
    m = meta("title: T\ndrop: [2, 5]\nkeep: 3\n", body=five)
    assert m.drop == (2, 5) and m.keep == (3,)
    (line,) = problems("title: T\ndrop: [first]\n")
    assert (
        line == "content/a.md:3: drop: must be a list of paragraph numbers (whole numbers from 1)"
    )


def test_a_number_as_title_names_the_event_and_a_wrong_location_is_named() -> None:
    """`title: 2025` is read as text, and the event it names takes it; a location that
    is not text is reported on its own line, as event.location."""
    m = meta("title: 2025\nevent:\n  start: 2025-02-07\n")
    assert m.title == "2025" and m.event is not None and m.event.name == "2025"
    assert problems("title: T\nevent:\n  start: 2025-02-07\n  location: [a, b]\n") == [
        "content/a.md:5: event.location: must be text"
    ]


def test_a_tag_in_another_script_is_told_to_use_latin_letters() -> None:
    """A tag is a URL of ASCII letters: 日本 has letters, just none a URL can take."""
    assert problems("title: T\ntags: [trade, 日本]\n") == [
        "content/a.md:3: tags: '日本': a tag's URL is made of Latin letters and digits, and "
        "this one has none: write it in Latin letters (e.g. japan)"
    ]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://exa mple.com/a", "'https://exa mple.com/a' has a space: is it one URL?"),
        ("www.example.com/a", "'www.example.com/a' must start with http:// or https://"),
    ],
)
def test_a_source_url_says_what_is_wrong_with_it(url: str, why: str) -> None:
    found = problems(f"title: T\nsources:\n  - {{title: A, url: '{url}'}}\n")
    assert found == [f"content/a.md:4: sources: {why}"]  # the url's own line


def test_joiners_inside_words_are_kept_in_the_title() -> None:
    # An emoji family, a Devanagari conjunct (ZWJ) and a Persian word (ZWNJ) need them.
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    conjunct = "\u0915\u094d\u200d\u0937"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    m = meta(f'title: "{family} {conjunct} {persian}\u200d"\n')
    assert m.title == f"{family} {conjunct} {persian}"  # the stray one at the end goes
    assert slugify("ab\u200dcd") == "abcd"  # a slug is never split by one


def test_bidi_controls_are_stripped_from_event_fields_and_people() -> None:
    m = meta(
        'title: T\nevent:\n  name: "Summit \u202eevil\u202c talks"\n'
        "  start: 2025-02-07T11:55:00+00:00\n"
        '  location: "Europa \u2067building\u2069, \u202aBrussels\u202c"\n'
        'people:\n  - {name: "First \u202dLeader", role: "Prime \u202bMinister"}\n'
        '  - "\u2066Second\u2069 Leader"\n'
    )
    assert m.event is not None
    assert m.event.name == "Summit evil talks"
    assert m.event.location == "Europa building, Brussels"
    assert [(p.name, p.role) for p in m.people] == [
        ("First Leader", "Prime Minister"),
        ("Second Leader", ""),
    ]


@pytest.mark.parametrize(
    "blank",
    [
        "\u200b",
        "\u202e",
        " \u2066\u2069\u200d ",
        "\u00ad",  # a soft hyphen: shown only where a word breaks
        "\u00ad\u034f\ufe0f",  # with a grapheme joiner and a variation selector
        "\u180e\U000e0041",  # the Mongolian vowel separator, a tag character
        "\u3164\u2800",  # the Hangul filler and the blank braille pattern: blank letters
        "\u0301",  # a combining accent with no letter to sit on
    ],
)
def test_text_of_invisible_characters_only_is_empty_text(blank: str) -> None:
    """A name of nothing but zero-width, bidi, format or blank characters cleans to "": it
    is refused as an empty one is (never an empty item in the key facts), and an empty
    role is dropped."""
    for person in ('"{}"', '{{name: "{}"}}', '{{name: "{}", role: R}}'):
        empty = problems("title: T\npeople:\n  - " + person.format("") + "\n")
        assert empty == [
            "content/a.md:4: people: a person's name is empty: write it, or leave the entry out"
        ]
        assert problems("title: T\npeople:\n  - " + person.format(blank) + "\n") == empty
    m = meta(f'title: T\npeople:\n  - {{name: A, role: "{blank}"}}\n')
    assert [(p.name, p.role) for p in m.people] == [("A", "")]
    event = 'title: T\nevent:\n  start: 2025-02-07\n  timezone: UTC\n  name: "{}"\n'
    empty = problems(event.format(""))
    assert empty == [
        "content/a.md:6: event.name: is empty; write the event's name, "
        "or leave name out to use the title"
    ]
    assert problems(event.format(blank)) == empty
    # A location of nothing is no location (a warning, and no "Where" at all).
    m = meta(f'title: T\nevent: {{start: 2025-02-07, timezone: UTC, location: "{blank}"}}\n')
    assert m.event is not None and m.event.location == ""
    assert (
        problems(f'title: "{blank}"\n')
        == problems('title: ""\n')
        == ["content/a.md:2: title: is empty; write the headline"]
    )
