from django.apps import AppConfig


class DistributionConfig(AppConfig):
    name = "dateline.distribution"

    def ready(self) -> None:
        from .webhooks import receivers  # noqa: F401  (connects the receivers)
