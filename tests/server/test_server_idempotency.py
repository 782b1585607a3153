"""Idempotency-Key on writes (SPEC §8) and request limits: no 500 for any client input."""

from __future__ import annotations

import json
import uuid

import requests
from server_helpers import ServerProcess


def test_same_key_same_body_replays_the_first_answer(server: ServerProcess) -> None:
    tenant = server.tenant()
    number = tenant.numbers[0]
    doc = tenant.get(f"/numbers/{number}").json()
    doc["name"] = "Первый"
    key = str(uuid.uuid4())
    first = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"', "Idempotency-Key": key})
    assert first.status_code == 200 and first.headers["etag"] == '"r2"'
    retry = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"', "Idempotency-Key": key})
    assert retry.status_code == 200 and retry.headers["etag"] == '"r2"'  # not a 412: the first answer
    assert retry.json() == first.json()
    assert [r["revision"] for r in tenant.get(f"/numbers/{number}/revisions").json()["items"]] == [2, 1]
    assert sum(1 for c in tenant.get("/changes").json()["changes"] if c["id"] == number) == 2  # r1 and r2 only


def test_same_key_with_another_body_is_422(server: ServerProcess) -> None:
    tenant = server.tenant()
    number = tenant.numbers[0]
    doc = tenant.get(f"/numbers/{number}").json()
    key = str(uuid.uuid4())
    assert tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"', "Idempotency-Key": key}).ok
    other = dict(doc, name="Другое")
    resp = tenant.put(f"/numbers/{number}", other, headers={"If-Match": '"r2"', "Idempotency-Key": key})
    assert resp.status_code == 422 and resp.headers["content-type"].startswith("application/problem+json")
    assert "Idempotency-Key" in resp.json()["detail"]
    assert tenant.get(f"/numbers/{number}").json()["name"] != "Другое"
    fresh = tenant.put(f"/numbers/{number}", other, headers={"If-Match": '"r2"', "Idempotency-Key": str(uuid.uuid4())})
    assert fresh.status_code == 200 and fresh.json()["name"] == "Другое"


def test_client_errors_are_remembered_too(server: ServerProcess) -> None:
    tenant = server.tenant()
    number = tenant.numbers[0]
    doc = tenant.get(f"/numbers/{number}").json()
    key = str(uuid.uuid4())
    stale = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r9"', "Idempotency-Key": key})
    assert stale.status_code == 412
    assert tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'}).status_code == 200
    replay = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r9"', "Idempotency-Key": key})
    assert replay.status_code == 412 and replay.json()["revision"] == 1  # the first answer, not today's r2
    assert replay.headers.get("idempotent-replayed") == "true"


def test_keys_are_per_company(server: ServerProcess) -> None:
    alpha, beta = server.tenant(), server.tenant()
    key = str(uuid.uuid4())
    for tenant in (alpha, beta):
        number = tenant.numbers[0]
        doc = tenant.get(f"/numbers/{number}").json()
        resp = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"', "Idempotency-Key": key})
        assert resp.status_code == 200 and resp.json()["number"] == number


def test_oversized_and_malformed_requests(server: ServerProcess) -> None:
    tenant = server.tenant()
    number = tenant.numbers[0]
    huge = b'{"name": "' + b"x" * 2_000_000 + b'"}'
    resp = tenant.put(f"/numbers/{number}", data=huge, headers={"If-Match": '"r1"', "Content-Type": "application/json"})
    assert resp.status_code == 413 and resp.headers["content-type"].startswith("application/problem+json")

    def chunks():
        for _ in range(40):
            yield b"x" * 65536

    resp = requests.put(tenant.url(f"/numbers/{number}"), data=chunks(), timeout=30,
                        headers={**tenant.headers, "If-Match": '"r1"'})  # chunked: no Content-Length
    assert resp.status_code == 413
    deep = b"[" * 100000 + b"]" * 100000
    resp = tenant.put(f"/numbers/{number}", data=deep, headers={"If-Match": '"r1"'})
    assert resp.status_code == 400, resp.text
    nested = {"type": "message", "prompt": {"tts": "a"}, "next": None}
    for _ in range(300):
        nested = {"type": "message", "prompt": {"tts": "a"}, "next": nested}
    doc = tenant.get(f"/numbers/{number}").json()
    doc["scenarios"]["working"] = nested
    resp = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'})
    assert resp.status_code == 422  # as pbxdesk validate says: document.too_deep, with the pointer
    assert resp.json()["errors"][0]["code"] == "document.too_deep"
    resp = tenant.put(f"/numbers/{number}", data=b"\xff\xfe\x00garbage", headers={"If-Match": '"r1"'})
    assert resp.status_code == 400
    for query in ("since=-1", "since=abc", "limit=0", "limit=100000", "since=99999999999999999999999"):
        resp = tenant.get(f"/changes?{query}")
        assert resp.status_code == 422 and resp.json()["detail"], query
    resp = tenant.post("/tts", data=json.dumps({"text": "", "voice": "xx"}), headers={"Content-Type": "application/json"})
    assert resp.status_code == 422
    resp = tenant.post("/tts", data=b"[]", headers={"Content-Type": "application/json"})
    assert resp.status_code == 422
    resp = tenant.put(f"/numbers/{number}", data=b"{}", headers={"If-Match": '"r1"', "Idempotency-Key": "k" * 300})
    assert resp.status_code == 422 and "idempotency-key" in resp.json()["detail"].lower()
    assert tenant.get(f"/numbers/{number}").headers["etag"] == '"r1"'
