"""Surrogate-key purge over HTTP (Fastly-style API, or any proxy that takes it)."""

from collections.abc import Iterable

from .base import Purger


class HTTPPurger(Purger):
    """Queue a POST to DATELINE_PURGE_URL with the keys; never delay a publish."""

    def purge_keys(self, keys: Iterable[str]) -> None:
        from ..tasks import purge_remote

        purge_remote(sorted(keys))
