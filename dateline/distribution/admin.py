"""Admin pages: API tokens, webhook subscribers, and every delivery attempt."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from .models import ApiToken, WebhookAttempt, WebhookDelivery, WebhookSubscriber
from .tokens import token_create, token_revoke
from .webhooks import signing


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "prefix",
        "user",
        "name",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["revoked_at"]
    readonly_fields = ("prefix", "created_at", "last_used_at", "revoked_at")
    actions = ["revoke"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return (
            ("user", "name") if obj is None else ("user", "name", *self.readonly_fields)
        )

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        token, raw = token_create(user=obj.user, name=obj.name)
        obj.pk, obj.prefix, obj.digest = token.pk, token.prefix, token.digest
        messages.warning(
            request, f"Copy the new token now; it is not shown again: {raw}"
        )

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            token_revoke(token=token)


@admin.register(WebhookSubscriber)
class WebhookSubscriberAdmin(admin.ModelAdmin):
    list_display = ["url", "is_internal", "is_active", "description", "created_at"]
    list_filter = ["is_active", "is_internal"]
    readonly_fields = ["secret", "created_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:
        if not obj.secret:
            obj.secret = signing.secret_new()
        super().save_model(request, obj, form, change)


class AttemptInline(admin.TabularInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    readonly_fields = ("number", "at", "response_code", "error", "duration_ms")
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "event",
        "subscriber",
        "article_id",
        "status",
        "created_at",
        "next_attempt_at",
    ]
    list_filter = ["status", "event", "subscriber"]
    readonly_fields = [
        "subscriber",
        "event",
        "article_id",
        "body",
        "status",
        "created_at",
        "next_attempt_at",
    ]
    inlines = [AttemptInline]
    actions = ["retry"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Try the selected deliveries again now")
    def retry(self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]) -> None:
        from .webhooks.tasks import webhook_deliver

        for delivery in queryset.exclude(status=WebhookDelivery.Status.DELIVERED):
            webhook_deliver(delivery.pk)
