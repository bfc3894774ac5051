"""Strict checks of feeds against RSS 2.0 and RFC 4287, returning every problem.

The W3C feed validator does not install offline, so these rules are written out
from the RSS 2.0 specification (RSS Advisory Board, 2.0.11) and from RFC 4287:
its RELAX NG grammar (checked with lxml) plus the Schematron rules and RFC 3339
dates that the grammar leaves out.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
A = f"{{{ATOM}}}"

# RSS 2.0: the elements a channel and an item may hold outside any namespace.
RSS_CHANNEL = {
    "title",
    "link",
    "description",
    "language",
    "copyright",
    "managingEditor",
    "webMaster",
    "pubDate",
    "lastBuildDate",
    "category",
    "generator",
    "docs",
    "cloud",
    "ttl",
    "image",
    "rating",
    "textInput",
    "skipHours",
    "skipDays",
    "item",
}
RSS_ITEM = {
    "title",
    "link",
    "description",
    "author",
    "category",
    "comments",
    "enclosure",
    "guid",
    "pubDate",
    "source",
}
MIME = re.compile(r"^[a-z]+/[a-z0-9.+-]+$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", re.IGNORECASE)
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)


def _absolute(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _rfc822(text: str | None) -> bool:
    try:
        moment = parsedate_to_datetime(text or "")
    except (TypeError, ValueError):
        return False
    return moment.tzinfo is not None


def rss_problems(data: bytes) -> list[str]:
    """Every way the document breaks RSS 2.0; empty when it is valid."""
    problems: list[str] = []
    root = etree.fromstring(data)  # raises on XML that is not well-formed
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"root is <{root.tag} version={root.get('version')}>"]
    channels = root.findall("channel")
    if len(channels) != 1:
        return [f"{len(channels)} channels"]
    channel = channels[0]
    for name in ("title", "link", "description"):
        if len(channel.findall(name)) != 1:
            problems.append(f"channel needs exactly one <{name}>")
    if not _absolute(channel.findtext("link")):
        problems.append("channel link is not an absolute URL")
    language = channel.findtext("language")
    if language is not None and not LANGUAGE.match(language):
        problems.append(f"bad language {language!r}")
    for name in ("pubDate", "lastBuildDate"):
        value = channel.findtext(name)
        if value is not None and not _rfc822(value):
            problems.append(f"channel {name} {value!r} is not an RFC 822 date")
    for child in channel:
        plain = isinstance(child.tag, str) and "}" not in child.tag
        if plain and child.tag not in RSS_CHANNEL:
            problems.append(f"unknown channel element <{child.tag}>")
    for n, item in enumerate(channel.findall("item")):
        problems += [f"item {n}: {p}" for p in _rss_item_problems(item)]
    return problems


def _rss_item_problems(item: etree._Element) -> list[str]:
    problems = []
    if item.find("title") is None and item.find("description") is None:
        problems.append("needs a title or a description")
    names = [c.tag for c in item if isinstance(c.tag, str) and "}" not in c.tag]
    for name in sorted(set(names)):
        if name not in RSS_ITEM:
            problems.append(f"unknown element <{name}>")
        elif name != "category" and names.count(name) > 1:
            problems.append(f"more than one <{name}>")
    link = item.findtext("link")
    if link is not None and not _absolute(link):
        problems.append(f"link {link!r} is not absolute")
    pub_date = item.findtext("pubDate")
    if pub_date is not None and not _rfc822(pub_date):
        problems.append(f"pubDate {pub_date!r} is not an RFC 822 date")
    guid = item.find("guid")
    if guid is not None:
        permalink = guid.get("isPermaLink", "true")
        if permalink not in ("true", "false"):
            problems.append(f"isPermaLink {permalink!r}")
        if permalink == "true" and not _absolute(guid.text):
            problems.append("a permalink guid must be a URL")
        if not (guid.text or "").strip():
            problems.append("empty guid")
    for enclosure in item.findall("enclosure"):
        if not _absolute(enclosure.get("url")):
            problems.append("enclosure url is not absolute")
        if not (enclosure.get("length") or "").isdigit():
            problems.append(f"enclosure length {enclosure.get('length')!r}")
        if not MIME.match(enclosure.get("type") or ""):
            problems.append(f"enclosure type {enclosure.get('type')!r}")
    for category in item.findall("category"):
        if not (category.text or "").strip():
            problems.append("empty category")
    return problems


def atom_problems(data: bytes, grammar: Path) -> list[str]:
    """Every way the document breaks RFC 4287; empty when it is valid."""
    root = etree.fromstring(data)
    relaxng = etree.RelaxNG(file=str(grammar))
    if not relaxng.validate(root):
        return [str(error) for error in relaxng.error_log]
    problems: list[str] = []
    entries = root.findall(f"{A}entry")
    # Schematron: a feed without an author needs one in every entry.
    if root.find(f"{A}author") is None:
        for n, entry in enumerate(entries):
            if entry.find(f"{A}author") is None:
                problems.append(f"entry {n}: no author, and the feed has none")
    problems += [f"feed: {p}" for p in _alternate_link_problems(root)]
    ids = [entry.findtext(f"{A}id") for entry in entries]
    if len(set(ids)) != len(ids):
        problems.append("entry ids repeat")
    for element in root.iter(f"{A}updated", f"{A}published"):
        if not RFC3339.match(element.text or ""):
            problems.append(f"{element.text!r} is not an RFC 3339 date")
    for n, entry in enumerate(entries):
        problems += [f"entry {n}: {p}" for p in _entry_problems(entry)]
    return problems


def _alternate_link_problems(parent: etree._Element) -> list[str]:
    # Schematron: at most one alternate link per (type, hreflang) pair.
    seen = [
        (link.get("type"), link.get("hreflang"))
        for link in parent.findall(f"{A}link")
        if link.get("rel", "alternate") == "alternate"
    ]
    return (
        ["alternate links repeat a type and hreflang"]
        if len(set(seen)) != len(seen)
        else []
    )


def _entry_problems(entry: etree._Element) -> list[str]:
    problems = _alternate_link_problems(entry)
    links = [link.get("rel", "alternate") for link in entry.findall(f"{A}link")]
    content = entry.find(f"{A}content")
    # Schematron: an entry needs an alternate link or content.
    if "alternate" not in links and content is None:
        problems.append("needs an alternate link or content")
    if content is not None and content.get("src") is not None:
        if (content.text or "").strip() or len(content):
            problems.append("content with src must be empty")
        if entry.find(f"{A}summary") is None:
            problems.append("content with src needs a summary")
    for link in entry.findall(f"{A}link"):
        if not _absolute(link.get("href")):
            problems.append(f"link {link.get('href')!r} is not absolute")
        if link.get("rel") == "enclosure" and not (link.get("length") or "").isdigit():
            problems.append("enclosure without a length")
    return problems
