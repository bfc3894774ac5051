from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "dateline.publishing"

    def ready(self) -> None:
        # Register the scheduled-publishing tasks and the start-up sweep with
        # huey in every process, not only where `run_huey` autodiscovers.
        from . import tasks  # noqa: F401
