"""The demo profile's server: ``pbxdesk serve --demo`` as a child process of the app.

In the app's own process the reference server's imports (FastAPI, uvicorn, its database and deployment
code: about 0.8 s of CPU) competed with the window, the profile and the editors for Python's one
interpreter lock; as a child process it loads on another core while the app starts. When the quick read of
the profile shows a demo profile, ``run_app`` starts it as soon as the window's first frame is painted,
together with the loading of the profile (:func:`prestart`; earlier, on a busy machine, it delayed the first
frame), and opening the profile takes that process (:func:`take`); otherwise the profile starts one.

The child's stdin is a pipe from the app and the server stops when it reaches its end
(``--exit-with-stdin``): when the app stops it, and when the app ends in any way, so it never outlives the
app. Its log goes to ``DATA/server.log``.

It runs at a lower CPU priority (``nice`` 10; ``PBXDESK_DEMO_SERVER_NICE`` sets another, 0 keeps the app's):
on a two-core laptop its start-up (about a second of CPU) would otherwise take the core the app needs to
show its first screen; the demo's first sync simply comes a little later.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from pbxdesk.server.demo_token import read_demo_token

LISTENING = "pbxdesk server listening on "
NICE_ENV = "PBXDESK_DEMO_SERVER_NICE"
DEFAULT_NICE = 10
_started: dict[Path, DemoServer] = {}


class DemoServer:
    """A ``pbxdesk serve --demo`` child on a free loopback port; ``url`` and ``token`` once :meth:`wait` returns."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.url: str | None = None
        self.token: str | None = None
        with open(self.data_dir / "server.log", "ab") as log:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "pbxdesk", "serve", "--data", str(self.data_dir), "--port", "0", "--demo",
                 "--exit-with-stdin"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
        _lower_priority(self._proc.pid)
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, name="pbxdesk-demo-server-out", daemon=True).start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for raw in self._proc.stdout:
            self._lines.put(raw.decode("utf-8", "replace").strip())
        self._lines.put(None)

    def wait(self, timeout: float = 120.0) -> DemoServer:
        """Block until the server listens (``url`` and ``token`` set); RuntimeError when it failed or took
        longer than ``timeout`` seconds (the first start creates the demo company: a few seconds)."""
        while self.url is None:
            try:
                line = self._lines.get(timeout=timeout)
            except queue.Empty:
                self.stop()
                raise RuntimeError("the demo server did not start in time") from None
            if line is None:
                code = self._proc.wait()
                raise RuntimeError(f"the demo server stopped (exit code {code}); see {self.data_dir / 'server.log'}")
            if line.startswith(LISTENING):
                self.url = line[len(LISTENING):]
        self.token = read_demo_token(self.data_dir)
        return self

    def running(self) -> bool:
        return self._proc.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server and wait for it (idempotent)."""
        if self._proc.stdin is not None and not self._proc.stdin.closed:
            try:
                self._proc.stdin.close()
            except OSError:
                pass
        try:
            self._proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


def server_nice() -> int:
    """How much lower than the app the demo server runs (``PBXDESK_DEMO_SERVER_NICE``, default 10)."""
    try:
        return max(0, min(19, int(os.environ.get(NICE_ENV, DEFAULT_NICE))))
    except ValueError:
        return DEFAULT_NICE


def _lower_priority(pid: int) -> None:
    nice = server_nice()
    if not nice or not hasattr(os, "setpriority"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, pid, min(19, os.getpriority(os.PRIO_PROCESS, 0) + nice))
    except OSError:  # not allowed here: it runs at the app's priority
        pass


def prestart(data_dir: Path) -> None:
    """Start the demo server of ``data_dir`` now, for :func:`take` to find when the profile opens."""
    key = Path(data_dir).resolve()
    if key not in _started:
        _started[key] = DemoServer(data_dir)


def take(data_dir: Path) -> DemoServer:
    """The server :func:`prestart` started for ``data_dir`` (still running), or a new one."""
    server = _started.pop(Path(data_dir).resolve(), None)
    if server is not None and server.running():
        return server
    if server is not None:
        server.stop()
    return DemoServer(data_dir)
