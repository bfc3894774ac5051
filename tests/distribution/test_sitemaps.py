from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from dateline.content.models import Article
from dateline.distribution import sitemaps
from dateline.distribution.sitemaps import news_language

from ..factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    TagFactory,
    publish_many,
)

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def schema(corpora, name):
    return etree.XMLSchema(file=str(corpora / "schemas" / name))


def valid(corpora, name, content):
    document = etree.fromstring(content)
    schema(corpora, name).assertValid(document)
    return document


def test_the_index_names_every_sitemap_and_validates(client, seed_site, corpora):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    index = valid(corpora, "siteindex.xsd", response.content)
    assert [loc.text for loc in index.iter(f"{SM}loc")] == [
        f"http://testserver/sitemap-{section}.xml"
        for section in ("home", "articles", "sections", "topics", "authors")
    ]
    newest = Article.objects.published().first().updated_at.isoformat()
    assert {m.text for m in index.iter(f"{SM}lastmod")} == {newest}


@pytest.mark.parametrize(
    "section", ["home", "articles", "sections", "topics", "authors"]
)
def test_every_url_set_validates(client, seed_site, corpora, section):
    response = client.get(f"/sitemap-{section}.xml")
    urlset = valid(corpora, "sitemap.xsd", response.content)
    assert len(urlset.findall(f"{SM}url")) >= 1


def test_articles_carry_their_update_time(client, seed_site, settings):
    seed_site.updated_at = seed_site.published_at + timedelta(hours=3)
    seed_site.save(update_fields=["updated_at"])
    urlset = etree.fromstring(client.get("/sitemap-articles.xml").content)
    lastmods = {
        u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod")
        for u in urlset.iter(f"{SM}url")
    }
    assert len(lastmods) == Article.objects.published().count() == 327
    url = f"{settings.SITE_URL}{seed_site.get_absolute_url()}"
    assert lastmods[url] == "2023-10-16T19:30:00+00:00"


def test_list_pages_are_those_with_public_articles(client, db, settings):
    world, empty = CategoryFactory(name="World"), CategoryFactory(name="Empty")
    topic, writer = TagFactory(name="Gaza"), AuthorFactory(name="Writer")
    story = ArticleFactory(category=world, authors=[writer], tags=[topic])
    ArticleFactory(category=empty, status=Article.Status.DRAFT, authors=[writer])
    expected = {
        "sections": "/category/world/",
        "topics": "/tag/gaza/",
        "authors": "/author/writer/",
    }
    for section, path in expected.items():
        urlset = etree.fromstring(client.get(f"/sitemap-{section}.xml").content)
        assert [u.findtext(f"{SM}loc") for u in urlset.iter(f"{SM}url")] == [
            f"{settings.SITE_URL}{path}"
        ]
        assert urlset.findtext(f"{SM}url/{SM}lastmod") == story.updated_at.isoformat()


def test_articles_are_split_into_files_of_at_most_the_limit(
    client, seed_site, corpora, monkeypatch
):
    # The real limit is 50,000 (sitemaps.org); 100 shows the split on 327.
    assert sitemaps.ArticleSitemap.limit == 50_000
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 100)
    index = etree.fromstring(client.get("/sitemap.xml").content)
    article_maps = [
        loc.text for loc in index.iter(f"{SM}loc") if "articles" in loc.text
    ]
    base = "http://testserver/sitemap-articles.xml"
    assert article_maps == [base, f"{base}?p=2", f"{base}?p=3", f"{base}?p=4"]
    last = valid(
        corpora, "sitemap.xsd", client.get("/sitemap-articles.xml?p=4").content
    )
    assert len(last.findall(f"{SM}url")) == 27


def test_news_sitemap_holds_only_the_last_48_hours(client, db, corpora, settings):
    now = timezone.now()
    fresh = ArticleFactory(
        headline="Fresh & new", published_at=now - timedelta(hours=47)
    )
    ArticleFactory(headline="Old", published_at=now - timedelta(hours=49))
    ArticleFactory(headline="Draft", status=Article.Status.DRAFT)
    ArticleFactory(headline="Future", published_at=now + timedelta(hours=1))
    response = client.get("/news-sitemap.xml")
    urlset = valid(corpora, "news-sitemap-combined.xsd", response.content)
    [url] = urlset.findall(f"{SM}url")
    assert url.findtext(f"{SM}loc") == f"{settings.SITE_URL}{fresh.get_absolute_url()}"
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "The Dateline Times"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}publication_date") == fresh.published_at.isoformat(
        timespec="seconds"
    )
    assert news.findtext(f"{NEWS}title") == "Fresh & new"


def test_news_sitemap_holds_at_most_1000_articles(client, db, corpora):
    section, topic = CategoryFactory(name="World"), TagFactory(name="Topic")
    publish_many(1001, category=section, author=AuthorFactory(), tag=topic)
    urlset = valid(
        corpora, "news-sitemap-combined.xsd", client.get("/news-sitemap.xml").content
    )
    titles = [u.findtext(f"{NEWS}news/{NEWS}title") for u in urlset.iter(f"{SM}url")]
    assert len(titles) == 1000
    assert titles[0] == "Bulk story 0"  # newest first
    assert "Bulk story 1000" not in titles


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "en"),
        ("en-gb", "en"),
        ("pt_BR", "pt"),
        ("zh-TW", "zh-tw"),
        ("zh-cn", "zh-cn"),
    ],
)
def test_news_language_is_spelled_as_google_news_wants(code, expected):
    assert news_language(code) == expected


def test_robots_txt_names_both_sitemaps(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\n"
        "Disallow: /admin/\n"
        "\n"
        "Sitemap: http://127.0.0.1:8000/sitemap.xml\n"
        "Sitemap: http://127.0.0.1:8000/news-sitemap.xml\n"
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/sitemap.xml", 9),  # count and newest change per section
        ("/sitemap-articles.xml", 2),  # count, page
        ("/sitemap-topics.xml", 2),
        ("/news-sitemap.xml", 1),
    ],
)
def test_sitemap_query_count_does_not_grow_with_items(client, db, path, expected):
    section, topic = CategoryFactory(name="World"), TagFactory(name="Topic")
    writer = AuthorFactory(name="Writer")

    def queries_for(count: int) -> int:
        Article.objects.all().delete()
        publish_many(count, category=section, author=writer, tag=topic)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    assert queries_for(3) == expected
    assert queries_for(40) == expected
