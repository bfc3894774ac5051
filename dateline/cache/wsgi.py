"""The page cache at the WSGI entry point: hits never reach Django's stack.

A hit costs two cache reads (the page, then its key versions) and no URL
routing, sessions, middleware, templates or SQL. Misses run Django and store
what the cache middleware marked public. When Django answers 5xx (database
down), the last good copy is served instead: stale, or from the snapshot.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import get_path_info

from . import store
from .keys import page_keys

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

_CACHEABLE_STATUS = ("200", "301", "404")


class PageCache:
    """Wrap a WSGI application with the public page cache."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse):
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "HEAD") or _is_personal(environ):
            return self.app(environ, start_response)
        path = get_path_info(environ)
        keys = page_keys(path)
        if keys is None:
            return self.app(environ, start_response)
        cache_key = store.request_key(
            environ.get("HTTP_HOST", ""), path, environ.get("QUERY_STRING", "")
        )
        entry, versions = store.lookup(cache_key, keys)
        if entry is not None and entry.versions == versions:
            return _replay(entry, environ, start_response, "HIT")
        if method == "HEAD":
            return self.app(environ, start_response)
        # The versions were read before rendering: a purge that lands
        # mid-render leaves this entry already stale, never wrongly fresh.
        status, headers, body = _run(self.app, environ)
        if status.startswith("5"):
            fallback = entry or store.snapshot(cache_key)
            if fallback is not None:
                return _replay(fallback, environ, start_response, "STALE")
        elif _cacheable(status, headers):
            etag = next((v for k, v in headers if k.lower() == "etag"), "")
            store.put(
                cache_key,
                store.Entry(status, headers, body, versions, time.time(), etag),
            )
        start_response(status, [*headers, ("X-Cache", "MISS")])
        return [body]


def _is_personal(environ: dict[str, Any]) -> bool:
    # Signed-in staff see fresh pages and never share a cached copy.
    cookies = environ.get("HTTP_COOKIE", "")
    return settings.SESSION_COOKIE_NAME in cookies or "HTTP_AUTHORIZATION" in environ


def _run(app: WSGIApp, environ: dict[str, Any]) -> tuple[str, list, bytes]:
    captured: dict[str, Any] = {}
    chunks: list[bytes] = []

    def start_response(status: str, headers: list, exc_info: Any = None):
        captured["status"], captured["headers"] = status, headers
        return chunks.append

    result = app(environ, start_response)
    try:
        chunks.extend(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return captured["status"], list(captured["headers"]), b"".join(chunks)


def _cacheable(status: str, headers: list[tuple[str, str]]) -> bool:
    if not status.startswith(_CACHEABLE_STATUS):
        return False
    names = {name.lower(): value for name, value in headers}
    return "set-cookie" not in names and "public" in names.get("cache-control", "")


def _replay(
    entry: store.Entry,
    environ: dict[str, Any],
    start_response: StartResponse,
    label: str,
) -> list[bytes]:
    age = str(max(0, int(time.time() - entry.stored_at)))
    headers = [*entry.headers, ("Age", age), ("X-Cache", label)]
    if entry.etag and environ.get("HTTP_IF_NONE_MATCH") == entry.etag:
        kept = {"cache-control", "etag", "vary", "last-modified", "age", "x-cache"}
        start_response("304 Not Modified", [h for h in headers if h[0].lower() in kept])
        return []
    start_response(entry.status, headers)
    return [] if environ.get("REQUEST_METHOD") == "HEAD" else [entry.body]
