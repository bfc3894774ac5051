"""A moved-in WordPress site and the demo's edge pages are valid HTML."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from django.test import Client

from dateline.ingest.models import WireLink
from dateline.ingest.services import wordpress_import

from .conftest import NODE_MODULES, DemoSite

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The client compiler alone (C1, which needs a larger stack for the schema)
# and no language guessing, whose findings are only warnings, cut the
# checker's CPU time about threefold over 80 pages.
VNU_COMMAND = ["java", "-Xss2m", "-XX:TieredStopAtLevel=1", "-jar", str(VNU)]

# The edge pages of the loaded demo, with the status each must answer.
DEMO_PAGES = {
    "/no-such-page/": 404,
    "/page/2/": 200,
    "/2023/10/": 200,
    "/search/?q=putin": 200,
}

# A page known to be invalid, checked with the others: its one error shows
# that the checker read every file and that errors name their page.
CANARY = "(canary)"
CANARY_HTML = b"<!DOCTYPE html><html lang=en><title>c</title><p><div></div></p></html>"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def nu_errors(pages: dict[str, bytes], folder: Path) -> list[str]:
    """Run the Nu Html Checker once over all pages: 'path:line: message' each."""
    files = {}
    for number, (path, html) in enumerate(pages.items()):
        file = folder / f"{number}.html"
        file.write_bytes(html)
        files[str(file)] = path
    # One Java start for every page.
    result = subprocess.run(
        [*VNU_COMMAND, "--no-langdetect", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    return [
        f"{files[m['url'].removeprefix('file:')]}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stdout)["messages"]
        if m["type"] in {"error", "non-document-error"}
    ]


def test_imported_wordpress_pages_and_demo_edge_pages_are_valid_html(
    demo_site: DemoSite, client: Client, corpora: Path, tmp_path: Path
):
    pages, statuses = {}, {}
    for path in DEMO_PAGES:
        response = client.get(path)
        pages[path], statuses[path] = response.content, response.status_code
    response = client.post("/")
    pages["POST /"], statuses["POST /"] = response.content, response.status_code
    assert statuses == {**DEMO_PAGES, "POST /": 405}
    # The search page must list results for its markup to be checked.
    assert pages["/search/?q=putin"].count(b'<li class="card">') == 1

    export = corpora / "wordpress" / "themeunittestdata.wordpress.xml"
    summary = wordpress_import(data=export.read_bytes())
    assert summary.failed == Counter()
    links = WireLink.objects.filter(guid__startswith="wordpress:").select_related(
        "article"
    )
    imported = [
        link.article.get_absolute_url() for link in links if link.article.is_public
    ]
    assert len(set(imported)) == 76
    for path in imported:
        response = client.get(path)
        pages[path], statuses[path] = response.content, response.status_code
    assert {path: statuses[path] for path in imported} == dict.fromkeys(imported, 200)

    errors = nu_errors({**pages, CANARY: CANARY_HTML}, tmp_path)
    canary = f"{CANARY}:1: No “p” element in scope but a “p” end tag seen."
    assert canary in errors
    errors.remove(canary)
    assert errors == [], "\n".join(errors)
