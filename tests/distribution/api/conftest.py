"""Newsroom accounts by role, each with an API token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from huey.contrib.djhuey import HUEY

from dateline.accounts.models import User
from dateline.distribution.tokens import token_create

from ...factories import member

ROLES = ["contributor", "author", "editor", "admin"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings: object) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _tasks_in_memory() -> Iterator[None]:
    # Immediate mode keeps enqueued work in memory, never in var/tasks.sqlite3.
    before = HUEY.immediate
    HUEY.immediate = True
    yield
    HUEY.immediate = before


@pytest.fixture
def users(db: None) -> dict[str, User]:
    return {role: member(role) for role in ROLES}


@pytest.fixture
def tokens(users: dict[str, User]) -> dict[str, str]:
    """The raw token of each role's account."""
    return {role: token_create(user=user)[1] for role, user in users.items()}
