from __future__ import annotations

from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from dateline.content.models import Article, ArticleAuthor
from dateline.demo.seed import SEED_ARTICLE
from dateline.distribution.addresses import article_guid

from ..factories import (
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    TagFactory,
    publish_many,
)
from .feed_rules import atom_problems, rss_problems

FEEDS = [
    ("/feed/", "rss"),
    ("/feed/atom/", "atom"),
    ("/category/world/feed/", "rss"),
    ("/category/world/feed/atom/", "atom"),
    ("/tag/gaza/feed/", "rss"),
    ("/tag/gaza/feed/atom/", "atom"),
    ("/author/admin/feed/", "rss"),
    ("/author/admin/feed/atom/", "atom"),
]
MEDIA = "{http://search.yahoo.com/mrss/}"


@pytest.fixture
def pictured_seed(seed_site, settings, tmp_path):
    """The seed with a picture and a second author, so every element appears."""
    settings.MEDIA_ROOT = tmp_path
    seed_site.featured_image = ImageFactory(alt_text="The Kremlin at dusk")
    seed_site.save(update_fields=["featured_image"])
    ArticleAuthor.objects.create(
        article=seed_site, author=AuthorFactory(name="Jane Reporter"), position=1
    )
    return seed_site


def seed_entry(parsed, seed):
    [entry] = [e for e in parsed.entries if e.title == seed.headline]
    return entry


@pytest.mark.parametrize(("path", "kind"), FEEDS)
def test_every_feed_parses_cleanly_and_meets_its_standard(
    client, pictured_seed, corpora, path, kind
):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == f"application/{kind}+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert seed_entry(parsed, pictured_seed).id == article_guid(pictured_seed)
    if kind == "rss":
        assert rss_problems(response.content) == []
    else:
        assert atom_problems(response.content, corpora / "schemas" / "atom.rng") == []


def test_the_seed_article_is_in_the_latest_feed_with_its_date(
    client, seed_site, settings
):
    parsed = feedparser.parse(client.get("/feed/").content)
    entry = seed_entry(parsed, seed_site)
    assert entry.published == "Mon, 16 Oct 2023 16:30:00 +0000"
    assert tuple(entry.published_parsed)[:6] == (2023, 10, 16, 16, 30, 0)
    assert entry.link == f"{settings.SITE_URL}/2023/10/16/{seed_site.slug}/"
    assert entry.guidislink is False
    assert entry.author == "Admin"
    assert [t.term for t in entry.tags] == ["World", *sorted(SEED_ARTICLE["tags"])]
    assert parsed.feed.title == settings.SITE_NAME
    assert parsed.feed.language == "en"


def test_atom_entries_carry_publication_and_update_times(client, seed_site):
    seed_site.updated_at = seed_site.published_at + timedelta(hours=2)
    seed_site.save(update_fields=["updated_at"])
    entry = seed_entry(feedparser.parse(client.get("/feed/atom/").content), seed_site)
    assert entry.published == "2023-10-16T16:30:00+00:00"
    assert entry.updated == "2023-10-16T18:30:00+00:00"


def test_every_author_appears_in_both_formats(client, pictured_seed):
    rss = etree.fromstring(client.get("/feed/").content)
    [item] = [
        i for i in rss.iter("item") if i.findtext("title") == pictured_seed.headline
    ]
    creators = item.findall("{http://purl.org/dc/elements/1.1/}creator")
    assert [c.text for c in creators] == ["Admin", "Jane Reporter"]
    atom = feedparser.parse(client.get("/feed/atom/").content)
    entry = seed_entry(atom, pictured_seed)
    assert [(a.name, a.href) for a in entry.authors] == [
        ("Admin", "http://127.0.0.1:8000/author/admin/"),
        ("Jane Reporter", "http://127.0.0.1:8000/author/jane-reporter/"),
    ]


def test_the_featured_image_goes_out_as_enclosure_and_media_content(
    client, pictured_seed, settings
):
    image = pictured_seed.featured_image
    rss = etree.fromstring(client.get("/feed/").content)
    [item] = [
        i for i in rss.iter("item") if i.findtext("title") == pictured_seed.headline
    ]
    enclosure = item.find("enclosure")
    url = f"{settings.SITE_URL}/media/{image.file.name}"
    assert enclosure.attrib == {
        "url": url,
        "length": str(image.file.size),
        "type": "image/jpeg",
    }
    media = item.find(f"{MEDIA}content")
    assert media.attrib == {
        "url": url,
        "medium": "image",
        "type": "image/jpeg",
        "width": "64",
        "height": "48",
    }
    assert media.findtext(f"{MEDIA}description") == "The Kremlin at dusk"
    assert media.findtext(f"{MEDIA}credit") == "Photo: Jane Photographer"
    entry = seed_entry(
        feedparser.parse(client.get("/feed/atom/").content), pictured_seed
    )
    assert [(e.href, e.type) for e in entry.enclosures] == [(url, "image/jpeg")]


def test_full_text_carries_the_body_and_the_dateline(client, seed_site, settings):
    settings.FEED_FULL_TEXT = True
    entry = seed_entry(feedparser.parse(client.get("/feed/").content), seed_site)
    [content] = entry.content
    assert content.value.startswith(
        "<p><strong>Moscow [Russia]:</strong> Russian President Vladimir Putin on Monday"
    )
    assert "approved a plan to \u201cdestroy\u201d Hamas" in content.value
    assert entry.summary.startswith("Russian President Vladimir Putin on Monday spoke")
    assert len(entry.summary) <= 300


def test_excerpt_only_when_full_text_is_off(client, seed_site, settings):
    settings.FEED_FULL_TEXT = False
    for path in ("/feed/", "/feed/atom/"):
        entry = seed_entry(feedparser.parse(client.get(path).content), seed_site)
        assert "content" not in entry
        assert entry.summary.startswith("Russian President Vladimir Putin on Monday")


def test_a_repeat_request_with_the_etag_gets_304(client, seed_site):
    first = client.get("/feed/")
    etag = first["ETag"]
    assert first.status_code == 200
    again = client.get("/feed/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    since = client.get("/feed/", headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_head_answers_with_the_same_validators_and_no_body(client, seed_site):
    get = client.get("/category/world/feed/atom/")
    head = client.head("/category/world/feed/atom/")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Last-Modified"] == get["Last-Modified"]


def test_a_public_change_gives_a_new_etag(client, seed_site):
    etag = client.get("/feed/")["ETag"]
    seed_site.headline = "Putin and Netanyahu speak again"
    seed_site.updated_at = timezone.now()
    seed_site.save()
    response = client.get("/feed/", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_the_guid_survives_a_new_headline_and_slug(client, seed_site):
    guid = seed_entry(feedparser.parse(client.get("/feed/").content), seed_site).id
    seed_site.headline = "Putin and Netanyahu discuss Gaza"
    seed_site.slug = "putin-netanyahu-gaza"
    seed_site.save()
    entry = seed_entry(feedparser.parse(client.get("/feed/").content), seed_site)
    assert (
        entry.id
        == guid
        == f"tag:127.0.0.1,{seed_site.created_at:%Y-%m-%d}:article/{seed_site.pk}"
    )


def test_drafts_and_future_articles_stay_out(client, db):
    section = CategoryFactory(name="World")
    from ..factories import ArticleFactory

    ArticleFactory(headline="Public story", category=section)
    ArticleFactory(
        headline="Draft story", category=section, status=Article.Status.DRAFT
    )
    ArticleFactory(
        headline="Embargoed story",
        category=section,
        published_at=timezone.now() + timedelta(hours=1),
    )
    parsed = feedparser.parse(client.get("/category/world/feed/").content)
    assert [e.title for e in parsed.entries] == ["Public story"]


def test_the_seed_is_in_its_topic_feed_on_todays_demo(client, demo_site):
    parsed = feedparser.parse(client.get("/tag/benjamin-netanyahu/feed/").content)
    assert [e.title for e in parsed.entries] == [demo_site.headline]


@pytest.mark.parametrize(
    "path",
    ["/category/nowhere/feed/", "/tag/nowhere/feed/atom/", "/author/nobody/feed/"],
)
def test_an_unknown_list_has_no_feed(client, db, path):
    assert client.get(path).status_code == 404


def test_feeds_answer_only_safe_methods(client, seed_site):
    assert client.post("/feed/").status_code == 405


@pytest.mark.parametrize(
    "path", ["/feed/", "/tag/topic/feed/atom/", "/author/writer/feed/"]
)
def test_feed_query_count_does_not_grow_with_items(client, db, path):
    section, topic = CategoryFactory(name="World"), TagFactory(name="Topic")
    writer = AuthorFactory(name="Writer")

    def queries_for(count: int) -> int:
        Article.objects.all().delete()
        publish_many(count, category=section, author=writer, tag=topic)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    # State aggregate, list lookup (not on /feed/), articles, authors, tags.
    expected = 4 if path == "/feed/" else 5
    assert queries_for(3) == expected
    assert queries_for(30) == expected
