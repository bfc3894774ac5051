import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from dateline.serve.server import serve


class Command(BaseCommand):
    help = "Serve the site: static files collected, gunicorn workers, task consumer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument(
            "--no-tasks",
            action="store_true",
            help="do not run the task consumer (production runs `dateline run_huey`)",
        )

    def handle(
        self,
        *args: object,
        bind: str,
        workers: int,
        threads: int,
        no_tasks: bool,
        **options: object,
    ) -> None:
        call_command("collectstatic", interactive=False, verbosity=0)
        consumer = None
        if not no_tasks:
            # Embedded mode: scheduled publishing and polling run beside the
            # web workers, so one command is a complete site.
            consumer = subprocess.Popen(
                [sys.executable, "-m", "dateline", "run_huey", "--quiet"]
            )
        self.stdout.write(f"Dateline at http://{bind}/ ({workers} workers)")
        try:
            serve(bind=bind, workers=workers, threads=threads)
        finally:
            if consumer is not None:
                consumer.terminate()
                consumer.wait(timeout=10)
