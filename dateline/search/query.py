"""Reader input in, a safe structured query out.

Only three pieces of syntax mean anything: "quoted phrases", a trailing * for
a prefix (Netan*), and whitespace between terms. Everything else is text: the
backends quote every term, so no user character reaches FTS5's MATCH or
PostgreSQL's tsquery syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from .folding import fold

MAX_QUERY_CHARS = 256
MAX_TERMS = 12
# "a*" would expand to most of the vocabulary.
MIN_PREFIX_CHARS = 2

_PIECE = re.compile(r'"([^"]*)"?|(\S+)')


class QueryError(ValueError):
    """Input that cannot be searched; the message is for the reader."""


class Kind(Enum):
    WORD = "word"
    PHRASE = "phrase"
    PREFIX = "prefix"


@dataclass(frozen=True)
class Term:
    kind: Kind
    text: str  # one word for WORD and PREFIX (without the *); words for PHRASE


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]


def _searchable(text: str) -> bool:
    # Letters or digits in any script; a term of only punctuation or emoji
    # would be an empty phrase to the engines.
    return any(unicodedata.category(char)[0] in "LN" for char in text)


def parse(text: str) -> Query:
    """Parse what a reader typed; raise QueryError with a message for them."""
    text = text.strip()
    if not text:
        raise QueryError("Type a word or phrase to search for.")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"That search is too long: use at most {MAX_QUERY_CHARS} characters."
        )
    terms = []
    for phrase, word in _PIECE.findall(fold(text)):
        if phrase:
            words = " ".join(phrase.split())
            if _searchable(words):
                kind = Kind.PHRASE if " " in words else Kind.WORD
                terms.append(Term(kind, words))
            continue
        if word.endswith("*") and len(word.rstrip("*")) >= MIN_PREFIX_CHARS:
            stem = word.rstrip("*")
            if _searchable(stem):
                terms.append(Term(Kind.PREFIX, stem))
            continue
        if _searchable(word):
            terms.append(Term(Kind.WORD, word))
    if not terms:
        raise QueryError("Search for words or numbers: symbols alone find nothing.")
    if len(terms) > MAX_TERMS:
        raise QueryError(f"That search has too many words: use at most {MAX_TERMS}.")
    return Query(terms=tuple(dict.fromkeys(terms)))
