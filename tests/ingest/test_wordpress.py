from collections import Counter

import pytest
from PIL import Image as PillowImage

from dateline.content.models import Article, Author, Category, Tag
from dateline.ingest.models import ImportedCategory, LegacyPath
from dateline.ingest.services import wordpress_import


@pytest.fixture
def export_bytes(corpora):
    return (corpora / "wordpress/themeunittestdata.wordpress.xml").read_bytes()


def test_every_post_page_category_tag_and_author_is_accounted_for(db, export_bytes):
    summary = wordpress_import(data=export_bytes)
    assert summary.imported == Counter(
        {
            "tag": 110,
            "category": 68,
            "post": 58,
            "page": 21,
            "tag (used, not declared)": 4,
            "author": 2,
        }
    )
    assert summary.failed == Counter()
    assert summary.statuses == Counter(
        {"post publish": 56, "page publish": 21, "post future": 1, "post draft": 1}
    )
    assert summary.not_imported == {"nav_menu_item": 70}
    assert summary.image_references == 37
    assert Article.objects.count() == 79
    assert Category.objects.count() == 69  # 68 and "Pages"
    assert Tag.objects.count() == 114
    assert sorted(Author.objects.values_list("slug", flat=True)) == [
        "themedemos",
        "themereviewteam",
    ]


def test_statuses_map_to_drafts_schedule_and_public_articles(db, export_bytes):
    wordpress_import(data=export_bytes)
    by_status = Counter(Article.objects.values_list("status", flat=True))
    # 56 published posts less the password-protected one, and 21 pages.
    assert by_status == {"published": 76, "scheduled": 1, "draft": 2}
    assert Article.objects.filter(category__slug="pages").count() == 21


def test_category_hierarchy_is_kept(db, export_bytes):
    wordpress_import(data=export_bytes)
    child = ImportedCategory.objects.get(category__slug="child-2")
    assert child.parent.slug == "child-1"
    assert (
        ImportedCategory.objects.get(category__slug="child-1").parent.slug == "parent"
    )
    assert ImportedCategory.objects.filter(parent__isnull=False).count() == 10


def test_a_second_import_changes_nothing(db, export_bytes):
    wordpress_import(data=export_bytes)
    before = list(Article.objects.order_by("pk").values())
    summary = wordpress_import(data=export_bytes)
    assert summary.imported == Counter()
    assert summary.updated == Counter()
    assert summary.skipped == Counter(
        {"tag": 110, "category": 68, "post": 58, "page": 21, "author": 2}
    )
    assert list(Article.objects.order_by("pk").values()) == before


def test_imported_pages_render_and_old_permalinks_move_permanently(
    db, client, export_bytes
):
    wordpress_import(data=export_bytes)
    public = [a for a in Article.objects.all() if a.is_public]
    assert len(public) == 76
    for article in public:
        assert client.get(article.get_absolute_url()).status_code == 200, article.slug
    about = Article.objects.get(headline="About The Tests")
    response = client.get("/about/")
    assert (response.status_code, response["Location"]) == (
        301,
        about.get_absolute_url(),
    )
    plain = LegacyPath.objects.filter(path__startswith="/?p=").first()
    response = client.get(plain.path)
    assert (response.status_code, response["Location"]) == (
        301,
        plain.article.get_absolute_url(),
    )


def test_shortcodes_and_block_comments_are_gone(db, export_bytes):
    wordpress_import(data=export_bytes)
    for body in Article.objects.values_list("body", flat=True):
        assert (
            "[caption" not in body and "[gallery" not in body and "<!-- wp:" not in body
        )
    caption = Article.objects.get(headline="Post Format: Image (Caption)")
    assert "<figcaption>Bell on wharf in San Francisco</figcaption>" in caption.body


def test_uploads_folder_copies_featured_images(db, export_bytes, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    uploads = tmp_path / "uploads"
    (uploads / "2013/03").mkdir(parents=True)
    PillowImage.new("RGB", (64, 48), "navy").save(
        uploads / "2013/03/featured-image-horizontal.jpg"
    )
    (uploads / "2013/03/featured-image-vertical.jpg").write_bytes(
        b"<html>not an image</html>"
    )
    summary = wordpress_import(data=export_bytes, uploads=uploads)
    assert summary.imported["image file"] == 1
    article = Article.objects.get(featured_image__isnull=False)
    assert article.headline == "Template: Featured Image (Horizontal)"
    assert (article.featured_image.width, article.featured_image.height) == (64, 48)
    assert article.featured_image.alt_text == "Horizontal Featured Image"
    refused = [
        r
        for r in summary.reasons
        if r.startswith("image 2013/03/featured-image-vertical.jpg was refused")
    ]
    assert len(refused) == 1
