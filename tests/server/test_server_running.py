"""Running the service: ``pbxdesk serve --demo``, the embedded server, admin command errors, deployment."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
import requests
from server_helpers import API, ServerProcess, Tenant, admin

from pbxdesk.server.embedded import start_embedded


def _walk(node: object):
    if isinstance(node, dict):
        if "type" in node:
            yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_serve_demo_creates_a_company_once_and_prints_its_token(tmp_path: Path) -> None:
    proc = ServerProcess(tmp_path, extra=["--demo"]).start()
    try:
        token_line = proc.first_lines[1]
        assert token_line.startswith("demo token: ")
        token = token_line.split()[-1]
        token_file = tmp_path / "demo-token"
        assert token_file.read_text().strip() == token
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        h = {"Authorization": f"Bearer {token}"}
        base = proc.url + API
        items = requests.get(base + "/numbers", headers=h, timeout=10).json()["items"]
        assert len(items) == 5
        directory = requests.get(base + "/directory", headers=h, timeout=10).json()
        assert len(directory["employees"]) == 12 and len(directory["departments"]) == 3
        assert all("@" in e["email"] for e in directory["employees"])
        docs = [requests.get(base + f"/numbers/{i['number']}", headers=h, timeout=10).json() for i in items]
        nodes = [n for d in docs for n in _walk(d["scenarios"])]
        kinds = {n["type"] for n in nodes}
        assert {"menu", "message", "forward_department", "forward_employee", "forward_external",
                "voicemail", "fax"} <= kinds
        assert {n["distribution"] for n in nodes if n["type"] == "forward_department"} == {"all", "in_turn",
                                                                                          "incremental"}
        weekly = [d for d in docs if d["schedule"]["mode"] == "weekly"]
        assert any(d["schedule"]["exceptions"] for d in weekly)
        assert any(i["id"] == "custom1" for d in weekly for i in d["schedule"]["intervals"])
        media = [c["id"] for c in requests.get(base + "/changes", headers=h, timeout=10).json()["changes"]
                 if c["kind"] == "media"]
        assert len(media) == 2
        used = {n["prompt"]["audio"] for n in nodes if n["type"] == "message" and "audio" in n["prompt"]}
        assert used == set(media)
        for media_id in media:
            assert requests.get(base + f"/media/{media_id}", headers=h, timeout=10).status_code == 200
        tenant = Tenant(proc, "Ромашка", token)
        for item in items:  # every demo number was compiled and written under DATA/asterisk/
            deploy = tenant.wait_deployed(item["number"])
            assert deploy["status"] == "ok", deploy
        assert len(list((tmp_path / "asterisk").rglob(f"{items[0]['number']}*"))) >= 1
    finally:
        proc.stop()
    assert any("GET /api/v1/numbers 200" in line for line in proc.stderr_lines)  # one line per request
    again = ServerProcess(tmp_path, extra=["--demo"]).start()
    try:
        assert again.first_lines[1] == token_line  # the same demo company, not a second one
        code, out, _err = admin(tmp_path, None, "list-companies")
        assert code == 0 and len(out.strip().splitlines()) == 1
    finally:
        again.stop()


def test_embedded_server_serves_and_stops(tmp_path: Path) -> None:
    server = start_embedded(tmp_path)
    try:
        assert server.url.startswith("http://127.0.0.1:") and server.token
        resp = requests.get(server.url + API + "/numbers", headers={"Authorization": f"Bearer {server.token}"},
                            timeout=10)
        assert resp.status_code == 200 and len(resp.json()["items"]) == 5
    finally:
        server.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(server.url + API + "/numbers", timeout=2)
    again = start_embedded(tmp_path, demo=False)
    try:
        assert again.token == server.token  # the stored demo token, data kept
    finally:
        again.stop()


def test_admin_errors_are_one_line_and_nonzero(tmp_path: Path) -> None:
    assert admin(tmp_path, None, "create-company", "Альфа")[0] == 0
    code, _out, err = admin(tmp_path, None, "create-company", "Альфа")
    assert code == 1 and "already exists" in err
    code, _out, err = admin(tmp_path, None, "add-number", "--company", "Бета", "4951234567")
    assert code == 1 and "no company" in err
    code, _out, err = admin(tmp_path, None, "add-number", "--company", "Альфа", "12345")
    assert code == 1 and "10 digits" in err
    assert admin(tmp_path, None, "add-number", "--company", "Альфа", "8 (495) 123-45-67")[0] == 0
    code, _out, err = admin(tmp_path, None, "add-number", "--company", "Альфа", "4951234567")
    assert code == 1 and "already provisioned" in err
    code, _out, err = admin(tmp_path, None, "add-number", "--company", "Альфа", "4951111111", "4951234567")
    assert code == 1 and "4951234567 is already provisioned" in err  # several numbers: all or none
    code, out, _err = admin(tmp_path, None, "add-number", "--company", "Альфа", "4951111111", "4951111112")
    assert code == 0 and "added 4951111111" in out and "added 4951111112" in out
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, _out, err = admin(tmp_path, None, "import-directory", "--company", "Альфа", str(bad))
    assert code == 1 and "directory" in err
    code, _out, err = admin(tmp_path, None, "import-directory", "--company", "Альфа", str(tmp_path / "none.json"))
    assert code == 1 and "cannot read" in err
    assert admin(tmp_path, None, "revoke-token")[0] == 2


def test_directory_import_redeploys_and_feeds(server: ServerProcess) -> None:
    tenant = server.tenant(numbers=1)
    number = tenant.numbers[0]
    assert tenant.get("/directory").json() == {"employees": [], "departments": []}
    path = server.data_dir / f"{number}-dir.json"
    path.write_text(json.dumps({"employees": [{"id": "e-1", "name": "Анна", "email": "a@example.ru"}],
                                "departments": [{"id": "d", "name": "Отдел", "members": ["e-1"]}]}))
    code, out, _err = server.admin("import-directory", "--company", tenant.company, str(path))
    assert code == 0 and "imported 1 employee and 1 department " in out
    assert tenant.get("/directory").json()["departments"][0]["members"] == ["e-1"]
    assert tenant.get("/directory").headers["etag"] == '"r1"'
    kinds = [(c["kind"], c["id"]) for c in tenant.get("/changes").json()["changes"]]
    assert kinds == [("number", number), ("directory", "directory")]
    assert tenant.wait_deployed(number)["status"] == "ok"
    conf = next((server.data_dir / "asterisk").rglob(f"{number}.conf"))
    assert conf.read_text().startswith(f"; pbxdesk deployed: number {number} revision 1 directory 1\n")
    doc = tenant.get(f"/numbers/{number}").json()
    doc["scenarios"]["working"]["prompt"]["tts"] = "Новое приветствие"
    before = conf.read_text()
    put = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'})
    assert put.headers["x-pbxdesk-deploy"] == "queued"
    assert tenant.wait_deployed(number, 2)["status"] == "ok"
    assert conf.read_text() != before  # the accepted revision was compiled and written
