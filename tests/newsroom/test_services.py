"""Saving: the version check, conflicts kept as revisions, restore, autosave."""

from __future__ import annotations

import pytest

from dateline.content.models import Article, Revision
from dateline.newsroom import services
from dateline.newsroom.services import StaleVersion

from ..factories import AuthorFactory, CategoryFactory


@pytest.fixture
def draft(users):
    return services.article_create(
        by=users["contributor"],
        data={"headline": "Flood waters rise", "body": "<p>First words.</p>"},
    )


def test_create_makes_a_draft_with_the_writer_in_the_byline(draft, users):
    assert draft.status == Article.Status.DRAFT
    assert draft.slug == "flood-waters-rise"
    assert draft.version == 1
    assert [a.name for a in draft.byline] == ["contributor"]
    assert draft.authors.get().user == users["contributor"]
    assert list(draft.revisions.values_list("action", "version")) == [("create", 1)]


def test_save_raises_the_version_and_keeps_a_revision(draft, users):
    world = CategoryFactory(name="World")
    second = AuthorFactory(name="Second Writer")
    services.article_update(
        article=draft,
        by=users["contributor"],
        base_version=1,
        data={
            "headline": "Flood waters rise again",
            "category": world.pk,
            "authors": [draft.authors.get().pk, second.pk],
        },
    )
    draft.refresh_from_db()
    assert draft.version == 2
    assert draft.headline == "Flood waters rise again"
    assert [a.name for a in draft.byline] == ["contributor", "Second Writer"]
    latest = draft.revisions.first()
    assert (latest.action, latest.version, latest.created_by) == (
        "save",
        2,
        users["contributor"],
    )
    assert latest.snapshot["headline"] == "Flood waters rise again"


def test_stale_save_is_refused_and_its_text_is_kept(draft, users):
    """Two sessions open version 1; the second save is refused, nothing is lost."""
    editor, contributor = users["editor"], users["contributor"]
    services.article_update(
        article=Article.objects.get(pk=draft.pk),
        by=editor,
        base_version=1,
        data={"headline": "Editor's headline", "body": "<p>Editor's text.</p>"},
    )
    with pytest.raises(StaleVersion) as refused:
        services.article_update(
            article=Article.objects.get(pk=draft.pk),
            by=contributor,
            base_version=1,
            data={"headline": "Writer's headline", "body": "<p>Writer's text.</p>"},
        )
    assert str(refused.value) == (
        "Not saved: someone saved a newer version (v2) since you opened v1. "
        "Your text is kept as a revision."
    )
    draft.refresh_from_db()
    assert (draft.headline, draft.body, draft.version) == (
        "Editor's headline",
        "<p>Editor's text.</p>",
        2,
    )
    kept = Revision.objects.get(action=Revision.Action.CONFLICT)
    assert kept.created_by == contributor
    assert kept.snapshot["headline"] == "Writer's headline"
    assert kept.snapshot["body"] == "<p>Writer's text.</p>"


def test_restore_brings_back_an_older_revision_as_a_new_version(draft, users):
    services.article_update(
        article=draft,
        by=users["contributor"],
        base_version=1,
        data={"headline": "A worse headline", "body": "<p>Rewritten.</p>"},
    )
    first = draft.revisions.get(action=Revision.Action.CREATE)
    services.article_restore(revision=first, by=users["contributor"])
    draft.refresh_from_db()
    assert (draft.headline, draft.body, draft.version) == (
        "Flood waters rise",
        "<p>First words.</p>",
        3,
    )
    assert draft.revisions.first().action == Revision.Action.RESTORE


def test_autosave_keeps_one_revision_per_writer_and_leaves_the_story(draft, users):
    for text in ("<p>typing</p>", "<p>typing more</p>"):
        services.article_autosave(
            article=draft,
            by=users["contributor"],
            base_version=1,
            data={"headline": "Flood waters rise", "body": text},
        )
    autosaves = draft.revisions.filter(action=Revision.Action.AUTOSAVE)
    assert [r.snapshot["body"] for r in autosaves] == ["<p>typing more</p>"]
    draft.refresh_from_db()
    assert (draft.body, draft.version) == ("<p>First words.</p>", 1)


def test_contributor_cannot_create_tags_but_editor_can(draft, users):
    with pytest.raises(services.WorkflowError, match="only editors can create tags"):
        services.tags_for_names(names=["Floods"], by=users["contributor"])
    [pk] = services.tags_for_names(names=["Floods"], by=users["editor"])
    assert services.tags_for_names(names=["floods"], by=users["contributor"]) == [pk]


def test_submit_then_schedule_then_take_down(draft, users):
    from datetime import timedelta

    from django.utils import timezone

    services.article_submit(article=draft, by=users["contributor"])
    assert draft.status == Article.Status.IN_REVIEW
    at = timezone.now() + timedelta(minutes=5)
    services.article_approve(article=draft, by=users["editor"], at=at)
    assert (draft.status, draft.published_at) == (Article.Status.SCHEDULED, at)
    services.article_withdraw(article=draft, by=users["editor"])
    assert draft.status == Article.Status.UNPUBLISHED
    with pytest.raises(services.WorkflowError, match="Only a published or scheduled"):
        services.article_withdraw(article=draft, by=users["editor"])
