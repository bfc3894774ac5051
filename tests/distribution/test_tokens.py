from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.distribution.models import ApiToken
from dateline.distribution.tokens import token_create, token_revoke, token_user

from ..factories import member


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(db):
    return member("editor")


def test_only_the_prefix_and_a_digest_are_stored(editor):
    token, raw = token_create(user=editor, name="wire desk")
    stored = ApiToken.objects.get(pk=token.pk)
    assert raw == f"dl_{stored.prefix}_{raw.split('_', 2)[2]}"
    assert len(stored.prefix) == 12
    assert stored.digest == hashlib.sha256(raw.encode()).hexdigest()
    secret = raw.split("_", 2)[2]
    assert all(
        secret not in str(getattr(stored, f.attname)) for f in ApiToken._meta.fields
    )


def test_a_token_acts_as_its_account_and_notes_when_it_was_used(editor):
    token, raw = token_create(user=editor)
    assert token_user(raw) == editor
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_last_use_is_written_at_most_every_five_minutes(
    editor, django_assert_num_queries
):
    token, raw = token_create(user=editor)
    token_user(raw)
    with django_assert_num_queries(1):  # the lookup only, no write
        assert token_user(raw) == editor
    ApiToken.objects.filter(pk=token.pk).update(
        last_used_at=timezone.now() - timedelta(minutes=6)
    )
    with django_assert_num_queries(2):
        token_user(raw)


@pytest.mark.parametrize(
    ("_case", "mangle"),
    [
        (
            "one character changed",
            lambda raw: raw[:-1] + ("A" if raw[-1] != "A" else "B"),
        ),
        ("secret cut off", lambda raw: raw.rsplit("_", 1)[0] + "_"),
        ("no scheme", lambda raw: raw.removeprefix("dl_")),
        ("another prefix", lambda raw: "dl_0123456789ab_" + raw.split("_", 2)[2]),
        ("NUL in the prefix", lambda raw: "dl_\x00" + raw[4:]),
        ("empty", lambda raw: ""),
    ],
)
def test_anything_but_the_exact_token_is_refused(editor, _case, mangle):
    _, raw = token_create(user=editor)
    assert token_user(mangle(raw)) is None


def test_a_revoked_token_stops_working(editor):
    token, raw = token_create(user=editor)
    token_revoke(token=token)
    assert token_user(raw) is None
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


@pytest.mark.parametrize("change", ["deactivate", "no role"])
def test_a_token_of_an_account_that_left_the_newsroom_is_refused(editor, change):
    _, raw = token_create(user=editor)
    if change == "deactivate":
        editor.is_active = False
    else:
        editor.role = "reader"
    editor.save()
    assert token_user(raw) is None
