"""Publish, update and unpublish purge every page that shows the story, only those."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.content.models import Article
from dateline.publishing.services import article_publish, article_unpublish

from ..factories import ArticleFactory, AuthorFactory, CategoryFactory, TagFactory
from . import wsgi_client

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_cache(settings, tmp_path):
    from django.core.cache import cache

    settings.PAGE_SNAPSHOT_DIR = tmp_path / "snapshots"
    settings.ARTICLES_PER_PAGE = 5
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site():
    """Two sections, each with enough stories for two pages, and one old story."""
    world, sports = CategoryFactory(name="World"), CategoryFactory(name="Sports")
    reporter, topic = AuthorFactory(name="Rita", slug="rita"), TagFactory(name="Gaza")
    old = ArticleFactory(
        category=world, authors=[reporter], tags=[topic], slug="old-story",
        published_at=timezone.now() - timedelta(days=30),
    )  # fmt: skip
    for n in range(12):
        ArticleFactory(
            category=world if n % 2 else sports,
            published_at=timezone.now() - timedelta(hours=n + 1),
        )
    return {"world": world, "sports": sports, "reporter": reporter, "topic": topic,
            "old": old}  # fmt: skip


PAGES = [
    "/", "/latest/", "/category/world/", "/category/world/page/2/",
    "/category/sports/", "/tag/gaza/", "/author/rita/", "/2026/",
    "/feed/", "/feed/atom/", "/category/world/feed/", "/tag/gaza/feed/",
    "/author/rita/feed/", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt",
    "/search/?q=story",
]  # fmt: skip


def _warm(app, paths):
    for path in paths:
        assert wsgi_client.get(app, path).status == 200, path
        assert wsgi_client.get(app, path).cache == "HIT", path


def test_a_hit_runs_no_sql_and_no_django(site):
    app = wsgi_client.make_app()
    url = site["old"].get_absolute_url()
    first = wsgi_client.get(app, url)
    assert first.cache == "MISS"
    with CaptureQueriesContext(connection) as queries:
        second = wsgi_client.get(app, url)
    assert second.cache == "HIT"
    assert second.body == first.body
    assert len(queries) == 0


def test_publish_purges_every_list_and_recent_posts_everywhere(site):
    app = wsgi_client.make_app()
    other = site["old"].get_absolute_url()
    _warm(app, [*PAGES, other])
    story = ArticleFactory(
        category=site["world"], authors=[site["reporter"]], tags=[site["topic"]],
        status=Article.Status.DRAFT, published_at=None, headline="Breaking: news",
    )  # fmt: skip
    article_publish(article=story)
    for path in [*PAGES, other]:
        reply = wsgi_client.get(app, path)
        assert reply.cache == "MISS", path
    for path in [
        "/",
        "/latest/",
        "/category/world/",
        "/tag/gaza/",
        "/author/rita/",
        other,
    ]:
        assert b"Breaking: news" in wsgi_client.get(app, path).body, path


def test_update_of_an_old_story_purges_its_pages_but_not_unrelated_ones(site):
    app = wsgi_client.make_app()
    old = site["old"]
    unrelated = Article.objects.filter(category=site["sports"]).first()
    _warm(app, [old.get_absolute_url(), "/tag/gaza/", "/author/rita/",
                "/category/sports/", unrelated.get_absolute_url()])  # fmt: skip
    old.headline = "Old story, corrected"
    article_publish(article=old)
    assert b"Old story, corrected" in wsgi_client.get(app, old.get_absolute_url()).body
    assert wsgi_client.get(app, "/tag/gaza/").cache == "MISS"
    assert wsgi_client.get(app, "/author/rita/").cache == "MISS"
    # Not in Recent Posts and not in Sports: those pages keep their copy.
    assert wsgi_client.get(app, "/category/sports/").cache == "HIT"
    assert wsgi_client.get(app, unrelated.get_absolute_url()).cache == "HIT"


def test_unpublish_takes_the_page_down_and_purges_its_lists(site):
    app = wsgi_client.make_app()
    newest = Article.objects.published().first()
    url = newest.get_absolute_url()
    _warm(app, [url, "/", "/category/sports/"])
    article_unpublish(article=newest)
    assert wsgi_client.get(app, url).status == 404
    assert newest.headline.encode() not in wsgi_client.get(app, "/").body
    assert (
        newest.headline.encode() not in wsgi_client.get(app, "/category/sports/").body
    )


def test_moving_a_story_purges_the_category_it_left(site):
    app = wsgi_client.make_app()
    old = site["old"]
    article_publish(article=old)  # remembers the keys it touched
    _warm(app, ["/category/world/page/2/", "/category/world/"])
    old.category = site["sports"]
    old.save()
    article_publish(article=old)
    assert wsgi_client.get(app, "/category/world/").cache == "MISS"


def test_publishing_fills_a_cached_404(site):
    app = wsgi_client.make_app()
    story = ArticleFactory(category=site["world"], status=Article.Status.DRAFT,
                           slug="soon", published_at=timezone.now())  # fmt: skip
    url = story.get_absolute_url()
    assert wsgi_client.get(app, url).status == 404
    assert wsgi_client.get(app, url).cache == "HIT"
    article_publish(article=story)
    assert wsgi_client.get(app, url).status == 200


def test_signed_in_staff_bypass_the_cache(site):
    app = wsgi_client.make_app()
    _warm(app, ["/"])
    assert wsgi_client.get(app, "/", cookie="sessionid=abc").cache == ""


def test_etag_revalidation_gets_304_from_the_cache(site):
    app = wsgi_client.make_app()
    etag = wsgi_client.get(app, "/").headers["ETag"]
    reply = wsgi_client.get(app, "/", if_none_match=etag)
    assert (reply.status, reply.body, reply.cache) == (304, b"", "HIT")


def test_public_pages_carry_cdn_headers(site):
    reply = wsgi_client.get(wsgi_client.make_app(), "/category/world/")
    assert reply.headers["Cache-Control"] == (
        "public, max-age=60, s-maxage=86400, stale-while-revalidate=60, "
        "stale-if-error=86400"
    )
    assert reply.headers["Surrogate-Key"] == "category:world recent"


def test_head_is_answered_from_the_cache_without_a_body(site):
    app = wsgi_client.make_app()
    wsgi_client.get(app, "/")
    reply = wsgi_client.get(app, "/", method="HEAD")
    assert (reply.status, reply.body, reply.cache) == (200, b"", "HIT")
