"""Run the WSGI application under granian (default) or gunicorn.

`make bench` measures both on the same pages; granian's Rust HTTP layer
answers cached pages several times faster on this hardware, so it is the
default, and gunicorn stays available for hosts that standardise on it.
"""

from __future__ import annotations

from typing import Any

SERVERS = ("granian", "gunicorn")


def serve(
    *, server: str, bind: str, workers: int, threads: int, access_log: bool
) -> None:
    """Serve until interrupted."""
    host, _, port = bind.rpartition(":")
    if server == "granian":
        _granian(host=host, port=int(port), workers=workers, threads=threads,
                 access_log=access_log)  # fmt: skip
    else:
        _gunicorn(bind=bind, workers=workers, threads=threads, access_log=access_log)


def _granian(
    *, host: str, port: int, workers: int, threads: int, access_log: bool
) -> None:
    from granian import Granian
    from granian.constants import Interfaces

    Granian(
        "dateline.wsgi:application",
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        backlog=2048,  # a breaking-news spike queues instead of being refused
        log_access=access_log,
        respawn_failed_workers=True,
    ).serve()


def _gunicorn(*, bind: str, workers: int, threads: int, access_log: bool) -> None:
    from gunicorn.app.base import BaseApplication

    from dateline.wsgi import application

    class DatelineServer(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": bind,
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread" if threads > 1 else "sync",
                "accesslog": "-" if access_log else None,
                "backlog": 2048,
                "timeout": 30,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    DatelineServer().run()
