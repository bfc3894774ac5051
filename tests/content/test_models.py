from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from dateline.content.models import Article, ArticleAuthor

from ..factories import ArticleFactory, AuthorFactory, CategoryFactory, TagFactory

pytestmark = pytest.mark.django_db


def test_save_sanitizes_the_body_and_keeps_plain_lead_text():
    article = ArticleFactory(
        body="<p onclick='x()'>First <b>bold</b> &amp; more</p><script>bad()</script>"
    )
    article.refresh_from_db()
    assert article.body == "<p>First <b>bold</b> &amp; more</p>"
    assert article.lead_text == "First bold & more"


def test_lead_text_prefers_the_standfirst():
    article = ArticleFactory(standfirst="The short version.", body="<p>Long</p>")
    assert article.lead_text == "The short version."


def test_control_characters_never_reach_the_database():
    article = ArticleFactory(headline="Bad\x00 head\x0bline", standfirst="a\x1fb")
    article.refresh_from_db()
    assert (article.headline, article.standfirst) == ("Bad headline", "ab")


def test_url_uses_the_publication_day_in_the_site_time_zone(settings):
    settings.TIME_ZONE = "Asia/Kolkata"
    article = ArticleFactory(
        slug="late-night", published_at=datetime(2023, 10, 16, 20, 0, tzinfo=UTC)
    )
    # 20:00 UTC is 01:30 on the 17th in India.
    assert article.get_absolute_url() == "/2023/10/17/late-night/"


def test_byline_keeps_billing_order():
    first, second = AuthorFactory(name="Zoe"), AuthorFactory(name="Adam")
    article = ArticleFactory(authors=[first, second])
    assert [a.name for a in article.byline] == ["Zoe", "Adam"]


def test_an_author_appears_once_per_byline():
    author = AuthorFactory()
    article = ArticleFactory(authors=[author])
    with pytest.raises(IntegrityError):
        ArticleAuthor.objects.create(article=article, author=author, position=1)


@pytest.mark.parametrize(
    ("status", "offset", "public"),
    [
        (Article.Status.PUBLISHED, -1, True),
        (Article.Status.PUBLISHED, +1, False),
        (Article.Status.DRAFT, -1, False),
        (Article.Status.UNPUBLISHED, -1, False),
    ],
)
def test_is_public_needs_status_and_a_past_time(status, offset, public):
    when = timezone.now() + timedelta(hours=offset)
    article = ArticleFactory(status=status, published_at=when)
    assert article.is_public is public
    assert Article.objects.published().filter(pk=article.pk).exists() is public


def test_was_updated_ignores_the_first_minute():
    published = timezone.now() - timedelta(hours=2)
    article = ArticleFactory(published_at=published, updated_at=published)
    assert article.was_updated is False
    article.updated_at = published + timedelta(minutes=5)
    assert article.was_updated is True


def test_taxonomy_and_people_have_wordpress_urls():
    assert CategoryFactory(name="World").get_absolute_url() == "/category/world/"
    assert TagFactory(name="Gaza").get_absolute_url() == "/tag/gaza/"
    assert AuthorFactory(name="Admin").get_absolute_url() == "/author/admin/"
    assert str(CategoryFactory(name="Sports")) == "Sports"
