from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "dateline.ingest"
    verbose_name = "Ingestion"
