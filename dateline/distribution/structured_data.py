"""schema.org JSON-LD for pages: NewsArticle, WebSite with search, breadcrumbs.

Builders return plain dicts; json_ld() turns one into a <script> element that
no string inside it can close early.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from dateline.content.models import Article

from .addresses import absolute, asset

# The escapes of django.utils.html.json_script: "</script>", "<!--" and "&"
# become inert inside the element (HTML standard, "script data state").
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class CorrectionLike(Protocol):
    """What a published correction tells readers: the note and when it was made."""

    text: str
    noted_at: datetime


def json_ld(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> element holding data."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(
        '<script type="application/ld+json">'
        + text.translate(_SCRIPT_ESCAPES)
        + "</script>"
    )


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def publisher() -> dict[str, Any]:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.SITE_NAME,
        "url": absolute(reverse("reader:home")),
        "logo": {"@type": "ImageObject", "url": asset(settings.SITE_LOGO)},
    }


def article_image(article: Article) -> str:
    """The article's picture, or the site's share picture when it has none."""
    if article.featured_image and article.featured_image.file:
        return absolute(article.featured_image.file.url)
    return asset(settings.SITE_SHARE_IMAGE)


def news_article(
    article: Article, *, corrections: Iterable[CorrectionLike] = ()
) -> dict[str, Any]:
    """The NewsArticle of an article page (schema.org, Google's Article guide)."""
    url = absolute(article.get_absolute_url())
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "image": [article_image(article)],
        "datePublished": _when(article.published_at),
        "dateModified": _when(article.updated_at),
        "author": [
            {"@type": "Person", "name": a.name, "url": absolute(a.get_absolute_url())}
            for a in article.byline
        ],
        "publisher": publisher(),
        "inLanguage": settings.SITE_LANGUAGE,
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.standfirst or article.lead_text:
        data["description"] = article.standfirst or article.lead_text[:300]
    if article.category:
        data["articleSection"] = article.category.name
    if article.dateline:
        data["dateline"] = article.dateline
    notes = [
        {
            "@type": "CorrectionComment",
            "text": c.text,
            "datePublished": _when(c.noted_at),
        }
        for c in corrections
    ]
    if notes:
        data["correction"] = notes
    return data


def website() -> dict[str, Any]:
    """The site and its search box (the sitelinks search box of search engines)."""
    home = absolute(reverse("reader:home"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": home,
        "inLanguage": settings.SITE_LANGUAGE,
        "publisher": publisher(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute("/search/?q={search_term_string}"),
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(article: Article) -> dict[str, Any]:
    """Home, then the article's section, then the article."""
    trail = [(settings.SITE_NAME, reverse("reader:home"))]
    if article.category:
        trail.append((article.category.name, article.category.get_absolute_url()))
    trail.append((article.headline, article.get_absolute_url()))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute(path)}
            for n, (name, path) in enumerate(trail, start=1)
        ],
    }
