"""What the API returns, and how an article becomes that."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema

from dateline.content.models import Article, Author, Category, Image, Tag

from ..addresses import absolute, article_guid


class CategoryOut(Schema):
    slug: str
    name: str
    description: str
    url: str


class TagOut(Schema):
    slug: str
    name: str
    url: str


class AuthorOut(Schema):
    slug: str
    name: str
    bio: str
    url: str


class ImageOut(Schema):
    url: str
    width: int | None
    height: int | None
    alt_text: str
    caption: str
    credit: str


class ArticleOut(Schema):
    id: int
    guid: str
    slug: str
    url: str
    headline: str
    dateline: str
    standfirst: str
    excerpt: str
    published_at: datetime
    updated_at: datetime
    category: CategoryOut | None
    authors: list[AuthorOut]
    featured_image: ImageOut | None


class ArticleDetailOut(ArticleOut):
    body_html: str
    tags: list[TagOut]


class ArticlePage(Schema):
    items: list[ArticleOut]
    next_cursor: str | None


class TagPage(Schema):
    items: list[TagOut]
    next_cursor: str | None


class AuthorPage(Schema):
    items: list[AuthorOut]
    next_cursor: str | None


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str


def category_out(category: Category) -> dict[str, object]:
    return {
        "slug": category.slug,
        "name": category.name,
        "description": category.description,
        "url": absolute(category.get_absolute_url()),
    }


def tag_out(tag: Tag) -> dict[str, object]:
    return {"slug": tag.slug, "name": tag.name, "url": absolute(tag.get_absolute_url())}


def author_out(author: Author) -> dict[str, object]:
    return {
        "slug": author.slug,
        "name": author.name,
        "bio": author.bio,
        "url": absolute(author.get_absolute_url()),
    }


def _image_out(image: Image | None) -> dict[str, object] | None:
    if image is None or not image.file:
        return None
    return {
        "url": absolute(image.file.url),
        "width": image.width,
        "height": image.height,
        "alt_text": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
    }


def article_out(article: Article) -> dict[str, object]:
    """An article as lists show it: no body, no topics."""
    return {
        "id": article.pk,
        "guid": article_guid(article),
        "slug": article.slug,
        "url": absolute(article.get_absolute_url()),
        "headline": article.headline,
        "dateline": article.dateline,
        "standfirst": article.standfirst,
        "excerpt": article.lead_text,
        "published_at": article.published_at,
        "updated_at": article.updated_at,
        "category": category_out(article.category) if article.category else None,
        "authors": [author_out(a) for a in article.byline],
        "featured_image": _image_out(article.featured_image),
    }


def article_detail_out(article: Article) -> dict[str, object]:
    return {
        **article_out(article),
        "body_html": article.body,
        "tags": [tag_out(t) for t in article.tags.all()],
    }
