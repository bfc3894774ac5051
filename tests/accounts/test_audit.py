"""Sign-ins, failures, role changes: the audit log records them."""

import pytest
from django.test import Client

from dateline.accounts.models import AuditEntry
from dateline.accounts.services import user_set_role

from ..factories import member


@pytest.fixture
def writer(db):
    return member("author", username="writer")


def test_role_change_is_logged_with_who_did_it(writer):
    admin = member("admin")
    user_set_role(user=writer, role="editor", by=admin)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ROLE_CHANGE)
    assert (entry.actor, entry.target, entry.detail) == (
        admin,
        "writer",
        "author → editor",
    )


def test_saving_without_a_role_change_logs_nothing(writer):
    writer.email = "w@example.com"
    writer.save()
    assert (
        AuditEntry.objects.filter(action=AuditEntry.Action.ROLE_CHANGE).exists()
        is False
    )


def test_sign_in_and_failed_sign_in_are_logged(writer):
    client = Client()
    client.post("/newsroom/sign-in/", {"username": "writer", "password": "wrong"})
    client.post(
        "/newsroom/sign-in/", {"username": "writer", "password": "correct horse"}
    )
    actions = list(
        AuditEntry.objects.order_by("pk").values_list(
            "action", "actor_name", "ip_address"
        )
    )
    assert actions == [
        ("sign_in_failed", "writer", "127.0.0.1"),
        ("sign_in", "writer", "127.0.0.1"),
    ]


def test_passwords_are_hashed_with_argon2(settings):
    from django.contrib.auth.hashers import check_password, make_password

    from dateline import settings as project

    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS
    hashed = make_password("correct horse")
    assert hashed.startswith("argon2$argon2id$")
    assert check_password("correct horse", hashed) is True
