"""Publishing events become queued deliveries; nothing is sent inline."""

from __future__ import annotations

import json
import threading

import pytest

from dateline.content.models import Article
from dateline.distribution.models import WebhookDelivery
from dateline.newsroom import services as newsroom
from dateline.publishing.scheduler import publish_due
from dateline.publishing.services import article_schedule

from ...factories import ArticleFactory, member


def draft(**kwargs) -> Article:
    return ArticleFactory(status=Article.Status.DRAFT, published_at=None, **kwargs)


def queued(queue) -> list[tuple[str, tuple]]:
    return [(task.name, task.args) for task in queue.pending()]


def run_queue(queue) -> None:
    """Work through the queue as the consumer would, until it is empty."""
    while (task := queue.dequeue()) is not None:
        queue.execute(task)


# Committed for real: the consumer's tasks close connections that are not in
# autocommit (huey's close_db), as a worker process must.
@pytest.mark.django_db(transaction=True)
def test_a_publish_only_enqueues_while_the_subscriber_hangs(
    receiver, subscriber, queue, django_capture_on_commit_callbacks
):
    receiver.hang = threading.Event()  # the subscriber would not answer
    editor = member("editor")
    story = draft(headline="Quake", slug="quake")

    with django_capture_on_commit_callbacks(execute=True):
        newsroom.article_approve(article=story, by=editor)

    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED
    [(name, (event, article_id, body))] = queued(queue)
    assert name == "webhook_fan_out"
    assert (event, article_id) == ("article.published", story.pk)
    assert json.loads(body)["article"]["headline"] == "Quake"
    # Nothing went over HTTP and nothing was even fanned out inline.
    assert receiver.requests == []
    assert WebhookDelivery.objects.exists() is False

    receiver.hang.set()
    run_queue(queue)
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.DELIVERED


def test_without_subscribers_nothing_is_queued(
    db, queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.article_approve(article=draft(), by=member("editor"))
    assert queue.pending() == []


def events_for(queue) -> list[str]:
    events = [args[0] for _, args in queued(queue)]
    queue.flush()
    return events


def test_publish_update_correction_takedown_and_return_are_each_announced(
    subscriber, queue, django_capture_on_commit_callbacks
):
    editor = member("editor")
    story = draft()
    steps = [
        ("publish", lambda: newsroom.article_approve(article=story, by=editor)),
        (
            "edit in public",
            lambda: newsroom.article_update(
                article=story,
                by=editor,
                base_version=story.version,
                data={"headline": "New"},
            ),
        ),
        (
            "correction note",
            lambda: newsroom.article_add_note(
                article=story, by=editor, kind="correction", text="A name was wrong."
            ),
        ),
        ("take down", lambda: newsroom.article_withdraw(article=story, by=editor)),
        ("publish again", lambda: newsroom.article_approve(article=story, by=editor)),
    ]
    seen = []
    for _, step in steps:
        with django_capture_on_commit_callbacks(execute=True):
            step()
        seen.append(events_for(queue))
    assert seen == [
        ["article.published"],
        ["article.updated"],
        ["article.updated"],
        ["article.unpublished"],
        ["article.published"],
    ]


def test_a_scheduled_story_is_announced_when_the_scheduler_publishes_it(
    subscriber, queue, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    story = draft()
    at = timezone.now() + timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        article_schedule(article=story, at=at, by=member("editor"))
    queue.flush()  # the scheduler's own to-the-second task
    with django_capture_on_commit_callbacks(execute=True):
        publish_due(now=at + timedelta(seconds=1))
    assert events_for(queue) == ["article.published"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("count", [1, 3])
def test_the_fan_out_makes_one_delivery_per_active_subscriber(
    receiver, db, queue, django_capture_on_commit_callbacks, count
):
    from dateline.distribution.models import WebhookSubscriber

    for n in range(count):
        WebhookSubscriber.objects.create(
            url=f"{receiver.url}?n={n}", is_internal=True, secret=f"whsec_{n}"
        )
    WebhookSubscriber.objects.create(
        url=receiver.url, is_internal=True, secret="whsec_off", is_active=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.article_approve(article=draft(), by=member("editor"))
    run_queue(queue)
    assert WebhookDelivery.objects.count() == count
    assert len(receiver.requests) == count
