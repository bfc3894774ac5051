from dateline.search.backends.sqlite_fts import match_expression, tokenizer
from dateline.search.query import parse


def test_every_term_is_a_quoted_string():
    query = parse('NEAR(a b) "x"" y" Netan* col:z')
    assert match_expression(query) == (
        '"NEAR(a" AND "b)" AND "x" AND "y" AND "Netan"* AND "col:z"'
    )


def test_embedded_quotes_are_doubled():
    assert match_expression(parse('a"b')) == '"a""b"'
    assert match_expression(parse("it's")) == '"it\'s"'


def test_only_english_gets_the_porter_stemmer():
    assert tokenizer("en-gb").startswith("porter unicode61")
    assert tokenizer("hi").startswith("unicode61")
