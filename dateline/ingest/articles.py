"""Find or make the people, sections and tags an incoming story names."""

from __future__ import annotations

import hashlib
import re

from django.utils.text import slugify

from dateline.content.models import Article, Author, Category, Tag

_BY = re.compile(r"^(?:by|von|par|por|door)\s+", re.I)
_AND = re.compile(r"\s+(?:and|&|und|et|y)\s+", re.I)


def unique_slug(
    text: str,
    *,
    model: type[Article | Author | Category | Tag] = Article,
    max_length: int = 200,
) -> str:
    """A slug for text that no row of model has yet: "story", "story-2", …"""
    base = slugify(text, allow_unicode=True)[: max_length - 8].strip("-")
    if not base:
        base = "item-" + hashlib.sha1(text.encode()).hexdigest()[:10]
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _slug_for(name: str, max_length: int) -> str:
    slug = slugify(name, allow_unicode=True)[:max_length].strip("-")
    return slug or "x-" + hashlib.sha1(name.encode()).hexdigest()[:12]


def byline_names(byline: tuple[str, ...]) -> list[str]:
    """Split "By Jane Roe and John Doe" into names."""
    names = []
    for entry in byline:
        names += [n.strip(" ,") for n in _AND.split(_BY.sub("", entry.strip()))]
    return list(dict.fromkeys(n for n in names if n))


def author_named(name: str, *, slug: str = "") -> Author:
    author, _ = Author.objects.get_or_create(
        slug=slug or _slug_for(name, 150), defaults={"name": name[:150]}
    )
    return author


def tag_named(name: str, *, slug: str = "") -> Tag:
    tag, _ = Tag.objects.get_or_create(
        slug=slug or _slug_for(name, 100), defaults={"name": name[:100]}
    )
    return tag


def category_for_subject(subject: str) -> Category | None:
    """The section a subject names, if the site has one by that name."""
    return Category.objects.filter(slug=_slug_for(subject, 100)).first()
