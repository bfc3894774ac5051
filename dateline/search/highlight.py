"""Engine snippets to HTML: everything escaped except our own <mark>."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .folding import MARK_END, MARK_START, UNANGLES

_MARKERS = re.compile(f"([{MARK_START}{MARK_END}])")


def marked(text: str) -> SafeString:
    """Escape text and turn the engine's markers into balanced <mark> tags."""
    out, open_ = [], False
    for piece in _MARKERS.split(text):
        if piece == MARK_START:
            if not open_:
                out.append("<mark>")
            open_ = True
        elif piece == MARK_END:
            if open_:
                out.append("</mark>")
            open_ = False
        else:
            out.append(escape(piece.translate(UNANGLES)))
    if open_:
        out.append("</mark>")
    return mark_safe("".join(out))  # every piece was escaped above
