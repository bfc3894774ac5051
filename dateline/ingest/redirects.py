"""Old WordPress addresses move permanently to what they became here.

Permalinks of imported posts, plain /?p= links, nested category paths, the
AMP plugin's …/amp/ pages, WordPress's other feed addresses and its search
addresses (/?s=words, /search/words/).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse

from dateline.content.body import without_controls

from .models import ImportedCategory, LegacyPath

# WordPress's "plain" permalinks: /?p=123 and /?page_id=45.
PLAIN_KEYS = ("p", "page_id")
# WordPress serves its feeds under these names too; RSS 2.0 is /feed/ here.
FEED_ALIASES = ("rss2", "rss", "rdf")
SEARCH_PATH = "/search/"


class LegacyRedirectMiddleware:
    """Answer a 404 (or a plain /?p= link) with a 301 to the imported article.

    Like django.contrib.redirects, it looks only at requests nothing else
    answered, so it costs one query per 404 and none per page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/" and (redirect := self._on_home(request)):
            return redirect
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        path = request.path
        return (
            self._redirect(path)
            or _nested_category(path)
            or _feed_alias(path)
            or _search_path(path)
            or self._amp(path)
            or response
        )

    def _on_home(self, request: HttpRequest) -> HttpResponse | None:
        if any(key in request.GET for key in PLAIN_KEYS):
            return self._redirect(request.get_full_path())
        if "s" in request.GET:
            return _search(request.GET["s"])
        feed = request.GET.get("feed")  # /?feed=rss2, /?feed=atom
        if feed in FEED_ALIASES or feed == "atom":
            name = "distribution:feed-atom" if feed == "atom" else "distribution:feed"
            return HttpResponsePermanentRedirect(reverse(name))
        return None

    def _amp(self, path: str) -> HttpResponse | None:
        """The AMP plugin's copy of a page, /…/amp/: the page itself now."""
        if not path.endswith("/amp/"):
            return None
        page = path.removesuffix("amp/")
        if not _resolves(page):
            return self._redirect(page)  # an old permalink, then its article
        return HttpResponsePermanentRedirect(page)

    def _redirect(self, path: str) -> HttpResponse | None:
        if without_controls(path) != path:
            return None  # no permalink has one; PostgreSQL refuses NUL outright
        legacy = LegacyPath.objects.select_related("article").filter(path=path).first()
        if legacy is None or not legacy.article.is_public:
            return None
        return HttpResponsePermanentRedirect(legacy.article.get_absolute_url())


def _nested_category(path: str) -> HttpResponse | None:
    """WordPress puts a child category at /category/parent/child/ (and its
    pages and feed below that); here every category is at /category/<slug>/.
    Only a chain that matches the imported tree moves."""
    parts = path.strip("/").split("/")
    if len(parts) < 3 or parts[0] != "category":
        return None
    chain, tail = parts[1:], []
    for n, part in enumerate(chain):
        if part in ("page", "feed"):
            chain, tail = chain[:n], chain[n:]
            break
    if len(chain) < 2:
        return None
    placed = {
        row.category.slug: row.parent.slug if row.parent else None
        for row in ImportedCategory.objects.filter(
            category__slug__in=chain
        ).select_related("category", "parent")
    }
    if any(placed.get(child, "") != parent for parent, child in pairwise(chain)):
        return None
    return HttpResponsePermanentRedirect(
        "/".join(["", "category", chain[-1], *tail, ""])
    )


def _feed_alias(path: str) -> HttpResponse | None:
    """…/feed/rss2/, …/feed/rss/ and …/feed/rdf/: the RSS feed at …/feed/."""
    for alias in FEED_ALIASES:
        if path.endswith(f"/feed/{alias}/"):
            feed = path.removesuffix(f"{alias}/")
            return HttpResponsePermanentRedirect(feed) if _resolves(feed) else None
    return None


def _search_path(path: str) -> HttpResponse | None:
    """WordPress's pretty search address, /search/words/."""
    if not path.startswith(SEARCH_PATH) or not path.endswith("/"):
        return None
    return _search(path.removeprefix(SEARCH_PATH).removesuffix("/"))


def _search(words: str) -> HttpResponse:
    """The one search page, with its rate limit, for old links and bots."""
    url = reverse("reader:search")
    return HttpResponsePermanentRedirect(
        f"{url}?{urlencode({'q': words})}" if words else url
    )


def _resolves(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True
