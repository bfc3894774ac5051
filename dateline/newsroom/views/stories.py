"""The story list and the editor: open, save, autosave, ping, preview."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from dateline.content import queries
from dateline.content.models import (
    Article,
    Author,
    Category,
    Revision,
    article_snapshot,
)
from dateline.content.models.revisions import SNAPSHOT_FIELDS
from dateline.search.backends import base as search_engine
from dateline.search.query import QueryError

from .. import locks, permissions, services
from ..access import newsroom_view, signed_in_user
from ..forms import NoteForm, ScheduleForm, StoryForm
from ..selectors import StoryFilters, StoryList, story_list

EDITOR_TEMPLATE = "newsroom/editor.html"


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@newsroom_view
def stories(request: HttpRequest) -> HttpResponse:
    filters = StoryFilters(
        status=request.GET.get("status", ""),
        author=_int(request.GET.get("author")),
        category=_int(request.GET.get("category")),
        text=request.GET.get("q", "").strip(),
    )
    try:
        found = story_list(filters=filters)
        problem = ""
    except QueryError as error:
        found, problem = StoryList(Article.objects.none(), more=False), str(error)
    page = Paginator(found.stories, 50).get_page(request.GET.get("page"))
    held = locks.locks_for(list(page.object_list))
    context = {
        "page": page,
        "filters": filters,
        "problem": problem,
        "more": found.more,
        "ranked": f"{search_engine.CANDIDATES:,}",
        "rows": [(story, held.get(story.pk)) for story in page],
        "statuses": Article.Status.choices,
        "authors": Author.objects.all(),
        "categories": Category.objects.all(),
    }
    return render(request, "newsroom/stories.html", context)


def _initial(
    article: Article, snapshot: dict[str, Any] | None = None
) -> dict[str, Any]:
    data = snapshot or article_snapshot(article)
    initial = {name: data.get(name, "") for name in SNAPSHOT_FIELDS}
    initial.update(
        version=article.version,
        category=data.get("category"),
        featured_image=data.get("featured_image"),
        authors=data.get("authors", []),
        embargo_until=article.embargo_until,
        tags=", ".join(
            article.tags.model.objects.filter(pk__in=data.get("tags", [])).values_list(
                "name", flat=True
            )
        ),
    )
    return initial


def _save(request: HttpRequest, form: StoryForm, article: Article | None) -> Article:
    user = signed_in_user(request)
    data = form.story_data()
    data["tags"] = services.tags_for_names(names=form.tag_names(), by=user)
    if article is None:
        return services.article_create(by=user, data=data)
    return services.article_update(
        article=article,
        by=user,
        base_version=form.cleaned_data["version"] or 0,
        data=data,
    )


@newsroom_view
@require_http_methods(["GET", "POST"])
def story_new(request: HttpRequest) -> HttpResponse:
    services.require(signed_in_user(request), permissions.Action.CREATE)
    form = StoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = _save(request, form, None)
        except services.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Draft saved.")
            return redirect("newsroom:story", pk=article.pk)
    return render(request, EDITOR_TEMPLATE, {"form": form, "article": None})


@newsroom_view
@require_http_methods(["GET", "POST"])
def story(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    if not permissions.can_edit(signed_in_user(request), article):
        raise PermissionDenied("You may not edit this story.")
    status = 200
    if request.method == "POST":
        form = StoryForm(request.POST)
        if form.is_valid():
            try:
                article = _save(request, form, article)
            except services.StaleVersion as stale:
                form.add_error(None, str(stale))
                status = 409
            except services.WorkflowError as error:
                form.add_error(None, str(error))
                status = 400
            else:
                messages.success(request, f"Saved (version {article.version}).")
                return redirect("newsroom:story", pk=article.pk)
        else:
            status = 400
    else:
        restore = _int(request.GET.get("from"))
        snapshot = None
        if restore:
            snapshot = get_object_or_404(article.revisions, pk=restore).snapshot
        form = StoryForm(initial=_initial(article, snapshot))
    holder = locks.lock_touch(article=article, by=signed_in_user(request))
    return render(
        request,
        EDITOR_TEMPLATE,
        _editor_context(request, article, form, holder),
        status=status,
    )


def _editor_context(
    request: HttpRequest, article: Article, form: StoryForm, holder: Any
) -> dict[str, Any]:
    revisions = list(article.revisions.select_related("created_by")[:30])
    autosave = next(
        (
            r
            for r in revisions[:1]
            if r.action == Revision.Action.AUTOSAVE
            and r.created_by_id == request.user.pk
        ),
        None,
    )
    return {
        "form": form,
        "article": article,
        "holder": holder if holder.user_id != request.user.pk else None,
        "actions": {
            a.name
            for a in permissions.allowed_actions(signed_in_user(request), article)
        },
        "schedule_form": ScheduleForm(),
        "note_form": NoteForm(),
        "revisions": revisions,
        "autosave": autosave,
    }


@newsroom_view
@require_POST
def story_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    article = get_object_or_404(Article, pk=pk)
    form = StoryForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"saved": False, "errors": form.errors}, status=400)
    data = form.story_data()
    revision = services.article_autosave(
        article=article,
        by=signed_in_user(request),
        base_version=form.cleaned_data["version"] or 0,
        data=data,
    )
    locks.lock_touch(article=article, by=signed_in_user(request))
    return JsonResponse(
        {
            "saved": True,
            "at": timezone.localtime(revision.created_at).strftime("%H:%M:%S"),
            "current_version": article.version,
        }
    )


@newsroom_view
@require_POST
def story_ping(request: HttpRequest, pk: int) -> JsonResponse:
    article = get_object_or_404(Article, pk=pk)
    if not permissions.can_edit(signed_in_user(request), article):
        raise PermissionDenied
    lock = locks.lock_touch(article=article, by=signed_in_user(request))
    article.refresh_from_db(fields=["version"])
    return JsonResponse(
        {
            "holder": lock.user.get_username()
            if lock.user_id != request.user.pk
            else None,
            "version": article.version,
        }
    )


@newsroom_view
@require_POST
def story_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The reader's own article page for the unsaved text; nothing is stored."""
    article = get_object_or_404(
        Article.objects.select_related("category", "featured_image"), pk=pk
    )
    if not permissions.can_edit(signed_in_user(request), article):
        raise PermissionDenied
    form = StoryForm(request.POST)
    form.is_valid()
    for name in ("headline", "dateline", "standfirst"):
        if name in form.cleaned_data:
            setattr(article, name, form.cleaned_data[name])
    from dateline.content.body import plain_text, sanitize

    article.body = sanitize(form.cleaned_data.get("body", article.body))
    article.lead_text = plain_text(article.standfirst or article.body)[:600]
    if article.published_at is None:
        article.published_at = timezone.now()
    html = render_to_string(
        "reader/article.html",
        {
            "article": article,
            "navigation": queries.navigation_categories(),
            "recent_posts": queries.recent_articles(
                exclude=article, limit=settings.RECENT_POSTS_COUNT
            ),
            "preview": True,
        },
        request=request,
    )
    return HttpResponse(html)
