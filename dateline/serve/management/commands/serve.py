import os
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dateline.serve.server import SERVERS, serve
from dateline.serve.static import static_collect


class Command(BaseCommand):
    help = "Serve the site: static files collected, gunicorn workers, task consumer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="app processes (default: 1 embedded, one per CPU with Redis)",
        )
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument("--server", choices=SERVERS, default="granian")
        parser.add_argument("--access-log", action="store_true")
        parser.add_argument(
            "--no-tasks",
            action="store_true",
            help="do not run the task consumer (production runs `dateline run_huey`)",
        )

    def handle(
        self,
        *args: object,
        bind: str,
        workers: int | None,
        threads: int,
        no_tasks: bool,
        server: str,
        access_log: bool,
        **options: object,
    ) -> None:
        if workers is None:
            workers = os.cpu_count() or 1 if settings.USE_REDIS else 1
        if workers > 1 and not settings.USE_REDIS:
            # The embedded page cache lives in each process's memory; a purge
            # in one process would not reach the others.
            raise CommandError(
                "Several workers need a shared cache: set DATELINE_USE_REDIS=1 "
                "(and DATELINE_REDIS_URL), or serve with --workers 1."
            )
        static_collect()
        consumer = None
        if not no_tasks:
            # Embedded mode: scheduled publishing and polling run beside the
            # web workers, so one command is a complete site.
            consumer = subprocess.Popen(
                [sys.executable, "-m", "dateline", "run_huey", "--quiet"]
            )
        self.stdout.write(f"Dateline at http://{bind}/ ({workers} × {server})")
        try:
            serve(server=server, bind=bind, workers=workers, threads=threads,
                  access_log=access_log)  # fmt: skip
        finally:
            if consumer is not None:
                consumer.terminate()
                consumer.wait(timeout=10)
