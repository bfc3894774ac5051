"""Wire sources: what the newsroom polls, how it went, and run now."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from dateline.ingest.models import Source

from .. import permissions, services
from ..access import newsroom_view, signed_in_user
from ..forms import SourceForm


def _desk_only(request: HttpRequest) -> None:
    if not permissions.can_manage_sources(signed_in_user(request)):
        raise PermissionDenied("Only editors and admins manage wire sources.")


def _form(request: HttpRequest, source: Source | None = None) -> SourceForm:
    return SourceForm(
        request.POST or None,
        instance=source,
        may_trust=permissions.can_trust_sources(signed_in_user(request)),
    )


@newsroom_view
@require_http_methods(["GET", "POST"])
def sources(request: HttpRequest) -> HttpResponse:
    """Every source with its last run; a form to add one."""
    _desk_only(request)
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        source = services.source_save(by=signed_in_user(request), form=form)
        messages.success(request, f"Source {source.name} added.")
        return redirect("newsroom:sources")
    context = {
        "sources": Source.objects.select_related("default_category"),
        "form": form,
    }
    return render(request, "newsroom/sources.html", context)


@newsroom_view
@require_http_methods(["GET", "POST"])
def source(request: HttpRequest, pk: int) -> HttpResponse:
    _desk_only(request)
    found = get_object_or_404(Source, pk=pk)
    form = _form(request, found)
    if request.method == "POST" and form.is_valid():
        services.source_save(by=signed_in_user(request), form=form)
        messages.success(request, f"Source {found.name} saved.")
        return redirect("newsroom:sources")
    context = {"source": found, "form": form, "runs": found.runs.order_by("-pk")[:10]}
    return render(request, "newsroom/source.html", context)


@newsroom_view
@require_POST
def source_run(request: HttpRequest, pk: int) -> HttpResponse:
    _desk_only(request)
    found = get_object_or_404(Source, pk=pk)
    if not found.is_enabled:
        messages.error(request, f"Source {found.name} is disabled: enable it first.")
    else:
        services.source_run_soon(by=signed_in_user(request), source=found)
        messages.success(request, f"Source {found.name} will be polled now.")
    return redirect("newsroom:sources")
