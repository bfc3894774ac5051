"""Shared fixtures: corpus paths, users by role, published articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from .factories import ArticleFactory, AuthorFactory, CategoryFactory


def _find_corpora() -> Path:
    """../shared/corpora beside the checkout (or above it); or DATELINE_CORPORA."""
    if override := os.environ.get("DATELINE_CORPORA"):
        return Path(override)
    checkout = Path(__file__).resolve().parents[1]
    for folder in checkout.parents:
        if (folder / "shared" / "corpora").is_dir():
            return folder / "shared" / "corpora"
    return checkout.parent / "shared" / "corpora"


CORPORA = _find_corpora()

# CI gates a landing, so there every property test draws the same examples
# for the same code (Hypothesis' advice for CI); a local `make test` draws
# new ones each run and keeps finding new cases.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _plain_static_storage(settings: object) -> None:
    # Hashed names need `collectstatic`; tests serve static files from source.
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture
def corpora() -> Path:
    assert CORPORA.is_dir(), f"test corpora not found at {CORPORA}"
    return CORPORA


@pytest.fixture
def world(db: None):
    return CategoryFactory(name="World")


@pytest.fixture
def admin_author(db: None):
    return AuthorFactory(name="Admin", slug="admin")


@pytest.fixture
def published_article(world, admin_author):
    return ArticleFactory(
        headline="Putin speaks to Netanyahu",
        slug="putin-speaks",
        dateline="Moscow [Russia]",
        category=world,
        authors=[admin_author],
    )


@pytest.fixture(autouse=True)
def _own_redis_database(settings: object, worker_id: str) -> None:
    # With Redis, each xdist worker gets its own database, so that one test's
    # cache.clear() (a FLUSHDB) cannot empty another's cache mid-test.
    if not settings.USE_REDIS:  # type: ignore[attr-defined]
        return
    number = 1 + (0 if worker_id == "master" else int(worker_id.removeprefix("gw")))
    settings.CACHES = {  # type: ignore[attr-defined]
        "default": {
            **settings.CACHES["default"],  # type: ignore[attr-defined]
            "LOCATION": f"redis://127.0.0.1:6379/{number}",
        }
    }
