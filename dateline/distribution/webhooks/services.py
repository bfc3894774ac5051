"""Webhook writes: add a subscriber, fan an event out, make one delivery attempt."""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction

from ..models import WebhookAttempt, WebhookDelivery, WebhookSubscriber
from . import signing
from .sending import SendError, post


def webhook_subscriber_create(
    *, url: str, is_internal: bool = False, description: str = ""
) -> WebhookSubscriber:
    """Register url with a new secret; raise ValidationError for a refused URL."""
    subscriber = WebhookSubscriber(
        url=url,
        is_internal=is_internal,
        description=description,
        secret=signing.secret_new(),
    )
    subscriber.full_clean()
    subscriber.save()
    return subscriber


@transaction.atomic
def webhook_deliveries_create(
    *, event: str, article_id: int | None, body: str
) -> list[WebhookDelivery]:
    """One pending delivery of body to each active subscriber."""
    return WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            subscriber=subscriber, event=event, article_id=article_id, body=body
        )
        for subscriber in WebhookSubscriber.objects.filter(is_active=True)
    )


def webhook_attempt(
    *, delivery: WebhookDelivery, retry_in: float | None
) -> WebhookAttempt:
    """POST the delivery once, signed now, and record how it went.

    retry_in: seconds until the next try if this one fails, None if it is the last.
    """
    subscriber = delivery.subscriber
    body = delivery.body.encode()
    headers = {
        "Content-Type": "application/json",
        signing.HEADER: signing.signature_header(
            secret=subscriber.secret, body=body, timestamp=int(time.time())
        ),
        "X-Dateline-Event": delivery.event,
        "X-Dateline-Delivery": str(delivery.pk),
    }
    number = delivery.attempts.count() + 1
    started = time.monotonic()
    code, error = None, ""
    try:
        code = post(
            subscriber.url,
            body=body,
            headers=headers,
            internal=subscriber.is_internal,
            timeout=settings.WEBHOOK_TIMEOUT,
        )
    except SendError as failure:
        error = str(failure)
    attempt = WebhookAttempt.objects.create(
        delivery=delivery,
        number=number,
        response_code=code,
        error=error or ("" if code is None or code < 300 else f"Answered {code}."),
        duration_ms=round((time.monotonic() - started) * 1000),
    )
    _settle(delivery, attempt, retry_in)
    return attempt


def _settle(
    delivery: WebhookDelivery, attempt: WebhookAttempt, retry_in: float | None
) -> None:
    if attempt.succeeded:
        delivery.status, delivery.next_attempt_at = (
            WebhookDelivery.Status.DELIVERED,
            None,
        )
    elif retry_in is not None:
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_attempt_at = attempt.at + timedelta(seconds=retry_in)
    else:
        delivery.status, delivery.next_attempt_at = WebhookDelivery.Status.FAILED, None
    delivery.save(update_fields=["status", "next_attempt_at"])
