from datetime import UTC, datetime

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from dateline.content.models import Article

from ..text import relative_time, teaser

register = template.Library()


@register.filter
def cut_teaser(text: str) -> str:
    """The teaser of an article's lead text, as plain text."""
    return teaser(text or "", words=settings.TEASER_WORDS)


@register.simple_tag
def time_ago(moment: datetime | None) -> str:
    """A <time> the browser script keeps current; the text is right at render."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return format_html(
        '<time datetime="{}" data-relative title="{}">{}</time>',
        moment.astimezone(UTC).isoformat(timespec="seconds"),
        local.strftime("%d %B %Y, %H:%M %Z"),
        relative_time(moment),
    )


@register.simple_tag
def long_date(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>',
        moment.astimezone(UTC).isoformat(timespec="seconds"),
        timezone.localtime(moment).strftime("%A %-d %B %Y, %H:%M %Z"),
    )


@register.simple_tag
def article_body(article: Article) -> str:
    """The stored (already sanitized) body, the dateline leading its first line."""
    body = article.body
    if article.dateline and body.startswith("<p>"):
        lead = format_html('<p><span class="dateline">{}:</span> ', article.dateline)
        return mark_safe(lead + body[len("<p>") :])
    return mark_safe(body)
