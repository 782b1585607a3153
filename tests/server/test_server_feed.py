"""The change feed: paging with cursors, and completeness under two concurrent writer processes that
talk to two server processes on the same database (a reader following the feed meanwhile misses nothing)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from server_helpers import ServerProcess, Tenant

WRITER = Path(__file__).with_name("feed_writer.py")


def _follow(tenant: Tenant, since: int, limit: int) -> tuple[list[dict], int]:
    resp = tenant.get(f"/changes?since={since}&limit={limit}")
    assert resp.status_code == 200, resp.text
    page = resp.json()
    return page["changes"], page["next"]


def test_paging_with_cursors(server: ServerProcess) -> None:
    tenant = server.tenant(numbers=3)
    everything = tenant.get("/changes").json()
    assert [c["id"] for c in everything["changes"]] == tenant.numbers and not everything["has_more"]
    assert all(c["kind"] == "number" and c["revision"] == 1 and c["deleted"] is False
               for c in everything["changes"])
    first = tenant.get("/changes?limit=2").json()
    assert len(first["changes"]) == 2 and first["has_more"] is True
    second = tenant.get(f"/changes?since={first['next']}&limit=2").json()
    assert [c["id"] for c in second["changes"]] == tenant.numbers[2:] and second["has_more"] is False
    idle = tenant.get(f"/changes?since={second['next']}").json()
    assert idle == {"changes": [], "next": second["next"], "has_more": False}
    number = tenant.numbers[0]
    doc = tenant.get(f"/numbers/{number}").json()
    tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'})
    later = tenant.get(f"/changes?since={second['next']}").json()["changes"]
    assert [(c["id"], c["revision"]) for c in later] == [(number, 2)]


@pytest.mark.slow
def test_no_change_is_missed_under_concurrent_writers(server: ServerProcess) -> None:
    tenant = server.tenant(numbers=4)
    second = ServerProcess(server.data_dir, server.database).start()
    try:
        start_seq = tenant.get("/changes").json()["next"]
        shared = tenant.numbers[0]
        commands = [
            [sys.executable, str(WRITER), url, tenant.token, "30", shared, own]
            for url, own in ((server.url, tenant.numbers[1]), (second.url, tenant.numbers[2]))
        ]
        seen: list[dict] = []
        done = threading.Event()

        def reader() -> None:
            cursor = start_seq
            while True:
                finished = done.is_set()
                changes, cursor = _follow(tenant, cursor, 7)
                seen.extend(changes)
                if finished and not changes:
                    return
                if not changes:
                    time.sleep(0.005)

        thread = threading.Thread(target=reader)
        thread.start()
        writers = [subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) for cmd in commands]
        outputs = [w.communicate(timeout=120)[0] for w in writers]
        done.set()
        thread.join(60)
        assert all(w.returncode == 0 for w in writers)
    finally:
        second.stop()
    accepted = {tuple(pair) for out in outputs for pair in json.loads(out)}
    assert len(accepted) == 60  # every PUT of both writers landed exactly once
    seqs = [c["seq"] for c in seen]
    assert seqs == list(range(start_seq + 1, start_seq + 1 + len(seqs)))  # gap-free, in order, no repeats
    assert {(c["id"], c["revision"]) for c in seen} == accepted
    for number in (shared, tenant.numbers[1], tenant.numbers[2]):
        revisions = sorted(r for n, r in accepted if n == number)
        assert revisions == list(range(2, 2 + len(revisions)))
