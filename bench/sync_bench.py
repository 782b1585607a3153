"""Sync benchmark: first pull of 10,000 numbers and 5,000 employees, push of 1,000 changed
numbers next to a plain loop of ``requests`` PUTs of the same documents (the floor), and a sync with
nothing to do. Targets: push <= 1.3x the floor; no-op sync = 1 request and < 50 ms.

    .venv/bin/python bench/sync_bench.py [--numbers 10000] [--employees 5000] [--push 1000]

The server is a real ``pbxdesk serve`` process on loopback (SQLite); it is seeded directly through its
storage layer (one transaction) so seeding takes seconds.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pbxdesk.domain.defaults import default_document
from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.domain.models import Directory
from pbxdesk.server import accounts, storage
from pbxdesk.server.database import open_engine, write_transaction
from pbxdesk.server.tables import numbers as numbers_table
from pbxdesk.server.tables import revisions as revisions_table
from pbxdesk.store import Store
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.engine import SyncEngine


def seed(data_dir: Path, n_numbers: int, n_employees: int) -> tuple[str, list[str]]:
    engine = open_engine(data_dir)
    company_id, token = accounts.create_company(engine, "Bench company")
    employees = [{"id": f"e-{i}", "name": f"Сотрудник {i}", "extension": str(1000 + i),
                  "email": f"e{i}@example.ru"} for i in range(n_employees)]
    departments = [{"id": f"d-{d}", "name": f"Отдел {d}", "members": [f"e-{i}" for i in range(d, n_employees, 50)]}
                   for d in range(50)]
    directory = Directory.model_validate({"employees": employees, "departments": departments})
    storage.set_directory(engine, company_id, directory)
    numbers = [f"49{i:08d}" for i in range(n_numbers)]
    now = storage.utcnow()
    with write_transaction(engine, company_id) as writer:
        for number in numbers:
            text = storage.dump_json(to_canonical_dict(default_document(number, "Bench company", directory)))
            writer.conn.execute(numbers_table.insert().values(number=number, company_id=company_id,
                                                              name="Bench", revision=1, document=text,
                                                              updated_at=now))
            writer.conn.execute(revisions_table.insert().values(number=number, revision=1, company_id=company_id,
                                                                document=text, saved_at=now, author="bench"))
            writer.add_change("number", number, 1)
    engine.dispose()
    return token, numbers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pbxdesk", "serve", "--data", str(data_dir), "--port", str(port),
                             "--no-deploy"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    proc.stdout.readline()
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            requests.get(url + "/api/v1/openapi.json", timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.05)
    return proc, url


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--numbers", type=int, default=10_000)
    parser.add_argument("--employees", type=int, default=5_000)
    parser.add_argument("--push", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        token, numbers = seed(root / "server", args.numbers, args.employees)
        print(f"seeded {len(numbers)} numbers, {args.employees} employees in {time.perf_counter() - t0:.1f} s")
        proc, url = start_server(root / "server")
        try:
            store = Store.open(root / "profile")
            client = ApiClient(url, token)

            t0 = time.perf_counter()
            report = SyncEngine(store, client).run()
            pull_s = time.perf_counter() - t0
            assert report.ok and len(report.pulled) == len(numbers), report.errors
            print(f"first pull: {len(report.pulled)} numbers + directory in {pull_s:.2f} s "
                  f"({report.requests} requests, {pull_s / len(numbers) * 1000:.2f} ms/number)")

            # --- push of N changed numbers vs the floor: a plain loop of requests PUTs of the same documents
            chosen = numbers[: args.push]
            for number in chosen:
                doc = store.get_saved(number)
                assert doc is not None
                assert not store.save(number, doc.model_copy(update={"name": f"Pushed {number}"}))
            payloads = {i.number: i.payload for i in store.outbox_items()}
            t0 = time.perf_counter()
            report = SyncEngine(store, client).run()
            push_s = time.perf_counter() - t0
            assert report.ok and len(report.pushed) == len(chosen), (report.errors, report.offline)
            session = requests.Session()
            session.headers["Authorization"] = f"Bearer {token}"
            t0 = time.perf_counter()
            for number in chosen:  # the same documents, one more revision each, as fast as requests goes
                body = json.dumps(payloads[number], ensure_ascii=False).encode("utf-8")
                r = session.put(f"{url}/api/v1/numbers/{number}", data=body, timeout=30,
                                headers={"Content-Type": "application/json", "If-Match": '"r2"',
                                         "Idempotency-Key": str(uuid.uuid4())})
                assert r.status_code == 412 or r.ok, r.text
            floor_s = time.perf_counter() - t0
            ratio = push_s / floor_s
            print(f"push of {len(chosen)}: {push_s:.2f} s ({push_s / len(chosen) * 1000:.2f} ms/number, "
                  f"{report.requests} requests); floor (requests PUT loop): {floor_s:.2f} s "
                  f"({floor_s / len(chosen) * 1000:.2f} ms/number); ratio {ratio:.2f} (target <= 1.3)")

            SyncEngine(store, client).run()  # reads our own pushes back from the feed once
            times, counts = [], []
            for _ in range(20):
                t0 = time.perf_counter()
                report = SyncEngine(store, client).run()
                times.append(time.perf_counter() - t0)
                counts.append(report.requests)
            print("no-op sync runs (ms):", " ".join(f"{t * 1000:.1f}" for t in times))
            print(f"no-op sync: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms, "
                  f"requests {set(counts)} (target 1 request, < 50 ms)")
            client.close()
            store.close()
        finally:
            proc.terminate()
            proc.wait(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
