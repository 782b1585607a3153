"""Schemathesis against the OpenAPI document of a real server with a valid token, on SQLite and on
PostgreSQL, with every check it has: no 5xx; every answer's status code, content type, headers and body as
published; schema-violating requests refused; a required header missing refused; and no valid request
rejected — the OpenAPI document states every rule the service enforces on a request. Bounded: a few
examples per operation, positive and negative.

Two readings, both stated in the document itself:
* 412 answers a valid request whose ``If-Match`` names no current revision: the state of the number, not
  the request's shape, like the 404 of a number that is not the company's (schemathesis accepts 404 and 409
  for valid data for the same reason); 428 is the answer to a missing ``If-Match`` (RFC 6585). Likewise the
  422 for an ``Idempotency-Key`` already used with another body (SPEC §8; the IETF draft's answer): the key's
  history, not the request.
* A routing document has rules across its members (SPEC §5: declared intervals, overlaps, a scenario for
  every interval that occurs, the company's directory and media, the body's number matching the path) and
  an upload must be real sound: no JSON Schema can state those, the request body's description does. A 422
  for schema-valid data is accepted only for those codes; a 422 for any rule the schema states (a pattern, a
  length, an allowed value) is a "valid request rejected".
"""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance, response_schema_conformance
from server_helpers import API, ServerProcess, Tenant

from pbxdesk.domain.document import parse_document
from pbxdesk.server.app import create_app
from pbxdesk.server.context import ServerConfig

# rules across members (or parameters) and of the content of an upload: what no schema can state
CROSS_MEMBER_CODES = frozenset({
    "number.mismatch", "timezone.unknown", "interval.duplicate_id", "interval.too_many_extra",
    "interval.name_duplicate", "interval.missing", "interval.unknown", "range.start_not_before_end",
    "range.overlap", "exception.bad_date", "exception.duplicate_date", "scenario.missing",
    "scenario.undeclared_interval", "menu.key_missing_branch", "menu.no_input_missing", "menu.no_keys",
    "department.step_missing", "department.bad_step", "employee.unknown", "department.unknown", "media.unknown",
    "mail.no_recipient",
})
CONTENT_PROBLEMS = ("/bad-audio", "/tts-failed", "/idempotency-key-reused")


def _openapi() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(ServerConfig(Path(tmp), deploy=False))
        document = app.openapi()
        app.state.ctx.engine.dispose()
        return document


def _without_recursion(document: dict[str, Any]) -> dict[str, Any]:
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
                props["keys"] = {"type": "object", "additionalProperties": {"type": "null"},
                                 "propertyNames": props["keys"].get("propertyNames", {})}
    return fuzzed


OPENAPI = _openapi()
CONFIG = SchemathesisConfig.from_dict({
    # the test sends a real token itself (below): schemathesis does not draw or negate the Authorization header
    "generation": {"mode": "all", "with-security-parameters": False},
    "checks": {
        "positive_data_acceptance": {"expected-statuses": ["2xx", "401", "403", "404", "409", "412", "429"]},
        "missing_required_header": {"expected-statuses": ["400", "401", "403", "406", "415", "422", "428"]},
    },
})
schema = schemathesis.openapi.from_dict(_without_recursion(OPENAPI), config=CONFIG)


def valid_requests_are_accepted(ctx: Any, response: Any, case: Any) -> bool | None:
    """schemathesis' ``positive_data_acceptance``, except a 422 naming only rules no schema can state (or the
    state of an idempotency key)."""
    meta = case.meta
    if response.status_code == 422 and meta is not None and meta.generation.mode.is_positive:
        body = response.json()
        kind = str(body.get("type", ""))
        if kind.endswith(CONTENT_PROBLEMS):
            return None
        if kind.endswith("/invalid-document"):
            stated = {e["code"] for e in body["errors"] if e["severity"] == "error"} - CROSS_MEMBER_CODES
            assert not stated, f"valid request rejected for rules the schema states: {sorted(stated)}: {body}"
            return None
    return positive_data_acceptance(ctx, response, case)


@pytest.fixture(scope="module")
def node_headers(server: ServerProcess) -> Iterator[dict[str, str]]:
    """A node agent's credential: the ``/fleet`` routes are fuzzed as a node sees them. The node is removed
    afterwards: the server is shared by the session, and a node that never deploys would keep every later
    test's numbers "live on 1 of 2 nodes"."""
    name = f"fuzz-{id(server)}"
    code, out, err = server.admin("create-node", name)
    assert code == 0, err
    yield {"Authorization": f"Bearer {out.strip().splitlines()[-1]}"}
    code, _out, err = server.admin("remove-node", name)
    assert code == 0, err


@pytest.fixture(scope="module")
def fuzz_tenant(server: ServerProcess) -> Iterator[Tenant]:
    yield server.tenant({"employees": [{"id": "e-1", "name": "Анна", "extension": "101",
                                        "email": "a@example.ru"}],
                         "departments": [{"id": "d-1", "name": "Продажи", "members": ["e-1"]}]},
                        numbers=2)


def test_served_document_is_the_one_fuzzed(sqlite_server: ServerProcess) -> None:
    served = requests.get(sqlite_server.url + API + "/openapi.json", timeout=10).json()
    assert served == OPENAPI


def test_the_document_states_the_request_rules() -> None:
    put = OPENAPI["paths"][API + "/numbers/{number}"]["put"]
    params = {p["name"].lower(): p for p in put["parameters"]}
    assert params["if-match"]["required"] is True and "428" in put["responses"]
    assert params["idempotency-key"]["schema"]["maxLength"] == 255 and params["idempotency-key"]["schema"]["minLength"] == 1
    assert params["number"]["schema"]["pattern"] == "^[0-9]{10}$"
    assert "must be the number in the URL" in put["requestBody"]["description"]
    schemas = OPENAPI["components"]["schemas"]
    assert schemas["TtsPrompt"]["properties"]["tts"]["pattern"] == schemas["TtsRequest"]["properties"]["text"]["pattern"]
    media = OPENAPI["paths"][API + "/media"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert schemas[media["$ref"].rsplit("/", 1)[-1]]["properties"]["file"]["minLength"] == 1


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, fuzz_tenant: Tenant, node_headers: dict[str, str]) -> None:
    positive = case.meta is None or case.meta.generation.mode.is_positive
    if case.path.startswith(API + "/fleet/"):
        if positive and case.query and "wait" in case.query:
            case.query["wait"] = 0  # a long poll holds the answer back by design; its bounds are in the schema
        case.call_and_validate(base_url=fuzz_tenant.server.url, headers=node_headers,
                               excluded_checks=[positive_data_acceptance],
                               additional_checks=[valid_requests_are_accepted])
        return
    if positive and case.path_parameters and "number" in case.path_parameters:
        # Mostly a real number of the company, so generated documents reach validation and the revision check
        # (a negative case keeps its invalid number: that is what it tests).
        if len(repr(case.body)) % 4 != 0:
            case.path_parameters["number"] = fuzz_tenant.numbers[0]
    returns_document = case.path in (API + "/numbers/{number}", API + "/numbers/{number}/revisions/{revision}")
    excluded = [positive_data_acceptance] + ([response_schema_conformance] if returns_document else [])
    response = case.call_and_validate(base_url=fuzz_tenant.server.url, headers=fuzz_tenant.headers,
                                      excluded_checks=excluded, additional_checks=[valid_requests_are_accepted])
    if returns_document and response.status_code == 200:
        # A stored document has the full node tree, which the one-level fuzz schema cannot describe: check its
        # body against the published models instead (the schema is generated from them).
        assert parse_document(response.json()).problems == []
    elif response.status_code >= 400:
        body = response.json()
        assert body["status"] == response.status_code and body["detail"]
