import pytest
from django.core.management import CommandError, call_command

from dateline.content.models import Article
from dateline.ingest.models import IngestRun, Source


def test_ingest_a_file_and_publish(db, corpora, capsys):
    call_command("ingest", str(corpora / "feeds/good/koi8r.xml"), "--publish")
    out = capsys.readouterr().out
    assert "succeeded · created 2, updated 0, skipped 0, failed 0" in out
    assert Article.objects.filter(status=Article.Status.PUBLISHED).count() == 2


def test_ingest_a_bad_file_fails_with_its_reason(db, corpora, capsys):
    with pytest.raises(CommandError):
        call_command("ingest", str(corpora / "feeds/bad/xmlbomb.xml"))
    assert "error: The document declares XML entities" in capsys.readouterr().out
    assert Article.objects.exists() is False


def test_ingest_once_runs_a_named_source(db, feed_server, capsys):
    Source.objects.create(
        name="Local", slug="local", url=feed_server.url("a10.xml"), is_internal=True
    )
    call_command("ingest", "--once", "local")
    assert "Source Local: succeeded · created 5" in capsys.readouterr().out
    assert IngestRun.objects.get().created == 5


def test_ingest_once_with_an_unknown_source(db):
    with pytest.raises(CommandError, match=r"No source called 'nope'\."):
        call_command("ingest", "--once", "nope")
