from datetime import UTC, datetime

import pytest

from dateline.ingest.formats import parse_document
from dateline.ingest.formats.rss import parse_rss

# Item counts from the corpus README, one case per RSS file.
RSS_COUNTS = {
    "guardian.rss": 55,
    "aktuality.rss": 30,
    "macworld.rss": 30,
    "medscape.rss": 20,
    "encoding_ISO-8859-1.xml": 40,
    "encoding_WINDOWS-1251.xml": 50,
    "koi8r.xml": 2,
    "kc0011.rss": 20,
    "HuffPostCanada.xml": 2,
    "customfields.rss": 15,
    "reddit.rss": 24,
    "cloudblog.rss": 20,
    "scriptingNews.rss": 50,
    "itunes_feedburner.xml": 3,
    "content-encoded.rss": 7,
    "a10.xml": 5,
    "heraldsun.rss": 2,
    "bio.rdf": 30,
    "rss-1.rss": 69,
    "rdf_UTF8.xml": 60,
    "large_rss.xml": 25,
}


def read(corpora, name):
    return (corpora / "feeds/good" / name).read_bytes()


@pytest.mark.parametrize(("name", "count"), RSS_COUNTS.items(), ids=list(RSS_COUNTS))
def test_every_item_of_a_good_feed_is_accounted_for(corpora, name, count):
    parsed = parse_rss(read(corpora, name))
    assert parsed.format == "rss"
    assert len(parsed.items) + len(parsed.rejected) == count
    assert all(item.headline and "<" not in item.headline for item in parsed.items)


@pytest.mark.parametrize("name", RSS_COUNTS, ids=list(RSS_COUNTS))
def test_sniffing_picks_rss(corpora, name):
    assert parse_document(read(corpora, name)).format == "rss"


def test_guardian_item(corpora):
    item = parse_rss(read(corpora, "guardian.rss")).items[0]
    assert (
        item.headline
        == "Trump State of the Union address promised unity but emphasized discord"
    )
    assert item.byline == ("David Smith in Washington",)
    assert item.published_at == datetime(2018, 1, 31, 7, 26, 5, tzinfo=UTC)
    assert item.url.startswith("https://www.theguardian.com/us-news/2018/jan/31/")
    assert len(item.images) == 2


def test_slovak_diacritics_survive(corpora):
    assert (
        parse_rss(read(corpora, "aktuality.rss")).title
        == "Aktuality.sk - aktuálne spravodajstvo"
    )


def test_windows_1251_and_koi8r_decode(corpora):
    assert parse_rss(read(corpora, "koi8r.xml")).title == "Пример RSS ленты"
    assert parse_rss(read(corpora, "encoding_WINDOWS-1251.xml")).title == "iBash.Org.Ru"


def test_gb2312_feed_is_transcoded(corpora):
    parsed = parse_rss(read(corpora, "kc0011.rss"))
    assert parsed.items[0].headline == "建国35周年纪念，华表，和平鸽"
    assert parsed.items[0].published_at == datetime(2020, 1, 10, 14, 33, tzinfo=UTC)


def test_named_zone_with_double_space(corpora):
    item = parse_rss(read(corpora, "medscape.rss")).items[0]
    assert item.published_at == datetime(2025, 11, 5, 18, 52, 10, tzinfo=UTC)


def test_channel_title_is_trimmed(corpora):
    assert (
        parse_rss(read(corpora, "HuffPostCanada.xml")).title
        == "HuffPost Canada - Athena2 - All Posts"
    )


def test_untitled_items_get_a_headline_and_duplicate_guids_are_refused(corpora):
    parsed = parse_rss(read(corpora, "scriptingNews.rss"))
    assert len(parsed.items) == 48
    assert [r.reason for r in parsed.rejected] == [
        "repeats a GUID already in this document"
    ] * 2
    # Untitled items take their first words (12 at most) as headline.
    assert [i.headline for i in parsed.items[1:3]] == [
        "This is the human side of Health care is socialist.",
        "Interesting Politico piece posits that Trump acts as if he's mayor of…",
    ]


def test_body_comes_from_content_encoded_and_author_from_dc_creator(corpora):
    item = parse_rss(read(corpora, "content-encoded.rss")).items[0]
    assert item.byline == ("Jeremy Puma",)
    assert item.body_html.startswith("<")
    assert len(item.body_html) > len(item.summary)


def test_two_digit_year_dates_do_not_crash(corpora):
    items = parse_rss(read(corpora, "heraldsun.rss")).items
    assert [i.headline for i in items] == ["The First Item", "The Second Item"]


def test_rdf_items_and_date_only_dates(corpora):
    item = parse_rss(read(corpora, "bio.rdf")).items[0]
    assert item.published_at is not None
    assert item.published_at.time().isoformat() == "00:00:00"


def test_military_zone_and_bom(corpora):
    item = parse_rss(read(corpora, "a10.xml")).items[0]
    assert item.published_at == datetime(2020, 5, 14, 10, 0, 18, tzinfo=UTC)
    assert item.url == "http://www.example.com/5"
