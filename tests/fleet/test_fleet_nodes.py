"""A fleet of node agents (real ``pbxdesk node-agent`` processes, each deploying into its own directory
with a real reload command) behind one provisioning server: every accepted change reaches every node,
batched with one reload per batch; a stopped node catches up from its cursor; a new node gets everything;
a directory change redeploys its company in batches; a failing reload is reported and retried."""

from __future__ import annotations

import json
import time
from pathlib import Path

from fleet_helpers import Reload, deployed_files, expected_dialplan, start_agent, wait_live
from server_helpers import ServerProcess, Tenant

DIRECTORY = {
    "employees": [
        {"id": "e-101", "name": "Анна Петрова", "extension": "101", "email": "anna@example.ru"},
        {"id": "e-102", "name": "Борис Сидоров", "extension": "102", "email": "boris@example.ru"},
    ],
    "departments": [{"id": "sales", "name": "Отдел продаж", "members": ["e-101", "e-102"]}],
}


def change(tenant: Tenant, number: str, text: str) -> int:
    resp = tenant.get(f"/numbers/{number}")
    doc = resp.json()
    doc["scenarios"]["working"]["prompt"]["tts"] = text
    put = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": resp.headers["etag"]})
    assert put.status_code == 200, put.text
    assert put.headers["x-pbxdesk-deploy"] == "queued"
    return int(put.headers["etag"].strip('"r'))


def assert_node_has_current(tenant: Tenant, root: Path) -> None:
    files = deployed_files(root)
    for number in tenant.numbers:
        revision, dialplan = expected_dialplan(tenant, number)
        assert files[number][0] == revision and files[number][2] == dialplan, number


def wait_status(tenant: Tenant, number: str, predicate, timeout: float = 20.0) -> dict:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        status = tenant.get(f"/numbers/{number}/deploy").json()
        if predicate(status):
            return status
        assert time.monotonic() < deadline, status
        time.sleep(0.05)


def test_changes_reach_every_node_and_a_stopped_node_catches_up_in_one_batch(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server").start()  # with its in-process agent: node "local"
    agents = []
    try:
        tenant = server.tenant(DIRECTORY, numbers=5)
        reloads = {name: Reload(tmp_path / f"{name}-reload") for name in ("ast-1", "ast-2")}
        for name, reload in reloads.items():
            reload.folder.mkdir()
            agents.append(start_agent(server, name, tmp_path, reload=reload))
        wait_live(tenant, nodes=3)
        for root in (tmp_path / "ast-1", tmp_path / "ast-2", server.data_dir / "asterisk"):
            assert_node_has_current(tenant, root)

        ast2 = agents[1]
        ast2.stop()
        first = tenant.numbers[0]
        revision = change(tenant, first, "Новое приветствие")
        status = wait_status(tenant, first, lambda s: s["live_on"] == 2)
        assert status["status"] == "pending" and status["nodes_total"] == 3 and status["revision"] == revision
        assert status["message"] == "live on 2 of 3 nodes"
        [behind] = [n for n in status["nodes"] if n["status"] != "ok"]
        assert behind["node"] == "ast-2" and behind["status"] == "pending" and behind["revision"] == revision - 1
        assert "is live on this node" in behind["message"]

        for i, number in enumerate(tenant.numbers):  # the stopped node misses five more changes
            change(tenant, number, f"Изменение {i}")
        before = reloads["ast-2"].count()
        ast2.start()
        wait_live(tenant, nodes=3)
        assert reloads["ast-2"].count() == before + 1  # all it missed, in one batch, one reload
        assert_node_has_current(tenant, tmp_path / "ast-2")

        stray = tmp_path / "ast-3" / "extensions_pbxdesk" / "4959999999.conf"
        stray.parent.mkdir(parents=True)
        stray.write_text("; a number this service does not have\n")
        agents.append(start_agent(server, "ast-3", tmp_path))  # a new node gets everything
        wait_live(tenant, nodes=4)
        assert_node_has_current(tenant, tmp_path / "ast-3")
        assert not stray.exists()
        history = tenant.get(f"/numbers/{first}/revisions").json()["items"]
        assert history[0]["deploy"]["status"] == "ok" and history[0]["deploy"]["live_on"] == 4
    finally:
        for agent in agents:
            agent.stop()
        server.stop()


def test_directory_change_redeploys_its_company_in_batches(tmp_path: Path) -> None:
    """Deployed in batches, and reloaded at most every ``--flush-every`` numbers (the default, 5,000, makes
    it one reload for the whole company: Asterisk reloads its whole dialplan each time)."""
    server = ServerProcess(tmp_path / "server", extra=["--no-deploy"]).start()
    reload = Reload(tmp_path)
    agent = None
    try:
        tenant = server.tenant(DIRECTORY, numbers=12)
        other = server.tenant(DIRECTORY, numbers=2)
        agent = start_agent(server, "ast-1", tmp_path, reload=reload, extra=["--batch", "5", "--flush-every", "5"])
        wait_live(tenant, nodes=1)
        untouched = {n: (tmp_path / "ast-1" / "extensions_pbxdesk" / f"{n}.conf").stat().st_mtime_ns
                     for n in other.numbers}
        before = reload.count()
        renamed = json.loads(json.dumps(DIRECTORY))
        renamed["employees"][0]["extension"] = "201"
        path = tmp_path / "directory.json"
        path.write_text(json.dumps(renamed, ensure_ascii=False))
        code, _out, err = server.admin("import-directory", "--company", tenant.company, str(path))
        assert code == 0, err
        pending = tenant.get("/deploy").json()["items"]  # the directory revision is part of "live"
        assert {i["number"] for i in pending} <= set(tenant.numbers)
        wait_live(tenant, nodes=1)
        assert reload.count() == before + 3  # 12 numbers in batches of 5, a reload for at most 5
        files = deployed_files(tmp_path / "ast-1")
        assert all(files[n][1] == 2 for n in tenant.numbers)
        assert all("PJSIP/201" in files[n][2] for n in tenant.numbers)
        assert_node_has_current(tenant, tmp_path / "ast-1")
        assert {n: (tmp_path / "ast-1" / "extensions_pbxdesk" / f"{n}.conf").stat().st_mtime_ns
                for n in other.numbers} == untouched
    finally:
        if agent is not None:
            agent.stop()
        server.stop()


def test_failing_reload_is_reported_failed_and_retried(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server", extra=["--no-deploy"]).start()
    reload = Reload(tmp_path)
    agent = None
    try:
        tenant = server.tenant(DIRECTORY, numbers=1)
        number = tenant.numbers[0]
        agent = start_agent(server, "ast-2", tmp_path, reload=reload)
        wait_live(tenant, nodes=1)
        reload.fail_flag.touch()  # Asterisk is down
        revision = change(tenant, number, "Пока Asterisk лежит")
        status = wait_status(tenant, number, lambda s: s["status"] != "pending")
        assert status["status"] == "failed" and status["revision"] == revision
        [node] = status["nodes"]
        assert node["node"] == "ast-2" and node["status"] == "failed"
        assert "reload failed" in node["message"] and "Unable to connect to remote asterisk" in node["message"]
        assert status["message"].startswith("node ast-2: ")
        assert [i["number"] for i in tenant.get("/deploy").json()["items"]] == [number]
        history = tenant.get(f"/numbers/{number}/revisions").json()["items"]
        assert history[0]["deploy"]["status"] == "failed"
        tries = reload.count()
        time.sleep(1.5)
        assert reload.count() > tries  # retried while it fails ...
        reload.fail_flag.unlink()  # ... and Asterisk is back
        status = wait_status(tenant, number, lambda s: s["status"] == "ok")
        assert status["nodes"][0]["message"] == f"revision {revision} in place and reloaded"
        assert deployed_files(tmp_path / "ast-2")[number][0] == revision
    finally:
        if agent is not None:
            agent.stop()
        server.stop()


def test_each_node_compiles_with_its_own_settings_and_a_bad_file_stops_its_agent(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server", extra=["--no-deploy"]).start()
    agents = []
    try:
        tenant = server.tenant(DIRECTORY, numbers=1)
        number = tenant.numbers[0]
        resp = tenant.get(f"/numbers/{number}")
        doc = resp.json()
        doc["scenarios"]["working"] = {"type": "forward_external", "number": "4951234567", "timeout_s": 20,
                                       "announcement": None, "next": None}
        assert tenant.put(f"/numbers/{number}", doc, headers={"If-Match": resp.headers["etag"]}).status_code == 200
        for name, trunk in (("msk", "SIP/msk-out/8{number}"), ("spb", "PJSIP/{number}@spb")):
            settings = tmp_path / f"{name}.ini"
            settings.write_text(f"[asterisk]\ntrunk = {trunk}\n")
            agents.append(start_agent(server, name, tmp_path, extra=["--settings", str(settings)]))
        wait_live(tenant, nodes=2)
        assert "Dial(SIP/msk-out/84951234567,20)" in deployed_files(tmp_path / "msk")[number][2]
        assert "Dial(PJSIP/4951234567@spb,20)" in deployed_files(tmp_path / "spb")[number][2]
        bad = tmp_path / "bad.ini"
        bad.write_text("[asterisk]\ntrunk = PJSIP/{number}@trunk;rm -rf\n")
        broken = start_agent(server, "broken", tmp_path, extra=["--settings", str(bad)])
        assert broken.wait(30) == 2
        assert broken.lines[-1].startswith("pbxdesk node-agent: trunk:")
    finally:
        for agent in agents:
            agent.stop()
        server.stop()
