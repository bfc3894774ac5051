"""Purge hooks for caches in front of Dateline, chosen by DATELINE_PURGER."""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from .base import Purger


def purger() -> Purger:
    """The configured purger (no-op unless a CDN or proxy needs telling)."""
    return import_string(settings.PAGE_PURGER)()
