"""Rules for parameters the API reads: slugs, RFC 3339 times, plain text."""

from __future__ import annotations

from datetime import UTC, datetime

from ninja.errors import HttpError

# Patterns are checked by pydantic's Rust regex engine and read by clients in
# ECMA-262 or Python dialects, where \w, \d and \s each mean something else:
# so they name their characters. Slugs may be Unicode (allow_unicode).
SLUG_CHARACTERS = r"-0-9A-Za-z_\u0080-\uffff"
SLUG = rf"^[{SLUG_CHARACTERS}]+$"
# RFC 3339 date-times; a missing offset means UTC. pydantic alone would also
# take a bare number as a Unix time, which no client means by "since=0.5".
DATE_TIME = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})?$"
)
# PostgreSQL text cannot hold NUL; refused here, it would be a 500 there.
TEXT = r"^[^\x00]*$"
# Text with at least one character that is neither NUL, a control character
# nor an ASCII space.
NOT_BLANK = r"^[^\x00]*[^\x00-\x20\x7f][^\x00]*$"


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
