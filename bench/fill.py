"""Fill the configured database with N published articles, in bulk.

Usage: DJANGO_SETTINGS_MODULE=dateline.settings python bench/fill.py 100000
Runs after `dateline loaddemo`; adds stories older than the demo's archive.
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta

import django


def fill(total: int, batch: int = 5000) -> None:
    from django.db import transaction
    from django.utils.html import escape

    from dateline.content.models import Article, ArticleAuthor, Author, Category, Tag
    from dateline.demo import archive

    categories = {c.name: c for c in Category.objects.all()}
    authors = {a.name: a for a in Author.objects.all()}
    tags = {t.name: t for t in Tag.objects.all()}
    oldest = Article.objects.order_by("published_at").values_list(
        "published_at", flat=True
    )[0]
    needed = total - Article.objects.count()
    stories = archive.generate(count=needed, before=oldest - timedelta(hours=1), seed=7)
    made = 0
    while made < needed:
        chunk = [next(stories) for _ in range(min(batch, needed - made))]
        with transaction.atomic():
            rows = Article.objects.bulk_create(
                Article(
                    headline=story.headline,
                    slug=f"{story.published_at:%Y%m%d%H%M}-{made + n}",
                    body="".join(f"<p>{escape(p)}</p>" for p in story.paragraphs),
                    lead_text=" ".join(story.paragraphs)[:600],
                    status=Article.Status.PUBLISHED,
                    published_at=story.published_at,
                    updated_at=story.published_at,
                    category=categories[story.category],
                )
                for n, story in enumerate(chunk)
            )
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=row, author=authors[name], position=i)
                for row, story in zip(rows, chunk, strict=True)
                for i, name in enumerate(story.authors)
            )
            for name in {name for story in chunk for name in story.tags}:
                tags.setdefault(
                    name, Tag.objects.get_or_create(slug=name.lower().replace(" ", "-"),
                                                    defaults={"name": name})[0]
                )  # fmt: skip
            Article.tags.through.objects.bulk_create(
                Article.tags.through(article=row, tag=tags[name])
                for row, story in zip(rows, chunk, strict=True)
                for name in story.tags
            )
        made += len(chunk)


if __name__ == "__main__":
    django.setup()
    started = time.perf_counter()
    fill(int(sys.argv[1]))
    print(f"filled in {time.perf_counter() - started:.1f} s")
