"""RSS 0.9x, 1.0 (RDF) and 2.0: bytes in, wire items out."""

from __future__ import annotations

from xml.etree.ElementTree import Element

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
from .xml import local, xml_root

NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
    "a10": "http://www.w3.org/2005/Atom",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
# RSS 1.0 and 0.90 put channel and items in these namespaces.
RDF_NAMESPACES = ("http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/")


def parse_rss(data: bytes) -> Parsed:
    """Parse an RSS document; raise FormatError if it is not a readable feed."""
    root = xml_root(data)
    if local(root.tag) == "rss":
        channel, ns = root.find("channel"), ""
        entries = channel.findall("item") if channel is not None else []
    elif local(root.tag) == "RDF":
        ns = next(
            (n for n in RDF_NAMESPACES if root.find(f"{{{n}}}channel") is not None), ""
        )
        channel = root.find(f"{{{ns}}}channel") if ns else None
        entries = root.findall(f"{{{ns}}}item") if ns else []
    else:
        raise FormatError(
            f"This is not an RSS feed (it starts with <{local(root.tag)}>)."
        )
    if channel is None:
        raise FormatError("This RSS feed has no <channel>.")
    prefix = f"{{{ns}}}" if ns else ""
    language = _text(channel, f"{prefix}language") or _text(channel, "dc:language")
    items: list[WireItem] = []
    rejected: list[Rejected] = []
    for position, entry in enumerate(entries, start=1):
        item = _item(entry, prefix, language)
        if isinstance(item, str):
            rejected.append(Rejected(f"item {position}", item))
        else:
            items.append(item)
    return parsed(
        "rss", title=_text(channel, f"{prefix}title"), items=items, rejected=rejected
    )


def _text(element: Element, path: str) -> str:
    found = element.find(path, NS)
    return "".join(found.itertext()).strip() if found is not None else ""


def _item(entry: Element, prefix: str, language: str) -> WireItem | str:
    title = text_line(_text(entry, f"{prefix}title"))
    description = _text(entry, f"{prefix}description")
    body = html_of(_text(entry, "content:encoded") or description)
    if not title and not body:
        return "has neither a title nor any text"
    link = _text(entry, f"{prefix}link") or _atom_link(entry)
    guid = _text(entry, "guid") or entry.get(f"{{{NS['rdf']}}}about", "") or link
    raw_date = _text(entry, "pubDate") or _text(entry, "dc:date")
    notes = (
        (f"unreadable date {raw_date!r}",)
        if raw_date and not parse_date(raw_date)
        else ()
    )
    return wire_item(
        guid=guid or fingerprint(title, body),
        headline=title or headline_from(body),
        body_html=body,
        url=link,
        summary=text_line(description)[:500] if _text(entry, "content:encoded") else "",
        byline=_byline(entry),
        language=_text(entry, "dc:language") or language,
        subjects=tuple(text_line(c.text) for c in entry.findall("category") if c.text),
        images=_images(entry),
        published_at=parse_date(raw_date),
        updated_at=parse_date(_text(entry, "a10:updated")),
        notes=notes,
    )


def _atom_link(entry: Element) -> str:
    link = entry.find("a10:link", NS)
    return link.get("href", "") if link is not None else ""


def _byline(entry: Element) -> tuple[str, ...]:
    names = [
        c.text.strip()
        for c in entry.findall("dc:creator", NS)
        if c.text and c.text.strip()
    ]
    if not names and (
        author := _text(entry, "author") or _text(entry, "a10:author/a10:name")
    ):
        # RSS 2.0 wants "email (Name)"; keep only the name when there is one.
        names = [author.partition("(")[2].rstrip(")").strip() or author]
    return tuple(names)


def _images(entry: Element) -> tuple[ImageRef, ...]:
    refs: dict[str, ImageRef] = {}
    for node in entry.iter():
        name, url = local(node.tag), node.get("url", "")
        # media:content without type or medium is a picture in practice.
        medium = node.get("medium", "image/")
        kind = node.get("type") or medium
        is_image = kind.startswith("image")
        if name in ("enclosure", "content", "thumbnail") and url and is_image:
            refs.setdefault(
                url, ImageRef(url, credit=text_line(_text(node, "media:credit")))
            )
    return tuple(refs.values())
