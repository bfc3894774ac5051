"""Publishing, scheduling, embargo, and public corrections."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.accounts.models import AuditEntry
from dateline.content.models import Article, Correction, Revision
from dateline.publishing import events
from dateline.publishing.services import (
    PublishingError,
    article_correct,
    article_publish,
    article_schedule,
    article_unpublish,
)

from ..factories import ArticleFactory


@pytest.fixture
def draft(db):
    return ArticleFactory(
        status=Article.Status.DRAFT, published_at=None, headline="Quake"
    )


def received(signal):
    seen = []

    def handler(sender, article, **kwargs):
        seen.append(article.pk)

    signal.connect(handler, weak=False)
    return seen, lambda: signal.disconnect(handler)


def test_publish_makes_it_public_and_announces_after_commit(
    draft, editor, django_capture_on_commit_callbacks
):
    seen, stop = received(events.article_published)
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=draft, by=editor)
    stop()
    assert draft.is_public is True
    assert seen == [draft.pk]
    assert draft.revisions.first().action == Revision.Action.PUBLISH
    assert AuditEntry.objects.get().action == AuditEntry.Action.PUBLISH


def test_embargo_stops_publishing_early(draft, editor):
    draft.embargo_until = timezone.now() + timedelta(hours=1)
    with pytest.raises(PublishingError, match="embargoed until"):
        article_publish(article=draft, by=editor)
    with pytest.raises(PublishingError, match="embargoed until"):
        article_schedule(
            article=draft, at=timezone.now() + timedelta(minutes=30), by=editor
        )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_schedule_hides_it_until_its_time(draft, editor):
    at = timezone.now() + timedelta(minutes=10)
    article_schedule(article=draft, at=at, by=editor)
    draft.refresh_from_db()
    assert (draft.status, draft.published_at) == (Article.Status.SCHEDULED, at)
    assert Article.objects.published().filter(pk=draft.pk).exists() is False


def test_schedule_in_the_past_publishes_now(draft, editor):
    article_schedule(article=draft, at=timezone.now() - timedelta(seconds=5), by=editor)
    assert draft.is_public is True


def test_correction_note_and_updated_time_are_public(editor, db):
    article = ArticleFactory(headline="Budget")
    before = article.updated_at
    article_correct(
        article=article,
        by=editor,
        kind=Correction.Kind.CORRECTION,
        text="An earlier version misstated the total.",
    )
    article.refresh_from_db()
    note = article.corrections.get()
    assert (note.kind, note.text, note.noted_by) == (
        "correction",
        "An earlier version misstated the total.",
        editor,
    )
    assert article.updated_at == note.noted_at
    assert article.updated_at > before
    assert AuditEntry.objects.get().action == AuditEntry.Action.CORRECT


def test_correcting_a_draft_is_refused(draft, editor):
    with pytest.raises(PublishingError, match="Only a published story"):
        article_correct(article=draft, by=editor, text="x")
    assert Correction.objects.exists() is False


def test_unpublish_takes_it_down(editor, db):
    article = ArticleFactory()
    article_unpublish(article=article, by=editor)
    assert Article.objects.published().exists() is False
    assert AuditEntry.objects.get().action == AuditEntry.Action.UNPUBLISH
