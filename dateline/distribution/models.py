"""API tokens for newsroom clients, and webhook subscribers with their deliveries."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class ApiToken(models.Model):
    """A bearer token that acts as one newsroom account in the JSON API.

    Only the prefix (to find the row) and a SHA-256 of the whole token are
    kept: a copy of the database lets nobody act as anyone.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True)  # "wire desk script"
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)  # hex SHA-256
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class WebhookSubscriber(models.Model):
    """A URL that is sent a signed POST when a story goes out, changes or comes down."""

    url = models.URLField("URL", max_length=1000)
    # Private, loopback and link-local addresses are refused unless this is
    # set: a subscriber URL must not become a way into the site's network.
    is_internal = models.BooleanField("internal", default=False)
    secret = models.CharField(max_length=100, editable=False)  # signs each POST
    description = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField("active", default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["url", "pk"]

    def __str__(self) -> str:
        return self.url

    def clean(self) -> None:
        from .webhooks.addresses import AddressRefused, check_url

        try:
            check_url(self.url, internal=self.is_internal)
        except AddressRefused as refused:
            raise ValidationError({"url": str(refused)}) from None


class WebhookDelivery(models.Model):
    """One event for one subscriber: the exact body sent, and how it went."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RETRYING = "retrying", "Failed, will retry"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed, gave up"

    subscriber = models.ForeignKey(
        WebhookSubscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=32)  # "article.published"
    article_id = models.BigIntegerField(null=True, blank=True)  # may be deleted
    body = models.TextField(editable=False)  # the signed bytes, as UTF-8
    status = models.CharField(max_length=16, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "webhook deliveries"

    def __str__(self) -> str:
        return f"{self.event} → {self.subscriber}"


class WebhookAttempt(models.Model):
    """One POST of a delivery: the answer's status code, or why there was none."""

    delivery = models.ForeignKey(
        WebhookDelivery, on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField()  # 1 for the first try
    at = models.DateTimeField(default=timezone.now)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["number", "pk"]

    def __str__(self) -> str:
        outcome = self.response_code or self.error[:60]
        return f"attempt {self.number}: {outcome}"

    @property
    def succeeded(self) -> bool:
        return self.response_code is not None and 200 <= self.response_code < 300
