from datetime import UTC, datetime

import pytest
from lxml import html as lxml_html

from dateline.content.models import Article
from dateline.demo.loader import ARCHIVE_SIZE, demo_load, demo_reset
from dateline.demo.recent import RECENT_POSTS
from dateline.demo.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_demo_loads_once_and_only_once():
    assert demo_load(now=NOW) is True
    count = Article.objects.count()
    assert count == 1 + len(RECENT_POSTS) + ARCHIVE_SIZE
    assert demo_load(now=NOW) is False
    assert Article.objects.count() == count


def test_demo_reset_reloads_the_same_site():
    demo_load(now=NOW)
    Article.objects.filter(slug=SEED_SLUG).update(headline="Changed")
    demo_reset(now=NOW)
    assert Article.objects.get(slug=SEED_SLUG).headline.startswith("Putin Speaks")
    assert Article.objects.count() == 1 + len(RECENT_POSTS) + ARCHIVE_SIZE


def test_seed_article_is_the_seed_page_story(client):
    demo_load()
    seed = Article.objects.get(slug=SEED_SLUG)
    assert seed.dateline == "Moscow [Russia]"
    assert seed.category.slug == "world"
    assert [a.slug for a in seed.byline] == ["admin"]
    assert seed.published_at == datetime(2023, 10, 16, 16, 30, tzinfo=UTC)
    assert seed.published_at.strftime("%A") == "Monday"
    response = client.get(seed.get_absolute_url())
    page = lxml_html.fromstring(response.content)
    assert page.xpath("string(//h1)") == (
        "Putin Speaks To Netanyahu About Gaza Conflict, Promises Measures To "
        "Prevent Escalation"
    )
    body = page.xpath("//div[@class='body']")[0]
    assert body.xpath("string(p[1])").startswith(
        "Moscow [Russia]: Russian President Vladimir Putin on Monday spoke"
    )
    post = body.xpath("figure[@class='social-post social-post-x']")[0]
    assert post.xpath(".//a[text()='#Putin']/@href") == ["https://x.com/hashtag/Putin"]
    assert post.xpath(".//a[text()='@netanyahu']/@href") == ["https://x.com/netanyahu"]
    kremlin = body.xpath("string(blockquote)")
    assert kremlin.startswith("“The Israeli side was in particular informed")
    assert kremlin.endswith("the Kremlin said in a statement.")
    assert body.xpath("string(p[last()])").startswith("Hanegbi said that")


def test_seed_page_sidebar_reads_like_the_seed(client):
    demo_load()
    response = client.get(Article.objects.get(slug=SEED_SLUG).get_absolute_url())
    items = lxml_html.fromstring(response.content).xpath(
        "//aside[@class='recent-posts']//li"
    )
    assert [i.xpath("string(.//h3)") for i in items] == [
        p["headline"] for p in RECENT_POSTS
    ]
    assert [i.xpath("string(.//time)") for i in items] == [
        "1 day ago", "1 day ago", "2 days ago", "2 days ago", "2 days ago", "2 days ago"
    ]  # fmt: skip
    assert items[0].xpath("string(.//p)") == (
        "In a high-profile appearance for the finale week of Kaun Banega "
        "Crorepati (KBC) Season 17,…"
    )
    assert items[4].xpath("string(.//p)") == (
        "The Central government on Friday expressed strong opposition to a "
        "Public Interest Litigation (PIL) filed…"
    )


def test_front_page_leads_with_recent_posts_then_the_seed_then_the_archive(client):
    demo_load(now=NOW)
    newest = list(Article.objects.published()[: len(RECENT_POSTS) + 2])
    assert {a.headline for a in newest[:6]} == {p["headline"] for p in RECENT_POSTS}
    assert newest[6].slug == SEED_SLUG
    assert newest[7].published_at < newest[6].published_at
    page = lxml_html.fromstring(client.get("/").content)
    assert page.xpath(f"//main//a[contains(@href, '{SEED_SLUG}')]")
    for url in ("/category/world/", "/author/admin/", "/latest/"):
        page = lxml_html.fromstring(client.get(url).content)
        assert page.xpath("//a[@rel='next']"), url
