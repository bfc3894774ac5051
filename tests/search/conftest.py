"""Search fixtures: articles with chosen words and ages, indexed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.content.models import Article
from dateline.search.indexing import articles_index

from ..factories import ArticleFactory

# Selected by `make test`'s PostgreSQL pass; its SQLite pass deselects them.
postgres_only = pytest.mark.postgres


@pytest.fixture
def story(db: None) -> Callable[..., Article]:
    """Create a public article, `days_old` days old, and index it."""

    def make(
        headline: str, body: str = "", *, days_old: float = 1, **fields: object
    ) -> Article:
        published_at = timezone.now() - timedelta(days=days_old)
        article = ArticleFactory(
            headline=headline,
            body=f"<p>{body}</p>" if body else "",
            published_at=published_at,
            **fields,
        )
        articles_index(article_ids=[article.pk])
        return article

    return make
