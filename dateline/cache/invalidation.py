"""Purge what a publish, update or unpublish touches, after commit."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.dispatch import receiver

from dateline.content.models import Article
from dateline.publishing.events import article_published, article_unpublished

from . import store
from .keys import keys_touched_by
from .purgers import purger

_TOUCHED_PREFIX = "pagetouched:"


@receiver(article_published)
@receiver(article_unpublished)
def purge_article(sender: type[Article], *, article: Article, **kwargs: object) -> None:
    """Bump every key the article touches now or touched at its last change."""
    cache = caches[settings.PAGE_CACHE_ALIAS]
    remembered = _TOUCHED_PREFIX + str(article.pk)
    # Keys from the last change cover a category, tag or slug that moved away.
    keys = keys_touched_by(article) | cache.get(remembered, set())
    store.bump(keys)
    cache.set(remembered, keys_touched_by(article), timeout=None)
    purger().purge_keys(keys)
