"""Newsroom accounts by role, and clients signed in as them (two factors done)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from huey.contrib.djhuey import HUEY

from dateline.accounts.models import User

from ..factories import member

ROLES = ["contributor", "author", "editor", "admin"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings: object) -> None:
    # Argon2 is slow on purpose; tests hash hundreds of passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _tasks_in_memory() -> Iterator[None]:
    # Immediate mode keeps enqueued work in memory, never in var/tasks.sqlite3.
    before = HUEY.immediate
    HUEY.immediate = True
    yield
    HUEY.immediate = before


def sign_in(client: Client, user: User) -> Client:
    """Sign `user` in as the newsroom would after password and code."""
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="phone", defaults={"confirmed": True}
    )
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def users(db: None) -> dict[str, User]:
    return {role: member(role) for role in ROLES}


@pytest.fixture
def client_for(users: dict[str, User]) -> Callable[[str], Client]:
    def make(role: str) -> Client:
        return sign_in(Client(), users[role])

    return make
