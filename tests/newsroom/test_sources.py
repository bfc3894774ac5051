"""Wire sources in the newsroom: who may manage them, and run now."""

from __future__ import annotations

import pytest

from dateline.accounts.models import AuditEntry
from dateline.content.models import Article
from dateline.ingest.models import IngestRun, Source

from ..ingest.conftest import feed_server  # noqa: F401 (a fixture)

FORM = {
    "name": "ANI wire",
    "slug": "ani",
    "kind": "feed",
    "url": "https://example.com/feed.xml",
    "folder": "",
    "poll_minutes": "15",
    "default_category": "",
    "default_author": "",
    "rule": "review",
    "is_enabled": "on",
}


@pytest.mark.parametrize("role", ["contributor", "author"])
def test_only_editors_and_admins_see_or_change_sources(client_for, role):
    client = client_for(role)
    assert client.get("/newsroom/sources/").status_code == 403
    assert client.post("/newsroom/sources/", FORM).status_code == 403
    assert Source.objects.exists() is False
    assert "Wire sources" not in client.get("/newsroom/").content.decode()


def test_an_editor_adds_a_source_and_it_is_audited(client_for, users):
    client = client_for("editor")
    assert "Wire sources" in client.get("/newsroom/").content.decode()
    response = client.post("/newsroom/sources/", FORM)
    assert response["Location"] == "/newsroom/sources/"
    source = Source.objects.get()
    assert (source.name, source.rule, source.is_internal) == (
        "ANI wire",
        "review",
        False,
    )
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SOURCE_CHANGE)
    assert (entry.actor, entry.target) == (users["editor"], "ANI wire")
    assert "ANI wire" in client.get("/newsroom/sources/").content.decode()


def test_only_an_admin_lets_a_source_reach_the_internal_network(client_for):
    client_for("editor").post("/newsroom/sources/", {**FORM, "is_internal": "on"})
    source = Source.objects.get()
    assert source.is_internal is False  # the field is disabled for editors
    client_for("admin").post(
        f"/newsroom/sources/{source.pk}/", {**FORM, "is_internal": "on"}
    )
    source.refresh_from_db()
    assert source.is_internal is True
    # An editor saving it again leaves the admin's choice alone.
    client_for("editor").post(f"/newsroom/sources/{source.pk}/", FORM)
    source.refresh_from_db()
    assert source.is_internal is True


def test_an_editor_cannot_repoint_an_internal_source(client_for):
    source = Source.objects.create(
        name="Agency", slug="agency", url="http://10.0.0.5/feed.xml", is_internal=True
    )
    client_for("editor").post(
        f"/newsroom/sources/{source.pk}/",
        {**FORM, "url": "http://169.254.169.254/latest/meta-data/"},
    )
    source.refresh_from_db()
    assert source.url == "http://10.0.0.5/feed.xml"


def test_an_editor_cannot_choose_a_folder_on_the_server(client_for):
    client_for("editor").post(
        "/newsroom/sources/", {**FORM, "kind": "folder", "url": "", "folder": "/etc"}
    )
    assert Source.objects.exists() is False  # the folder was ignored: refused
    client_for("admin").post(
        "/newsroom/sources/", {**FORM, "kind": "folder", "url": "", "folder": "/srv/in"}
    )
    assert Source.objects.get().folder == "/srv/in"


def test_the_service_refuses_an_editor_whatever_the_form_allows(users):
    from django.core.exceptions import PermissionDenied

    from dateline.newsroom.forms import SourceForm
    from dateline.newsroom.services import source_save

    source = Source.objects.create(
        name="Agency", slug="agency", url="http://10.0.0.5/feed.xml", is_internal=True
    )
    # A form built without the editor's restrictions, as another caller might.
    form = SourceForm(
        {**FORM, "url": "http://127.0.0.1:6379/", "is_internal": "on"},
        instance=source,
        may_trust=True,
    )
    assert form.is_valid(), form.errors
    with pytest.raises(PermissionDenied):
        source_save(by=users["editor"], form=form)
    source.refresh_from_db()
    assert source.url == "http://10.0.0.5/feed.xml"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"url": ""}, "url", "A feed needs its URL."),
        ({"kind": "folder", "url": ""}, "folder", "A drop folder needs its path."),
        ({"poll_minutes": "0"}, "poll_minutes", "greater than or equal to 1"),
    ],
)
def test_an_incomplete_source_is_refused_with_a_reason(
    client_for, change, field, message
):
    page = client_for("editor").post("/newsroom/sources/", {**FORM, **change})
    assert page.status_code == 200
    assert message in page.content.decode()
    assert Source.objects.exists() is False


def test_run_now_polls_the_source_and_shows_how_it_went(client_for, feed_server):  # noqa: F811
    source = Source.objects.create(
        name="Local wire",
        slug="local",
        url=feed_server.url("guardian.rss"),
        is_internal=True,
    )
    client = client_for("editor")
    response = client.post(f"/newsroom/sources/{source.pk}/run/")
    assert response["Location"] == "/newsroom/sources/"
    run = IngestRun.objects.get(source=source)
    assert run.created == Article.objects.count() > 0
    # Queued for review: in the editors' review queue.
    assert set(Article.objects.values_list("status", flat=True)) == {"review"}
    page = client.get(f"/newsroom/sources/{source.pk}/").content.decode()
    assert run.get_status_display() in page


def test_a_disabled_source_is_not_run(client_for, feed_server):  # noqa: F811
    source = Source.objects.create(
        name="Off", slug="off", url=feed_server.url("guardian.rss"),
        is_internal=True, is_enabled=False,
    )  # fmt: skip
    client_for("editor").post(f"/newsroom/sources/{source.pk}/run/")
    assert IngestRun.objects.exists() is False
