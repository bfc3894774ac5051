from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from dateline.serve.server import serve


class Command(BaseCommand):
    help = "Serve the site: static files collected, then gunicorn workers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--threads", type=int, default=4)

    def handle(
        self, *args: object, bind: str, workers: int, threads: int, **options: object
    ) -> None:
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Dateline at http://{bind}/ ({workers} workers)")
        serve(bind=bind, workers=workers, threads=threads)
