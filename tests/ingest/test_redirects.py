import pytest
from django.urls import resolve

from dateline.content.models import Article
from dateline.ingest.models import ImportedCategory, LegacyPath
from tests.factories import ArticleFactory, CategoryFactory


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


@pytest.fixture
def wordpress_tree(db):
    """parent → child-1 → child-2, as the Theme Unit Test export has it."""
    parent = CategoryFactory(name="Parent", slug="parent")
    child = CategoryFactory(name="Child 1", slug="child-1")
    grandchild = CategoryFactory(name="Child 2", slug="child-2")
    ImportedCategory.objects.create(category=parent, parent=None)
    ImportedCategory.objects.create(category=child, parent=parent)
    ImportedCategory.objects.create(category=grandchild, parent=child)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/category/parent/child-1/", "/category/child-1/"),
        ("/category/parent/child-1/child-2/", "/category/child-2/"),
        ("/category/parent/child-1/page/2/", "/category/child-1/page/2/"),
        ("/category/parent/child-1/feed/", "/category/child-1/feed/"),
    ],
)
def test_wordpress_nested_category_paths_move_to_the_category(
    client, wordpress_tree, old, new
):
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert resolve(new).url_name in ("category", "category-feed")


@pytest.mark.parametrize(
    "path",
    [
        "/category/child-1/parent/",  # upside down
        "/category/parent/child-2/",  # skips a level
        "/category/parent/nobody/",
        "/category/nobody/child-1/",
    ],
)
def test_a_chain_the_tree_does_not_have_stays_not_found(client, wordpress_tree, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/?feed=rss2", "/feed/"),
        ("/?feed=atom", "/feed/atom/"),
        ("/feed/rss2/", "/feed/"),
        ("/feed/rdf/", "/feed/"),
        ("/category/world/feed/rss/", "/category/world/feed/"),
        ("/tag/gaza/feed/rss2/", "/tag/gaza/feed/"),
    ],
)
def test_wordpress_feed_addresses_move_to_the_feeds(client, db, old, new):
    CategoryFactory(name="World", slug="world")
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)


def test_an_amp_page_moves_to_the_page_itself(client, db):
    article = ArticleFactory(slug="ceasefire")
    url = article.get_absolute_url()
    response = client.get(f"{url}amp/")
    assert (response.status_code, response["Location"]) == (301, url)
    assert client.get(url).status_code == 200


def test_an_old_permalinks_amp_page_moves_to_the_article(client, db):
    article = ArticleFactory(slug="new-home")
    LegacyPath.objects.create(path="/old/2013/story/", article=article)
    response = client.get("/old/2013/story/amp/")
    assert (response.status_code, response["Location"]) == (
        301,
        article.get_absolute_url(),
    )


@pytest.mark.parametrize("path", ["/no/such/amp/", "/no/feed/rss2/", "/?feed=nonsense"])
def test_other_lookalikes_are_left_alone(client, db, path):
    assert client.get(path).status_code == (200 if path.startswith("/?") else 404)
