"""The provisioning server inside the desktop app's process, for when no server is configured:
uvicorn on a free loopback port in a background thread."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn
from sqlalchemy import Engine

from pbxdesk.server.cli import bind_socket
from pbxdesk.server.context import ServerConfig


@dataclass
class EmbeddedServer:
    url: str
    token: str | None
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)
    _engine: Engine = field(repr=False)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and wait for the thread (idempotent)."""
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._engine.dispose()

    def __enter__(self) -> EmbeddedServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def start_embedded(data_dir: Path, demo: bool = True, database_url: str | None = None,
                   startup_timeout: float = 30.0) -> EmbeddedServer:
    """Start the server on ``127.0.0.1:<free port>`` with its data under ``data_dir``. With ``demo`` a demo
    company is created when the data is empty; ``token`` is the demo token (None without one)."""
    from pbxdesk.server.app import create_app
    from pbxdesk.server.demo import ensure_demo, read_demo_token

    data_dir = Path(data_dir)
    app = create_app(ServerConfig(data_dir, database_url))
    token = ensure_demo(app.state.ctx) if demo else read_demo_token(data_dir)
    sock = bind_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="pbxdesk-embedded-server",
                              daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the embedded provisioning server did not start")
        time.sleep(0.02)
    return EmbeddedServer(f"http://127.0.0.1:{port}", token, server, thread, app.state.ctx.engine)
