"""The public pages. Each view calls one selector and renders one template."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.dates import MONTHS
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from dateline.content import queries
from dateline.content.models import Article


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a read-only public view: GET and HEAD only, and no CSRF check.

    Nothing here accepts a write, so any other method is a 405 page rather
    than the CSRF failure page a token-less POST would otherwise get.
    """
    return csrf_exempt(require_safe(view))


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, object],
    *,
    shown: Article | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render a page with the parts every page has: navigation, Recent Posts."""
    if "navigation" not in context:
        context["navigation"] = queries.navigation_categories()
    if context.get("recent_posts") is None:
        context["recent_posts"] = queries.recent_articles(
            exclude=shown, limit=settings.RECENT_POSTS_COUNT
        )
    return render(request, template, context, status=status)


def paginate(
    request: HttpRequest, articles: QuerySet[Article], number: int
) -> dict[str, object]:
    """Page `number` of a list and its neighbours' URLs; 0 or past the end: 404."""
    paginator = Paginator(articles, settings.ARTICLES_PER_PAGE)
    try:
        page = paginator.page(number)  # page 1 of an empty list is valid
    except EmptyPage:
        raise Http404("No such page") from None
    match = request.resolver_match
    assert match is not None

    def url(n: int) -> str:
        kwargs = {**match.kwargs, "page": n}
        if n == 1:
            del kwargs["page"]
        return reverse(match.view_name, kwargs=kwargs)

    return {
        "page": page,
        "newer_url": url(page.previous_page_number()) if page.has_previous() else "",
        "older_url": url(page.next_page_number()) if page.has_next() else "",
    }


@public_page
def home(request: HttpRequest) -> HttpResponse:
    sections = queries.navigation_categories()
    front = queries.front_page(categories=sections)
    context = {
        "front": front,
        "navigation": sections,
        # The newest stories are on the page already: no second read for them.
        "recent_posts": front.newest(settings.RECENT_POSTS_COUNT),
    }
    return render_page(request, "reader/home.html", context)


@public_page
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which clients ask for without reading the page's icon link."""
    return HttpResponsePermanentRedirect(static("reader/favicon.svg"))


@public_page
def latest(request: HttpRequest, page: int = 1) -> HttpResponse:
    context = {**paginate(request, queries.listing(), page), "title": "Latest news"}
    return render_page(request, "reader/listing.html", context)


@public_page
def article(
    request: HttpRequest, year: int, month: int, day: int, slug: str
) -> HttpResponse:
    story = queries.public_article(slug=slug)
    if request.path != story.get_absolute_url():
        # The slug is the key; an old or mistyped date moves permanently.
        return redirect(story.get_absolute_url(), permanent=True)
    return render_page(request, "reader/article.html", {"article": story}, shown=story)


@public_page
def category(request: HttpRequest, slug: str, page: int = 1) -> HttpResponse:
    section = queries.category_by_slug(slug)
    context = {
        **paginate(request, queries.listing(category=section), page),
        "title": section.name,
        "description": section.description,
        "kind": "Section",
    }
    return render_page(request, "reader/listing.html", context)


@public_page
def tag(request: HttpRequest, slug: str, page: int = 1) -> HttpResponse:
    topic = queries.tag_by_slug(slug)
    context = {
        **paginate(request, queries.listing(tags=topic), page),
        "title": topic.name,
        "kind": "Topic",
    }
    return render_page(request, "reader/listing.html", context)


@public_page
def author(request: HttpRequest, slug: str, page: int = 1) -> HttpResponse:
    person = queries.author_by_slug(slug)
    context = {
        **paginate(request, queries.listing(authors=person), page),
        "title": person.name,
        "description": person.bio,
        "kind": "Author",
        "author": person,
    }
    return render_page(request, "reader/listing.html", context)


@public_page
def archive(
    request: HttpRequest,
    year: int,
    month: int | None = None,
    day: int | None = None,
    page: int = 1,
) -> HttpResponse:
    """A year's, month's or day's stories: WordPress's date archives."""
    if month is not None and not 1 <= month <= 12:
        raise Http404("No such month")
    filters: dict[str, object] = {"published_at__year": year}
    title = str(year)
    if month is not None:
        filters["published_at__month"] = month
        title = f"{MONTHS[month]} {year}"
    if day is not None and month is not None:
        try:
            date(year, month, day)
        except ValueError:
            raise Http404("No such day") from None
        filters["published_at__day"] = day
        title = f"{day} {MONTHS[month]} {year}"
    context = {
        **paginate(request, queries.listing(**filters), page),
        "title": title,
        "kind": "Archive",
    }
    return render_page(request, "reader/listing.html", context)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_page(request, "reader/404.html", {}, status=404)
