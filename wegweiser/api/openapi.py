"""The OpenAPI description states the answers every operation can give, not only its happy path.

django-ninja documents what a route declares. Some answers come from the API's shared handlers
(wegweiser/api/api.py) and apply to whole groups of operations: a request that does not match the
parameters or body is a 400 with `detail` and `errors`; a route with a path parameter answers 404 for an unknown
object; a route that needs authentication answers 401, and its writes answer 403 when a browser
session sends no CSRF token. They are added here, once, so the
description stays true when a route is added (checked by schemathesis, api/tests/test_openapi.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from ninja import NinjaAPI
from pydantic import BeforeValidator

DETAIL = {
    "title": "DetailOut",
    "type": "object",
    "properties": {"detail": {"title": "Detail", "type": "string"}},
    "required": ["detail"],
}
# `errors` lists what did not match the parameters or body; a rule of the route itself (an unknown
# language, a need key that does not exist) answers with `detail` alone.
BAD_REQUEST = {
    "title": "BadRequestOut",
    "type": "object",
    "properties": {
        "detail": {"title": "Detail", "type": "string"},
        "errors": {"title": "Errors", "type": "array", "items": {"type": "object"}},
    },
    "required": ["detail"],
}
REF = "#/components/schemas/{}"
UNSAFE_METHODS = {"post", "put", "patch", "delete"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _add_answer(responses: dict, status: str, schema: dict, description: str) -> None:
    """Document `schema` for `status`, next to what the route already documents for it."""
    existing = responses.get(status)
    if existing is None:
        responses[status] = _json(schema, description)
        return
    content = existing.setdefault("content", {}).setdefault("application/json", {})
    declared = content.get("schema")
    if declared is None:
        content["schema"] = schema
    elif declared != schema and schema not in declared.get("anyOf", []):
        content["schema"] = {"anyOf": [*declared.get("anyOf", [declared]), schema]}


def document_shared_answers(description: dict[str, Any]) -> dict[str, Any]:
    components = description.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("DetailOut", DETAIL)
    components.setdefault("BadRequestOut", BAD_REQUEST)
    detail = {"$ref": REF.format("DetailOut")}
    invalid = {"$ref": REF.format("BadRequestOut")}
    for operations in description.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            parameters = operation.get("parameters", [])
            if parameters or operation.get("requestBody"):
                _add_answer(responses, "400", invalid, "Bad request")
            if any(parameter.get("in") == "path" for parameter in parameters):
                _add_answer(responses, "404", detail, "Not found")
            if operation.get("security"):
                _add_answer(responses, "401", detail, "Authentication required")
                if method.lower() in UNSAFE_METHODS:
                    # A browser session must send its CSRF token with every write (a bearer
                    # token needs none): without it Django answers 403 before the route runs.
                    _add_answer(responses, "403", detail, "CSRF check failed")
    return description


class WegweiserAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        return document_shared_answers(super().get_openapi_schema(*args, **kwargs))


def _iso_date_only(value: Any) -> Any:
    """The description says `format: date`; pydantic alone would also take 0 as 1970-01-01."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if isinstance(value, dt.date):
        return value
    raise ValueError("a date as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]
