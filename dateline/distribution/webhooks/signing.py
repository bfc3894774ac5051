"""The X-Dateline-Signature header: HMAC-SHA256 over a timestamp and the raw body.

    X-Dateline-Signature: t=1700000000,v1=5257a869e7ec…

v1 is the hex HMAC-SHA256, keyed with the subscriber's secret, of
"<t>." followed by the body bytes. The timestamp is signed too, so a
receiver that refuses old timestamps cannot be sent a captured POST again.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

HEADER = "X-Dateline-Signature"
TOLERANCE = 300  # seconds a receiver should accept, either way


def secret_new() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def signature(*, secret: str, body: bytes, timestamp: int) -> str:
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(*, secret: str, body: bytes, timestamp: int) -> str:
    return (
        f"t={timestamp},v1={signature(secret=secret, body=body, timestamp=timestamp)}"
    )


def signature_verify(
    *, secret: str, body: bytes, header: str, now: float | None = None
) -> bool:
    """Whether header signs body with secret, within TOLERANCE of now."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > TOLERANCE:
        return False
    expected = signature(secret=secret, body=body, timestamp=timestamp)
    return hmac.compare_digest(expected, fields.get("v1", ""))
