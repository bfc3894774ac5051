"""Writes: items become articles, sources are run, WordPress sites move in.

Articles are created through the content model, whose save() sanitizes the
body; anything that makes an article public goes through
publishing.services.article_publish. Each item is written in its own
transaction, so one bad item never leaves half an article behind.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from dateline.content.body import plain_text
from dateline.content.models import Article, ArticleAuthor, Revision
from dateline.publishing.services import article_publish, article_schedule

from .articles import (
    author_named,
    byline_names,
    category_for_subject,
    tag_named,
    unique_slug,
)
from .dedup import existing_story, shingles
from .fetch import FetchError, fetch
from .formats import FormatError, Parsed, WireItem, parse_document
from .models import IngestRun, Source, WireLink
from .wordpress import WordPressSummary, wordpress_import

logger = logging.getLogger(__name__)

STORY_KINDS = ("text", "composite")
# A clock a little ahead is not a future date; more than this is.
CLOCK_SKEW = timedelta(minutes=5)
FOLDER_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".json")

Progress = Callable[[int, int], None]  # (items done now, items in all)


@dataclass(frozen=True, slots=True)
class Outcome:
    action: str  # created, updated, skipped
    article: Article | None = None
    reason: str = ""
    notes: tuple[str, ...] = ()


def item_ingest(
    *,
    item: WireItem,
    source: Source | None = None,
    publish: bool = False,
    now: datetime | None = None,
) -> Outcome:
    """Create or update the article for one wire item; skip what it already is."""
    now = now or timezone.now()
    if item.kind not in STORY_KINDS:
        return Outcome("skipped", reason=f"is not a text story ({item.kind})")
    if not item.headline:
        return Outcome("skipped", reason="has no headline")
    if not plain_text(item.body_html):
        return Outcome("skipped", reason="has no text")
    text = shingles(item.body_html)
    digest = hashlib.sha256(
        "\x1f".join(
            [item.headline, item.body_html, item.summary, item.dateline]
        ).encode()
    ).hexdigest()
    notes = list(item.notes)
    with transaction.atomic():
        match = existing_story(item=item, text=text, now=now)
        if match is None:
            article = _article_create(
                item=item, source=source, publish=publish, now=now, notes=notes
            )
            WireLink.objects.create(
                article=article,
                source=source,
                guid=item.guid,
                url=item.url,
                version=item.version or 1,
                content_hash=digest,
                shingles=text,
                image_url=item.images[0].url if item.images else "",
            )
            return Outcome("created", article, notes=tuple(notes))
        if match.link is None:
            WireLink.objects.create(
                article=match.article,
                source=source,
                guid=item.guid,
                url=item.url,
                version=item.version or 1,
                content_hash=digest,
                shingles=text,
            )
            return Outcome(
                "skipped",
                match.article,
                f"is the same story as article {match.article.pk}, by its wording",
            )
        link = match.link
        newer = (
            item.version > link.version
            if item.version is not None
            else digest != link.content_hash
        )
        link.last_seen_at = now
        if not newer:
            link.save(update_fields=["last_seen_at"])
            return Outcome(
                "skipped", match.article, f"is already here (version {link.version})"
            )
        article = _article_update(article=match.article, item=item, now=now)
        link.version = item.version if item.version is not None else link.version + 1
        link.content_hash, link.shingles = digest, text
        link.save()
        if match.by == "url" and not WireLink.objects.filter(guid=item.guid).exists():
            WireLink.objects.create(
                article=article,
                source=source,
                guid=item.guid,
                version=link.version,
                content_hash=digest,
            )
        return Outcome("updated", article, notes=tuple(notes))


def _article_create(
    *,
    item: WireItem,
    source: Source | None,
    publish: bool,
    now: datetime,
    notes: list[str],
) -> Article:
    category = source.default_category if source else None
    tags = []
    for subject in item.subjects:
        section = category_for_subject(subject) if category is None else None
        if section is not None:
            category = section
        else:
            tags.append(tag_named(subject))
    article = Article.objects.create(
        headline=item.headline[:300],
        slug=unique_slug(item.headline),
        dateline=item.dateline[:120],
        standfirst=item.summary,
        body=item.body_html,
        category=category,
        updated_at=item.updated_at or now,
        # "Queue for review": in the newsroom's review queue, not a draft.
        status=Article.Status.DRAFT if publish else Article.Status.IN_REVIEW,
    )
    names = byline_names(item.byline) or ([item.agency] if item.agency else [])
    authors = [author_named(n) for n in names]
    if not authors and source is not None and source.default_author is not None:
        authors = [source.default_author]
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=a, position=i)
        for i, a in enumerate(authors)
    )
    article.tags.set(tags)
    Revision.objects.record(article=article, by=None, action=Revision.Action.CREATE)
    if item.embargoed_until is not None and item.embargoed_until > now:
        article.embargo_until = item.embargoed_until
        article.save(update_fields=["embargo_until"])
    if publish:
        at = _publish_time(item=item, now=now, notes=notes)
        if at > now:
            article_schedule(article=article, at=at, by=None)
        else:
            article_publish(article=article, at=at)
    return article


def _publish_time(*, item: WireItem, now: datetime, notes: list[str]) -> datetime:
    if item.embargoed_until is not None and item.embargoed_until > now:
        return item.embargoed_until  # held back until the embargo lifts
    if item.published_at is not None and item.published_at > now + CLOCK_SKEW:
        notes.append(
            f"is dated in the future ({item.published_at:%Y-%m-%d %H:%M} UTC); published at the time it arrived"
        )
        return now
    return item.published_at or now


def _article_update(*, article: Article, item: WireItem, now: datetime) -> Article:
    article.headline = item.headline[:300]
    article.body = item.body_html
    article.standfirst = item.summary
    article.dateline = item.dateline[:120]
    article.updated_at = now
    # A newer version moves the article on, so an editor's open copy of the
    # old one is refused as stale rather than silently overwriting it.
    article.version += 1
    article.save()
    Revision.objects.record(article=article, by=None, action=Revision.Action.SAVE)
    if article.status == Article.Status.PUBLISHED:
        article_publish(article=article, at=article.published_at)  # announces it
    return article


def parsed_ingest(
    *,
    run: IngestRun,
    parsed: Parsed,
    source: Source | None,
    publish: bool,
    progress: Progress | None = None,
) -> IngestRun:
    """Ingest every item of a parsed document, recording each outcome on run."""
    now = timezone.now()
    for rejected in parsed.rejected:
        run.failed += 1
        run.problems.append(
            {"item": rejected.ref, "kind": "failed", "reason": rejected.reason}
        )
    for item in parsed.items:
        try:
            outcome = item_ingest(item=item, source=source, publish=publish, now=now)
        except Exception as error:  # one broken item must not stop the feed
            logger.exception("ingesting %s failed", item.guid)
            outcome = Outcome("failed", reason=f"could not be stored ({error})")
        setattr(run, outcome.action, getattr(run, outcome.action) + 1)
        if outcome.reason and not outcome.reason.startswith("is already here"):
            run.problems.append(
                {"item": item.guid, "kind": outcome.action, "reason": outcome.reason}
            )
        run.problems += [
            {"item": item.guid, "kind": "note", "reason": n} for n in outcome.notes
        ]
        if progress:
            progress(1, len(parsed.items))
    return run


def document_ingest(
    *,
    data: bytes,
    format: str | None = None,
    source: Source | None = None,
    publish: bool = False,
    label: str = "",
    progress: Progress | None = None,
) -> IngestRun:
    """Ingest one document (a file or a fetched URL) and record the run."""
    run = IngestRun(source=source, label=label[:500])
    try:
        parsed = parse_document(data, format=format)
    except FormatError as error:
        run.error = str(error)
    else:
        parsed_ingest(
            run=run, parsed=parsed, source=source, publish=publish, progress=progress
        )
    return _run_finish(run)


def source_run(*, source: Source, progress: Progress | None = None) -> IngestRun:
    """Fetch or read a source, ingest what it holds and record how it went."""
    run = IngestRun(source=source, label=source.url or source.folder)
    publish = source.rule == Source.Rule.PUBLISH
    format = None if source.kind == Source.Kind.FOLDER else source.kind
    try:
        documents = _source_documents(source)
    except (FetchError, OSError) as error:
        run.error = str(error)
        documents = []
    if documents is None:
        run.status = IngestRun.Status.NOT_MODIFIED
    for name, data in documents or []:
        try:
            parsed = parse_document(data, format=format)
        except FormatError as error:
            run.error = f"{name}: {error}" if source.folder else str(error)
            _folder_done(source, name, failed=True)
            continue
        parsed_ingest(
            run=run, parsed=parsed, source=source, publish=publish, progress=progress
        )
        _folder_done(source, name, failed=False)
    _run_finish(run)
    source.last_run_at = run.started_at
    source.last_status, source.last_error = run.status, run.error
    source.save(
        update_fields=[
            "last_run_at",
            "last_status",
            "last_error",
            "etag",
            "last_modified",
        ]
    )
    return run


def sources_due(*, now: datetime | None = None) -> list[Source]:
    now = now or timezone.now()
    return [s for s in Source.objects.filter(is_enabled=True) if s.is_due(now)]


def _source_documents(source: Source) -> list[tuple[str, bytes]] | None:
    """The source's documents; None when its URL reports no change."""
    if source.url:
        fetched = fetch(
            source.url,
            etag=source.etag,
            last_modified=source.last_modified,
            allow_private=source.is_internal,
        )
        source.etag, source.last_modified = (
            fetched.etag[:300],
            fetched.last_modified[:100],
        )
        return None if fetched.body is None else [(source.url, fetched.body)]
    folder = Path(source.folder)
    if not folder.is_dir():
        raise FetchError(f"The drop folder {folder} does not exist.")
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
    )
    return [(p.name, p.read_bytes()) for p in files]


def _folder_done(source: Source, name: str, *, failed: bool) -> None:
    """Move a processed drop-folder file aside, so it is read only once."""
    if source.url or not source.folder:
        return
    target = Path(source.folder) / ("failed" if failed else "done")
    target.mkdir(exist_ok=True)
    (Path(source.folder) / name).replace(target / name)


def _run_finish(run: IngestRun) -> IngestRun:
    stored = run.created or run.updated or run.skipped
    noted = any(p["kind"] == "note" for p in run.problems)
    if run.status == IngestRun.Status.NOT_MODIFIED:
        pass
    elif (run.error or run.failed) and not stored:
        run.status = IngestRun.Status.FAILED
    elif run.error or run.failed or noted:
        run.status = IngestRun.Status.PARTIAL
    else:
        run.status = IngestRun.Status.OK
    run.finished_at = timezone.now()
    run.save()
    return run


__all__ = [
    "Outcome",
    "WordPressSummary",
    "document_ingest",
    "item_ingest",
    "source_run",
    "sources_due",
    "wordpress_import",
]
