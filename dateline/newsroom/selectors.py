"""What newsroom pages read: the story list and its filters."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from dateline.accounts.models import User
from dateline.content.models import Article


@dataclass(frozen=True)
class StoryFilters:
    status: str = ""
    author: int | None = None
    category: int | None = None
    text: str = ""


def story_list(*, filters: StoryFilters) -> QuerySet[Article]:
    """Stories for the newsroom list, most recently touched first."""
    stories = (
        Article.objects.select_related("category", "created_by")
        .prefetch_related("authorships__author")
        .defer("body", "lead_text")
        .order_by("-pk")
    )
    if filters.status:
        stories = stories.filter(status=filters.status)
    if filters.author:
        stories = stories.filter(authors__pk=filters.author)
    if filters.category:
        stories = stories.filter(category_id=filters.category)
    if filters.text:
        stories = stories.filter(
            Q(headline__icontains=filters.text)
            | Q(standfirst__icontains=filters.text)
            | Q(slug__icontains=filters.text)
        )
    return stories.distinct()


def newsroom_users() -> QuerySet[User]:
    return User.objects.order_by("username")
