"""relative-time.js corrects times on a page rendered earlier (docs/decisions/0001)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from dateline.reader.text import relative_time

from .conftest import DemoSite

SIX_DAYS_MS = 6 * 24 * 3600 * 1000
SERVED_TIME = re.compile(r"<time [^>]*data-relative[^>]*>([^<]*)</time>")

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_a_page_read_two_days_after_rendering_shows_the_true_age(
    demo_site: DemoSite, page: Page
):
    # The browser's clock runs two days ahead of the server's: the same as
    # reading a page that a cache kept for two days.
    page.clock.install(time=timezone.now() + timedelta(days=2))
    response = page.goto(demo_site.url + demo_site.article_path)
    assert response is not None
    served = SERVED_TIME.findall(response.text())
    assert served == ["1 day ago"] * 2 + ["2 days ago"] * 4

    times = page.locator(".recent-posts time[data-relative]")
    expect(times).to_have_text(["3 days ago"] * 2 + ["4 days ago"] * 4)


def test_an_open_page_keeps_its_times_current_and_agrees_with_the_server(
    demo_site: DemoSite, page: Page
):
    start = timezone.now()
    page.clock.install(time=start)
    page.goto(demo_site.url + "/")
    times = page.locator(".recent-posts time[data-relative]")
    expect(times).to_have_text(["1 day ago"] * 2 + ["2 days ago"] * 4)

    # Six days on, the newest is a week old and the script's minute timer
    # has turned every time into a date, the same one
    # dateline.reader.text.relative_time gives.
    page.clock.fast_forward(SIX_DAYS_MS)
    now = start + timedelta(milliseconds=SIX_DAYS_MS)
    published = [
        datetime.fromisoformat(value)
        for value in times.evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    ]
    dates = [f"{moment.day} {moment:%B %Y}" for moment in published]  # site in UTC
    assert [relative_time(moment, now) for moment in published] == dates
    expect(times).to_have_text(dates)
