"""Helpers of the fleet tests: node agents as real processes, a reload command that counts its runs and
fails on demand, convergence checks on the deployed files, HAProxy in front of several servers, and a
private PostgreSQL cluster that a test may restart (never the shared one)."""

from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server_helpers import REPO, ServerProcess, Tenant

from pbxdesk.backend.asterisk import compile_routing
from pbxdesk.domain.document import from_dict
from pbxdesk.domain.models import Directory

_HEADER = re.compile(r"^; pbxdesk deployed: number (\d{10}) revision (\d+) directory (\d+)$")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def create_node(server: ServerProcess, name: str) -> str:
    code, out, err = server.admin("create-node", name)
    assert code == 0, err
    return out.strip().splitlines()[-1]


@dataclass
class Reload:
    """A reload command: appends a line to ``log`` per run; fails (like ``asterisk -rx`` with Asterisk down)
    while ``fail_flag`` exists. ``delay`` seconds of work make a batch last long enough to be killed in."""

    folder: Path
    delay: float = 0.0

    @property
    def log(self) -> Path:
        return self.folder / "reloads.log"

    @property
    def fail_flag(self) -> Path:
        return self.folder / "asterisk-down"

    def command(self) -> str:
        sleep = f"sleep {self.delay}; " if self.delay else ""
        return (f"sh -c '{sleep}echo reload >> {self.log}; if [ -e {self.fail_flag} ]; then "
                f"echo \"Unable to connect to remote asterisk (does /var/run/asterisk/asterisk.ctl exist?)\" >&2; "
                f"exit 1; fi'")

    def count(self) -> int:
        try:
            return len(self.log.read_text().splitlines())
        except FileNotFoundError:
            return 0


@dataclass
class AgentProcess:
    """``python -m pbxdesk node-agent`` for one node, deploying into ``root``."""

    server_url: str
    token: str
    root: Path
    reload: Reload | None = None
    extra: list[str] = field(default_factory=list)
    proc: subprocess.Popen[str] | None = None
    lines: list[str] = field(default_factory=list)
    starts: int = 0
    drain: threading.Thread | None = None

    def start(self, verbose: bool = False) -> AgentProcess:
        self.root.parent.mkdir(parents=True, exist_ok=True)
        token_file = self.root.parent / f"{self.root.name}.token"
        token_file.write_text(self.token)
        cmd = [sys.executable, "-m", "pbxdesk", "node-agent", "--server", self.server_url, "--root", str(self.root),
               "--token-file", str(token_file), "--wait", "2", "--retry-max", "0.5", *self.extra]
        if self.reload is not None:
            cmd += ["--reload-command", self.reload.command()]
        if verbose:
            cmd.append("--verbose")
        self.lines = []
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.starts += 1
        self.drain = threading.Thread(target=self._drain, args=(self.proc,), daemon=True)
        self.drain.start()
        return self

    def wait(self, timeout: float) -> int:
        """The exit code, once the process ended and everything it printed was read."""
        assert self.proc is not None and self.drain is not None
        code = self.proc.wait(timeout)
        self.drain.join(timeout)
        return code

    def _drain(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            self.lines.append(line)

    def wait_line(self, pattern: str, timeout: float = 20.0, start: int = 0) -> int:
        """Index of the first stderr line from ``start`` on that contains ``pattern``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i in range(start, len(self.lines)):
                if pattern in self.lines[i]:
                    return i
            if self.proc is not None and self.proc.poll() is not None and start >= len(self.lines):
                break
            time.sleep(0.005)
        raise AssertionError(f"no {pattern!r} from the agent:\n{''.join(self.lines[-30:])}")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


def start_agent(server: ServerProcess, name: str, folder: Path, url: str | None = None, **kw: Any) -> AgentProcess:
    token = create_node(server, name)
    return AgentProcess(url or server.url, token, folder / name, **kw).start()


def wait_live(tenant: Tenant, nodes: int, timeout: float = 30.0) -> dict[str, Any]:
    """Every number of the tenant live on ``nodes`` nodes (``GET /deploy`` lists nothing)."""
    deadline = time.monotonic() + timeout
    while True:
        overview = tenant.get("/deploy").json()
        if overview["nodes_total"] == nodes and not overview["items"]:
            return overview
        if time.monotonic() > deadline:
            items = overview["items"][:3]
            raise AssertionError(f"not live on {nodes} nodes after {timeout} s: {overview['nodes_total']} nodes, "
                                 f"{len(overview['items'])} numbers pending, e.g. {items}")
        time.sleep(0.1)


def deployed_files(root: Path) -> dict[str, tuple[int, int, str]]:
    """What Asterisk would load from ``root``: number -> (revision, directory revision, dialplan), after
    checking every file the include pattern matches is complete."""
    include = (root / "extensions_pbxdesk.conf").read_text()
    [pattern] = re.findall(r'^#include "(.+)"$', include, flags=re.M)
    found: dict[str, tuple[int, int, str]] = {}
    for path in sorted(glob.glob(pattern)):
        text = Path(path).read_text()
        if Path(path).name == "pbxdesk.conf":
            assert "[pbxdesk-incoming]" in text
            continue
        header, _, rest = text.partition("\n")
        m = _HEADER.match(header)
        assert m and m.group(1) == Path(path).stem, f"{path}: incomplete or foreign file: {header!r}"
        body, sep, incoming = rest.rpartition("\n[pbxdesk-incoming]\n")
        number = m.group(1)
        assert sep and incoming == f"exten => {number},1,Goto(pbxdesk-{number},s,1)\n", f"{path}: cut short"
        found[number] = (int(m.group(2)), int(m.group(3)), body)
    for name in re.findall(r"\((?:pbxdesk)/([0-9a-f]{64})\)", "\n".join(b for _r, _d, b in found.values())):
        assert (root / "sounds" / "pbxdesk" / f"{name}.wav").stat().st_size > 44
    return found


def expected_dialplan(tenant: Tenant, number: str) -> tuple[int, str]:
    """The current revision of a number and its compiled dialplan (default Asterisk settings)."""
    resp = tenant.get(f"/numbers/{number}")
    directory = Directory.model_validate(tenant.get("/directory").json())
    revision = int(resp.headers["etag"].strip('"r'))
    return revision, compile_routing(from_dict(resp.json()), directory).text


@dataclass
class HAProxy:
    """Debian's haproxy in front of servers, health-checked on ``/api/v1/health``."""

    folder: Path
    backends: list[str]
    port: int = 0
    proc: subprocess.Popen[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def config(self) -> str:
        servers = "\n".join(f"  server s{i} {b.split('//')[1]} check" for i, b in enumerate(self.backends))
        return f"""global
  maxconn 2000
defaults
  mode http
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch
  retry-on conn-failure empty-response
frontend api
  bind 127.0.0.1:{self.port}
  default_backend servers
backend servers
  balance roundrobin
  option httpchk GET /api/v1/health
  http-check expect status 200
  default-server inter 300ms fall 2 rise 2
{servers}
"""

    def start(self) -> HAProxy:
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        for _attempt in range(5):
            self.port = free_port()
            cfg = self.folder / "haproxy.cfg"
            cfg.write_text(self.config())
            self.proc = subprocess.Popen([haproxy, "-db", "-f", str(cfg)], stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, text=True)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.proc.poll() is None:
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                        return self
                except OSError:
                    time.sleep(0.05)
            self.stop()
        raise RuntimeError("haproxy did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


@dataclass
class PrivatePostgres:
    """A PostgreSQL cluster of one test (initdb as the ``postgres`` user in a fresh directory, its own
    port); :meth:`restart` is safe, the shared cluster on 5432 is never touched."""

    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="pbxdesk-pg-")))
    port: int = field(default_factory=free_port)

    @property
    def bin(self) -> Path:
        versions = sorted(Path("/usr/lib/postgresql").iterdir(), key=lambda p: int(p.name))
        return versions[-1] / "bin"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _as_postgres(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["runuser", "-u", "postgres", "--", *args], capture_output=True, text=True,
                              check=check, timeout=60)

    def start(self) -> PrivatePostgres:
        shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        self._as_postgres(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                          "--no-sync", "-E", "UTF8")
        self._ctl("start")
        return self

    def _ctl(self, action: str) -> None:
        options = f"-c port={self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder} " \
                  "-c fsync=off -c max_connections=200"
        args = [str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-w", "-t", "60",
                "-l", str(self.folder / "log"), "-m", "fast", action]
        if action in ("start", "restart"):
            args += ["-o", options]
        self._as_postgres(*args)

    def restart(self) -> None:
        self._ctl("restart")

    def stop(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-w", "-m", "immediate",
                              "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
