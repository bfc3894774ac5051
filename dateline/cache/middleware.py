"""Label public responses for every cache in front: ours, nginx and a CDN."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from .keys import page_keys


class CacheHeadersMiddleware:
    """Cache-Control with stale-* directives and Surrogate-Key on public pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.cookies:
            return response
        if response.status_code not in (200, 301, 404):
            return response
        keys = page_keys(request.path_info)
        if keys is None or response.has_header("Cache-Control"):
            return response
        # Browsers cannot be purged, so they keep a page briefly; shared
        # caches keep it long and are purged by key on every change.
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_BROWSER_TTL,
            s_maxage=settings.PAGE_CACHE_TTL,
            stale_while_revalidate=settings.PAGE_STALE_WHILE_REVALIDATE,
            stale_if_error=settings.PAGE_STALE_IF_ERROR,
        )
        response["Surrogate-Key"] = " ".join(keys)
        response["Cache-Tag"] = ",".join(keys)  # the same keys, Cloudflare's name
        return response
