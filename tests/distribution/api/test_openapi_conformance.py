"""schemathesis drives every operation from the OpenAPI document, bounded."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from dateline.distribution.tokens import token_create

from ...factories import ArticleFactory, ImageFactory, TagFactory, member

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


@pytest.fixture
def stories(db, settings_override):
    topic = TagFactory(name="Gaza")
    ArticleFactory(
        headline="A story with a picture", tags=[topic], featured_image=ImageFactory()
    )
    ArticleFactory(headline="A story without", dateline="Moscow [Russia]")


@pytest.fixture
def settings_override(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.API_RATE_LIMIT = "100000/m"  # the generator is one very busy client


@pytest.fixture
def connection_kept():
    """Keep the test's database connection open across generated requests."""
    # A bare WSGIHandler closes connections that are not in autocommit at the
    # end of each request, which on PostgreSQL ends the test's transaction;
    # Django's own test client disconnects this receiver in the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    """An admin's token, so that every newsroom operation can succeed too."""
    return token_create(user=member("admin"))[1]


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_no_generated_request_gets_a_5xx_or_breaks_the_schema(
    case, stories, token, connection_kept
):
    # A schema-valid request may still be refused: an opaque cursor this API
    # did not make, or a search of symbols alone, is a 400 by design; so is
    # a story id that does not exist, or a topic slug nobody made (404, 422).
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        excluded_checks=[positive_data_acceptance],
    )
