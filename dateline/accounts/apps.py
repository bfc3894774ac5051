from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dateline.accounts"
