"""A real HTTP server on 127.0.0.1 that serves good feeds and hostile cases."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import CORPORA

FIFTY_MB = 50 * 1024 * 1024
# The hostile handlers give up after this, so a test can never hang.
HANDLER_LIMIT = 20.0


class FeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    served: dict[str, int]
    files: dict[str, Path]

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self.served[self.path] = self.served.get(self.path, 0) + 1
        route = getattr(
            self, "route_" + self.path.strip("/").split("/")[0].replace("-", "_"), None
        )
        try:
            if route is not None:
                route()
            elif self.path.lstrip("/") in self.files:
                self.send_file(self.files[self.path.lstrip("/")])
            else:
                self.send_error(404)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def send_file(self, path: Path) -> None:
        etag = f'"{path.stat().st_size}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_error(self) -> None:  # /error/404, /error/500
        self.send_error(int(self.path.rsplit("/", 1)[1]))

    def route_loop(self) -> None:  # redirects to itself forever
        self.send_response(302)
        self.send_header("Location", self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_hop(self) -> None:  # /hop/guardian.rss → the file, one redirect
        self.send_response(301)
        self.send_header("Location", "/" + self.path.split("/", 2)[2])
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_away(self) -> None:  # /away/<host>/<file> → that host, same port
        _, _, host, name = self.path.split("/", 3)
        self.send_response(302)
        self.send_header("Location", f"http://{host}:{self.server.server_port}/{name}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_big(self) -> None:  # 50 MB, declared in Content-Length
        self._big(declared=True)

    def route_big_undeclared(self) -> None:  # 50 MB, no length: streamed
        self._big(declared=False)

    def _big(self, *, declared: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        if declared:
            self.send_header("Content-Length", str(FIFTY_MB))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<!-- padding -->" * 4096
        for _ in range(FIFTY_MB // len(chunk)):
            self.wfile.write(chunk)

    def route_drip(self) -> None:  # headers at once, then a byte at a time
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", "1000000")
        self.end_headers()
        self._drip()

    def route_drip_headers(self) -> None:  # even the headers never finish
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        self._drip(prefix=b"X-Slow: ")

    def _drip(self, prefix: bytes = b"") -> None:
        self.wfile.write(prefix)
        started = time.monotonic()
        while time.monotonic() - started < HANDLER_LIMIT:
            self.wfile.write(b"a")
            self.wfile.flush()
            time.sleep(0.05)


class FeedServer:
    def __init__(self, files: dict[str, Path]) -> None:
        handler = type("Handler", (FeedHandler,), {"served": {}, "files": files})
        self.served: dict[str, int] = handler.served
        self.files = files
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}/{path.lstrip('/')}"


@pytest.fixture
def feed_server(tmp_path: Path) -> Iterator[FeedServer]:
    """Serves feeds/good/*, feeds/bad/* by name, plus files a test writes."""
    files = {p.name: p for p in (CORPORA / "feeds").glob("*/*")}
    server = FeedServer(files)
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
