from datetime import UTC, datetime

import pytest

from dateline.ingest.formats import FormatError, parse_document
from dateline.ingest.formats.ninjs import parse_ninjs

SIMPLE_TEXTS = [
    "doc-examples-1.6/004_simple_text_article.json",
    "doc-examples-2.2/004_simple_text_article.json",
    "doc-examples-3.1/004_simple_text_article.json",
]


def read(corpora, path):
    return (corpora / "ninjs" / path).read_bytes()


@pytest.mark.parametrize("path", SIMPLE_TEXTS)
def test_the_same_article_reads_alike_in_every_version(corpora, path):
    (item,) = parse_ninjs(read(corpora, path)).items
    assert item.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert item.dateline == "GROSSETO, Italy"
    assert item.agency == "AP"
    assert item.byline == ("Paulo Santalucia and Frances d'Emilio",)
    assert item.published_at == datetime(2013, 7, 9, 10, 37, tzinfo=UTC)
    assert item.body_html.startswith(
        "<p>The trial of the captain of the shipwrecked Costa Concordia"
    )
    assert item.kind == "text"


def test_dpa_item_has_its_version_language_and_html_body(corpora):
    (item,) = parse_ninjs(read(corpora, "examples-2.1/dpa_text.json")).items
    assert item.guid == "urn:newsml:dpa.com:20090101:190510-99-167362"
    assert item.version == 2
    assert item.language == "de"
    assert item.headline.startswith("Faktencheck Derby-Elfmeter")
    assert item.published_at == datetime(2019, 5, 10, 14, 2, 28, tzinfo=UTC)
    assert "größte Skandal" in item.body_html


def test_a_picture_is_an_item_but_not_a_text(corpora):
    (item,) = parse_ninjs(read(corpora, "doc-examples-3.1/006_photo_only.json")).items
    assert item.kind == "picture"
    assert len(item.images) == 1


def test_a_top_level_array_is_a_collection_of_items(corpora):
    parsed = parse_ninjs(
        read(corpora, "examples-3.0/collection/20231016-event-timeline-sample.json")
    )
    assert len(parsed.items) + len(parsed.rejected) == 14
    assert {i.kind for i in parsed.items} == {"event"}


def test_an_unknown_extension_is_refused_clearly(corpora):
    parsed = parse_ninjs(
        read(corpora, "examples-2.1/schema-extension/extension-example.json")
    )
    assert parsed.items == ()
    assert [r.reason for r in parsed.rejected] == [
        "has properties ninjs does not define: foofoo"
    ]


INVALID = {
    "2.1_001_bad_association.json": "has an association with unknown properties: incorrectproperty",
    "2.1_002_good_association_but_no_name.json": "has an association without a name or uri",
    "2.1_003_good_association_but_no_uri.json": "has an association without a name or uri",
    "2.1_004_bad_rights.json": "has rights given both as a link and encoded; only one is allowed",
    "3.0_001_bad_toplevel.json": "has properties ninjs does not define: random",
    "3.0_002_bad_association.json": "has an association without a name or uri",
    "3.0_005_planned_coverage_bad_urgency.json": "has no headline and no text",
    "3.0_006_bad_urgency.json": "has an urgency of 0.1; it must be a whole number from 1 to 9",
    "3.1_001_bad_digital_source.json": "has a digitalSourceType of 'bad'; it must be a URI",
}
# Not refused by the parser, but never a story: services skip these kinds.
NOT_STORIES = {
    "3.0_001_bad_geojson.json": "picture",
    "3.0_003_event_with_conflicting_start.json": "event",
    "3.0_004_event_with_renditions.json": "event",
    "3.0_004_invalid_truncated_date.json": "event",
}


@pytest.mark.parametrize(("name", "reason"), INVALID.items(), ids=list(INVALID))
def test_invalid_items_are_refused_with_a_reason(corpora, name, reason):
    parsed = parse_ninjs(read(corpora, f"invalid/{name}"))
    assert parsed.items == ()
    assert [r.reason for r in parsed.rejected] == [reason]


@pytest.mark.parametrize(("name", "kind"), NOT_STORIES.items(), ids=list(NOT_STORIES))
def test_other_invalid_files_are_not_text_stories(corpora, name, kind):
    assert [i.kind for i in parse_ninjs(read(corpora, f"invalid/{name}")).items] == [
        kind
    ]


def test_every_invalid_file_is_covered(corpora):
    assert sorted(p.name for p in (corpora / "ninjs/invalid").iterdir()) == sorted(
        {**INVALID, **NOT_STORIES}
    )


def test_not_json_is_a_format_error():
    with pytest.raises(FormatError) as error:
        parse_document(b"{not json", format="ninjs")
    assert str(error.value).startswith("This is not valid ninjs JSON: ")
