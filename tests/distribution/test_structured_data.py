from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from types import SimpleNamespace

import extruct
import lxml.html
import pytest
from django.template import Context, Template

from dateline.content import queries
from dateline.demo.seed import SEED_ARTICLE
from dateline.distribution.structured_data import json_ld, news_article

from ..conftest import CORPORA
from ..factories import ImageFactory

PAYLOADS = (CORPORA / "xss" / "payloads.txt").read_text(encoding="utf-8").splitlines()
SEED_URL = (
    "http://127.0.0.1:8000/2023/10/16/putin-speaks-to-netanyahu-about-gaza-conflict/"
)


def extract(html: bytes | str, *syntaxes: str) -> dict:
    return extruct.extract(
        html, base_url="http://127.0.0.1:8000/", syntaxes=list(syntaxes)
    )


def of_type(items: list[dict], kind: str) -> dict:
    [found] = [item for item in items if item.get("@type") == kind]
    return found


def test_the_seed_page_carries_a_complete_news_article(client, seed_site):
    html = client.get(seed_site.get_absolute_url()).content
    article = of_type(extract(html, "json-ld")["json-ld"], "NewsArticle")
    assert article == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": SEED_ARTICLE["headline"],
        "url": SEED_URL,
        "mainEntityOfPage": {"@type": "WebPage", "@id": SEED_URL},
        "image": ["http://127.0.0.1:8000/static/distribution/share.png"],
        "datePublished": "2023-10-16T16:30:00+00:00",
        "dateModified": "2023-10-16T16:30:00+00:00",
        "author": [
            {
                "@type": "Person",
                "name": "Admin",
                "url": "http://127.0.0.1:8000/author/admin/",
            }
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": "The Dateline Times",
            "url": "http://127.0.0.1:8000/",
            "logo": {
                "@type": "ImageObject",
                "url": "http://127.0.0.1:8000/static/distribution/logo.png",
            },
        },
        "inLanguage": "en",
        "keywords": sorted(SEED_ARTICLE["tags"]),
        "description": article["description"],
        "articleSection": "World",
        "dateline": "Moscow [Russia]",
    }
    assert article["description"].startswith(
        "Russian President Vladimir Putin on Monday"
    )


def test_the_seed_page_has_breadcrumbs_canonical_and_social_cards(client, seed_site):
    html = client.get(seed_site.get_absolute_url()).content
    data = extract(html, "json-ld", "opengraph")
    crumbs = of_type(data["json-ld"], "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "The Dateline Times", "http://127.0.0.1:8000/"),
        (2, "World", "http://127.0.0.1:8000/category/world/"),
        (3, SEED_ARTICLE["headline"], SEED_URL),
    ]
    [og] = data["opengraph"]
    properties = dict(og["properties"])
    assert properties["og:type"] == "article"
    assert properties["og:title"] == SEED_ARTICLE["headline"]
    assert properties["og:url"] == SEED_URL
    assert (
        properties["og:image"] == "http://127.0.0.1:8000/static/distribution/share.png"
    )
    assert properties["article:published_time"] == "2023-10-16T16:30:00+00:00"
    assert properties["article:section"] == "World"
    tags = [v for k, v in og["properties"] if k == "article:tag"]
    assert tags == sorted(SEED_ARTICLE["tags"])
    page = lxml.html.fromstring(html)
    assert page.xpath("//link[@rel='canonical']/@href") == [SEED_URL]
    assert page.xpath("//meta[@name='twitter:card']/@content") == [
        "summary_large_image"
    ]
    assert page.xpath("//meta[@name='twitter:title']/@content") == [
        SEED_ARTICLE["headline"]
    ]


def test_a_featured_image_replaces_the_share_picture(
    client, seed_site, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed_site.featured_image = ImageFactory(alt_text="The Kremlin at dusk")
    seed_site.save(update_fields=["featured_image"])
    html = client.get(seed_site.get_absolute_url()).content
    url = f"http://127.0.0.1:8000/media/{seed_site.featured_image.file.name}"
    article = of_type(extract(html, "json-ld")["json-ld"], "NewsArticle")
    assert article["image"] == [url]
    page = lxml.html.fromstring(html)
    assert page.xpath("//meta[@property='og:image']/@content") == [url]
    assert page.xpath("//meta[@property='og:image:alt']/@content") == [
        "The Kremlin at dusk"
    ]


def test_the_home_page_has_the_site_search_and_feed_links(client, seed_site):
    html = client.get("/").content
    site = of_type(extract(html, "json-ld")["json-ld"], "WebSite")
    assert site["url"] == "http://127.0.0.1:8000/"
    assert site["potentialAction"] == {
        "@type": "SearchAction",
        "target": {
            "@type": "EntryPoint",
            "urlTemplate": "http://127.0.0.1:8000/search/?q={search_term_string}",
        },
        "query-input": "required name=search_term_string",
    }
    page = lxml.html.fromstring(html)
    assert page.xpath("//link[@rel='canonical']/@href") == ["http://127.0.0.1:8000/"]
    assert page.xpath("//link[@rel='alternate']/@type") == [
        "application/rss+xml",
        "application/atom+xml",
    ]
    assert page.xpath("//link[@rel='alternate']/@href") == [
        "http://127.0.0.1:8000/feed/",
        "http://127.0.0.1:8000/feed/atom/",
    ]


def test_corrections_go_out_as_correction_comments(published_article):
    note = SimpleNamespace(
        text="An earlier version misspelt Hanegbi.",
        noted_at=datetime(2023, 10, 17, 9, 0, tzinfo=UTC),
    )
    data = news_article(published_article, corrections=[note])
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version misspelt Hanegbi.",
            "datePublished": "2023-10-17T09:00:00+00:00",
        }
    ]
    assert "correction" not in news_article(published_article)


def test_json_ld_escapes_what_could_end_the_script():
    out = json_ld({"headline": "</script><script>alert(1)</script> & <!--"})
    assert out == (
        '<script type="application/ld+json">{"headline": '
        '"\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E'
        ' \\u0026 \\u003C!--"}</script>'
    )


TAG = Template("{% load distribution %}{% article_structured_data article %}")


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_every_hostile_headline_stays_inside_the_json_ld(published_article, payload):
    article = queries.public_article(slug=published_article.slug)
    article.headline = payload
    html = f"<html><head>{TAG.render(Context({'article': article}))}</head><body><p>end</p></body></html>"
    page = lxml.html.fromstring(html)
    scripts = page.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"] * 2
    assert all("<" not in s.text for s in scripts)
    assert json.loads(scripts[0].text)["headline"] == payload
    assert page.xpath("//body/*") == page.xpath("//body/p")


HTTP_SAMPLE = random.Random(20240601).sample([p for p in PAYLOADS if len(p) <= 300], 25)


@pytest.mark.parametrize("payload", HTTP_SAMPLE, ids=range(len(HTTP_SAMPLE)))
def test_a_hostile_headline_is_inert_on_the_article_page(client, db, payload):
    from ..factories import ArticleFactory

    story = ArticleFactory(headline=payload, slug="hostile")
    html = client.get(story.get_absolute_url()).content
    data = extract(html, "json-ld", "opengraph")
    assert of_type(data["json-ld"], "NewsArticle")["headline"] == payload
    assert dict(data["opengraph"][0]["properties"])["og:title"] == payload
    ld = lxml.html.fromstring(html).xpath("//script[@type='application/ld+json']")
    assert len(ld) == 2


def test_the_article_page_carries_its_corrections_but_not_its_updates(
    client, published_article
):
    from dateline.content.models import Correction

    Correction.objects.create(
        article=published_article,
        kind=Correction.Kind.CORRECTION,
        text="An earlier version misspelt Hanegbi.",
        noted_at=datetime(2023, 10, 17, 9, 0, tzinfo=UTC),
    )
    Correction.objects.create(
        article=published_article,
        kind=Correction.Kind.UPDATE,
        text="The call lasted an hour.",
        noted_at=datetime(2023, 10, 17, 10, 0, tzinfo=UTC),
    )
    html = client.get(published_article.get_absolute_url()).content
    article = of_type(extract(html, "json-ld")["json-ld"], "NewsArticle")
    assert article["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version misspelt Hanegbi.",
            "datePublished": "2023-10-17T09:00:00+00:00",
        }
    ]
