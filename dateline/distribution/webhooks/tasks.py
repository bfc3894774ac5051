"""Webhook work on the task queue: fan an event out, then deliver each POST.

A failed POST (no answer, a time-out, or any status but 2xx) is tried
again RETRIES times, FIRST_RETRY seconds later and twice as long after each
further failure: 30 s, 1 min, 2 min … about 2 h 7 min in all.
"""

from __future__ import annotations

from typing import Any

from huey.contrib.djhuey import db_task

from ..models import WebhookDelivery
from .services import webhook_attempt, webhook_deliveries_create

RETRIES = 8
FIRST_RETRY = 30  # seconds
BACKOFF = 2


class DeliveryFailed(Exception):
    """Raised so that huey schedules the next try."""


@db_task()
def webhook_fan_out(event: str, article_id: int | None, body: str) -> int:
    """Make a delivery for each active subscriber and queue each one."""
    deliveries = webhook_deliveries_create(
        event=event, article_id=article_id, body=body
    )
    for delivery in deliveries:
        webhook_deliver(delivery.pk)
    return len(deliveries)


@db_task(retries=RETRIES, retry_delay=FIRST_RETRY, retry_backoff=BACKOFF, context=True)
def webhook_deliver(delivery_id: int, task: Any = None) -> int | None:
    """POST one delivery; raise DeliveryFailed to be tried again later."""
    delivery = (
        WebhookDelivery.objects.select_related("subscriber")
        .filter(pk=delivery_id)
        .first()
    )
    if delivery is None or delivery.status == WebhookDelivery.Status.DELIVERED:
        return None  # removed by an admin meanwhile, or already through
    # huey multiplies retry_delay after each failure; what it holds now is
    # the wait before the next try, if one is left.
    retry_in = task.retry_delay if task is not None and task.retries else None
    attempt = webhook_attempt(delivery=delivery, retry_in=retry_in)
    if not attempt.succeeded and retry_in is not None:
        raise DeliveryFailed(attempt.error)
    return attempt.response_code
