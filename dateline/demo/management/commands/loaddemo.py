from django.core.management.base import BaseCommand, CommandParser

from dateline.content.models import Article
from dateline.demo.loader import demo_load, demo_reset


class Command(BaseCommand):
    help = "Load the demo site (once); --reset deletes all content and reloads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true")

    def handle(self, *args: object, reset: bool, **options: object) -> None:
        if reset:
            demo_reset()
        elif not demo_load():
            self.stdout.write("Demo content is already loaded; nothing to do.")
            return
        count = Article.objects.count()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {count} articles."))
