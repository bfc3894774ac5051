"""A story's revisions: compare any two, restore any one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from dateline.content.models import Article

from .. import permissions, services
from ..access import newsroom_view, signed_in_user
from ..diffs import revision_diff


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def _article(request: HttpRequest, pk: int) -> Article:
    article = get_object_or_404(Article, pk=pk)
    if not permissions.can_edit(signed_in_user(request), article):
        raise PermissionDenied("You may not see this story's revisions.")
    return article


@newsroom_view
def revisions(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(request, pk)
    history = list(article.revisions.select_related("created_by"))
    older = newer = None
    if history:
        ids = {r.pk: r for r in history}
        newer = ids.get(_int(request.GET.get("b")), history[0])
        older = ids.get(_int(request.GET.get("a")), history[min(1, len(history) - 1)])
    context = {
        "article": article,
        "history": history,
        "older": older,
        "newer": newer,
        "diff": revision_diff(older, newer) if older and newer else [],
    }
    return render(request, "newsroom/revisions.html", context)


@newsroom_view
@require_POST
def revision_restore(request: HttpRequest, pk: int, revision: int) -> HttpResponse:
    article = _article(request, pk)
    kept = get_object_or_404(article.revisions, pk=revision)
    article = services.article_restore(revision=kept, by=signed_in_user(request))
    messages.success(
        request,
        f"Restored the revision of {kept.created_at:%d %b %H:%M} as version {article.version}.",
    )
    return redirect("newsroom:story", pk=pk)
