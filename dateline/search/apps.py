from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "dateline.search"

    def ready(self) -> None:
        from . import indexing

        # Articles that went public without an event (bulk loads, a database
        # that predates search) are indexed on the next migrate.
        post_migrate.connect(indexing.index_catch_up_after_migrate, sender=self)
