"""Atom 1.0 (RFC 4287): bytes in, wire items out."""

from __future__ import annotations

from urllib.parse import urljoin
from xml.etree.ElementTree import Element

import lxml.html

from .dates import parse_date
from .items import (
    FormatError,
    ImageRef,
    Parsed,
    Rejected,
    WireItem,
    fingerprint,
    headline_from,
    html_of,
    parsed,
    text_line,
    wire_item,
)
from .xml import inner_xhtml, local, xml_root

ATOM = "http://www.w3.org/2005/Atom"
NS = {"atom": ATOM, "media": "http://search.yahoo.com/mrss/"}
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_atom(data: bytes) -> Parsed:
    """Parse an Atom feed or entry; raise FormatError if it is not one."""
    root = xml_root(data)
    if root.tag == f"{{{ATOM}}}entry":
        entries, title = [root], ""
    elif root.tag == f"{{{ATOM}}}feed":
        entries = root.findall("atom:entry", NS)
        title = text_line(_text(root.find("atom:title", NS)))
    else:
        raise FormatError(
            f"This is not an Atom feed (it starts with <{local(root.tag)}>)."
        )
    base = root.get(XML_BASE, "")
    language = root.get(XML_LANG, "")
    items: list[WireItem] = []
    rejected: list[Rejected] = []
    for position, entry in enumerate(entries, start=1):
        item = _item(entry, urljoin(base, entry.get(XML_BASE, "")), language)
        if isinstance(item, str):
            rejected.append(Rejected(f"entry {position}", item))
        else:
            items.append(item)
    return parsed("atom", title=title, items=items, rejected=rejected)


def _text(node: Element | None, *, base: str = "") -> str:
    """Return an Atom text construct as HTML (html, xhtml) or plain text."""
    if node is None:
        return ""
    kind = node.get("type", "text")
    if kind == "xhtml":
        div = node.find("{http://www.w3.org/1999/xhtml}div")
        html = inner_xhtml(div if div is not None else node)
    elif kind in ("html", "text/html"):
        html = "".join(node.itertext()).strip()
    else:
        return html_of("".join(node.itertext()))
    base = urljoin(base, node.get(XML_BASE, ""))
    if base and html.strip():
        # Relative links in content resolve against xml:base (RFC 4287 §2).
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
        fragment.make_links_absolute(base, resolve_base_href=False)
        html = lxml.html.tostring(fragment, encoding="unicode")[5:-6]
    return html


def _item(entry: Element, base: str, language: str) -> WireItem | str:
    title = text_line(_text(entry.find("atom:title", NS)))
    summary = _text(entry.find("atom:summary", NS), base=base)
    body = _text(entry.find("atom:content", NS), base=base) or summary
    if not title and not body:
        return "has neither a title nor any text"
    link = _link(entry, "alternate", base)
    guid = "".join(entry.findtext("atom:id", "", NS).split()) or link
    raw_dates = [
        entry.findtext(f"atom:{n}", "", NS).strip() for n in ("published", "updated")
    ]
    notes = tuple(
        f"unreadable date {d!r}" for d in raw_dates if d and not parse_date(d)
    )
    return wire_item(
        guid=guid or fingerprint(title, body),
        headline=title or headline_from(body),
        body_html=body,
        url=link,
        summary=text_line(summary)[:500]
        if entry.find("atom:content", NS) is not None
        else "",
        byline=tuple(
            n.strip()
            for n in (
                a.findtext("atom:name", "", NS)
                for a in entry.findall("atom:author", NS)
            )
            if n.strip()
        ),
        language=entry.get(XML_LANG, "") or language,
        subjects=tuple(
            c.get("label") or c.get("term", "")
            for c in entry.findall("atom:category", NS)
            if c.get("term")
        ),
        images=_images(entry, base),
        published_at=parse_date(raw_dates[0] or raw_dates[1]),
        updated_at=parse_date(raw_dates[1]),
        notes=notes,
    )


def _link(entry: Element, rel: str, base: str) -> str:
    for link in entry.findall("atom:link", NS):
        if link.get("rel", "alternate") == rel and link.get("href"):
            return urljoin(base, link.get("href", ""))
    return ""


def _images(entry: Element, base: str) -> tuple[ImageRef, ...]:
    refs = [
        urljoin(base, link.get("href", ""))
        for link in entry.findall("atom:link", NS)
        if link.get("rel") == "enclosure" and link.get("type", "").startswith("image/")
    ]
    refs += [
        t.get("url", "") for t in entry.findall("media:thumbnail", NS) if t.get("url")
    ]
    return tuple(ImageRef(url) for url in dict.fromkeys(refs))
