from datetime import UTC, datetime, timedelta

import pytest

from dateline.reader.text import relative_time, teaser

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("_case", "text", "expected"),
    [
        (
            "seed teaser, fifteen words",
            "In a high-profile appearance for the finale week of Kaun Banega "
            "Crorepati (KBC) Season 17, industrialist Kumar Mangalam Birla said",
            "In a high-profile appearance for the finale week of Kaun Banega "
            "Crorepati (KBC) Season 17,…",
        ),
        ("short text is whole", "Only four words here", "Only four words here"),
        ("exactly the limit", " ".join(["word"] * 15), " ".join(["word"] * 15)),
        ("empty body", "", ""),
        ("whitespace only", " \n\t ", ""),
        (
            "trailing full stop is not doubled",
            "One two three. " + "x " * 20,
            "One two three. " + " ".join(["x"] * 12) + "…",
        ),
        (
            "unicode words stay whole",
            "Hanégbi a dit que le cabinet d’Israël a approuvé un plan "
            "pour « détruire » le Hamas selon le Premier ministre",
            "Hanégbi a dit que le cabinet d’Israël a approuvé un plan pour « "
            "détruire »…",
        ),
        (
            "entities arrive decoded and stay whole",
            "Tom & Jerry &amp; friends " + "w " * 20,
            "Tom & Jerry &amp; friends " + " ".join(["w"] * 10) + "…",
        ),
    ],
)
def test_teaser_cuts_after_fifteen_words(_case: str, text: str, expected: str) -> None:
    assert teaser(text, words=15) == expected


def test_teaser_never_cuts_mid_word_under_character_cap() -> None:
    text = " ".join(["incomprehensibilities"] * 15)
    result = teaser(text, words=15, max_chars=50)
    assert result == "incomprehensibilities incomprehensibilities…"


def test_teaser_of_one_very_long_word_is_capped() -> None:
    result = teaser("a" * 5000, max_chars=160)
    assert result == "a" * 160 + "…"


def test_teaser_keeps_a_combining_accent_with_its_letter() -> None:
    word = "e\u0301" * 100  # "é" written as e + combining acute
    # Character 51 is an accent: the cut moves back before it, to 50.
    assert teaser(word, max_chars=51) == "e\u0301" * 25 + "…"


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (timedelta(seconds=-30), "just now"),
        (timedelta(0), "just now"),
        (timedelta(seconds=59), "just now"),
        (timedelta(seconds=60), "1 minute ago"),
        (timedelta(minutes=5), "5 minutes ago"),
        (timedelta(minutes=59, seconds=59), "59 minutes ago"),
        (timedelta(hours=1), "1 hour ago"),
        (timedelta(hours=23, minutes=59), "23 hours ago"),
        (timedelta(days=1), "1 day ago"),
        (timedelta(days=1, hours=23), "1 day ago"),
        (timedelta(days=2), "2 days ago"),
        (timedelta(days=6, hours=23, minutes=59), "6 days ago"),
        (timedelta(days=7), "18 November 2026"),
        (timedelta(days=400), "21 October 2025"),
    ],
    ids=str,
)
def test_relative_time_at_each_boundary(elapsed: timedelta, expected: str) -> None:
    assert relative_time(NOW - elapsed, NOW) == expected
