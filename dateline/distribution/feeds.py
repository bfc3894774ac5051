"""RSS 2.0 and Atom feeds of the latest articles, and per section, topic, author.

Paths follow WordPress (/feed/, /feed/atom/, /category/<slug>/feed/ …) so
that subscribers keep their feeds after a move from WordPress.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, SyndicationFeed
from django.utils.html import escape, format_html
from django.utils.text import Truncator

from dateline.content import queries
from dateline.content.models import Article, Image

from . import selectors
from .addresses import absolute, article_guid
from .feed_formats import NewsAtomFeed, NewsRssFeed

EXCERPT_CHARS = 300


@dataclass(frozen=True)
class FeedScope:
    """Which articles a feed lists and how the feed names itself."""

    title: str
    description: str
    link: str
    feed_url: str
    filters: dict[str, object] = field(default_factory=dict)


def _image(image: Image | None) -> dict[str, Any] | None:
    if image is None or not image.file:
        return None
    return {
        "url": absolute(image.file.url),
        "type": mimetypes.guess_type(image.file.name)[0] or "image/jpeg",
        "width": image.width,
        "height": image.height,
        "alt": image.alt_text,
        "credit": image.credit,
    }


def _full_text(article: Article) -> str:
    # The dateline leads the first paragraph, as on the article page.
    if article.dateline and article.body.startswith("<p>"):
        lead = format_html("<p><strong>{}:</strong> ", article.dateline)
        return lead + article.body[len("<p>") :]
    return article.body


class LatestFeed(Feed):
    feed_type: type[SyndicationFeed] = NewsRssFeed
    # The lookup that narrows feed_state() to this feed's articles by slug.
    state_lookup: str | None = None

    @property
    def language(self) -> str:  # type: ignore[override]
        return settings.SITE_LANGUAGE

    @property
    def author_name(self) -> str:
        # A feed-level author satisfies RFC 4287 4.1.1 for any entry whose
        # byline is empty.
        return settings.SITE_NAME

    def get_object(self, request: HttpRequest, slug: str | None = None) -> FeedScope:
        return FeedScope(
            title=settings.SITE_NAME,
            description=f"The latest news from {settings.SITE_NAME}.",
            link=absolute(reverse("reader:home")),
            feed_url=absolute(request.path),
        )

    def title(self, obj: FeedScope) -> str:
        return obj.title

    def link(self, obj: FeedScope) -> str:
        return obj.link

    def description(self, obj: FeedScope) -> str:
        return obj.description

    def subtitle(self, obj: FeedScope) -> str:
        return obj.description

    def feed_url(self, obj: FeedScope) -> str:
        return obj.feed_url

    def items(self, obj: FeedScope) -> list[Article]:
        return selectors.feed_articles(
            limit=settings.FEED_ITEMS,
            full_text=settings.FEED_FULL_TEXT,
            **obj.filters,
        )

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        excerpt = item.standfirst or Truncator(item.lead_text).chars(EXCERPT_CHARS)
        return escape(excerpt)  # plain text, and the element holds HTML

    def item_link(self, item: Article) -> str:
        return absolute(item.get_absolute_url())

    def item_guid(self, item: Article) -> str:
        return article_guid(item)

    item_guid_is_permalink = False

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Article) -> datetime:
        return item.updated_at

    def item_categories(self, item: Article) -> list[str]:
        names = [item.category.name] if item.category else []
        return names + [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        image = _image(item.featured_image)
        if image is None:
            return []
        try:
            length = item.featured_image.file.size  # type: ignore[union-attr]
        except OSError:
            length = 0  # the file went missing; the item still goes out
        return [Enclosure(image["url"], str(length), image["type"])]

    def item_extra_kwargs(self, item: Article) -> dict[str, Any]:
        return {
            "authors": [
                {"name": a.name, "url": absolute(a.get_absolute_url())}
                for a in item.byline
            ],
            "content_html": _full_text(item) if settings.FEED_FULL_TEXT else None,
            "image": _image(item.featured_image),
        }


class CategoryFeed(LatestFeed):
    state_lookup = "category__slug"

    def get_object(self, request: HttpRequest, slug: str | None = None) -> FeedScope:
        section = queries.category_by_slug(slug or "")
        return FeedScope(
            title=f"{section.name} | {settings.SITE_NAME}",
            description=section.description or f"The latest in {section.name}.",
            link=absolute(section.get_absolute_url()),
            feed_url=absolute(request.path),
            filters={"category": section},
        )


class TagFeed(LatestFeed):
    state_lookup = "tags__slug"

    def get_object(self, request: HttpRequest, slug: str | None = None) -> FeedScope:
        topic = queries.tag_by_slug(slug or "")
        return FeedScope(
            title=f"{topic.name} | {settings.SITE_NAME}",
            description=f"Articles about {topic.name}.",
            link=absolute(topic.get_absolute_url()),
            feed_url=absolute(request.path),
            filters={"tags": topic},
        )


class AuthorFeed(LatestFeed):
    state_lookup = "authors__slug"

    def get_object(self, request: HttpRequest, slug: str | None = None) -> FeedScope:
        person = queries.author_by_slug(slug or "")
        return FeedScope(
            title=f"{person.name} | {settings.SITE_NAME}",
            description=person.bio or f"Articles by {person.name}.",
            link=absolute(person.get_absolute_url()),
            feed_url=absolute(request.path),
            filters={"authors": person},
        )


class LatestAtomFeed(LatestFeed):
    feed_type = NewsAtomFeed


class CategoryAtomFeed(CategoryFeed):
    feed_type = NewsAtomFeed


class TagAtomFeed(TagFeed):
    feed_type = NewsAtomFeed


class AuthorAtomFeed(AuthorFeed):
    feed_type = NewsAtomFeed
