"""Benchmark of the provisioning service against a bare FastAPI echo endpoint in the same server process.

    .venv/bin/python bench/server_bench.py [--puts 1000] [--changes 10000] [--database URL]

1. 1,000 sequential ``PUT /api/v1/numbers/{n}`` (If-Match, validation, a new revision, change-feed entry and
   deployment job; the in-process node agent deploys them meanwhile unless ``--no-deploy``) over one
   keep-alive connection, next to 1,000 ``PUT /bench/echo`` of the same body.
2. Reading a change feed of 10,000 changes page by page (``limit=1000``), next to the same number of
   ``GET /bench/blob`` answers of the same size.
The server is ``uvicorn`` in a child process (the same app factory as ``pbxdesk serve``, plus the two
bench routes); the client is ``requests`` with a single pooled connection.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from fastapi import APIRouter, Request, Response

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def serve(data_dir: Path, database: str | None, deploy: bool = True) -> None:
    """Child process: the real app with the echo routes, on a free port (printed on stdout)."""
    import uvicorn

    from pbxdesk.server.app import create_app
    from pbxdesk.server.cli import bind_socket
    from pbxdesk.server.context import ServerConfig

    bench = APIRouter()
    blob = {"size": 0, "body": b""}

    @bench.put("/bench/echo")
    async def echo(request: Request) -> Response:
        return Response(await request.body(), media_type="application/json")

    @bench.post("/bench/blob-size/{size}")
    async def set_blob(size: int) -> Response:
        blob["body"] = json.dumps({"changes": [], "pad": "x" * size}).encode()
        return Response(b"{}", media_type="application/json")

    @bench.get("/bench/blob")
    async def get_blob() -> Response:
        return Response(blob["body"], media_type="application/json")

    app = create_app(ServerConfig(data_dir, database, deploy=deploy), extra_routes=bench)
    sock = bind_socket("127.0.0.1", 0)
    print(f"http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False, log_level="warning")).run(sockets=[sock])


def seed(data_dir: Path, database: str | None, changes: int) -> tuple[str, str, str]:
    """A company with one number (for the PUTs) and a company with ``changes`` feed entries."""
    from sqlalchemy import insert, update

    from pbxdesk.server import accounts, storage
    from pbxdesk.server.database import open_engine
    from pbxdesk.server.tables import changes as changes_table
    from pbxdesk.server.tables import companies, utcnow

    engine = open_engine(data_dir, database)
    cid, token = accounts.create_company(engine, "Бенчмарк")
    storage.add_number(engine, cid, "4950000001")
    feed_cid, feed_token = accounts.create_company(engine, "Лента")
    now = utcnow()
    rows = [{"company_id": feed_cid, "seq": i, "kind": "number", "item_id": f"49500{i % 100000:05d}",
             "revision": i, "deleted": False, "created_at": now} for i in range(1, changes + 1)]
    with engine.begin() as conn:
        conn.execute(insert(changes_table), rows)
        conn.execute(update(companies).where(companies.c.id == feed_cid).values(change_seq=changes))
    engine.dispose()
    return token, feed_token, "4950000001"


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--puts", type=int, default=1000)
    parser.add_argument("--changes", type=int, default=10000)
    parser.add_argument("--database")
    parser.add_argument("--no-deploy", action="store_true", help="measure without the Asterisk deployment")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.database, deploy=not args.no_deploy)
        return 0
    with tempfile.TemporaryDirectory(prefix="pbxdesk-bench-") as tmp:
        data = Path(tmp)
        token, feed_token, number = seed(data, args.database, args.changes)
        cmd = [sys.executable, __file__, "--serve", str(data)] + (["--database", args.database] if args.database else []) \
            + (["--no-deploy"] if args.no_deploy else [])
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        try:
            assert proc.stdout is not None
            base = proc.stdout.readline().strip()
            return run(base, token, feed_token, number, args.puts, args.changes)
        finally:
            proc.terminate()
            proc.wait(10)


def run(base: str, token: str, feed_token: str, number: str, puts: int, changes: int) -> int:
    session = requests.Session()
    session.mount("http://", requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=1))
    for _ in range(100):
        try:
            session.get(base + "/api/v1/openapi.json", timeout=5)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    auth = {"Authorization": f"Bearer {token}"}
    first = session.get(f"{base}/api/v1/numbers/{number}", headers=auth)
    doc = first.json()
    body = json.dumps(doc, ensure_ascii=False).encode()
    headers = {**auth, "Content-Type": "application/json"}

    def echo_puts() -> None:
        for _ in range(puts):
            session.put(base + "/bench/echo", data=body, headers=headers).raise_for_status()

    def api_puts() -> None:
        etag = first.headers["ETag"]
        for i in range(puts):
            doc["name"] = f"Номер {i}"
            resp = session.put(f"{base}/api/v1/numbers/{number}", data=json.dumps(doc).encode(),
                               headers={**headers, "If-Match": etag})
            resp.raise_for_status()
            etag = resp.headers["ETag"]

    echo_puts()  # warm-up of both paths is the first ~10 requests; time the full runs
    t_echo = timed(echo_puts)
    t_put = timed(api_puts)
    deploy = session.get(f"{base}/api/v1/numbers/{number}/deploy", headers=auth).json()  # right after the last PUT

    feed_auth = {"Authorization": f"Bearer {feed_token}"}
    pages: list[int] = []

    def read_feed() -> None:
        cursor, seen = 0, 0
        while True:
            page = session.get(f"{base}/api/v1/changes", params={"since": cursor, "limit": 1000},
                               headers=feed_auth).json()
            seen += len(page["changes"])
            cursor = page["next"]
            pages.append(len(page["changes"]))
            if not page["has_more"]:
                break
        assert seen == changes, seen

    sample = session.get(f"{base}/api/v1/changes", params={"since": 0, "limit": 1000}, headers=feed_auth).content
    session.post(f"{base}/bench/blob-size/{len(sample)}").raise_for_status()
    t_feed = timed(read_feed)

    def blobs() -> None:
        for _ in range(len(pages)):
            session.get(base + "/bench/blob").raise_for_status()

    t_blob = timed(blobs)
    print(f"PUT /numbers/{{n}}: {puts} sequential over one connection: {t_put:.2f} s, "
          f"{t_put / puts * 1000:.2f} ms/request, {puts / t_put:.0f} req/s (last one's deploy status at once: {deploy['status']})")
    print(f"PUT /bench/echo  : {puts} of the same {len(body)}-byte body: {t_echo:.2f} s, "
          f"{t_echo / puts * 1000:.2f} ms/request, {puts / t_echo:.0f} req/s")
    print(f"ratio PUT numbers / echo: {t_put / t_echo:.1f}x")
    print(f"GET /changes     : {changes} changes in {len(pages)} pages of <=1000: {t_feed * 1000:.1f} ms, "
          f"{changes / t_feed:.0f} changes/s")
    print(f"GET /bench/blob  : {len(pages)} answers of {len(sample)} bytes: {t_blob * 1000:.1f} ms")
    print(f"ratio change feed / blob: {t_feed / t_blob:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
