"""Dates and times as the pages write them, newsroom style, without the process locale.

Shared by the templates (as the `longdate` and `clock` filters) and by the words of an
event's status (`eventstatus`), which the calendar file says too.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache


def long_date(value: date) -> str:
    """'Friday, February 7, 2025' without the process locale (a datetime: its own day)."""
    return _long_date(value.date() if isinstance(value, datetime) else value)


@lru_cache(maxsize=4096)
def _long_date(day: date) -> str:
    """By calendar day: every listing shows each briefing's date again (at 10,000
    briefings, ~55,000 times), and formatting one costs ~10 us."""
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def clock_time(value: datetime) -> str:
    """'11:55 a.m. EST', newsroom style."""
    hour = value.hour % 12 or 12
    half = "a.m." if value.hour < 12 else "p.m."
    minutes = f":{value.minute:02d}"
    return f"{hour}{minutes} {half} {value.tzname()}"
