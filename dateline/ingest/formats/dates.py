"""Dates as feeds write them, read into aware UTC datetimes."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as date_parser

# Anything outside this range is a misreading (a Unix timestamp, a
# two-digit year taken for a century), not a publication date.
_EARLIEST, _LATEST = 1990, 2200


def parse_date(value: str | None) -> datetime | None:
    """Return the date as aware UTC, or None when it cannot be read."""
    value = " ".join((value or "").split())
    if not value or value.isdigit():
        return None
    parsed = _rfc822(value) or _iso8601(value) or _lenient(value)
    if parsed is None or not _EARLIEST <= parsed.year <= _LATEST:
        return None
    if parsed.tzinfo is None:
        # No zone given: UTC is the least surprising reading.
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _rfc822(value: str) -> datetime | None:
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def _iso8601(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _lenient(value: str) -> datetime | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown zone names: read as UTC
        try:
            return date_parser.parse(value)
        except (ValueError, OverflowError, TypeError):
            return None
