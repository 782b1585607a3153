"""``pbxdesk export ROUTING.json --to asterisk [--directory DIR.json] [--settings FILE.ini]`` (SPEC §7).

Prints the dialplan the provisioning server deploys for that number (docs/asterisk.md). Exit 0 with the
dialplan on stdout (warnings, if any, on stderr); 1 when the document has errors, printed as
``pbxdesk validate`` prints them; 2 with one line on stderr for a file that cannot be read or parsed,
bad arguments or settings, or a document that rings or mails employees/departments without
``--directory``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from pbxdesk.backend.asterisk import CompileError, DirectoryRequired, compile_routing
from pbxdesk.backend.asterisk_settings import SettingsError, load_settings
from pbxdesk.domain.document import DocumentReadError, load_directory, parse_document
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.models import Directory
from pbxdesk.domain.problems import has_errors
from pbxdesk.domain.validation import validate_data

PROG = "pbxdesk export"
BACKENDS = ("asterisk",)


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(prog=PROG, description="Print the telephony backend configuration of a routing document.")
    parser.add_argument("routing", metavar="ROUTING.json")
    parser.add_argument("--to", required=True, metavar="BACKEND", help="the backend: asterisk")
    parser.add_argument("--directory", metavar="DIR.json", help="company directory (employees, departments)")
    parser.add_argument("--settings", metavar="FILE.ini", help="Asterisk settings (channels, trunk, mail hook)")
    return parser


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise DocumentReadError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _read_routing(path: str) -> Any:
    try:
        return json.loads(_read(path))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise DocumentReadError(f"{path} is not valid JSON: {first}") from exc


def _read_directory(path: str) -> Directory:
    try:
        return load_directory(_read(path))
    except DocumentReadError as exc:
        if str(exc).startswith("cannot read"):
            raise
        raise DocumentReadError(f"{path}: {exc}") from exc
    except RecursionError as exc:
        raise DocumentReadError(f"{path}: not a valid directory: nested too deeply") from exc


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv[1:])
    except _UsageError as exc:
        return _fail(str(exc))
    if args.to not in BACKENDS:
        return _fail(f"unknown backend {args.to!r} (available: {', '.join(BACKENDS)})")
    try:
        settings = load_settings(args.settings)
        directory = _read_directory(args.directory) if args.directory else None
        data = _read_routing(args.routing)
    except (DocumentReadError, SettingsError) as exc:
        return _fail(str(exc))
    try:
        problems = validate_data(data, directory)
    except RecursionError:
        return _fail(f"{args.routing}: the document is nested too deeply to check")
    lang = cli_language()
    loaded = parse_document(data)
    if has_errors(problems) or loaded.document is None:
        for problem in problems or loaded.problems:
            print(problem.line(lang))
        return 1
    try:
        compiled = compile_routing(loaded.document, directory, settings)
    except DirectoryRequired as exc:
        return _fail(f"{exc} (pass --directory DIR.json)")
    except CompileError as exc:
        return _fail(str(exc))
    for problem in problems:
        print(problem.line(lang), file=sys.stderr)
    sys.stdout.write(compiled.text)
    return 0
