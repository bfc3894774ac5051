from datetime import UTC, datetime, timedelta
from html import escape

import pytest
from django.utils import timezone

from dateline.content.models import Article, Revision
from dateline.demo.seed import SEED_ARTICLE
from dateline.ingest.formats import WireItem
from dateline.ingest.formats.items import wire_item
from dateline.ingest.models import IngestRun, Source, WireLink
from dateline.ingest.services import document_ingest, item_ingest, source_run
from dateline.publishing.events import article_published
from tests.factories import AuthorFactory, CategoryFactory

from .test_datelines import SEED_LEAD


def rss(*items: dict[str, str]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{i['link']}</link>"
        f"<guid>{i['guid']}</guid><pubDate>{i.get('date', 'Mon, 16 Oct 2023 16:30:00 GMT')}</pubDate>"
        f"<description>{escape(i['body'])}</description></item>"
        for i in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{entries}</channel></rss>'.encode()


SEED_BODY = (
    f"<p>{SEED_LEAD} and briefed him.</p>" + SEED_ARTICLE["body"].split("</p>", 1)[1]
)
SEED_ITEM = {
    "title": SEED_ARTICLE["headline"],
    "link": "https://wire.example/ani/putin-netanyahu",
    "guid": "ani-2023-10-16-putin",
    "body": SEED_BODY,
}


def test_good_feed_queues_every_item_for_review(db, corpora):
    run = document_ingest(
        data=(corpora / "feeds/good/guardian.rss").read_bytes(), label="guardian"
    )
    assert (run.status, run.created, run.updated, run.skipped, run.failed) == (
        "ok",
        55,
        0,
        0,
        0,
    )
    assert Article.objects.count() == 55
    assert Article.objects.filter(status=Article.Status.IN_REVIEW).count() == 55
    article = Article.objects.get(
        headline="Trump State of the Union address promised unity but emphasized discord"
    )
    assert [a.name for a in article.byline] == ["David Smith in Washington"]
    assert WireLink.objects.get(article=article).image_url.startswith(
        "https://i.guim.co.uk/"
    )


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in (__import__("tests.conftest").conftest.CORPORA / "feeds/bad").iterdir()
    ),
)
def test_bad_feed_ends_in_a_clear_error_and_stores_nothing(db, corpora, name):
    run = document_ingest(data=(corpora / "feeds/bad" / name).read_bytes(), label=name)
    assert run.status == IngestRun.Status.FAILED
    assert run.error.startswith("The document ")
    assert Article.objects.exists() is False
    assert WireLink.objects.exists() is False


def test_publish_sanitizes_takes_the_dateline_out_and_makes_it_public(
    db, django_capture_on_commit_callbacks
):
    hostile = dict(
        SEED_ITEM, body=SEED_BODY + '<p onclick="x()">More<script>alert(1)</script></p>'
    )
    sent = []

    def heard(sender, *, article, **_):
        sent.append(article.pk)

    article_published.connect(heard)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run = document_ingest(data=rss(hostile), publish=True)
    finally:
        article_published.disconnect(heard)
    assert run.created == 1
    article = Article.objects.get()
    assert article.dateline == "Moscow [Russia]"
    assert article.body.startswith("<p>Russian President Vladimir Putin on Monday")
    assert "script" not in article.body and "onclick" not in article.body
    assert article.is_public is True
    assert article.published_at == datetime(2023, 10, 16, 16, 30, tzinfo=UTC)
    assert sent == [article.pk]  # once, through publishing


def test_the_seed_twice_by_rss_and_reworded_from_a_second_source_is_one_article(db):
    first = Source.objects.create(name="ANI", slug="ani")
    second = Source.objects.create(name="Other wire", slug="other")
    document_ingest(data=rss(SEED_ITEM), source=first)
    again = document_ingest(data=rss(SEED_ITEM), source=first)
    reworded = {
        "title": "Putin tells Netanyahu Russia will work to prevent escalation in Gaza",
        "link": "https://other.example/world/putin-call",
        "guid": "other-98765",
        "body": SEED_BODY.replace("on Monday", "on Monday evening")
        .replace("bloodshed", "violence")
        .replace("Moscow [Russia]:", "MOSCOW, Oct 16 (Reuters) -"),
    }
    other = document_ingest(data=rss(reworded), source=second)
    assert (again.created, again.skipped) == (0, 1)
    assert (other.created, other.skipped) == (0, 1)
    assert Article.objects.count() == 1
    assert WireLink.objects.count() == 2
    article = Article.objects.get()
    assert other.problems == [
        {
            "item": "other-98765",
            "kind": "skipped",
            "reason": f"is the same story as article {article.pk}, by its wording",
        }
    ]


def test_a_different_story_is_not_taken_for_the_seed(db):
    document_ingest(data=rss(SEED_ITEM))
    other = dict(
        SEED_ITEM,
        guid="ani-2",
        link="https://wire.example/ani/2",
        title="Monsoon rains flood Kerala",
        body="<p>"
        + " ".join(
            f"Heavy rain fell on district {n} of Kerala on Monday." for n in range(12)
        )
        + "</p>",
    )
    run = document_ingest(data=rss(other))
    assert run.created == 1
    assert Article.objects.count() == 2


def test_a_newer_version_updates_the_article_and_keeps_a_revision(db, corpora):
    item = wire_item(
        guid="urn:dpa:1",
        headline="First take",
        body_html="<p>BERLIN (dpa) - Erste Fassung.</p>",
        version=1,
    )
    created = item_ingest(item=item)
    assert created.action == "created"
    assert created.article.dateline == "BERLIN"
    older = item_ingest(
        item=WireItem(
            guid="urn:dpa:1", headline="Old", body_html="<p>Old</p>", version=1
        )
    )
    assert (older.action, older.reason) == ("skipped", "is already here (version 1)")
    updated = item_ingest(
        item=WireItem(
            guid="urn:dpa:1",
            headline="Second take",
            body_html="<p>Zweite Fassung.</p>",
            version=2,
        )
    )
    assert updated.action == "updated"
    article = Article.objects.get()
    assert (article.headline, article.body, article.version) == (
        "Second take",
        "<p>Zweite Fassung.</p>",
        2,
    )
    assert WireLink.objects.get().version == 2
    assert list(
        Revision.objects.filter(article=article).values_list("action", flat=True)
    ) == ["save", "create"]


def test_embargoed_item_is_scheduled_not_published(db, corpora):
    embargo = timezone.now() + timedelta(hours=3)
    item = WireItem(
        guid="g", headline="Embargoed", body_html="<p>Text</p>", embargoed_until=embargo
    )
    article = item_ingest(item=item, publish=True).article
    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED
    assert article.published_at == embargo
    assert article.embargo_until == embargo
    assert article.is_public is False


def test_future_dated_item_is_published_at_arrival_with_a_note(db):
    now = timezone.now()
    item = WireItem(
        guid="g",
        headline="From the future",
        body_html="<p>Text</p>",
        published_at=now + timedelta(days=2),
    )
    outcome = item_ingest(item=item, publish=True, now=now)
    assert outcome.article.published_at == now
    assert outcome.notes[0].startswith("is dated in the future (")


@pytest.mark.parametrize(
    ("_case", "item", "reason"),
    [
        (
            "picture",
            WireItem(guid="p", headline="Photo", body_html="", kind="picture"),
            "is not a text story (picture)",
        ),
        (
            "no headline",
            WireItem(guid="h", headline="", body_html="<p>x</p>"),
            "has no headline",
        ),
        (
            "no text",
            WireItem(guid="t", headline="Head", body_html="<p> </p>"),
            "has no text",
        ),
    ],
)
def test_items_that_cannot_be_articles_are_skipped(db, _case, item, reason):
    outcome = item_ingest(item=item)
    assert (outcome.action, outcome.reason) == ("skipped", reason)
    assert Article.objects.exists() is False


def test_ninjs_and_newsml_examples_import_with_headline_dateline_times_and_byline(
    db, corpora
):
    run = document_ingest(
        data=(
            corpora / "ninjs/doc-examples-3.1/004_simple_text_article.json"
        ).read_bytes()
    )
    ninjs = Article.objects.get()
    assert run.created == 1
    assert (ninjs.headline, ninjs.dateline) == (
        "Captain of wrecked cruise ship on trial in Italy",
        "GROSSETO, Italy",
    )
    assert [a.name for a in ninjs.byline] == ["Paulo Santalucia", "Frances d'Emilio"]
    assert ninjs.body.startswith("<p>The trial of the captain")
    run = document_ingest(
        data=(corpora / "newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml").read_bytes(),
        publish=True,
    )
    g2 = Article.objects.exclude(pk=ninjs.pk).get()
    assert (g2.headline, g2.dateline) == (
        'Fed to halt QE to avert "bubble"',
        "New York, NY, October 21",
    )
    assert [a.name for a in g2.byline] == ["Meredith Jameson"]
    assert g2.published_at == datetime(2016, 11, 21, 20, 21, 6, tzinfo=UTC)
    assert g2.body.count("<p>") == 2


def test_rejected_items_fail_the_run_without_storing(db, corpora):
    run = document_ingest(
        data=(corpora / "newsml-g2/invalid/001_incomplete_file.xml").read_bytes()
    )
    assert (run.status, run.failed) == ("failed", 1)
    assert run.problems == [
        {
            "item": "invalid-document",
            "kind": "failed",
            "reason": "has no itemMeta: the item is incomplete",
        }
    ]
    assert Article.objects.exists() is False


def test_large_atom_and_rss_of_the_same_posts_yield_25_articles(db, corpora):
    document_ingest(data=(corpora / "feeds/good/large_atom.xml").read_bytes())
    run = document_ingest(data=(corpora / "feeds/good/large_rss.xml").read_bytes())
    # Same GUIDs; the RSS copy's text differs, so it counts as an update.
    assert (run.created, run.updated, run.skipped) == (0, 25, 0)
    assert Article.objects.count() == 25


def test_source_run_uses_defaults_records_the_run_and_asks_conditionally(
    db, feed_server
):
    section = CategoryFactory(name="Wire")
    desk = AuthorFactory(name="Wire desk")
    source = Source.objects.create(
        name="Local",
        slug="local",
        url=feed_server.url("koi8r.xml"),
        is_internal=True,
        default_category=section,
        default_author=desk,
        rule=Source.Rule.PUBLISH,
    )
    run = source_run(source=source)
    assert (run.status, run.created) == ("ok", 2)
    article = Article.objects.get(headline="Первая новость")
    assert (article.category, list(article.byline), article.status) == (
        section,
        [desk],
        "published",
    )
    source.refresh_from_db()
    assert (source.last_status, source.etag) == (
        "ok",
        f'"{(feed_server.files["koi8r.xml"]).stat().st_size}"',
    )
    second = source_run(source=source)
    assert (second.status, second.created) == ("not-modified", 0)


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("error/404", "The server answered 404 Not Found."),
        ("error/500", "The server answered 500 Internal Server Error."),
        ("loop", "The address redirects more than 5 times (a redirect loop?)."),
        ("big", "The document is larger than the 10 MB limit."),
        (
            "xmlbomb.xml",
            "The document declares XML entities or fetches external ones; it is refused for safety.",
        ),
    ],
)
def test_hostile_source_ends_with_a_clear_status_and_others_are_untouched(
    db, feed_server, path, error
):
    good = Source.objects.create(
        name="Good", slug="good", url=feed_server.url("koi8r.xml"), is_internal=True
    )
    bad = Source.objects.create(
        name="Bad", slug="bad", url=feed_server.url(path), is_internal=True
    )
    run = source_run(source=bad)
    assert (run.status, run.error) == ("failed", error)
    bad.refresh_from_db()
    assert (bad.last_status, bad.last_error) == ("failed", error)
    assert Article.objects.exists() is False
    assert source_run(source=good).created == 2


def test_a_source_not_marked_internal_cannot_reach_loopback(db, feed_server):
    source = Source.objects.create(
        name="Sneaky", slug="sneaky", url=feed_server.url("koi8r.xml")
    )
    run = source_run(source=source)
    assert run.status == "failed"
    assert run.error.endswith("only a source marked internal may fetch from it.")
    assert feed_server.served == {}


def test_drop_folder_reads_each_file_once(db, corpora, tmp_path):
    (tmp_path / "a.json").write_bytes(
        (corpora / "ninjs/examples-2.1/dpa_text.json").read_bytes()
    )
    (tmp_path / "b.xml").write_bytes((corpora / "feeds/bad/xmlbomb.xml").read_bytes())
    source = Source.objects.create(
        name="Drop", slug="drop", kind=Source.Kind.FOLDER, folder=str(tmp_path)
    )
    run = source_run(source=source)
    assert (run.status, run.created) == ("partial", 1)
    assert run.error.startswith("b.xml: The document declares XML entities")
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == ["a.json"]
    assert sorted(p.name for p in (tmp_path / "failed").iterdir()) == ["b.xml"]
    assert source_run(source=source).created == 0
