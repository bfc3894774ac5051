"""The newsroom's operations for token clients: drafts, changes, submit, publish.

Each one asks newsroom.permissions (through newsroom.services.require) and
writes through the newsroom and publishing services, exactly as the editor
does; no status is written here. Refusals are problem documents: 403 for a
role that may not, 409 for a stale version or a step the story's state does
not allow, 422 for a section, topic or author that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Status

from dateline.accounts.models import User
from dateline.content.models import Article, ArticleAuthor, Author, Category, Tag
from dateline.newsroom import services
from dateline.newsroom.permissions import Action
from dateline.publishing.services import PublishingError

from .auth import TokenAuth
from .newsroom_schemas import (
    Conflict,
    DraftChanges,
    DraftIn,
    ScheduleIn,
    StoryOut,
    story_out,
)
from .params import moment
from .problems import ProblemError
from .schemas import Problem

router = Router(auth=TokenAuth(), tags=["newsroom"])

REFUSALS: dict[int, Any] = {
    code: Problem for code in (400, 401, 403, 404, 409, 413, 422, 429)
}


def _member(request: HttpRequest) -> User:
    """The account the request's token acts as (TokenAuth put it there)."""
    return cast(User, request.auth)  # type: ignore[attr-defined]


@contextmanager
def _as_problems() -> Iterator[None]:
    try:
        yield
    except PermissionDenied as denied:
        raise ProblemError(403, str(denied) or "You may not do this.") from None
    except services.StaleVersion as stale:
        raise ProblemError(
            409, str(stale), current_version=stale.article.version
        ) from None
    except (services.WorkflowError, PublishingError) as refused:
        raise ProblemError(409, str(refused)) from None


def _story(article_id: int) -> Article:
    if not 0 < article_id < 2**63:
        raise Http404
    found = (
        Article.objects.select_related("category")
        .prefetch_related(
            "tags",
            Prefetch(
                "authorships", queryset=ArticleAuthor.objects.select_related("author")
            ),
        )
        .filter(pk=article_id)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _ids(
    model: type[Category | Tag | Author], slugs: list[str], field: str
) -> list[int]:
    found = dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise ProblemError(
            422,
            f"Unknown {field}: {', '.join(missing)}.",
            errors=[{"field": field, "message": f"no such slug: {s}"} for s in missing],
        )
    return [found[slug] for slug in slugs]


def _data(fields: dict[str, Any]) -> dict[str, Any]:
    """The services' data from the client's fields: slugs become ids."""
    data = {k: v for k, v in fields.items() if v is not None}
    if "category" in data:
        slug = data.pop("category")
        data["category"] = _ids(Category, [slug], "category")[0] if slug else None
    if "tags" in data:
        data["tags"] = _ids(Tag, list(dict.fromkeys(data["tags"])), "tags")
    if "authors" in data:
        data["authors"] = _ids(Author, list(dict.fromkeys(data["authors"])), "authors")
        if not data["authors"]:
            del data["authors"]  # the creator's own byline, as in the editor
    if "embargo_until" in data:
        data["embargo_until"] = moment(data["embargo_until"], "embargo_until")
    return data


@router.post("/articles", response={201: StoryOut, **REFUSALS})
def story_create(request: HttpRequest, draft: DraftIn) -> Status:
    """Start a draft owned by the token's account."""
    with _as_problems():
        services.require(_member(request), Action.CREATE)
        article = services.article_create(by=_member(request), data=_data(draft.dict()))
    return Status(201, story_out(_story(article.pk)))


@router.get("/articles/{article_id}", response={200: StoryOut, **REFUSALS})
def story_get(request: HttpRequest, article_id: int) -> dict[str, Any]:
    """A story the token's account may edit, with its version."""
    article = _story(article_id)
    with _as_problems():
        services.require(_member(request), Action.EDIT, article)
    return story_out(article)


@router.patch(
    "/articles/{article_id}", response={200: StoryOut, **REFUSALS, 409: Conflict}
)
def story_update(
    request: HttpRequest, article_id: int, changes: DraftChanges
) -> dict[str, Any]:
    """Change a story; a `version` older than the story's current one is a 409."""
    article = _story(article_id)
    with _as_problems():
        # Asked first, so a refused client learns nothing about the slugs.
        services.require(_member(request), Action.EDIT, article)
        data = _data(changes.dict(exclude_unset=True, exclude={"version"}))
        services.article_update(
            article=article,
            by=_member(request),
            base_version=changes.version,
            data=data,
        )
    return story_out(_story(article_id))


@router.post("/articles/{article_id}/submit", response={200: StoryOut, **REFUSALS})
def story_submit(request: HttpRequest, article_id: int) -> dict[str, Any]:
    """Send a draft to the editors for review."""
    with _as_problems():
        services.article_submit(article=_story(article_id), by=_member(request))
    return story_out(_story(article_id))


@router.post("/articles/{article_id}/publish", response={200: StoryOut, **REFUSALS})
def story_publish(request: HttpRequest, article_id: int) -> dict[str, Any]:
    """Make a story public now."""
    with _as_problems():
        services.article_approve(article=_story(article_id), by=_member(request))
    return story_out(_story(article_id))


@router.post("/articles/{article_id}/schedule", response={200: StoryOut, **REFUSALS})
def story_schedule(
    request: HttpRequest, article_id: int, when: ScheduleIn
) -> dict[str, Any]:
    """Publish a story at a future time."""
    article = _story(article_id)
    at = moment(when.at, "at")
    with _as_problems():
        services.require(_member(request), Action.SCHEDULE, article)
        if at is None or at <= timezone.now():
            raise ProblemError(422, "The time to publish at must be in the future.")
        services.article_approve(article=article, by=_member(request), at=at)
    return story_out(_story(article_id))


@router.post("/articles/{article_id}/unpublish", response={200: StoryOut, **REFUSALS})
def story_unpublish(request: HttpRequest, article_id: int) -> dict[str, Any]:
    """Take a published story down, or cancel its schedule."""
    with _as_problems():
        services.article_withdraw(article=_story(article_id), by=_member(request))
    return story_out(_story(article_id))
