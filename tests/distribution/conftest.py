"""Fixtures for machine-readable outputs: the demo site as of the seed story."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dateline.content.models import Article
from dateline.demo.loader import demo_load
from dateline.demo.seed import SEED_PUBLISHED_AT, SEED_SLUG


@pytest.fixture
def seed_site(db: None) -> Article:
    """The demo loaded as of three days after the seed story, when it was news."""
    # demo_load's Recent Posts sit one and two days before `now` and its
    # archive before them, so the seed is among the latest stories then.
    demo_load(now=SEED_PUBLISHED_AT + timedelta(days=3))
    return Article.objects.get(slug=SEED_SLUG)


@pytest.fixture
def demo_site(db: None) -> Article:
    """The demo as `make run` loads it today: the seed is its oldest story."""
    demo_load()
    return Article.objects.get(slug=SEED_SLUG)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # The API's rate limits count requests in the cache; start each test at 0.
    from django.core.cache import cache

    cache.clear()
