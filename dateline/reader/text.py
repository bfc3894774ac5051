"""Teasers and relative times: pure functions of text and time.

static/reader/relative-time.js applies the same rules in the browser, so a
page served from a cache hours old still reads right (docs/decisions/0001).
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.dateformat import format as date_format

ELLIPSIS = "\u2026"
DATE_FORMAT = "j F Y"  # "16 October 2023"


def teaser(text: str, *, words: int = 15, max_chars: int = 160) -> str:
    """Cut plain text after `words` words, at a word boundary, ending in "…".

    Works on text, not HTML, so it can never cut inside a tag or an entity;
    the template escapes the result. A single word longer than max_chars is
    the one case cut inside a word, since there is no boundary to cut at.
    """
    parts = text.split()
    if not parts:
        return ""
    cut = " ".join(parts[:words])
    if len(cut) > max_chars:
        boundary = cut.rfind(" ", 0, max_chars + 1)
        cut = cut[:boundary] if boundary > 0 else _cut_characters(cut, max_chars)
    elif len(parts) <= words:
        return cut
    return cut.rstrip(".…") + ELLIPSIS


def _cut_characters(text: str, limit: int) -> str:
    # Never leave a base letter without the accent that follows it.
    while limit > 0 and unicodedata.combining(text[limit]):
        limit -= 1
    return text[:limit]


def relative_time(then: datetime, now: datetime | None = None) -> str:
    """Say how long ago `then` was: "just now" … "6 days ago", then the date."""
    now = now or timezone.now()
    elapsed = now - then
    if elapsed < timedelta(minutes=1):
        return "just now"  # also absorbs small clock skew into the future
    if elapsed < timedelta(hours=1):
        return _ago(elapsed.seconds // 60, "minute")
    if elapsed < timedelta(days=1):
        return _ago(elapsed.seconds // 3600, "hour")
    if elapsed < timedelta(days=7):
        return _ago(elapsed.days, "day")
    return date_format(timezone.localtime(then), DATE_FORMAT)


def _ago(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'} ago"
