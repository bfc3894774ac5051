"""Every role × every action, asked of permissions.py and through the UI's endpoints."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.accounts.models import AuditEntry, User
from dateline.content.models import Article, Tag
from dateline.newsroom import permissions
from dateline.newsroom.permissions import Action

from ..factories import ArticleFactory

DRAFT = Article.Status.DRAFT
PUBLISHED = Article.Status.PUBLISHED

# (case, expected for contributor, author, editor, admin)
MATRIX = {
    "create": (True, True, True, True),
    "edit own": (True, True, True, True),
    "edit others'": (False, False, True, True),
    "submit own": (True, True, True, True),
    "publish own": (False, True, True, True),
    "publish others'": (False, False, True, True),
    "schedule own": (False, True, True, True),
    "unpublish own": (False, True, True, True),
    "unpublish others'": (False, False, True, True),
    "delete own draft": (True, True, True, True),
    "delete others'": (False, False, True, True),
    "manage users": (False, False, False, True),
    "create tags": (False, False, True, True),
    "read audit log": (False, False, False, True),
}
ROLES = ("contributor", "author", "editor", "admin")
CASES = [
    pytest.param(case, role, expected[i], id=f"{role}-{case}")
    for case, expected in MATRIX.items()
    for i, role in enumerate(ROLES)
]


def story(owner: User, status: str = DRAFT) -> Article:
    return ArticleFactory(
        created_by=owner,
        status=status,
        published_at=timezone.now() - timedelta(hours=1)
        if status == PUBLISHED
        else None,
        headline="The original headline",
    )


def _other(users: dict[str, User], role: str) -> User:
    # "Others'" stories belong to a contributor (or, for contributors, an author).
    return users["author" if role == "contributor" else "contributor"]


@pytest.mark.parametrize(("case", "role", "expected"), CASES)
def test_permission_module_matrix(users, case, role, expected):
    user, other = users[role], _other(users, role)
    article_action = {
        "edit own": (Action.EDIT, story(user)),
        "edit others'": (Action.EDIT, story(other)),
        "submit own": (Action.SUBMIT, story(user)),
        "publish own": (Action.PUBLISH, story(user)),
        "publish others'": (Action.PUBLISH, story(other)),
        "schedule own": (Action.SCHEDULE, story(user)),
        "unpublish own": (Action.UNPUBLISH, story(user, PUBLISHED)),
        "unpublish others'": (Action.UNPUBLISH, story(other, PUBLISHED)),
        "delete own draft": (Action.DELETE, story(user)),
        "delete others'": (Action.DELETE, story(other)),
    }
    global_action = {
        "create": Action.CREATE,
        "manage users": Action.MANAGE_USERS,
        "create tags": Action.MANAGE_TAXONOMY,
        "read audit log": Action.READ_AUDIT_LOG,
    }
    if case in global_action:
        assert permissions.allowed(user, global_action[case]) is expected
    else:
        action, article = article_action[case]
        assert permissions.allowed(user, action, article) is expected


def _form(article: Article, **changes: object) -> dict[str, object]:
    return {"headline": article.headline, "version": article.version, **changes}


@pytest.mark.parametrize(("case", "role", "expected"), CASES)
def test_endpoint_matrix(users, client_for, case, role, expected):
    """The same matrix by direct requests: allowed changes things, denied is 403."""
    client, user, other = client_for(role), users[role], _other(users, role)
    soon = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S")

    if case == "create":
        response = client.post("/newsroom/stories/new/", {"headline": "A new one"})
        done = Article.objects.filter(headline="A new one").exists()
    elif case in ("edit own", "edit others'"):
        article = story(user if case == "edit own" else other)
        url = f"/newsroom/stories/{article.pk}/"
        response = client.post(url, _form(article, headline="Changed"))
        article.refresh_from_db()
        done = article.headline == "Changed"
    elif case == "submit own":
        article = story(user)
        response = client.post(f"/newsroom/stories/{article.pk}/submit/")
        article.refresh_from_db()
        done = article.status == Article.Status.IN_REVIEW
    elif case in ("publish own", "publish others'"):
        article = story(user if case == "publish own" else other)
        response = client.post(f"/newsroom/stories/{article.pk}/publish/")
        article.refresh_from_db()
        done = article.status == PUBLISHED
    elif case == "schedule own":
        article = story(user)
        url = f"/newsroom/stories/{article.pk}/publish/"
        response = client.post(url, {"publish_at": soon})
        article.refresh_from_db()
        done = article.status == Article.Status.SCHEDULED
    elif case in ("unpublish own", "unpublish others'"):
        article = story(user if case == "unpublish own" else other, PUBLISHED)
        response = client.post(f"/newsroom/stories/{article.pk}/unpublish/")
        article.refresh_from_db()
        done = article.status == Article.Status.UNPUBLISHED
    elif case in ("delete own draft", "delete others'"):
        article = story(user if case == "delete own draft" else other)
        response = client.post(f"/newsroom/stories/{article.pk}/delete/")
        done = not Article.objects.filter(pk=article.pk).exists()
    elif case == "manage users":
        response = client.post(
            "/newsroom/users/",
            {
                "username": "newbie",
                "role": "author",
                "password": "a long passphrase 42",
            },
        )
        done = User.objects.filter(username="newbie").exists()
    elif case == "create tags":
        article = story(user)
        url = f"/newsroom/stories/{article.pk}/"
        response = client.post(url, _form(article, tags="Brand new topic"))
        done = Tag.objects.filter(name="Brand new topic").exists()
    elif case == "read audit log":
        response = client.get("/newsroom/audit/")
        done = response.status_code == 200

    assert done is expected
    if expected:
        assert response.status_code in (200, 302)
    elif case == "create tags":
        # An unknown tag is a form error for a member who may edit the story.
        assert response.status_code == 400
        assert "only editors can create tags" in response.content.decode()
    else:
        assert response.status_code == 403


def test_signed_out_requests_go_to_sign_in(db):
    article = ArticleFactory()
    from django.test import Client

    response = Client().post(f"/newsroom/stories/{article.pk}/unpublish/")
    assert response.status_code == 302
    assert response["Location"].startswith("/newsroom/sign-in/?next=")
    article.refresh_from_db()
    assert article.status == PUBLISHED


def test_editor_without_second_factor_is_sent_to_confirm_it(users):
    from django.test import Client

    client = Client()
    client.force_login(users["editor"])
    response = client.get("/newsroom/")
    assert response.status_code == 302
    assert response["Location"] == "/newsroom/two-factor/"


def test_two_factor_setting_off_lets_editors_in_with_a_password(users, settings):
    from django.test import Client

    settings.DATELINE_TWO_FACTOR_ROLES = ()
    client = Client()
    client.force_login(users["editor"])
    assert client.get("/newsroom/").status_code == 200


def test_publish_is_audited_with_the_actor(users, client_for):
    article = story(users["editor"])
    client_for("editor").post(f"/newsroom/stories/{article.pk}/publish/")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PUBLISH)
    assert (entry.actor_name, entry.target) == ("editor", "The original headline")


@pytest.mark.parametrize(
    ("role", "expected"),
    [("contributor", 403), ("author", 403), ("editor", 302), ("admin", 302)],
)
def test_only_editors_and_admins_add_categories(users, client_for, role, expected):
    from dateline.content.models import Category

    response = client_for(role).post(
        "/newsroom/categories/", {"name": "Science", "description": ""}
    )
    assert response.status_code == expected
    assert Category.objects.filter(name="Science").exists() is (expected == 302)
