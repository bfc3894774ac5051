"""Give bare error responses from Django's decorators the site's own page."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


class ErrorPageMiddleware:
    """Render 405 and 400 responses that have no body with the site's look."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code in (400, 405) and not response.content:
            # A plain page: no database work while answering a broken request.
            response.content = render_to_string(
                "reader/error.html",
                {"status": response.status_code, "method": request.method},
                request=request,
            ).encode()
            response["Content-Type"] = "text/html; charset=utf-8"
        return response
