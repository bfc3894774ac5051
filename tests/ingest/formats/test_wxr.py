from collections import Counter
from datetime import UTC, datetime

import pytest

from dateline.ingest.formats import FormatError
from dateline.ingest.formats.wxr import parse_wxr


@pytest.fixture(scope="module")
def export():
    from tests.conftest import CORPORA

    return parse_wxr(
        (CORPORA / "wordpress/themeunittestdata.wordpress.xml").read_bytes()
    )


def test_counts_match_the_export(export):
    kinds = Counter((p.post_type, p.status) for p in export.posts)
    assert kinds == {
        ("post", "publish"): 56,
        ("post", "draft"): 1,
        ("post", "future"): 1,
        ("page", "publish"): 21,
    }
    assert len(export.attachments) == 37
    assert len(export.categories) == 68
    assert len(export.tags) == 110
    assert export.other_items == {"nav_menu_item": 70}


def test_category_tree(export):
    parents = {c.slug: c.parent for c in export.categories}
    assert sum(1 for p in parents.values() if p) == 10
    assert parents["child-2"] == "child-1"
    assert parents["child-1"] == "parent"


def test_authors_and_malformed_creators(export):
    assert [(a.login, a.display_name) for a in export.authors] == [
        ("themedemos", "Theme Buster"),
        ("themereviewteam", "Theme Reviewer"),
    ]
    assert {p.author for p in export.posts} == {"themedemos", "themereviewteam"}


def test_dates_are_utc_and_drafts_fall_back_to_local_time(export):
    future = next(p for p in export.posts if p.status == "future")
    assert future.published_at == datetime(2030, 1, 1, 19, 0, 18, tzinfo=UTC)
    draft = next(p for p in export.posts if p.status == "draft")
    assert draft.published_at == datetime(2013, 4, 9, 18, 20, 39, tzinfo=UTC)


def test_password_and_undeclared_tags(export):
    assert sum(p.has_password for p in export.posts) == 1
    used = {t for p in export.posts for t in p.tags}
    assert used - {t.slug for t in export.tags} == {
        "content",
        "sample",
        "test-tag",
        "columns",
    }


def test_not_a_wordpress_export(corpora):
    with pytest.raises(FormatError) as error:
        parse_wxr((corpora / "feeds/good/guardian.rss").read_bytes())
    assert str(error.value) == "This is not a WordPress export (no <wp:wxr_version>)."
