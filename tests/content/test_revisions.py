from dateline.content.models import Revision, article_snapshot

from ..factories import ArticleFactory, AuthorFactory, TagFactory


def test_snapshot_keeps_text_and_relations_in_order(db):
    first, second = AuthorFactory(name="B First"), AuthorFactory(name="A Second")
    tag = TagFactory(name="Floods")
    article = ArticleFactory(
        headline="Rain", dateline="Leeds", authors=[first, second], tags=[tag]
    )
    snapshot = article_snapshot(article)
    assert snapshot["headline"] == "Rain"
    assert snapshot["dateline"] == "Leeds"
    assert snapshot["authors"] == [first.pk, second.pk]
    assert snapshot["tags"] == [tag.pk]
    assert snapshot["category"] == article.category_id


def test_record_stores_who_why_and_version(db):
    article = ArticleFactory(version=4)
    revision = Revision.objects.record(article=article, by=None, action="save")
    assert (revision.action, revision.version, revision.created_by) == ("save", 4, None)
    assert list(article.revisions.all()) == [revision]
