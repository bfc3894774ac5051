"""Two app processes sharing PostgreSQL and Redis see a publish at once."""

from contextlib import ExitStack

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from dateline.content.models import Article
from dateline.publishing.services import article_publish

from ..factories import ArticleFactory
from .servers import base_env, fetch, server

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_publish_is_visible_in_every_process_on_the_next_request(tmp_path):
    assert connection.vendor == "postgresql"
    cache.clear()  # this worker's own Redis database, see tests/conftest.py
    db = connection.settings_dict
    env = base_env(
        tmp_path,
        DATELINE_DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        DATELINE_USE_REDIS="1",
        DATELINE_REDIS_URL=settings.CACHES["default"]["LOCATION"],
    )
    ArticleFactory(headline="Yesterday's story")
    story = ArticleFactory(
        headline="Breaking in both processes", status=Article.Status.DRAFT
    )
    with ExitStack() as stack:
        bases = [stack.enter_context(server(env)) for _ in range(2)]
        for base in bases:
            fetch(base + "/")
            status, headers, body = fetch(base + "/")
            assert (status, headers["X-Cache"]) == (200, "HIT")
            assert b"Breaking in both processes" not in body
        article_publish(article=story)
        # The first process re-renders; the second gets that fresh copy from
        # the shared cache. Neither serves the page from before the publish.
        labels = []
        for base in bases:
            status, headers, body = fetch(base + "/")
            assert status == 200
            assert b"Breaking in both processes" in body
            labels.append(headers["X-Cache"])
        assert labels == ["MISS", "HIT"]
