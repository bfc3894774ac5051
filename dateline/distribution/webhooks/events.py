"""What a webhook says: the event name and the JSON body, fixed when it happens."""

from __future__ import annotations

import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone

from dateline.content.models import Article, Revision

from ..addresses import absolute, article_guid

PUBLISHED = "article.published"
UPDATED = "article.updated"
UNPUBLISHED = "article.unpublished"
EVENTS = (PUBLISHED, UPDATED, UNPUBLISHED)

# The revision that led to an article_published signal tells a first (or
# renewed) publication from an edit of a public story: ingest and the
# newsroom record SAVE, CORRECT or RESTORE before they announce an edit.
_EDITS = (Revision.Action.SAVE, Revision.Action.CORRECT, Revision.Action.RESTORE)
_NOT_STEPS = (Revision.Action.AUTOSAVE, Revision.Action.CONFLICT)


def published_event(article: Article) -> str:
    """article.updated for a change to a public story, else article.published."""
    latest = (
        article.revisions.exclude(action__in=_NOT_STEPS)
        .values_list("action", flat=True)
        .first()
    )
    return UPDATED if latest in _EDITS else PUBLISHED


def event_body(*, event: str, article: Article) -> str:
    """The JSON every subscriber gets for this event, as sent and signed."""
    # A deleted story is announced after the delete, when it has no pk left.
    known = article.pk is not None
    data = {
        "id": str(uuid.uuid4()),
        "event": event,
        "occurred_at": timezone.now(),
        "article": {
            "id": article.pk,
            "guid": article_guid(article) if known else None,
            "slug": article.slug,
            "headline": article.headline,
            "status": article.status,
            "url": absolute(article.get_absolute_url()),
            "api_url": absolute(_api_path(article.pk)) if known else None,
            "published_at": article.published_at,
            "updated_at": article.updated_at,
        },
    }
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def _api_path(pk: int) -> str:
    return reverse("distribution:api-v1:article_by_id", kwargs={"article_id": pk})
