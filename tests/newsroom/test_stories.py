"""The story list and the editor, through HTTP."""

from __future__ import annotations

import re
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from dateline.content.models import Article, Revision
from dateline.newsroom import services

from ..factories import ArticleFactory, CategoryFactory
from .conftest import sign_in


def test_two_sessions_edit_the_same_story_and_the_stale_save_is_refused(
    users, client_for
):
    article = services.article_create(
        by=users["contributor"], data={"headline": "Original", "body": "<p>One.</p>"}
    )
    url = f"/newsroom/stories/{article.pk}/"
    first, second = client_for("contributor"), client_for("editor")
    assert 'name="version" value="1"' in first.get(url).content.decode()
    assert 'name="version" value="1"' in second.get(url).content.decode()

    saved = first.post(url, {"version": 1, "headline": "First", "body": "<p>A.</p>"})
    assert saved.status_code == 302
    refused = second.post(
        url, {"version": 1, "headline": "Second", "body": "<p>B.</p>"}
    )
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "someone saved a newer version (v2) since you opened v1" in page
    # The refused text stays in the form, and is kept as a revision.
    assert 'value="Second"' in page
    article.refresh_from_db()
    assert (article.headline, article.body) == ("First", "<p>A.</p>")
    kept = article.revisions.get(action=Revision.Action.CONFLICT)
    assert (kept.snapshot["headline"], kept.snapshot["body"]) == ("Second", "<p>B.</p>")


def test_second_editor_sees_who_holds_the_story(users, client_for):
    article = services.article_create(by=users["editor"], data={"headline": "Held"})
    url = f"/newsroom/stories/{article.pk}/"
    client_for("editor").get(url)
    page = client_for("admin").get(url).content.decode()
    assert "editor has this story open" in page
    listing = client_for("admin").get("/newsroom/").content.decode()
    assert '<span class="editing">editor</span>' in listing


def test_story_list_filters_by_state_category_author_and_text(
    users, client_for, django_capture_on_commit_callbacks
):
    world = CategoryFactory(name="World")
    with django_capture_on_commit_callbacks(execute=True):  # indexed on commit
        services.article_create(
            by=users["author"],
            data={"headline": "Storm hits coast", "category": world.pk},
        )
        services.article_create(by=users["editor"], data={"headline": "Budget vote"})
    client = client_for("editor")

    def headlines(query: str) -> list[str]:
        page = client.get(f"/newsroom/?{query}").content.decode()
        return [h for h in ("Storm hits coast", "Budget vote") if h in page]

    assert headlines("") == ["Storm hits coast", "Budget vote"]
    assert headlines(f"category={world.pk}") == ["Storm hits coast"]
    assert headlines("q=budget") == ["Budget vote"]
    author = users["author"].author_profile.pk
    assert headlines(f"author={author}") == ["Storm hits coast"]
    assert headlines("status=published") == []
    assert headlines(f"q=storm&category={world.pk}") == ["Storm hits coast"]
    assert headlines(f"q=budget&category={world.pk}") == []


def test_story_list_is_newest_first_whatever_order_stories_arrived_in(
    users, client_for
):
    now = timezone.now()
    ArticleFactory(headline="Yesterday's story", published_at=now - timedelta(days=1))
    # An archive imported afterwards: a higher id, an older time.
    ArticleFactory(headline="From the archive", published_at=now - timedelta(days=700))
    ArticleFactory(
        headline="Due tomorrow",
        status=Article.Status.SCHEDULED,
        published_at=now + timedelta(days=1),
    )
    services.article_create(by=users["editor"], data={"headline": "Fresh draft"})
    page = client_for("editor").get("/newsroom/").content.decode()
    rows = re.findall(r'<td><a href="/newsroom/stories/\d+/">([^<]+)</a>', page)
    assert rows == [
        "Due tomorrow",
        "Fresh draft",
        "Yesterday&#x27;s story",
        "From the archive",
    ]


def test_the_text_filter_is_the_search_engine_over_every_state(
    users, client_for, django_capture_on_commit_callbacks
):
    """Stemming, diacritics, prefixes and phrases, as readers get; drafts too."""
    with django_capture_on_commit_callbacks(execute=True):
        draft = services.article_create(
            by=users["contributor"],
            data={
                "headline": "Hanégbi briefs the cabinet",
                "body": "<p>Talks about a ground invasion continued.</p>",
            },
        )
        services.article_create(
            by=users["editor"],
            data={"headline": "Invasion of the invasive species"},
        )
    client = client_for("editor")

    def rows(query: str) -> list[str]:
        page = client.get("/newsroom/", {"q": query}).content.decode()
        return re.findall(r'<td><a href="/newsroom/stories/\d+/">([^<]+)</a>', page)

    assert rows("hanegbi") == ["Hanégbi briefs the cabinet"]
    assert rows("briefing") == ["Hanégbi briefs the cabinet"]  # stemmed
    assert rows("Hanég*") == ["Hanégbi briefs the cabinet"]
    assert rows('"ground invasion"') == ["Hanégbi briefs the cabinet"]
    assert set(rows("invasion")) == {
        "Hanégbi briefs the cabinet",
        "Invasion of the invasive species",
    }
    assert rows("invasion")[0] == "Invasion of the invasive species"  # headline
    # The readers' search never sees the draft.
    assert (
        draft.headline not in client.get("/search/", {"q": "hanegbi"}).content.decode()
    )


def test_text_that_cannot_be_searched_says_why_and_lists_nothing(
    users, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.article_create(by=users["editor"], data={"headline": "Budget vote"})
    page = client_for("editor").get("/newsroom/", {"q": "*** !!"}).content.decode()
    assert "symbols alone find nothing" in page
    assert 'aria-invalid="true"' in page
    assert "Budget vote" not in page
    assert "No stories match." in page


def test_new_story_form_creates_a_draft(users, client_for):
    response = client_for("contributor").post(
        "/newsroom/stories/new/",
        {"headline": "Fresh", "body": "<p>Hello <script>alert(1)</script>world</p>"},
    )
    article = Article.objects.get()
    assert response["Location"] == f"/newsroom/stories/{article.pk}/"
    assert article.body == "<p>Hello world</p>"


def test_preview_renders_the_readers_page_with_unsaved_text(users, client_for):
    article = services.article_create(by=users["author"], data={"headline": "Old"})
    response = client_for("author").post(
        f"/newsroom/stories/{article.pk}/preview/",
        {"headline": "Unsaved headline", "body": "<p><strong>Bold</strong> news</p>"},
    )
    page = response.content.decode()
    assert "<h1>Unsaved headline</h1>" in page
    assert "<strong>Bold</strong> news" in page
    article.refresh_from_db()
    assert article.headline == "Old"


def test_correction_from_the_editor_shows_on_the_public_page(users, client_for):
    article = services.article_create(by=users["editor"], data={"headline": "Vote"})
    client = client_for("editor")
    client.post(f"/newsroom/stories/{article.pk}/publish/")
    client.post(
        f"/newsroom/stories/{article.pk}/note/",
        {"kind": "correction", "text": "The vote was on Tuesday, not Monday."},
    )
    article.refresh_from_db()
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "Correction:" in page
    assert "The vote was on Tuesday, not Monday." in page


def test_autosave_endpoint_keeps_text_without_saving_the_story(users, client_for):
    article = services.article_create(by=users["author"], data={"headline": "Draft"})
    response = client_for("author").post(
        f"/newsroom/stories/{article.pk}/autosave/",
        {"version": 1, "headline": "Draft", "body": "<p>half a thought</p>"},
    )
    assert response.json()["saved"] is True
    autosave = article.revisions.get(action=Revision.Action.AUTOSAVE)
    assert autosave.snapshot["body"] == "<p>half a thought</p>"
    sign_in(Client(), users["author"])


def test_the_text_filter_ranks_within_the_other_filters(
    users, client_for, monkeypatch, django_capture_on_commit_callbacks
):
    from dateline.search.backends import base, postgres, sqlite_fts

    for module in (base, postgres, sqlite_fts):
        monkeypatch.setattr(module, "CANDIDATES", 3)
    world, sport = CategoryFactory(name="World"), CategoryFactory(name="Sport")
    with django_capture_on_commit_callbacks(execute=True):
        services.article_create(
            by=users["editor"], data={"headline": "Flood warning", "category": world.pk}
        )
        for n in range(4):  # newer matches, enough to fill the ranking
            services.article_create(
                by=users["editor"],
                data={"headline": f"Flood match {n}", "category": sport.pk},
            )
    client = client_for("editor")
    page = client.get("/newsroom/", {"q": "flood", "category": world.pk})
    assert "Flood warning" in page.content.decode()
    assert "More stories match" not in page.content.decode()
    # Without the filter, five match and three are ranked: the page says so.
    page = client.get("/newsroom/", {"q": "flood"}).content.decode()
    assert "Flood warning" not in page
    assert "More stories match than the 3 newest listed here" in page
