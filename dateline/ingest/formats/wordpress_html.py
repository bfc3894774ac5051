"""WordPress post content as stored, turned into plain body HTML.

WordPress keeps shortcodes ([caption], [gallery]), block-editor comments
(<!-- wp:paragraph -->) and, for classic posts, bare line breaks that its
wpautop filter turns into paragraphs on display. None of them mean anything
outside WordPress, so they are converted or removed here.
"""

from __future__ import annotations

import re
from html import escape

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
_MORE = re.compile(r"<!--\s*(?:more|nextpage|noteaser)\b.*?-->", re.S)
_CAPTION = re.compile(r"\[(?:wp_)?caption\b([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.S)
_MEDIA_LINK = re.compile(
    r"\[(audio|video)\b[^\]]*?\b(?:src|mp3|m4a|ogg|wav|mp4|webm)=[\"']?([^\"'\s\]]+)[^\]]*\](?:\s*\[/\1\])?"
)
# Core and WordPress.com shortcodes that render widgets: nothing to keep.
_WIDGETS = re.compile(
    r"\[/?(?:gallery|audio|video|playlist|embed|youtube|vimeo|soundcloud|"
    r"googlemaps|slideshow|tweet|instagram|archives|contact-form)\b[^\]]*\]"
)
_BLOCK_TAGS = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|dl|address|section)\b",
    re.I,
)


def wordpress_html(content: str) -> str:
    """Return content with shortcodes converted and paragraphs made explicit."""
    blocks = "<!-- wp:" in content
    content = _MORE.sub("", _BLOCK_COMMENT.sub("", content))
    content = _CAPTION.sub(_figure, content)
    content = _MEDIA_LINK.sub(
        lambda m: f'<p><a href="{escape(m[2])}">Listen or watch ({m[1]})</a></p>',
        content,
    )
    content = _WIDGETS.sub("", content)
    return content.strip() if blocks else _autop(content)


def _figure(match: re.Match[str]) -> str:
    inner = match[2].strip()
    split = inner.rfind(">") + 1
    media, caption = inner[:split], inner[split:].strip()
    if not caption:
        caption = re.search(r'caption="([^"]*)"', match[1] or "")
        caption = caption[1] if caption else ""
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure class="image">{media}{figcaption}</figure>'


def _autop(content: str) -> str:
    """Wrap bare text in paragraphs, as WordPress's wpautop does on display."""
    chunks = re.split(r"\n\s*\n", content.replace("\r\n", "\n"))
    html = []
    for chunk in (c.strip() for c in chunks):
        if not chunk:
            continue
        if _BLOCK_TAGS.match(chunk):
            html.append(chunk)
        else:
            html.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(html)
