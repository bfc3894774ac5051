"""The engine's index for the default language (English).

`dateline reindex` recreates both for DATELINE_SITE_LANGUAGE; the SQL here
is a copy of backends/sqlite_fts.py and backends/postgres.py at the time.
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(headline, standfirst, body, "
    'content="search_searchentry", content_rowid="article_id", '
    "tokenize=\"porter unicode61 remove_diacritics 2 categories 'L* N* M*'\")",
    "CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchentry BEGIN "
    "INSERT INTO search_fts(rowid, headline, standfirst, body) VALUES "
    "(new.article_id, new.headline, new.standfirst, new.body); END",
    "CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, headline, standfirst, body) VALUES "
    "('delete', old.article_id, old.headline, old.standfirst, old.body); END",
    "CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, headline, standfirst, body) VALUES "
    "('delete', old.article_id, old.headline, old.standfirst, old.body); "
    "INSERT INTO search_fts(rowid, headline, standfirst, body) VALUES "
    "(new.article_id, new.headline, new.standfirst, new.body); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER search_fts_ai",
    "DROP TRIGGER search_fts_ad",
    "DROP TRIGGER search_fts_au",
    "DROP TABLE search_fts",
]
POSTGRES = [
    # unaccent is a trusted extension (PostgreSQL 13+): the database owner
    # may create it.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION dateline_search (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION dateline_search ALTER MAPPING FOR hword, "
    "hword_part, word, asciihword, hword_asciipart, asciiword "
    "WITH unaccent, english_stem",
    "CREATE INDEX search_entry_document ON search_searchentry USING gin (document)",
]
POSTGRES_REVERSE = [
    "DROP INDEX search_entry_document",
    "DROP TEXT SEARCH CONFIGURATION dateline_search",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements.get(vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_entry")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
