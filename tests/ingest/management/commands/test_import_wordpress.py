import pytest
from django.core.management import CommandError, call_command


def test_import_prints_the_summary_and_a_rerun_skips_everything(db, corpora, capsys):
    export = str(corpora / "wordpress/themeunittestdata.wordpress.xml")
    call_command("import-wordpress", export)
    out = capsys.readouterr().out
    assert (
        "Imported: 2 author, 68 category, 110 tag, 58 post, 4 tag (used, not declared), 21 page\n"
        in out
    )
    assert "Attachments kept as references: 37\n" in out
    assert "Not imported (not content): 70 nav_menu_item" in out
    call_command("import-wordpress", export)
    out = capsys.readouterr().out
    assert "Imported: none" in out
    assert "Updated: none" in out
    assert "Failed: none" in out


def test_a_feed_is_not_a_wordpress_export(db, corpora):
    with pytest.raises(CommandError, match="This is not a WordPress export"):
        call_command("import-wordpress", str(corpora / "feeds/good/guardian.rss"))
