"""Untrusted XML in, an element tree out: defusedxml, strict decoding.

Every XML format goes through xml_root(). Entity declarations are refused
outright (billion laughs, quadratic blowup, XXE), and bytes are decoded by
Python before expat sees them, so GB2312 and KOI8-R feeds read while a
wrong or unknown encoding is an error instead of mojibake.
"""

from __future__ import annotations

import codecs
import re
from html import escape as html_escape
from xml.etree.ElementTree import Element, ParseError, tostring

import defusedxml.ElementTree as safe_tree
from defusedxml import DefusedXmlException

from .items import FormatError

# The encoding pseudo-attribute of the XML declaration (XML 1.0 §4.3.3),
# after any comments that wrongly precede it.
_DECLARED = re.compile(
    rb"\A\s*(?:<!--.*?-->\s*)*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']",
    re.S,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def xml_text(data: bytes) -> str:
    """Decode an XML document by its BOM or declaration; UTF-8 otherwise."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            data, declared = data[len(bom) :], encoding
            break
    else:
        match = _DECLARED.match(data)
        declared = match.group(1).decode("ascii", "replace") if match else "utf-8"
    try:
        codecs.lookup(declared)
    except LookupError:
        raise FormatError(
            f"The document declares an unknown encoding ({declared!r})."
        ) from None
    try:
        return data.decode(declared)
    except UnicodeDecodeError as error:
        raise FormatError(
            f"The document is not valid {declared} text "
            f"(byte {error.start}); its encoding is wrong or missing."
        ) from None


def xml_root(data: bytes) -> Element:
    """Parse untrusted XML; raise FormatError for anything unsafe or broken."""
    if not data.strip():
        raise FormatError("The document is empty.")
    text = xml_text(data)
    try:
        return safe_tree.fromstring(text)
    except DefusedXmlException:
        raise FormatError(
            "The document declares XML entities or fetches external ones; "
            "it is refused for safety."
        ) from None
    except ParseError as error:
        raise FormatError(f"The document is not well-formed XML: {error}.") from None


def local(tag: object) -> str:
    """Return an element's name without its namespace."""
    return str(tag).rpartition("}")[2]


def child_text(
    element: Element | None, path: str, namespaces: dict[str, str] | None = None
) -> str:
    """Return the stripped text of the first match of path, or ""."""
    if element is None:
        return ""
    found = element.find(path, namespaces)
    if found is None:
        return ""
    return "".join(found.itertext()).strip()


def inner_xhtml(element: Element) -> str:
    """Serialize an element's content as HTML, namespaces dropped."""
    for node in element.iter():
        node.tag = local(node.tag)
        for name in [n for n in node.attrib if n.startswith("{")]:
            node.attrib[local(name)] = node.attrib.pop(name)
    return html_escape(element.text or "") + "".join(
        tostring(child, encoding="unicode", method="html") for child in element
    )
