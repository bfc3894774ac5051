"""Text normalization shared by indexing and querying, on both engines."""

from __future__ import annotations

import re
import unicodedata

# Snippet markers: private-use characters that no article text may carry, so
# highlight.py can tell the engine's marks from the text.
MARK_START = "\ue000"
MARK_END = "\ue001"
# PostgreSQL's parser reads "<…>" as an HTML tag and drops it, and drops all
# text after "<script": angle brackets are indexed as private-use stand-ins,
# which neither engine counts as part of a word, and highlight.py puts back.
ANGLES = str.maketrans({"<": "\ue002", ">": "\ue003"})
UNANGLES = str.maketrans({"\ue002": "<", "\ue003": ">"})

# Hebrew points and cantillation, Arabic harakat: optional in news copy, so
# "שלום" must find "שָׁלוֹם". The engines fold Latin diacritics themselves
# (FTS5 remove_diacritics, PostgreSQL unaccent).
_OPTIONAL_MARKS = re.compile(
    "[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]"
)

# Control characters (Cc) include NUL, which PostgreSQL refuses; lone
# surrogates (Cs) cannot be encoded for the database; private-use characters
# (Co) would pass for the snippet markers.
_UNSEARCHABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]"
)


def fold(text: str) -> str:
    """Return text in NFC, without optional vowel points or control characters,
    with its angle brackets in private-use stand-ins."""
    text = unicodedata.normalize("NFC", text)
    text = _OPTIONAL_MARKS.sub("", text)
    text = _UNSEARCHABLE.sub(" ", text)
    return text.translate(ANGLES)
