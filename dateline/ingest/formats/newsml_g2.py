"""IPTC NewsML-G2 (XML): news items and news messages in, wire items out."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from .dates import parse_date
from .items import (
    FormatError,
    ImageRef,
    Parsed,
    Rejected,
    WireItem,
    html_of,
    parsed,
    text_line,
    wire_item,
)
from .xml import child_text, inner_xhtml, local, xml_root

G2 = "http://iptc.org/std/nar/2006-10-01/"
NS = {"g2": G2, "nitf": "http://iptc.org/std/NITF/2006-10-18/"}
ITEMS = ("newsItem", "packageItem")
NOT_NEWS = ("conceptItem", "planningItem", "knowledgeItem", "catalogItem")


def parse_newsml_g2(data: bytes) -> Parsed:
    """Parse a NewsML-G2 item or news message; raise FormatError otherwise."""
    root = xml_root(data)
    name = local(root.tag)
    if not root.tag.startswith(f"{{{G2}}}"):
        raise FormatError(f"This is not NewsML-G2 (it starts with <{name}>).")
    if name in NOT_NEWS:
        raise FormatError(f"This NewsML-G2 document is a {name}, not a news item.")
    if name == "newsMessage":
        elements = [
            e for e in root.iterfind("g2:itemSet/*", NS) if local(e.tag) in ITEMS
        ]
    elif name in ITEMS:
        elements = [root]
    else:
        raise FormatError(f"This NewsML-G2 document is a {name}, not a news item.")
    items: list[WireItem] = []
    rejected: list[Rejected] = []
    for position, element in enumerate(elements, start=1):
        ref = element.get("guid") or f"{local(element.tag)} {position}"
        item = _item(element)
        if isinstance(item, str):
            rejected.append(Rejected(ref, item))
        else:
            items.append(item)
    return parsed("newsml-g2", title="", items=items, rejected=rejected)


def _item(element: Element) -> WireItem | str:
    meta, content = element.find("g2:itemMeta", NS), element.find("g2:contentMeta", NS)
    if not element.get("guid"):
        return "has no guid"
    if meta is None:
        return "has no itemMeta: the item is incomplete"
    headline = text_line(child_text(content, "g2:headline", NS))
    body, notes = _body(element)
    version = element.get("version", "")
    item_class = meta.find("g2:itemClass", NS)
    kind = item_class.get("qcode", "") if item_class is not None else ""
    first = child_text(meta, "g2:firstCreated", NS) or child_text(
        content, "g2:contentCreated", NS
    )
    updated = child_text(meta, "g2:versionCreated", NS)
    return wire_item(
        guid=element.get("guid", ""),
        kind=kind.partition(":")[2] or "text",
        version=int(version) if version.isdigit() else None,
        headline=headline,
        body_html=body,
        summary=text_line(_description(content, "summary"))[:500],
        byline=_names(content, "g2:creator"),
        agency=next(iter(_names(content, "g2:infoSource")), ""),
        dateline=text_line(child_text(content, "g2:located/g2:name", NS)),
        language=_language(element, content),
        subjects=_names(content, "g2:subject"),
        images=_renditions(element),
        published_at=parse_date(first or updated),
        updated_at=parse_date(updated),
        embargoed_until=parse_date(child_text(meta, "g2:embargoed", NS)),
        notes=notes,
    )


def _body(element: Element) -> tuple[str, tuple[str, ...]]:
    inline = element.find("g2:contentSet/g2:inlineXML", NS)
    if inline is not None:
        kind = inline.get("contenttype", "")
        if kind == "application/nitf+xml":
            body = inline.find("nitf:nitf/nitf:body/nitf:body.content", NS)
            return (inner_xhtml(body).strip() if body is not None else ""), ()
        if "xhtml" in kind or "html" in kind:
            return inner_xhtml(inline).strip(), ()
        return "", (
            f"its body is {kind or 'of no stated type'}, which is not imported",
        )
    data = element.find("g2:contentSet/g2:inlineData", NS)
    if data is not None and data.text:
        return html_of(data.text, plain=True), ()
    return "", ()


def _description(content: Element | None, role: str) -> str:
    if content is None:
        return ""
    for node in content.findall("g2:description", NS):
        if node.get("role", "").endswith(role):
            return "".join(node.itertext())
    return ""


def _names(content: Element | None, path: str) -> tuple[str, ...]:
    if content is None:
        return ()
    names = (
        text_line(child_text(node, "g2:name", NS)) for node in content.findall(path, NS)
    )
    return tuple(dict.fromkeys(n for n in names if n))


def _language(element: Element, content: Element | None) -> str:
    tag = content.find("g2:language", NS) if content is not None else None
    if tag is not None and tag.get("tag"):
        return tag.get("tag", "")
    return element.get("{http://www.w3.org/XML/1998/namespace}lang", "")


def _renditions(element: Element) -> tuple[ImageRef, ...]:
    return tuple(
        ImageRef(
            node.get("href", "").strip(),
            width=int(node.get("width", ""))
            if node.get("width", "").isdigit()
            else None,
            height=int(node.get("height", ""))
            if node.get("height", "").isdigit()
            else None,
        )
        for node in element.iterfind("g2:contentSet/g2:remoteContent", NS)
        if node.get("contenttype", "").startswith("image/") and node.get("href")
    )
