"""Pure parsers, one module per format: bytes in, WireItems out."""

from __future__ import annotations

import re
from collections.abc import Callable

from .atom import parse_atom
from .items import FormatError, ImageRef, Parsed, Rejected, WireItem
from .newsml_g2 import parse_newsml_g2
from .ninjs import parse_ninjs
from .rss import parse_rss

PARSERS: dict[str, Callable[[bytes], Parsed]] = {
    "rss": parse_rss,
    "atom": parse_atom,
    "ninjs": parse_ninjs,
    "newsml-g2": parse_newsml_g2,
}

# The first element: not a processing instruction, comment or doctype.
_ROOT = re.compile(rb"<(?![?!])([\w:.-]+)")


def parse_document(data: bytes, *, format: str | None = None) -> Parsed:
    """Parse data in the given format, or in the one its first bytes show."""
    if format is None:
        format = sniff(data)
    if format == "feed":
        format = "atom" if sniff(data) == "atom" else "rss"
    if format not in PARSERS:
        raise FormatError(
            f"Unknown format {format!r}; use one of {', '.join(PARSERS)}."
        )
    return PARSERS[format](data)


def sniff(data: bytes) -> str:
    """Guess a document's format from its opening bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return "ninjs"
    root = _ROOT.search(head)
    name = root.group(1).rpartition(b":")[2] if root else b""
    if name in (b"feed", b"entry"):
        return "atom"
    if name in (b"rss", b"RDF"):
        return "rss"
    return "newsml-g2"  # newsItem, newsMessage, …: it names anything else


__all__ = [
    "FormatError",
    "ImageRef",
    "Parsed",
    "Rejected",
    "WireItem",
    "parse_document",
    "sniff",
]
