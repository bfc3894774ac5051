"""Absolute addresses for machine readers: canonical URLs and stable GUIDs."""

from __future__ import annotations

from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static

from dateline.content.models import Article


def absolute(path: str) -> str:
    """The canonical address of a site path, on DATELINE_SITE_URL."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def asset(path_or_url: str) -> str:
    """The absolute address of a static file named in settings, or the URL given."""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return absolute(static(path_or_url))


def article_guid(article: Article) -> str:
    """A tag URI (RFC 4151) for the article that survives edits and new slugs."""
    # The key is the primary key, never the URL: headlines, slugs and dates
    # change after publication and a feed reader must not see a new story.
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    minted = article.created_at.astimezone(UTC).date()
    return f"tag:{host},{minted.isoformat()}:article/{article.pk}"
