"""The interface both engines implement, and what they share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from dateline.content.models import Article

from ..query import Query

# Recency doubles the relevance of a story published now, adds half at this
# many days old, and fades towards nothing: score = relevance × (1 + d / (d +
# age in days)). Two equally relevant stories therefore rank newest first,
# while a much better match from years ago still beats a passing mention today.
RECENCY_DAYS = 30.0

# Each match in a headline counts as much as several in the body.
HEADLINE, STANDFIRST, BODY = 10.0, 4.0, 1.0


@dataclass(frozen=True)
class Ranking:
    """One window of ranked matches and how many matches there are in all."""

    ids: list[int]
    total: int  # 0 when the window starts past the last match


@dataclass(frozen=True)
class Highlight:
    """Headline and a passage of body, with matches between folding's markers."""

    headline: str
    snippet: str


class SearchBackend:
    def install(self, *, language: str) -> None:
        """(Re)create the engine's index structures for the site's language."""
        raise NotImplementedError

    def uninstall(self) -> None:
        """Drop what would slow a bulk load down; install() restores it."""

    def entries_written(self, article_ids: Sequence[int]) -> None:
        """Bring the engine's index up to date with these SearchEntry rows."""

    def rank(
        self,
        query: Query,
        articles: QuerySet[Article],
        *,
        now: datetime,
        offset: int,
        limit: int,
    ) -> Ranking:
        """Ids of the matching `articles`, best first, relevance blended with
        age, and their number: one query serves a page and its count."""
        raise NotImplementedError

    def highlight(
        self, query: Query, article_ids: Sequence[int]
    ) -> dict[int, Highlight]:
        """The marked headline and best body passage of each article."""
        raise NotImplementedError
