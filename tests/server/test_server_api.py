"""The numbers API of SPEC §8 against a real server process, on SQLite and on PostgreSQL."""

from __future__ import annotations

import copy
import json

import requests
from server_helpers import API, ServerProcess, unique_number

DIRECTORY = {
    "employees": [
        {"id": "e-101", "name": "Анна Петрова", "extension": "101", "email": "anna@example.ru"},
        {"id": "e-102", "name": "Борис Сидоров", "extension": "102", "email": "boris@example.ru"},
    ],
    "departments": [{"id": "sales", "name": "Отдел продаж", "members": ["e-101", "e-102"]}],
}


def _problem(resp: requests.Response, status: int) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert body["status"] == status and body["detail"]
    return body


def test_new_number_has_default_routing_and_is_listed(server: ServerProcess) -> None:
    tenant = server.tenant(DIRECTORY, numbers=2)
    listing = tenant.get("/numbers")
    assert listing.status_code == 200
    items = listing.json()["items"]
    assert sorted(i["number"] for i in items) == sorted(tenant.numbers)
    assert all(i["revision"] == 1 for i in items)
    number = tenant.numbers[0]
    resp = tenant.get(f"/numbers/{number}")
    assert resp.status_code == 200 and resp.headers["etag"] == '"r1"'
    doc = resp.json()
    assert doc["number"] == number and doc["schedule"]["mode"] == "always"
    greeting = doc["scenarios"]["working"]
    assert tenant.company in greeting["prompt"]["tts"]
    assert greeting["next"]["department"] == "sales"  # R1: the first department, then its voicemail
    assert greeting["next"]["next"]["type"] == "voicemail"


def test_put_get_revisions_round_trip(server: ServerProcess) -> None:
    tenant = server.tenant(DIRECTORY)
    number = tenant.numbers[0]
    doc = tenant.get(f"/numbers/{number}").json()
    doc["name"] = "Главный номер"
    resp = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'})
    assert resp.status_code == 200, resp.text
    assert resp.headers["etag"] == '"r2"' and resp.json()["name"] == "Главный номер"
    again = tenant.get(f"/numbers/{number}")
    assert again.headers["etag"] == '"r2"' and again.json() == resp.json()
    assert {"number": number, "name": "Главный номер", "revision": 2, "problems": 0} in tenant.get("/numbers").json()["items"]
    revisions = tenant.get(f"/numbers/{number}/revisions").json()["items"]
    assert [r["revision"] for r in revisions] == [2, 1]
    assert revisions[0]["author"] == tenant.company and revisions[0]["saved_at"].endswith("Z")
    first = tenant.get(f"/numbers/{number}/revisions/1")
    assert first.status_code == 200 and first.json()["name"] != "Главный номер"
    _problem(tenant.get(f"/numbers/{number}/revisions/7"), 404)
    assert resp.headers["x-pbxdesk-deploy"] == "queued"  # accepted; the in-process node agent deploys it
    deploy = tenant.wait_deployed(number, 2)
    assert deploy["revision"] == 2 and deploy["status"] == "ok" and deploy["message"]
    assert deploy["live_on"] == deploy["nodes_total"] == 1 and deploy["deployed_at"].endswith("Z")
    assert [(n["node"], n["status"], n["revision"]) for n in deploy["nodes"]] == [("local", "ok", 2)]
    revisions = tenant.get(f"/numbers/{number}/revisions").json()["items"]
    assert revisions[0]["deploy"]["nodes"][0]["message"] == deploy["nodes"][0]["message"]
    assert revisions[0]["deploy"]["status"] == "ok"
    assert revisions[1]["deploy"]["status"] in ("ok", "superseded")  # r1 may never have reached the node


def test_tenant_isolation(server: ServerProcess) -> None:
    alpha, beta = server.tenant(DIRECTORY), server.tenant()
    theirs = alpha.numbers[0]
    assert theirs not in [i["number"] for i in beta.get("/numbers").json()["items"]]
    _problem(beta.get(f"/numbers/{theirs}"), 404)
    _problem(beta.get(f"/numbers/{theirs}/revisions"), 404)
    _problem(beta.get(f"/numbers/{theirs}/revisions/1"), 404)
    _problem(beta.get(f"/numbers/{theirs}/deploy"), 404)
    doc = alpha.get(f"/numbers/{theirs}").json()
    _problem(beta.put(f"/numbers/{theirs}", doc, headers={"If-Match": '"r1"'}), 404)
    assert alpha.get(f"/numbers/{theirs}").headers["etag"] == '"r1"'  # untouched
    assert beta.get("/directory").json() == {"employees": [], "departments": []}
    assert alpha.get("/directory").json()["departments"][0]["id"] == "sales"
    beta_changes = beta.get("/changes").json()["changes"]
    assert theirs not in [c["id"] for c in beta_changes]


def test_missing_bad_and_revoked_tokens_are_401(server: ServerProcess) -> None:
    tenant = server.tenant()
    base = server.url + API
    for headers in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic YTpi"},
                    {"Authorization": f"Bearer {tenant.token}x"}):
        for path in ("/numbers", "/directory", "/changes", f"/numbers/{tenant.numbers[0]}"):
            _problem(requests.get(base + path, headers=headers, timeout=10), 401)
    assert tenant.get("/numbers").status_code == 200
    code, out, _err = server.admin("revoke-token", tenant.token)
    assert code == 0 and "revoked 1" in out
    body = _problem(tenant.get("/numbers"), 401)
    assert "revoked" in body["detail"]
    code, _out, err = server.admin("revoke-token", tenant.token)
    assert code == 1 and "no live token" in err


def test_revoke_by_company_and_extra_tokens(server: ServerProcess) -> None:
    tenant = server.tenant()
    code, out, _err = server.admin("create-token", "--company", tenant.company, "--label", "робот")
    second = out.strip().splitlines()[-1]
    assert code == 0 and second != tenant.token
    number = tenant.numbers[0]
    doc = tenant.get(f"/numbers/{number}").json()
    resp = requests.put(tenant.url(f"/numbers/{number}"), json=doc, timeout=10,
                        headers={"Authorization": f"Bearer {second}", "If-Match": '"r1"'})
    assert resp.status_code == 200
    assert tenant.get(f"/numbers/{number}/revisions").json()["items"][0]["author"] == "робот"
    code, out, _err = server.admin("revoke-token", "--company", tenant.company)
    assert code == 0 and "revoked 2" in out
    _problem(tenant.get("/numbers"), 401)
    _problem(requests.get(tenant.url("/numbers"), headers={"Authorization": f"Bearer {second}"}, timeout=10), 401)


def test_if_match_missing_stale_and_star(server: ServerProcess) -> None:
    tenant = server.tenant()
    number = tenant.numbers[0]
    doc = tenant.get(f"/numbers/{number}").json()
    body = _problem(tenant.put(f"/numbers/{number}", doc), 428)
    assert "If-Match" in body["detail"]
    assert tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'}).status_code == 200
    mine = copy.deepcopy(doc)
    mine["name"] = "Моё имя"
    stale = _problem(tenant.put(f"/numbers/{number}", mine, headers={"If-Match": '"r1"'}), 412)
    assert stale["revision"] == 2 and stale["current"] == tenant.get(f"/numbers/{number}").json()
    _problem(tenant.put(f"/numbers/{number}", mine, headers={"If-Match": "garbage"}), 412)
    assert tenant.get(f"/numbers/{number}").json()["name"] != "Моё имя"  # nothing was stored
    resp = tenant.put(f"/numbers/{number}", mine, headers={"If-Match": '"r1", "r2"'})
    assert resp.status_code == 200 and resp.headers["etag"] == '"r3"'


def test_invalid_documents_are_422_with_pointers(server: ServerProcess) -> None:
    tenant = server.tenant(DIRECTORY)
    number = tenant.numbers[0]
    doc = tenant.get(f"/numbers/{number}").json()
    wrong = dict(doc, number=unique_number())
    body = _problem(tenant.put(f"/numbers/{number}", wrong, headers={"If-Match": '"r1"'}), 422)
    assert any(e["pointer"] == "/number" and e["severity"] == "error" for e in body["errors"])
    broken = copy.deepcopy(doc)
    broken["scenarios"]["working"]["next"]["timeout_s"] = "thirty"
    broken["surprise"] = 1
    body = _problem(tenant.put(f"/numbers/{number}", broken, headers={"If-Match": '"r1"'}), 422)
    pointers = {e["pointer"] for e in body["errors"]}
    assert {"/scenarios/working/next/timeout_s", "/surprise"} <= pointers
    assert all(set(e) == {"severity", "pointer", "code", "message"} for e in body["errors"])
    for payload in (b"", b"{not json", b"[1, 2]", b'"text"', json.dumps({"number": number}).encode()):
        resp = tenant.put(f"/numbers/{number}", data=payload, headers={"If-Match": '"r1"',
                                                                      "Content-Type": "application/json"})
        assert resp.status_code in (400, 422), (payload, resp.status_code)
        _problem(resp, resp.status_code)
    assert tenant.get(f"/numbers/{number}").headers["etag"] == '"r1"'


def test_unknown_references_are_422_with_the_pointer(server: ServerProcess) -> None:
    tenant = server.tenant(DIRECTORY)
    number = tenant.numbers[0]
    doc = tenant.get(f"/numbers/{number}").json()
    cases = {
        "/scenarios/working/prompt/audio": {"type": "message", "prompt": {"audio": "ab" * 32}, "next": None},
        "/scenarios/working/employee": {"type": "forward_employee", "employee": "e-999", "timeout_s": 20,
                                        "announcement": None, "next": None},
        "/scenarios/working/department": {"type": "forward_department", "department": "nope",
                                          "distribution": "all", "step_s": None, "timeout_s": 30,
                                          "announcement": None, "next": None},
    }
    for pointer, node in cases.items():
        bad = copy.deepcopy(doc)
        bad["scenarios"]["working"] = node
        body = _problem(tenant.put(f"/numbers/{number}", bad, headers={"If-Match": '"r1"'}), 422)
        assert any(e["pointer"] == pointer and e["severity"] == "error" for e in body["errors"]), body


def test_directory_and_unknown_routes(server: ServerProcess) -> None:
    tenant = server.tenant(DIRECTORY)
    resp = tenant.get("/directory")
    assert resp.status_code == 200 and resp.json() == DIRECTORY
    _problem(tenant.get("/no-such-thing"), 404)
    _problem(requests.delete(tenant.url(f"/numbers/{tenant.numbers[0]}"), headers=tenant.headers, timeout=10), 405)
    openapi = requests.get(server.url + API + "/openapi.json", timeout=10).json()
    for path in ("/numbers", "/numbers/{number}", "/numbers/{number}/revisions", "/numbers/{number}/revisions/{revision}",
                 "/directory", "/media", "/media/{media_id}", "/tts", "/changes"):
        assert API + path in openapi["paths"]
