"""PostgreSQL full-text search through django.contrib.postgres.search.

Headline, standfirst and body are weighted A, B and C in one tsvector with a
GIN index. A trigger computes the tsvector as each entry is written, so the
row is written once (an UPDATE after the INSERT would leave a dead copy of
every entry behind). The text search configuration `dateline_search` is the
site language's stemmer behind unaccent, so "Hanegbi" finds "Hanégbi".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.expressions import Func, OrderBy
from django.db.models.functions import Greatest

from dateline.content.models import Article
from dateline.content.models.article import STORY_TIME

from ..folding import MARK_END, MARK_START
from ..models import SearchEntry
from ..query import Kind, Query
from .base import (
    BODY,
    CANDIDATES,
    HEADLINE,
    STANDFIRST,
    Candidate,
    Highlight,
    SearchBackend,
)

CONFIG = "dateline_search"
ENTRIES = "search_searchentry"
TRIGGER = "search_entry_document"  # also the GIN index's name
SNIPPET_WORDS = 30
# Languages with a Snowball stemmer in PostgreSQL; others index words as-is.
STEMMERS = {
    "ar": "arabic", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "fi": "finnish", "fr": "french",
    "hi": "hindi", "hu": "hungarian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sv": "swedish",
    "ta": "tamil", "tr": "turkish",
}  # fmt: skip
# SearchRank's weights are listed D, C, B, A; scaled to at most 1.
WEIGHTS = [0.0, BODY / HEADLINE, STANDFIRST / HEADLINE, 1.0]


def dictionary(language: str) -> str:
    name = STEMMERS.get(language.split("-")[0])
    return f"{name}_stem" if name else "simple"


def ts_query(query: Query) -> SearchQuery:
    """Combine the terms with AND; only prefixes need raw tsquery syntax, and
    there the word is a quoted lexeme literal."""
    combined: SearchQuery | None = None
    for term in query.terms:
        if term.kind is Kind.PREFIX:
            literal = term.text.replace("\\", "\\\\").replace("'", "''")
            part = SearchQuery(f"'{literal}':*", search_type="raw", config=CONFIG)
        elif term.kind is Kind.PHRASE:
            part = SearchQuery(term.text, search_type="phrase", config=CONFIG)
        else:
            part = SearchQuery(term.text, search_type="plain", config=CONFIG)
        combined = part if combined is None else combined & part
    assert combined is not None  # parse() never returns an empty query
    return combined


def schema(language: str) -> list[str]:
    """The statements that (re)create the configuration and the trigger."""
    vector = " || ".join(
        f"setweight(to_tsvector('{CONFIG}', coalesce(NEW.{column}, '')), '{weight}')"
        for column, weight in (("headline", "A"), ("standfirst", "B"), ("body", "C"))
    )
    return [
        # unaccent is a trusted extension (PostgreSQL 13+): the database
        # owner may create it.
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        # Altered in place, never dropped: searches running meanwhile keep
        # working, and the trigger's cached plans stay valid.
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = "
        f"'{CONFIG}') THEN CREATE TEXT SEARCH CONFIGURATION {CONFIG} "
        f"(COPY = simple); END IF; END $$",
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR hword, "
        "hword_part, word, asciihword, hword_asciipart, asciiword "
        f"WITH unaccent, {dictionary(language)}",
        f"CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql "
        f"AS $$ BEGIN NEW.document := {vector}; RETURN NEW; END $$",
        # CREATE OR REPLACE TRIGGER: PostgreSQL 14+.
        f"CREATE OR REPLACE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF headline, standfirst, "
        f"body ON {ENTRIES} FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()",
    ]


class _AgeInDays(Func):
    template = "EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0"
    output_field = FloatField()


def _newest_first(query: Query) -> OrderBy:
    """Newest first by id, in the plan that suits the query.

    For one word, PostgreSQL may walk the primary key backwards and stop at
    the newest matches, which is fastest when the word is common. Its
    estimate for several words, or a phrase, is often far off, and then that
    walk unpacks thousands of stored tsvectors to find a few matches
    (bench/results/search.md: p95 128 ms for two common words). Ordering by
    an expression the key cannot serve makes it take the GIN index's matches
    and sort them instead (p95 42 ms).
    """
    if len(query.terms) == 1 and query.terms[0].kind is not Kind.PHRASE:
        return F("pk").desc()
    return (F("pk") + 0).desc()


class PostgresBackend(SearchBackend):
    @contextmanager
    def bulk_load(self, *, language: str) -> Iterator[None]:
        # Into an empty index, building the GIN index once at the end is much
        # faster than updating it row by row. Over a live one, dropping it
        # would lock every search out until the rebuild commits: the rows are
        # replaced under it instead, and searches read the old ones meanwhile.
        empty = not SearchEntry.objects.exists()
        with connection.cursor() as cursor:
            if empty:
                cursor.execute(f"DROP INDEX IF EXISTS {TRIGGER}")
            for statement in schema(language):
                cursor.execute(statement)
        yield
        if empty:
            with connection.cursor() as cursor:
                # Django's foreign keys are checked at commit; CREATE INDEX
                # refuses to run while such checks are pending.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute(
                    f"CREATE INDEX {TRIGGER} ON {ENTRIES} USING gin (document)"
                )

    def candidates(
        self, query: Query, articles: QuerySet[Article], *, now: datetime
    ) -> list[Candidate]:
        relevance = SearchRank(
            F("search_entry__document"), ts_query(query), weights=WEIGHTS
        )
        # A draft's age runs from when it was started.
        age = Greatest(_AgeInDays(Value(now) - STORY_TIME), Value(0.0))
        # The newest matches first, then only those are scored: ranking
        # unpacks each stored tsvector, so it runs on at most CANDIDATES + 1.
        newest = (
            articles.filter(search_entry__document=ts_query(query))
            .order_by(_newest_first(query))
            .values("pk")[: CANDIDATES + 1]
        )
        rows = (
            Article.objects.filter(pk__in=newest)
            .annotate(relevance=relevance, age=age)
            .order_by("-pk")
            .values_list("pk", "relevance", "age")
        )
        return [Candidate(pk, float(score), float(age)) for pk, score, age in rows]

    def highlight(
        self, query: Query, article_ids: Sequence[int]
    ) -> dict[int, Highlight]:
        tsquery = ts_query(query)
        rows = (
            SearchEntry.objects.filter(pk__in=article_ids)
            .annotate(
                marked_headline=SearchHeadline(
                    "headline",
                    tsquery,
                    config=CONFIG,
                    start_sel=MARK_START,
                    stop_sel=MARK_END,
                    highlight_all=True,
                ),
                snippet=SearchHeadline(
                    "body",
                    tsquery,
                    max_words=SNIPPET_WORDS,
                    min_words=SNIPPET_WORDS // 2,
                    fragment_delimiter=" … ",
                    max_fragments=2,
                    config=CONFIG,
                    start_sel=MARK_START,
                    stop_sel=MARK_END,
                ),
            )
            .values_list("pk", "marked_headline", "snippet")
        )
        return {
            pk: Highlight(headline=headline, snippet=snippet)
            for pk, headline, snippet in rows
        }
