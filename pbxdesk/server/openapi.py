"""The OpenAPI document: the routing document schema as a component, problem+json for every error."""

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
            responses = operation.get("responses", {})
            for code, response in responses.items():
                if str(code).isdigit() and int(code) >= 400:
                    response["content"] = {PROBLEM_JSON: {"schema": _PROBLEM_REF}}
            if operation.get("parameters") or operation.get("requestBody"):
                responses.setdefault("422", {"description": "Unprocessable Content",
                                             "content": {PROBLEM_JSON: {"schema": _PROBLEM_REF}}})
    app.openapi_schema = doc
    return doc
