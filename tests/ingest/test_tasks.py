from datetime import timedelta

from django.utils import timezone

from dateline.ingest.models import Source
from dateline.ingest.tasks import sources_poll


def test_poll_runs_only_enabled_sources_that_are_due(db, feed_server):
    due = Source.objects.create(
        name="Due", slug="due", url=feed_server.url("koi8r.xml"), is_internal=True
    )
    recent = Source.objects.create(
        name="Recent", slug="recent", url=feed_server.url("guardian.rss"), is_internal=True,
        last_run_at=timezone.now() - timedelta(minutes=5), poll_minutes=15,
    )  # fmt: skip
    Source.objects.create(
        name="Off",
        slug="off",
        url=feed_server.url("a10.xml"),
        is_internal=True,
        is_enabled=False,
    )
    assert sources_poll.call_local() == 1
    assert feed_server.served == {"/koi8r.xml": 1}
    due.refresh_from_db()
    recent.refresh_from_db()
    assert due.last_status == "ok"
    assert recent.last_status == ""
