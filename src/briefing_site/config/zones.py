"""Time-zone abbreviations as copy and editors write them, and the IANA zones they mean.

"EST" is a season's name for New York's clock, not a zone to schedule by: the
zone database's own `EST` is fixed at -05:00 and is an hour off all summer. So
an abbreviation is read as the place's zone (EST and EDT alike as
America/New_York), with a note when the season disagrees with it. Some name
more than one place (CST: Chicago or China; IST: India, Ireland or Israel):
those carry no zone of their own, and only a place the text names settles them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Abbreviation:
    """What an abbreviation names: its zone (or "" when ambiguous), and the season."""

    zone: str  # the IANA zone to read it in; "" when `zones` leaves a choice
    summer: bool | None  # True for a daylight-saving name (EDT), False for standard, None both
    zones: tuple[str, ...] = ()  # every zone it is used for, when it names several


def _one(zone: str, summer: bool | None = None) -> Abbreviation:
    return Abbreviation(zone, summer, (zone,))


ABBREVIATIONS: dict[str, Abbreviation] = {
    "GMT": _one("UTC"),
    "UTC": _one("UTC"),
    "ET": _one("America/New_York"),
    "EST": _one("America/New_York", False),
    "EDT": _one("America/New_York", True),
    "CT": _one("America/Chicago"),
    "CDT": _one("America/Chicago", True),
    "MT": _one("America/Denver"),
    "MST": _one("America/Denver", False),
    "MDT": _one("America/Denver", True),
    "PT": _one("America/Los_Angeles"),
    "PST": _one("America/Los_Angeles", False),
    "PDT": _one("America/Los_Angeles", True),
    "AKST": _one("America/Anchorage", False),
    "AKDT": _one("America/Anchorage", True),
    "HST": _one("Pacific/Honolulu"),
    "WET": _one("Europe/Lisbon", False),
    "WEST": _one("Europe/Lisbon", True),
    "BST": Abbreviation("Europe/London", True, ("Europe/London", "Asia/Dhaka")),
    "CET": _one("Europe/Brussels", False),
    "CEST": _one("Europe/Brussels", True),
    "EET": _one("Europe/Athens", False),
    "EEST": _one("Europe/Athens", True),
    "MSK": _one("Europe/Moscow"),
    "PKT": _one("Asia/Karachi"),
    "ICT": _one("Asia/Bangkok"),
    "WIB": _one("Asia/Jakarta"),
    "SGT": _one("Asia/Singapore"),
    "HKT": _one("Asia/Hong_Kong"),
    "PHT": _one("Asia/Manila"),
    "JST": _one("Asia/Tokyo"),
    "KST": _one("Asia/Seoul"),
    "AWST": _one("Australia/Perth"),
    "AEST": _one("Australia/Sydney", False),
    "AEDT": _one("Australia/Sydney", True),
    "NZST": _one("Pacific/Auckland", False),
    "NZDT": _one("Pacific/Auckland", True),
    "SAST": _one("Africa/Johannesburg"),
    "CST": Abbreviation("", False, ("America/Chicago", "Asia/Shanghai", "America/Havana")),
    "IST": Abbreviation("", None, ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem")),
    "AST": Abbreviation("", None, ("America/Halifax", "Asia/Riyadh")),
}

# Zones the zone database keeps under an abbreviation's or a rule's name (EST, CET,
# EST5EDT): they load, but none is a place's clock. Each with the zone to write instead.
LEGACY_ZONES: dict[str, str] = {
    "EST": "America/New_York",
    "EST5EDT": "America/New_York",
    "CST6CDT": "America/Chicago",
    "MST": "America/Denver (or America/Phoenix, which keeps no summer time)",
    "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles",
    "HST": "Pacific/Honolulu",
    "CET": "Europe/Paris, Europe/Berlin or the city's own zone",
    "MET": "Europe/Paris, Europe/Berlin or the city's own zone",
    "EET": "Europe/Athens, Europe/Kyiv or the city's own zone",
    "WET": "Europe/Lisbon",
}


def zone_for_abbreviation(name: str) -> str:
    """The zone to write for an abbreviation ("EST" -> America/New_York), or ""."""
    text = name.strip().upper()
    if text in ("UTC", "GMT"):
        return ""  # real zones in their own right
    if text in LEGACY_ZONES:
        return LEGACY_ZONES[text]
    found = ABBREVIATIONS.get(text)
    if found is None:
        return ""
    return found.zone or " or ".join(found.zones)
