"""Article body HTML: one allowlist for every input path, and embeds.

sanitize() runs on every save of an article, whatever wrote it, and is
idempotent: sanitizing stored HTML again returns it unchanged. Social posts
are rewritten into a self-contained quoted block first, so a reader's
browser never loads a third-party script; nh3 is always the last step.
"""

from __future__ import annotations

import re
from html import escape

import lxml.html
import nh3
from lxml import etree

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s",
    "sub", "sup", "small", "mark", "abbr", "cite", "q", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "figure", "figcaption", "img",
    "span", "table", "thead", "tbody", "tr", "th", "td", "caption", "time",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "abbr": {"title"},
    "time": {"datetime"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
    "*": {"lang", "dir"},
}
ALLOWED_CLASSES = {
    "figure": {"image", "social-post", "social-post-x"},
    "blockquote": {"pullquote"},
    "span": {"credit", "social-post-author", "social-post-handle"},
    "a": {"social-post-link"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Elements whose content is dropped with them, not kept as text.
DROP_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript"}

X_URL = "https://x.com"
_TOKEN = re.compile(r"(?<![\w&])([#@])(\w{1,100})|(https?://[^\s<]+)")
_STATUS = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,15})/status/(\d+)"
)
# The page's headline is its h1; body headings sit under it, h2 to h4.
_TOP_HEADING, _LOWEST_HEADING = 2, 4
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = {"p", "h2", "h3", "h4", "li", "blockquote", "figcaption", "td", "th", "br", "pre"}  # fmt: skip


# C0 controls other than tab, newline and carriage return: not allowed in
# HTML text (WHATWG "control" code points) nor in XML 1.0, which lxml enforces.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def without_controls(text: str) -> str:
    """Drop control characters that no HTML page or XML parser accepts."""
    return _CONTROL.sub("", text)


def sanitize(html: str) -> str:
    """Return body HTML with embeds rewritten and everything else allowlisted."""
    html = without_controls(html)
    if not html.strip():
        return ""
    html = _clean(_rewrite_embeds(html), tags=ALLOWED_TAGS.union(_HEADINGS))
    if "<a" not in html and "<h" not in html:
        return html
    return _clean(_restructure(html))


def _clean(html: str, tags: set[str] = ALLOWED_TAGS) -> str:
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def _fragment(html: str) -> etree._Element:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def _serialize(root: etree._Element) -> str:
    return escape(root.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in root
    )


def _restructure(html: str) -> str:
    """Fit the headings into one outline under the page's h1; unlink dead links.

    Each heading level in use takes the next free rank from h2 down, and no
    heading sits more than one level below the one before it, so a body that
    starts at h3 or jumps from h2 to h5 still reads as a nested outline. A
    link without an address (a named anchor, or one whose unsafe URL was
    removed) cannot carry rel="noopener", so it is kept as its text.
    """
    root = _fragment(html)
    headings = list(root.iter(*_HEADINGS))
    levels = sorted({int(heading.tag[1]) for heading in headings})
    ranks = {level: _TOP_HEADING + rank for rank, level in enumerate(levels)}
    previous = _TOP_HEADING - 1
    for heading in headings:
        level = min(ranks[int(heading.tag[1])], previous + 1, _LOWEST_HEADING)
        heading.tag, previous = f"h{level}", level
    for link in root.xpath("//a[not(@href)]"):
        link.drop_tag()
    return _serialize(root)


def _rewrite_embeds(html: str) -> str:
    if "twitter-tweet" not in html and "social-post-x" not in html:
        return html
    root = _fragment(html)
    for node in root.xpath(
        "//blockquote[contains(@class, 'twitter-tweet')]"
        " | //figure[contains(@class, 'social-post-x')]"
    ):
        post = _read_x_post(node)
        replacement = _fragment(_render_x_post(**post))[0] if post else None
        parent = node.getparent()
        if replacement is None:
            parent.remove(node)
            continue
        replacement.tail = node.tail
        parent.replace(node, replacement)
    return _serialize(root)


def _read_x_post(node: etree._Element) -> dict[str, str] | None:
    """Take text, author and link from X's embed code or our own rendering."""
    quote = node if node.tag == "blockquote" else node.find(".//blockquote")
    if quote is None:
        return None
    url = quote.get("cite", "")
    for href in quote.xpath(".//a/@href"):
        if _STATUS.match(href):
            url = href
    match = _STATUS.match(url)
    if not match:
        return None
    paragraphs = quote.findall("p") or [quote]
    text = "\n".join(_squash(p.text_content()) for p in paragraphs)
    author = node.xpath("string(.//span[@class='social-post-author'])")
    if not author:
        # X's embed code: <p>…</p>&mdash; Name (@handle) <a>date</a>
        tail = paragraphs[-1].tail or "" if paragraphs[-1] is not quote else ""
        author = tail.strip(" \n\u2014-").rsplit("(@", 1)[0].strip()
    return {
        "text": text,
        "author": author or f"@{match.group(1)}",
        "handle": match.group(1),
        "url": f"{X_URL}/{match.group(1)}/status/{match.group(2)}",
    }


def _render_x_post(*, text: str, author: str, handle: str, url: str) -> str:
    paragraphs = "".join(f"<p>{_link_tokens(line)}</p>" for line in text.split("\n"))
    return (
        f'<figure class="social-post social-post-x">'
        f'<blockquote cite="{escape(url)}">{paragraphs}</blockquote>'
        f'<figcaption><span class="social-post-author">{escape(author)}</span> '
        f'<span class="social-post-handle">@{escape(handle)}</span> '
        f'<a class="social-post-link" href="{escape(url)}">View the post on X</a>'
        f"</figcaption></figure>"
    )


def _link_tokens(text: str) -> str:
    """Escape text and link its #hashtags, @mentions and URLs."""
    out, last = [], 0
    for match in _TOKEN.finditer(text):
        out.append(escape(text[last : match.start()]))
        sigil, word, link = match.groups()
        if link:
            href, label = link, link
        elif sigil == "#":
            href, label = f"{X_URL}/hashtag/{word}", f"#{word}"
        else:
            href, label = f"{X_URL}/{word}", f"@{word}"
        out.append(f'<a href="{escape(href)}">{escape(label)}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _squash(text: str) -> str:
    return " ".join(text.split())


def plain_text(html: str, *, skip_figures: bool = True) -> str:
    """Return the readable text of body HTML, blocks separated by spaces."""
    html = without_controls(html)
    if not html.strip():
        return ""
    root = _fragment(html)
    if skip_figures:
        for figure in root.xpath("//figure | //blockquote[@class='pullquote']"):
            figure.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = " " + (element.tail or "")
    return _squash(root.text_content())
