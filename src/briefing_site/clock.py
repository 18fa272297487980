"""The build clock: one injectable 'now' so builds are reproducible.

`--now` wins, then `SOURCE_DATE_EPOCH` (the reproducible-builds convention),
then the wall clock. Only aware datetimes leave this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from briefing_site.errors import UsageError

# Python's dates end at years 1 and 9999; a build works days and months either side of
# its clock (countdowns, the news window), and dates of articles are held to these too.
FIRST_YEAR, LAST_YEAR = 1000, 9000


def parse_now(text: str) -> datetime:
    """An ISO 8601 instant with an offset (`Z` allowed); naive is refused."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise UsageError(f"--now: {text!r} is not an ISO 8601 date-time") from exc
    if value.tzinfo is None:
        raise UsageError(f"--now: {text!r} needs an offset, e.g. {text}+00:00")
    return _in_years(value, f"--now: {text!r}")


def _in_years(value: datetime, what: str) -> datetime:
    """`value`, if a build can count days and months from it without leaving the calendar."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise UsageError(f"{what}: the year must be between {FIRST_YEAR} and {LAST_YEAR}")
    return value


def build_clock(now: str | None, environ: Mapping[str, str]) -> datetime:
    """The instant the build treats as 'now'."""
    if now is not None:  # `--now ""` (a variable left unset) is not the real clock
        return parse_now(now)
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            clock = datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise UsageError(f"SOURCE_DATE_EPOCH: {epoch!r} is not a Unix time") from exc
        return _in_years(clock, f"SOURCE_DATE_EPOCH: {epoch!r}")
    return datetime.now(UTC)
