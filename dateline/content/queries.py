"""The read side: named selectors for what each page needs.

Each selector fixes its query count, whatever the number of rows: pages are
tested for that, so an N+1 fails a test rather than the benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Article, ArticleAuthor, Author, Category, Tag

_ARTICLE = Article._meta.db_table
_CATEGORY = Category._meta.db_table


def recent_articles(*, exclude: Article | None = None, limit: int = 6) -> list[Article]:
    """The "Recent Posts" sidebar: two queries whatever the limit."""
    articles = Article.objects.published().for_listing()
    if exclude is not None:
        articles = articles.exclude(pk=exclude.pk)
    return list(articles[:limit])


@dataclass(frozen=True)
class Section:
    category: Category
    articles: list[Article]


@dataclass(frozen=True)
class FrontPage:
    lead: Article | None
    latest: list[Article]
    sections: list[Section]
    read_all: bool  # lead and latest are every published article

    def newest(self, count: int) -> list[Article] | None:
        """The newest `count` published articles, if this page read them
        already (Recent Posts on the home page); else None."""
        read = [self.lead, *self.latest] if self.lead else []
        return read[:count] if count <= len(read) or self.read_all else None


def front_page(
    *, categories: list[Category], latest: int = 8, per_section: int = 4
) -> FrontPage:
    """Lead story, latest list and a section per category: four queries."""
    top = list(Article.objects.published().for_listing()[: latest + 1])
    # One query for every section: a UNION ALL of one small sub-select per
    # category, each reading only its newest few from the section index,
    # whose order it follows exactly. (A window function would number every
    # published row in the archive.)
    category_ids = [category.pk for category in categories]
    ranked: list[Article] = []
    if category_ids:
        newest = (
            f"SELECT * FROM (SELECT id FROM {_ARTICLE} WHERE category_id = %s"
            " AND status = %s AND published_at <= %s"
            " ORDER BY published_at DESC LIMIT %s) AS s{n}"
        )
        sql = " UNION ALL ".join(newest.format(n=n) for n in range(len(category_ids)))
        now = timezone.now()
        params = [
            value
            for pk in category_ids
            for value in (pk, Article.Status.PUBLISHED, now, per_section)
        ]
        ranked = list(
            Article.objects.filter(pk__in=RawSQL(sql, params))
            .for_listing()
            .order_by("category_id", "-published_at", "-pk")
        )
    by_category: dict[Category, list[Article]] = {}
    for article in ranked:
        assert article.category is not None  # selected by category above
        by_category.setdefault(article.category, []).append(article)
    sections = [
        Section(category=category, articles=articles)
        for category, articles in by_category.items()
    ]
    sections.sort(key=lambda s: (s.category.position, s.category.name))
    return FrontPage(
        lead=top[0] if top else None,
        latest=top[1:],
        sections=sections,
        read_all=len(top) <= latest,
    )


def listing(**filters: object) -> QuerySet[Article]:
    """Published articles matching filters, ready for a paginated list."""
    return Article.objects.published().for_listing().filter(**filters)


def public_article(*, slug: str) -> Article:
    """One published article with everything its page shows, or 404."""
    return get_object_or_404(
        Article.objects.published()
        .select_related("category", "featured_image")
        .prefetch_related(
            "tags",
            "corrections",
            "featured_image__renditions",
            Prefetch(
                "authorships",
                queryset=ArticleAuthor.objects.select_related("author"),
            ),
        ),
        slug=slug,
    )


def category_by_slug(slug: str) -> Category:
    return get_object_or_404(Category, slug=slug)


def tag_by_slug(slug: str) -> Tag:
    return get_object_or_404(Tag, slug=slug)


def author_by_slug(slug: str) -> Author:
    return get_object_or_404(Author, slug=slug)


def navigation_categories() -> list[Category]:
    return list(Category.objects.all())
