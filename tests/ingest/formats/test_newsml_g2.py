from datetime import UTC, datetime

import pytest

from dateline.ingest.formats import FormatError, parse_document
from dateline.ingest.formats.newsml_g2 import parse_newsml_g2


def read(corpora, name):
    return (corpora / "newsml-g2" / name).read_bytes()


def test_text_document_with_nitf_body(corpora):
    (item,) = parse_newsml_g2(
        read(corpora, "LISTING_2_NewsML-G2_Text_Document.xml")
    ).items
    assert item.guid == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED"
    assert item.version == 11
    assert item.headline == 'Fed to halt QE to avert "bubble"'
    assert item.dateline == "New York, NY, October 21"
    assert item.byline == ("Meredith Jameson",)
    assert item.agency == "Associated Press"
    assert item.language == "en-US"
    assert item.published_at == datetime(2016, 11, 21, 20, 21, 6, tzinfo=UTC)
    assert item.updated_at == datetime(2018, 11, 21, 21, 25, 32, tzinfo=UTC)
    assert item.body_html.count("<p>") == 2
    assert item.body_html.startswith("<p>Et, sent luptat luptat")
    assert item.subjects == (
        "economy, business and finance",
        "central bank",
        "money and monetary policy",
    )


def test_embargo_is_read(corpora):
    (item,) = parse_newsml_g2(
        read(corpora, "LISTING_1_A_NewsML-G2_News_Item.xml")
    ).items
    assert item.embargoed_until == datetime(2018, 10, 23, 12, tzinfo=UTC)
    assert item.body_html == ""  # the inlineXML holds only comments


def test_sportsml_body_is_noted_not_imported(corpora):
    (item,) = parse_newsml_g2(
        read(corpora, "LISTING_21_A_complete_sample_SportsML-G2_document.xml")
    ).items
    assert item.body_html == ""
    assert item.notes == (
        "its body is application/sportsml+xml, which is not imported",
    )


@pytest.mark.parametrize(
    "name",
    [
        "LISTING_3_Photo_in_NewsML-G2.xml",
        "LISTING_3A_Photo_in_NewsML-G2_URI_sibling_attributes.xml",
    ],
)
def test_picture_items_keep_their_renditions_as_references(corpora, name):
    (item,) = parse_newsml_g2(read(corpora, name)).items
    assert item.kind == "picture"
    assert len(item.images) == 3
    assert (item.images[0].width, item.images[0].height) == (1500, 1001)


def test_latin_1_video_decodes(corpora):
    (item,) = parse_newsml_g2(
        read(corpora, "LISTING_5_Multi-part_Video_in_NewsML-G2.xml")
    ).items
    assert item.headline == "Loriot retrospective"
    assert item.kind == "video"


def test_items_without_headline_or_content_do_not_crash(corpora):
    for name in ("LISTING_29_Hop_History.xml", "ap_metadata_example.xml"):
        (item,) = parse_newsml_g2(read(corpora, name)).items
        assert (item.headline, item.body_html) == ("", "")


def test_a_news_message_is_unpacked_and_skeletons_refused_one_by_one(corpora):
    parsed = parse_newsml_g2(
        read(corpora, "LISTING_24_News_Message_conveying_a_complete_News_Package.xml")
    )
    assert parsed.items == ()
    assert [(r.ref, r.reason) for r in parsed.rejected] == [
        ("packageItem 1", "has no guid"),
        *[(f"N{n}", "has no itemMeta: the item is incomplete") for n in range(1, 5)],
    ]


def test_an_incomplete_item_is_refused(corpora):
    parsed = parse_newsml_g2(read(corpora, "invalid/001_incomplete_file.xml"))
    assert [(r.ref, r.reason) for r in parsed.rejected] == [
        ("invalid-document", "has no itemMeta: the item is incomplete")
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        (
            "LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml",
            "conceptItem",
        ),
        ("LISTING_17_Planning_Item_a_CCL.xml", "planningItem"),
    ],
)
def test_items_that_are_not_news_are_refused(corpora, name, kind):
    with pytest.raises(FormatError) as error:
        parse_document(read(corpora, name))
    assert str(error.value) == f"This NewsML-G2 document is a {kind}, not a news item."
