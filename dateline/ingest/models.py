"""Where copy comes from, what each run did, and which article a story became."""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.utils import timezone

from dateline.content.models import Article, Author, Category


class Source(models.Model):
    """A wire feed, IPTC endpoint or drop folder that the newsroom polls."""

    class Kind(models.TextChoices):
        FEED = "feed", "RSS or Atom feed (URL)"
        NINJS = "ninjs", "IPTC ninjs (URL or folder)"
        NEWSML_G2 = "newsml-g2", "IPTC NewsML-G2 (URL or folder)"
        FOLDER = "folder", "Drop folder (any format)"

    class Rule(models.TextChoices):
        REVIEW = "review", "Queue for review"
        PUBLISH = "publish", "Publish automatically"

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.FEED)
    url = models.URLField(max_length=1000, blank=True)
    folder = models.CharField(max_length=500, blank=True)
    # Private and loopback addresses are refused unless this is set: a feed
    # URL must not become a way to probe the newsroom's own network.
    is_internal = models.BooleanField(default=False)
    poll_minutes = models.PositiveIntegerField(default=15)
    default_category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    default_author = models.ForeignKey(
        Author, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rule = models.CharField(max_length=16, choices=Rule, default=Rule.REVIEW)
    is_enabled = models.BooleanField(default=True)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_run_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_status = models.CharField(max_length=16, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def is_due(self, now: datetime) -> bool:
        if not self.is_enabled:
            return False
        if self.last_run_at is None:
            return True
        return (now - self.last_run_at).total_seconds() >= self.poll_minutes * 60


class IngestRun(models.Model):
    """One pass over a source or one document: what came in and what did not."""

    class Status(models.TextChoices):
        OK = "ok", "Succeeded"
        PARTIAL = "partial", "Succeeded with problems"
        FAILED = "failed", "Failed"
        NOT_MODIFIED = "not-modified", "Nothing new (not modified)"

    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.CASCADE, related_name="runs"
    )
    label = models.CharField(max_length=500, blank=True)  # file or URL
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status, default=Status.OK)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)  # why the whole run failed
    problems = models.JSONField(default=list, blank=True)  # [{"item", "reason"}]

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["source", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.source or self.label} at {self.started_at:%Y-%m-%d %H:%M}"


class WireLink(models.Model):
    """A story's identity on the wire (GUID, URL, version) and its article."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="wire_links"
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    guid = models.CharField(max_length=500, unique=True)
    url = models.CharField(max_length=1000, blank=True, db_index=True)
    # No Revision model exists yet: the version seen last is kept here.
    version = models.PositiveIntegerField(default=1)
    content_hash = models.CharField(max_length=64)
    shingles = models.JSONField(default=list, blank=True)  # see dedup.py
    image_url = models.URLField(max_length=1000, blank=True)  # kept as a reference
    first_seen_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_seen_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.guid


class LegacyPath(models.Model):
    """An old WordPress permalink that now moves to an article (301)."""

    path = models.CharField(max_length=500, unique=True)  # "/about/", "/?p=12"
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return self.path


class ImportedCategory(models.Model):
    """Where an imported category sat in its WordPress tree."""

    # Category has no parent field yet; the hierarchy is kept here so that
    # nothing the export says is lost.
    category = models.OneToOneField(
        Category, on_delete=models.CASCADE, related_name="+"
    )
    parent = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.category} (under {self.parent or 'the top'})"
