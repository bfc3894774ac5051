"""Tags the reader's templates use for structured data, social cards and feeds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from dateline.content.models import Article, Correction

from .. import structured_data
from ..addresses import absolute, asset

register = template.Library()

DESCRIPTION_CHARS = 200


@register.simple_tag
def article_structured_data(
    article: Article,
    corrections: Iterable[structured_data.CorrectionLike] | None = None,
) -> SafeString:
    """NewsArticle and BreadcrumbList JSON-LD for an article page.

    Without `corrections`, the article's own Correction notes are used (from
    the prefetch of content.queries.public_article, so no extra query).
    """
    if corrections is None:
        # schema.org's `correction` is for corrections; an Update note adds
        # news to a story that was right, and stays on the page only.
        corrections = [
            note
            for note in article.corrections.all()
            if note.kind == Correction.Kind.CORRECTION
        ]
    return structured_data.json_ld(
        structured_data.news_article(article, corrections=corrections)
    ) + structured_data.json_ld(structured_data.breadcrumbs(article))


@register.simple_tag
def website_structured_data() -> SafeString:
    """WebSite JSON-LD with the site search, for the home page."""
    return structured_data.json_ld(structured_data.website())


@register.inclusion_tag("distribution/social_meta.html")
def article_social_meta(article: Article) -> dict[str, Any]:
    """Open Graph and Twitter card tags for an article page."""
    image = article.featured_image
    has_image = bool(image and image.file)
    return {
        "type": "article",
        "title": article.headline,
        "description": Truncator(article.standfirst or article.lead_text).chars(
            DESCRIPTION_CHARS
        ),
        "url": absolute(article.get_absolute_url()),
        "image": structured_data.article_image(article),
        "image_alt": image.alt_text if has_image else settings.SITE_NAME,  # type: ignore[union-attr]
        "site_name": settings.SITE_NAME,
        "article": article,
        "authors": [absolute(a.get_absolute_url()) for a in article.byline],
    }


@register.inclusion_tag("distribution/social_meta.html")
def site_social_meta() -> dict[str, Any]:
    """Open Graph and Twitter card tags for the home page."""
    return {
        "type": "website",
        "title": settings.SITE_NAME,
        "description": f"The latest news from {settings.SITE_NAME}.",
        "url": absolute(reverse("reader:home")),
        "image": asset(settings.SITE_SHARE_IMAGE),
        "image_alt": settings.SITE_NAME,
        "site_name": settings.SITE_NAME,
    }


@register.inclusion_tag("distribution/feed_links.html")
def feed_links() -> dict[str, Any]:
    """Feed autodiscovery links for the whole site."""
    return {
        "site_name": settings.SITE_NAME,
        "rss": absolute(reverse("distribution:feed")),
        "atom": absolute(reverse("distribution:feed-atom")),
    }
