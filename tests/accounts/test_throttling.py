"""Sign-in is throttled per account and per address (django-axes)."""

import pytest
from django.test import Client

from ..factories import member


@pytest.fixture
def writer(db):
    return member("author", username="writer")


def attempt(client: Client, username: str, password: str, ip: str):
    return client.post(
        "/newsroom/sign-in/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def test_five_wrong_passwords_lock_the_account_even_from_elsewhere(writer):
    for n in range(5):
        attempt(Client(), "writer", "wrong", f"10.0.0.{n + 1}")
    response = attempt(Client(), "writer", "correct horse", "10.0.0.99")
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in Client().session


def test_five_failures_from_one_address_lock_that_address_for_any_account(writer):
    for n in range(5):
        attempt(Client(), f"nobody{n}", "wrong", "10.0.0.7")
    assert attempt(Client(), "writer", "correct horse", "10.0.0.7").status_code == 429
    assert attempt(Client(), "writer", "correct horse", "10.0.0.8").status_code == 302
