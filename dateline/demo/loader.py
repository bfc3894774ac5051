"""Load the demo site once; reset it on request."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from dateline.content.models import Article, ArticleAuthor, Author, Category, Tag
from dateline.publishing.services import article_publish

from . import archive
from .recent import RECENT_POSTS
from .seed import SEED_ARTICLE, SEED_PUBLISHED_AT, SEED_SLUG

ARCHIVE_SIZE = 320


@transaction.atomic
def demo_load(*, now: datetime | None = None) -> bool:
    """Load the demo content unless it is there already; say whether it loaded."""
    if Article.objects.filter(slug=SEED_SLUG).exists():
        return False
    now = now or timezone.now()
    categories = _categories()
    authors = _authors()
    _article(
        headline=SEED_ARTICLE["headline"],
        slug=SEED_SLUG,
        dateline=SEED_ARTICLE["dateline"],
        body=SEED_ARTICLE["body"],
        category=categories[SEED_ARTICLE["category"]],
        authors=[authors[SEED_ARTICLE["author"]]],
        tags=SEED_ARTICLE["tags"],
        published_at=SEED_PUBLISHED_AT,
    )
    for hours, post in enumerate(RECENT_POSTS):
        _article(
            headline=post["headline"],
            body=_paragraphs(post["body"]),
            category=categories[post["category"]],
            authors=[authors["Admin"]],
            published_at=now - timedelta(days=post["days_ago"], hours=hours + 1),
        )
    # The archive runs back from the seed story, so the front page leads
    # with the seed's Recent Posts, then the seed story, then the archive.
    for story in archive.generate(count=ARCHIVE_SIZE, before=SEED_PUBLISHED_AT):
        _article(
            headline=story.headline,
            body=_paragraphs(story.paragraphs),
            category=categories[story.category],
            authors=[authors[name] for name in story.authors],
            tags=story.tags,
            published_at=story.published_at,
        )
    return True


@transaction.atomic
def demo_reset(*, now: datetime | None = None) -> None:
    """Delete all content and load the demo again."""
    for model in (Article, Author, Category, Tag):
        model.objects.all().delete()
    demo_load(now=now)


def _categories() -> dict[str, Category]:
    return {
        name: Category.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "description": about, "position": position},
        )[0]
        for position, (name, about) in enumerate(archive.CATEGORIES)
    }


def _authors() -> dict[str, Author]:
    return {
        name: Author.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "bio": bio}
        )[0]
        for name, bio in archive.AUTHORS
    }


def _article(
    *,
    headline: str,
    body: str,
    category: Category,
    authors: list[Author],
    published_at: datetime,
    slug: str = "",
    dateline: str = "",
    tags: Sequence[str] = (),
) -> Article:
    article = Article(
        headline=headline,
        slug=_unique_slug(slug or slugify(headline)[:200]),
        dateline=dateline,
        body=body,
        category=category,
        updated_at=published_at,
    )
    article_publish(article=article, at=published_at)
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=author, position=position)
        for position, author in enumerate(authors)
    )
    article.tags.set(
        Tag.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in tags
    )
    return article


def _unique_slug(slug: str) -> str:
    candidate, number = slug, 1
    while Article.objects.filter(slug=candidate).exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
