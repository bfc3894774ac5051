from django.contrib import admin

from .models import IngestRun, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "rule", "is_enabled", "last_run_at", "last_status"]
    list_filter = ["kind", "rule", "is_enabled", "last_status"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = [
        "last_run_at",
        "last_status",
        "last_error",
        "etag",
        "last_modified",
    ]


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created", "updated", "skipped", "failed"]
    list_filter = ["status", "source"]
    readonly_fields = [f.name for f in IngestRun._meta.fields]
