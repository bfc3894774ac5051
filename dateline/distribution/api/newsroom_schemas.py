"""What newsroom clients send and get back: drafts, changes, working copies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import field_validator

from dateline.content.models import Article

from ..addresses import absolute
from .params import DATE_TIME, NOT_BLANK, SLUG, SLUG_CHARACTERS, TEXT

# Empty clears the section; otherwise a section's slug.
SECTION = rf"^[{SLUG_CHARACTERS}]*$"
HEADLINE = NOT_BLANK
Slug = Annotated[str, Field(min_length=1, max_length=150, pattern=SLUG)]


def _not_blank(headline: str | None) -> str | None:
    # The pattern cannot say "not only Unicode spaces" in every regex dialect.
    if headline is not None and not headline.strip():
        raise ValueError("A headline cannot be blank.")
    return headline


class DraftIn(Schema):
    headline: str = Field(..., min_length=1, max_length=300, pattern=HEADLINE)
    dateline: str = Field(
        "", max_length=120, pattern=TEXT, examples=["Moscow [Russia]"]
    )
    standfirst: str = Field("", max_length=2000, pattern=TEXT)
    body: str = Field(
        "", max_length=500_000, pattern=TEXT, description="HTML; sanitized on save"
    )
    category: str = Field("", max_length=100, pattern=SECTION, description="slug")
    tags: list[Slug] = Field([], max_length=50, description="topic slugs")
    authors: list[Slug] = Field(
        [], max_length=20, description="author slugs; none: the token's own byline"
    )
    embargo_until: str | None = Field(
        None, pattern=DATE_TIME, json_schema_extra={"format": "date-time"}
    )

    _headline = field_validator("headline")(_not_blank)


class DraftChanges(Schema):
    """A partial update: fields left out (or null) keep their value."""

    version: int = Field(..., ge=1, le=2**31 - 1, description="the version edited")
    headline: str | None = Field(None, min_length=1, max_length=300, pattern=HEADLINE)
    dateline: str | None = Field(None, max_length=120, pattern=TEXT)
    standfirst: str | None = Field(None, max_length=2000, pattern=TEXT)
    body: str | None = Field(None, max_length=500_000, pattern=TEXT)
    category: str | None = Field(None, max_length=100, pattern=SECTION)
    tags: list[Slug] | None = Field(None, max_length=50)
    authors: list[Slug] | None = Field(None, min_length=1, max_length=20)

    _headline = field_validator("headline")(_not_blank)


class ScheduleIn(Schema):
    at: str = Field(..., pattern=DATE_TIME, json_schema_extra={"format": "date-time"})


class StoryOut(Schema):
    """The newsroom's working copy of a story, in any state."""

    id: int
    version: int
    status: str = Field(..., json_schema_extra={"enum": list(Article.Status.values)})
    slug: str
    headline: str
    dateline: str
    standfirst: str
    body_html: str
    category: str | None
    tags: list[str]
    authors: list[str]
    embargo_until: datetime | None
    published_at: datetime | None
    updated_at: datetime
    url: str | None = Field(..., description="the public page, once published")


class Conflict(Schema):
    type: str
    title: str
    status: int
    detail: str
    current_version: int


def story_out(article: Article) -> dict[str, object]:
    public = article.status == Article.Status.PUBLISHED
    return {
        "id": article.pk,
        "version": article.version,
        "status": article.status,
        "slug": article.slug,
        "headline": article.headline,
        "dateline": article.dateline,
        "standfirst": article.standfirst,
        "body_html": article.body,
        "category": article.category.slug if article.category else None,
        "tags": sorted(t.slug for t in article.tags.all()),
        "authors": [a.slug for a in article.byline],
        "embargo_until": article.embargo_until,
        "published_at": article.published_at,
        "updated_at": article.updated_at,
        "url": absolute(article.get_absolute_url()) if public else None,
    }
