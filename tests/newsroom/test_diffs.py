from dateline.content.models import Revision
from dateline.newsroom import services
from dateline.newsroom.diffs import Line, body_lines, revision_diff


def test_body_lines_are_one_per_block():
    html = "<h2>Key points</h2><p>One <strong>bold</strong> claim.</p><ul><li>a</li><li>b</li></ul>"
    assert body_lines(html) == ["h2: Key points", "One bold claim.", "ul: a · b"]


def test_diff_of_two_revisions_shows_changed_fields_only(users):
    article = services.article_create(
        by=users["author"],
        data={"headline": "Before", "body": "<p>Same line.</p><p>Old line.</p>"},
    )
    services.article_update(
        article=article,
        by=users["author"],
        base_version=1,
        data={"headline": "After", "body": "<p>Same line.</p><p>New line.</p>"},
    )
    older = article.revisions.get(action=Revision.Action.CREATE)
    newer = article.revisions.get(action=Revision.Action.SAVE)
    diff = revision_diff(older, newer)
    assert [(d.field, d.lines) for d in diff] == [
        ("headline", [Line("removed", "Before"), Line("added", "After")]),
        (
            "body",
            [
                Line("same", "Same line."),
                Line("removed", "Old line."),
                Line("added", "New line."),
            ],
        ),
    ]


def test_revisions_page_shows_the_diff_and_restore_works(users, client_for):
    client = client_for("author")
    article = services.article_create(by=users["author"], data={"headline": "Before"})
    services.article_update(
        article=article, by=users["author"], base_version=1, data={"headline": "After"}
    )
    page = client.get(f"/newsroom/stories/{article.pk}/revisions/").content.decode()
    assert "<del>Before</del>" in page
    assert "<ins>After</ins>" in page
    first = article.revisions.get(action=Revision.Action.CREATE)
    response = client.post(
        f"/newsroom/stories/{article.pk}/revisions/{first.pk}/restore/"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.version) == ("Before", 3)
