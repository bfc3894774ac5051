from django.apps import AppConfig


class CacheConfig(AppConfig):
    name = "dateline.cache"
    label = "pagecache"

    def ready(self) -> None:
        from . import invalidation  # noqa: F401 - connects the receivers
