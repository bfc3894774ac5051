"""API tokens: made once and shown once, kept as a prefix and a SHA-256 digest.

A token reads "dl_<prefix>_<secret>". The prefix finds the row; the digest
of the whole token must match. A token has 256 random bits, so one round of
SHA-256 suffices: password hashing guards guessable secrets, not these.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from django.utils import timezone

from dateline.accounts.models import User
from dateline.newsroom import permissions

from .models import ApiToken

SCHEME = "dl_"
# last_used_at is for admins spotting dead tokens, not an access log: it is
# written at most this often, so reads do not each become a write.
LAST_USED_EVERY = timedelta(minutes=5)
_PREFIX = re.compile(r"[0-9a-f]{12}")


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_create(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new token for user; the raw token is returned here and never again."""
    prefix = secrets.token_hex(6)
    raw = f"{SCHEME}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user, name=name, prefix=prefix, digest=_digest(raw)
    )
    return token, raw


def token_revoke(*, token: ApiToken) -> ApiToken:
    """Stop a token working; the row stays for the record."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_user(raw: str) -> User | None:
    """The newsroom member a presented token acts as, or None."""
    prefix, _, secret = raw.removeprefix(SCHEME).partition("_")
    if not raw.startswith(SCHEME) or not _PREFIX.fullmatch(prefix) or not secret:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.digest, _digest(raw)):
        return None
    if not permissions.is_member(token.user):
        return None  # deactivated, or no newsroom role any more
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
