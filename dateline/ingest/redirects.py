"""Old WordPress permalinks move permanently to the articles they became."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from dateline.content.body import without_controls

from .models import ImportedCategory, LegacyPath

# WordPress's "plain" permalinks: /?p=123 and /?page_id=45.
PLAIN_KEYS = ("p", "page_id")


class LegacyRedirectMiddleware:
    """Answer a 404 (or a plain /?p= link) with a 301 to the imported article.

    Like django.contrib.redirects, it looks only at requests nothing else
    answered, so it costs one query per 404 and none per page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        plain = request.path == "/" and any(k in request.GET for k in PLAIN_KEYS)
        if plain and (redirect := self._redirect(request.get_full_path())):
            return redirect
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        return (
            self._redirect(request.path) or _nested_category(request.path) or response
        )

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
