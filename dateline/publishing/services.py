"""Writes that change what the public sees."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from dateline.accounts.audit import audit_record
from dateline.accounts.models import AuditEntry, User
from dateline.content.models import Article, Correction, Revision

from . import events


class PublishingError(Exception):
    """A publishing step that cannot happen now; the message says why."""


def _check_embargo(article: Article, at: datetime) -> None:
    if article.embargo_until is not None and at < article.embargo_until:
        when = date_format(timezone.localtime(article.embargo_until), "j F Y, H:i")
        raise PublishingError(f"This story is embargoed until {when}.")


def _keep(article: Article, by: User | None, action: str, audit: str) -> None:
    Revision.objects.record(article=article, by=by, action=action)
    audit_record(action=audit, actor=by, target=article.headline)


@transaction.atomic
def article_publish(
    *, article: Article, at: datetime | None = None, by: User | None = None
) -> Article:
    """Make the article public (now, or at `at`) and announce it after commit.

    A person's publish (`by`) is kept as a revision and in the audit log;
    machine paths (ingest, demo, the scheduler) record their own.
    """
    now = timezone.now()
    _check_embargo(article, now)
    if at is not None:
        article.published_at = at
    elif article.published_at is None or article.published_at > now:
        # "Publish now" on a story scheduled for later brings its time forward.
        article.published_at = now
    article.status = Article.Status.PUBLISHED
    article.updated_at = max(article.updated_at, article.published_at)
    article.save()
    if by is not None:
        _keep(article, by, Revision.Action.PUBLISH, AuditEntry.Action.PUBLISH)
    transaction.on_commit(
        lambda: events.article_published.send(sender=Article, article=article)
    )
    return article


@transaction.atomic
def article_schedule(*, article: Article, at: datetime, by: User | None) -> Article:
    """Set the article to go live at `at`; the scheduler publishes it then."""
    _check_embargo(article, at)
    if at <= timezone.now():
        return article_publish(article=article, at=at, by=by)
    article.status = Article.Status.SCHEDULED
    article.published_at = at
    article.save(update_fields=["status", "published_at"])
    _keep(article, by, Revision.Action.SCHEDULE, AuditEntry.Action.SCHEDULE)
    from .tasks import publish_due_at  # the task module registers with huey

    # The minute-by-minute sweep would catch it too; this is on the second.
    transaction.on_commit(lambda: publish_due_at.schedule(eta=at))
    return article


@transaction.atomic
def article_unpublish(*, article: Article, by: User | None = None) -> Article:
    """Take the article down (or cancel its schedule) and announce it after commit."""
    article.status = Article.Status.UNPUBLISHED
    article.save(update_fields=["status"])
    if by is not None:
        _keep(article, by, Revision.Action.UNPUBLISH, AuditEntry.Action.UNPUBLISH)
    transaction.on_commit(
        lambda: events.article_unpublished.send(sender=Article, article=article)
    )
    return article


@transaction.atomic
def article_correct(
    *, article: Article, by: User | None, kind: str = "", text: str = ""
) -> Article:
    """Stamp a public change, with an optional public Correction or Update note."""
    if article.status != Article.Status.PUBLISHED:
        raise PublishingError("Only a published story can be corrected or updated.")
    now = timezone.now()
    article.updated_at = now
    article.save(update_fields=["updated_at"])
    if text.strip():
        Correction.objects.create(
            article=article,
            kind=kind or Correction.Kind.CORRECTION,
            text=text.strip(),
            noted_at=now,
            noted_by=by,
        )
        _keep(article, by, Revision.Action.CORRECT, AuditEntry.Action.CORRECT)
    transaction.on_commit(
        lambda: events.article_published.send(sender=Article, article=article)
    )
    return article
