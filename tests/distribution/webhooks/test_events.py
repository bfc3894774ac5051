from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from dateline.content.models import Article, Revision
from dateline.distribution.models import WebhookSubscriber
from dateline.distribution.webhooks.events import event_body, published_event
from dateline.distribution.webhooks.services import webhook_subscriber_create

from ...factories import ArticleFactory


@pytest.mark.parametrize(
    ("_case", "actions", "event"),
    [
        ("never recorded (a machine publish)", [], "article.published"),
        ("ingested then published", ["create"], "article.published"),
        ("published from the newsroom", ["create", "publish"], "article.published"),
        ("saved while public", ["create", "publish", "save"], "article.updated"),
        ("corrected", ["create", "publish", "correct"], "article.updated"),
        ("restored", ["create", "publish", "restore"], "article.updated"),
        ("autosave after a save", ["publish", "save", "autosave"], "article.updated"),
        (
            "back after a takedown",
            ["publish", "save", "unpublish", "publish"],
            "article.published",
        ),
    ],
)
def test_the_last_step_tells_a_publication_from_an_update(db, _case, actions, event):
    article = ArticleFactory()
    for action in actions:
        Revision.objects.record(article=article, by=None, action=action)
    assert published_event(article) == event


def test_the_body_names_the_event_and_the_story(db, settings):
    settings.SITE_URL = "https://news.example"
    at = datetime(2023, 10, 16, 16, 30, tzinfo=UTC)
    article = ArticleFactory(headline="Quake", slug="quake", published_at=at)
    body = json.loads(event_body(event="article.published", article=article))
    assert set(body) == {"id", "event", "occurred_at", "article"}
    assert body["event"] == "article.published"
    assert body["article"] == {
        "id": article.pk,
        "guid": f"tag:news.example,{article.created_at.date().isoformat()}:article/{article.pk}",
        "slug": "quake",
        "headline": "Quake",
        "status": "published",
        "url": f"https://news.example{article.get_absolute_url()}",
        "api_url": f"https://news.example/api/v1/articles/{article.pk}",
        "published_at": "2023-10-16T16:30:00Z",
        "updated_at": "2023-10-16T16:30:00Z",
    }


def test_a_deleted_story_is_still_announced_without_its_id(db):
    article = ArticleFactory(slug="gone")
    article.status = Article.Status.UNPUBLISHED
    article.delete()  # as article_delete does before the signal goes out
    body = json.loads(event_body(event="article.unpublished", article=article))
    assert body["article"]["id"] is None
    assert body["article"]["guid"] is None
    assert body["article"]["api_url"] is None
    assert body["article"]["slug"] == "gone"


def test_a_subscriber_on_a_private_address_is_refused_and_not_saved(db):
    with pytest.raises(ValidationError) as refused:
        webhook_subscriber_create(url="http://169.254.169.254/latest/meta-data/")
    assert refused.value.message_dict["url"] == [
        "169.254.169.254 resolves to 169.254.169.254, a private or local address; "
        "only a subscriber marked internal may use it."
    ]
    assert WebhookSubscriber.objects.exists() is False
