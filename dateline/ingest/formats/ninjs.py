"""IPTC ninjs 1.x, 2.x and 3.x (JSON): bytes in, wire items out.

Property names are compared lower-cased, so 3.x's camelCase
(versionCreated) and 1.x/2.x's (versioncreated) read alike.
"""

from __future__ import annotations

import json
from typing import Any

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

# Top-level properties of the ninjs 1.4–3.1 schemas, lower-cased; anything
# else is a provider extension this importer cannot vouch for.
KNOWN = frozenset(
    [
        "$standard",
        "altids",
        "associations",
        "bodies",
        "by",
        "byline",
        "charcount",
        "contentcreated",
        "copyrightholder",
        "copyrightnotice",
        "descriptions",
        "digitalsourcetype",
        "ednote",
        "embargoed",
        "embargoeduntil",
        "event",
        "eventdetails",
        "events",
        "expires",
        "firstcreated",
        "genre",
        "genres",
        "headline",
        "headlines",
        "infosource",
        "infosources",
        "language",
        "located",
        "mimetype",
        "object",
        "objects",
        "organisation",
        "organisations",
        "people",
        "person",
        "place",
        "places",
        "plannedcoverage",
        "profile",
        "pubstatus",
        "renditions",
        "representationtype",
        "rightsinfo",
        "slugline",
        "standard",
        "subject",
        "subjects",
        "title",
        "trustindicator",
        "trustindicators",
        "type",
        "urgency",
        "uri",
        "usageterms",
        "version",
        "versioncreated",
        "wordcount",
    ]
)
PATTERNED = ("headline_", "body_", "description_")


def parse_ninjs(data: bytes) -> Parsed:
    """Parse a ninjs object or array of objects; raise FormatError if not JSON."""
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FormatError(f"This is not valid ninjs JSON: {error}.") from None
    if isinstance(document, dict):
        objects = [document]
    elif isinstance(document, list):
        objects = document
    else:
        raise FormatError("A ninjs document must be an object or a list of objects.")
    items: list[WireItem] = []
    rejected: list[Rejected] = []
    for position, raw in enumerate(objects, start=1):
        obj = {k.lower(): v for k, v in raw.items()} if isinstance(raw, dict) else {}
        ref = str(obj.get("uri") or f"item {position}")
        problem = _problem(obj)
        if problem:
            rejected.append(Rejected(ref, problem))
            continue
        item = _item(obj)
        if isinstance(item, str):
            rejected.append(Rejected(ref, item))
        else:
            items.append(item)
    return parsed("ninjs", title="", items=items, rejected=rejected)


def _problem(obj: dict[str, Any]) -> str:
    """Say why the object is not valid ninjs, or return ""."""
    if not obj.get("uri"):
        return "has no uri"
    unknown = sorted(k for k in obj if k not in KNOWN and not k.startswith(PATTERNED))
    if unknown:
        return f"has properties ninjs does not define: {', '.join(unknown)}"
    urgency = obj.get("urgency")
    if urgency is not None and (type(urgency) is not int or not 1 <= urgency <= 9):
        return f"has an urgency of {urgency!r}; it must be a whole number from 1 to 9"
    associations = obj.get("associations")
    if isinstance(associations, list):
        for association in associations:
            keys = (
                {k.lower() for k in association}
                if isinstance(association, dict)
                else set()
            )
            if not {"name", "uri"} <= keys:
                return "has an association without a name or uri"
            if extra := sorted(keys - KNOWN - {"name"}):
                return f"has an association with unknown properties: {', '.join(extra)}"
    rights = obj.get("rightsinfo")
    if isinstance(rights, dict) and {"linkedrights", "encodedrights"} <= {
        k.lower() for k in rights
    }:
        return "has rights given both as a link and encoded; only one is allowed"
    source = obj.get("digitalsourcetype")
    if source is not None and ":" not in str(source):
        return f"has a digitalSourceType of {source!r}; it must be a URI"
    return ""


def _item(obj: dict[str, Any]) -> WireItem | str:
    headline = text_line(_pick(obj, "headline") or obj.get("title"))
    body = _body(obj)
    if not headline and not body:
        return "has no headline and no text"
    version = str(obj.get("version", ""))
    raw_dates = {
        k: obj.get(k)
        for k in ("firstcreated", "versioncreated", "embargoed", "embargoeduntil")
    }
    notes = tuple(
        f"unreadable {k} {v!r}"
        for k, v in raw_dates.items()
        if v and not parse_date(str(v))
    )
    return wire_item(
        guid=str(obj["uri"]),
        kind=str(obj.get("type") or ("event" if "eventdetails" in obj else "text")),
        version=int(version) if version.isdigit() else None,
        headline=headline,
        body_html=body,
        summary=text_line(_pick(obj, "description"))[:500],
        byline=tuple(
            filter(None, [text_line(str(obj.get("by") or obj.get("byline") or ""))])
        ),
        agency=_agency(obj),
        dateline=text_line(str(obj.get("located") or "")),
        language=str(obj.get("language") or ""),
        subjects=tuple(
            text_line(s.get("name", ""))
            for s in _list(obj, "subjects", "subject")
            if isinstance(s, dict) and s.get("name")
        ),
        images=_images(obj),
        published_at=parse_date(
            str(raw_dates["firstcreated"] or raw_dates["versioncreated"] or "")
        ),
        updated_at=parse_date(str(raw_dates["versioncreated"] or "")),
        embargoed_until=parse_date(
            str(raw_dates["embargoed"] or raw_dates["embargoeduntil"] or "")
        ),
        notes=notes,
    )


def _list(obj: dict[str, Any], *keys: str) -> list[Any]:
    for key in keys:
        if isinstance(obj.get(key), list):
            return obj[key]
    return []


def _pick(obj: dict[str, Any], name: str) -> str:
    """The main headline or description: 2.x+ lists, or 1.x name_role keys."""
    for entry in _list(obj, f"{name}s"):
        if isinstance(entry, dict) and entry.get("role", "main") in (
            "main",
            "summary",
            "default",
        ):
            return str(entry.get("value", ""))
    if entries := _list(obj, f"{name}s"):
        return str(entries[0].get("value", "")) if isinstance(entries[0], dict) else ""
    for key in (name, f"{name}_main", f"{name}_text", f"{name}_simple"):
        if isinstance(obj.get(key), str):
            return obj[key]
    return ""


def _body(obj: dict[str, Any]) -> str:
    for entry in _list(obj, "bodies"):
        if isinstance(entry, dict) and isinstance(entry.get("value"), str):
            kind = {k.lower(): v for k, v in entry.items()}.get("contenttype", "")
            return (
                entry["value"]
                if "html" in kind
                else html_of(entry["value"], plain=True)
            )
    for key in ("body_html", "body_xhtml", "body_richtext"):
        if isinstance(obj.get(key), str):
            return obj[key]
    text = obj.get("body_text") or obj.get("body_main") or ""
    return html_of(str(text), plain=True)


def _agency(obj: dict[str, Any]) -> str:
    for source in _list(obj, "infosources", "infosource"):
        if isinstance(source, dict) and source.get("name"):
            return str(source["name"])
    holder = obj.get("copyrightholder")
    return (
        str(holder.get("name", "")) if isinstance(holder, dict) else str(holder or "")
    )


def _images(obj: dict[str, Any]) -> tuple[ImageRef, ...]:
    associations = obj.get("associations")
    related = (
        list(associations.values())
        if isinstance(associations, dict)
        else _list(obj, "associations")
    )
    refs = []
    for candidate in [obj, *related]:
        if not isinstance(candidate, dict) or candidate.get("type") not in (
            "picture",
            "graphic",
        ):
            continue
        renditions = candidate.get("renditions")
        entries = (
            renditions.values() if isinstance(renditions, dict) else renditions or []
        )
        for rendition in entries:
            if isinstance(rendition, dict) and rendition.get("href"):
                refs.append(
                    ImageRef(
                        str(rendition["href"]),
                        width=rendition.get("width"),
                        height=rendition.get("height"),
                    )
                )
                break  # the first rendition is the one a reference needs
    return tuple(refs)
