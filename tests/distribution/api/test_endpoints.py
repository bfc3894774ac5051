from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.content.models import Article
from dateline.demo.seed import SEED_ARTICLE
from dateline.search.indexing import index_rebuild

from ...factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    TagFactory,
    publish_many,
)

PROBLEM = "application/problem+json"


@pytest.fixture
def newsroom(db):
    """Five stories an hour apart, across two sections, topics and authors."""
    world, sport = CategoryFactory(name="World"), CategoryFactory(name="Sport")
    gaza, cup = TagFactory(name="Gaza"), TagFactory(name="Cup")
    ana, ben = AuthorFactory(name="Ana"), AuthorFactory(name="Ben")
    now = timezone.now().replace(microsecond=0)
    made = {}
    for n, (section, topic, writer) in enumerate(
        [
            (world, gaza, ana),
            (sport, cup, ben),
            (world, gaza, ben),
            (sport, cup, ana),
            (world, cup, ana),
        ]
    ):
        made[n] = ArticleFactory(
            headline=f"Story {n}",
            category=section,
            tags=[topic],
            authors=[writer],
            published_at=now - timedelta(hours=n + 1),
        )
    return made


def headlines(response):
    assert response.status_code == 200, response.content
    return [item["headline"] for item in response.json()["items"]]


def test_articles_come_newest_first(client, newsroom):
    assert headlines(client.get("/api/v1/articles")) == [f"Story {n}" for n in range(5)]


def test_the_cursor_walks_every_article_once(client, newsroom):
    # Two stories at the same moment: the id breaks the tie.
    newsroom[4].published_at = newsroom[3].published_at
    newsroom[4].save()
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/v1/articles", params).json()
        seen += [item["id"] for item in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert sorted(seen) == sorted(a.pk for a in newsroom.values())
    assert len(seen) == 5


@pytest.mark.parametrize(
    ("_case", "params", "expected"),
    [
        ("section", {"category": "world"}, ["Story 0", "Story 2", "Story 4"]),
        ("topic", {"tag": "cup"}, ["Story 1", "Story 3", "Story 4"]),
        ("author", {"author": "ben"}, ["Story 1", "Story 2"]),
        ("both", {"category": "world", "author": "ana"}, ["Story 0", "Story 4"]),
        ("unknown", {"category": "nowhere"}, []),
    ],
)
def test_filters_narrow_the_list(client, newsroom, _case, params, expected):
    assert headlines(client.get("/api/v1/articles", params)) == expected


def test_since_and_until_bound_the_publication_time(client, newsroom):
    since = newsroom[3].published_at.isoformat()
    until = newsroom[1].published_at.isoformat()
    params = {"since": since, "until": until}
    assert headlines(client.get("/api/v1/articles", params)) == ["Story 2", "Story 3"]


def test_drafts_and_future_articles_are_not_listed(client, newsroom):
    ArticleFactory(headline="Draft", status=Article.Status.DRAFT)
    ArticleFactory(
        headline="Due later", published_at=timezone.now() + timedelta(hours=1)
    )
    assert "Draft" not in headlines(client.get("/api/v1/articles"))
    assert "Due later" not in headlines(client.get("/api/v1/articles"))


def test_q_searches_the_text(client, seed_site):
    index_rebuild()
    found = headlines(client.get("/api/v1/articles", {"q": "Hanegbi", "limit": 5}))
    assert found == [SEED_ARTICLE["headline"]]


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"category": "world", "tag": "gaza", "author": "admin"}, True),
        ({"category": "sports"}, False),
        ({"since": "2023-10-17T00:00:00Z"}, False),
    ],
)
def test_q_searches_within_the_filters(client, seed_site, params, found):
    index_rebuild()
    response = client.get("/api/v1/articles", {"q": "Hanegbi", **params})
    assert headlines(response) == ([SEED_ARTICLE["headline"]] if found else [])


def test_one_article_by_id_and_by_slug_carries_its_dateline(client, seed_site):
    by_id = client.get(f"/api/v1/articles/{seed_site.pk}").json()
    by_slug = client.get(f"/api/v1/articles/by-slug/{seed_site.slug}").json()
    assert by_id == by_slug
    assert by_id["dateline"] == "Moscow [Russia]"
    assert by_id["headline"] == SEED_ARTICLE["headline"]
    assert by_id["published_at"] == "2023-10-16T16:30:00Z"
    assert by_id["category"]["slug"] == "world"
    assert [a["name"] for a in by_id["authors"]] == ["Admin"]
    assert [t["name"] for t in by_id["tags"]] == sorted(SEED_ARTICLE["tags"])
    assert by_id["body_html"].startswith(
        "<p>Russian President Vladimir Putin on Monday"
    )
    assert (
        by_id["guid"]
        == f"tag:127.0.0.1,{seed_site.created_at:%Y-%m-%d}:article/{seed_site.pk}"
    )


@pytest.mark.parametrize(
    "path", ["/api/v1/articles/999999", "/api/v1/articles/by-slug/nothing-here"]
)
def test_a_missing_article_is_a_404_problem(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "No such resource.",
    }


def test_a_draft_is_not_found_by_id(client, db):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    assert client.get(f"/api/v1/articles/{draft.pk}").status_code == 404


def wrong_cursor() -> str:
    return base64.urlsafe_b64encode(b'{"x":1}').decode().rstrip("=")


@pytest.mark.parametrize(
    ("_case", "params", "detail"),
    [
        ("words for a date", {"since": "yesterday"}, "Invalid value for: since."),
        ("month 13", {"until": "2023-13-01T00:00:00Z"}, "Invalid value for: until."),
        (
            "out of range",
            {"since": "9999-12-31T23:59:59-23:00"},
            "Invalid value for: since.",
        ),
        ("limit 0", {"limit": "0"}, "Invalid value for: limit."),
        ("limit 101", {"limit": "101"}, "Invalid value for: limit."),
        ("limit text", {"limit": "ten"}, "Invalid value for: limit."),
        ("bad slug", {"category": "no such/slug"}, "Invalid value for: category."),
        ("nul in q", {"q": "a\x00b"}, "Invalid value for: q."),
        ("not base64", {"cursor": "***"}, "The cursor is not valid."),
        ("foreign cursor", {"cursor": wrong_cursor()}, "The cursor is not valid."),
        (
            "symbols only",
            {"q": "!!!"},
            "Search for words or numbers: symbols alone find nothing.",
        ),
    ],
)
def test_a_bad_filter_is_a_400_problem(client, db, _case, params, detail):
    response = client.get("/api/v1/articles", params)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert (body["type"], body["title"], body["status"], body["detail"]) == (
        "about:blank",
        "Bad Request",
        400,
        detail,
    )


def test_sections_topics_and_authors_are_listed(client, newsroom):
    assert [c["slug"] for c in client.get("/api/v1/categories").json()] == [
        "sport",
        "world",
    ]
    tags = client.get("/api/v1/tags", {"limit": 1}).json()
    assert [t["slug"] for t in tags["items"]] == ["cup"]
    rest = client.get("/api/v1/tags", {"cursor": tags["next_cursor"]}).json()
    assert rest == {
        "items": [
            {"slug": "gaza", "name": "Gaza", "url": "http://127.0.0.1:8000/tag/gaza/"}
        ],
        "next_cursor": None,
    }
    authors = client.get("/api/v1/authors").json()
    assert [a["name"] for a in authors["items"]] == ["Ana", "Ben"]


def test_clients_over_the_rate_limit_get_429(client, db, settings):
    settings.API_RATE_LIMIT = "3/m"
    statuses = [client.get("/api/v1/categories").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/categories")
    assert response["Content-Type"] == PROBLEM
    assert 1 <= int(response["Retry-After"]) <= 61
    other = client.get("/api/v1/categories", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_the_openapi_document_is_3_1_and_names_every_operation(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    assert sorted(document["paths"]) == [
        "/api/v1/articles",
        "/api/v1/articles/by-slug/{slug}",
        "/api/v1/articles/{article_id}",
        "/api/v1/authors",
        "/api/v1/categories",
        "/api/v1/newsroom/articles",
        "/api/v1/newsroom/articles/{article_id}",
        "/api/v1/newsroom/articles/{article_id}/publish",
        "/api/v1/newsroom/articles/{article_id}/schedule",
        "/api/v1/newsroom/articles/{article_id}/submit",
        "/api/v1/newsroom/articles/{article_id}/unpublish",
        "/api/v1/tags",
    ]
    errors = document["paths"]["/api/v1/articles"]["get"]["responses"]["400"]["content"]
    assert list(errors) == [PROBLEM]


def test_list_query_count_does_not_grow_with_items(client, db):
    section, topic = CategoryFactory(name="World"), TagFactory(name="Topic")
    writer = AuthorFactory(name="Writer")

    def queries_for(count: int) -> int:
        Article.objects.all().delete()
        publish_many(count, category=section, author=writer, tag=topic)
        with CaptureQueriesContext(connection) as captured:
            assert (
                client.get(
                    "/api/v1/articles", {"tag": "topic", "limit": 50}
                ).status_code
                == 200
            )
        return len(captured)

    assert queries_for(3) == 2  # articles with section and picture, bylines
    assert queries_for(40) == 2
