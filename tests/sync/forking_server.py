"""A server launcher for the kill/restart fault tests: ``python forking_server.py DATA_DIR PORT``.

Importing the server takes ~2 s, which would make dozens of restarts slow. This process imports it once
and then, for every ``start`` line on stdin, forks a fresh child that opens the data directory and serves
on PORT (a real uvicorn server process, like ``pbxdesk serve --no-deploy``); it prints ``pid N``. The test
SIGKILLs that child and asks for another one: every start is a new process with the same data and URL.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import uvicorn

from pbxdesk.server.app import create_app
from pbxdesk.server.cli import bind_socket
from pbxdesk.server.context import ServerConfig


def serve(data_dir: Path, port: int) -> None:
    app = create_app(ServerConfig(data_dir, None, deploy=False))
    sock = bind_socket("127.0.0.1", port)
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False, log_level="critical",
                                           timeout_keep_alive=30))
    server.run(sockets=[sock])


def main() -> None:
    data_dir, port = Path(sys.argv[1]), int(sys.argv[2])
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed children are reaped by the kernel
    for line in sys.stdin:
        if line.strip() != "start":
            continue
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                serve(data_dir, port)
            finally:
                os._exit(0)
        print(f"pid {pid}", flush=True)


if __name__ == "__main__":
    main()
