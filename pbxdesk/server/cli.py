"""``pbxdesk serve --data DIR [--host 127.0.0.1] [--port N] [--database URL] [--demo] [--no-deploy]
[--asterisk-settings FILE] [--exit-with-stdin]``.

Without ``--no-deploy`` an in-process node agent deploys every accepted change into ``DATA/asterisk/``
(node ``local``); with several instances on one database, run them with ``--no-deploy`` and a
``pbxdesk node-agent`` beside each Asterisk.

Prints ``pbxdesk server listening on URL`` (and, with ``--demo``, ``demo token: TOKEN``) on stdout;
logs one line per request on stderr. ``--port 0`` picks a free port. ``--exit-with-stdin``: stop when stdin
reaches its end, i.e. when the process that started the server closes the pipe or ends (the desktop app's
demo server never outlives the app).
"""

from __future__ import annotations

import argparse
import logging
import shlex
import socket
import sys
import threading
from pathlib import Path
from types import FrameType

import uvicorn

from pbxdesk.server.context import FeedSignal, ServerConfig


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pbxdesk serve", description="Run the reference provisioning server.")
    parser.add_argument("--data", type=Path, required=True, help="data directory (SQLite, media, asterisk/)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="TCP port (0: any free port)")
    parser.add_argument("--database", help="database URL, e.g. postgresql+psycopg://user:pw@host/db "
                                           "(default: SQLite under --data)")
    parser.add_argument("--demo", action="store_true", help="create a demo company when the data is empty")
    parser.add_argument("--reload-command", help="the in-process node agent runs it once per batch of deployed "
                                                 "numbers, e.g. 'asterisk -rx \"dialplan reload\"'")
    parser.add_argument("--exit-with-stdin", action="store_true",
                        help="stop when stdin is closed (by the process that started the server)")
    parser.add_argument("--asterisk-settings", type=Path, default=None,
                        help="the Asterisk backend's settings file (channels, trunk, mail hook, record_dir; "
                             "docs/asterisk.md) the in-process node agent compiles with; default: "
                             "$PBXDESK_ASTERISK_SETTINGS")
    parser.add_argument("--node", default="local", help="the in-process node agent's node name (default: local)")
    parser.add_argument("--no-deploy", action="store_true",
                        help="no in-process node agent (a fleet: node agents on the Asterisk nodes deploy)")
    return parser


def setup_logging() -> None:
    """pbxdesk's and uvicorn's messages on stderr, one line each (control characters escaped)."""
    from pbxdesk.server.middleware import OneLineFormatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pbxdesk")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    root.propagate = False
    for name in ("uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on sockets whose proto says TCP (else ~40 ms
    # delayed-ACK stalls on every keep-alive request).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def main(argv: list[str]) -> int:
    args_in = argv[1:] if argv and argv[0] == "serve" else argv
    try:
        args = _parser().parse_args(args_in)
    except SystemExit as exc:
        return int(exc.code or 0)
    setup_logging()
    from pbxdesk.server.app import create_app
    from pbxdesk.server.demo import ensure_demo

    config = ServerConfig(args.data, args.database, deploy=not args.no_deploy,
                          reload_command=shlex.split(args.reload_command) if args.reload_command else None,
                          node_name=args.node)
    if args.asterisk_settings is not None:
        config.asterisk_settings = args.asterisk_settings
    if config.deploy and config.asterisk_settings is not None:
        from pbxdesk.backend.asterisk.settings import SettingsError, load_settings

        try:
            load_settings(config.asterisk_settings)
        except SettingsError as exc:  # refuse to start rather than fail every deployment
            print(f"pbxdesk serve: {exc}", file=sys.stderr)
            return 2
    try:
        app = create_app(config)
        token = ensure_demo(app.state.ctx) if args.demo else None
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        print(f"pbxdesk serve: {exc}", file=sys.stderr)
        return 1
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"pbxdesk server listening on http://{shown}:{port}", flush=True)
    if token:
        print(f"demo token: {token}", flush=True)
    server = StoppingServer(uvicorn.Config(app, log_config=None, access_log=False, log_level="warning",
                                           timeout_keep_alive=30, timeout_graceful_shutdown=10))
    server.feed_signal = app.state.ctx.feed_signal
    if args.exit_with_stdin:

        def watch_stdin() -> None:
            sys.stdin.buffer.read()  # returns at the end of the input: the parent closed it or is gone
            server.should_exit = True

        threading.Thread(target=watch_stdin, name="pbxdesk-serve-stdin", daemon=True).start()
    server.run(sockets=[sock])
    return 0


class StoppingServer(uvicorn.Server):
    """On SIGTERM / Ctrl+C, node agents' long polls answer at once, so the requests in flight end quickly
    (a load balancer in front sends the next ones to the other instances)."""

    feed_signal: FeedSignal | None = None

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.feed_signal is not None:
            self.feed_signal.close()
        super().handle_exit(sig, frame)
