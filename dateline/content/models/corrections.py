from django.conf import settings
from django.db import models
from django.utils import timezone

from .article import Article


class Correction(models.Model):
    """A public note on a published story: what was corrected or updated, and when."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField()  # plain text, escaped when shown
    noted_at = models.DateTimeField(default=timezone.now)
    noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["noted_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"
