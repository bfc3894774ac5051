"""A per-client request limit for the API, read from settings on each request."""

from __future__ import annotations

import threading

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import BaseThrottle, SimpleRateThrottle


class _ClientWindow(SimpleRateThrottle):
    scope = "api"

    def get_cache_key(self, request: HttpRequest) -> str:
        return self.cache_format % {
            "scope": self.scope,
            "ident": self.get_ident(request),
        }


class ClientRateThrottle(BaseThrottle):
    """DATELINE_API_RATE_LIMIT requests per client address, e.g. "120/m"."""

    def __init__(self) -> None:
        # ninja keeps one throttle for all requests; the window it counts in
        # holds per-request state, so each request gets its own.
        self._local = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        window = _ClientWindow(settings.API_RATE_LIMIT)
        allowed = window.allow_request(request)
        self._local.wait = None if allowed else window.wait()
        return allowed

    def wait(self) -> float | None:
        return getattr(self._local, "wait", None)
