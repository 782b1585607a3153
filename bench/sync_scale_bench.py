"""Sync at company scale: a first pull of 10,000 numbers and a push meeting 1,000 conflicts, each next to the
same work at a quarter of the size (linear means the same cost per item) and, for the push, next to a push of
the same numbers that meets no conflict (each conflict costs a refused PUT, a merge and a second PUT).

    .venv/bin/python bench/sync_scale_bench.py [--numbers 10000] [--conflicts 1000] [--rounds 3]

A real ``pbxdesk serve --no-deploy`` process on loopback (SQLite), seeded through its storage layer with a
directory of 50 employees (so the server's own validation stays small next to the client's work); the client
is the real store and sync engine. Sizes are measured alternately, several rounds; the medians and the
median of the per-round ratios are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sync_bench import seed, start_server

from pbxdesk.app.process_env import prepare_environment

prepare_environment()  # as the app does (pbxdesk/app/process_env.py)

from pbxdesk.server import storage
from pbxdesk.server.database import open_engine, write_transaction
from pbxdesk.store import Store
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.engine import SyncEngine, SyncReport
from pbxdesk.sync.pipeline import Ticker


def pull(url: str, token: str, profile: Path) -> tuple[float, int]:
    """A first pull into an empty profile: seconds, numbers pulled."""
    store, client = Store.open(profile), ApiClient(url, token)
    try:
        t0 = time.perf_counter()
        report = SyncEngine(store, client).run()
        elapsed = time.perf_counter() - t0
        assert report.ok, (report.errors, report.offline, report.auth_error, report.cancelled)
        return elapsed, len(report.pulled)
    finally:
        client.close()
        store.close()


class Company:
    """The server's side of the push bench: changes made "by someone else" straight in its database."""

    def __init__(self, data_dir: Path, company_id: int) -> None:
        self.engine = open_engine(data_dir, migrate=False)
        self.company_id = company_id
        self.lock = threading.Lock()

    def change_elsewhere(self, numbers: list[str], timezone: str) -> None:
        with write_transaction(self.engine, self.company_id) as writer:
            for number in numbers:
                current = storage.get_number(writer.conn, self.company_id, number)
                assert current is not None
                doc = dict(current.document, timezone=timezone)
                storage.save_document(writer, number, doc, "someone else", current.revision)


def push(store: Store, client: ApiClient, numbers: list[str], company: Company | None, tag: str) -> float:
    """Save a local change to ``numbers``; with ``company``, change the same numbers on the server first (so
    every PUT meets a 412 and is merged and pushed again). Seconds of the push alone."""
    for number in numbers:
        doc = store.get_saved(number)
        assert doc is not None
        assert not store.save(number, doc.model_copy(update={"name": f"{tag} {number}"}))
    if company is not None:
        company.change_elsewhere(numbers, "Asia/Yekaterinburg" if tag.endswith("a") else "Europe/Samara")
    engine = SyncEngine(store, client)
    report = SyncReport()
    t0 = time.perf_counter()
    engine.push(report, Ticker(None, None))
    elapsed = time.perf_counter() - t0
    assert sorted(report.pushed) == sorted(numbers) and not report.errors, report.errors
    assert len(report.merged) == (len(numbers) if company is not None else 0)
    SyncEngine(store, client).run()  # read the new revisions back, so the next round starts in sync
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--numbers", type=int, default=10_000)
    parser.add_argument("--conflicts", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    small_numbers, small_conflicts = args.numbers // 4, args.conflicts // 4
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sites = {}  # "big" / "small": a server seeded with a company, its process, a profile that pulled it
        try:
            for size, count in (("big", args.numbers), ("small", small_numbers)):
                token, numbers = seed(root / f"server-{size}", count, 50)
                with open_engine(root / f"server-{size}", migrate=False).connect() as conn:
                    company_id = int(conn.exec_driver_sql("SELECT id FROM companies").scalar_one())
                proc, url = start_server(root / f"server-{size}")
                sites[size] = {"token": token, "numbers": numbers, "proc": proc, "url": url,
                               "company": Company(root / f"server-{size}", company_id)}
            # -- first pull of the whole company, 10,000 numbers vs a company of a quarter the size, alternately
            per_number: dict[str, list[float]] = {"big": [], "small": []}
            for r in range(args.rounds):
                for size in ("big", "small"):
                    site = sites[size]
                    seconds, count = pull(site["url"], site["token"], root / f"pull-{size}-{r}")
                    per_number[size].append(seconds / count)
                print(f"round {r + 1}: pull {args.numbers}: {per_number['big'][-1] * 1000:.2f} ms/number, "
                      f"{small_numbers}: {per_number['small'][-1] * 1000:.2f} ms/number", flush=True)
            ratio = statistics.median(b / s for b, s in zip(per_number["big"], per_number["small"], strict=True))
            big_ms, small_ms = (statistics.median(per_number[k]) * 1000 for k in ("big", "small"))
            print(f"first pull of {args.numbers} numbers: median {big_ms * args.numbers / 1000:.1f} s ({big_ms:.2f} "
                  f"ms/number); of {small_numbers}: {small_ms:.2f} ms/number; per-number ratio median {ratio:.2f} "
                  "(linear: 1.0)")

            # -- a push meeting 1,000 conflicts in the 10,000-number profile vs 250 in the 2,500-number one, and
            # the same pushes meeting no conflict (their floor: one PUT per number)
            rows: dict[str, list[float]] = {"big": [], "big_plain": [], "small": [], "small_plain": []}
            for size, conflicts in (("big", args.conflicts), ("small", small_conflicts)):
                site = sites[size]
                site["store"], site["client"] = Store.open(root / f"pull-{size}-0"), ApiClient(site["url"], site["token"])
                SyncEngine(site["store"], site["client"]).run()
                site["chosen"] = site["numbers"][:conflicts]
            for r in range(args.rounds):
                for size in ("big", "small"):
                    site = sites[size]
                    chosen = site["chosen"]
                    rows[size].append(push(site["store"], site["client"], chosen, site["company"], f"r{r}a")
                                      / len(chosen))
                    rows[size + "_plain"].append(push(site["store"], site["client"], chosen, None, f"r{r}p")
                                                 / len(chosen))
                print(f"round {r + 1}: push meeting {args.conflicts} conflicts {rows['big'][-1] * 1000:.2f} ms/conflict "
                      f"(no conflict {rows['big_plain'][-1] * 1000:.2f} ms/number); {small_conflicts} conflicts in "
                      f"{small_numbers} numbers {rows['small'][-1] * 1000:.2f} ms/conflict (no conflict "
                      f"{rows['small_plain'][-1] * 1000:.2f})", flush=True)
            med = {k: statistics.median(v) * 1000 for k, v in rows.items()}
            vs_plain = statistics.median(c / p for c, p in zip(rows["big"], rows["big_plain"], strict=True))
            scale = statistics.median(b / s for b, s in zip(rows["big"], rows["small"], strict=True))
            print(f"push meeting {args.conflicts} conflicts in {args.numbers} numbers: median "
                  f"{med['big'] * args.conflicts / 1000:.1f} s ({med['big']:.2f} ms/conflict: a 412, a merge, a second "
                  f"PUT); the same push meeting no conflict {med['big_plain']:.2f} ms/number, ratio {vs_plain:.2f}; "
                  f"{small_conflicts} conflicts in {small_numbers} numbers {med['small']:.2f} ms/conflict; per-conflict "
                  f"ratio median {scale:.2f} (linear: 1.0)")
        finally:
            for site in sites.values():
                for key in ("client", "store"):
                    if key in site:
                        site[key].close()
                site["proc"].terminate()
                site["proc"].wait(10)
                site["company"].engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
