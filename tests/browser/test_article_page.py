"""A reader goes from the front page to the seed story and sees what the seed shows."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from dateline.demo.recent import RECENT_POSTS
from dateline.demo.seed import SEED_ARTICLE

from .conftest import DemoSite

SCREENSHOT = settings.DATA_DIR / "screenshots" / "article.png"
X_POST = "https://x.com/mfa_russia/status/1713989385213808729"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_front_page_leads_to_the_seed_story_as_the_seed_shows_it(
    demo_site: DemoSite, page: Page
):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name=SEED_ARTICLE["headline"], exact=True).first.click()
    expect(page).to_have_url(demo_site.url + demo_site.article_path)

    story = page.locator("main article.story")
    expect(story.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE["headline"])
    expect(story.locator(".body .dateline")).to_have_text("Moscow [Russia]:")
    byline = story.locator(".byline").get_by_role("link")
    expect(byline).to_have_text("Admin")
    expect(byline).to_have_attribute("href", "/author/admin/")

    post = story.locator("figure.social-post-x")
    expect(post.locator("blockquote")).to_be_visible()
    expect(post.locator("blockquote")).to_have_attribute("cite", X_POST)
    for label, href in [
        ("#Putin", "https://x.com/hashtag/Putin"),
        ("@netanyahu", "https://x.com/netanyahu"),
    ]:
        link = post.locator("blockquote").get_by_role("link", name=label, exact=True)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", href)
    original = post.get_by_role("link", name="View the post on X")
    expect(original).to_be_visible()
    expect(original).to_have_attribute("href", X_POST)

    kremlin = story.locator(".body > blockquote")
    expect(kremlin).to_be_visible()
    expect(kremlin).to_have_text(
        re.compile(r"^“The Israeli side .* the Kremlin said in a statement\.$")
    )

    recent = page.get_by_role("complementary", name="Recent Posts")
    items = recent.get_by_role("listitem")
    expect(items).to_have_count(6)
    titles = items.get_by_role("heading", level=3).get_by_role("link")
    expect(titles).to_have_text([post["headline"] for post in RECENT_POSTS])
    for href in titles.evaluate_all("links => links.map(a => a.pathname)"):
        assert re.fullmatch(r"/2\d{3}/\d\d/\d\d/[\w-]+/", href), href
    expect(items.locator(".teaser")).to_have_text([re.compile(r"\S…$")] * 6)
    times = items.locator("time[datetime]")
    expect(times).to_have_text(["1 day ago"] * 2 + ["2 days ago"] * 4)
    for moment in times.evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", moment)
    expect(recent).to_be_in_viewport()

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT, full_page=True)
    assert SCREENSHOT.read_bytes().startswith(b"\x89PNG")
