"""Headless sync commands: ``login``, ``sync``, ``conflicts``, ``resolve``.

All take ``--profile DIR`` (else ``$PBXDESK_HOME``, else the platform data directory): ``login`` connects that
profile to a server; the others work on the profile the app opens there (:mod:`pbxdesk.store.in_use`).

* ``pbxdesk login URL [--store-token-file] [--ca-bundle PEM]`` reads the API token from a prompt (or from
  stdin when it is not a terminal), checks it with ``GET /numbers`` and keeps it in the system keyring; the
  URL goes to the profile. Exit 0 logged in; 1 the server refused the token; 2 cannot connect / bad usage.
* ``pbxdesk sync [--ca-bundle PEM] [--wait-live [SECONDS]]``: pull then push with a progress bar on stderr
  and a summary, then which numbers are not live on every Asterisk node yet and why (``DEPLOYING``: still
  on its way, ``NOT LIVE``: a node reported a failure). With ``--wait-live`` it first waits (default 60 s)
  for the numbers it pushed to go live. Exit 0 all in sync (numbers still deploying included); 1
  conflicts, refused items, a failed deployment, an unsent edit kept of a number this sync found withdrawn
  (``WITHDRAWN``), or ``--wait-live`` ran out; 2 cannot connect, not logged in or token refused.
* ``pbxdesk conflicts [--json]``: each conflicting number and its conflicting merge units.
* ``pbxdesk resolve NUMBER --take mine|theirs [--unit UNIT]...`` (or ``--edited FILE``).
  Exit 0 resolved (queued for the next sync); 1 refused (still in conflict); 2 bad usage.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

from pbxdesk.cli.common import Parser, UsageError, profile_parser
from pbxdesk.domain.document import load_path
from pbxdesk.domain.merge import DOCUMENT_UNIT
from pbxdesk.domain.phone import PhoneNumberError
from pbxdesk.domain.text import printable
from pbxdesk.store import Store, StoreError, resolve_profile_dir
from pbxdesk.store.disk import profile_trouble
from pbxdesk.store.in_use import profile_in_use
from pbxdesk.sync import credentials
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.conflicts import (
    NumberConflict,
    ResolveError,
    list_conflicts,
    resolve_number,
    resolve_with_document,
)
from pbxdesk.sync.deploy_words import deploy_line
from pbxdesk.sync.engine import SyncEngine, SyncReport
from pbxdesk.sync.errors import ApiError, AuthError, NetworkError
from pbxdesk.sync.words import unit_words, value_words

CA_ENV = "PBXDESK_CA_BUNDLE"


def _parser(command: str) -> Parser:
    parser = profile_parser(command)
    if command in ("login", "sync"):
        parser.add_argument("--ca-bundle", metavar="PEM", default=os.environ.get(CA_ENV) or None,
                            help=f"trust this CA bundle for the server's certificate (or ${CA_ENV})")
    if command == "sync":
        parser.add_argument("--wait-live", metavar="SECONDS", type=float, nargs="?", const=60.0, default=None,
                            help="wait until the numbers pushed are live on every Asterisk node (default 60 s)")
    if command == "login":
        parser.add_argument("url", metavar="URL")
        parser.add_argument("--store-token-file", action="store_true",
                            help="when no secure keyring is available, keep the token in a file of the profile "
                                 "readable by you only (mode 0600)")
    elif command == "conflicts":
        parser.add_argument("--json", action="store_true")
    elif command == "resolve":
        parser.add_argument("number", metavar="NUMBER")
        parser.add_argument("--take", choices=("mine", "theirs"))
        parser.add_argument("--unit", action="append", metavar="UNIT",
                            help="only this merge unit (repeatable); default: the whole number")
        parser.add_argument("--edited", metavar="FILE", help="resolve with this edited routing document")
    return parser


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("sync", [])
    try:
        args = _parser(command).parse_args(rest)
    except UsageError as exc:
        _err(f"pbxdesk {command}: {exc}")
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        # login connects the base profile to its server; the others work on the profile the app opens. Only
        # login creates a profile; conflicts only reads (also a profile whose disk cannot be written)
        profile = resolve_profile_dir(args.profile) if command == "login" else profile_in_use(args.profile).profile_dir
        store = Store.open(profile, read_only=command == "conflicts", create=command == "login")
    except StoreError as exc:
        _err(f"pbxdesk {command}: {printable(exc.message(args.lang))}")
        return 2
    try:
        handler = {"login": _login, "sync": _sync, "conflicts": _conflicts, "resolve": _resolve}[command]
        return handler(store, args)
    except PhoneNumberError as exc:
        _err(f"pbxdesk {command}: {printable(exc.message_en if args.lang == 'en' else exc.message_ru)}")
        return 2
    except Exception as exc:  # the profile's disk failed meanwhile: one line, nothing half-done
        trouble = profile_trouble(profile, exc)
        if trouble is None:
            raise
        _err(f"pbxdesk {command}: {printable(trouble.message(args.lang))}")
        return 2
    finally:
        store.close()



# ------------------------------------------------------------------------------------------------ login
def _read_token() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("API token: ").strip()
    return sys.stdin.readline().strip()


def _login(store: Store, args: argparse.Namespace) -> int:
    url = credentials.normalize_url(args.url)
    if not url.startswith(("http://", "https://")):
        _err("pbxdesk login: the URL must start with http:// or https://")
        return 2
    token = _read_token()
    if not token:
        _err("pbxdesk login: no token given")
        return 2
    client = ApiClient(url, token, ca_bundle=args.ca_bundle, retries=1)
    try:
        count = len(client.list_numbers())
    except AuthError as exc:
        _err(f"pbxdesk login: the server refused the token ({exc})")
        return 1
    except ApiError as exc:
        _err(f"pbxdesk login: cannot use the server at {url}: {exc}")
        return 2
    finally:
        client.close()
    store.set_profile(server_url=url, is_demo=False)
    where = credentials.save_token(url, token, store.profile_dir, allow_file=args.store_token_file)
    print(f"logged in to {url}: {count} number(s) of your company")
    if where.kind == "keyring":
        print(f"the token is kept in the system keyring ({where.detail})")
    elif where.kind == "file":
        print(f"the token is kept in {where.detail} (readable by you only)")
    else:
        print(f"the token was NOT stored: {where.detail}. It is good for this session only; set "
              f"{credentials.ENV_TOKEN} in the environment of pbxdesk (e.g. for scripts and CI), or run "
              f"'pbxdesk login {url} --store-token-file' to keep it in a file readable by you only.")
    return 0


# ------------------------------------------------------------------------------------------------ sync
class _Bar:
    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = -1
        self.width = 0

    def __call__(self, done: int, total: int, item: str) -> None:
        total = max(total, done, 1)
        filled = int(30 * done / total)
        line = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {item}".rstrip()
        if self.tty:
            sys.stderr.write("\r" + line.ljust(self.width))
            self.width = len(line)
        elif done == total or done * 10 // total != self.last:
            self.last = done * 10 // total
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")


def _sync(store: Store, args: argparse.Namespace) -> int:
    url = store.get_profile().server_url
    if not url or store.get_profile().is_demo:
        _err("pbxdesk sync: no server configured: run 'pbxdesk login URL' first")
        return 2
    token = credentials.load_token(url, store.profile_dir)
    if not token:
        _err(f"pbxdesk sync: no token for {url}: run 'pbxdesk login {url}' or set {credentials.ENV_TOKEN}")
        return 2
    from pbxdesk.audio.library import MediaLibrary

    library = MediaLibrary(Path(store.profile_dir) / "media")
    client = ApiClient(url, token, ca_bundle=args.ca_bundle)
    engine = SyncEngine(store, client)
    indexed = engine.media_original
    engine.media_original = lambda mid: library.original_path(mid) or indexed(mid)
    bar, cancel = _Bar(), threading.Event()
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            report = box["report"] = engine.run(progress=bar, cancel=cancel)
            if args.wait_live is not None and report.pushed and report.deploy_unknown is None \
                    and not (report.offline or report.auth_error or report.cancelled):
                report.not_live, box["timed_out"] = engine.wait_live(report.pushed, args.wait_live, cancel)
        except Exception as exc:  # reported below, never a traceback for the user
            box["error"] = exc

    worker = threading.Thread(target=work, name="pbxdesk-sync")
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
    except KeyboardInterrupt:
        cancel.set()
        _err("\ncancelling after the current item...")
        worker.join()
    finally:
        bar.close()
        client.close()
    if "error" in box:
        trouble = profile_trouble(store.profile_dir, box["error"])
        if trouble is not None:  # what was pushed and pulled before is recorded; the rest stays queued
            _err(f"pbxdesk sync: {printable(trouble.message(args.lang))}")
            return 2
        _err(f"pbxdesk sync: failed: {type(box['error']).__name__}: {printable(box['error'])}")
        return 2 if isinstance(box["error"], (NetworkError, AuthError)) else 1
    code = _summary(box["report"], url, store, args.lang)
    if box.get("timed_out"):
        print(f"--wait-live: not live everywhere after {args.wait_live:g} s")
        return max(code, 1)
    return code


MAX_NOT_LIVE_LINES = 20


def _not_live(report: SyncReport) -> bool:
    """Print the numbers not live on every node; True when a node reported a failure."""
    if report.deploy_unknown is not None:
        print(f"deploy status unknown: {report.deploy_unknown}")
        return False
    states = report.not_live
    if not states:
        return False
    failed = [s for s in states if s.state == "failed"]
    print(f"not yet live on every Asterisk node: {len(states)}" + (f" ({len(failed)} failed)" if failed else ""))
    for state in (failed + [s for s in states if s.state != "failed"])[:MAX_NOT_LIVE_LINES]:
        word = "NOT LIVE" if state.state == "failed" else "DEPLOYING"
        print(f"{word} {state.number} (r{state.revision}): {deploy_line(state)}")
    if len(states) > MAX_NOT_LIVE_LINES:
        print(f"... and {len(states) - MAX_NOT_LIVE_LINES} more ('pbxdesk status' lists them all)")
    return bool(failed)


def _summary(report: SyncReport, url: str, store: Store, lang: str = "en") -> int:
    print(f"pulled {len(report.pulled)}, merged {len(report.merged)}, pushed {len(report.pushed)}, "
          f"conflicts {len(report.conflicts)}, errors {len(report.errors)}"
          + (", directory updated" if report.directory_updated else "")
          + (f", removed {len(report.removed)}" if report.removed else "")
          + (f", withdrawn {len(report.withdrawn)}" if report.withdrawn else ""))
    for number in report.kept_edits:
        print(f"WITHDRAWN {number}: the company no longer has this number (removed or moved on the server); "
              f"your unsent edit is kept, not sent: export it with 'pbxdesk get {number} > FILE.json'")
    for number in report.conflicts:
        print(f"CONFLICT {number}: run 'pbxdesk conflicts' and 'pbxdesk resolve {number} --take mine|theirs'")
    for item, text in report.errors.items():
        print(f"ERROR {item}: " + "\n  ".join(printable(line) for line in text.splitlines()))
    waiting = [s for s in store.list_numbers() if s.sync_state in ("conflict", "error")
               and s.number not in report.conflicts and s.number not in report.errors]
    for s in waiting:  # from earlier syncs, still waiting for the user
        print(f"{s.sync_state.upper()} {s.number}: still unresolved"
              + (f" ({s.sync_message.splitlines()[0]})" if s.sync_message else ""))
    if report.cancelled:
        print("cancelled: run 'pbxdesk sync' again to continue")
    if report.auth_error:
        _err(f"pbxdesk sync: the server refused the token ({report.auth_error}): run 'pbxdesk login {url}'")
        return 2
    if report.offline:
        _err(f"pbxdesk sync: {report.offline}; the changes stay queued")
        return 2
    deploy_failed = _not_live(report)
    if report.with_problems:
        shown = list(report.with_problems)[:MAX_NOT_LIVE_LINES]
        more = len(report.with_problems) - len(shown)
        numbers = ", ".join(shown) + ((f" и ещё {more}" if lang == "ru" else f" and {more} more") if more else "")
        print(f"проблемы из-за справочника компании у номеров ({len(report.with_problems)}): {numbers}; "
              f"подробности: pbxdesk status" if lang == "ru" else
              f"problems against the company directory: {len(report.with_problems)} number(s) ({numbers}); "
              f"'pbxdesk status' lists them")
    return 0 if report.ok and not waiting and not deploy_failed else 1


# ------------------------------------------------------------------------------------------------ conflicts
def _conflicts(store: Store, args: argparse.Namespace) -> int:
    found = list_conflicts(store)
    if args.json:
        print(json.dumps([c.as_json() for c in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("no conflicts" if args.lang == "en" else "конфликтов нет")
        return 0
    for c in found:
        _print_conflict(c, args.lang)
    return 0


def _print_conflict(c: NumberConflict, lang: str) -> None:
    print(f"{c.number} {printable(c.name)}: local change vs server revision r{c.theirs_revision} "
          f"(common base r{c.base_revision})")
    for u in c.units:  # (names and values as the documents hold them, each printed on its own line)
        ref = c.base or c.mine
        chosen = f" [chosen: {printable(c.chosen[u.unit])}]" if u.unit in c.chosen else ""
        print(f"  {printable(u.unit)}: {printable(unit_words(u.unit, ref, lang))}{chosen}")
        print(f"    mine:   {printable(value_words(u.unit, u.mine, lang))}")
        print(f"    theirs: {printable(value_words(u.unit, u.theirs, lang))}")
        print(f"    base:   {printable(value_words(u.unit, u.base, lang))}")
    for p in c.problems:
        print(f"  {p.line(lang)}")


def _resolve(store: Store, args: argparse.Namespace) -> int:
    if (args.take is None) == (args.edited is None):
        _err("pbxdesk resolve: give --take mine|theirs or --edited FILE")
        return 2
    try:
        if args.edited is not None:
            result = load_path(args.edited)
            from pbxdesk.domain.document import parse_document

            parsed = parse_document(result.data) if result.data is not None else None
            if parsed is None or parsed.document is None:
                _err(f"pbxdesk resolve: {args.edited} is not a routing document")
                return 2
            resolve_with_document(store, args.number, parsed.document)
            still = None
        else:
            units = args.unit or [DOCUMENT_UNIT]
            still = resolve_number(store, args.number, {u: args.take for u in units})
    except ResolveError as exc:
        _err(f"pbxdesk resolve: {exc}")
        for p in exc.problems:
            _err(p.line(args.lang))
        return 1
    if still is not None:
        print(f"{still.number}: choices kept; still to decide: {', '.join(still.open_units)}")
        return 0
    summary = store.summary(args.number)
    state = "in sync" if summary.sync_state == "synced" else "queued for the next 'pbxdesk sync'"
    print(f"{summary.number}: resolved, {state}")
    return 0
