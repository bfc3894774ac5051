"""Broken requests get a clean 400/404/405 page in the site's look, never a 500."""

import os
import subprocess
import sys

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("_case", "path"),
    [
        ("unknown article slug", "/2023/10/16/no-such-story/"),
        ("unknown category", "/category/nope/"),
        ("unknown tag", "/tag/nope/"),
        ("unknown author", "/author/nope/"),
        ("malformed date", "/2023/1/16/story/"),
        ("year out of range", "/99999/"),
        ("month 00", "/2023/00/"),
        ("slug with dots", "/category/../../etc/passwd/"),
        ("non-UTF-8 bytes", "/category/%FF%FE/"),
        ("non-UTF-8 article slug", "/2023/10/16/%C3%28/"),
        ("percent-encoded NUL", "/tag/a%00b/"),
        ("very long path", "/category/" + "a" * 5000 + "/"),
    ],
)
def test_bad_paths_are_404_pages(client, published_article, _case, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Recent Posts" in response.content


def test_overlong_query_string_is_ignored(client, published_article):
    response = client.get("/?" + "x=" + "a" * 20000)
    assert response.status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_unexpected_methods_get_a_405_page(published_article, method):
    # A real browser's POST carries no CSRF token here: still a 405, not a 403.
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(published_article.get_absolute_url())
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert b"Method not allowed" in response.content


def test_head_is_allowed_and_has_no_body(client, published_article):
    response = client.head(published_article.get_absolute_url())
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize(("value", "expected"), [(None, "False"), ("1", "True")])
def test_debug_is_off_unless_asked_for(value, expected):
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_DEBUG"}
    if value is not None:
        env["DATELINE_DEBUG"] = value
    out = subprocess.run(
        [sys.executable, "-c", "import dateline.settings as s; print(s.DEBUG)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == expected
