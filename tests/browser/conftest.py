"""One Debian Chromium per test session, and the demo site on a live server."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from dateline.content.models import Article
from dateline.demo.loader import demo_load
from dateline.demo.seed import SEED_ARTICLE, SEED_SLUG

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"


@dataclass(frozen=True)
class DemoSite:
    """The live server's address and the paths of the pages every check covers."""

    url: str
    article_path: str

    @property
    def pages(self) -> dict[str, str]:
        return {
            "home": "/",
            "article": self.article_path,
            "category": "/category/world/",
            "tag": "/tag/gaza/",
            "author": "/author/admin/",
        }


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Playwright's sync API keeps an event loop running in this thread, which
    # Django takes for async code and refuses ORM calls in; the ORM is still
    # only called synchronously here, so lift the guard while it runs.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def demo_snapshots() -> dict[str, sqlite3.Connection]:
    return {}


@pytest.fixture
def demo_site(
    live_server, transactional_db: None, demo_snapshots: dict[str, sqlite3.Connection]
) -> DemoSite:
    # Loading the demo publishes 327 articles, each announced to every
    # receiver: seconds per test. On SQLite the loaded database is copied
    # once and restored with the backup API in milliseconds.
    connection = connections["default"]
    connection.ensure_connection()
    if "demo" in demo_snapshots:
        demo_snapshots["demo"].backup(connection.connection)
        ContentType.objects.clear_cache()
    else:
        assert demo_load() is True
        if connection.vendor == "sqlite":
            snapshot = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(snapshot)
            demo_snapshots["demo"] = snapshot
    seed = Article.objects.get(slug=SEED_SLUG)
    assert seed.headline == SEED_ARTICLE["headline"]
    return DemoSite(url=live_server.url, article_path=seed.get_absolute_url())


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    # A strict Content-Security-Policy would refuse the injected axe-core.
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page
