"""PostgreSQL: a trigger computes each entry's tsvector as it is written.

Until now the indexer wrote each entry and then updated its `document`,
leaving a dead copy of every row behind. The SQL is a copy of
backends/postgres.py's schema("en") at the time; `dateline reindex`
recreates it for DATELINE_SITE_LANGUAGE.
"""

from django.db import migrations

VECTOR = " || ".join(
    f"setweight(to_tsvector('dateline_search', coalesce(NEW.{column}, '')), '{weight}')"
    for column, weight in (("headline", "A"), ("standfirst", "B"), ("body", "C"))
)
POSTGRES = [
    "CREATE OR REPLACE FUNCTION search_entry_document() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN NEW.document := {VECTOR}; RETURN NEW; END $$",
    "CREATE TRIGGER search_entry_document BEFORE INSERT OR UPDATE OF headline, "
    "standfirst, body ON search_searchentry FOR EACH ROW "
    "EXECUTE FUNCTION search_entry_document()",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER search_entry_document ON search_searchentry",
    "DROP FUNCTION search_entry_document()",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_index")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_REVERSE))]
