from io import StringIO

import pytest
from django.core.management import call_command

from dateline.content.models import Article
from dateline.publishing.services import article_publish, article_unpublish
from dateline.search.indexing import (
    articles_index,
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
    article = ArticleFactory(
        headline="Ceasefire holds",
        slug="ceasefire",
        body="<p>Envoys met in Cairo.</p><figure><figcaption>Talks in Cairo</figcaption></figure>",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    articles_index(article_ids=[article.pk])  # as after its commit
    return article


def test_publish_indexes_after_commit(draft, django_capture_on_commit_callbacks):
    draft.headline = "Ceasefire signed"
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=draft)
        assert found("signed") == []  # not before the commit
    assert found("signed") == ["ceasefire"]
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


def test_unpublish_hides_from_readers_but_keeps_the_entry_for_the_newsroom(
    draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=draft)
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=draft)
    assert SearchEntry.objects.filter(pk=draft.pk).exists() is True
    assert found("ceasefire") == []


def test_every_save_of_a_draft_is_indexed_after_commit(
    draft, django_capture_on_commit_callbacks
):
    draft.headline = "Truce talks resume"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        draft.save()
        assert SearchEntry.objects.get(pk=draft.pk).headline == "Ceasefire holds"
    assert len(callbacks) == 1
    assert SearchEntry.objects.get(pk=draft.pk).headline == "Truce talks resume"
    assert found("truce") == []  # a draft: the newsroom's, not the readers'


def test_a_rolled_back_save_leaves_the_index_alone(
    draft, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                draft.headline = "Never happened"
                draft.save()
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []
    assert SearchEntry.objects.get(pk=draft.pk).headline == "Ceasefire holds"


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


def test_articles_taken_down_without_events_leave_public_results_at_once(bulk):
    index_catch_up()
    Article.objects.filter(pk__in=[a.pk for a in bulk[:10]]).update(
        status=Article.Status.UNPUBLISHED
    )
    assert len(found("bulk")) == 20


def test_rebuild_indexes_every_article(bulk, draft):
    SearchEntry.objects.filter(pk=draft.pk).update(headline="stale")
    assert index_rebuild() == 31
    assert SearchEntry.objects.count() == 31
    assert SearchEntry.objects.get(pk=draft.pk).headline == "Ceasefire holds"
    assert len(found("bulk")) == 30
    assert found("stale") == []


def test_reindex_command(bulk):
    out = StringIO()
    call_command("reindex", stdout=out)
    assert out.getvalue() == "Indexed 30 articles.\n"
    out = StringIO()
    call_command("reindex", "--catch-up", stdout=out)
    assert out.getvalue() == "Indexed 0 changed articles.\n"
    assert len(found("bulk")) == 30


def test_rebuilding_for_another_language_changes_the_stemmer(db, settings):
    ArticleFactory(headline="Marathon running", slug="marathon")
    index_rebuild()
    assert found("run") == ["marathon"]  # English: running → run
    settings.SITE_LANGUAGE = "fr"
    index_rebuild()  # over a live index, in place
    assert found("run") == []
    assert found("running") == ["marathon"]
    settings.SITE_LANGUAGE = "en"
    index_rebuild()
    assert found("run") == ["marathon"]


def test_saves_of_other_fields_leave_the_entry_alone(
    draft, django_capture_on_commit_callbacks
):
    draft.status = Article.Status.IN_REVIEW
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        draft.save(update_fields=["status"])
    assert callbacks == []
    draft.standfirst = "Envoys agree a timetable."
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        draft.save(update_fields=["standfirst"])
    assert len(callbacks) == 1
    assert SearchEntry.objects.get(pk=draft.pk).standfirst == draft.standfirst


def test_a_failed_index_write_does_not_fail_the_save(
    draft, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    from dateline.search import indexing

    def broken(**_):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(indexing, "articles_index", broken)
    draft.headline = "Saved all the same"
    with django_capture_on_commit_callbacks(execute=True):
        draft.save()
    draft.refresh_from_db()
    assert draft.headline == "Saved all the same"
    assert "index unavailable" in caplog.text
