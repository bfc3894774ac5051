"""Cached pages and key versions, in Django's cache (Redis in production).

An entry records the version of each of its keys when its render began. A
purge bumps versions; an entry whose recorded versions are behind is stale.
Purging is then O(keys touched), never a scan, and correct across processes
that share the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http.request import split_domain_port

ENTRY_PREFIX = "page:"
VERSION_PREFIX = "pagekey:"


@dataclass
class Entry:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    versions: dict[str, int]
    stored_at: float
    etag: str = field(default="")


def _cache():  # type: ignore[no-untyped-def]
    return caches[settings.PAGE_CACHE_ALIAS]


def bump(keys: set[str]) -> None:
    """Invalidate every entry that carries any of `keys`."""
    cache = _cache()
    for key in keys:
        name = VERSION_PREFIX + key
        cache.add(name, 0, timeout=None)
        try:
            cache.incr(name)
        except ValueError:  # evicted between add and incr
            cache.set(name, 1, timeout=None)


def lookup(cache_key: str, keys: list[str]) -> tuple[Entry | None, dict[str, int]]:
    """Return the stored page (or None) and the current versions of `keys`.

    One round trip to the cache for both: the page is fresh when the versions
    it recorded equal the current ones.
    """
    names = [ENTRY_PREFIX + cache_key, *(VERSION_PREFIX + key for key in keys)]
    found = _cache().get_many(names)
    current = {key: found.get(VERSION_PREFIX + key, 0) for key in keys}
    return found.get(ENTRY_PREFIX + cache_key), current


def put(cache_key: str, entry: Entry) -> None:
    _cache().set(ENTRY_PREFIX + cache_key, entry, timeout=settings.PAGE_CACHE_TTL)
    if entry.status.startswith("200"):
        _write_snapshot(cache_key, entry)


# Snapshots: the last good copy of each page on disk, so that published pages
# are served after a restart even while the database is down.


def _snapshot_path(cache_key: str) -> Path:
    return Path(settings.PAGE_SNAPSHOT_DIR) / f"{cache_key}.page"


def _write_snapshot(cache_key: str, entry: Entry) -> None:
    path = _snapshot_path(cache_key)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
        pickle.dump(entry, tmp, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp.name, path)  # atomic: readers never see half a file


def snapshot(cache_key: str) -> Entry | None:
    """The last good copy of a page written by this box, if any."""
    try:
        with _snapshot_path(cache_key).open("rb") as file:
            return pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError):
        return None


def request_key(host: str, path: str, query: str) -> str:
    """One key per page: host (without port), path and query minus tracking."""
    kept = sorted(
        part for part in query.split("&") if part and not part.startswith("utm_")
    )
    domain, _port = split_domain_port(host)
    raw = f"{domain}\n{path}\n{'&'.join(kept)}"
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
