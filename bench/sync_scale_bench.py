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

from sync_bench import seed, start_server  # noqa: E402

from pbxdesk.app.process_env import prepare_environment  # noqa: E402

prepare_environment()  # as the app does (pbxdesk/app/process_env.py)

from pbxdesk.domain.document import to_canonical_dict  # noqa: E402
from pbxdesk.server import storage  # noqa: E402
from pbxdesk.server.database import open_engine, write_transaction  # noqa: E402
from pbxdesk.store import Store  # noqa: E402
from pbxdesk.sync.client import ApiClient  # noqa: E402
from pbxdesk.sync.engine import SyncEngine, SyncReport  # noqa: E402
from pbxdesk.sync.pipeline import Ticker  # noqa: E402


def pull(url: str, token: str, profile: Path) -> tuple[float, int]:
    """A first pull into an empty profile: seconds, numbers pulled."""
    store, client = Store.open(profile), ApiClient(url, token)
    try:
        t0 = time.perf_counter()
        report = SyncEngine(store, client).run()
        elapsed = time.perf_counter() - t0
        assert report.ok, report.errors
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
        token, numbers = seed(root / "server", args.numbers, 50)
        with open_engine(root / "server", migrate=False).connect() as conn:
            company_id = int(conn.exec_driver_sql("SELECT id FROM companies").scalar_one())
        company = Company(root / "server", company_id)
        proc, url = start_server(root / "server")
        try:
            # -- pull: the whole company (10,000) vs a quarter of it, alternately (a second company of that
            # size on the same server would change the server; a pull of the first quarter of the feed is the
            # same work per number)
            small_token, _small = seed(root / "server-small", small_numbers, 50)
            small_proc, small_url = start_server(root / "server-small")
            try:
                big, small = [], []
                for r in range(args.rounds):
                    seconds, count = pull(url, token, root / f"pull-big-{r}")
                    big.append(seconds / count)
                    seconds, count = pull(small_url, small_token, root / f"pull-small-{r}")
                    small.append(seconds / count)
                    print(f"round {r + 1}: pull {args.numbers}: {big[-1] * 1000:.2f} ms/number, "
                          f"{small_numbers}: {small[-1] * 1000:.2f} ms/number", flush=True)
            finally:
                small_proc.terminate()
                small_proc.wait(10)
            ratios = [b / s for b, s in zip(big, small, strict=True)]
            print(f"pull of {args.numbers} numbers: median {statistics.median(big) * args.numbers:.1f} s "
                  f"({statistics.median(big) * 1000:.2f} ms/number); {small_numbers}: "
                  f"{statistics.median(small) * 1000:.2f} ms/number; per-number ratio median "
                  f"{statistics.median(ratios):.2f} (linear: 1.0)")

            # -- push meeting conflicts, in a profile holding the whole company
            store, client = Store.open(root / "pull-big-0"), ApiClient(url, token)
            try:
                SyncEngine(store, client).run()
                rows: dict[str, list[float]] = {"conflicts": [], "plain": [], "conflicts_small": [],
                                                "plain_small": []}
                for r in range(args.rounds):
                    chosen, few = numbers[: args.conflicts], numbers[-small_conflicts:]
                    tag = f"r{r}a"
                    rows["conflicts"].append(push(store, client, chosen, company, tag) / len(chosen))
                    rows["plain"].append(push(store, client, chosen, None, tag + "p") / len(chosen))
                    rows["conflicts_small"].append(push(store, client, few, company, f"r{r}b") / len(few))
                    rows["plain_small"].append(push(store, client, few, None, f"r{r}bp") / len(few))
                    print(f"round {r + 1}: push meeting {len(chosen)} conflicts "
                          f"{rows['conflicts'][-1] * 1000:.2f} ms/number, no conflict "
                          f"{rows['plain'][-1] * 1000:.2f}; {len(few)} conflicts "
                          f"{rows['conflicts_small'][-1] * 1000:.2f}, no conflict "
                          f"{rows['plain_small'][-1] * 1000:.2f}", flush=True)
            finally:
                client.close()
                store.close()
            med = {k: statistics.median(v) for k, v in rows.items()}
            vs_plain = statistics.median(c / p for c, p in zip(rows["conflicts"], rows["plain"], strict=True))
            scale = statistics.median(c / s for c, s in zip(rows["conflicts"], rows["conflicts_small"], strict=True))
            print(f"push meeting {args.conflicts} conflicts: median {med['conflicts'] * args.conflicts:.1f} s "
                  f"({med['conflicts'] * 1000:.2f} ms/conflict: a 412, a merge, a second PUT); the same push with no "
                  f"conflict {med['plain'] * 1000:.2f} ms/number, ratio {vs_plain:.2f}; {small_conflicts} conflicts "
                  f"{med['conflicts_small'] * 1000:.2f} ms/conflict, per-conflict ratio {scale:.2f} (linear: 1.0)")
        finally:
            proc.terminate()
            proc.wait(10)
            company.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
