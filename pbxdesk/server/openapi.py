"""The OpenAPI document: the routing document schema as a component, problem+json for every error, and every
rule the service enforces on a request stated where a client (or a schema-driven fuzzer) can read it:
path patterns, header rules (``If-Match`` required, ``Idempotency-Key`` 1-255 printable ASCII), the text
rules of :mod:`pbxdesk.domain.text` in the routing document and ``/tts``, a non-empty upload."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from pbxdesk.domain.schema import routing_schema
from pbxdesk.server.problems import PROBLEM_JSON
from pbxdesk.server.schemas import Problem

DOCUMENT_REF: dict[str, Any] = {
    "description": "a routing document (pbxdesk.routing/1)",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RoutingDocument"}}},
    "headers": {"ETag": {"description": 'the revision, e.g. "r3"', "schema": {"type": "string"}}},
}
CURRENT_REF: dict[str, Any] = {**DOCUMENT_REF, "headers": {**DOCUMENT_REF["headers"],
    "X-Pbxdesk-Problems": {"description": "how many problems (SPEC §5 errors and warnings) the current "
                                          "revision has against the company's current directory "
                                          "(GET /numbers/{number}/problems lists them)",
                           "schema": {"type": "integer", "minimum": 0}}}}
"""The current routing document (``GET /numbers/{number}``): its revision and its problems count."""
_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Declare error answers of a route (their schema is filled in by :func:`build_openapi`)."""
    return {code: {"description": HTTPStatus(code).phrase} for code in codes}


def _routing_components() -> dict[str, Any]:
    schema = routing_schema()
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    text = json.dumps({"RoutingDocument": schema, **defs}).replace('"#/$defs/', '"#/components/schemas/')
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def build_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    components = doc.setdefault("components", {}).setdefault("schemas", {})
    components.update(_routing_components())
    components["Problem"] = Problem.model_json_schema()
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    for path_item in doc.get("paths", {}).values():
        for operation in path_item.values():
            _headers(operation)
            _uploads(operation, components)
            responses = operation.get("responses", {})
            for code, response in responses.items():
                if str(code).isdigit() and int(code) >= 400:
                    response["content"] = {PROBLEM_JSON: {"schema": _PROBLEM_REF}}
            if operation.get("parameters") or operation.get("requestBody"):
                responses.setdefault("422", {"description": "Unprocessable Content",
                                             "content": {PROBLEM_JSON: {"schema": _PROBLEM_REF}}})
    app.openapi_schema = doc
    return doc


def _uploads(operation: dict[str, Any], components: dict[str, Any]) -> None:
    """An uploaded file may not be empty."""
    form = operation.get("requestBody", {}).get("content", {}).get("multipart/form-data")
    if form is None:
        return
    body = components[form["schema"]["$ref"].rsplit("/", 1)[-1]]
    for prop in body.get("properties", {}).values():
        if prop.get("contentMediaType") == "application/octet-stream" or prop.get("format") == "binary":
            prop["minLength"] = 1


def _headers(operation: dict[str, Any]) -> None:
    """A header is a string or absent, never null; ``If-Match`` is required (428 without it)."""
    for param in operation.get("parameters", []):
        if param.get("in") != "header":
            continue
        schema = param["schema"]
        strings = [s for s in schema.pop("anyOf", []) if s.get("type") != "null"]
        if strings:
            schema.update(strings[0])
        if param["name"].lower() == "if-match":
            param["required"] = True
            schema["minLength"] = 1
