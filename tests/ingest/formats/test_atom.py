from datetime import UTC, datetime

import pytest

from dateline.ingest.formats import parse_document
from dateline.ingest.formats.atom import parse_atom

ATOM_COUNTS = {
    "heise.atom": 15,
    "DaringFireball.atom": 48,
    "google_alerts_atom.xml": 20,
    "expertopinionent.atom": 43,
    "feedburner.atom": 25,
    "small_atom.xml": 20,
    "large_atom.xml": 25,
    "FeedBurnerXHTML.xml": 10,
    "neverworkintheory.atom": 20,
    "pappacoda.atom": 3,
}


def read(corpora, name):
    return (corpora / "feeds/good" / name).read_bytes()


@pytest.mark.parametrize(("name", "count"), ATOM_COUNTS.items(), ids=list(ATOM_COUNTS))
def test_every_entry_of_a_good_feed_is_read(corpora, name, count):
    parsed = parse_document(read(corpora, name))
    assert parsed.format == "atom"
    assert len(parsed.items) == count
    assert parsed.rejected == ()


def test_html_titles_become_plain_text(corpora):
    items = parse_atom(read(corpora, "google_alerts_atom.xml")).items
    assert all("<" not in i.headline and "&lt;" not in i.headline for i in items)
    assert items[0].headline.startswith("Report offers Prediction of Automotive")


def test_milliseconds_and_offsets(corpora):
    item = parse_atom(read(corpora, "feedburner.atom")).items[0]
    assert item.published_at == datetime(2016, 6, 3, 14, 38, tzinfo=UTC)
    assert item.published_at.tzinfo is UTC


def test_xhtml_content_is_serialized_without_namespaces(corpora):
    item = parse_atom(read(corpora, "FeedBurnerXHTML.xml")).items[0]
    assert item.headline == "Stock Watch: April's Finest"
    assert "<p>" in item.body_html
    assert "html:" not in item.body_html and "xmlns" not in item.body_html


def test_relative_links_resolve_against_xml_base(corpora):
    parsed = parse_atom(read(corpora, "pappacoda.atom"))
    assert parsed.title == "Andrea Pappacoda - Blog"
    windows = next(i for i in parsed.items if "c_su_windows" in i.guid)
    assert (
        'src="https://andrea.pappacoda.it/blog/c_su_windows/clangd_path.png"'
        in windows.body_html
    )
    assert 'src="clangd_path.png"' not in windows.body_html
    assert windows.language == "it"


def test_same_posts_in_rss_and_atom_have_the_same_links(corpora):
    atom = parse_atom(read(corpora, "large_atom.xml")).items
    rss = parse_document(read(corpora, "large_rss.xml")).items
    assert [i.url for i in atom] == [i.url for i in rss]
