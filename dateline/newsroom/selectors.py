"""What newsroom pages read: the story list and its filters."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, QuerySet, Value, When

from dateline.accounts.models import User
from dateline.content.models import Article, ArticleAuthor
from dateline.content.models.article import STORY_TIME
from dateline.search.selectors import story_search


@dataclass(frozen=True)
class StoryFilters:
    status: str = ""
    author: int | None = None
    category: int | None = None
    text: str = ""


@dataclass(frozen=True)
class StoryList:
    stories: QuerySet[Article]
    more: bool  # the text matched more than the search ranks; filters reach them


def story_list(*, filters: StoryFilters) -> StoryList:
    """Stories for the newsroom list, newest first (by publishing time, or
    when started for a story not yet dated); with text, best match first,
    drafts included. Raise search.query.QueryError for text that cannot be
    searched."""
    # Plain conditions on the article alone (the author through a
    # subquery): the search engine ranks within exactly these.
    chosen = Article.objects.all()
    if filters.status:
        chosen = chosen.filter(status=filters.status)
    if filters.author:
        bylines = ArticleAuthor.objects.filter(author_id=filters.author)
        chosen = chosen.filter(pk__in=bylines.values("article_id"))
    if filters.category:
        chosen = chosen.filter(category_id=filters.category)
    stories = (
        chosen.select_related("category", "created_by")
        .prefetch_related("authorships__author")
        .defer("body", "lead_text")
        # Not by id: imports and archives arrive in any order.
        .order_by(STORY_TIME.desc(), F("pk").desc())
    )
    if filters.text:
        # The readers' engine (stemming, phrases, prefixes, any script) over
        # every state, within the other filters.
        ranking = story_search(text=filters.text, articles=chosen)
        position = Case(
            *(When(pk=pk, then=Value(n)) for n, pk in enumerate(ranking.ids)),
            output_field=IntegerField(),
        )
        stories = stories.filter(pk__in=ranking.ids).order_by(position)
        return StoryList(stories=stories, more=ranking.more)
    return StoryList(stories=stories, more=False)


def newsroom_users() -> QuerySet[User]:
    return User.objects.order_by("username")
