"""Writes that change what the public sees."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from dateline.content.models import Article

from . import events


@transaction.atomic
def article_publish(*, article: Article, at: datetime | None = None) -> Article:
    """Make the article public (now, or at `at`) and announce it after commit."""
    article.status = Article.Status.PUBLISHED
    article.published_at = at or article.published_at or timezone.now()
    article.updated_at = max(article.updated_at, article.published_at)
    article.save()
    transaction.on_commit(
        lambda: events.article_published.send(sender=Article, article=article)
    )
    return article


@transaction.atomic
def article_unpublish(*, article: Article) -> Article:
    """Take the article down and announce it after commit."""
    article.status = Article.Status.UNPUBLISHED
    article.save(update_fields=["status"])
    transaction.on_commit(
        lambda: events.article_unpublished.send(sender=Article, article=article)
    )
    return article
