"""Helpers of the sync tests: a real ``pbxdesk serve`` process on a fixed loopback port (so it can be
killed and restarted with the same data and URL), companies made with the admin command, client profiles
(each its own Store directory), and small TCP proxies that cut or spoil answers."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.domain.models import RoutingDocument
from pbxdesk.server import admin_cli
from pbxdesk.store import Store
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.engine import SyncEngine, SyncReport

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
API = "/api/v1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """``python -m pbxdesk serve --data DIR --port PORT --no-deploy``; ``kill()`` is SIGKILL."""

    data_dir: Path
    port: int = field(default_factory=free_port)
    extra: list[str] = field(default_factory=list)
    proc: subprocess.Popen[bytes] | None = None
    starts: int = 0
    database: str | None = None  # a PostgreSQL URL; None = SQLite under data_dir

    @property
    def url(self) -> str:
        scheme = "https" if "--ssl" in " ".join(self.extra) else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> Server:
        cmd = [sys.executable, "-m", "pbxdesk", "serve", "--data", str(self.data_dir), "--port", str(self.port),
               "--no-deploy", *self.extra, *(["--database", self.database] if self.database else [])]
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.starts += 1
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().decode()
        if "listening on" not in line:
            self.kill()
            raise RuntimeError(f"server did not start: {line!r}")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("server did not answer")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def admin(self, *args: str) -> str:
        import contextlib
        import io

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = admin_cli.main(["admin", *args, "--data", str(self.data_dir),
                                   *(["--database", self.database] if self.database else [])])
        assert code == 0, err.getvalue()
        return out.getvalue()

    def company(self, numbers: int) -> Company:
        name = f"Company {uuid.uuid4().hex[:8]}"
        token = self.admin("create-company", name).strip().splitlines()[-1]
        self.admin("import-directory", "--company", name, str(DATA / "directory.json"))
        company = Company(self, name, token)
        for _i in range(numbers):
            number = f"49{uuid.uuid4().int % 10**8:08d}"
            self.admin("add-number", "--company", name, number)
            company.numbers.append(number)
        return company


@dataclass
class Company:
    server: Server
    name: str
    token: str
    numbers: list[str] = field(default_factory=list)

    def get(self, path: str, url: str | None = None) -> requests.Response:
        return requests.get((url or self.server.url) + API + path,
                            headers={"Authorization": f"Bearer {self.token}"}, timeout=30)

    def document(self, number: str) -> dict[str, Any]:
        response = self.get(f"/numbers/{number}")
        response.raise_for_status()
        return dict(response.json())

    def revision_count(self, number: str) -> int:
        return len(self.get(f"/numbers/{number}/revisions").json()["items"])


class Profile:
    """One client computer: a Store directory logged in to ``url`` (the server or a proxy)."""

    def __init__(self, path: Path, company: Company, url: str | None = None) -> None:
        self.path, self.company = path, company
        self.url = url or company.server.url
        self.store = Store.open(path)
        self.store.set_profile(server_url=self.url, is_demo=False)

    def client(self, **kw: Any) -> ApiClient:
        kw.setdefault("backoff_s", 0.01)
        kw.setdefault("max_backoff_s", 0.05)
        return ApiClient(self.url, self.company.token, **kw)

    def sync(self, **kw: Any) -> SyncReport:
        client = self.client(**kw)
        try:
            return SyncEngine(self.store, client).run()
        finally:
            client.close()

    def edit(self, number: str, **changes: Any) -> RoutingDocument:
        doc = self.store.get_saved(number)
        assert doc is not None
        data = to_canonical_dict(doc)
        for key, value in changes.items():
            target = data
            parts = key.split("__")
            for part in parts[:-1]:
                target = target[part]
            target[parts[-1]] = value
        problems = self.store.save(number, data)
        assert not [p for p in problems if p.is_error], problems
        saved = self.store.get_saved(number)
        assert saved is not None
        return saved

    def saved(self, number: str) -> dict[str, Any]:
        doc = self.store.get_saved(number)
        assert doc is not None
        return to_canonical_dict(doc)

    def close(self) -> None:
        self.store.close()


def canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


# ------------------------------------------------------------------------------------------- proxies
Spoiler = Callable[[int], bytes | None]


class Proxy:
    """A TCP proxy on loopback in front of ``target_port``. For connection number ``i`` (from 0),
    ``cut_after(i)`` -> N closes the client connection after N bytes of the server's answer, and
    ``spoil(i)`` -> bytes answers those raw bytes itself (e.g. a 500 or garbage) without asking the server."""

    def __init__(self, target_port: int, cut_after: Callable[[int], int | None] | None = None,
                 spoil: Spoiler | None = None) -> None:
        self.target_port = target_port
        self.cut_after = cut_after or (lambda _i: None)
        self.spoil = spoil or (lambda _i: None)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = int(self.sock.getsockname()[1])
        self.connections = 0
        self.cut = self.spoiled = 0
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._closed = True
        self.sock.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            index = self.connections
            self.connections += 1
            threading.Thread(target=self._serve, args=(client, index), daemon=True).start()

    def _serve(self, client: socket.socket, index: int) -> None:
        spoiled = self.spoil(index)
        if spoiled is not None:
            try:
                client.recv(65536)  # read (at least the start of) the request, then answer ourselves
                client.sendall(spoiled)
                self.spoiled += 1
            finally:
                client.close()
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        limit = self.cut_after(index)
        threading.Thread(target=self._pump, args=(client, upstream, None), daemon=True).start()
        self._pump(upstream, client, limit)

    def _pump(self, src: socket.socket, dst: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) >= limit:
                    dst.sendall(data[: max(0, limit - sent)])
                    self.cut += 1
                    break
                dst.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()


def http_answer(status: int, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class ForkingServer(Server):
    """Like :class:`Server`, but each (re)start is a fork of a launcher that imported the server once
    (``forking_server.py``), so a SIGKILL + restart costs milliseconds instead of seconds."""

    launcher: subprocess.Popen[str] | None = None
    child: int | None = None

    def start(self, timeout: float = 30.0) -> ForkingServer:
        if self.launcher is None:
            self.launcher = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("forking_server.py")), str(self.data_dir),
                 str(self.port)], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.launcher.stdin is not None and self.launcher.stdout is not None
        self.launcher.stdin.write("start\n")
        self.launcher.stdin.flush()
        self.child = int(self.launcher.stdout.readline().split()[1])
        self.starts += 1
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.005)
        raise RuntimeError("server did not answer")

    def kill(self) -> None:
        if self.child is None:
            return
        try:
            os.kill(self.child, signal.SIGKILL)
            while True:  # reaped by the launcher (SIGCHLD ignored): gone when kill(pid, 0) fails
                os.kill(self.child, 0)
                time.sleep(0.002)
        except ProcessLookupError:
            pass
        self.child = None

    def stop(self) -> None:
        self.kill()
        if self.launcher is not None:
            assert self.launcher.stdin is not None
            self.launcher.stdin.close()
            self.launcher.wait(10)
            self.launcher = None


def run_cli(monkeypatch: Any, capsys: Any, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    """Run ``pbxdesk ARGV`` in this process with ``stdin`` as its input: (exit code, stdout, stderr)."""
    import io

    from pbxdesk.cli import main as pbxdesk

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = pbxdesk(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
