"""Opaque cursors for keyset pagination: where the last page stopped."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from ninja.errors import HttpError


def cursor_encode(position: dict[str, Any]) -> str:
    raw = json.dumps(position, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def cursor_decode(token: str, *, keys: dict[str, type]) -> dict[str, Any]:
    """The position in a cursor, or a 400 if it is not one this API made."""
    try:
        padded = token + "=" * (-len(token) % 4)
        position = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        raise HttpError(400, "The cursor is not valid.") from None
    if not isinstance(position, dict) or set(position) != set(keys):
        raise HttpError(400, "The cursor is not valid.")
    for key, kind in keys.items():
        if type(position[key]) is not kind:
            raise HttpError(400, "The cursor is not valid.")
    return position
