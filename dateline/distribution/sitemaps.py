"""Sitemaps: every article and list page, and the Google News sitemap."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Model, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from dateline.content.models import Article, Author, Category, Tag

from . import selectors


class SiteSitemap(Sitemap):
    """A sitemap whose addresses are canonical, on DATELINE_SITE_URL."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return settings.SITE_URL.split("://", 1)[0]

    def get_domain(self, site: Any = None) -> str:
        return settings.SITE_URL.split("://", 1)[1]

    def lastmod(self, item: Any) -> datetime | None:
        return item.lastmod

    def get_latest_lastmod(self) -> datetime | None:
        # Django's default reads every item; one aggregate is enough.
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class ArticleSitemap(SiteSitemap):
    limit = 50_000  # the most URLs one sitemap file may hold (sitemaps.org)

    def items(self) -> QuerySet[Article]:
        return selectors.sitemap_articles()

    def lastmod(self, item: Article) -> datetime:
        return item.updated_at


def _with_lastmod(model: type[Model], relation: str) -> QuerySet[Any]:
    """List pages that show at least one public article, with its newest change."""
    public = Q(
        **{
            f"{relation}__status": Article.Status.PUBLISHED,
            f"{relation}__published_at__lte": timezone.now(),
        }
    )
    return (
        model._default_manager.annotate(
            lastmod=Max(f"{relation}__updated_at", filter=public)
        )
        .filter(lastmod__isnull=False)
        .order_by("slug")
    )


class CategorySitemap(SiteSitemap):
    def items(self) -> QuerySet[Category]:
        return _with_lastmod(Category, "articles")


class TagSitemap(SiteSitemap):
    def items(self) -> QuerySet[Tag]:
        return _with_lastmod(Tag, "articles")


class AuthorSitemap(SiteSitemap):
    def items(self) -> QuerySet[Author]:
        return _with_lastmod(Author, "articles")


class HomeSitemap(SiteSitemap):
    def items(self) -> list[str]:
        return ["reader:home"]

    def location(self, item: str) -> str:
        return reverse(item)

    def lastmod(self, item: str) -> datetime | None:
        return self.get_latest_lastmod()


SITEMAPS: dict[str, type[Sitemap]] = {
    "home": HomeSitemap,
    "articles": ArticleSitemap,
    "sections": CategorySitemap,
    "topics": TagSitemap,
    "authors": AuthorSitemap,
}


def news_language(code: str) -> str:
    """The language as Google News spells it: ISO 639, or zh-cn / zh-tw."""
    code = code.lower().replace("_", "-")
    if code in ("zh-cn", "zh-tw"):
        return code
    return code.split("-", 1)[0]


class NewsSitemap(SiteSitemap):
    limit = 1_000

    def items(self) -> list[Article]:
        return selectors.news_sitemap_articles()

    def lastmod(self, item: Article) -> datetime:
        return item.updated_at

    def get_urls(self, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        urls = super().get_urls(*args, **kwargs)
        publication = {
            "name": settings.SITE_NAME,
            "language": news_language(settings.SITE_LANGUAGE),
        }
        for url in urls:
            article = url["item"]
            url["news"] = {
                **publication,
                "publication_date": article.published_at.isoformat(timespec="seconds"),
                "title": article.headline,
            }
        return urls
