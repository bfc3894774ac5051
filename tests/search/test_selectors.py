from datetime import date, timedelta

import pytest
from django.utils import timezone

from dateline.content.models import Article
from dateline.demo.loader import demo_load
from dateline.demo.seed import SEED_SLUG
from dateline.search.models import SearchEntry
from dateline.search.selectors import search_articles

from ..factories import AuthorFactory, CategoryFactory


def slugs(text: str, **filters: object) -> list[str]:
    results = search_articles(text=text, **filters)
    return [result.article.slug for result in results[0 : results.count()]]


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    # Through the publishing events, as `make run` loads it.
    with django_capture_on_commit_callbacks(execute=True):
        demo_load()


def test_demo_seed_article_comes_first(demo):
    # One test for the four, so the demo loads once.
    queries = ["Putin Netanyahu", '"ground invasion"', "Netan*", "Hanégbi"]
    assert {text: slugs(text)[0] for text in queries} == dict.fromkeys(
        queries, SEED_SLUG
    )
    assert SearchEntry.objects.count() == Article.objects.count() == 327


def test_phrase_needs_the_words_together(story):
    story("Troops massed", "a ground invasion was planned", slug="together")
    story("Troops massed", "the ground shook before the invasion", slug="apart")
    assert slugs('"ground invasion"') == ["together"]
    assert sorted(slugs("ground invasion")) == ["apart", "together"]


def test_newer_of_two_equally_relevant_stories_ranks_first(story):
    story("Ceasefire talks resume", "Envoys met.", slug="old", days_old=700)
    story("Ceasefire talks resume", "Envoys met.", slug="new", days_old=1)
    assert slugs("ceasefire talks") == ["new", "old"]


def test_much_better_match_beats_a_newer_passing_mention(story):
    story("Ceasefire agreed", "Envoys met.", slug="headline", days_old=700)
    story("Markets rise", "Traders mentioned a ceasefire.", slug="mention", days_old=0)
    assert slugs("ceasefire") == ["headline", "mention"]


@pytest.mark.parametrize(
    ("_case", "indexed", "typed"),
    [
        ("accent typed, none stored", "Tzachi Hanegbi spoke", "Hanégbi"),
        ("accent stored, none typed", "Tzachi Hanégbi spoke", "Hanegbi"),
        ("stemming", "The invasion began", "invasions"),
        ("devanagari", "प्रधानमंत्री ने भाषण दिया", "प्रधानमंत्री"),
        ("hebrew, points optional", "רֹאשׁ הַמֶּמְשָׁלָה נאם", "ראש"),
        ("arabic", "رئيس الوزراء يتحدث", "الوزراء"),
        ("cyrillic", "Президент выступил", "президент"),
        ("cyrillic prefix", "Президент выступил", "През*"),
    ],
)
def test_matching(story, _case, indexed, typed):
    story("Statement", indexed, slug="hit")
    story("Statement", "Nothing to see here.", slug="miss")
    assert slugs(typed) == ["hit"]


def test_only_public_articles_are_found_though_every_one_is_indexed(story):
    story("Ceasefire public", slug="public")
    for status in (
        Article.Status.DRAFT,
        Article.Status.IN_REVIEW,
        Article.Status.UNPUBLISHED,
    ):
        story("Ceasefire hidden", slug=f"hidden-{status}", status=status)
    story(
        "Ceasefire embargoed",
        slug="embargoed",
        status=Article.Status.SCHEDULED,
        embargo_until=timezone.now() + timedelta(hours=1),
        days_old=-1 / 24,
    )
    story("Ceasefire scheduled", slug="scheduled", days_old=-1)  # due tomorrow
    assert SearchEntry.objects.count() == 6
    assert slugs("ceasefire") == ["public"]


def test_filters(story):
    world, sport = CategoryFactory(name="World"), CategoryFactory(name="Sport")
    ana, ben = AuthorFactory(name="Ana"), AuthorFactory(name="Ben")
    story("Ceasefire one", slug="one", category=world, authors=[ana], days_old=40)
    story("Ceasefire two", slug="two", category=sport, authors=[ben], days_old=20)
    story("Ceasefire three", slug="three", category=world, authors=[ben], days_old=2)
    today = timezone.localdate()
    assert slugs("ceasefire", category=world) == ["three", "one"]
    assert slugs("ceasefire", author=ben) == ["three", "two"]
    assert slugs("ceasefire", since=today - timedelta(days=30)) == ["three", "two"]
    assert slugs("ceasefire", until=today - timedelta(days=30)) == ["one"]
    assert slugs("ceasefire", category=world, author=ben, since=date(2000, 1, 1)) == [
        "three"
    ]


def test_results_page_through_in_rank_order(story):
    for n in range(25):
        story("Ceasefire update", slug=f"update-{n:02d}", days_old=n + 1)
    results = search_articles(text="ceasefire")
    assert results.count() == 25
    first, second = results[0:20], results[20:40]
    assert [r.article.slug for r in first + second] == [
        f"update-{n:02d}" for n in range(25)
    ]


def test_snippets_escape_the_text_and_mark_the_matches(story):
    story("A <b>bold</b> ceasefire", "Code &lt;script&gt; near the ceasefire line.")
    (result,) = search_articles(text="ceasefire")[0:1]
    assert result.headline == "A &lt;b&gt;bold&lt;/b&gt; <mark>ceasefire</mark>"
    # PostgreSQL ends a fragment at the last word, FTS5 keeps the full stop.
    assert result.snippet.removesuffix(".") == (
        "Code &lt;script&gt; near the <mark>ceasefire</mark> line"
    )


@pytest.fixture
def three_candidates(monkeypatch):
    from dateline.search.backends import base, postgres, sqlite_fts

    for module in (base, postgres, sqlite_fts):
        monkeypatch.setattr(module, "CANDIDATES", 3)


# One word and several take different plans on PostgreSQL (_newest_first).
@pytest.mark.parametrize("text", ["ceasefire", "ceasefire envoys", '"envoys met"'])
def test_only_the_newest_candidates_are_ranked(story, three_candidates, text):
    # The oldest is the best match, but four stories match and three are ranked.
    story(
        "Ceasefire ceasefire ceasefire",
        "Envoys met envoys.",
        slug="oldest",
        days_old=400,
    )
    for n in range(3):
        story("Ceasefire", "Envoys met.", slug=f"new-{n}", days_old=n + 1)
    story("Envoys", "Nothing else.", slug="newest-miss", days_old=0)
    results = search_articles(text=text)
    assert (results.count(), results.more) == (3, True)
    assert [r.article.slug for r in results[0:3]] == ["new-0", "new-1", "new-2"]
    # A date filter reaches the older story.
    older = search_articles(text=text, until=timezone.localdate() - timedelta(days=100))
    assert (older.count(), older.more) == (1, False)


def test_the_page_says_when_only_the_newest_were_ranked(
    client, story, three_candidates
):
    for n in range(4):
        story("Ceasefire", slug=f"new-{n}", days_old=n + 1)
    response = client.get("/search/", {"q": "ceasefire"})
    assert (
        "More than 3 results: the best of the newest 3 for “ceasefire”"
        in response.content.decode()
    )
