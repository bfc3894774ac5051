"""The newsroom operations of the API: each role's exact rights, and refusals."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.content.models import Article, Revision

from ...factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    TagFactory,
    member,
)

PROBLEM = "application/problem+json"
BASE = "/api/v1/newsroom/articles"
Status = Article.Status


def call(client, method, path, token, body=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return getattr(client, method)(
        path,
        data=json.dumps(body) if body is not None else None,
        content_type="application/json",
        headers=headers,
    )


def story_of(owner, status=Status.DRAFT, **kwargs):
    """A story created by `owner`, in a given state."""
    published = status in (Status.PUBLISHED, Status.UNPUBLISHED)
    return ArticleFactory(
        created_by=owner,
        status=status,
        published_at=timezone.now() - timedelta(hours=1) if published else None,
        **kwargs,
    )


def snapshot(article):
    """Everything a refused write must leave as it was."""
    article.refresh_from_db()
    return (
        article.status,
        article.version,
        article.headline,
        article.published_at,
        Revision.objects.filter(article=article).count(),
    )


# Exact rights, from the newsroom's rules: contributors work on their own
# drafts; authors also publish their own; editors and admins do anything.
MATRIX = [
    # (_case, action, whose, starting status, {role: allowed})
    (
        "update own draft",
        "update",
        "own",
        Status.DRAFT,
        dict(contributor=1, author=1, editor=1, admin=1),
    ),
    (
        "update other's draft",
        "update",
        "other",
        Status.DRAFT,
        dict(contributor=0, author=0, editor=1, admin=1),
    ),
    (
        "update own published",
        "update",
        "own",
        Status.PUBLISHED,
        dict(contributor=0, author=1, editor=1, admin=1),
    ),
    (
        "submit own draft",
        "submit",
        "own",
        Status.DRAFT,
        dict(contributor=1, author=1, editor=1, admin=1),
    ),
    (
        "submit other's draft",
        "submit",
        "other",
        Status.DRAFT,
        dict(contributor=0, author=0, editor=1, admin=1),
    ),
    (
        "publish own draft",
        "publish",
        "own",
        Status.DRAFT,
        dict(contributor=0, author=1, editor=1, admin=1),
    ),
    (
        "publish other's draft",
        "publish",
        "other",
        Status.DRAFT,
        dict(contributor=0, author=0, editor=1, admin=1),
    ),
    (
        "schedule own draft",
        "schedule",
        "own",
        Status.DRAFT,
        dict(contributor=0, author=1, editor=1, admin=1),
    ),
    (
        "schedule other's draft",
        "schedule",
        "other",
        Status.DRAFT,
        dict(contributor=0, author=0, editor=1, admin=1),
    ),
    (
        "unpublish own",
        "unpublish",
        "own",
        Status.PUBLISHED,
        dict(contributor=0, author=1, editor=1, admin=1),
    ),
    (
        "unpublish other's",
        "unpublish",
        "other",
        Status.PUBLISHED,
        dict(contributor=0, author=0, editor=1, admin=1),
    ),
    (
        "read own draft",
        "read",
        "own",
        Status.DRAFT,
        dict(contributor=1, author=1, editor=1, admin=1),
    ),
    (
        "read other's draft",
        "read",
        "other",
        Status.DRAFT,
        dict(contributor=0, author=0, editor=1, admin=1),
    ),
]
AFTER = {
    "update": None,  # status unchanged, version raised
    "submit": Status.IN_REVIEW,
    "publish": Status.PUBLISHED,
    "schedule": Status.SCHEDULED,
    "unpublish": Status.UNPUBLISHED,
    "read": None,
}


def request_for(action, article, version):
    if action == "update":
        return (
            "patch",
            f"{BASE}/{article.pk}",
            {"version": version, "headline": "Changed"},
        )
    if action == "read":
        return "get", f"{BASE}/{article.pk}", None
    if action == "schedule":
        at = (timezone.now() + timedelta(days=1)).isoformat()
        return "post", f"{BASE}/{article.pk}/schedule", {"at": at}
    return "post", f"{BASE}/{article.pk}/{action}", None


@pytest.mark.parametrize("role", ["contributor", "author", "editor", "admin"])
@pytest.mark.parametrize(
    ("_case", "action", "whose", "status", "rights"),
    MATRIX,
    ids=[row[0] for row in MATRIX],
)
def test_each_role_may_do_exactly_what_the_newsroom_allows(
    client,
    users,
    tokens,
    django_capture_on_commit_callbacks,
    role,
    _case,
    action,
    whose,
    status,
    rights,
):
    owner = users[role] if whose == "own" else member("contributor", username="other")
    article = story_of(owner, status)
    before = snapshot(article)
    method, path, body = request_for(action, article, article.version)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = call(client, method, path, tokens[role], body)

    if rights[role]:
        assert response.status_code == 200, response.content
        got = response.json()
        assert got["id"] == article.pk
        assert got["status"] == (AFTER[action] or status)
        if action == "update":
            assert got["headline"] == "Changed"
            assert got["version"] == before[1] + 1
    else:
        assert response.status_code == 403, response.content
        assert response["Content-Type"] == PROBLEM
        assert response.json()["status"] == 403
        assert snapshot(article) == before
        assert callbacks == []  # nothing announced: no purge, no index, no webhook


@pytest.mark.parametrize("role", ["contributor", "author", "editor", "admin"])
def test_every_role_may_create_a_draft_it_owns(client, users, tokens, role):
    response = call(
        client, "post", BASE, tokens[role], {"headline": "Storm hits the coast"}
    )
    assert response.status_code == 201, response.content
    got = response.json()
    article = Article.objects.get(pk=got["id"])
    assert article.created_by == users[role]
    assert article.status == Status.DRAFT
    assert got["status"] == "draft"
    assert got["version"] == 1
    assert got["url"] is None
    # The byline is the account's own, as when a draft starts in the editor.
    assert got["authors"] == [users[role].author_profile.slug]


def test_a_draft_carries_its_section_topics_byline_and_text(client, tokens, db):
    CategoryFactory(name="World")
    TagFactory(name="Gaza")
    TagFactory(name="Cup")
    AuthorFactory(name="Ana Reporter")
    body = {
        "headline": "Putin speaks to Netanyahu",
        "dateline": "Moscow [Russia]",
        "standfirst": "A call about the war.",
        "body": "<p>Text</p><script>alert(1)</script>",
        "category": "world",
        "tags": ["gaza", "cup"],
        "authors": ["ana-reporter"],
    }
    response = call(client, "post", BASE, tokens["author"], body)
    assert response.status_code == 201, response.content
    got = response.json()
    assert got["headline"] == "Putin speaks to Netanyahu"
    assert got["dateline"] == "Moscow [Russia]"
    assert got["standfirst"] == "A call about the war."
    assert got["body_html"] == "<p>Text</p>"  # sanitized, as every input path is
    assert got["category"] == "world"
    assert got["tags"] == ["cup", "gaza"]
    assert got["authors"] == ["ana-reporter"]
    assert got["slug"] == "putin-speaks-to-netanyahu"


def test_an_author_creates_updates_and_publishes_in_three_calls(
    client, tokens, db, django_capture_on_commit_callbacks
):
    created = call(client, "post", BASE, tokens["author"], {"headline": "First"}).json()
    path = f"{BASE}/{created['id']}"
    updated = call(
        client,
        "patch",
        path,
        tokens["author"],
        {"version": 1, "standfirst": "Now more"},
    ).json()
    assert (updated["version"], updated["headline"], updated["standfirst"]) == (
        2,
        "First",
        "Now more",
    )
    with django_capture_on_commit_callbacks(execute=True):
        published = call(client, "post", f"{path}/publish", tokens["author"])
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    assert published.json()["url"].endswith("/first/")
    assert client.get(f"/api/v1/articles/{created['id']}").status_code == 200


def test_a_stale_version_is_a_409_and_the_newer_text_stays(client, users, tokens):
    article = story_of(users["editor"])
    path = f"{BASE}/{article.pk}"
    first = call(
        client, "patch", path, tokens["editor"], {"version": 1, "headline": "A"}
    )
    assert first.status_code == 200
    stale = call(
        client, "patch", path, tokens["editor"], {"version": 1, "headline": "B"}
    )
    assert stale.status_code == 409
    assert stale["Content-Type"] == PROBLEM
    problem = stale.json()
    assert problem["status"] == 409
    assert problem["current_version"] == 2
    assert "v2" in problem["detail"]
    article.refresh_from_db()
    assert (article.headline, article.version) == ("A", 2)
    # As in the editor, the refused text is kept as a revision, not lost.
    kept = article.revisions.filter(action=Revision.Action.CONFLICT).get()
    assert kept.snapshot["headline"] == "B"


@pytest.mark.parametrize(
    ("_case", "body", "field"),
    [
        ("unknown section", {"category": "nowhere"}, "category"),
        ("unknown topic", {"tags": ["gaza", "nowhere"]}, "tags"),
        ("unknown author", {"authors": ["nobody"]}, "authors"),
    ],
)
def test_an_unknown_slug_is_a_422_problem_and_nothing_changes(
    client, users, tokens, _case, body, field
):
    TagFactory(name="Gaza")
    article = story_of(users["editor"])
    before = snapshot(article)
    response = call(
        client,
        "patch",
        f"{BASE}/{article.pk}",
        tokens["editor"],
        {"version": 1, **body},
    )
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert snapshot(article) == before
    created = call(client, "post", BASE, tokens["editor"], {"headline": "X", **body})
    assert created.status_code == 422
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("_case", "body", "detail"),
    [
        ("no headline", {}, "Invalid value for: body.draft.headline."),
        (
            "blank headline",
            {"headline": "   "},
            "Invalid value for: body.draft.headline.",
        ),
        (
            "headline too long",
            {"headline": "x" * 301},
            "Invalid value for: body.draft.headline.",
        ),
        (
            "NUL in text",
            {"headline": "a", "body": "a\x00b"},
            "Invalid value for: body.draft.body.",
        ),
        (
            "headline of Unicode spaces",
            {"headline": "\u3000\xa0"},
            "Invalid value for: body.draft.headline.",
        ),
        (
            "tags not a list",
            {"headline": "a", "tags": "gaza"},
            "Invalid value for: body.draft.tags.",
        ),
        (
            "bad embargo time",
            {"headline": "a", "embargo_until": "tomorrow"},
            "Invalid value for: body.draft.embargo_until.",
        ),
    ],
)
def test_bad_input_is_a_400_problem_and_nothing_is_stored(
    client, tokens, _case, body, detail
):
    response = call(client, "post", BASE, tokens["editor"], body)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["detail"] == detail
    assert Article.objects.exists() is False


def test_a_body_that_is_not_json_is_a_400_problem(client, tokens):
    response = client.post(
        BASE,
        data=b"{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {tokens['editor']}"},
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert Article.objects.exists() is False


def test_a_body_over_the_upload_cap_is_a_413_problem_and_nothing_changes(
    client, users, tokens, settings
):
    # Schema-valid, but escaped JSON for 500,000 emoji is about 6 MB.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    story = story_of(users["editor"], headline="Before")
    before = snapshot(story)
    body = {"version": story.version, "body": "\U0001f600" * 500}
    response = call(client, "patch", f"{BASE}/{story.pk}", tokens["editor"], body)
    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM
    assert response.json()["detail"] == "The request body is larger than 1,000 bytes."
    assert snapshot(story) == before


@pytest.mark.parametrize(
    ("_case", "header"),
    [
        ("no header", None),
        ("not a token", "Bearer nonsense"),
        ("wrong secret", "Bearer dl_000000000000_wrong"),
        ("basic auth", "Basic dXNlcjpwYXNz"),
    ],
)
def test_writes_without_a_valid_token_are_401_problems(client, db, _case, header):
    headers = {"Authorization": header} if header else {}
    response = client.post(
        BASE, data={"headline": "X"}, content_type="application/json", headers=headers
    )
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"] == 'Bearer realm="Dateline newsroom"'
    assert Article.objects.exists() is False


def test_a_missing_story_is_a_404_problem(client, tokens):
    response = call(client, "post", f"{BASE}/999/publish", tokens["admin"])
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


@pytest.mark.parametrize(
    ("_case", "action", "status", "detail"),
    [
        (
            "submit a published story",
            "submit",
            Status.PUBLISHED,
            "Only a draft can be submitted for review.",
        ),
        (
            "publish a published story",
            "publish",
            Status.PUBLISHED,
            "This story is already published.",
        ),
        (
            "unpublish a draft",
            "unpublish",
            Status.DRAFT,
            "Only a published or scheduled story can be taken down.",
        ),
    ],
)
def test_a_step_the_state_does_not_allow_is_a_409_problem(
    client, users, tokens, _case, action, status, detail
):
    article = story_of(users["editor"], status)
    before = snapshot(article)
    response = call(client, "post", f"{BASE}/{article.pk}/{action}", tokens["editor"])
    assert response.status_code == 409
    assert response.json()["detail"] == detail
    assert snapshot(article) == before


def test_an_embargoed_story_cannot_be_published_before_its_time(client, users, tokens):
    article = story_of(
        users["editor"], embargo_until=timezone.now() + timedelta(days=1)
    )
    response = call(client, "post", f"{BASE}/{article.pk}/publish", tokens["editor"])
    assert response.status_code == 409
    assert response.json()["detail"].startswith("This story is embargoed until ")
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_a_schedule_in_the_past_is_a_422(client, users, tokens):
    article = story_of(users["editor"])
    past = (timezone.now() - timedelta(minutes=5)).isoformat()
    response = call(
        client, "post", f"{BASE}/{article.pk}/schedule", tokens["editor"], {"at": past}
    )
    assert response.status_code == 422
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_a_scheduled_story_goes_out_at_its_time(client, users, tokens):
    article = story_of(users["editor"])
    at = (timezone.now() + timedelta(hours=2)).replace(microsecond=0)
    response = call(
        client,
        "post",
        f"{BASE}/{article.pk}/schedule",
        tokens["editor"],
        {"at": at.isoformat()},
    )
    assert response.status_code == 200
    assert response.json()["status"] == "scheduled"
    article.refresh_from_db()
    assert article.published_at == at


def test_a_token_of_a_deactivated_account_stops_working(client, users, tokens):
    users["editor"].is_active = False
    users["editor"].save()
    response = call(client, "post", BASE, tokens["editor"], {"headline": "X"})
    assert response.status_code == 401
    assert Article.objects.exists() is False


def test_the_openapi_document_asks_a_token_of_the_newsroom_operations_only(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert document["components"]["securitySchemes"] == {
        "TokenAuth": {"type": "http", "scheme": "bearer"}
    }
    secured = sorted(
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if operation.get("security")
    )
    assert secured == [
        f"GET {BASE}/{{article_id}}",
        f"PATCH {BASE}/{{article_id}}",
        f"POST {BASE}",
        f"POST {BASE}/{{article_id}}/publish",
        f"POST {BASE}/{{article_id}}/schedule",
        f"POST {BASE}/{{article_id}}/submit",
        f"POST {BASE}/{{article_id}}/unpublish",
    ]
    conflict = document["paths"][f"{BASE}/{{article_id}}"]["patch"]["responses"]["409"]
    assert conflict["content"][PROBLEM]["schema"] == {
        "$ref": "#/components/schemas/Conflict"
    }
