"""The build clock: one injectable 'now' so builds are reproducible.

`--now` wins, then `SOURCE_DATE_EPOCH` (the reproducible-builds convention),
then the wall clock. Only aware datetimes leave this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from briefing_site.errors import UsageError


def parse_now(text: str) -> datetime:
    """An ISO 8601 instant with an offset (`Z` allowed); naive is refused."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise UsageError(f"--now: {text!r} is not an ISO 8601 date-time") from exc
    if value.tzinfo is None:
        raise UsageError(f"--now: {text!r} needs an offset, e.g. {text}+00:00")
    return value


def build_clock(now: str | None, environ: Mapping[str, str]) -> datetime:
    """The instant the build treats as 'now'."""
    if now:
        return parse_now(now)
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise UsageError(f"SOURCE_DATE_EPOCH: {epoch!r} is not a Unix time") from exc
    return datetime.now(UTC)
