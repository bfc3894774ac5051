from dateline.content.models import Article
from dateline.ingest.models import LegacyPath
from tests.factories import ArticleFactory


def test_an_old_permalink_moves_permanently_to_the_article(db, client):
    article = ArticleFactory(slug="new-home")
    LegacyPath.objects.create(path="/old/2013/story/", article=article)
    response = client.get("/old/2013/story/")
    assert (response.status_code, response["Location"]) == (
        301,
        article.get_absolute_url(),
    )


def test_a_plain_permalink_on_the_home_page_moves_too(db, client):
    article = ArticleFactory()
    LegacyPath.objects.create(path="/?p=1241", article=article)
    response = client.get("/?p=1241")
    assert (response.status_code, response["Location"]) == (
        301,
        article.get_absolute_url(),
    )


def test_an_old_permalink_to_a_draft_stays_not_found(db, client):
    article = ArticleFactory(status=Article.Status.DRAFT)
    LegacyPath.objects.create(path="/hidden/", article=article)
    assert client.get("/hidden/").status_code == 404


def test_unknown_paths_stay_not_found(db, client):
    assert client.get("/no/such/page/").status_code == 404
