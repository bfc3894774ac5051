"""Errors as RFC 9457 problem documents (application/problem+json)."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

CONTENT_TYPE = "application/problem+json"


class ProblemError(HttpError):
    """An error whose problem document carries extra members (RFC 9457 §3.2)."""

    def __init__(self, status_code: int, message: str, **extra: Any) -> None:
        super().__init__(status_code, message)
        self.extra = extra


def problem(status: int, detail: str, **extra: Any) -> HttpResponse:
    """A problem document; "about:blank" means the status code says it all."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }
    return HttpResponse(json.dumps(body), status=status, content_type=CONTENT_TYPE)


def _where(error: dict[str, Any]) -> str:
    return ".".join(str(part) for part in error.get("loc", ()) if part != "query")


def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # A bad filter is the client's mistake: 400 with every field named.
    errors = [
        {"field": _where(error), "message": str(error.get("msg", "is not valid"))}
        for error in exc.errors
    ]
    fields = ", ".join(sorted({e["field"] for e in errors if e["field"]}))
    return problem(400, f"Invalid value for: {fields or 'the request'}.", errors=errors)


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    response = problem(exc.status_code, exc.message, **getattr(exc, "extra", {}))
    if isinstance(exc, Throttled) and exc.wait is not None:
        response["Retry-After"] = str(int(exc.wait) + 1)
    if isinstance(exc, AuthenticationError):
        response["WWW-Authenticate"] = 'Bearer realm="Dateline newsroom"'
    return response


def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem(404, "No such resource.")


def _too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return problem(413, f"The request body is larger than {limit:,} bytes.")


def _bad_request(
    request: HttpRequest, exc: SuspiciousOperation | BadRequest
) -> HttpResponse:
    # Django would answer these with the reader's HTML error page, and log
    # the suspicious ones for the security log; so do we.
    if isinstance(exc, SuspiciousOperation):
        security = logging.getLogger(f"django.security.{type(exc).__name__}")
        security.error(str(exc), extra={"status_code": 400, "request": request})
    return problem(400, "The request could not be read.")


def install(api: NinjaAPI) -> None:
    """Answer every expected error of the API with a problem document."""
    # ninja's stubs expect handlers that also take the class; these never do.
    api.add_exception_handler(ValidationError, _invalid)  # type: ignore[arg-type]
    api.add_exception_handler(HttpError, _http_error)  # type: ignore[arg-type]
    api.add_exception_handler(Http404, _not_found)  # type: ignore[arg-type]
    api.add_exception_handler(RequestDataTooBig, _too_large)  # type: ignore[arg-type]
    for error in (SuspiciousOperation, BadRequest):
        api.add_exception_handler(error, _bad_request)  # type: ignore[arg-type]
