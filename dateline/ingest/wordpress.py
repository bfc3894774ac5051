"""A WordPress site moves in: authors, category tree, tags, posts and pages.

Re-running an import changes nothing: every post is keyed by its WordPress
GUID and skipped while its content hash is unchanged. Pages become articles
in a "Pages" section (the content model has no page type), and every old
permalink is kept as a LegacyPath so that it moves permanently (301).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage

from dateline.content.models import Article, ArticleAuthor, Author, Category, Image, Tag
from dateline.publishing.services import article_publish, article_schedule

from .articles import unique_slug
from .formats.wxr import WpAttachment, WpExport, WpPost, parse_wxr
from .models import ImportedCategory, LegacyPath, WireLink

# WordPress statuses that may become public; the rest stay drafts.
PUBLIC = ("publish", "future")
MAX_IMAGE_PIXELS = 40_000_000


@dataclass
class WordPressSummary:
    imported: Counter[str] = field(default_factory=Counter)  # by kind
    updated: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)  # "post publish"
    reasons: list[str] = field(default_factory=list)
    not_imported: dict[str, int] = field(default_factory=dict)
    image_references: int = 0  # attachments known by URL only


@dataclass
class _Context:
    site: str
    authors: dict[str, Author]
    categories: dict[str, Category]
    pages: Category
    attachments: dict[int, WpAttachment]
    uploads: Path | None
    summary: WordPressSummary


def wordpress_import(
    *,
    data: bytes,
    uploads: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> WordPressSummary:
    """Import a WXR export; raise FormatError if the file is not one."""
    export = parse_wxr(data)
    summary = WordPressSummary(not_imported=dict(export.other_items))
    with transaction.atomic():
        context = _Context(
            site=export.site,
            authors=_authors(export, summary),
            categories=_categories(export, summary),
            pages=Category.objects.get_or_create(
                slug="pages", defaults={"name": "Pages"}
            )[0],
            attachments={a.post_id: a for a in export.attachments},
            uploads=uploads,
            summary=summary,
        )
        for term in export.tags:
            _, created = Tag.objects.get_or_create(
                slug=term.slug[:100], defaults={"name": term.name[:100]}
            )
            (summary.imported if created else summary.skipped)["tag"] += 1
    summary.image_references = len(export.attachments)
    for post in export.posts:
        summary.statuses[f"{post.post_type} {post.status}"] += 1
        try:
            with transaction.atomic():
                action = _post_import(post, context)
        except Exception as error:  # one broken post must not stop the move
            action = "failed"
            summary.reasons.append(f"{post.post_type} {post.title!r} failed: {error}")
        getattr(summary, action)[post.post_type] += 1
        if progress:
            progress(1, len(export.posts))
    return summary


def _authors(export: WpExport, summary: WordPressSummary) -> dict[str, Author]:
    authors = {}
    for wp in export.authors:
        author, created = Author.objects.get_or_create(
            slug=wp.login[:150], defaults={"name": wp.display_name[:150]}
        )
        (summary.imported if created else summary.skipped)["author"] += 1
        authors[wp.login] = author
    return authors


def _categories(export: WpExport, summary: WordPressSummary) -> dict[str, Category]:
    categories = {}
    for term in export.categories:
        category, created = Category.objects.get_or_create(
            slug=term.slug[:100],
            defaults={"name": term.name[:100], "description": term.description},
        )
        (summary.imported if created else summary.skipped)["category"] += 1
        categories[term.slug] = category
    for term in export.categories:
        ImportedCategory.objects.update_or_create(
            category=categories[term.slug],
            defaults={"parent": categories.get(term.parent)},
        )
    return categories


def _digest(post: WpPost) -> str:
    fields = [
        post.title,
        post.body_html,
        post.excerpt,
        post.status,
        post.slug,
        post.author,
        str(post.published_at),
        str(post.modified_at),
        *post.categories,
        "|",
        *post.tags,
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def _post_import(post: WpPost, context: _Context) -> str:
    # WordPress GUIDs repeat across posts in real exports; IDs do not.
    guid = f"wordpress:{context.site}#{post.post_id}"
    digest = _digest(post)
    link = WireLink.objects.select_related("article").filter(guid=guid).first()
    if link is not None and link.content_hash == digest:
        return "skipped"
    if link is None:
        article = Article(slug=unique_slug(post.slug or post.title))
    else:
        article = link.article
    article.headline = post.title or "(untitled)"
    article.standfirst = post.excerpt
    article.body = post.body_html
    if post.post_type == "page":
        article.category = context.pages
    else:
        article.category = next(
            (context.categories[s] for s in post.categories if s in context.categories),
            None,
        )
    article.updated_at = post.modified_at or post.published_at or article.updated_at
    article.status = Article.Status.DRAFT if article.pk is None else article.status
    article.save()
    _byline_and_tags(article, post, context)
    _featured_image(article, post, context)
    if post.status in PUBLIC and not post.has_password and post.published_at:
        if post.published_at > timezone.now():
            article_schedule(article=article, at=post.published_at, by=None)
        else:
            article_publish(article=article, at=post.published_at)
    elif article.status == Article.Status.PUBLISHED:
        article.status = Article.Status.DRAFT
        article.save(update_fields=["status"])
    if post.has_password:
        context.summary.reasons.append(
            f"{post.post_type} {post.title!r} is password-protected: kept as a draft"
        )
    elif post.status not in PUBLIC:
        context.summary.reasons.append(
            f"{post.post_type} {post.title!r} is {post.status}: kept as a draft"
        )
    for path in _old_paths(post):
        if path != article.get_absolute_url():
            LegacyPath.objects.update_or_create(
                path=path, defaults={"article": article}
            )
    if link is None:
        WireLink.objects.create(
            article=article, guid=guid, url=post.link, content_hash=digest
        )
        return "imported"
    link.content_hash, link.version = digest, link.version + 1
    link.save(update_fields=["content_hash", "version"])
    return "updated"


def _byline_and_tags(article: Article, post: WpPost, context: _Context) -> None:
    author = context.authors.get(post.author)
    if author is None and post.author:
        author = Author.objects.get_or_create(
            slug=post.author[:150], defaults={"name": post.author[:150]}
        )[0]
    ArticleAuthor.objects.filter(article=article).delete()
    if author is not None:
        ArticleAuthor.objects.create(article=article, author=author, position=0)
    tags = []
    for slug, name in zip(post.tags, post.tag_names, strict=False):
        # Some exports use tags on posts that they never declare.
        tag, created = Tag.objects.get_or_create(
            slug=slug[:100], defaults={"name": name[:100]}
        )
        if created:
            context.summary.imported["tag (used, not declared)"] += 1
        tags.append(tag)
    article.tags.set(tags)


def _featured_image(article: Article, post: WpPost, context: _Context) -> None:
    attachment = context.attachments.get(post.thumbnail_id or 0)
    if attachment is None or article.featured_image_id or context.uploads is None:
        return  # without an uploads folder the image stays a reference
    path = urlsplit(attachment.url).path
    relative = (
        path.split("/uploads/", 1)[1] if "/uploads/" in path else path.lstrip("/")
    )
    source = (context.uploads / relative).resolve()
    if context.uploads.resolve() not in source.parents or not source.is_file():
        context.summary.reasons.append(f"image {relative} is not in the uploads folder")
        return
    try:
        with PillowImage.open(source) as picture:
            if picture.width * picture.height > MAX_IMAGE_PIXELS:
                raise ValueError("too many pixels")
            picture.verify()
    except Exception as error:
        context.summary.reasons.append(f"image {relative} was refused: {error}")
        return
    with source.open("rb") as handle:
        image = Image(alt_text=(attachment.alt_text or attachment.title)[:300])
        image.file.save(source.name, File(handle), save=True)
    context.summary.imported["image file"] += 1
    article.featured_image = image
    article.save(update_fields=["featured_image"])


def _old_paths(post: WpPost) -> list[str]:
    paths = []
    for url in (post.link, post.guid):
        parts = urlsplit(url)
        if parts.path or parts.query:
            paths.append(
                (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            )
    return list(dict.fromkeys(paths))
