"""RSS 2.0 and Atom 1.0 writers that carry a news item's full byline and picture.

Django's generators know one author per item and no body beside the summary;
these add every author, the full text and a Media RSS picture.
"""

from __future__ import annotations

from typing import Any

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

DC = "http://purl.org/dc/elements/1.1/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
MEDIA = "http://search.yahoo.com/mrss/"


def _media_content(handler: Any, image: dict[str, Any] | None) -> None:
    if image is None:
        return
    attrs = {"url": image["url"], "medium": "image", "type": image["type"]}
    if image["width"]:
        attrs["width"] = str(image["width"])
        attrs["height"] = str(image["height"])
    handler.startElement("media:content", attrs)
    handler.addQuickElement("media:description", image["alt"])
    if image["credit"]:
        handler.addQuickElement("media:credit", image["credit"])
    handler.endElement("media:content")


class NewsRssFeed(Rss201rev2Feed):
    def rss_attributes(self) -> dict[str, str]:
        return {
            **super().rss_attributes(),
            "xmlns:dc": DC,
            "xmlns:content": CONTENT,
            "xmlns:media": MEDIA,
        }

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        # RSS 2.0's <author> wants an e-mail address, which bylines lack;
        # dc:creator is what feed readers show for a name.
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author["name"])
        if item["content_html"] is not None:
            handler.addQuickElement("content:encoded", item["content_html"])
        _media_content(handler, item["image"])


class NewsAtomFeed(Atom1Feed):
    def root_attributes(self) -> dict[str, str]:
        return {**super().root_attributes(), "xmlns:media": MEDIA}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        if item["content_html"] is not None:
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        _media_content(handler, item["image"])
