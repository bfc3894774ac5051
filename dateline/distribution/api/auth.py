"""Bearer tokens for the newsroom operations: each acts as one newsroom account."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from dateline.accounts.models import User

from ..tokens import token_user


class TokenAuth(HttpBearer):
    """Authorization: Bearer dl_…, made with `dateline createtoken USER`."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return token_user(token.strip())
