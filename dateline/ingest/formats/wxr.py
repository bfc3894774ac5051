"""WordPress eXtended RSS (WXR 1.0–1.2): a whole site export, bytes in.

Everything the import needs comes out as dataclasses: authors, the category
tree, tags, posts and pages (content with shortcodes and block comments
turned into plain HTML), and attachments as references.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.etree.ElementTree import Element

from .dates import parse_date
from .items import FormatError, text_line
from .wordpress_html import wordpress_html
from .xml import local, xml_root


@dataclass(frozen=True, slots=True)
class WpAuthor:
    login: str
    display_name: str


@dataclass(frozen=True, slots=True)
class WpTerm:
    slug: str
    name: str
    parent: str = ""  # the parent's slug, for categories
    description: str = ""


@dataclass(frozen=True, slots=True)
class WpPost:
    post_id: int
    post_type: str  # post, page
    status: str  # publish, draft, future, private, pending
    title: str
    slug: str
    link: str  # the old permalink
    guid: str
    body_html: str
    excerpt: str
    author: str  # login
    published_at: datetime | None  # aware, UTC
    modified_at: datetime | None
    categories: tuple[str, ...] = ()  # slugs
    tags: tuple[str, ...] = ()  # slugs
    tag_names: tuple[str, ...] = ()
    has_password: bool = False
    thumbnail_id: int | None = None


@dataclass(frozen=True, slots=True)
class WpAttachment:
    post_id: int
    url: str
    title: str
    alt_text: str


@dataclass(frozen=True, slots=True)
class WpExport:
    title: str
    site: str  # the blog's base URL: with a post ID, a post's identity
    authors: tuple[WpAuthor, ...]
    categories: tuple[WpTerm, ...]
    tags: tuple[WpTerm, ...]
    posts: tuple[WpPost, ...]  # posts and pages, in file order
    attachments: tuple[WpAttachment, ...]
    other_items: dict[str, int]  # post types not imported, e.g. nav_menu_item


def parse_wxr(data: bytes) -> WpExport:
    """Parse a WordPress export; raise FormatError if it is not one."""
    root = xml_root(data)
    channel = root.find("channel")
    if local(root.tag) != "rss" or channel is None or _wp(channel, "wxr_version") == "":
        raise FormatError("This is not a WordPress export (no <wp:wxr_version>).")
    authors = tuple(
        WpAuthor(
            _wp(a, "author_login"),
            _wp(a, "author_display_name") or _wp(a, "author_login"),
        )
        for a in _wp_all(channel, "author")
    )
    categories = tuple(
        WpTerm(
            _wp(c, "category_nicename"),
            text_line(_wp(c, "cat_name")),
            _wp(c, "category_parent"),
            _wp(c, "category_description"),
        )
        for c in _wp_all(channel, "category")
    )
    tags = tuple(
        WpTerm(
            _wp(t, "tag_slug"),
            text_line(_wp(t, "tag_name")),
            "",
            _wp(t, "tag_description"),
        )
        for t in _wp_all(channel, "tag")
    )
    posts, attachments = [], []
    other: dict[str, int] = {}
    for item in channel.findall("item"):
        kind = _wp(item, "post_type")
        if kind in ("post", "page"):
            posts.append(_post(item, kind))
        elif kind == "attachment":
            attachments.append(_attachment(item))
        else:
            other[kind] = other.get(kind, 0) + 1
    return WpExport(
        title=text_line(channel.findtext("title", "")),
        site=_wp(channel, "base_blog_url") or (channel.findtext("link") or "").strip(),
        authors=authors,
        categories=categories,
        tags=tags,
        posts=tuple(posts),
        attachments=tuple(attachments),
        other_items=other,
    )


def _wp_all(element: Element, name: str) -> list[Element]:
    # The wp namespace differs by WXR version and host (http or https
    # wordpress.org/export/1.x/), so match by local name.
    return element.findall(f"{{*}}{name}")


def _wp(element: Element, name: str) -> str:
    found = element.find(f"{{*}}{name}")
    return (found.text or "").strip() if found is not None else ""


def _encoded(item: Element, namespace_part: str) -> str:
    for child in item:
        if local(child.tag) == "encoded" and namespace_part in child.tag:
            return child.text or ""
    return ""


def _date(local_time: str, gmt: str) -> datetime | None:
    if gmt and not gmt.startswith("0000"):
        return parse_date(gmt)  # naive GMT, read as UTC
    if local_time and not local_time.startswith("0000"):
        # Unsaved drafts have no GMT date; the site's zone is not exported.
        return parse_date(local_time)
    return None


def _post(item: Element, kind: str) -> WpPost:
    meta = {_wp(m, "meta_key"): _wp(m, "meta_value") for m in _wp_all(item, "postmeta")}
    terms = item.findall("category")
    thumbnail = meta.get("_thumbnail_id", "")
    return WpPost(
        post_id=int(_wp(item, "post_id") or 0),
        post_type=kind,
        status=_wp(item, "status"),
        title=text_line(item.findtext("title", "")),
        slug=_wp(item, "post_name"),
        link=(item.findtext("link") or "").strip(),
        guid=(item.findtext("guid") or "").strip(),
        body_html=wordpress_html(_encoded(item, "content")),
        excerpt=text_line(_encoded(item, "excerpt")),
        # Some exports wrap the login in stray angle brackets.
        author=(item.findtext("{http://purl.org/dc/elements/1.1/}creator") or "").strip(
            " <>\n\t"
        ),
        published_at=_date(_wp(item, "post_date"), _wp(item, "post_date_gmt")),
        modified_at=_date(_wp(item, "post_modified"), _wp(item, "post_modified_gmt")),
        categories=tuple(
            t.get("nicename", "") for t in terms if t.get("domain") == "category"
        ),
        tags=tuple(
            t.get("nicename", "") for t in terms if t.get("domain") == "post_tag"
        ),
        tag_names=tuple(
            text_line(t.text) for t in terms if t.get("domain") == "post_tag"
        ),
        has_password=bool(_wp(item, "post_password")),
        thumbnail_id=int(thumbnail) if thumbnail.isdigit() else None,
    )


def _attachment(item: Element) -> WpAttachment:
    meta = {_wp(m, "meta_key"): _wp(m, "meta_value") for m in _wp_all(item, "postmeta")}
    return WpAttachment(
        post_id=int(_wp(item, "post_id") or 0),
        url=_wp(item, "attachment_url"),
        title=text_line(item.findtext("title", "")),
        alt_text=text_line(meta.get("_wp_attachment_image_alt", "")),
    )
