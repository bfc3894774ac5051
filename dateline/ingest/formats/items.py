"""What every parser returns: wire items, refusals and the one error type."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from dateline.content.body import plain_text

from ..datelines import dateline_split


class FormatError(ValueError):
    """The document cannot be read at all; the message is for an editor."""


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A picture kept as a reference: nothing is downloaded at parse time."""

    url: str
    caption: str = ""
    credit: str = ""
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True, slots=True)
class WireItem:
    guid: str
    headline: str  # plain text
    body_html: str  # unsanitized; Article.save() applies the allowlist
    kind: str = "text"  # text, picture, video, audio, composite, event, …
    version: int | None = None
    url: str = ""
    summary: str = ""
    byline: tuple[str, ...] = ()
    agency: str = ""
    dateline: str = ""  # "Moscow [Russia]", taken out of the lead
    language: str = ""
    subjects: tuple[str, ...] = ()
    images: tuple[ImageRef, ...] = ()
    published_at: datetime | None = None  # aware, UTC
    updated_at: datetime | None = None
    embargoed_until: datetime | None = None
    notes: tuple[str, ...] = ()  # problems that did not stop the item


@dataclass(frozen=True, slots=True)
class Rejected:
    """An item the document holds but that cannot become an article."""

    ref: str  # guid, or "item 3" when it has none
    reason: str


@dataclass(frozen=True, slots=True)
class Parsed:
    format: str
    title: str = ""
    items: tuple[WireItem, ...] = ()
    rejected: tuple[Rejected, ...] = field(default=())


def text_line(value: str | None) -> str:
    """Return markup-free, single-line text (titles may carry escaped HTML)."""
    if not value or not value.strip():
        return ""
    if "<" in value or "&" in value:
        return plain_text(value, skip_figures=False)
    return " ".join(value.split())


def wire_item(
    *, body_html: str, dateline: str = "", agency: str = "", **fields
) -> WireItem:  # type: ignore[no-untyped-def]
    """Build a WireItem, moving a dateline found in the lead into its field."""
    found, body_html = dateline_split(body_html)
    if found is not None:
        dateline, agency = found.text, agency or found.agency
    return WireItem(body_html=body_html, dateline=dateline, agency=agency, **fields)


def html_of(text: str, *, plain: bool = False) -> str:
    """Return text as body HTML: markup as is, plain text as paragraphs."""
    text = text.strip()
    if not text or (not plain and re.search(r"</?[a-zA-Z][^>]*>", text)):
        return text
    paragraphs = re.split(r"\n\s*\n", text)
    return "".join(
        f"<p>{escape(' '.join(p.split()))}</p>" for p in paragraphs if p.strip()
    )


def headline_from(body_html: str, *, words: int = 12) -> str:
    """Derive a headline for an untitled item from its first words."""
    text = plain_text(body_html).split()
    return " ".join(text[:words]) + ("…" if len(text) > words else "")


def parsed(
    format: str, *, title: str, items: list[WireItem], rejected: list[Rejected]
) -> Parsed:
    """Bundle a parse, refusing later items that repeat an earlier GUID."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.guid in seen:
            rejected.append(
                Rejected(item.guid, "repeats a GUID already in this document")
            )
            continue
        seen.add(item.guid)
        unique.append(item)
    return Parsed(format, title, tuple(unique), tuple(rejected))


def fingerprint(*parts: str) -> str:
    """A stable identifier for an item that has no GUID or link."""
    return "sha1:" + hashlib.sha1("\n".join(parts).encode()).hexdigest()
