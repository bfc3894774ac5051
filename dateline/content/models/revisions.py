from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from .article import Article

# The fields a revision keeps and a restore puts back.
SNAPSHOT_FIELDS = (
    "headline",
    "slug",
    "dateline",
    "standfirst",
    "body",
    "seo_title",
    "seo_description",
    "social_title",
    "social_description",
)


def article_snapshot(article: Article) -> dict[str, Any]:
    """The editable state of a saved article, as JSON-ready data."""
    snapshot: dict[str, Any] = {
        name: getattr(article, name) for name in SNAPSHOT_FIELDS
    }
    snapshot["category"] = article.category_id
    snapshot["featured_image"] = article.featured_image_id
    snapshot["tags"] = sorted(article.tags.values_list("pk", flat=True))
    snapshot["authors"] = list(
        article.authorships.order_by("position", "pk").values_list(
            "author_id", flat=True
        )
    )
    return snapshot


class RevisionQuerySet(models.QuerySet["Revision"]):
    def record(
        self,
        *,
        article: Article,
        by: Any,
        action: str,
        snapshot: dict[str, Any] | None = None,
    ) -> Revision:
        """Keep the article's state (or a given snapshot) as a new revision."""
        return self.create(
            article=article,
            action=action,
            created_by=by,
            version=article.version,
            snapshot=snapshot if snapshot is not None else article_snapshot(article),
        )


class Revision(models.Model):
    """One kept state of an article: who saved it, when, and why."""

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        SAVE = "save", "Saved"
        AUTOSAVE = "autosave", "Autosaved"
        # A save refused as stale: kept so that nothing typed is lost.
        CONFLICT = "conflict", "Refused (newer version existed)"
        SUBMIT = "submit", "Submitted for review"
        SCHEDULE = "schedule", "Scheduled"
        PUBLISH = "publish", "Published"
        UNPUBLISH = "unpublish", "Unpublished"
        CORRECT = "correct", "Corrected"
        RESTORE = "restore", "Restored"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="revisions"
    )
    action = models.CharField(max_length=16, choices=Action)
    version = models.PositiveIntegerField()  # the article version it records
    snapshot = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["article", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} v{self.version} of {self.article_id}"
