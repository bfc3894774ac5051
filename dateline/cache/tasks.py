"""Background purges of caches in front (CDN or proxy), retried on failure."""

from __future__ import annotations

import urllib.request

from django.conf import settings
from huey.contrib.djhuey import task


@task(retries=5, retry_delay=10)
def purge_remote(keys: list[str]) -> None:
    """POST the keys to the configured purge endpoint, as Surrogate-Key."""
    request = urllib.request.Request(
        settings.PAGE_PURGE_URL,
        method="POST",
        headers={
            "Surrogate-Key": " ".join(keys),
            **(
                {"Fastly-Key": settings.PAGE_PURGE_TOKEN}
                if settings.PAGE_PURGE_TOKEN
                else {}
            ),
        },
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        response.read()
