"""Benchmark of the media library's "who uses each file" (``GET /media``, and the check before a removal),
in the server process.

Run: ``.venv/bin/python bench/media_library_bench.py [--numbers 2000] [--revisions 5] [--rounds 7]``

A company on SQLite under a temporary directory with ``--numbers`` numbers of the SPEC §4 example (its
"custom1" scenario plays an uploaded greeting), each with ``--revisions`` revisions. Per round, alternately:
the baseline, what the library did before the index (decode every stored revision that mentions audio and
walk it), and the index read now (``media_library.usage``: the ``revision_media`` rows of the company joined
with the current revisions). Both must find the same users. Prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_company import bench_company
from sqlalchemy import Connection, select, update

from pbxdesk.server import media_library
from pbxdesk.server.database import read_connection, write_transaction
from pbxdesk.server.revision_rows import insert_revision
from pbxdesk.server.tables import numbers, revisions


def decode_all(conn: Connection, company_id: int) -> dict[str, Any]:
    """The way before the index: every revision that mentions audio, decoded and walked."""
    found: dict[str, media_library.Usage] = {}
    current = {row.number: int(row.revision) for row in conn.execute(
        select(numbers.c.number, numbers.c.revision).where(numbers.c.company_id == company_id))}
    rows = conn.execute(select(revisions.c.number, revisions.c.revision, revisions.c.document).where(
        revisions.c.company_id == company_id, revisions.c.document.like('%"audio"%')))
    for row in rows:
        ids = media_library.referenced_media(json.loads(row.document))
        for mid in ids:
            entry = found.setdefault(mid, media_library.Usage())
            if current.get(row.number) == int(row.revision):
                entry.numbers.add(row.number)
            else:
                entry.old_revisions.add((row.number, int(row.revision)))
    return found


def timed(fn: Any, engine: Any, cid: int) -> tuple[float, Any]:
    start = time.perf_counter()
    with read_connection(engine) as conn:
        result = fn(conn, cid)
    return time.perf_counter() - start, {k: (sorted(v.numbers), sorted(v.old_revisions)) for k, v in result.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--numbers", type=int, default=2000)
    parser.add_argument("--revisions", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with bench_company(args.numbers) as company:
        engine, cid = company.engine, company.company_id
        with write_transaction(engine, cid) as writer:
            for number in company.numbers:
                doc = {**company.example, "number": number}
                text = json.dumps(doc, ensure_ascii=False)
                writer.conn.execute(update(numbers).where(numbers.c.number == number).values(
                    document=text, revision=args.revisions))
                for revision in range(2, args.revisions + 1):
                    insert_revision(writer.conn, number=number, revision=revision, company_id=cid, document=doc,
                                    text=text, saved_at="2026-12-05T00:00:00Z", author="bench")
        before, now = [], []
        for _round in range(args.rounds):
            t_before, found_before = timed(decode_all, engine, cid)
            t_now, found_now = timed(media_library.usage, engine, cid)
            assert found_before == found_now, "the index and the documents disagree"
            before.append(t_before)
            now.append(t_now)
    b, n = statistics.median(before), statistics.median(now)
    users = sum(len(u[0]) + len(u[1]) for u in found_now.values())
    print(f"{args.numbers} numbers x {args.revisions} revisions ({users} uses of audio), median of {args.rounds} rounds")
    print(f"decoding every revision (before): {b * 1000:8.1f} ms")
    print(f"the index (now):                  {n * 1000:8.1f} ms  ({n / b:.2f}x, {b / n:.1f} times faster)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
