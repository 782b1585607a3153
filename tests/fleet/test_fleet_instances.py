"""Several ``pbxdesk serve`` instances on one PostgreSQL behind a real HAProxy behave as one service: 30
concurrent writers through the balancer while one instance is SIGKILLed (no accepted write lost, the
clients retry through the balancer with their idempotency keys); idempotency, the change feed and media
across instances; a node agent deploying through the balancer."""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from fleet_helpers import HAProxy, deployed_files, expected_dialplan, start_agent, wait_live
from server_helpers import API, ServerProcess, Tenant

from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.domain.document import from_dict
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.errors import ApiError

WRITERS = 30


def _start_instances(tmp_path: Path, database: str, count: int) -> list[ServerProcess]:
    servers = [ServerProcess(tmp_path / f"api-{i}", database, extra=["--no-deploy"]) for i in range(count)]
    servers[0].start()  # the first one migrates the fresh database
    with ThreadPoolExecutor(count) as pool:
        list(pool.map(lambda s: s.start(), servers[1:]))
    return servers


def _writer(url: str, token: str, number: str, stop: threading.Event, accepted: list[tuple[int, str]],
            failures: list[str]) -> None:
    client = ApiClient(url, token, retries=8, backoff_s=0.1, max_backoff_s=1.0, read_timeout=15)
    try:
        while not stop.is_set():
            try:
                doc, revision = client.get_number(number)
                name = f"Запись {uuid.uuid4().hex[:10]}"
                _stored, new_revision = client.put_number(doc.model_copy(update={"name": name}), revision,
                                                          uuid.uuid4().hex)
                accepted.append((new_revision, name))
            except ApiError as exc:
                failures.append(str(exc))
    finally:
        client.close()


@pytest.mark.postgres
def test_instance_killed_under_30_writers_loses_no_accepted_write(tmp_path: Path, pg_database: str) -> None:
    servers = _start_instances(tmp_path, pg_database, 3)
    balancer = HAProxy(tmp_path, [s.url for s in servers]).start()
    agent = None
    stop = threading.Event()
    try:
        tenants = [Tenant(balancer_server(servers[0], balancer), t.company, t.token, t.numbers)
                   for t in (servers[0].tenant(numbers=WRITERS // 3) for _ in range(3))]
        agent = start_agent(servers[0], "ast-1", tmp_path, url=balancer.url)
        accepted: dict[str, list[tuple[int, str]]] = {}
        failures: list[str] = []
        threads = []
        for tenant in tenants:
            for number in tenant.numbers:
                accepted[number] = []
                threads.append(threading.Thread(target=_writer, daemon=True, args=(
                    balancer.url, tenant.token, number, stop, accepted[number], failures)))
        for t in threads:
            t.start()
        time.sleep(1.5)
        victim = servers[1]
        assert victim.proc is not None
        os.kill(victim.proc.pid, signal.SIGKILL)  # in the middle of requests
        time.sleep(2.5)
        stop.set()
        for t in threads:
            t.join(60)
        assert failures == []
        assert sum(len(w) for w in accepted.values()) > 2 * WRITERS  # the load went on after the kill
        for tenant in tenants:
            for number in tenant.numbers:
                writes = accepted[number]
                history = [h["revision"] for h in tenant.get(f"/numbers/{number}/revisions").json()["items"]]
                assert history == list(range(len(writes) + 1, 0, -1))  # every accepted write, no other
                assert [w[0] for w in writes] == list(range(2, len(writes) + 2))
                last_revision, last_name = writes[-1]
                doc = tenant.get(f"/numbers/{number}/revisions/{last_revision}").json()
                assert from_dict(doc).name == last_name
            seqs = [c["seq"] for c in tenant.get("/changes", params={"limit": 1000}).json()["changes"]]
            assert seqs == list(range(1, len(seqs) + 1))  # the change feed has no gap and no repeat
            assert len(seqs) == len(tenant.numbers) + sum(len(accepted[n]) for n in tenant.numbers)
            wait_live(tenant, nodes=1, timeout=60)
        files = deployed_files(tmp_path / "ast-1")
        tenant = tenants[0]
        for number in tenant.numbers:
            revision, dialplan = expected_dialplan(tenant, number)
            assert files[number][0] == revision and files[number][2] == dialplan
    finally:
        stop.set()
        if agent is not None:
            agent.stop()
        balancer.stop()
        for s in servers:
            s.stop()


def balancer_server(template: ServerProcess, balancer: HAProxy) -> ServerProcess:
    """A ServerProcess view whose URL is the balancer's (for Tenant requests through it)."""
    return ServerProcess(template.data_dir, template.database, url=balancer.url)


@pytest.mark.postgres
def test_idempotency_changes_and_media_are_one_service_across_instances(tmp_path: Path, pg_database: str) -> None:
    a, b = _start_instances(tmp_path, pg_database, 2)
    try:
        tenant = a.tenant(numbers=1)
        number = tenant.numbers[0]
        on_b = Tenant(b, tenant.company, tenant.token, tenant.numbers)
        doc = tenant.get(f"/numbers/{number}").json()
        doc["name"] = "Через A"
        headers = {"If-Match": '"r1"', "Idempotency-Key": "same-key"}
        first = tenant.put(f"/numbers/{number}", doc, headers=headers)
        again = on_b.put(f"/numbers/{number}", doc, headers=headers)  # the retry lands on the other instance
        assert first.status_code == again.status_code == 200
        assert again.headers["idempotent-replayed"] == "true" and again.headers["etag"] == '"r2"'
        assert len(on_b.get(f"/numbers/{number}/revisions").json()["items"]) == 2
        other = dict(doc, name="Другое тело")
        assert on_b.put(f"/numbers/{number}", other, headers=headers).status_code == 422  # key reused

        wav = EspeakEngine(tmp_path / "tts").synthesize("Загруженное приветствие", "ru").read_bytes()
        uploaded = tenant.post("/media", files={"file": ("greeting.wav", wav)})
        assert uploaded.status_code == 200, uploaded.text
        media_id = uploaded.json()["id"]
        fetched = on_b.get(f"/media/{media_id}")  # stored where every instance reads it
        assert fetched.status_code == 200 and fetched.content == tenant.get(f"/media/{media_id}").content
        assert not any((b.data_dir / "media").glob("*.wav"))
        assert on_b.post("/media", files={"file": ("again.wav", wav)}).json()["id"] == media_id
        kinds = [(c["kind"], c["id"]) for c in on_b.get("/changes").json()["changes"]]
        assert kinds == [("number", number), ("number", number), ("media", media_id)]

        doc = on_b.get(f"/numbers/{number}").json()
        doc["scenarios"]["working"]["prompt"] = {"audio": media_id}
        assert tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r2"'}).status_code == 200
        preview = requests.post(b.url + API + "/tts", json={"text": "Превью"}, headers=tenant.headers, timeout=30)
        assert preview.status_code == 200
        assert list((b.data_dir / "tts-cache").glob("*.wav")) and not list((a.data_dir / "tts-cache").glob("*.wav"))
    finally:
        a.stop()
        b.stop()
