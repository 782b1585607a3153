"""Schemathesis against the OpenAPI document of a real server with a valid token: no 5xx, every answer's
status code, content type and body conform to the published schema. Bounded (few examples per operation)."""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from server_helpers import API, ServerProcess, Tenant

from pbxdesk.domain.document import parse_document
from pbxdesk.server.app import create_app
from pbxdesk.server.context import ServerConfig

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]


def _openapi() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(ServerConfig(Path(tmp), deploy=False))
        document = app.openapi()
        app.state.ctx.engine.dispose()
        return document


def _without_recursion(document: dict) -> dict:
    """The node tree of a routing document is recursive (``next``, ``no_input``, menu ``keys``);
    schemathesis expands recursive references without bound, so the fuzzed copy cuts the tree after one
    level (those members may only be null there). Everything else is fuzzed as published."""
    fuzzed = copy.deepcopy(document)
    for name, component in fuzzed["components"]["schemas"].items():
        props = component.get("properties", {})
        if name.endswith("Node"):
            for member in ("next", "no_input"):
                if member in props:
                    props[member] = {"type": "null"}
            if "keys" in props:
                props["keys"] = {"type": "object", "additionalProperties": {"type": "null"}}
    return fuzzed


OPENAPI = _openapi()
schema = schemathesis.openapi.from_dict(_without_recursion(OPENAPI))


@pytest.fixture(scope="module")
def node_headers(sqlite_server: ServerProcess) -> dict[str, str]:
    """A node agent's credential: the ``/fleet`` routes are fuzzed as a node sees them."""
    code, out, err = sqlite_server.admin("create-node", "fuzz-node")
    assert code == 0, err
    return {"Authorization": f"Bearer {out.strip().splitlines()[-1]}"}


@pytest.fixture(scope="module")
def fuzz_tenant(sqlite_server: ServerProcess) -> Iterator[Tenant]:
    yield sqlite_server.tenant({"employees": [{"id": "e-1", "name": "Анна", "extension": "101",
                                               "email": "a@example.ru"}],
                                "departments": [{"id": "d-1", "name": "Продажи", "members": ["e-1"]}]},
                               numbers=2)


def test_served_document_is_the_one_fuzzed(sqlite_server: ServerProcess) -> None:
    served = requests.get(sqlite_server.url + API + "/openapi.json", timeout=10).json()
    assert served == OPENAPI


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, fuzz_tenant: Tenant, node_headers: dict[str, str]) -> None:
    if case.path.startswith(API + "/fleet/"):
        if case.query and "wait" in case.query:
            case.query["wait"] = 0  # a long poll holds the answer back by design; its bounds are in the schema
        case.call_and_validate(base_url=fuzz_tenant.server.url, headers=node_headers, checks=CHECKS)
        return
    if case.path_parameters and "number" in case.path_parameters:
        # Mostly a real number of the company, so generated documents reach validation and the revision check.
        if len(repr(case.body)) % 4 != 0:
            case.path_parameters["number"] = fuzz_tenant.numbers[0]
    returns_document = case.path in (API + "/numbers/{number}", API + "/numbers/{number}/revisions/{revision}")
    if not returns_document:
        case.call_and_validate(base_url=fuzz_tenant.server.url, headers=fuzz_tenant.headers, checks=CHECKS)
        return
    # A stored document has the full node tree, which the one-level fuzz schema cannot describe: check its
    # body against the published models instead (the schema is generated from them).
    checks = [c for c in CHECKS if c is not response_schema_conformance]
    response = case.call_and_validate(base_url=fuzz_tenant.server.url, headers=fuzz_tenant.headers, checks=checks)
    if response.status_code == 200:
        assert parse_document(response.json()).problems == []
    elif response.status_code >= 400:
        body = response.json()
        assert body["status"] == response.status_code and body["detail"]
