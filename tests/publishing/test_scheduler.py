"""The scheduler publishes what is due, once, and the task consumer runs it."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from dateline.content.models import Article
from dateline.publishing.scheduler import publish_due

from ..factories import ArticleFactory


def scheduled(minutes: float, **kwargs: object) -> Article:
    return ArticleFactory(
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + timedelta(minutes=minutes),
        **kwargs,
    )


def test_publish_due_publishes_only_what_is_due(db):
    due = scheduled(-1, headline="Due")
    later = scheduled(5, headline="Later")
    embargoed = scheduled(
        -1, headline="Embargoed", embargo_until=timezone.now() + timedelta(minutes=3)
    )
    assert [a.headline for a in publish_due()] == ["Due"]
    assert publish_due() == []  # once only
    statuses = dict(Article.objects.values_list("headline", "status"))
    assert statuses == {
        "Due": "published",
        "Later": "scheduled",
        "Embargoed": "scheduled",
    }
    due.refresh_from_db()
    assert due.is_public is True
    assert later.pk and embargoed.pk
    Article.objects.filter(pk=embargoed.pk).update(embargo_until=timezone.now())
    assert [a.headline for a in publish_due()] == ["Embargoed"]


@pytest.fixture
def consumer(transactional_db):
    """A real huey consumer in this process, on an in-memory queue."""
    HUEY.immediate = False
    from huey.storage import MemoryStorage

    storage, HUEY.storage = HUEY.storage, MemoryStorage(HUEY.name)
    started = []

    def start():
        worker = HUEY.create_consumer(workers=1, worker_type="thread", periodic=True)
        worker.start()
        started.append(worker)

    yield start
    for worker in started:
        worker.stop(graceful=True)
    HUEY.storage = storage


def wait_until_public(article: Article, seconds: float) -> float:
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        try:
            article.refresh_from_db()
        except OperationalError:  # the consumer thread holds the table
            continue
        if article.is_public:
            return time.monotonic() - began
        time.sleep(0.2)
    raise AssertionError(f"not public after {seconds} s")


def test_story_missed_while_stopped_goes_live_when_the_consumer_starts(consumer):
    missed = scheduled(-30, headline="Missed during downtime")
    consumer()
    waited = wait_until_public(missed, 60)
    assert waited < 60


def test_scheduled_story_goes_live_within_a_minute_of_its_time(consumer):
    from dateline.publishing.services import article_schedule

    consumer()
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    at = timezone.now() + timedelta(seconds=2)
    article_schedule(article=draft, at=at, by=None)
    wait_until_public(draft, 62)
    assert timezone.now() - at < timedelta(seconds=60)
