"""ICS folding and escaping for any text, checked against icalendar's reader."""

from __future__ import annotations

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_site.output.ics import escape_text, fold

# Text as editors paste it: any printable character, including multi-byte ones and emoji.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=300)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_folded_lines_fit_75_octets_and_unfold_to_the_original(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line).encode("utf-8")
    physical = folded.split(b"\r\n")
    assert physical[-1] == b""
    for part in physical[:-1]:
        assert len(part) <= 75
        part.decode("utf-8")  # never split inside a character
    assert folded.replace(b"\r\n ", b"").decode("utf-8") == line + "\r\n"


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_escaped_text_reads_back_as_the_original(text: str) -> None:
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:x@example.org\r\nDTSTAMP:20250101T000000Z\r\n"
        + fold("SUMMARY:" + escape_text(text))
        + "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event.get("summary", "")) == text
