from django.core.management.base import BaseCommand, CommandParser

from dateline.search.indexing import index_catch_up, index_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every article; --catch-up indexes "
        "only the articles written or changed without a save."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--catch-up", action="store_true")

    def handle(self, *args: object, catch_up: bool, **options: object) -> None:
        if catch_up:
            count = index_catch_up()
            self.stdout.write(self.style.SUCCESS(f"Indexed {count} changed articles."))
            return
        count = index_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} articles."))
