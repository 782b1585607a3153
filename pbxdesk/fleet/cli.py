"""``pbxdesk node-agent``: runs beside an Asterisk node and keeps its dialplan and prompts current.

    pbxdesk node-agent --server URL --root DIR [--token-file FILE] [--reload-command CMD]
                       [--settings FILE.ini] [--batch N] [--flush-every N] [--once] [--ca-bundle PEM]
                       [--verbose]

The node token (``pbxdesk admin create-node NAME``) comes from ``--token-file`` or ``$PBXDESK_NODE_TOKEN``
(never from the command line, which other users can read). ``--once`` deploys everything up to the
feed's current position and exits. Exit codes: 0 stopped (SIGTERM / Ctrl+C) or done; 1 ``--once`` could
not finish (unreachable service, failing reload); 2 bad usage, bad settings, a refused token, or another
agent already deploying into ``--root``.
"""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import signal
import sys
import threading
from pathlib import Path

from pbxdesk.backend.asterisk.settings import SettingsError, load_settings
from pbxdesk.fleet.agent import Agent, AgentConfig, ReloadFailed
from pbxdesk.fleet.agent_state import AgentBusy
from pbxdesk.fleet.http_source import HttpSource
from pbxdesk.fleet.source import NodeRemoved, SourceError

TOKEN_ENV = "PBXDESK_NODE_TOKEN"
log = logging.getLogger("pbxdesk.fleet.agent")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pbxdesk node-agent",
                                     description="Deploy the provisioning service's dialplans to this Asterisk node.")
    parser.add_argument("--server", required=True, help="the provisioning service (or its load balancer), "
                                                        "e.g. https://pbx.example.net")
    parser.add_argument("--root", type=Path, required=True,
                        help="where the dialplan and prompts go (include ROOT/extensions_pbxdesk.conf from "
                             "extensions.conf)")
    parser.add_argument("--token-file", type=Path, help=f"file holding the node token (else ${TOKEN_ENV})")
    parser.add_argument("--reload-command", help="run once for all the numbers deployed in one go, e.g. "
                                                 "'asterisk -rx \"dialplan reload\"'")
    parser.add_argument("--settings", type=Path, help="the Asterisk settings file (docs/asterisk.md)")
    parser.add_argument("--batch", type=int, default=500, help="numbers fetched and written at once (default 500)")
    parser.add_argument("--flush-every", type=int, default=5000,
                        help="at most this many numbers wait for one reload and their reports (default 5000)")
    parser.add_argument("--wait", type=float, default=25.0, help="long-poll seconds (default 25)")
    parser.add_argument("--settle", type=float, default=0.2,
                        help="once changes come, gather those that follow for this many seconds (default 0.2)")
    parser.add_argument("--retry-max", type=float, default=30.0,
                        help="longest pause between retries after a failure, in seconds (default 30)")
    parser.add_argument("--once", action="store_true", help="deploy up to the feed's current position and exit")
    parser.add_argument("--ca-bundle", metavar="PEM", help="trust this CA bundle for the service's certificate")
    parser.add_argument("--verbose", action="store_true", help="log every write step and reload")
    return parser


def _token(args: argparse.Namespace) -> str | None:
    if args.token_file is not None:
        try:
            return args.token_file.read_text(encoding="utf-8").strip() or None
        except OSError as exc:
            print(f"pbxdesk node-agent: cannot read {args.token_file}: {exc.strerror or exc}", file=sys.stderr)
            return None
    return os.environ.get(TOKEN_ENV, "").strip() or None


def _logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pbxdesk")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False


def main(argv: list[str]) -> int:
    args_in = argv[1:] if argv and argv[0] == "node-agent" else argv
    try:
        args = _parser().parse_args(args_in)
    except SystemExit as exc:
        return int(exc.code or 0)
    _logging(args.verbose)
    token = _token(args)
    if not token:
        print(f"pbxdesk node-agent: no node token: give --token-file FILE or set {TOKEN_ENV} "
              "(pbxdesk admin create-node NAME prints one)", file=sys.stderr)
        return 2
    try:
        load_settings(args.settings)
    except SettingsError as exc:
        print(f"pbxdesk node-agent: {exc}", file=sys.stderr)
        return 2
    if args.batch < 1 or args.flush_every < 1:
        print("pbxdesk node-agent: --batch and --flush-every must be at least 1", file=sys.stderr)
        return 2
    source = HttpSource(args.server, token, ca_bundle=args.ca_bundle)
    try:
        return _run(args, source)
    finally:
        source.close()


def _connect(source: HttpSource, stop: threading.Event, once: bool) -> bool:
    delay = 0.5
    while not stop.is_set():
        try:
            log.info("node %s connected to %s", source.connect(), source.base)
            return True
        except NodeRemoved:
            raise
        except SourceError as exc:
            if once:
                raise
            log.warning("%s; trying again in %.1f s", exc, delay)
            stop.wait(delay)
            delay = min(30.0, delay * 2)
    return False


def _run(args: argparse.Namespace, source: HttpSource) -> int:
    stop = threading.Event()
    agent: Agent | None = None

    def on_signal(*_: object) -> None:
        # Between batches (waiting for the feed) stop at once; during a batch, after it (a kill at any
        # point would be safe too: files are always complete and the cursor moves only after the reports).
        stop.set()
        if agent is None or not agent.busy:
            raise SystemExit(0)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, on_signal)
    try:
        if not _connect(source, stop, args.once):
            return 0
    except NodeRemoved as exc:
        print(f"pbxdesk node-agent: {exc}", file=sys.stderr)
        return 2
    except SourceError as exc:
        print(f"pbxdesk node-agent: {exc}", file=sys.stderr)
        return 1
    config = AgentConfig(root=args.root, reload_command=shlex.split(args.reload_command) if args.reload_command
                         else None, settings_path=args.settings, batch=args.batch, flush_every=args.flush_every,
                         wait_s=args.wait, settle_s=args.settle,
                         retry_max_s=args.retry_max)
    agent = Agent(source, config, on_step=(lambda name: log.debug("step %s", name)) if args.verbose else None)
    try:
        agent.state.acquire()
    except AgentBusy as exc:
        print(f"pbxdesk node-agent: {exc}", file=sys.stderr)
        return 2
    try:
        if args.once:
            agent.catch_up()
            log.info("node %s: up to date at feed position %s", source.node_name, agent.state.cursor)
            return 0
        agent.run(stop)
        return 0
    except NodeRemoved as exc:
        print(f"pbxdesk node-agent: {exc}", file=sys.stderr)
        return 2
    except (SourceError, ReloadFailed, OSError) as exc:
        print(f"pbxdesk node-agent: {exc}", file=sys.stderr)
        return 1
    finally:
        agent.state.release()
