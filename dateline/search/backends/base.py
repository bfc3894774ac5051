"""The interface both engines implement, and the ranking they share."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
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

# A query with more matches ranks only the newest this many (by id, the order
# articles were written in): scoring and sorting every match of two common
# words took over a second at 100,000 articles (bench/results/search.md),
# where taking the newest lets both engines stop early. Recency would bury
# the older matches anyway, and a date filter reaches them.
CANDIDATES = 1000

# Each match in a headline counts as much as several in the body.
HEADLINE, STANDFIRST, BODY = 10.0, 4.0, 1.0


@dataclass(frozen=True)
class Candidate:
    id: int
    relevance: float  # the engine's own scale, higher is better
    age_days: float  # since published (a draft: started), never negative


@dataclass(frozen=True)
class Ranking:
    """Matches best first, and whether more matched than were ranked."""

    ids: list[int]
    more: bool  # matches beyond CANDIDATES were left out


def rank(candidates: Sequence[Candidate]) -> Ranking:
    """Order candidates by relevance blended with recency, then newest first."""
    ranked = sorted(
        candidates[:CANDIDATES],
        key=lambda c: (
            -c.relevance * (1.0 + RECENCY_DAYS / (RECENCY_DAYS + c.age_days)),
            c.age_days,
            -c.id,
        ),
    )
    return Ranking(ids=[c.id for c in ranked], more=len(candidates) > CANDIDATES)


@dataclass(frozen=True)
class Highlight:
    """Headline and a passage of body, with matches between folding's markers."""

    headline: str
    snippet: str


class SearchBackend:
    def bulk_load(self, *, language: str) -> AbstractContextManager[None]:
        """A context for writing many entries at once: on leaving it, the
        engine's index covers every entry, for the site's language."""
        raise NotImplementedError

    def candidates(
        self, query: Query, articles: QuerySet[Article], *, now: datetime
    ) -> list[Candidate]:
        """The newest CANDIDATES + 1 matching `articles`, newest first, scored."""
        raise NotImplementedError

    def highlight(
        self, query: Query, article_ids: Sequence[int]
    ) -> dict[int, Highlight]:
        """The marked headline and best body passage of each article."""
        raise NotImplementedError
