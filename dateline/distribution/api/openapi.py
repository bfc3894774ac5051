"""The OpenAPI document, with errors described as the problem documents they are."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from .problems import CONTENT_TYPE


class ProblemDocumentedAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        # ninja documents every response as application/json; errors go out
        # as application/problem+json (RFC 9457), and clients check that.
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[CONTENT_TYPE] = content.pop("application/json")
        return schema
