import pytest

from dateline.search.query import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    Kind,
    Query,
    QueryError,
    Term,
    parse,
)


@pytest.mark.parametrize(
    ("_case", "text", "terms"),
    [
        (
            "two words",
            "Putin Netanyahu",
            [(Kind.WORD, "Putin"), (Kind.WORD, "Netanyahu")],
        ),
        ("phrase", '"ground invasion"', [(Kind.PHRASE, "ground invasion")]),
        ("prefix", "Netan*", [(Kind.PREFIX, "Netan")]),
        ("accented word", "Hanégbi", [(Kind.WORD, "Hanégbi")]),
        ("decomposed accent composed", "Hane\u0301gbi", [(Kind.WORD, "Hanégbi")]),
        ("quoted single word", '"Gaza"', [(Kind.WORD, "Gaza")]),
        (
            "unclosed quote runs to the end",
            '"ground  invasion',
            [(Kind.PHRASE, "ground invasion")],
        ),
        (
            "phrase and word",
            'Gaza "ground invasion" x*',
            [(Kind.WORD, "Gaza"), (Kind.PHRASE, "ground invasion"), (Kind.WORD, "x*")],
        ),
        (
            "operators are words",
            "NEAR(a b) OR -c",
            [
                (Kind.WORD, "NEAR(a"),
                (Kind.WORD, "b)"),
                (Kind.WORD, "OR"),
                (Kind.WORD, "-c"),
            ],
        ),
        ("symbols dropped", "Gaza ( ) * - 🙂", [(Kind.WORD, "Gaza")]),
        ("repeats collapse", "gaza gaza", [(Kind.WORD, "gaza")]),
        (
            "control characters split words",
            "Ga\x00za",
            [(Kind.WORD, "Ga"), (Kind.WORD, "za")],
        ),
        ("hebrew points folded", "שָׁלוֹם", [(Kind.WORD, "שלום")]),
        ("devanagari kept whole", "नमस्ते", [(Kind.WORD, "नमस्ते")]),
    ],
)
def test_parse(_case, text, terms):
    assert parse(text) == Query(terms=tuple(Term(kind, t) for kind, t in terms))


@pytest.mark.parametrize(
    ("_case", "text", "message"),
    [
        ("empty", "", "Type a word or phrase to search for."),
        ("blank", " \t\n", "Type a word or phrase to search for."),
        (
            "symbols only",
            '* - ( ) "" 🙂',
            "Search for words or numbers: symbols alone find nothing.",
        ),
        (
            "10 kB",
            "a" * 10_000,
            f"That search is too long: use at most {MAX_QUERY_CHARS} characters.",
        ),
        (
            "too many words",
            " ".join(f"w{n}" for n in range(MAX_TERMS + 1)),
            f"That search has too many words: use at most {MAX_TERMS}.",
        ),
    ],
)
def test_parse_refuses_with_a_message(_case, text, message):
    with pytest.raises(QueryError) as error:
        parse(text)
    assert str(error.value) == message
