from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from ..body import plain_text, sanitize, without_controls
from .media import Image
from .people import Author
from .taxonomy import Category, Tag

# A story's time: when it went (or goes) out, or, for one not yet dated, when
# it was started. It orders the newsroom's list and ages search matches.
STORY_TIME = Coalesce("published_at", "created_at")

# Enough plain text for any teaser, so listings never load the body.
LEAD_TEXT_CHARS = 600


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        """Public articles: published and due, newest first."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        ).order_by("-published_at", "-pk")

    def for_listing(self) -> ArticleQuerySet:
        """What a list item shows, in two queries whatever the length."""
        return (
            self.select_related("category", "featured_image")
            .prefetch_related(
                Prefetch(
                    "authorships",
                    queryset=ArticleAuthor.objects.select_related("author"),
                )
            )
            .defer("body")
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "review", "Submitted for review"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    headline = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    dateline = models.CharField(max_length=120, blank=True)  # "Moscow [Russia]"
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)  # sanitized HTML, see content.body
    lead_text = models.TextField(blank=True, editable=False)
    status = models.CharField(max_length=16, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)  # aware, UTC
    updated_at = models.DateTimeField(default=timezone.now)  # last public change
    created_at = models.DateTimeField(auto_now_add=True)
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    authors: models.ManyToManyField[Author, ArticleAuthor] = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles"
    )
    featured_image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Not public before this moment, whoever schedules or publishes it.
    embargo_until = models.DateTimeField(null=True, blank=True)
    # Raised by every newsroom save; a save based on an older number is stale.
    version = models.PositiveIntegerField(default=1)
    # Blank means the default: headline, then standfirst or lead text.
    seo_title = models.CharField("search title", max_length=300, blank=True)
    seo_description = models.CharField("search description", max_length=300, blank=True)
    social_title = models.CharField(max_length=300, blank=True)
    social_description = models.CharField(max_length=300, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            # The newest few of each section (content.queries.front_page).
            models.Index(
                fields=["category", "status", "-published_at"],
                name="article_section_newest",
            ),
            # The newsroom's story list (newsroom.selectors.story_list).
            models.Index(
                STORY_TIME.desc(), F("id").desc(), name="article_newsroom_order"
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Every input path (newsroom, API, ingestion, import) ends here, so
        # the allowlist runs once for all of them.
        self.headline = without_controls(self.headline)
        self.dateline = without_controls(self.dateline)
        self.standfirst = without_controls(self.standfirst)
        self.body = sanitize(self.body)
        self.lead_text = plain_text(self.standfirst or self.body)[:LEAD_TEXT_CHARS]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "lead_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        # WordPress's "day and name" permalinks, so migrated links keep working.
        day = timezone.localtime(self.published_at or self.created_at)
        return reverse(
            "reader:article",
            kwargs={
                "year": day.year,
                "month": f"{day.month:02d}",
                "day": f"{day.day:02d}",
                "slug": self.slug,
            },
        )

    @property
    def byline(self) -> list[Author]:
        """Authors in billing order, from the prefetch when there is one."""
        return [a.author for a in self.authorships.all()]

    @property
    def was_updated(self) -> bool:
        """Whether the story changed in public after it first went out."""
        if self.published_at is None:
            return False
        return (self.updated_at - self.published_at).total_seconds() > 60

    @property
    def search_title(self) -> str:
        return self.seo_title or self.headline

    @property
    def search_description(self) -> str:
        return self.seo_description or self.standfirst or self.lead_text[:300]

    @property
    def share_title(self) -> str:
        return self.social_title or self.search_title

    @property
    def share_description(self) -> str:
        return self.social_description or self.search_description

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class ArticleAuthor(models.Model):
    """One name in a byline; position orders a shared byline."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="authorships"
    )
    author = models.ForeignKey(
        Author, on_delete=models.CASCADE, related_name="authorships"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="unique_author_per_article"
            )
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.article}"
