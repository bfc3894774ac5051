"""Requests through the real WSGI entry point (page cache included)."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from wsgiref.util import setup_testing_defaults

from django.core.handlers.wsgi import WSGIHandler

from dateline.cache.wsgi import PageCache


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def cache(self) -> str:
        return self.headers.get("X-Cache", "")


def make_app() -> PageCache:
    return PageCache(WSGIHandler())


def get(app: PageCache, path: str, method: str = "GET", **headers: str) -> Reply:
    path, _, query = path.partition("?")
    environ: dict = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "testserver",
        "wsgi.input": BytesIO(b""),
    }
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    setup_testing_defaults(environ)
    captured: dict = {}

    def start_response(status, response_headers, exc_info=None):
        captured["status"], captured["headers"] = status, response_headers
        return lambda chunk: None

    body = b"".join(app(environ, start_response))
    return Reply(int(captured["status"][:3]), dict(captured["headers"]), body)
