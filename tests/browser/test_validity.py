"""Every kind of public page is valid HTML and has no serious accessibility fault."""

from __future__ import annotations

import json
import subprocess
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import NODE_MODULES, DemoSite

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_nu_html_checker_finds_no_errors(demo_site: DemoSite, tmp_path: Path):
    files = []
    for name, path in demo_site.pages.items():
        with urllib.request.urlopen(demo_site.url + path) as response:
            assert response.status == 200, name
            files.append(tmp_path / f"{name}.html")
            files[-1].write_bytes(response.read())
    # One Java start for all pages: the checker costs about a second per run.
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{Path(m['url']).stem}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] in {"error", "non-document-error"}
    ]
    assert errors == []
    assert result.returncode == 0


def test_axe_finds_no_serious_or_critical_violations(demo_site: DemoSite, page: Page):
    found, contrast_checked = {}, []
    for name, path in demo_site.pages.items():
        page.goto(demo_site.url + path)
        page.add_script_tag(path=AXE)
        results = page.evaluate("async () => await axe.run(document)")
        found[name] = sorted(
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
            for v in results["violations"]
            if v["impact"] in {"serious", "critical"}
        )
        if any(rule["id"] == "color-contrast" for rule in results["passes"]):
            contrast_checked.append(name)
    assert found == {name: [] for name in demo_site.pages}
    assert contrast_checked == list(demo_site.pages)
