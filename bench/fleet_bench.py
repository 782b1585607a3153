"""Benchmarks of deployment off the request path and of the fleet of Asterisk nodes.

    .venv/bin/python bench/fleet_bench.py deploy-one [--rounds 5] [--changes 20]
    .venv/bin/python bench/fleet_bench.py put-latency [--rounds 7] [--puts 200] [--database URL]
    .venv/bin/python bench/fleet_bench.py throughput --database URL [--rounds 5] [--seconds 4]
    .venv/bin/python bench/fleet_bench.py rollout [--nodes 2] [--company 1000] [--fresh 10000] [--database URL]

* ``deploy-one``: deploying one changed number (the node agent's batch: fetch the current revision and
  directory, compile, write the number's file atomically, report) with 10,000 numbers deployed on the node
  against the same with 100 (target: at most 1.5x), alternately, ``--rounds`` rounds of ``--changes``
  changes each; the median of the per-round ratios.
* ``put-latency``: sequential ``PUT /numbers/{n}`` (over one keep-alive connection, 50 numbers in turn)
  against a server with its in-process node agent deploying every change, and against a ``--no-deploy``
  server (target: at most 1.3x); alternately, per-round medians, the median ratio. Also how long a change
  takes to be live.
* ``throughput``: accepted PUTs per second of 8 concurrent clients against 1 client, through HAProxy in
  front of 2 ``pbxdesk serve`` instances on PostgreSQL (target: at least 1.5x), with a node agent deploying;
  each client writes its own number (of its own company, and then all of one company), alternately.
* ``rollout``: a directory change of a company with ``--company`` numbers until it is live on every one of
  ``--nodes`` node agents (target: 60 s), and ``--fresh`` numbers deployed to a new, empty node (target:
  5 minutes). The reload command of the nodes is ``true`` (``--reload-command`` to use a real one).
"""

from __future__ import annotations

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "server"))
sys.path.insert(0, str(ROOT / "tests" / "fleet"))

import requests

DIRECTORY = {"employees": [{"id": f"e{i}", "name": f"Сотрудник {i}", "extension": str(100 + i),
                            "email": f"e{i}@example.ru"} for i in range(1, 11)],
             "departments": [{"id": "sales", "name": "Продажи", "members": [f"e{i}" for i in range(1, 6)]},
                             {"id": "support", "name": "Поддержка", "members": [f"e{i}" for i in range(6, 11)]}]}


def numbers_of(prefix: int, count: int) -> list[str]:
    return [f"49{prefix:02d}{i:06d}" for i in range(count)]


_issued: set[str] = set()


def unique_number() -> str:
    while True:
        number = f"49{uuid.uuid4().int % 10**8:08d}"
        if number not in _issued:
            _issued.add(number)
            return number


def median_ratio(pairs: list[tuple[float, float]]) -> float:
    return statistics.median(a / b for a, b in pairs)


# -- deploy-one --------------------------------------------------------------------------------------------
class Node:
    """A data directory with ``size`` provisioned numbers, all deployed by a node agent into its root."""

    def __init__(self, folder: Path, size: int) -> None:
        from pbxdesk.domain.models import Directory
        from pbxdesk.fleet.agent import Agent, AgentConfig
        from pbxdesk.fleet.local_source import LocalSource
        from pbxdesk.fleet.nodes import ensure_node
        from pbxdesk.server import accounts, storage
        from pbxdesk.server.app import build_context
        from pbxdesk.server.context import ServerConfig

        self.ctx = build_context(ServerConfig(folder, deploy=False))
        self.company, _token = accounts.create_company(self.ctx.engine, "Бенчмарк")
        storage.set_directory(self.ctx.engine, self.company, Directory.model_validate(DIRECTORY))
        self.numbers = numbers_of(size % 97, size)
        for i in range(0, size, 1000):
            storage.add_numbers(self.ctx.engine, self.company, self.numbers[i:i + 1000])
        self.agent = Agent(LocalSource(self.ctx, ensure_node(self.ctx.engine, "bench")),
                           AgentConfig(root=folder / "asterisk"))
        self.agent.state.acquire()
        self.agent.prepare()
        started = time.perf_counter()
        self.agent.snapshot()
        self.snapshot_s = time.perf_counter() - started
        self.turn = 0

    def change_and_deploy(self) -> float:
        """Change one number (a new revision, as a PUT commits it) and time its deployment."""
        from pbxdesk.server import storage
        from pbxdesk.server.database import read_connection, write_transaction

        number = self.numbers[self.turn * 7919 % len(self.numbers)]
        self.turn += 1
        with read_connection(self.ctx.engine) as conn:
            stored = storage.get_number(conn, self.company, number)
        assert stored is not None
        doc = dict(stored.document, name=f"Номер {uuid.uuid4().hex[:8]}")
        with write_transaction(self.ctx.engine, self.company) as writer:
            storage.save_document(writer, number, doc, "bench", stored.revision)
        started = time.perf_counter()
        self.agent.deploy_batch([number])
        return time.perf_counter() - started


def deploy_one(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="pbxdesk-bench-") as tmp:
        small, large = Node(Path(tmp) / "small", 100), Node(Path(tmp) / "large", 10_000)
        print(f"set-up: 100 numbers deployed in {small.snapshot_s:.1f} s, 10,000 in {large.snapshot_s:.1f} s "
              f"(snapshot of a new node)")
        pairs = []
        for r in range(args.rounds):
            a = statistics.median(small.change_and_deploy() for _ in range(args.changes))
            b = statistics.median(large.change_and_deploy() for _ in range(args.changes))
            pairs.append((b, a))
            print(f"round {r + 1}: one changed number: {a * 1e3:6.2f} ms at 100 numbers, {b * 1e3:6.2f} ms at "
                  f"10,000 ({b / a:.2f}x)")
        print(f"deploy one changed number, 10,000 vs 100 deployed: median ratio {median_ratio(pairs):.2f}x "
              f"(target <= 1.5x); medians {statistics.median(p[1] for p in pairs) * 1e3:.2f} ms and "
              f"{statistics.median(p[0] for p in pairs) * 1e3:.2f} ms")
    return 0


# -- servers for the HTTP benchmarks ---------------------------------------------------------------------
class Database:
    """SQLite under the data directory, or a fresh database on the PostgreSQL server of ``admin_url``."""

    def __init__(self, admin_url: str | None) -> None:
        self.admin_url = admin_url
        self.name = f"pbxdesk_bench_{uuid.uuid4().hex[:10]}"
        self.url: str | None = None
        if admin_url:
            self._sql(f'CREATE DATABASE "{self.name}"')
            self.url = admin_url.rsplit("/", 1)[0] + "/" + self.name

    def _sql(self, text: str) -> None:
        from sqlalchemy import create_engine

        engine = create_engine(self.admin_url or "", isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(text)
        engine.dispose()

    def drop(self) -> None:
        if self.url:
            self._sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def seed(data: Path, database: str | None, companies: int, per_company: int) -> list[tuple[str, list[str]]]:
    """Companies (token, numbers) with the bench directory, provisioned directly in the database."""
    from pbxdesk.domain.models import Directory
    from pbxdesk.server import accounts, storage
    from pbxdesk.server.database import open_engine

    engine = open_engine(data, database)
    out = []
    for c in range(companies):
        cid, token = accounts.create_company(engine, f"Компания {c} {uuid.uuid4().hex[:6]}")
        storage.set_directory(engine, cid, Directory.model_validate(DIRECTORY))
        numbers = [unique_number() for _ in range(per_company)]
        for i in range(0, len(numbers), 2000):
            storage.add_numbers(engine, cid, numbers[i:i + 2000])
        out.append((token, numbers))
    engine.dispose()
    return out


def serve(data: Path, database: str | None, *extra: str) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-m", "pbxdesk", "serve", "--data", str(data), "--port", "0", *extra]
    if database:
        cmd += ["--database", database]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    url = proc.stdout.readline().strip().rsplit(" ", 1)[-1]
    for _ in range(200):
        try:
            requests.get(url + "/api/v1/health", timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.05)
    return proc, url


class Writer:
    """One client writing its numbers in turn over one keep-alive connection (a new name each time)."""

    def __init__(self, url: str, token: str, numbers: list[str]) -> None:
        self.url, self.numbers = url + "/api/v1", numbers
        self.session = requests.Session()
        self.session.mount("http://", requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=1))
        self.session.headers.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        self.docs: dict[str, tuple[dict[str, Any], str]] = {}
        for n in numbers:
            resp = self.session.get(f"{self.url}/numbers/{n}")
            self.docs[n] = (resp.json(), resp.headers["ETag"])
        self.turn = 0

    def put(self) -> float:
        number = self.numbers[self.turn % len(self.numbers)]
        self.turn += 1
        doc, etag = self.docs[number]
        doc["name"] = f"Номер {self.turn}"
        body = json.dumps(doc, ensure_ascii=False).encode()
        started = time.perf_counter()
        resp = self.session.put(f"{self.url}/numbers/{number}", data=body, headers={"If-Match": etag})
        took = time.perf_counter() - started
        resp.raise_for_status()
        self.docs[number] = (doc, resp.headers["ETag"])
        return took


# -- put-latency -----------------------------------------------------------------------------------------
def put_latency(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="pbxdesk-bench-") as tmp:
        setups = {}
        for mode in ("deploy", "no-deploy"):
            data = Path(tmp) / mode
            db = Database(args.database)
            [(token, numbers)] = seed(data, db.url, 1, 50)
            proc, url = serve(data, db.url, *(["--no-deploy"] if mode == "no-deploy" else []))
            setups[mode] = (db, proc, url, Writer(url, token, numbers), token)
        try:
            for _mode, (_db, _proc, _url, writer, _token) in setups.items():
                for _ in range(100):  # warm-up
                    writer.put()
            pairs = []
            for r in range(args.rounds):
                order = ["deploy", "no-deploy"] if r % 2 == 0 else ["no-deploy", "deploy"]
                medians = {}
                for mode in order:
                    writer = setups[mode][3]
                    medians[mode] = statistics.median(writer.put() for _ in range(args.puts))
                pairs.append((medians["deploy"], medians["no-deploy"]))
                print(f"round {r + 1}: PUT {medians['deploy'] * 1e3:.2f} ms with deployment, "
                      f"{medians['no-deploy'] * 1e3:.2f} ms with --no-deploy ({pairs[-1][0] / pairs[-1][1]:.2f}x)")
            print(f"PUT latency with deployment vs --no-deploy: median ratio {median_ratio(pairs):.2f}x "
                  f"(target <= 1.3x); {args.database and 'PostgreSQL' or 'SQLite'}, {args.puts} PUTs per round")
            _db, _proc, url, writer, token = setups["deploy"]
            lags = []
            for _ in range(20):
                writer.put()
                number = writer.numbers[(writer.turn - 1) % len(writer.numbers)]
                revision = int(writer.docs[number][1].strip('"r'))
                started = time.perf_counter()
                while True:
                    status = writer.session.get(f"{writer.url}/numbers/{number}/deploy").json()
                    if status["status"] == "ok" and status["revision"] >= revision:
                        break
                    time.sleep(0.002)
                lags.append(time.perf_counter() - started)
            print(f"accepted -> live on the in-process node: median {statistics.median(lags) * 1e3:.0f} ms, "
                  f"max {max(lags) * 1e3:.0f} ms (20 changes, one at a time)")
        finally:
            for db, proc, _url, _writer, _token in setups.values():
                proc.terminate()
                proc.wait(10)
                db.drop()
    return 0


# -- throughput ------------------------------------------------------------------------------------------
def client(args: argparse.Namespace) -> int:
    """Child process of ``throughput``: PUTs from ``--start-at`` for ``--seconds``; prints how many."""
    writer = Writer(args.url, args.token, args.numbers.split(","))
    time.sleep(max(0.0, args.start_at - time.time()))
    end = time.time() + args.seconds
    count = 0
    while time.time() < end:
        writer.put()
        count += 1
    print(count, flush=True)
    return 0


def _round(url: str, clients: list[tuple[str, list[str]]], seconds: float) -> float:
    start_at = time.time() + 1.5  # after every client has started and read its documents
    procs = [subprocess.Popen([sys.executable, __file__, "client", "--url", url, "--token", token,
                               "--numbers", ",".join(numbers), "--seconds", str(seconds),
                               "--start-at", str(start_at)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
             for token, numbers in clients]
    total = sum(int(p.communicate(timeout=120)[0].strip()) for p in procs)
    return total / seconds


def throughput(args: argparse.Namespace) -> int:
    from fleet_helpers import HAProxy

    with tempfile.TemporaryDirectory(prefix="pbxdesk-bench-") as tmp:
        db = Database(args.database)
        procs: list[subprocess.Popen[str]] = []
        balancer = None
        try:
            companies = seed(Path(tmp) / "seed", db.url, 9, 5)
            shared_token, _ = companies[8]
            urls = []
            for i in range(args.instances):
                proc, url = serve(Path(tmp) / f"api-{i}", db.url, "--no-deploy")
                procs.append(proc)
                urls.append(url)
            balancer = HAProxy(Path(tmp), urls).start()
            from pbxdesk.fleet.nodes import create_node
            from pbxdesk.server.database import open_engine

            engine = open_engine(Path(tmp) / "seed", db.url)
            _node, node_token = create_node(engine, "ast-bench")
            engine.dispose()
            (Path(tmp) / "node.token").write_text(node_token)
            agent = subprocess.Popen([sys.executable, "-m", "pbxdesk", "node-agent", "--server", balancer.url,
                                      "--root", str(Path(tmp) / "node"), "--token-file", str(Path(tmp) / "node.token"),
                                      "--reload-command", "true"], cwd=ROOT, stderr=subprocess.DEVNULL)
            procs.append(agent)
            own = companies[:8]  # each client its own company
            same_numbers = [unique_number() for _ in range(8)]
            shared_cid_token = shared_token
            engine = open_engine(Path(tmp) / "seed", db.url)
            from pbxdesk.server import accounts, storage

            cid = accounts.authenticate(engine, shared_cid_token)
            assert cid is not None
            storage.add_numbers(engine, cid.company_id, same_numbers)
            engine.dispose()
            one_company = [(shared_cid_token, [n]) for n in same_numbers]
            for label, eight in (("8 clients, each of its own company", own),
                                 ("8 clients, all of one company", one_company)):
                pairs = []
                for r in range(args.rounds):
                    single = _round(balancer.url, eight[:1], args.seconds) if r % 2 == 0 else None
                    many = _round(balancer.url, eight, args.seconds)
                    if single is None:
                        single = _round(balancer.url, eight[:1], args.seconds)
                    pairs.append((many, single))
                    print(f"round {r + 1} ({label}): 1 client {single:.0f} PUT/s, 8 clients {many:.0f} PUT/s "
                          f"({many / single:.2f}x)")
                print(f"{label}: median ratio {median_ratio(pairs):.2f}x (target >= 1.5x); "
                      f"1 client {statistics.median(p[1] for p in pairs):.0f} PUT/s, 8 clients "
                      f"{statistics.median(p[0] for p in pairs):.0f} PUT/s; {args.instances} instances behind "
                      f"HAProxy on PostgreSQL, a node agent deploying")
        finally:
            if balancer is not None:
                balancer.stop()
            for proc in procs:
                proc.terminate()
                proc.wait(10)
            db.drop()
    return 0


# -- rollout ---------------------------------------------------------------------------------------------
def _wait_all_live(url: str, tokens: list[str], nodes: int, timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        pending = 0
        for token in tokens:
            body = requests.get(url + "/api/v1/deploy", headers={"Authorization": f"Bearer {token}"}, timeout=60).json()
            pending += len(body["items"]) if body["nodes_total"] == nodes else 1
        if not pending:
            return time.perf_counter() - started
        time.sleep(0.2)
    raise RuntimeError(f"not live on {nodes} nodes after {timeout} s")


def rollout(args: argparse.Namespace) -> int:
    from pbxdesk.fleet.nodes import create_node
    from pbxdesk.server.database import open_engine

    with tempfile.TemporaryDirectory(prefix="pbxdesk-bench-") as tmp:
        db = Database(args.database)
        agents: list[subprocess.Popen[bytes]] = []
        asterisks: list[Any] = []
        server = None
        try:
            data = Path(tmp) / "api"
            (token_a, numbers_a), (token_b, _numbers_b) = seed(data, db.url, 1, args.company) + \
                seed(data, db.url, 1, args.fresh - args.company)
            server, url = serve(data, db.url, "--no-deploy")
            engine = open_engine(data, db.url)
            tokens = [create_node(engine, f"ast-{i + 1}")[1] for i in range(args.nodes)]
            engine.dispose()
            for i, token in enumerate(tokens):
                root = Path(tmp) / f"ast-{i + 1}"
                reload = args.reload_command
                if args.asterisk:
                    asterisks.append(_real_asterisk(root))
                    reload = shlex.join(asterisks[-1][0].rx_command())
                (Path(tmp) / f"ast-{i + 1}.token").write_text(token)
                agents.append(subprocess.Popen(
                    [sys.executable, "-m", "pbxdesk", "node-agent", "--server", url, "--root", str(root),
                     "--token-file", str(Path(tmp) / f"ast-{i + 1}.token"), "--reload-command", reload],
                    cwd=ROOT, stderr=subprocess.DEVNULL))
            fresh = _wait_all_live(url, [token_a, token_b], args.nodes, 900)
            reloads = "real Asterisk 22 nodes ('dialplan reload')" if args.asterisk else \
                f"reload command {args.reload_command!r}"
            print(f"{args.fresh:,} numbers deployed to {args.nodes} new, empty nodes at once: live on every node "
                  f"after {fresh:.1f} s (target: 5 minutes; {reloads})")
            for ast, _ns in asterisks:
                shown = ast.cli("dialplan show pbxdesk-incoming").stdout
                assert f"-= {args.fresh} extensions" in shown, shown[-200:]
            directory = json.loads(json.dumps(DIRECTORY))
            directory["employees"][0]["extension"] = "201"
            (Path(tmp) / "directory.json").write_text(json.dumps(directory, ensure_ascii=False))
            company = requests.get(url + "/api/v1/numbers", headers={"Authorization": f"Bearer {token_a}"},
                                   timeout=60).json()["items"]
            assert len(company) == len(numbers_a)
            from pbxdesk.domain.models import Directory
            from pbxdesk.server import accounts, storage

            engine = open_engine(data, db.url)
            principal = accounts.authenticate(engine, token_a)
            assert principal is not None
            started = time.perf_counter()
            storage.set_directory(engine, principal.company_id, Directory.model_validate(directory))
            engine.dispose()
            time.sleep(0.5)  # the nodes see the change (they re-read it and report the new directory revision)
            changed = 0.5 + _wait_all_live(url, [token_a], args.nodes, 600)
            print(f"directory change of a company with {args.company:,} numbers: live on every one of {args.nodes} "
                  f"nodes after {changed:.1f} s (target: 60 s; measured from the commit, "
                  f"{time.perf_counter() - started:.1f} s wall)")
        finally:
            for agent in agents:
                agent.terminate()
                agent.wait(30)
            if server is not None:
                server.terminate()
                server.wait(30)
            for ast, ns in asterisks:
                ast.stop()
                ns.close()
            db.drop()
    return 0


def _real_asterisk(root: Path) -> tuple[Any, Any]:
    """A real Asterisk in its own network namespace including the node's files (tests/telephony/harness)."""
    from pbxdesk.backend.asterisk.files import DialplanFiles
    from tests.telephony.harness import Asterisk, Namespace, find_asterisk

    found, why = find_asterisk()
    if found is None:
        raise SystemExit(f"--asterisk: {why}")
    DialplanFiles(root).ensure_layout()
    ns = Namespace()
    ast = Asterisk(found, root.parent / f"{root.name}-asterisk", ns, [], [root / "extensions_pbxdesk.conf"])
    ast.start()
    return ast, ns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="bench", required=True)
    p = sub.add_parser("deploy-one")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--changes", type=int, default=20)
    p = sub.add_parser("put-latency")
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--puts", type=int, default=200)
    p.add_argument("--database", help="a PostgreSQL URL to create the bench databases with (default: SQLite)")
    p = sub.add_parser("throughput")
    p.add_argument("--database", required=True, help="a PostgreSQL URL to create the bench database with")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--seconds", type=float, default=4.0)
    p.add_argument("--instances", type=int, default=2)
    p = sub.add_parser("rollout")
    p.add_argument("--nodes", type=int, default=2)
    p.add_argument("--company", type=int, default=1000)
    p.add_argument("--fresh", type=int, default=10000)
    p.add_argument("--database", help="a PostgreSQL URL to create the bench database with (default: SQLite)")
    p.add_argument("--reload-command", default="true")
    p.add_argument("--asterisk", action="store_true", help="a real Asterisk per node (tests/telephony/harness)")
    p = sub.add_parser("client")
    for name in ("--url", "--token", "--numbers"):
        p.add_argument(name, required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--start-at", type=float, required=True)
    args = parser.parse_args()
    return {"deploy-one": deploy_one, "put-latency": put_latency, "throughput": throughput, "rollout": rollout,
            "client": client}[args.bench](args)


if __name__ == "__main__":
    raise SystemExit(main())
