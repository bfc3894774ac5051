"""Dependency keys: which keys a page carries, which keys a change touches.

A page's keys come from its URL alone, so the WSGI layer can compute them
before Django renders anything. Every HTML page carries "recent" because
Recent Posts is on every page.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import Resolver404, resolve

from dateline.content.models import Article

# Lists that any published change may reorder.
SITEWIDE_LISTS = ("home", "latest", "archive", "feed", "sitemap", "search")

# URL names whose pages are public and cacheable, mapped to their own keys.
_PAGE_KEYS = {
    "home": lambda kw: ["home"],
    "latest": lambda kw: ["latest"],
    "archive": lambda kw: ["archive"],
    "article": lambda kw: [f"article:{kw['slug']}"],
    "category": lambda kw: [f"category:{kw['slug']}"],
    "tag": lambda kw: [f"tag:{kw['slug']}"],
    "author": lambda kw: [f"author:{kw['slug']}"],
    "search": lambda kw: ["search"],
}
_NON_HTML = ("feed", "sitemap", "robots")
_PRIVATE_NAMESPACES = {"admin", "newsroom", "api", "accounts"}


def page_keys(path: str) -> list[str] | None:
    """Return the keys of the public page at `path`, or None if not cacheable."""
    try:
        match = resolve(path)
    except Resolver404:
        return ["missing", "recent"]  # a 404 page; a publish may fill it
    name = match.url_name or ""
    if set(match.namespaces) & _PRIVATE_NAMESPACES:
        return None
    for kind in _NON_HTML:
        if kind in name:
            return [
                kind if kind != "robots" else "sitemap",
                *_subject(match.kwargs, name),
            ]
    if name not in _PAGE_KEYS:
        return None
    return [*_PAGE_KEYS[name](match.kwargs), "recent"]


def _subject(kwargs: dict[str, object], name: str) -> list[str]:
    # Per-category, -tag and -author feeds carry their list's key too.
    for kind in ("category", "tag", "author"):
        if kind in name and "slug" in kwargs:
            return [f"{kind}:{kwargs['slug']}"]
    return []


def keys_touched_by(article: Article) -> set[str]:
    """Every key whose pages may show `article` as it is now."""
    keys = {f"article:{article.slug}", "missing", *SITEWIDE_LISTS}
    if article.category is not None:
        keys.add(f"category:{article.category.slug}")
    keys.update(f"tag:{tag.slug}" for tag in article.tags.all())
    keys.update(f"author:{person.slug}" for person in article.authors.all())
    if _in_recent_posts(article):
        keys.add("recent")
    return keys


def _in_recent_posts(article: Article) -> bool:
    # The sidebar shows the newest N others, so the N+1 newest matter; an
    # article at least as new as the last of them is (or just was) in it.
    if article.published_at is None:
        return False
    cutoff = (
        Article.objects.published()
        .exclude(pk=article.pk)
        .values_list("published_at", flat=True)[
            settings.RECENT_POSTS_COUNT : settings.RECENT_POSTS_COUNT + 1
        ]
    )
    oldest_shown = next(iter(cutoff), None)
    return oldest_shown is None or article.published_at >= oldest_shown
