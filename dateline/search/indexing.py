"""Writes to the index: follow every save, rebuild, catch up.

Every article is indexed, whatever its state, so that the newsroom finds
drafts; what the public may see is decided at query time (selectors filter
on Article.objects.published()). An article is indexed after the commit of
each save, so the index follows a publish within the same request. Articles
written without save() (bulk loads) are picked up by index_catch_up() on
migrate, or by `dateline reindex`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models import F, Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from dateline.content.body import plain_text
from dateline.content.models import Article

from .backends import backend
from .folding import fold
from .models import SearchEntry

BATCH_SIZE = 1000
# The article fields a SearchEntry is made of; saves of other fields (a
# status, a publishing time) leave the entry as it is.
_TEXT_FIELDS = ("headline", "standfirst", "body")
_FIELDS = ["pk", *_TEXT_FIELDS]


def _entry(article: Article, *, now: Any) -> SearchEntry:
    return SearchEntry(
        article_id=article.pk,
        headline=fold(article.headline),
        standfirst=fold(article.standfirst),
        body=fold(plain_text(article.body, skip_figures=False)),
        indexed_at=now,
    )


def _write(articles: Iterable[Article]) -> int:
    now = timezone.now()
    entries = [_entry(article, now=now) for article in articles]
    SearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=[*_TEXT_FIELDS, "indexed_at"],
    )
    return len(entries)


def articles_index(*, article_ids: Sequence[int]) -> int:
    """Index these articles as they are now; return how many were found."""
    return _write(Article.objects.filter(pk__in=article_ids).only(*_FIELDS))


@transaction.atomic
def index_rebuild() -> int:
    """Index every article from scratch; return how many."""
    with backend().bulk_load(language=settings.SITE_LANGUAGE):
        SearchEntry.objects.all().delete()
        articles = Article.objects.only(*_FIELDS).order_by("pk")
        count, last = 0, 0
        while batch := list(articles.filter(pk__gt=last)[:BATCH_SIZE]):
            count += _write(batch)
            last = batch[-1].pk
    return count


def index_catch_up() -> int:
    """Index the articles written or changed without save(); count them."""
    stale = Article.objects.filter(
        Q(search_entry__isnull=True) | Q(search_entry__indexed_at__lt=F("updated_at"))
    )
    ids = list(stale.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        articles_index(article_ids=ids[start : start + BATCH_SIZE])
    return len(ids)


def index_catch_up_after_migrate(*, using: str = DEFAULT_DB_ALIAS, **_: Any) -> None:
    if using != DEFAULT_DB_ALIAS:
        return
    if SearchEntry._meta.db_table in connection.introspection.table_names():
        index_catch_up()


@receiver(post_save, sender=Article)
def index_saved(
    sender: type[Article],
    *,
    instance: Article,
    update_fields: frozenset[str] | None = None,
    **_: Any,
) -> None:
    if update_fields is not None and not update_fields.intersection(_TEXT_FIELDS):
        return
    # After the commit: a rolled-back save leaves the index as it was, and
    # the index reads the article as committed. Robust: a failure is logged
    # and leaves the entry for `dateline reindex --catch-up`, never turning
    # a committed save into an error.
    pk = instance.pk
    transaction.on_commit(lambda: articles_index(article_ids=[pk]), robust=True)
