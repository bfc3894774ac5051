import pytest
from django.db import connection

from dateline.search.backends.postgres import dictionary, ts_query
from dateline.search.query import parse

from ..conftest import postgres_only


def test_dictionary_follows_the_site_language():
    assert dictionary("en-gb") == "english_stem"
    assert dictionary("ru") == "russian_stem"
    assert dictionary("he") == "simple"


def _tsquery(text: str) -> str:
    sql, params = ts_query(parse(text)).as_sql(
        connection.ops.compiler("SQLCompiler")(None, connection, "default"), connection
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ({sql})::text", params)
        return cursor.fetchone()[0]


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "text", "tsquery"),
    [
        ("words stemmed, accents folded", "Hanégbi invasions", "'hanegbi' & 'invas'"),
        ("phrase", '"ground invasion"', "'ground' <-> 'invas'"),
        ("prefix", "Netan*", "'netan':*"),
        ("quote in a prefix", "o'ne*", "'o':* <-> 'ne':*"),
        ("tsquery syntax is text", "a&b | !c <-> d:*", "'b' & 'c' & 'd':*"),
        ("stop words drop out", "the Gaza", "'gaza'"),
    ],
)
def test_tsquery(_case, text, tsquery):
    assert _tsquery(text) == tsquery
