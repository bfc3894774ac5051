"""One search interface, an engine per database vendor."""

from __future__ import annotations

from django.db import connection

from .base import Highlight, Ranking, SearchBackend, rank

__all__ = ["Highlight", "Ranking", "SearchBackend", "backend", "rank"]


def backend() -> SearchBackend:
    """The engine for the default database: FTS5 on SQLite, else PostgreSQL."""
    if connection.vendor == "sqlite":
        from .sqlite_fts import SQLiteFTSBackend

        return SQLiteFTSBackend()
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    raise NotImplementedError(f"No search engine for {connection.vendor}")
