"""Local store speed: save a 500-node document, list 10,000 numbers, load one document.

Each figure is the lowest of five medians (rounds interleaved over time), printed next to raw ``sqlite3`` doing the same database work
in the same run (same schema, same pragmas: WAL, synchronous=FULL), and the ratio store/raw.
Targets: save < 15 ms, list < 200 ms, load < 5 ms.

    .venv/bin/python bench/store_bench.py
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from pbxdesk.domain.document import dumps
from pbxdesk.domain.models import (
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    MenuNode,
    MessageNode,
    RoutingDocument,
    TtsPrompt,
    VoicemailNode,
)
from pbxdesk.domain.walk import iter_nodes
from pbxdesk.store import Store
from pbxdesk.store.codec import doc_text

NUMBER = "4952300000"
ROUNDS = 5


def big_document(number: str = NUMBER, name: str = "Большой") -> RoutingDocument:
    """About 500 nodes: a menu with 12 keys, each a chain of forwards and messages ending in voicemail."""
    keys = {}
    for k in ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"):
        node: object = VoicemailNode(greeting=TtsPrompt(tts=f"Оставьте сообщение {k}"),
                                     recipients=[], external_email="office@example.ru")
        for j in range(41):
            if j % 2:
                node = MessageNode(prompt=TtsPrompt(tts=f"Сообщение {k}-{j}"), next=node)
            elif j % 4:
                node = ForwardEmployeeNode(employee=f"e-{j}", timeout_s=20, announcement=None, next=node)
            else:
                node = ForwardDepartmentNode(department="sales", distribution="in_turn", step_s=10, timeout_s=60,
                                             announcement=TtsPrompt(tts="Соединяю"), next=node)
        keys[k] = node
    menu = MenuNode(prompt=TtsPrompt(tts="Выберите отдел"), keys=keys, extension_dialing=True,
                    no_input=VoicemailNode(greeting=None, recipients=[], external_email="office@example.ru"))
    data = {"format": "pbxdesk.routing/1", "number": number, "name": name, "timezone": "Europe/Moscow",
            "schedule": {"mode": "always", "intervals": [{"id": "working", "name": "Рабочее время"},
                                                         {"id": "non_working", "name": "Нерабочее время"}],
                         "ranges": [], "exceptions": []},
            "scenarios": {"working": menu.model_dump(mode="json")}}
    return RoutingDocument.model_validate(data)


def median_ms(fn: Callable[[int], object], runs: int) -> float:
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def raw_connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("PRAGMA foreign_keys = ON")
    return con


def fill_numbers(path: Path, count: int) -> None:
    small = big_document("4950000000", "x")
    small.scenarios = {"working": MessageNode(prompt=TtsPrompt(tts="Здравствуйте"), next=None)}
    con = raw_connect(path)
    con.execute("BEGIN")
    for i in range(count):
        num = f"49{i:08d}"
        small.number, small.name = num, f"Номер {i}"
        text = doc_text(small)
        con.execute("INSERT INTO numbers (number, name, schedule_mode, saved_json, base_json, revision, sync_state,"
                    " updated_at, search_text) VALUES (?, ?, 'always', ?, ?, 1, 'synced', 0, ?)",
                    (num, small.name, text, text, f"{num} {small.name}".casefold()))
    con.execute("COMMIT")
    con.close()


def main() -> None:
    doc = big_document()
    nodes = sum(1 for _ in iter_nodes(doc))
    with tempfile.TemporaryDirectory() as tmp:
        store_dir, raw_dir = Path(tmp) / "store", Path(tmp) / "raw"
        store = Store.open(store_dir)
        Store.open(raw_dir).close()  # the same schema for the raw baseline
        raw_db = raw_dir / "pbxdesk.sqlite3"
        fill_numbers(store.path, 10_000)
        fill_numbers(raw_db, 10_000)
        store.apply_server_document(NUMBER, doc, 1)
        raw = raw_connect(raw_db)
        raw.execute("INSERT INTO numbers (number, name, schedule_mode, saved_json, base_json, revision, sync_state,"
                    " updated_at, search_text) VALUES (?, 'Большой', 'always', ?, ?, 1, 'synced', 0, '')",
                    (NUMBER, doc_text(doc), doc_text(doc)))
        docs = [big_document(name=f"Большой {i}") for i in range(2)]
        texts = [doc_text(d) for d in docs]  # the very bytes the store writes (compact canonical)

        def store_save(i: int) -> None:
            problems = store.save(NUMBER, docs[i % 2])
            assert not problems

        def raw_save(i: int) -> None:  # the same rows: saved doc, draft cleared, state, one outbox row
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("UPDATE numbers SET saved_json = ?, name = ?, draft_json = NULL, sync_state = 'changed',"
                        " updated_at = ?, search_text = ? WHERE number = ?",
                        (texts[i % 2], docs[i % 2].name, time.time(), docs[i % 2].name.casefold(), NUMBER))
            raw.execute("INSERT INTO outbox (operation, number, payload, base_revision, idempotency_key, attempts,"
                        " created_at) VALUES ('put', ?, ?, 1, ?, 0, ?) ON CONFLICT(number) DO UPDATE SET"
                        " payload = excluded.payload, idempotency_key = excluded.idempotency_key",
                        (NUMBER, texts[i % 2], str(uuid.uuid4()), time.time()))
            raw.execute("COMMIT")

        def raw_list(_i: int) -> None:
            raw.execute("SELECT number, name, schedule_mode, sync_state, draft_json IS NOT NULL, revision,"
                        " sync_message FROM numbers ORDER BY number").fetchall()

        def raw_load(_i: int) -> None:
            json.loads(raw.execute("SELECT saved_json FROM numbers WHERE number = ?", (NUMBER,)).fetchone()[0])

        listed = len(store.list_numbers())
        cases = [
            ("save 500-node document", store_save, raw_save, 20, 15.0),
            (f"list {listed} numbers", lambda _i: store.list_numbers(), raw_list, 7, 200.0),
            ("load one document", lambda _i: store.get_saved(NUMBER), raw_load, 20, 5.0),
        ]
        best: dict[str, list[float]] = {name: [float("inf"), float("inf")] for name, *_ in cases}
        for _round in range(ROUNDS):  # rounds spread over time; each keeps its median, the lowest wins
            for name, store_fn, raw_fn, runs, _target in cases:
                best[name][0] = min(best[name][0], median_ms(store_fn, runs))
                best[name][1] = min(best[name][1], median_ms(raw_fn, runs))
        rows = [(name, best[name][0], best[name][1], target) for name, *_rest, target in cases]
        raw.close()
        store.close()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; best of {ROUNDS} medians, rounds interleaved")
    print(f"document: {nodes} nodes, {len(dumps(doc).encode())} bytes canonical file, "
          f"{len(texts[0].encode())} bytes stored; sqlite {sqlite3.sqlite_version}; "
          "WAL, synchronous=FULL")
    print(f"{'operation':<26}{'store ms':>10}{'raw ms':>10}{'ratio':>8}{'target ms':>11}  ok")
    for name, ms, raw_ms, target in rows:
        print(f"{name:<26}{ms:>10.2f}{raw_ms:>10.2f}{ms / raw_ms:>8.1f}{target:>11.0f}  {'yes' if ms < target else 'NO'}")


if __name__ == "__main__":
    main()
