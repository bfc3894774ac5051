from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "dateline.publishing"
