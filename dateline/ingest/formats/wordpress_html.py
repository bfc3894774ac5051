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
# The block tags of WordPress's wpautop(): text between them becomes paragraphs.
_ALL_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|"
    r"pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|"
    r"section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|"
    r"menu|summary)"
)
_PRE = re.compile(r"<pre\b.*?</pre>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_NEWLINE_IN_TAG = "\x00"


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


def _autop(text: str) -> str:
    """Make paragraphs and line breaks explicit, as WordPress's wpautop() does.

    A port of its rules for the tags a body can keep: <pre> is left alone,
    blank lines part paragraphs, single newlines become <br> except next to
    block tags, so that lists and tables never get stray <br> or <p> inside.
    """
    if not text.strip():
        return ""
    pres: list[str] = []

    def keep_pre(match: re.Match[str]) -> str:
        pres.append(match[0])
        return f"<pre data-wp-pre={len(pres) - 1}></pre>"

    text = _PRE.sub(keep_pre, text.replace("\r\n", "\n").replace("\r", "\n") + "\n")
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(rf"(<{_ALL_BLOCKS}[\s/>])", r"\n\n\1", text)
    text = re.sub(rf"(</{_ALL_BLOCKS}>)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = _TAG.sub(lambda m: m[0].replace("\n", _NEWLINE_IN_TAG), text)
    text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
    text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    chunks = [c for c in re.split(r"\n\s*\n", re.sub(r"\n\n+", "\n\n", text)) if c]
    text = "".join(f"<p>{c.strip(chr(10))}</p>\n" for c in chunks)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{_ALL_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{_ALL_BLOCKS}[^>]*>)", r"\1", text)
    text = re.sub(rf"(</?{_ALL_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<br\s*/?>", "<br>", text)
    text = re.sub(r"(?<!<br>)\s*\n", "<br>\n", text)
    text = re.sub(rf"(</?{_ALL_BLOCKS}[^>]*>)\s*<br>", r"\1", text)
    text = re.sub(
        r"<br>(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text
    )
    text = re.sub(r"\n</p>$", "</p>", text)
    text = re.sub(r"<pre data-wp-pre=(\d+)></pre>", lambda m: pres[int(m[1])], text)
    return text.replace(_NEWLINE_IN_TAG, "\n").strip()
