from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dateline.accounts"

    def ready(self) -> None:
        from . import audit  # noqa: F401  (connects the audit receivers)
