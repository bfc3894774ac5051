"""Deliveries against a real receiver on 127.0.0.1: signatures, retries, refusals."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from huey.contrib.djhuey import HUEY

from dateline.content.models import Article
from dateline.distribution.models import WebhookDelivery, WebhookSubscriber
from dateline.distribution.webhooks.signing import secret_new
from dateline.distribution.webhooks.tasks import RETRIES
from dateline.publishing.services import article_publish

from ...factories import ArticleFactory, member

Status = WebhookDelivery.Status


def verify(secret: str, body: bytes, header: str, tolerance: int = 300) -> bool:
    """The receiver's check, as the README shows it."""
    fields = dict(part.split("=", 1) for part in header.split(","))
    timestamp = int(fields["t"])
    if abs(time.time() - timestamp) > tolerance:
        return False  # too old (or too new): maybe a replay
    signed = f"{timestamp}.".encode() + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields["v1"])


def publish(django_capture_on_commit_callbacks, **kwargs) -> Article:
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, **kwargs)
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=draft, by=member("editor"))
    return draft


def run_scheduled() -> None:
    """Run every retry huey holds, as the consumer would when each falls due."""
    # huey keeps naive UTC times in its schedule.
    for task in HUEY.read_schedule(datetime.max):  # noqa: DTZ901
        HUEY.execute(task, timestamp=task.eta)  # as if the clock had got there


def test_a_publish_sends_a_signed_post_to_the_receiver(
    receiver, subscriber, tasks_now, django_capture_on_commit_callbacks
):
    article = publish(
        django_capture_on_commit_callbacks, headline="Putin speaks", slug="putin-speaks"
    )
    [got] = receiver.requests
    assert verify(subscriber.secret, got.body, got.headers["X-Dateline-Signature"])
    assert (
        verify("whsec_someone-else", got.body, got.headers["X-Dateline-Signature"])
        is False
    )
    assert got.headers["Content-Type"] == "application/json"
    assert got.headers["X-Dateline-Event"] == "article.published"
    assert got.headers["User-Agent"] == "Dateline/0.1 (webhooks)"
    payload = json.loads(got.body)
    assert payload["event"] == "article.published"
    assert payload["article"]["id"] == article.pk
    assert payload["article"]["headline"] == "Putin speaks"
    assert payload["article"]["status"] == "published"
    assert payload["article"]["url"].endswith("/putin-speaks/")
    assert (
        payload["article"]["api_url"]
        == f"http://127.0.0.1:8000/api/v1/articles/{article.pk}"
    )
    assert payload["article"]["guid"].endswith(f":article/{article.pk}")
    delivery = WebhookDelivery.objects.get()
    assert got.headers["X-Dateline-Delivery"] == str(delivery.pk)
    assert (delivery.status, delivery.event, delivery.article_id) == (
        Status.DELIVERED,
        "article.published",
        article.pk,
    )
    assert delivery.body.encode() == got.body  # what was signed is what is kept
    [attempt] = delivery.attempts.all()
    assert (attempt.number, attempt.response_code, attempt.error) == (1, 200, "")
    assert HUEY.scheduled() == []


def test_a_receiver_answering_500_is_retried_with_exponential_back_off(
    receiver, subscriber, tasks_now, django_capture_on_commit_callbacks
):
    receiver.answers = [500]
    publish(django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    delays = [30 * 2**n for n in range(RETRIES)]
    assert delays == [30, 60, 120, 240, 480, 960, 1920, 3840]
    for number, delay in enumerate(delays, start=1):
        delivery.refresh_from_db()
        attempt = delivery.attempts.get(number=number)
        assert (attempt.response_code, attempt.error) == (500, "Answered 500.")
        assert delivery.status == Status.RETRYING
        assert delivery.next_attempt_at - attempt.at == timedelta(seconds=delay)
        # huey holds the retry for the same moment the record shows.
        [retry] = HUEY.scheduled()
        due = retry.eta.replace(tzinfo=UTC)
        assert abs((due - attempt.at).total_seconds() - delay) < 2
        run_scheduled()
    delivery.refresh_from_db()
    assert delivery.status == Status.FAILED
    assert delivery.next_attempt_at is None
    assert delivery.attempts.count() == RETRIES + 1 == 9
    assert HUEY.scheduled() == []
    assert len(receiver.requests) == 9
    # Each try is signed afresh, so a slow retry is not refused as a replay.
    for got in receiver.requests:
        assert verify(subscriber.secret, got.body, got.headers["X-Dateline-Signature"])


def test_a_receiver_back_on_its_feet_gets_the_retry(
    receiver, subscriber, tasks_now, django_capture_on_commit_callbacks
):
    receiver.answers = [503, 200]
    publish(django_capture_on_commit_callbacks)
    run_scheduled()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.DELIVERED
    assert [a.response_code for a in delivery.attempts.all()] == [503, 200]
    assert HUEY.scheduled() == []


def test_a_receiver_that_does_not_answer_in_time_is_retried(
    receiver, subscriber, tasks_now, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_TIMEOUT = 0.5
    receiver.hang = threading.Event()
    publish(django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    [attempt] = delivery.attempts.all()
    assert attempt.response_code is None
    assert attempt.error == "No answer within 0.5 s."
    assert delivery.status == Status.RETRYING
    assert len(HUEY.scheduled()) == 1


def test_a_redirect_is_a_failure_not_followed(
    receiver, subscriber, tasks_now, django_capture_on_commit_callbacks
):
    receiver.answers = [302]
    publish(django_capture_on_commit_callbacks)
    [attempt] = WebhookDelivery.objects.get().attempts.all()
    assert (attempt.response_code, attempt.error) == (302, "Answered 302.")
    assert len(receiver.requests) == 1


def test_a_private_address_is_refused_at_send_time_unless_internal(
    receiver, db, tasks_now, django_capture_on_commit_callbacks
):
    # Saved past the check (say, the name resolved elsewhere then): the POST
    # itself still refuses to connect.
    WebhookSubscriber.objects.create(
        url=receiver.url, is_internal=False, secret=secret_new()
    )
    publish(django_capture_on_commit_callbacks)
    [attempt] = WebhookDelivery.objects.get().attempts.all()
    assert attempt.response_code is None
    assert attempt.error == (
        "127.0.0.1 resolves to 127.0.0.1, a private or local address; "
        "only a source marked internal may fetch from it."
    )
    assert receiver.requests == []


def test_a_deleted_delivery_is_not_sent(receiver, subscriber, tasks_now, db):
    from dateline.distribution.webhooks.tasks import webhook_deliver

    assert webhook_deliver.call_local(12345) is None
    assert receiver.requests == []


@pytest.mark.parametrize("active", [True, False])
def test_only_active_subscribers_get_deliveries(
    receiver, subscriber, tasks_now, django_capture_on_commit_callbacks, active
):
    subscriber.is_active = active
    subscriber.save()
    publish(django_capture_on_commit_callbacks)
    assert WebhookDelivery.objects.count() == (1 if active else 0)
    assert len(receiver.requests) == (1 if active else 0)
