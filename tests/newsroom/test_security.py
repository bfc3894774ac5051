"""Sign-in with a second factor, CSP on every page, cookies, CSRF."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from dateline.accounts.models import AuditEntry
from dateline.newsroom import services

from ..factories import ArticleFactory

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.split(" ", 1) for part in header.split("; "))


@pytest.mark.parametrize("path", ["/", "/newsroom/sign-in/", "/no-such-page/"])
def test_every_page_carries_the_strict_policy(db, path):
    response = Client().get(path)
    assert policy(response) == STRICT


def test_editor_pages_carry_it_too(users, client_for):
    article = services.article_create(by=users["editor"], data={"headline": "x"})
    response = client_for("editor").get(f"/newsroom/stories/{article.pk}/")
    assert policy(response) == STRICT
    assert "<script>" not in response.content.decode()  # no inline script


def test_editor_signs_in_with_password_then_code(users):
    client = Client()
    response = client.post(
        "/newsroom/sign-in/", {"username": "editor", "password": "correct horse"}
    )
    assert response["Location"] == "/newsroom/two-factor/?next=/newsroom/"
    assert client.get("/newsroom/")["Location"] == "/newsroom/two-factor/"

    # First time: the page offers a key to add to an authenticator app.
    page = client.get("/newsroom/two-factor/").content.decode()
    assert "Scan this code" in page
    device = TOTPDevice.objects.get(user=users["editor"], confirmed=False)

    wrong = client.post("/newsroom/two-factor/", {"code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    # django-otp throttles a device after a wrong code (1 s, doubling).
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    right = client.post(
        "/newsroom/two-factor/", {"code": f"{totp(device.bin_key):06d}"}
    )
    assert right["Location"] == "/newsroom/"
    assert client.get("/newsroom/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed is True
    assert AuditEntry.objects.filter(action=AuditEntry.Action.TWO_FACTOR).count() == 1


def test_session_cookie_is_secure_http_only_and_same_site(users):
    client = Client()
    client.post(
        "/newsroom/sign-in/", {"username": "author", "password": "correct horse"}
    )
    cookie = client.cookies["sessionid"]
    assert (cookie["secure"], cookie["httponly"], cookie["samesite"]) == (
        True,
        True,
        "Lax",
    )


def test_workflow_posts_need_the_csrf_token(users):
    article = ArticleFactory(created_by=users["author"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["author"])
    response = client.post(f"/newsroom/stories/{article.pk}/unpublish/")
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == "published"


def test_story_list_query_count_does_not_grow(
    users, client_for, django_assert_num_queries
):
    client = client_for("editor")
    for n in range(3):
        services.article_create(by=users["author"], data={"headline": f"Story {n}"})
    client.get("/newsroom/")
    with django_assert_num_queries(10) as first:
        client.get("/newsroom/")
    for n in range(20):
        services.article_create(by=users["author"], data={"headline": f"More {n}"})
    with django_assert_num_queries(len(first.captured_queries)):
        client.get("/newsroom/")
