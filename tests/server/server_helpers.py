"""Helpers of the server tests: a real ``pbxdesk serve`` process, tenants made with the admin command,
throwaway PostgreSQL databases."""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from pbxdesk.server import admin_cli

REPO = Path(__file__).resolve().parents[2]
PG_ENV = "PBXDESK_TEST_PG_URL"
API = "/api/v1"


def pg_admin_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        raise RuntimeError(f"{PG_ENV} is not set: source scripts/test_services.sh (it starts PostgreSQL 15 and "
                           f"exports {PG_ENV}=postgresql+psycopg://pbxdesk:pbxdesk@127.0.0.1:5432/postgres)")
    return url


def create_pg_database() -> tuple[str, str]:
    """A fresh database ``pbxdesk_test_<random>``: ``(url, name)``."""
    from sqlalchemy import create_engine

    admin = pg_admin_url()
    name = f"pbxdesk_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return admin.rsplit("/", 1)[0] + "/" + name, name


def drop_pg_database(name: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    engine.dispose()


def admin(data_dir: Path, database: str | None, *args: str) -> tuple[int, str, str]:
    """Run ``pbxdesk admin ARGS --data DIR [--database URL]`` in this process: (exit code, stdout, stderr)."""
    argv = ["admin", *args, "--data", str(data_dir)] + (["--database", database] if database else [])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = admin_cli.main(argv)
    return code, out.getvalue(), err.getvalue()


_used_numbers: set[str] = set()


def unique_number() -> str:
    while True:
        number = "49" + "".join(random.choice("0123456789") for _ in range(8))
        if number not in _used_numbers:
            _used_numbers.add(number)
            return number


@dataclass
class ServerProcess:
    """``python -m pbxdesk serve --data DIR --port 0`` on loopback."""

    data_dir: Path
    database: str | None = None
    extra: list[str] = field(default_factory=list)
    url: str = ""
    first_lines: list[str] = field(default_factory=list)
    proc: subprocess.Popen[str] | None = None
    stderr_lines: list[str] = field(default_factory=list)

    def start(self, timeout: float = 30.0) -> ServerProcess:
        cmd = [sys.executable, "-m", "pbxdesk", "serve", "--data", str(self.data_dir), "--port", "0", *self.extra]
        if self.database:
            cmd += ["--database", self.database]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=env)
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        deadline = time.monotonic() + timeout
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if "listening on" not in line:
            self.stop()
            raise RuntimeError(f"server did not start: {line!r}\n{''.join(self.stderr_lines)}")
        self.first_lines.append(line.strip())
        self.url = line.strip().rsplit(" ", 1)[-1]
        if "--demo" in self.extra:
            self.first_lines.append(self.proc.stdout.readline().strip())
        while time.monotonic() < deadline:
            try:
                requests.get(self.url + API + "/openapi.json", timeout=2)
                return self
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("server did not answer")

    def _drain_stderr(self) -> None:
        assert self.proc is not None and self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr_lines.append(line)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)

    def admin(self, *args: str) -> tuple[int, str, str]:
        return admin(self.data_dir, self.database, *args)

    def tenant(self, directory: dict[str, Any] | None = None, numbers: int = 1) -> Tenant:
        """A new company with its token, a directory and ``numbers`` provisioned numbers."""
        name = f"Компания {uuid.uuid4().hex[:8]}"
        code, out, err = self.admin("create-company", name)
        assert code == 0, err
        tenant = Tenant(self, name, out.strip().splitlines()[-1])
        if directory is not None:
            path = self.data_dir / f"dir-{uuid.uuid4().hex[:8]}.json"
            path.write_text(json.dumps(directory, ensure_ascii=False), encoding="utf-8")
            code, _out, err = self.admin("import-directory", "--company", name, str(path))
            assert code == 0, err
        if numbers:
            tenant.add_numbers([unique_number() for _ in range(numbers)])
        return tenant


@dataclass
class Tenant:
    server: ServerProcess
    company: str
    token: str
    numbers: list[str] = field(default_factory=list)

    def add_numbers(self, numbers: list[str]) -> None:
        """Provision several numbers with one admin command."""
        code, _out, err = self.server.admin("add-number", "--company", self.company, *numbers)
        assert code == 0, err
        self.numbers.extend(numbers)

    def add_number(self, number: str | None = None) -> str:
        number = number or unique_number()
        code, _out, err = self.server.admin("add-number", "--company", self.company, number)
        assert code == 0, err
        self.numbers.append(number)
        return number

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def session(self) -> requests.Session:
        s = requests.Session()
        s.headers.update(self.headers)
        return s

    def url(self, path: str) -> str:
        return self.server.url + API + path

    def get(self, path: str, **kw: Any) -> requests.Response:
        return requests.get(self.url(path), headers={**self.headers, **kw.pop("headers", {})}, timeout=30, **kw)

    def put(self, path: str, body: Any = None, **kw: Any) -> requests.Response:
        headers = {**self.headers, **kw.pop("headers", {})}
        if body is not None and "data" not in kw:
            kw["data"] = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        return requests.put(self.url(path), headers=headers, timeout=30, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return requests.post(self.url(path), headers={**self.headers, **kw.pop("headers", {})}, timeout=60, **kw)

    def wait_deployed(self, number: str, revision: int | None = None, timeout: float = 20.0) -> dict[str, Any]:
        """``GET /numbers/{n}/deploy`` once the current revision (or ``revision``) is no longer pending."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.get(f"/numbers/{number}/deploy").json()
            if status["status"] != "pending" and (revision is None or status["revision"] >= revision):
                return status
            if time.monotonic() > deadline:
                raise AssertionError(f"{number} still not deployed after {timeout} s: {status}")
            time.sleep(0.05)


def engine_at_revision(data: Path, revision: str) -> Any:
    """A SQLite engine on ``data`` whose database was migrated only up to ``revision``: a database made by an
    earlier version, to write rows in its shape before the current migrations run."""
    from alembic import command
    from alembic.config import Config

    from pbxdesk.server.database import MIGRATIONS, open_engine

    engine = open_engine(data, migrate=False)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()
    return engine
