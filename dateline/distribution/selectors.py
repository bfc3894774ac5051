"""Reads for feeds, sitemaps and the API, each with a fixed query count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max, Prefetch, QuerySet
from django.utils import timezone

from dateline.content.models import Article, ArticleAuthor


def with_everything(articles: QuerySet[Article]) -> QuerySet[Article]:
    """What a feed item or an API article shows: three queries for any number."""
    return articles.select_related("category", "featured_image").prefetch_related(
        Prefetch(
            "authorships", queryset=ArticleAuthor.objects.select_related("author")
        ),
        "tags",
    )


def feed_articles(*, limit: int, full_text: bool, **filters: object) -> list[Article]:
    """The newest public articles matching filters, for one feed."""
    articles = with_everything(Article.objects.published().filter(**filters))
    if not full_text:
        articles = articles.defer("body")
    return list(articles[:limit])


@dataclass(frozen=True)
class FeedState:
    """Enough to tell whether a feed changed: its newest change and its size."""

    latest: datetime | None
    count: int


def feed_state(**filters: object) -> FeedState:
    """One aggregate query over the articles a feed would list."""
    found = (
        Article.objects.published()
        .filter(**filters)
        .aggregate(latest=Max("updated_at"), count=Count("pk"))
    )
    return FeedState(latest=found["latest"], count=found["count"])


def sitemap_articles() -> QuerySet[Article]:
    """Every public article, oldest first so that sitemap pages stay stable."""
    # Oldest first: a new story lands on the last page and leaves the
    # earlier pages, which crawlers have already fetched, unchanged.
    return (
        Article.objects.published()
        .order_by("published_at", "pk")
        .only("slug", "published_at", "created_at", "updated_at")
    )


def news_sitemap_articles(*, now: datetime | None = None) -> list[Article]:
    """Articles published in the last two days, newest first, at most 1,000."""
    # A News sitemap lists only articles from the last two days, at most 1,000
    # URLs per file (Google Search Central, "Create a News sitemap").
    now = now or timezone.now()
    return list(
        Article.objects.published()
        .filter(published_at__gt=now - timedelta(hours=48))
        .only("headline", "slug", "published_at", "created_at", "updated_at")[:1000]
    )
