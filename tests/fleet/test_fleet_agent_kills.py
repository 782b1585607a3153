"""SIGKILL a node agent in the middle of a batch, 30 times, while changes keep coming: the files Asterisk
would load are complete after every kill, the node converges to the current revision of every number,
and every revision it deployed is reported exactly once."""

from __future__ import annotations

import random
import sqlite3
import threading
from pathlib import Path

from fleet_helpers import AgentProcess, Reload, create_node, deployed_files, expected_dialplan, wait_live
from server_helpers import ServerProcess, Tenant

KILLS = 30


def _writer(tenant: Tenant, stop: threading.Event, seed: int) -> None:
    rng = random.Random(seed)
    session = tenant.session()
    while not stop.is_set():
        number = rng.choice(tenant.numbers)
        resp = session.get(tenant.url(f"/numbers/{number}"), timeout=30)
        doc = resp.json()
        doc["scenarios"]["working"]["prompt"]["tts"] = f"Вариант {rng.randrange(6)}"
        doc["name"] = f"Номер {rng.randrange(10**6)}"
        session.put(tenant.url(f"/numbers/{number}"), json=doc, headers={"If-Match": resp.headers["etag"]},
                    timeout=30)
        stop.wait(0.02)


def test_agent_killed_mid_batch_30_times_converges_and_reports_each_revision_once(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server", extra=["--no-deploy"]).start()
    reload = Reload(tmp_path, delay=0.05)
    agent = AgentProcess(server.url, create_node(server, "ast-1"), tmp_path / "ast-1", reload=reload,
                         extra=["--batch", "8"])
    stop = threading.Event()
    rng = random.Random(19)
    try:
        tenant = server.tenant(numbers=40)
        writer = threading.Thread(target=_writer, args=(tenant, stop, 7), daemon=True)
        writer.start()
        mid_batch = 0
        for _kill in range(KILLS):
            agent.start(verbose=True)
            # the k-th write step (a number's file, a sound, the reload) of this run: inside a batch
            k, seen = rng.randrange(1, 12), -1
            for _ in range(k):
                seen = agent.wait_line(" step ", start=seen + 1)
            agent.kill()
            mid_batch += "step " in agent.lines[seen]
            deployed_files(tmp_path / "ast-1")  # every file the include matches is complete
        assert mid_batch == KILLS
        stop.set()
        writer.join(30)
        agent.start()
        wait_live(tenant, nodes=1, timeout=60)
        files = deployed_files(tmp_path / "ast-1")
        for number in tenant.numbers:
            revision, dialplan = expected_dialplan(tenant, number)
            assert files[number][:1] == (revision,) and files[number][2] == dialplan
        with sqlite3.connect(server.data_dir / "server.sqlite3") as db:
            repeats = db.execute("SELECT number, revision, directory_revision, count(*) FROM deploy_reports "
                                 "GROUP BY node_id, number, revision, directory_revision HAVING count(*) > 1"
                                 ).fetchall()
            failed = db.execute("SELECT count(*) FROM deploy_reports WHERE NOT ok").fetchone()[0]
            reported = db.execute("SELECT count(*) FROM deploy_reports").fetchone()[0]
        assert repeats == [] and failed == 0
        assert reported >= len(tenant.numbers)
    finally:
        stop.set()
        agent.kill()
        server.stop()
