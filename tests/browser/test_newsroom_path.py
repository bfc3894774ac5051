"""Acceptance 1: contributor files, editor (with TOTP) schedules, it goes live,
the editor corrects it; in Chromium, under the site's own CSP."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from huey.contrib.djhuey import HUEY
from huey.storage import MemoryStorage
from playwright.sync_api import Browser, BrowserContext, Page, expect

from dateline.content.models import Article
from dateline.newsroom.uploads import image_upload

from ..factories import ArticleFactory, CategoryFactory, member

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SCREENSHOTS = Path(settings.DATA_DIR) / "screenshots"


@pytest.fixture
def task_consumer(transactional_db: None) -> Iterator[None]:
    """The huey consumer `dateline serve` runs, here in a thread on a memory queue."""
    immediate, storage = HUEY.immediate, HUEY.storage
    HUEY.immediate = False
    HUEY.storage = MemoryStorage(HUEY.name)
    consumer = HUEY.create_consumer(workers=1, worker_type="thread", periodic=True)
    consumer.start()
    yield
    consumer.stop(graceful=True)
    HUEY.storage, HUEY.immediate = storage, immediate


@pytest.fixture
def newsroom(live_server, task_consumer, settings, tmp_path) -> dict[str, object]:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    world = CategoryFactory(name="World")
    ArticleFactory(headline="An older story already out", category=world)
    contributor = member("contributor", username="carla")
    editor = member("editor", username="eddie")
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    return {
        "url": live_server.url,
        "world": world,
        "contributor": contributor,
        "editor": editor,
        "device": device,
    }


@pytest.fixture
def strict_context(browser: Browser) -> Iterator[BrowserContext]:
    # No bypass_csp: the newsroom must work under its own policy.
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context
    context.close()


def new_page(context: BrowserContext, errors: list[str]) -> Page:
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page


def sign_in(page: Page, url: str, username: str) -> None:
    page.goto(f"{url}/newsroom/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse")
    page.click("button:has-text('Sign in')")


def wait_for(check: Callable[[], bool], seconds: float) -> float:
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        if check():
            return time.monotonic() - began
        time.sleep(0.5)
    raise AssertionError(f"still not true after {seconds} s")


def test_contributor_files_editor_schedules_it_goes_live_and_is_corrected(
    newsroom, strict_context, corpora
):
    url = newsroom["url"]
    errors: list[str] = []
    image_upload(
        upload=_upload(corpora / "uploads" / "valid.jpg"),
        alt_text="Rescuers at the river bank",
        credit="Photo: Ana Lens",
    )

    # The contributor writes and submits.
    page = new_page(strict_context, errors)
    sign_in(page, url, "carla")
    expect(page.locator("h1")).to_have_text("Stories")
    page.click("text=New story")
    # The editor starts without taking the focus from the headline.
    expect(page.locator(".ql-editor")).to_be_visible()
    expect(page.locator(".ql-editor")).not_to_be_focused()
    page.fill("#id_headline", "River rescue saves twelve")
    page.fill("#id_dateline", "Leeds")
    page.select_option("#id_category", label="World")
    page.click("#save")
    expect(page.locator(".messages")).to_contain_text("Draft saved.")

    editor = page.locator(".ql-editor")
    editor.click()
    page.keyboard.type("Boats reached the stranded families at dawn. ")
    page.keyboard.press("Control+B")
    page.keyboard.type("Twelve people")
    page.keyboard.press("Control+B")
    page.keyboard.type(" were brought ashore. Read the ")
    page.keyboard.type("council statement")
    for _ in range(len("council statement")):
        page.keyboard.press("Shift+ArrowLeft")
    page.click(".ql-link")
    page.fill(".ql-tooltip input[type=text]", "https://example.org/statement")
    page.keyboard.press("Enter")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("We heard them calling from the roofs.")
    page.click(".ql-blockquote")
    page.keyboard.press("Enter")
    page.click(".ql-blockquote")
    page.click(".ql-image")
    page.click("#image-choices .choice")
    page.click("#save")
    expect(page.locator(".messages")).to_contain_text("Saved (version 2).")
    page.click("button:has-text('Submit for review')")
    expect(page.locator(".messages")).to_contain_text("Submitted for review.")

    story = Article.objects.get(headline="River rescue saves twelve")
    assert story.status == Article.Status.IN_REVIEW
    assert "<strong>Twelve people</strong>" in story.body
    assert (
        '<a href="https://example.org/statement" rel="noopener noreferrer">council statement</a>'
        in story.body
    )
    assert (
        "<blockquote>We heard them calling from the roofs.</blockquote>" in story.body
    )
    assert 'alt="Rescuers at the river bank"' in story.body
    assert story.created_by == newsroom["contributor"]

    # The contributor sees no way to publish, and the server agrees.
    assert page.locator("#publish").count() == 0

    # The editor signs in with a one-time code, reviews and schedules.
    editor_context = strict_context.browser.new_context(
        viewport={"width": 1400, "height": 1000}
    )
    page2 = new_page(editor_context, errors)
    sign_in(page2, url, "eddie")
    expect(page2.locator("h1")).to_have_text("Confirm it is you")
    device = newsroom["device"]
    page2.fill("#id_code", f"{totp(device.bin_key):06d}")
    page2.click("button:has-text('Confirm')")
    expect(page2.locator("h1")).to_have_text("Stories")
    page2.select_option("select[name=status]", "review")
    page2.click("button:has-text('Filter')")
    page2.click("text=River rescue saves twelve")
    at = timezone.localtime() + timedelta(seconds=6)
    page2.fill("#id_publish_at", at.strftime("%Y-%m-%dT%H:%M:%S"))
    page2.click("#publish")
    expect(page2.locator(".messages")).to_contain_text("Scheduled for")

    reader = new_page(strict_context, errors)
    # Pages say max-age=60 to browsers; this reader asks the server each time,
    # as a reader arriving now would.
    reader.route("**/*", lambda route: route.continue_())

    def on(path: str) -> Callable[[], bool]:
        def check() -> bool:
            reader.goto(f"{url}{path}")
            return reader.locator("text=River rescue saves twelve").count() > 0

        return check

    assert reader.goto(f"{url}/").ok
    assert reader.locator("text=River rescue saves twelve").count() == 0
    waited = wait_for(on("/"), 70)
    live_at = timezone.now()
    assert live_at - at < timedelta(seconds=60)
    assert on("/category/world/")()
    older = Article.objects.get(headline="An older story already out")
    reader.goto(f"{url}{older.get_absolute_url()}")
    expect(reader.locator(".recent-posts, aside").first).to_contain_text(
        "River rescue saves twelve"
    )

    # The editor adds a correction; the public page shows it and the time.
    page2.reload()
    page2.select_option("#id_kind", "correction")
    page2.fill("#id_text", "An earlier version gave the wrong river.")
    page2.click("#add-note")
    expect(page2.locator(".messages")).to_contain_text("Correction published.")
    story.refresh_from_db()
    reader.goto(f"{url}{story.get_absolute_url()}")
    expect(reader.locator(".correction")).to_contain_text(
        "Correction: An earlier version gave the wrong river."
    )
    expect(reader.locator(".story .meta")).to_contain_text("Updated")
    expect(reader.locator(".story .body strong")).to_have_text("Twelve people")
    assert [e for e in errors if "Content Security Policy" in e] == []
    assert waited < 20  # the eta task, not the minute sweep
    editor_context.close()


def _upload(path: Path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(path.name, path.read_bytes())


def test_screenshots_of_the_story_list_and_the_editor(newsroom, strict_context):
    """Taken for the README: docs/screenshot-newsroom-{stories,editor}.png."""
    from dateline.newsroom import services

    editor = newsroom["editor"]
    from dateline.newsroom.locks import lock_touch

    for headline in (
        "Council approves the flood defence budget",
        "Rail strike called off",
    ):
        filed = services.article_create(
            by=newsroom["contributor"], data={"headline": headline}
        )
    lock_touch(article=filed, by=newsroom["contributor"])
    story = services.article_create(
        by=editor,
        data={
            "headline": "Storm closes the coast road",
            "dateline": "Whitby",
            "standfirst": "Police advise drivers to avoid the A171 until the evening.",
            "body": "<p>High winds brought down trees <strong>across the road</strong> "
            "early on Tuesday.</p><h2>What we know</h2><ul><li>No one was hurt.</li>"
            "<li>Buses are diverted.</li></ul><blockquote>It was like a wall of "
            "water.</blockquote>",
            "category": newsroom["world"].pk,
        },
    )
    page = new_page(strict_context, [])
    sign_in(page, newsroom["url"], "eddie")
    page.fill("#id_code", f"{totp(newsroom['device'].bin_key):06d}")
    page.click("button:has-text('Confirm')")
    # A screenshot taken while the page is still navigating fails.
    expect(page.locator("h1")).to_have_text("Stories")
    page.wait_for_load_state("load")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "newsroom-stories.png")
    page.goto(f"{newsroom['url']}/newsroom/stories/{story.pk}/")
    expect(page.locator(".ql-editor h2")).to_have_text("What we know")
    page.wait_for_timeout(1500)  # the live preview
    page.screenshot(path=SCREENSHOTS / "newsroom-editor.png", full_page=True)
    assert re.search("Storm closes the coast road", page.content())
