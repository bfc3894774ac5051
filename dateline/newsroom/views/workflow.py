"""Workflow steps from the editor: submit, publish or schedule, take down,
add a correction, delete. Each is one POST and one service call."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from dateline.content.models import Article
from dateline.publishing.services import PublishingError

from .. import permissions, services
from ..access import newsroom_view, signed_in_user
from ..forms import NoteForm, ScheduleForm


def _step(request: HttpRequest, pk: int, run: Callable[[Article], str]) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    try:
        done = run(article)
    except (services.WorkflowError, PublishingError) as error:
        messages.error(request, str(error))
        response = redirect("newsroom:story", pk=pk)
        response.status_code = 303
        return response
    messages.success(request, done)
    if not permissions.can_edit(signed_in_user(request), article):
        return redirect("newsroom:stories")  # e.g. a contributor who submitted
    return redirect("newsroom:story", pk=pk)


@newsroom_view
@require_POST
def story_submit(request: HttpRequest, pk: int) -> HttpResponse:
    def run(article: Article) -> str:
        services.article_submit(article=article, by=signed_in_user(request))
        return "Submitted for review."

    return _step(request, pk, run)


@newsroom_view
@require_POST
def story_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish now, or schedule when a future time is given."""
    form = ScheduleForm(request.POST)

    def run(article: Article) -> str:
        if not form.is_valid():
            raise services.WorkflowError("That publishing time is not a valid time.")
        at = form.cleaned_data["publish_at"]
        article = services.article_approve(
            article=article, by=signed_in_user(request), at=at
        )
        if article.status == Article.Status.SCHEDULED:
            when = date_format(timezone.localtime(article.published_at), "j F Y, H:i:s")
            return f"Scheduled for {when}."
        return "Published."

    return _step(request, pk, run)


@newsroom_view
@require_POST
def story_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    def run(article: Article) -> str:
        services.article_withdraw(article=article, by=signed_in_user(request))
        return "Taken down: the story is no longer public."

    return _step(request, pk, run)


@newsroom_view
@require_POST
def story_note(request: HttpRequest, pk: int) -> HttpResponse:
    form = NoteForm(request.POST)

    def run(article: Article) -> str:
        if not form.is_valid():
            raise services.WorkflowError(
                "Choose Correction or Update and write the note."
            )
        services.article_add_note(
            article=article,
            by=signed_in_user(request),
            kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"],
        )
        return f"{form.cleaned_data['kind'].title()} published."

    return _step(request, pk, run)


@newsroom_view
@require_POST
def story_delete(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    headline = article.headline
    services.article_delete(article=article, by=signed_in_user(request))
    messages.success(request, f"Deleted “{headline}”.")
    return redirect("newsroom:stories")
