"""What newsroom pages read: the story list and its filters."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce

from dateline.accounts.models import User
from dateline.content.models import Article
from dateline.search.selectors import story_search


@dataclass(frozen=True)
class StoryFilters:
    status: str = ""
    author: int | None = None
    category: int | None = None
    text: str = ""


def story_list(*, filters: StoryFilters) -> QuerySet[Article]:
    """Stories for the newsroom list, newest first (by publishing time, or
    when started for a story not yet dated); with text, best match first,
    drafts included. Raise search.query.QueryError for text that cannot be
    searched."""
    # Not by id: imports and archives arrive in any order.
    newest = Coalesce("published_at", "created_at")
    stories = (
        Article.objects.select_related("category", "created_by")
        .prefetch_related("authorships__author")
        .defer("body", "lead_text")
        .order_by(newest.desc(), F("pk").desc())
    )
    if filters.status:
        stories = stories.filter(status=filters.status)
    if filters.author:
        stories = stories.filter(authors__pk=filters.author)
    if filters.category:
        stories = stories.filter(category_id=filters.category)
    if filters.text:
        # The readers' engine (stemming, phrases, prefixes, any script) over
        # every state; the other filters then narrow its ranking.
        ranked = story_search(text=filters.text)
        position = Case(
            *(When(pk=pk, then=Value(n)) for n, pk in enumerate(ranked)),
            output_field=IntegerField(),
        )
        stories = stories.filter(pk__in=ranked).order_by(position)
    return stories.distinct()


def newsroom_users() -> QuerySet[User]:
    return User.objects.order_by("username")
