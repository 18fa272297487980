"""Text from the file system or an article, made safe to show on a terminal or a page.

A file name may hold anything but `/` and NUL: a newline (one message would
print as two, the second reading like a message of its own), a right-to-left
override or a zero-width character (a "Trojan Source" trick: the terminal
shows something other than what is stored), or bytes that are not UTF-8
(Python hands them over as lone surrogates). `printable` shows all of these
escaped, so one message is one line and reads as it is stored.
"""

from __future__ import annotations

import re

# Bidi controls: embeddings and overrides, isolates, the marks, the Arabic letter mark.
BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
# Zero-width and invisible characters: spaces, joiners, word joiner, invisible operators, BOM.
ZERO_WIDTH = "\u200b-\u200d\u2060-\u2064\ufeff"
_INVISIBLE = re.compile(f"[{BIDI}{ZERO_WIDTH}]")
# The joiners (ZWNJ, ZWJ) shape what they stand between: an emoji sequence (a family,
# a rainbow flag), a Devanagari conjunct, a Persian word. Inside a word they stay; at a word's
# edge they show nothing and only make two strings that look alike differ.
_INVISIBLE_BUT_JOINERS = re.compile(f"[{BIDI}\u200b\u2060-\u2064\ufeff]")
_STRAY_JOINERS = re.compile(r"(?<!\S)[\u200c\u200d]+|[\u200c\u200d]+(?!\S)")
# Also: C0 and C1 controls, DEL, line and paragraph separators, and lone surrogates.
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{BIDI}{ZERO_WIDTH}]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control, bidi, zero-width and undecodable character escaped."""
    return _UNSAFE.sub(_escape, text)


def without_invisible(text: str) -> str:
    """`text` without bidi controls and zero-width characters, but for the joiners
    inside a word, which the word needs (for titles, event names, places, people).

    Every one of them is outside ASCII, so ASCII text (`isascii` reads a flag) comes
    back as it is, without two regex scans."""
    if text.isascii():
        return text
    text = _INVISIBLE_BUT_JOINERS.sub("", text)
    if "\u200c" not in text and "\u200d" not in text:  # no joiner: nothing stray
        return text
    return _STRAY_JOINERS.sub("", text)


def without_any_invisible(text: str) -> str:
    """`text` without a single bidi control or zero-width character (for slugs:
    'ab\u200dcd' is 'abcd', never 'ab-cd')."""
    return _INVISIBLE.sub("", text)


# Letters that print as blank space: the Hangul fillers, the blank braille pattern, the
# Khmer inherent vowels; and the Mongolian vowel separator (Cf in older Unicode).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\u180e")
# Format characters (soft hyphen, tags, joiners), controls, separators, surrogates, and
# combining marks (a variation selector, an accent with no letter to sit on).
_SHOW_NOTHING = frozenset(("Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"))


def shows_nothing(text: str) -> bool:
    """Whether `text` prints as nothing at all: only spaces, format characters (a soft
    hyphen, a zero-width space, a tag), combining marks and blank letters. Such a title
    is as empty as "" and must be refused as "" is, whichever invisible it is made of."""
    import unicodedata

    return all(
        char.isspace() or char in _BLANK_LETTERS or unicodedata.category(char) in _SHOW_NOTHING
        for char in text
    )


def undecodable(name: str) -> bool:
    """Whether a name from the file system held bytes that are not UTF-8."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def name_bytes(name: str) -> str:
    """A file name's bytes, printable ASCII as it is and every other byte as `\\xNN`."""
    raw = name.encode("utf-8", "surrogateescape")
    return "".join(chr(b) if 0x20 <= b < 0x7F else f"\\x{b:02x}" for b in raw)


def shell_path(path: object) -> str:
    """`path` as one word a pasted command takes as a path: shell-quoted (spaces,
    quotes), and `./` before a leading `-`, which would read as an option."""
    import shlex

    text = str(path)
    return shlex.quote("./" + text if text.startswith("-") else text)


# Characters HTML forbids in text (vnu: "Forbidden code point") or XML cannot hold
# (the feeds): C0 controls but tab, newline and CR, DEL, C1 controls, noncharacters.
# Copy pasted from Word or a terminal carries them (a vertical tab is Word's line break).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_BREAKS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")  # separators and line breaks: a space


def forbidden_in(text: str) -> str:
    """The first character of `text` HTML and XML forbid (a control), or ""."""
    found = _FORBIDDEN.search(text)
    return found.group() if found else ""


# The ASCII characters `_FORBIDDEN` lets through: tab, newline, CR and the printable ones.
_ALLOWED_ASCII = bytes([9, 10, 13, *range(0x20, 0x7F)])


def without_forbidden(text: str) -> str:
    """`text` fit for HTML and XML: a control that breaks a line or separates becomes a
    space, any other is dropped (it shows nothing, or a box).

    Every paragraph passes here, most with nothing to drop: ASCII text is checked by
    deleting its allowed bytes (`bytes.translate`; anything left is forbidden), several
    times cheaper than the regex scan."""
    if text.isascii():
        if not text.encode("ascii").translate(None, _ALLOWED_ASCII):
            return text
    elif not _FORBIDDEN.search(text):
        return text
    return _FORBIDDEN.sub(lambda m: " " if m.group() in _BREAKS else "", text)
