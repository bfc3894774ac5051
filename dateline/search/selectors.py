"""The read side of search: the readers' search page and API, the newsroom's list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from dateline.content.models import Article, ArticleAuthor, Author, Category

from .backends import Ranking, backend, rank
from .highlight import marked
from .query import Query, parse


@dataclass(frozen=True)
class Result:
    article: Article
    headline: SafeString  # escaped, matches in <mark>
    snippet: SafeString


class Results:
    """Ranked matches, sliced a page at a time by Django's Paginator.

    One query fetches and scores the candidates; the count and every page
    come from that ranking.
    """

    def __init__(self, query: Query, articles: QuerySet[Article]) -> None:
        self.query = query
        self.articles = articles
        self._ranking: Ranking | None = None

    @property
    def ranking(self) -> Ranking:
        if self._ranking is None:
            found = backend().candidates(self.query, self.articles, now=timezone.now())
            self._ranking = rank(found)
        return self._ranking

    def count(self) -> int:
        return len(self.ranking.ids)

    @property
    def more(self) -> bool:
        """Whether more matched than backends.base.CANDIDATES, the most ranked."""
        return self.ranking.more

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Result]:
        ids = self.ranking.ids[window]
        articles = Article.objects.for_listing().in_bulk(ids)
        highlights = backend().highlight(self.query, ids)
        return [
            Result(
                article=articles[pk],
                headline=marked(highlights[pk].headline),
                snippet=marked(highlights[pk].snippet),
            )
            for pk in ids
            if pk in articles and pk in highlights
        ]


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def search_articles(
    *,
    text: str,
    category: Category | None = None,
    author: Author | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Results:
    """Public articles matching what a reader typed; raise query.QueryError."""
    query = parse(text)
    # Only what the public may see, decided at query time as well: a
    # scheduled story sits in the index before it is due.
    articles = Article.objects.published()
    if category is not None:
        articles = articles.filter(category=category)
    if author is not None:
        bylines = ArticleAuthor.objects.filter(author=author).values("article_id")
        articles = articles.filter(pk__in=bylines)
    if since is not None:
        articles = articles.filter(published_at__gte=_start_of(since))
    if until is not None:
        articles = articles.filter(published_at__lt=_start_of(until + timedelta(1)))
    return Results(query, articles)


def story_search(*, text: str, articles: QuerySet[Article]) -> Ranking:
    """The stories among `articles`, in any state, matching what an editor
    typed, best first; raise query.QueryError. Only the newsroom may show
    these. `articles` may filter on the article's own columns only."""
    return Results(parse(text), articles).ranking
