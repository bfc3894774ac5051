"""The search page: /search/?q=…, with filters, snippets and pages of results."""

from __future__ import annotations

from datetime import date

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit

from dateline.content.models import Author, Category
from dateline.search.query import QueryError
from dateline.search.selectors import Result, search_articles

from .views import render_page

# Deep pages cost an ever larger OFFSET and nobody reads them.
MAX_PAGES = 50
# Dates outside this range are typos, and would overflow date arithmetic.
YEARS = range(1900, 2200)


def _in_range(day: date | None) -> date | None:
    if day is not None and day.year not in YEARS:
        raise forms.ValidationError(
            f"Enter a date between {YEARS.start} and {YEARS.stop - 1}."
        )
    return day


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label="Search for")
    category = forms.ModelChoiceField(
        Category.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="All sections",
        label="Section",
    )
    author = forms.ModelChoiceField(
        Author.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="All authors",
    )
    since = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_since(self) -> date | None:
        return _in_range(self.cleaned_data.get("since"))

    def clean_until(self) -> date | None:
        return _in_range(self.cleaned_data.get("until"))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:  # type: ignore[operator]
            self.add_error("until", "The end date is before the start date.")
        return data


def client_address(group: str, request: HttpRequest) -> str:
    """The address a search is counted against; earlier X-Forwarded-For
    entries are whatever the client claimed, so only the last one counts."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SEARCH_CLIENT_FROM_FORWARDED_FOR and forwarded:
        return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _page_number(request: HttpRequest) -> int:
    try:
        return min(max(int(request.GET.get("page", "1")), 1), MAX_PAGES)
    except ValueError:
        return 1


def _page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return f"?{params.urlencode()}"


@require_safe
@ratelimit(
    key=client_address, rate=lambda group, request: settings.SEARCH_RATE, block=False
)
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    text = request.GET.get("q", "").strip()
    if getattr(request, "limited", False):
        # No database work for a client that is over its limit.
        response = render(
            request,
            "reader/search.html",
            {
                "form": form,
                "search_text": text,
                "message": "Too many searches from your "
                "address: please wait a minute and try again.",
            },
            status=429,
        )
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
    context: dict[str, object] = {"form": form, "search_text": text}
    if not text or not form.is_valid():
        return render_page(request, "reader/search.html", context)
    try:
        results = search_articles(
            text=text,
            category=form.cleaned_data["category"],
            author=form.cleaned_data["author"],
            since=form.cleaned_data["since"],
            until=form.cleaned_data["until"],
        )
    except QueryError as error:
        return render_page(
            request, "reader/search.html", {**context, "message": str(error)}
        )
    # Paginator calls only count() and slices; the stubs ask for a Sequence.
    paginator: Paginator[Result] = Paginator(
        results,  # type: ignore[arg-type]
        settings.ARTICLES_PER_PAGE,
    )
    page = paginator.get_page(_page_number(request))
    context.update(page=page, searched=True, more_results=results.more)
    if page.has_previous():
        context["newer_url"] = _page_url(request, page.previous_page_number())
    if page.has_next() and page.next_page_number() <= MAX_PAGES:
        context["older_url"] = _page_url(request, page.next_page_number())
    return render_page(request, "reader/search.html", context)
