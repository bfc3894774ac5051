"""Has this story been seen before? Same GUID, same URL, or near-same text.

Agencies re-send stories with new GUIDs, and two sources carry the same
copy with small edits. Text is compared as sets of word trigrams (w-shingling,
Broder 1997): a few changed words leave most trigrams intact, while two
different stories on the same topic share few.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from dateline.content.body import plain_text
from dateline.content.models import Article

from .formats.items import WireItem
from .models import WireLink

# Jaccard similarity above which two texts are the same story.
SAME_STORY = 0.6
# Below this many words a text is too short to judge by wording.
MIN_WORDS = 30
# Only recent stories are compared: wire duplicates arrive within days.
WINDOW = timedelta(days=7)
CANDIDATES = 2000


@dataclass(frozen=True, slots=True)
class Match:
    article: Article
    link: WireLink | None  # None: matched by text, a new identity for it
    by: str  # "guid", "url" or "text"


def shingles(html: str) -> list[int]:
    """The item's word trigrams, hashed: what near-duplicates share."""
    words = plain_text(html).casefold().split()
    if len(words) < MIN_WORDS:
        return []
    grams = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
    return sorted(zlib.crc32(g.encode()) for g in grams)


def similarity(a: list[int] | set[int], b: list[int] | set[int]) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a and b else 0.0


def existing_story(*, item: WireItem, text: list[int], now: datetime) -> Match | None:
    """Return the article this item already is, if any."""
    link = WireLink.objects.select_related("article").filter(guid=item.guid).first()
    if link is not None:
        return Match(link.article, link, "guid")
    if item.url:
        link = WireLink.objects.select_related("article").filter(url=item.url).first()
        if link is not None:
            return Match(link.article, link, "url")
    if not text:
        return None
    recent = (
        WireLink.objects.filter(first_seen_at__gte=now - WINDOW)
        .exclude(shingles=[])
        .order_by("-first_seen_at")
        .values_list("article_id", "shingles")[:CANDIDATES]
    )
    mine = set(text)
    best = max(
        ((similarity(mine, other), pk) for pk, other in recent), default=(0.0, 0)
    )
    if best[0] >= SAME_STORY:
        return Match(Article.objects.get(pk=best[1]), None, "text")
    return None
