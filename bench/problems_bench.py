"""Benchmark of ``GET /numbers`` with each number's problems against the directory, in the server process.

Run: ``.venv/bin/python bench/problems_bench.py [--numbers 2000] [--rounds 7]``

A company on SQLite under a temporary directory with the test directory (tests/data/directory.json) and
``--numbers`` numbers, each a menu of the SPEC §4 example (a department forward, a forward to an employee,
voicemail). Per round, alternating: the baseline (the list query alone, what ``GET /numbers`` did before
it counted problems), the list with the counts right after a directory import (every number validated:
the in-memory counts are keyed by the directory revision), and the same list again (counts kept). Prints
the medians and their ratios to the baseline.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pbxdesk.app.process_env import prepare_environment

prepare_environment()

from bench_company import bench_company
from sqlalchemy import update

from pbxdesk.server import number_problems, storage
from pbxdesk.server.database import read_connection
from pbxdesk.server.tables import numbers, revisions


def listing(engine, cid: int, with_counts: bool) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    with read_connection(engine) as conn:
        items = storage.list_numbers(conn, cid)
        if with_counts:
            found = number_problems.counts(conn, cid, {i["number"]: i["revision"] for i in items})
            for item in items:
                item["problems"] = found.get(item["number"], 0)
    json.dumps({"items": items})
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--numbers", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with bench_company(args.numbers) as company:
        engine, cid, directory = company.engine, company.company_id, company.directory
        with engine.begin() as conn:
            for number in company.numbers:
                text = json.dumps({**company.example, "number": number}, ensure_ascii=False)
                conn.execute(update(numbers).where(numbers.c.number == number).values(document=text))
                conn.execute(update(revisions).where(revisions.c.number == number).values(document=text))
        base, cold, warm = [], [], []
        for _round in range(args.rounds):
            base.append(listing(engine, cid, False))
            storage.set_directory(engine, cid, directory)  # an import: a new directory revision
            cold.append(listing(engine, cid, True))
            warm.append(listing(engine, cid, True))
    b, c, w = (statistics.median(x) for x in (base, cold, warm))
    print(f"{args.numbers} numbers, median of {args.rounds} rounds")
    print(f"list alone (baseline):              {b * 1000:8.1f} ms")
    print(f"list + counts after an import:      {c * 1000:8.1f} ms  ({c / b:.1f}x)")
    print(f"list + counts, directory unchanged: {w * 1000:8.1f} ms  ({w / b:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
