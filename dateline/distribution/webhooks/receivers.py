"""Publishing events become webhook deliveries on the task queue, never inline."""

from __future__ import annotations

from django.dispatch import receiver

from dateline.content.models import Article
from dateline.publishing.events import article_published, article_unpublished

from ..models import WebhookSubscriber
from .events import UNPUBLISHED, event_body, published_event
from .tasks import webhook_fan_out


def _announce(event: str | None, article: Article) -> None:
    # No subscribers, no queue traffic: one query on each publish.
    if not WebhookSubscriber.objects.filter(is_active=True).exists():
        return
    event = event or published_event(article)
    webhook_fan_out(event, article.pk, event_body(event=event, article=article))


@receiver(article_published)
def webhook_published(
    sender: type[Article], *, article: Article, **kwargs: object
) -> None:
    _announce(None, article)


@receiver(article_unpublished)
def webhook_unpublished(
    sender: type[Article], *, article: Article, **kwargs: object
) -> None:
    _announce(UNPUBLISHED, article)
