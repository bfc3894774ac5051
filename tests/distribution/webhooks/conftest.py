"""A webhook receiver on 127.0.0.1 and the task queue in memory."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from huey.contrib.djhuey import HUEY
from huey.storage import MemoryStorage

from dateline.distribution.models import WebhookSubscriber
from dateline.distribution.webhooks.signing import secret_new


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Answers each POST with the next of `answers` (the last one repeats)."""

    url: str
    answers: list[int] = field(default_factory=lambda: [200])
    requests: list[Received] = field(default_factory=list)
    hang: threading.Event | None = None  # set: answer; unset: wait for it


@pytest.fixture(autouse=True)
def _fast_passwords(settings: object) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state: Receiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.requests.append(Received(dict(self.headers.items()), body))
            if state.hang is not None:
                state.hang.wait(timeout=10)
            code = state.answers[min(len(state.requests), len(state.answers)) - 1]
            self.send_response(code)
            if code == 302:
                self.send_header("Location", "http://127.0.0.1:1/elsewhere")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state = Receiver(url=f"http://127.0.0.1:{server.server_port}/hooks/dateline")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    if state.hang is not None:
        state.hang.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def subscriber(db: None, receiver: Receiver) -> WebhookSubscriber:
    return WebhookSubscriber.objects.create(
        url=receiver.url, is_internal=True, secret=secret_new()
    )


@pytest.fixture
def queue() -> Iterator[object]:
    """A task queue that holds work until the test runs it, as a consumer would."""
    immediate, storage = HUEY.immediate, HUEY.storage
    HUEY.immediate = False
    HUEY.storage = MemoryStorage(HUEY.name)
    yield HUEY
    HUEY.storage, HUEY.immediate = storage, immediate


@pytest.fixture
def tasks_now() -> Iterator[None]:
    """Enqueued tasks run at once, in memory; retries wait in its schedule."""
    before = HUEY.immediate
    HUEY.immediate = True
    HUEY.flush()
    yield
    HUEY.flush()
    HUEY.immediate = before
