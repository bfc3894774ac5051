"""Publish what is due: scheduled stories whose time and embargo have passed.

Runs every minute, at each scheduled time, and when the task consumer starts
(so stories missed while the site was down go out at once); see tasks.py.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dateline.accounts.audit import audit_record
from dateline.accounts.models import AuditEntry
from dateline.content.models import Article, Revision

from .services import article_publish


def due_articles(*, now: datetime) -> list[Article]:
    return list(
        Article.objects.filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now),
            status=Article.Status.SCHEDULED,
            published_at__lte=now,
        ).order_by("published_at", "pk")
    )


def publish_due(*, now: datetime | None = None) -> list[Article]:
    """Publish every due story once, even with several consumers racing."""
    now = now or timezone.now()
    published = []
    for article in due_articles(now=now):
        with transaction.atomic():
            # Claim the row: a second consumer finds it no longer scheduled.
            claimed = Article.objects.filter(
                pk=article.pk, status=Article.Status.SCHEDULED
            ).update(status=Article.Status.PUBLISHED)
            if not claimed:
                continue
            article_publish(article=article)
            Revision.objects.record(
                article=article, by=None, action=Revision.Action.PUBLISH
            )
            audit_record(
                action=AuditEntry.Action.PUBLISH,
                actor_name="scheduler",
                target=article.headline,
            )
        published.append(article)
    return published
