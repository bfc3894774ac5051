from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dateline.distribution.models import ApiToken, WebhookSubscriber
from dateline.distribution.tokens import token_user

from ...factories import member


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_createtoken_prints_a_working_token_once(db):
    author = member("author")
    out, err = run("createtoken", "author", "--name", "wire script")
    raw = out.strip()
    assert token_user(raw) == author
    token = ApiToken.objects.get()
    assert token.name == "wire script"
    assert err.strip() == (
        f"Token {token.prefix}… for author (Author). Copy it now: it cannot be shown again."
    )


@pytest.mark.parametrize(
    ("_case", "username", "message"),
    [
        ("no such account", "nobody", "No account called 'nobody'."),
        ("inactive", "gone", "gone is not an active newsroom member."),
    ],
)
def test_createtoken_refuses_accounts_that_cannot_use_it(db, _case, username, message):
    member("editor", username="gone", is_active=False)
    with pytest.raises(CommandError) as refused:
        run("createtoken", username)
    assert str(refused.value) == message
    assert ApiToken.objects.exists() is False


def test_webhook_add_refuses_a_loopback_url_unless_internal(db):
    with pytest.raises(CommandError) as refused:
        run("webhook", "add", "http://127.0.0.1:9000/hook")
    assert "resolves to 127.0.0.1, a private or local address" in str(refused.value)
    assert WebhookSubscriber.objects.exists() is False

    out, _ = run("webhook", "add", "http://127.0.0.1:9000/hook", "--internal")
    subscriber = WebhookSubscriber.objects.get()
    assert out.strip() == f"secret: {subscriber.secret}"
    assert subscriber.is_internal is True
    assert subscriber.secret.startswith("whsec_")


def test_webhook_add_accepts_a_public_address_and_lists_and_removes(db):
    run("webhook", "add", "https://93.184.216.34/hooks", "--description", "partner")
    run("webhook", "add", "http://10.0.0.5/hooks", "--internal")
    first, second = WebhookSubscriber.objects.order_by("pk")
    out, _ = run("webhook", "list")
    assert out.splitlines() == [
        f"{second.pk}\thttp://10.0.0.5/hooks internal",
        f"{first.pk}\thttps://93.184.216.34/hooks",
    ]
    out, _ = run("webhook", "remove", str(first.pk))
    assert out.strip() == f"Removed subscriber {first.pk}."
    assert list(WebhookSubscriber.objects.all()) == [second]
    with pytest.raises(CommandError):
        run("webhook", "remove", str(first.pk))
