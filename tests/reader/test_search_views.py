"""The search page through HTTP: results, filters, pages, bad input, limits."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from dateline.content.models import Article
from dateline.search.indexing import index_rebuild

from ..factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

SQL_INJECTION = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "'; DROP TABLE content_article; --",
    "1; DELETE FROM search_searchentry",
    "') UNION SELECT id, headline FROM content_article WHERE ('a'='a",
    "x' AND (SELECT COUNT(*) FROM content_article) > 0 --",
    "Putin'||(SELECT pg_sleep(5))||'",
    "Putin* OR headline:*",
    "NEAR(Putin Netanyahu, 0)",
    "{headline standfirst}: Putin",
    "Putin & !Netanyahu | gaza:* <-> (a",
    "\\'; SELECT 1; --",
    "%' AND 1=0 UNION ALL SELECT NULL--",
    "\x00' OR 1=1\x00",
]


# Slugs of the stories the seed fixture keeps from the public.
HIDDEN = ("secret-draft", "secret-scheduled")


@pytest.fixture(autouse=True)
def _generous_rate(settings):
    settings.SEARCH_RATE = "100000/m"


@pytest.fixture
def seed(published_article):
    published_article.body = (
        "<p>The Israeli military is set to launch a ground invasion, "
        "said Tzachi Hanegbi.</p>"
    )
    published_article.save()
    ArticleFactory(
        headline="Draft about Putin and Netanyahu",
        slug="secret-draft",
        status=Article.Status.DRAFT,
    )
    ArticleFactory(
        headline="Scheduled Putin Netanyahu story",
        slug="secret-scheduled",
        published_at=timezone.now() + timedelta(days=1),
    )
    index_rebuild()
    return published_article


def result_links(response) -> list[str]:
    return re.findall(
        r'<h2 class="card-title"><a href="([^"]+)"', response.content.decode()
    )


@pytest.mark.parametrize(
    "text", ["Putin Netanyahu", '"ground invasion"', "Netan*", "Hanégbi"]
)
def test_seed_article_is_found_and_marked(client, seed, text):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    assert result_links(response) == [seed.get_absolute_url()]
    body = response.content.decode()
    assert "<mark>" in body
    assert "1 result for" in body
    assert "Recent Posts" in body
    assert not any(slug in body for slug in HIDDEN)


def test_page_query_count_does_not_grow(client, seed, django_assert_num_queries):
    for n in range(30):
        ArticleFactory(headline=f"Putin story {n}", authors=2)
    index_rebuild()
    with django_assert_num_queries(9):
        response = client.get("/search/", {"q": "Putin"})
    assert len(result_links(response)) == 20


def test_masthead_has_an_accessible_search_form(client, seed):
    body = client.get("/").content.decode()
    assert '<form class="site-search" role="search"' in body
    assert '<label for="site-search-q">Search</label>' in body
    assert '<input id="site-search-q" type="search" name="q" value="">' in body


def test_search_page_keeps_the_query_in_the_masthead(client, seed):
    body = client.get("/search/", {"q": "<Putin>"}).content.decode()
    assert 'name="q" value="&lt;Putin&gt;"' in body


@pytest.mark.parametrize(
    ("old", "new", "marks"),
    [
        ("/?s=Putin+Netanyahu", "/search/?q=Putin+Netanyahu", 2),
        ("/search/Hanégbi/", "/search/?q=Han%C3%A9gbi", 1),
        ("/?s=", "/search/", 0),
    ],
)
def test_wordpress_search_urls_move_to_the_search_page(client, seed, old, new, marks):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    page = client.get(new).content.decode()
    assert page.count("<mark>") >= marks


def test_empty_query_shows_the_form(client, seed):
    response = client.get("/search/", {"q": "  "})
    assert response.status_code == 200
    assert result_links(response) == []
    assert b'role="search" aria-label="Search with filters"' in response.content


@pytest.mark.parametrize(
    ("_case", "text", "message"),
    [
        (
            "10 kB",
            "Putin " * 1700,
            "That search is too long: use at most 256 characters.",
        ),
        (
            "symbols",
            "*** (( -- ))",
            "Search for words or numbers: symbols alone find nothing.",
        ),
    ],
)
def test_unsearchable_input_gets_a_message(client, seed, _case, text, message):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    assert message.encode() in response.content
    assert result_links(response) == []


def test_nothing_found(client, seed):
    response = client.get("/search/", {"q": "zanzibar"})
    assert response.status_code == 200
    assert "Nothing found for “zanzibar”" in response.content.decode()


def test_filters_narrow_the_results(client, seed, world):
    sport = CategoryFactory(name="Sport")
    other = AuthorFactory(name="Other Writer")
    ArticleFactory(
        headline="Putin at the match", slug="match", category=sport, authors=[other]
    )
    index_rebuild()
    query = {"q": "Putin"}
    assert len(result_links(client.get("/search/", query))) == 2
    links = result_links(client.get("/search/", {**query, "category": "sport"}))
    assert links == [
        "/"
        + timezone.localtime(timezone.now() - timedelta(hours=1)).strftime("%Y/%m/%d")
        + "/match/"
    ]
    links = result_links(client.get("/search/", {**query, "author": "admin"}))
    assert links == [seed.get_absolute_url()]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert result_links(client.get("/search/", {**query, "since": tomorrow})) == []


@pytest.mark.parametrize(
    ("_case", "params", "error"),
    [
        ("unknown section", {"category": "nope"}, "Select a valid choice"),
        ("bad date", {"since": "2023-13-45"}, "Enter a valid date."),
        ("far future", {"until": "9999-12-31"}, "Enter a date between 1900 and 2199."),
        (
            "reversed range",
            {"since": "2024-01-02", "until": "2024-01-01"},
            "The end date is before the start date.",
        ),
    ],
)
def test_bad_filters_get_a_message(client, seed, _case, params, error):
    response = client.get("/search/", {"q": "Putin", **params})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert result_links(response) == []


def test_pages_link_to_each_other_and_keep_the_filters(client, seed):
    for n in range(25):
        ArticleFactory(headline=f"Putin update {n}", category=seed.category)
    index_rebuild()
    first = client.get("/search/", {"q": "Putin", "category": "world"}).content.decode()
    assert len(re.findall(r'class="card-title"', first)) == 20
    assert 'rel="next" href="?q=Putin&amp;category=world&amp;page=2"' in first
    second = client.get("/search/", {"q": "Putin", "category": "world", "page": "2"})
    assert len(result_links(second)) == 6
    assert (
        'rel="prev" href="?q=Putin&amp;category=world&amp;page=1"'
        in second.content.decode()
    )
    for page in ("0", "-3", "x", "99999999999999999999"):
        assert client.get("/search/", {"q": "Putin", "page": page}).status_code == 200


def test_rate_limit_answers_429_and_articles_still_load(seed, settings):
    settings.SEARCH_RATE = "5/m"
    client = Client(
        REMOTE_ADDR=f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"
    )
    statuses = [client.get("/search/", {"q": f"word{n}"}).status_code for n in range(7)]
    assert statuses == [200] * 5 + [429] * 2
    limited = client.get("/search/", {"q": "Putin"})
    assert limited["Retry-After"] == "60"
    assert limited["Cache-Control"] == "no-store"
    assert b"Too many searches from your address" in limited.content
    assert client.get(seed.get_absolute_url()).status_code == 200


def _payloads(corpora) -> list[str]:
    lines = (corpora / "xss" / "payloads.txt").read_text(errors="replace").splitlines()
    return [line for line in lines if line.strip()] + SQL_INJECTION


def test_injection_corpus_never_breaks_or_reflects(client, seed, corpora):
    before = Article.objects.count()
    for payload in _payloads(corpora):
        response = client.get("/search/", {"q": payload})
        assert response.status_code == 200, payload
        body = response.content.decode()
        if "<" in payload:
            assert payload.strip() not in body, payload
        assert not any(slug in body for slug in HIDDEN), payload
    assert Article.objects.count() == before


@hypothesis_settings(
    database=None,  # no .hypothesis/ directory in the checkout
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.text(max_size=300)
    | st.text(
        alphabet=st.sampled_from(list("\"*-()^:+&|!<>'\\ NEARORANDNOT Putin")),
        max_size=60,
    )
)
def test_any_input_gets_a_page_never_an_error(seed, text):
    response = Client().get("/search/", {"q": text})
    assert response.status_code == 200
    assert not any(slug in response.content.decode() for slug in HIDDEN)


def test_behind_the_proxy_each_forwarded_client_has_its_own_limit(seed, settings):
    settings.SEARCH_RATE = "2/m"
    settings.SEARCH_CLIENT_FROM_FORWARDED_FOR = True
    prefix = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    proxy = Client(REMOTE_ADDR="127.0.0.1")

    def status(forwarded_for: str) -> int:
        return proxy.get(
            "/search/", {"q": "Putin"}, HTTP_X_FORWARDED_FOR=forwarded_for
        ).status_code

    # A client cannot escape its limit by claiming other addresses first.
    assert [status(f"{n}.1.1.1, {prefix}.1") for n in range(3)] == [200, 200, 429]
    assert status(f"{prefix}.2") == 200
