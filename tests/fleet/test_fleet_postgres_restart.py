"""PostgreSQL restarted while node agents follow the feed (a private cluster of this test; the shared one
is never touched): writes during the restart are retried by the client and none is lost, the service
answers 503 while the database is away, and both nodes (the server's in-process agent reading the
database, a node agent over HTTP) converge to the current revisions."""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path

import pytest
import requests
from fleet_helpers import PrivatePostgres, deployed_files, expected_dialplan, start_agent, wait_live
from server_helpers import ServerProcess, Tenant

from pbxdesk.domain.document import from_dict


def _write_forever(tenant: Tenant, number: str, stop: threading.Event, accepted: list[tuple[int, str]],
                   errors: list[int]) -> None:
    """Change the number's name again and again; each change is retried with its idempotency key until it is
    accepted, whatever the database does meanwhile."""
    session = tenant.session()
    while not stop.is_set():
        name = f"Имя {uuid.uuid4().hex[:8]}"
        key = uuid.uuid4().hex
        while True:
            try:
                resp = session.get(tenant.url(f"/numbers/{number}"), timeout=10)
                if resp.status_code == 200:
                    doc = resp.json()
                    doc["name"] = name
                    put = session.put(tenant.url(f"/numbers/{number}"), json=doc, timeout=10,
                                      headers={"If-Match": resp.headers["etag"], "Idempotency-Key": key})
                    if put.status_code == 200:
                        accepted.append((int(put.headers["etag"].strip('"r')), name))
                        break
                    if put.status_code == 412:  # our own accepted write came back as a replay of a stale
                        key = uuid.uuid4().hex  # precondition: take the current revision, a new key
                        continue
                    errors.append(put.status_code)
                else:
                    errors.append(resp.status_code)
            except requests.RequestException:
                errors.append(0)
            time.sleep(0.1)
        stop.wait(0.05)


@pytest.mark.postgres
def test_postgres_restart_under_agents_loses_nothing(tmp_path: Path) -> None:
    pg = PrivatePostgres().start()
    server = ServerProcess(tmp_path / "server", pg.url).start()  # in-process agent: node "local"
    agent = None
    stop = threading.Event()
    try:
        tenant = server.tenant(numbers=3)
        agent = start_agent(server, "ast-1", tmp_path)
        wait_live(tenant, nodes=2)
        accepted: dict[str, list[tuple[int, str]]] = {n: [] for n in tenant.numbers}
        errors: list[int] = []
        writers = [threading.Thread(target=_write_forever, args=(tenant, n, stop, accepted[n], errors),
                                    daemon=True) for n in tenant.numbers]
        for w in writers:
            w.start()
        time.sleep(1.0)
        pg.restart()
        time.sleep(2.0)
        stop.set()
        for w in writers:
            w.join(60)
        assert 503 in errors  # the service said "database unavailable" while it was away
        wait_live(tenant, nodes=2, timeout=60)
        for number, writes in accepted.items():
            history = tenant.get(f"/numbers/{number}/revisions").json()["items"]
            assert [w[0] for w in writes] == sorted(w[0] for w in writes)
            assert [h["revision"] for h in history] == list(range(len(writes) + 1, 0, -1))  # nothing lost
            for revision, name in writes:
                doc = tenant.get(f"/numbers/{number}/revisions/{revision}").json()
                assert from_dict(doc).name == name
        for root in (tmp_path / "ast-1", server.data_dir / "asterisk"):
            files = deployed_files(root)
            for number in tenant.numbers:
                revision, dialplan = expected_dialplan(tenant, number)
                assert files[number][0] == revision and files[number][2] == dialplan
    finally:
        stop.set()
        if agent is not None:
            agent.stop()
        server.stop()
        pg.stop()
