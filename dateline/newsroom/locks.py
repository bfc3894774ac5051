"""Presence in the editor: who holds a story, so a second editor sees it.

The lock is advice, not a guard: the version check in services refuses a
stale save whoever holds the lock. An editor page pings every 30 seconds;
a lock not pinged for LOCK_TTL is free.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from dateline.accounts.models import User
from dateline.content.models import Article

from .models import EditLock

LOCK_TTL = timedelta(seconds=90)


def lock_holder(article: Article) -> EditLock | None:
    """The live lock on a story, if anyone holds one."""
    lock = EditLock.objects.filter(article=article).select_related("user").first()
    if lock is None or lock.touched_at < timezone.now() - LOCK_TTL:
        return None
    return lock


def lock_touch(*, article: Article, by: User) -> EditLock:
    """Take or refresh the lock; return whoever holds it afterwards."""
    now = timezone.now()
    with transaction.atomic():
        lock = EditLock.objects.select_for_update().filter(article=article).first()
        if lock is None:
            try:
                with transaction.atomic():
                    return EditLock.objects.create(
                        article=article, user=by, since=now, touched_at=now
                    )
            except IntegrityError:  # taken a moment ago by someone else
                return EditLock.objects.select_related("user").get(article=article)
        if lock.user_id != by.pk and lock.touched_at >= now - LOCK_TTL:
            return lock
        if lock.user_id != by.pk:
            lock.user, lock.since = by, now
        lock.touched_at = now
        lock.save()
        return lock


def lock_release(*, article: Article, by: User) -> None:
    EditLock.objects.filter(article=article, user=by).delete()


def locks_for(articles: list[Article]) -> dict[int, EditLock]:
    """Live locks of a page of stories, in one query."""
    fresh = timezone.now() - LOCK_TTL
    return {
        lock.article_id: lock
        for lock in EditLock.objects.filter(
            article__in=articles, touched_at__gte=fresh
        ).select_related("user")
    }
