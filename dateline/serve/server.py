"""Run the WSGI application under gunicorn, configured from the command line."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

from dateline.wsgi import application


class DatelineServer(BaseApplication):  # type: ignore[misc]
    """gunicorn without a config file: options come from `dateline serve`."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return application


def serve(*, bind: str, workers: int, threads: int) -> None:
    """Serve until interrupted."""
    DatelineServer(
        {
            "bind": bind,
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread" if threads > 1 else "sync",
            "accesslog": "-",
            "timeout": 30,
            # Broken clients must not hold a worker: cap what a request may send.
            "limit_request_line": 8190,
        }
    ).run()
