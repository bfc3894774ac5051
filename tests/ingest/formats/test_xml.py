import pytest

from dateline.ingest.formats import FormatError, parse_document
from dateline.ingest.formats.xml import xml_text

BAD_FEEDS = {
    "xmlbomb.xml": "The document declares XML entities or fetches external ones; it is refused for safety.",
    "xmlbomb2.xml": "The document declares XML entities or fetches external ones; it is refused for safety.",
    "quadratic.xml": "The document declares XML entities or fetches external ones; it is refused for safety.",
    "cyclic.xml": "The document declares XML entities or fetches external ones; it is refused for safety.",
    "external.xml": "The document declares XML entities or fetches external ones; it is refused for safety.",
    "external_file.xml": "The document declares XML entities or fetches external ones; it is refused for safety.",
    "aaa_illformed.xml": "The document is not well-formed XML: unclosed token: line 6, column 0.",
    "rss_incomplete_cdata.xml": "The document is not well-formed XML: XML or text declaration not at start of entity: line 5, column 0.",
    "rss_empty_document.xml": "The document is not well-formed XML: no element found: line 5, column 0.",
    "undeclared_namespace.xml": "The document is not well-formed XML: unbound prefix: line 8, column 0.",
    "invalid-prolog.xml": "The document declares an unknown encoding ('invalid').",
    "iso88591_utf8_mismatch.xml": "The document is not valid utf-8 text (byte 55); its encoding is wrong or missing.",
    "no_encoding_ISO-8859-1.xml": "The document is not valid utf-8 text (byte 711); its encoding is wrong or missing.",
    "unrecognized.rss": "The document is not well-formed XML: junk after document element: line 2, column 0.",
    "HREFConsideredHarmfulFirstEntry.xml": "The document is not well-formed XML: undefined entity: line 1, column 132.",
    "InvalidDateFormat.xml": "The document is not well-formed XML: no element found: line 21, column 0.",
}


@pytest.mark.parametrize(("name", "message"), BAD_FEEDS.items(), ids=list(BAD_FEEDS))
def test_bad_feed_is_refused_with_a_clear_error(corpora, name, message):
    with pytest.raises(FormatError) as error:
        parse_document((corpora / "feeds/bad" / name).read_bytes())
    assert str(error.value) == message


def test_every_bad_feed_in_the_corpus_is_covered(corpora):
    assert sorted(p.name for p in (corpora / "feeds/bad").iterdir()) == sorted(
        BAD_FEEDS
    )


def test_external_entities_are_never_fetched(corpora, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the parser tried to open a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    with pytest.raises(FormatError):
        parse_document((corpora / "feeds/bad/external.xml").read_bytes())


def test_declared_legacy_encodings_decode():
    assert xml_text(
        '<?xml version="1.0" encoding="koi8-r"?><a>Пример</a>'.encode("koi8-r")
    ).endswith("<a>Пример</a>")


def test_an_empty_document_is_refused():
    with pytest.raises(FormatError) as error:
        parse_document(b"  \n")
    assert str(error.value) == "The document is empty."
