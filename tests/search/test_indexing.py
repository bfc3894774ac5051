from io import StringIO

import pytest
from django.core.management import call_command

from dateline.content.models import Article
from dateline.publishing.services import article_publish, article_unpublish
from dateline.search.indexing import (
    index_catch_up,
    index_catch_up_after_migrate,
    index_rebuild,
)
from dateline.search.models import SearchEntry
from dateline.search.selectors import search_articles

from ..factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    TagFactory,
    publish_many,
)


def found(text: str) -> list[str]:
    results = search_articles(text=text)
    return [result.article.slug for result in results[0:50]]


@pytest.fixture
def draft(db):
    return ArticleFactory(
        headline="Ceasefire holds",
        slug="ceasefire",
        body="<p>Envoys met in Cairo.</p><figure><figcaption>Talks in Cairo</figcaption></figure>",
        status=Article.Status.DRAFT,
        published_at=None,
    )


def test_publish_indexes_after_commit(draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article_publish(article=draft)
        assert found("ceasefire") == []  # not before the commit
    assert len(callbacks) == 1
    assert found("ceasefire") == ["ceasefire"]
    # Figure captions are text a reader may search for.
    assert (
        SearchEntry.objects.get(pk=draft.pk).body
        == "Envoys met in Cairo. Talks in Cairo"
    )


def test_republish_replaces_the_old_words(draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=draft)
    draft.headline = "Truce collapses"
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=draft)
    assert found("truce") == ["ceasefire"]
    assert found("ceasefire") == []


def test_unpublish_removes_from_the_index(draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=draft)
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=draft)
    assert SearchEntry.objects.filter(pk=draft.pk).exists() is False
    assert found("ceasefire") == []


def test_deleting_an_article_deletes_its_entry(
    draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=draft)
    draft.delete()
    assert SearchEntry.objects.exists() is False
    assert found("ceasefire") == []


@pytest.fixture
def bulk(db):
    # Written with bulk_create: no save(), no publishing events.
    return publish_many(
        30, category=CategoryFactory(), author=AuthorFactory(), tag=TagFactory()
    )


def test_catch_up_indexes_articles_written_without_events(bulk):
    assert found("bulk") == []
    assert index_catch_up() == 30
    assert len(found("bulk")) == 30
    assert index_catch_up() == 0  # nothing left to do


def test_catch_up_runs_after_migrate(bulk):
    index_catch_up_after_migrate(using="default")
    assert SearchEntry.objects.count() == 30


def test_catch_up_drops_articles_taken_down_without_events(bulk):
    index_catch_up()
    Article.objects.filter(pk__in=[a.pk for a in bulk[:10]]).update(
        status=Article.Status.UNPUBLISHED
    )
    assert index_catch_up() == 0
    assert SearchEntry.objects.count() == 20


def test_rebuild_indexes_every_published_article(bulk, draft):
    SearchEntry.objects.create(
        article=draft, headline="stale", indexed_at=draft.created_at
    )
    assert index_rebuild() == 30
    assert SearchEntry.objects.count() == 30
    assert len(found("bulk")) == 30
    assert found("stale") == []


def test_reindex_command(bulk):
    out = StringIO()
    call_command("reindex", stdout=out)
    assert out.getvalue() == "Indexed 30 published articles.\n"
    out = StringIO()
    call_command("reindex", "--catch-up", stdout=out)
    assert out.getvalue() == "Indexed 0 changed articles.\n"
    assert len(found("bulk")) == 30
