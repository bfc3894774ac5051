"""At 360 px, the narrowest phone the site supports, no page scrolls sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import DemoSite

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_nothing_overflows_horizontally_at_360_px(demo_site: DemoSite, page: Page):
    page.set_viewport_size({"width": 360, "height": 740})
    widths = {}
    for name, path in demo_site.pages.items():
        page.goto(demo_site.url + path)
        widths[name] = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
    assert widths == {name: [360, 360] for name in demo_site.pages}
