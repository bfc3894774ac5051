"""Admins manage tokens and subscribers and read every delivery attempt."""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import get_messages

from dateline.distribution.models import (
    ApiToken,
    WebhookAttempt,
    WebhookDelivery,
    WebhookSubscriber,
)
from dateline.distribution.tokens import token_create, token_user

from ..factories import member


@pytest.fixture
def admin_client(client, db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.force_login(member("admin", is_staff=True, is_superuser=True))
    return client


def test_an_admin_makes_a_token_and_sees_it_once(admin_client):
    author = member("author")
    response = admin_client.post(
        "/admin/distribution/apitoken/add/", {"user": author.pk, "name": "script"}
    )
    assert response.status_code == 302
    [message] = [
        str(m) for m in get_messages(response.wsgi_request) if "shown again" in str(m)
    ]
    raw = re.search(r"(dl_\S+)$", message).group(1)
    assert token_user(raw) == author
    token = ApiToken.objects.get()
    assert (token.user, token.name) == (author, "script")
    change = f"/admin/distribution/apitoken/{token.pk}/change/"
    assert raw in admin_client.get(change).content.decode()  # the message, once
    assert raw not in admin_client.get(change).content.decode()


def test_an_admin_revokes_tokens(admin_client):
    token, raw = token_create(user=member("editor"))
    admin_client.post(
        "/admin/distribution/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert token_user(raw) is None


def test_a_subscriber_url_is_checked_when_an_admin_saves_it(admin_client):
    url = "http://127.0.0.1:9000/hook"
    refused = admin_client.post(
        "/admin/distribution/webhooksubscriber/add/", {"url": url, "is_active": "on"}
    )
    assert refused.status_code == 200
    assert "a private or local address" in refused.content.decode()
    assert WebhookSubscriber.objects.exists() is False

    admin_client.post(
        "/admin/distribution/webhooksubscriber/add/",
        {"url": url, "is_internal": "on", "is_active": "on"},
    )
    subscriber = WebhookSubscriber.objects.get()
    assert subscriber.secret.startswith("whsec_")


def test_an_admin_reads_each_attempt_of_a_delivery(admin_client):
    subscriber = WebhookSubscriber.objects.create(
        url="https://93.184.216.34/", secret="s"
    )
    delivery = WebhookDelivery.objects.create(
        subscriber=subscriber, event="article.published", body="{}"
    )
    WebhookAttempt.objects.create(
        delivery=delivery, number=1, response_code=500, error="Answered 500."
    )
    WebhookAttempt.objects.create(
        delivery=delivery, number=2, error="No answer within 10 s."
    )
    page = admin_client.get(
        f"/admin/distribution/webhookdelivery/{delivery.pk}/change/"
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "Answered 500." in html
    assert "No answer within 10 s." in html
