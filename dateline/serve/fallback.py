"""Database down, site up: a clear page for what the cache cannot serve.

Public pages are answered from the page cache's stale copies and snapshots
(dateline.cache.wsgi). Everything else, the newsroom included, gets this
page with a 503 and Retry-After instead of a traceback.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: say "database unavailable" when that is what happened."""
    error = sys.exc_info()[1]
    # Connection-level failures only: a query the database refuses (bad data)
    # is a bug to fix, not an outage to wait out.
    if isinstance(error, OperationalError | InterfaceError):
        # Rendered without context processors: they could query the database.
        body = loader.get_template("serve/database_unavailable.html").render(
            {"newsroom": request.path.startswith("/newsroom/")}
        )
        return HttpResponse(body, status=503, headers={"Retry-After": "30"})
    return HttpResponseServerError(loader.get_template("500.html").render())
