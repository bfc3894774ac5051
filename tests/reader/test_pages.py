import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import html as lxml_html

from dateline.content.models import Article

from ..factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    TagFactory,
    publish_many,
)

pytestmark = pytest.mark.django_db


def _page(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, url
    return lxml_html.fromstring(response.content)


def test_article_page_shows_headline_dateline_byline_and_body(
    client, published_article
):
    published_article.body = "<p>Russian President spoke.</p><p>Second.</p>"
    published_article.save()
    page = _page(client, published_article.get_absolute_url())
    assert page.xpath("string(//h1)") == "Putin speaks to Netanyahu"
    assert page.xpath("string(//span[@class='dateline'])") == "Moscow [Russia]:"
    first = page.xpath("//div[@class='body']/p[1]")[0].text_content()
    assert first == "Moscow [Russia]: Russian President spoke."
    assert page.xpath("//p[@class='byline']/a/text()") == ["Admin"]
    assert page.xpath("//p[@class='byline']/a/@href") == ["/author/admin/"]


def test_article_lists_all_authors_in_billing_order(client, world):
    first, second, third = (AuthorFactory(name=n) for n in ("Zed", "Amy", "Bo"))
    article = ArticleFactory(category=world, authors=[first, second, third])
    page = _page(client, article.get_absolute_url())
    assert page.xpath("string(//p[@class='byline'])") == "By Zed, Amy and Bo"


def test_featured_image_has_alt_text_and_credit(client, world):
    article = ArticleFactory(category=world, featured_image=ImageFactory())
    page = _page(client, article.get_absolute_url())
    figure = page.xpath("//article[@class='story']/figure")[0]
    assert figure.xpath("img/@alt") == ["A street in the rain"]
    assert (
        figure.xpath("string(.//span[@class='credit'])") == "Photo: Jane Photographer"
    )


def test_article_url_with_wrong_date_redirects_permanently(client, published_article):
    response = client.get(f"/1999/01/01/{published_article.slug}/")
    assert response.status_code == 301
    assert response["Location"] == published_article.get_absolute_url()


@pytest.mark.parametrize(
    "status",
    [Article.Status.DRAFT, Article.Status.IN_REVIEW, Article.Status.SCHEDULED,
     Article.Status.UNPUBLISHED],
)  # fmt: skip
def test_unpublished_articles_are_not_found(client, world, status):
    article = ArticleFactory(category=world, status=status)
    _page(client, article.get_absolute_url(), status=404)
    assert article.headline not in client.get("/").content.decode()


def test_future_published_article_is_not_public_yet(client, world):
    article = ArticleFactory(
        category=world, published_at=timezone.now() + timedelta(hours=1)
    )
    _page(client, article.get_absolute_url(), status=404)


def test_recent_posts_lists_six_newest_others_with_teaser_and_time(client, world):
    older = ArticleFactory(
        category=world, published_at=timezone.now() - timedelta(days=9)
    )
    newest = [
        ArticleFactory(
            category=world,
            published_at=timezone.now() - timedelta(days=1, minutes=n),
            body="<p>" + " ".join(f"word{i}" for i in range(30)) + "</p>",
        )
        for n in range(7)
    ]
    page = _page(client, newest[0].get_absolute_url())
    items = page.xpath("//aside[@class='recent-posts']//li")
    assert len(items) == 6
    titles = [item.xpath("string(.//h3/a)") for item in items]
    assert titles == [a.headline for a in newest[1:7]]
    assert older.headline not in titles
    teaser = items[0].xpath("string(.//p[@class='teaser'])")
    assert teaser == " ".join(f"word{i}" for i in range(15)) + "…"
    assert items[0].xpath("string(.//time)") == "1 day ago"
    assert items[0].xpath(".//time/@datetime")[0].endswith("+00:00")


def test_home_has_lead_latest_and_a_section_per_category(client):
    sections = [
        CategoryFactory(name=name, position=position)
        for position, name in enumerate(["World", "Sports"])
    ]
    for n, section in enumerate(sections * 3):
        ArticleFactory(
            category=section, published_at=timezone.now() - timedelta(hours=n + 1)
        )
    page = _page(client, "/")
    lead = page.xpath("//article[@class='lead-story']//h2/a/text()")
    assert lead == [Article.objects.published().first().headline]
    headings = page.xpath("//section[@class='section']/h2/a/text()")
    assert headings == ["World", "Sports"]
    assert len(page.xpath("//section[@class='section'][1]//article")) == 3


@pytest.mark.parametrize("kind", ["category", "tag", "author"])
def test_list_pages_show_their_articles_and_paginate(client, settings, kind):
    settings.ARTICLES_PER_PAGE = 5
    section, person, topic = CategoryFactory(), AuthorFactory(), TagFactory()
    publish_many(12, category=section, author=person, tag=topic)
    slug = {"category": section.slug, "author": person.slug, "tag": topic.slug}[kind]
    first = _page(client, f"/{kind}/{slug}/")
    assert len(first.xpath("//main//article")) == 5
    assert first.xpath("//a[@rel='next']/@href") == [f"/{kind}/{slug}/page/2/"]
    last = _page(client, f"/{kind}/{slug}/page/3/")
    assert len(last.xpath("//main//article")) == 2
    assert last.xpath("//a[@rel='prev']/@href") == [f"/{kind}/{slug}/page/2/"]
    assert last.xpath("//a[@rel='next']") == []
    second = _page(client, f"/{kind}/{slug}/page/2/")
    assert second.xpath("//a[@rel='prev']/@href") == [f"/{kind}/{slug}/"]


@pytest.mark.parametrize(
    ("_case", "suffix", "status"),
    [
        ("page zero", "page/0/", 404),
        ("past the last page", "page/4/", 404),
        ("far past the last page", "page/99999999999999999999/", 404),
        ("non-numeric page", "page/two/", 404),
        ("negative page", "page/-1/", 404),
    ],
)
def test_pagination_edges_are_404_never_500(client, settings, _case, suffix, status):
    settings.ARTICLES_PER_PAGE = 5
    section = CategoryFactory(name="World")
    publish_many(12, category=section, author=AuthorFactory(), tag=TagFactory())
    assert client.get(f"/category/world/{suffix}").status_code == status


def test_empty_category_is_an_empty_page_not_an_error(client):
    CategoryFactory(name="Quiet")
    page = _page(client, "/category/quiet/")
    assert page.xpath("string(//p[@class='empty'])") == "No articles here yet."


def test_archives_list_by_year_month_and_day(client, world):
    article = ArticleFactory(category=world)
    ArticleFactory(
        category=world, published_at=article.published_at - timedelta(days=2)
    )
    day = timezone.localtime(article.published_at)
    page = _page(client, f"/{day.year}/{day.month:02d}/{day.day:02d}/")
    assert page.xpath("//main//article//h2/a/text()") == [article.headline]
    assert page.xpath("string(//h1)") == f"{day.day} {day:%B} {day.year}"
    _page(client, f"/{day.year}/13/", status=404)
    _page(client, f"/{day.year}/02/30/", status=404)


@pytest.mark.parametrize(
    ("stories", "shown"),
    [(3, 6), (20, 6), (20, 9), (20, 12), (9, 12)],
)
def test_home_page_recent_posts_are_the_newest_however_many_are_asked_for(
    client, world, settings, stories, shown
):
    # The home page reuses its own newest stories for Recent Posts when it
    # has read enough of them; the list must not change either way.
    settings.RECENT_POSTS_COUNT = shown
    for n in range(stories):
        ArticleFactory(
            category=world, published_at=timezone.now() - timedelta(hours=n + 1)
        )
    expected = [a.headline for a in Article.objects.published()[:shown]]
    page = _page(client, "/")
    titles = page.xpath("//aside[@class='recent-posts']//h3/a/text()")
    assert titles == expected


def test_404_page_has_the_site_look_and_recent_posts(client, published_article):
    page = _page(client, "/no/such/page/", status=404)
    assert page.xpath("string(//h1)") == "Page not found"
    assert page.xpath("//aside[@class='recent-posts']//h3/a/text()") == [
        published_article.headline
    ]


LIST_URLS = ["/", "/latest/", "/category/world/", "/tag/t/", "/author/a/",
             "/category/world/page/2/", "{article}"]  # fmt: skip


def test_query_counts_stay_flat_from_10_to_1000_articles(client, settings):
    settings.ARTICLES_PER_PAGE = 5
    section = CategoryFactory(name="World")
    author, topic = AuthorFactory(name="A", slug="a"), TagFactory(name="T", slug="t")
    CategoryFactory(name="Sports")
    publish_many(10, category=section, author=author, tag=topic)
    article = Article.objects.published().first()

    def counts() -> dict[str, int]:
        result = {}
        for url in LIST_URLS:
            url = url.format(article=article.get_absolute_url())
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            result[url] = len(queries)
        return result

    small = counts()
    publish_many(990, category=CategoryFactory(name="Sports"), author=author, tag=topic)
    assert counts() == small
    # Pinned: navigation, recent posts (+authors), and the page's own reads;
    # the home page's Recent Posts are its own newest stories, read once.
    assert small["/"] == 5
    assert small[article.get_absolute_url()] == 7


def test_featured_image_offers_its_renditions_as_srcset(client, world):
    from dateline.content.models.media import Rendition

    image = ImageFactory()
    for width in (320, 640):
        Rendition.objects.create(
            image=image, width=width, height=width * 3 // 4, file=f"r/{width}.jpg"
        )
    article = ArticleFactory(category=world, featured_image=image)
    page = _page(client, article.get_absolute_url())
    assert page.xpath("//article[@class='story']/figure/img/@srcset") == [
        "/media/r/320.jpg 320w, /media/r/640.jpg 640w"
    ]


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(
    client, published_article
):
    page = client.get("/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page)
    assert icon is not None
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, icon.group(1))
    assert icon.group(1).endswith("/reader/favicon.svg")
    found = finders.find("reader/favicon.svg")
    assert Path(found).read_bytes().startswith(b"<svg")
