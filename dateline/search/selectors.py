"""The read side of search: what the search page (and later the API) shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from dateline.content.models import Article, ArticleAuthor, Author, Category

from .backends import Ranking, backend
from .highlight import marked
from .query import Query, parse


@dataclass(frozen=True)
class Result:
    article: Article
    headline: SafeString  # escaped, matches in <mark>
    snippet: SafeString


class Results:
    """Ranked matches, fetched a page at a time: Django's Paginator slices it.

    The count comes with the first page, from the same query, so the usual
    request (count, then page one) ranks the matches once.
    """

    def __init__(self, query: Query, articles: QuerySet[Article]) -> None:
        self.query = query
        self.articles = articles
        self.now = timezone.now()
        self.first_page = settings.ARTICLES_PER_PAGE
        self._first: Ranking | None = None

    def _rank(self, offset: int, limit: int) -> Ranking:
        if offset == 0 and limit <= self.first_page:
            if self._first is None:
                self._first = self._rank_uncached(0, self.first_page)
            return Ranking(ids=self._first.ids[:limit], total=self._first.total)
        return self._rank_uncached(offset, limit)

    def _rank_uncached(self, offset: int, limit: int) -> Ranking:
        return backend().rank(
            self.query, self.articles, now=self.now, offset=offset, limit=limit
        )

    def count(self) -> int:
        return self._rank(0, self.first_page).total

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Result]:
        offset = window.start or 0
        ids = self._rank(offset, (window.stop or offset) - offset).ids
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
