"""Rules for parameters the API reads: slugs, RFC 3339 times, plain text."""

from __future__ import annotations

from datetime import UTC, datetime

from ninja.errors import HttpError

SLUG = r"^[-\w]+$"
# RFC 3339 date-times; a missing offset means UTC. pydantic alone would also
# take a bare number as a Unix time, which no client means by "since=0.5".
DATE_TIME = r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$"
# PostgreSQL text cannot hold NUL; refused here, it would be a 500 there.
TEXT = r"^[^\x00]*$"


def moment(value: str | None, name: str) -> datetime | None:
    """An aware UTC time, or a 400 for one that does not exist or cannot compare."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            return parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        raise HttpError(400, f"Invalid value for: {name}.") from None
