"""Every newsroom write: create, save, autosave, submit, approve, take down,
correct, delete, restore. Each checks permissions.py before touching anything.

Making a story public is handed to publishing.services, the only code that
does that.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from dateline.accounts.audit import audit_record
from dateline.accounts.models import AuditEntry, User
from dateline.content.models import (
    Article,
    ArticleAuthor,
    Author,
    Category,
    Revision,
    Tag,
    article_snapshot,
)
from dateline.content.models.revisions import SNAPSHOT_FIELDS
from dateline.ingest.models import Source
from dateline.ingest.tasks import source_run_now
from dateline.publishing import services as publishing

from . import permissions
from .forms import SourceForm
from .permissions import Action

Status = Article.Status


class WorkflowError(Exception):
    """A step that does not fit the story's state; the message says why."""


class StaleVersion(Exception):
    """A save based on an older version; what was typed is kept in `kept`."""

    def __init__(self, *, article: Article, kept: Revision) -> None:
        self.article = article
        self.kept = kept
        super().__init__(
            f"Not saved: someone saved a newer version (v{article.version}) "
            f"since you opened v{kept.version}. Your text is kept as a revision."
        )


def require(user: User, action: Action, article: Article | None = None) -> None:
    if not permissions.allowed(user, action, article):
        raise PermissionDenied(f"You may not {action} this story.")


def author_for(user: User) -> Author:
    """The byline of an account, made on first use."""
    try:
        return user.author_profile  # type: ignore[no-any-return]
    except Author.DoesNotExist:
        pass
    name = user.get_full_name() or user.get_username()
    base = slugify(name) or f"user-{user.pk}"
    slug, n = base, 1
    while Author.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Author.objects.create(name=name, slug=slug, user=user)


def unique_slug(text: str, *, exclude: int | None = None) -> str:
    base = (slugify(text, allow_unicode=True) or "story")[:190]
    others = (
        Article.objects.all()
        if exclude is None
        else Article.objects.exclude(pk=exclude)
    )
    slug, n = base, 1
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _apply(article: Article, data: Mapping[str, Any]) -> None:
    """Set fields from a snapshot-shaped mapping; relations are saved after."""
    for name in SNAPSHOT_FIELDS:
        if name in data:
            setattr(article, name, data[name] or "")
    if "category" in data:
        article.category_id = data["category"]
    if "featured_image" in data:
        article.featured_image_id = data["featured_image"]
    if "embargo_until" in data:
        article.embargo_until = data["embargo_until"]
    if not article.slug:
        article.slug = unique_slug(article.headline, exclude=article.pk)


def _apply_relations(article: Article, data: Mapping[str, Any]) -> None:
    if "tags" in data:
        article.tags.set(data["tags"])
    if "authors" in data:
        article.authorships.all().delete()
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author_id=pk, position=i)
            for i, pk in enumerate(dict.fromkeys(data["authors"]))
        )


@transaction.atomic
def article_create(*, by: User, data: Mapping[str, Any]) -> Article:
    """Start a draft owned by `by`, with `by` in the byline unless others are given."""
    require(by, Action.CREATE)
    article = Article(created_by=by, status=Status.DRAFT)
    _apply(article, data)
    article.save()
    _apply_relations(article, {"authors": [author_for(by).pk], **data})
    Revision.objects.record(article=article, by=by, action=Revision.Action.CREATE)
    return article


def article_update(
    *,
    article: Article,
    by: User,
    base_version: int,
    data: Mapping[str, Any],
    action: str = Revision.Action.SAVE,
) -> Article:
    """Save over `base_version`, or keep the text and raise StaleVersion."""
    require(by, Action.EDIT, article)
    with transaction.atomic():
        # Compare-and-swap on the version: of two saves based on the same
        # version, exactly one updates a row, on SQLite and PostgreSQL alike.
        won = Article.objects.filter(pk=article.pk, version=base_version).update(
            version=F("version") + 1
        )
        if won:
            article.version = base_version + 1
            _apply(article, data)
            article.save()
            _apply_relations(article, data)
            Revision.objects.record(article=article, by=by, action=action)
            if article.status == Status.PUBLISHED:
                publishing.article_correct(article=article, by=by)
            return article
    # Outside the transaction above, so the refused text is kept for good.
    article.refresh_from_db()
    kept = Revision.objects.create(
        article=article,
        action=Revision.Action.CONFLICT,
        created_by=by,
        version=base_version,
        snapshot={**article_snapshot(article), **_jsonable(data)},
    )
    raise StaleVersion(article=article, kept=kept)


def _jsonable(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        k: (v.isoformat() if isinstance(v, datetime) else v)
        for k, v in data.items()
        if k in (*SNAPSHOT_FIELDS, "category", "featured_image", "tags", "authors")
    }


def article_autosave(
    *, article: Article, by: User, base_version: int, data: Mapping[str, Any]
) -> Revision:
    """Keep unsaved editor text as this user's one autosave; the story is untouched."""
    require(by, Action.EDIT, article)
    latest = article.revisions.first()
    snapshot = {**article_snapshot(article), **_jsonable(data)}
    if (
        latest is not None
        and latest.action == Revision.Action.AUTOSAVE
        and latest.created_by_id == by.pk
    ):
        latest.snapshot = snapshot
        latest.version = base_version
        latest.created_at = timezone.now()
        latest.save(update_fields=["snapshot", "version", "created_at"])
        return latest
    return Revision.objects.create(
        article=article,
        action=Revision.Action.AUTOSAVE,
        created_by=by,
        version=base_version,
        snapshot=snapshot,
    )


def article_restore(*, revision: Revision, by: User) -> Article:
    """Make a kept revision the current text, as a new revision."""
    article = revision.article
    return article_update(
        article=article,
        by=by,
        base_version=article.version,
        data=revision.snapshot,
        action=Revision.Action.RESTORE,
    )


@transaction.atomic
def article_submit(*, article: Article, by: User) -> Article:
    """Send a draft to the editors for review."""
    require(by, Action.SUBMIT, article)
    if article.status not in (Status.DRAFT, Status.UNPUBLISHED):
        raise WorkflowError("Only a draft can be submitted for review.")
    article.status = Status.IN_REVIEW
    article.save(update_fields=["status"])
    Revision.objects.record(article=article, by=by, action=Revision.Action.SUBMIT)
    return article


def article_approve(
    *, article: Article, by: User, at: datetime | None = None
) -> Article:
    """Publish now, or schedule for `at` when that is in the future."""
    if at is not None and at > timezone.now():
        require(by, Action.SCHEDULE, article)
        _check_publishable(article)
        return publishing.article_schedule(article=article, at=at, by=by)
    require(by, Action.PUBLISH, article)
    _check_publishable(article)
    return publishing.article_publish(article=article, by=by)


def _check_publishable(article: Article) -> None:
    if article.status == Status.PUBLISHED:
        raise WorkflowError("This story is already published.")
    if not article.headline.strip():
        raise WorkflowError("A story needs a headline before it goes out.")


def article_withdraw(*, article: Article, by: User) -> Article:
    """Take a published story down, or cancel a scheduled one."""
    require(by, Action.UNPUBLISH, article)
    if article.status not in (Status.PUBLISHED, Status.SCHEDULED):
        raise WorkflowError("Only a published or scheduled story can be taken down.")
    return publishing.article_unpublish(article=article, by=by)


def article_add_note(*, article: Article, by: User, kind: str, text: str) -> Article:
    """Add a public Correction or Update note to a published story."""
    require(by, Action.CORRECT, article)
    if not text.strip():
        raise WorkflowError("Write the text of the note.")
    return publishing.article_correct(article=article, by=by, kind=kind, text=text)


@transaction.atomic
def article_delete(*, article: Article, by: User) -> None:
    """Delete a story for good; public ones are taken down first."""
    require(by, Action.DELETE, article)
    if article.status == Status.PUBLISHED:
        publishing.article_unpublish(article=article, by=by)
    audit_record(action=AuditEntry.Action.DELETE, actor=by, target=article.headline)
    article.delete()


def tags_for_names(*, names: list[str], by: User) -> list[int]:
    """Tag ids for names; new names become tags if `by` may manage taxonomy."""
    ids = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            if not permissions.can_manage_taxonomy(by):
                raise WorkflowError(f"No tag “{name}”: only editors can create tags.")
            tag = Tag.objects.create(name=name, slug=_unique_tag_slug(name))
        ids.append(tag.pk)
    return ids


def _unique_tag_slug(name: str) -> str:
    base = slugify(name, allow_unicode=True)[:90] or "tag"
    slug, n = base, 1
    while Tag.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def category_create(*, by: User, name: str, description: str = "") -> Category:
    """Add a section to the site's navigation (editors and admins)."""
    require(by, Action.MANAGE_TAXONOMY)
    base = slugify(name)[:90] or "section"
    slug, n = base, 1
    while Category.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    position = Category.objects.count()
    return Category.objects.create(
        name=name, slug=slug, description=description, position=position
    )


def source_save(*, by: User, form: SourceForm) -> Source:
    """Add or change a wire source from a valid form (editors and admins)."""
    require(by, Action.MANAGE_SOURCES)
    # Where an internal source fetches from, and any folder on the server,
    # are an admin's call: either could reach what readers must not.
    if set(form.changed_data).intersection(form.trusted_fields()):
        require(by, Action.TRUST_SOURCES)
    source = form.save()
    audit_record(
        action=AuditEntry.Action.SOURCE_CHANGE,
        actor=by,
        target=source.name,
        detail=(
            f"{source.get_kind_display()}: {source.url or source.folder}; "
            f"{source.get_rule_display().lower()}; "
            f"{'enabled' if source.is_enabled else 'disabled'}"
            f"{'; internal' if source.is_internal else ''}"
        ),
    )
    return source


def source_run_soon(*, by: User, source: Source) -> None:
    """Poll a source now rather than at its next turn, on the task queue."""
    require(by, Action.MANAGE_SOURCES)
    source_run_now(source.pk)
