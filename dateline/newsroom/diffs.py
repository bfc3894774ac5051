"""Readable differences between two revisions, field by field."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import lxml.html

from dateline.content.models import Author, Category, Image, Revision, Tag

# Relations are kept as ids; a diff shows names.
MODELS: dict[str, type[Category | Image | Tag | Author]] = {
    "category": Category,
    "featured_image": Image,
    "tags": Tag,
    "authors": Author,
}

LABELS = {
    "headline": "Headline",
    "slug": "Slug",
    "dateline": "Dateline",
    "standfirst": "Standfirst",
    "body": "Body",
    "seo_title": "Search title",
    "seo_description": "Search description",
    "social_title": "Social title",
    "social_description": "Social description",
    "category": "Category",
    "featured_image": "Featured image",
    "tags": "Tags",
    "authors": "Authors",
}


@dataclass(frozen=True)
class Line:
    kind: str  # "same", "added" or "removed"
    text: str


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    lines: list[Line]


def body_lines(html: str) -> list[str]:
    """One line per block of body HTML, as a reader would see its text."""
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    lines = []
    for block in root:
        text = " ".join(block.text_content().split())
        if block.tag == "figure":
            img = block.find(".//img")
            alt = img.get("alt", "") if img is not None else ""
            text = f"[{block.get('class', 'figure')}: {alt or text}]"
        elif block.tag in ("ul", "ol"):
            text = " · ".join(" ".join(li.text_content().split()) for li in block)
        if text:
            lines.append(f"{block.tag}: {text}" if block.tag != "p" else text)
    if root.text and root.text.strip():
        lines.insert(0, root.text.strip())
    return lines


def _lines(field: str, value: Any) -> list[str]:
    if field == "body":
        return body_lines(value or "")
    if field in MODELS and value:
        ids = value if isinstance(value, list) else [value]
        found = {o.pk: str(o) for o in MODELS[field].objects.filter(pk__in=ids)}
        return [", ".join(found.get(pk, f"#{pk} (deleted)") for pk in ids)]
    return [str(value)] if value not in (None, "") else []


def revision_diff(older: Revision, newer: Revision) -> list[FieldDiff]:
    """The fields that differ between two revisions, as added and removed lines."""
    diffs = []
    for field, label in LABELS.items():
        a = _lines(field, older.snapshot.get(field))
        b = _lines(field, newer.snapshot.get(field))
        if a == b:
            continue
        lines = []
        for row in difflib.ndiff(a, b):
            code, text = row[:2], row[2:]
            if code == "  ":
                lines.append(Line("same", text))
            elif code == "- ":
                lines.append(Line("removed", text))
            elif code == "+ ":
                lines.append(Line("added", text))
        diffs.append(FieldDiff(field=field, label=label, lines=lines))
    return diffs
