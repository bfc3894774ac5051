"""The API's operations; each reads through a selector and returns a schema."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError

from dateline.content.models import (
    Article,
    ArticleAuthor,
    ArticleQuerySet,
    Author,
    Category,
    Tag,
)
from dateline.search.query import QueryError, parse
from dateline.search.selectors import Results

from .. import selectors
from . import problems, schemas
from .cursor import cursor_decode, cursor_encode
from .newsroom import router as newsroom_router
from .openapi import ProblemDocumentedAPI
from .params import DATE_TIME, SLUG, TEXT, moment
from .throttle import ClientRateThrottle

LIST_RESPONSES: dict[int, Any] = {400: schemas.Problem, 429: schemas.Problem}
ONE_RESPONSES: dict[int, Any] = {
    400: schemas.Problem,
    404: schemas.Problem,
    429: schemas.Problem,
}

api: NinjaAPI = ProblemDocumentedAPI(
    title="Dateline API",
    version="1",
    description=(
        "Published articles, sections, topics and authors, for anyone; drafts,"
        " changes, review and publishing for newsroom clients with a token."
    ),
    urls_namespace="distribution:api-v1",
    docs_url=None,
    throttle=[ClientRateThrottle()],
)
problems.install(api)
api.add_router("/newsroom", newsroom_router)


def _filtered(
    category: str | None,
    tag: str | None,
    author: str | None,
    since: str | None,
    until: str | None,
) -> QuerySet[Article]:
    # Subqueries, not joins: search ranks over this queryset's WHERE clause
    # alone, which cannot name a joined table.
    articles = Article.objects.published()
    if category is not None:
        sections = Category.objects.filter(slug=category).values("pk")
        articles = articles.filter(category_id__in=sections)
    if tag is not None:
        tagged = Article.tags.through.objects.filter(tag__slug=tag)
        articles = articles.filter(pk__in=tagged.values("article_id"))
    if author is not None:
        bylines = ArticleAuthor.objects.filter(author__slug=author)
        articles = articles.filter(pk__in=bylines.values("article_id"))
    if (start := moment(since, "since")) is not None:
        articles = articles.filter(published_at__gte=start)
    if (end := moment(until, "until")) is not None:
        articles = articles.filter(published_at__lt=end)
    return articles


def _searched(articles: QuerySet[Article], text: str, token: str | None, limit: int):
    try:
        query = parse(text)
    except QueryError as error:
        raise HttpError(400, str(error)) from None
    offset = cursor_decode(token, keys={"o": int})["o"] if token else 0
    if offset < 0:
        raise HttpError(400, "The cursor is not valid.")
    found = [r.article for r in Results(query, articles)[offset : offset + limit + 1]]
    more = len(found) > limit
    return found[:limit], cursor_encode({"o": offset + limit}) if more else None


def _newest_first(articles: QuerySet[Article], token: str | None, limit: int):
    if token:
        position = cursor_decode(token, keys={"p": str, "id": int})
        try:
            published = datetime.fromisoformat(position["p"])
        except ValueError:
            raise HttpError(400, "The cursor is not valid.") from None
        articles = articles.filter(
            Q(published_at__lt=published)
            | Q(published_at=published, pk__lt=position["id"])
        )
    found = list(cast(ArticleQuerySet, articles).for_listing()[: limit + 1])
    if len(found) <= limit:
        return found, None
    last = found[limit - 1]
    assert last.published_at is not None  # published() lists only dated ones
    return found[:limit], cursor_encode(
        {"p": last.published_at.isoformat(), "id": last.pk}
    )


class ArticleFilters(Schema):
    category: str | None = Field(None, pattern=SLUG, max_length=100)
    tag: str | None = Field(None, pattern=SLUG, max_length=100)
    author: str | None = Field(None, pattern=SLUG, max_length=150)
    since: str | None = Field(
        None,
        pattern=DATE_TIME,
        description="published at or after",
        json_schema_extra={"format": "date-time"},
    )
    until: str | None = Field(
        None,
        pattern=DATE_TIME,
        description="published before",
        json_schema_extra={"format": "date-time"},
    )
    q: str | None = Field(
        None, min_length=1, max_length=256, pattern=TEXT, description="words"
    )
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=100)


@api.get("/articles", response={200: schemas.ArticlePage, **LIST_RESPONSES})
def articles_list(
    request: HttpRequest, filters: Query[ArticleFilters]
) -> dict[str, Any]:
    """Published articles, newest first (or best match first with `q`)."""
    f = filters
    articles = _filtered(f.category, f.tag, f.author, f.since, f.until)
    if f.q is not None:
        found, next_cursor = _searched(articles, f.q, f.cursor, f.limit)
    else:
        found, next_cursor = _newest_first(articles, f.cursor, f.limit)
    return {
        "items": [schemas.article_out(a) for a in found],
        "next_cursor": next_cursor,
    }


def _one(**lookup: object) -> dict[str, Any]:
    found = list(
        selectors.with_everything(Article.objects.published().filter(**lookup))
    )
    if not found:
        raise Http404
    return schemas.article_detail_out(found[0])


@api.get(
    "/articles/by-slug/{slug}",
    response={200: schemas.ArticleDetailOut, **ONE_RESPONSES},
)
def article_by_slug(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One published article, by its slug."""
    if len(slug) > 200 or "\x00" in slug:
        raise Http404
    return _one(slug=slug)


@api.get(
    "/articles/{article_id}", response={200: schemas.ArticleDetailOut, **ONE_RESPONSES}
)
def article_by_id(request: HttpRequest, article_id: int) -> dict[str, Any]:
    """One published article, by its id."""
    if not 0 < article_id < 2**63:
        raise Http404
    return _one(pk=article_id)


@api.get("/categories", response={200: list[schemas.CategoryOut], 429: schemas.Problem})
def categories_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Every section, in the order the site shows them."""
    return [schemas.category_out(c) for c in Category.objects.all()]


def _by_slug(
    rows: QuerySet[Any], token: str | None, limit: int
) -> tuple[list[Any], str | None]:
    if token:
        rows = rows.filter(slug__gt=cursor_decode(token, keys={"s": str})["s"])
    found = list(rows.order_by("slug")[: limit + 1])
    more = len(found) > limit
    return found[:limit], cursor_encode({"s": found[limit - 1].slug}) if more else None


class PageFilters(Schema):
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(100, ge=1, le=500)


@api.get("/tags", response={200: schemas.TagPage, **LIST_RESPONSES})
def tags_list(request: HttpRequest, page: Query[PageFilters]) -> dict[str, Any]:
    """Every topic, by slug."""
    found, next_cursor = _by_slug(Tag.objects.all(), page.cursor, page.limit)
    return {"items": [schemas.tag_out(t) for t in found], "next_cursor": next_cursor}


@api.get("/authors", response={200: schemas.AuthorPage, **LIST_RESPONSES})
def authors_list(request: HttpRequest, page: Query[PageFilters]) -> dict[str, Any]:
    """Every author, by slug."""
    found, next_cursor = _by_slug(Author.objects.all(), page.cursor, page.limit)
    return {"items": [schemas.author_out(a) for a in found], "next_cursor": next_cursor}
