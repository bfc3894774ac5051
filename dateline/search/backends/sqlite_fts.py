"""SQLite FTS5: an external-content index over search_searchentry.

Triggers keep the FTS5 table in step with the entries, so every write path
(the indexer, a cascade delete of an article) updates it. See
https://sqlite.org/fts5.html, "External Content Tables".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.core.exceptions import FullResultSet
from django.db import connection
from django.db.models import QuerySet

from dateline.content.models import Article

from ..folding import MARK_END, MARK_START
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

TABLE = "search_fts"
ENTRIES = "search_searchentry"
COLUMNS = "headline, standfirst, body"
# Marks (M*) are word characters, so Devanagari words stay whole; private-use
# characters (Co) are not, see folding.ANGLES;
# remove_diacritics 2 folds Latin accents, "Hanégbi" is found as "Hanegbi".
TOKENS = "unicode61 remove_diacritics 2 categories 'L* N* M*'"
SNIPPET_TOKENS = 30


def tokenizer(language: str) -> str:
    # FTS5 ships one stemmer, Porter's, for English only.
    return f"porter {TOKENS}" if language.split("-")[0] == "en" else TOKENS


def schema(language: str) -> list[str]:
    """The statements that create the FTS5 table and its triggers."""
    old = "'delete', old.article_id, old.headline, old.standfirst, old.body"
    new = "new.article_id, new.headline, new.standfirst, new.body"
    insert_new = f"INSERT INTO {TABLE}(rowid, {COLUMNS}) VALUES ({new});"
    delete_old = f"INSERT INTO {TABLE}({TABLE}, rowid, {COLUMNS}) VALUES ({old});"
    return [
        f'CREATE VIRTUAL TABLE {TABLE} USING fts5({COLUMNS}, content="{ENTRIES}", '
        f'content_rowid="article_id", tokenize="{tokenizer(language)}")',
        f"CREATE TRIGGER {TABLE}_ai AFTER INSERT ON {ENTRIES} BEGIN {insert_new} END",
        f"CREATE TRIGGER {TABLE}_ad AFTER DELETE ON {ENTRIES} BEGIN {delete_old} END",
        f"CREATE TRIGGER {TABLE}_au AFTER UPDATE ON {ENTRIES} "
        f"BEGIN {delete_old} {insert_new} END",
    ]


def match_expression(query: Query) -> str:
    """FTS5 query syntax with every term a quoted string: nothing user-typed
    can become an operator, a column filter or NEAR."""
    parts = []
    for term in query.terms:
        quoted = '"' + term.text.replace('"', '""') + '"'
        parts.append(quoted + "*" if term.kind is Kind.PREFIX else quoted)
    return " AND ".join(parts)


# CROSS JOIN fixes the join order (https://sqlite.org/optoverview.html, "Manual
# Control Of Query Plans Using CROSS JOIN"): left to itself the planner may
# walk every article and probe the FTS5 index once per row.


def _where(articles: QuerySet[Article]) -> tuple[str, list[Any]]:
    compiler = articles.query.get_compiler(using=articles.db)
    try:
        sql, params = compiler.compile(articles.query.where)
    except FullResultSet:  # no condition: every article
        return "1 = 1", []
    return sql or "1 = 1", list(params)


class SQLiteFTSBackend(SearchBackend):
    @contextmanager
    def bulk_load(self, *, language: str) -> Iterator[None]:
        # Without the triggers a load only writes entries; FTS5 then reads
        # them all in one 'rebuild'.
        with connection.cursor() as cursor:
            for suffix in ("ai", "ad", "au"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{suffix}")
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        yield
        with connection.cursor() as cursor:
            for statement in schema(language):
                cursor.execute(statement)
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")

    def candidates(
        self, query: Query, articles: QuerySet[Article], *, now: datetime
    ) -> list[Candidate]:
        where, params = _where(articles)
        # FTS5 yields matches in rowid order itself, so the newest come first
        # without a sort, and bm25() (negative, lower is better) is computed
        # only for the rows kept.
        sql = (
            f'SELECT "content_article"."id", -bm25({TABLE}, {HEADLINE}, '
            f"{STANDFIRST}, {BODY}), max(0.0, julianday(%s) - "
            f'julianday(coalesce("content_article"."published_at", '
            f'"content_article"."created_at"))) '
            f'FROM {TABLE} CROSS JOIN "content_article" '
            f'ON "content_article"."id" = {TABLE}.rowid '
            f"WHERE {TABLE} MATCH %s AND {where} "
            f"ORDER BY {TABLE}.rowid DESC LIMIT {CANDIDATES + 1}"
        )
        moment = connection.ops.adapt_datetimefield_value(now)
        with connection.cursor() as cursor:
            cursor.execute(sql, [moment, match_expression(query), *params])
            return [
                Candidate(pk, float(score), float(age))
                for pk, score, age in cursor.fetchall()
            ]

    def highlight(
        self, query: Query, article_ids: Sequence[int]
    ) -> dict[int, Highlight]:
        if not article_ids:
            return {}
        placeholders = ", ".join(["%s"] * len(article_ids))
        marks = [MARK_START, MARK_END]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, highlight({TABLE}, 0, %s, %s), "
                f"snippet({TABLE}, 2, %s, %s, '…', {SNIPPET_TOKENS}) "
                f"FROM {TABLE} WHERE {TABLE} MATCH %s "
                f"AND rowid IN ({placeholders})",
                [*marks, *marks, match_expression(query), *article_ids],
            )
            return {
                row[0]: Highlight(headline=row[1], snippet=row[2])
                for row in cursor.fetchall()
            }
