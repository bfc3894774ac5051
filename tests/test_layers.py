"""ARCHITECTURE.md's import rule: a package imports only from earlier ones."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dateline"
# ARCHITECTURE.md, "The import rule"; serve and demo share the last place.
ORDER = [
    "accounts",
    "content",
    "publishing",
    "search",
    "ingest",
    "newsroom",
    "distribution",
    "reader",
    "cache",
    "serve",
    "demo",
]
LAYER = {name: min(n, ORDER.index("serve")) for n, name in enumerate(ORDER)}


def imported_packages(path: Path) -> set[str]:
    """The dateline packages a module imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "dateline" and len(parts) > 1 and parts[1] in LAYER:
                found.add(parts[1])
    return found


def test_every_package_is_in_the_order():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(ORDER)


@pytest.mark.parametrize("package", ORDER)
def test_a_package_imports_only_from_earlier_ones(package):
    wrong = {
        f"{path.relative_to(PACKAGE)} imports {other}"
        for path in (PACKAGE / package).rglob("*.py")
        for other in imported_packages(path)
        if LAYER[other] > LAYER[package]
    }
    assert wrong == set()
