"""Datelines: "Moscow [Russia]:", "LONDON, Oct 16 (Reuters) -" out of the lead.

Wire copy opens with the place it was filed from, sometimes a date and the
agency's credit, then a separator. The dateline belongs in its own field, so
the reader can style it and the lead can be teased without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

_MONTH = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH}\.?(?:,?\s+\d{{4}})?)"
)
_WORD = r"[^\W\d_][\w.'’-]*"
_PLACE = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
_DATELINE = re.compile(
    rf"""\s*
    (?P<place>{_PLACE})
    (?:\s*\[(?P<country>[^\]\n]{{2,40}})\])?
    (?:,\s*(?!{_MONTH}\b)(?P<region>{_WORD}(?:[ ]{_WORD}){{0,2}}))?
    (?:,?\s+(?P<date>{_DATE}))?
    (?:\s*\((?P<agency>[A-Za-z][\w&' -]{{0,30}})\))?
    (?P<sep>\s*(?::|—|–|--?|\|)\s*|\s+)
    """,
    re.X,
)
# "(New York, NY - October 21) The…", as some NITF bodies open.
_BRACKETED = re.compile(
    rf"\s*\((?P<place>[^()\n]{{2,60}}?)\s*[-–—,]\s*(?P<date>{_DATE})\)\s*"
)
# Words that open a lead like a dateline but are labels, not places.
_LABELS = {
    "advisory", "alert", "analysis", "answer", "breaking", "bulletin",
    "correction", "corrected", "editorial", "exclusive", "explainer", "fact",
    "file", "flash", "highlights", "live", "note", "opinion", "photo",
    "photos", "q", "question", "read", "sources", "summary", "update",
    "updated", "urgent", "video", "warning", "watch", "editor's", "editor’s",
}  # fmt: skip
_CONNECTORS = {"de", "da", "do", "del", "la", "le", "of", "upon", "am", "an", "es"}


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str  # "Moscow [Russia]", "SAN JUAN, Puerto Rico"
    date: str = ""  # "Oct 16", as written
    agency: str = ""  # "Reuters", from the credit in parentheses

    @property
    def text(self) -> str:
        """The dateline as an article shows it: place and date, no credit."""
        return f"{self.place}, {self.date}" if self.date else self.place


def dateline_parse(lead: str) -> tuple[Dateline, str] | None:
    """Split a lead into its dateline and the rest, or None if it has none."""
    if match := _BRACKETED.match(lead):
        return Dateline(match["place"], match["date"]), lead[match.end() :]
    match = _DATELINE.match(lead)
    if match is None or not _is_dateline(match):
        return None
    rest = lead[match.end() :]
    if not rest[:1].isalnum() and rest[:1] not in "\"'“‘":
        return None
    place = match["place"]
    if match["country"]:
        place = f"{place} [{match['country'].strip()}]"
    if match["region"]:
        place = f"{place}, {match['region']}"
    return Dateline(place, match["date"] or "", (match["agency"] or "").strip()), rest


def _is_dateline(match: re.Match[str]) -> bool:
    words = match["place"].split()
    if words[0].lower() in _LABELS or len(match["place"]) > 60:
        return False
    if any(w[0].islower() and w not in _CONNECTORS for w in words):
        return False
    separator = match["sep"].strip()
    if match["agency"]:
        return True  # "Paris (AFP) -", "Mumbai, Oct 16 (IANS) The…"
    if not separator:
        return False
    if match["date"] or match["country"] or separator == ":":
        return True  # "Moscow [Russia]:", "NEW DELHI:", "Kochi:"
    # A dash after a bare place is a dateline only in capitals:
    # "WASHINGTON —" is one, "Boris Johnson - the former…" is not.
    return match["place"].isupper() and len(match["place"]) > 2


def dateline_split(body_html: str) -> tuple[Dateline | None, str]:
    """Take the dateline out of the first paragraph of body HTML."""
    if not body_html.strip():
        return None, body_html
    root = lxml.html.fragment_fromstring(body_html, create_parent="div")
    block = _first_block(root)
    lead = block.text_content()
    found = dateline_parse(lead)
    if found is None:
        return None, body_html
    dateline, rest = found
    _trim(block, len(lead) - len(rest))
    for inline in list(block.iter(etree.Element)):
        if (
            inline is not block
            and not inline.text_content().strip()
            and inline.tag not in ("img", "br")
        ):
            inline.drop_tree()
    if block is not root and not block.text_content().strip() and not len(block):
        block.drop_tree()
    html = (root.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in root
    )
    return dateline, html.strip()


def _first_block(root: etree._Element) -> etree._Element:
    """The first element whose own text opens the body: usually a <p>."""
    if (root.text or "").strip():
        return root
    for element in root.iter(etree.Element):
        if element is not root and (element.text or "").strip():
            return (
                element.getparent()
                if element.tag in ("strong", "b", "span", "em")
                else element
            )
    return root


def _trim(element: etree._Element, count: int) -> int:
    """Remove the first count characters of text under element, in order."""
    if element.text:
        cut = min(count, len(element.text))
        element.text, count = element.text[cut:], count - cut
    for child in element:
        if not count:
            break
        count = _trim(child, count)
        if count and child.tail:
            cut = min(count, len(child.tail))
            child.tail, count = child.tail[cut:], count - cut
    return count
