"""Writes to the index: follow publishing, rebuild, catch up.

Receivers of publishing.events index an article when it goes public or
changes and remove it when it is taken down; both run after commit, so the
index follows a publish within the same request. Articles written without
events (bulk loads, imports) are picked up by index_catch_up() on migrate,
or by `dateline reindex`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models import F, Q
from django.dispatch import receiver
from django.utils import timezone

from dateline.content.body import plain_text
from dateline.content.models import Article
from dateline.publishing.events import article_published, article_unpublished

from .backends import backend
from .folding import fold
from .models import SearchEntry

BATCH_SIZE = 1000
_FIELDS = ["pk", "headline", "standfirst", "body", "status"]


def _entry(article: Article, *, now: Any) -> SearchEntry:
    return SearchEntry(
        article_id=article.pk,
        headline=fold(article.headline),
        standfirst=fold(article.standfirst),
        body=fold(plain_text(article.body, skip_figures=False)),
        indexed_at=now,
    )


def _write(articles: Iterable[Article], *, notify_backend: bool = True) -> int:
    now = timezone.now()
    entries = [_entry(article, now=now) for article in articles]
    SearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["headline", "standfirst", "body", "indexed_at"],
    )
    if notify_backend:
        backend().entries_written([entry.article_id for entry in entries])
    return len(entries)


@transaction.atomic
def articles_index(*, article_ids: Sequence[int]) -> int:
    """Index the published ones among these articles, drop the rest; count them."""
    articles = Article.objects.filter(pk__in=article_ids).only(*_FIELDS)
    published = [a for a in articles if a.status == Article.Status.PUBLISHED]
    # Scheduled stories are indexed with a future published_at and stay
    # hidden until due: selectors filter on Article.objects.published().
    SearchEntry.objects.filter(pk__in=article_ids).exclude(
        pk__in=[a.pk for a in published]
    ).delete()
    return _write(published) if published else 0


@transaction.atomic
def index_rebuild() -> int:
    """Index every published article from scratch; return how many."""
    engine = backend()
    engine.uninstall()
    SearchEntry.objects.all().delete()
    published = (
        Article.objects.filter(status=Article.Status.PUBLISHED)
        .only(*_FIELDS)
        .order_by("pk")
    )
    count, last = 0, 0
    while batch := list(published.filter(pk__gt=last)[:BATCH_SIZE]):
        count += _write(batch, notify_backend=False)
        last = batch[-1].pk
    engine.install(language=settings.SITE_LANGUAGE)
    return count


def index_catch_up() -> int:
    """Index what changed without an event; drop what is no longer public."""
    stale = Article.objects.filter(status=Article.Status.PUBLISHED).filter(
        Q(search_entry__isnull=True) | Q(search_entry__indexed_at__lt=F("updated_at"))
    )
    SearchEntry.objects.exclude(article__status=Article.Status.PUBLISHED).delete()
    ids = list(stale.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        articles_index(article_ids=ids[start : start + BATCH_SIZE])
    return len(ids)


def index_catch_up_after_migrate(*, using: str = DEFAULT_DB_ALIAS, **_: Any) -> None:
    if using != DEFAULT_DB_ALIAS:
        return
    if SearchEntry._meta.db_table in connection.introspection.table_names():
        index_catch_up()


@receiver(article_published)
def index_published(sender: type[Article], *, article: Article, **_: Any) -> None:
    articles_index(article_ids=[article.pk])


@receiver(article_unpublished)
def unindex_unpublished(sender: type[Article], *, article: Article, **_: Any) -> None:
    articles_index(article_ids=[article.pk])
