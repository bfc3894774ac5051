"""Plain views around the framework ones: conditional feeds and robots.txt."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import condition, require_safe

from . import selectors
from .addresses import absolute
from .feeds import LatestFeed

FeedView = Callable[..., HttpResponse]


def _state(
    request: HttpRequest, feed: LatestFeed, slug: str | None
) -> selectors.FeedState:
    # condition() asks for the ETag and Last-Modified separately; both come
    # from one aggregate query, kept on the request.
    cached = getattr(request, "_dateline_feed_state", None)
    if cached is None:
        filters = {feed.state_lookup: slug} if feed.state_lookup else {}
        cached = selectors.feed_state(**filters)
        request._dateline_feed_state = cached  # type: ignore[attr-defined]
    return cached


def conditional_feed(feed: LatestFeed) -> FeedView:
    """Answer GET and HEAD for the feed, with 304 when nothing changed."""

    def etag(request: HttpRequest, slug: str | None = None) -> str | None:
        state = _state(request, feed, slug)
        if state.latest is None:
            return None
        # Settings that change the body change the tag too.
        version = (
            f"{type(feed).__name__}:{slug}:{state.latest.isoformat()}:{state.count}"
            f":{settings.FEED_FULL_TEXT}:{settings.FEED_ITEMS}"
        )
        return hashlib.sha256(version.encode()).hexdigest()[:32]

    def last_modified(request: HttpRequest, slug: str | None = None) -> datetime | None:
        return _state(request, feed, slug).latest

    return require_safe(
        condition(etag_func=etag, last_modified_func=last_modified)(feed)
    )


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Let crawlers in, keep them out of the admin, and name the sitemaps."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "",
        f"Sitemap: {absolute(reverse('distribution:sitemap-index'))}",
        f"Sitemap: {absolute(reverse('distribution:news-sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
