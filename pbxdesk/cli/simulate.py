"""``pbxdesk simulate ROUTING.json --at DATETIME [--directory DIR.json] [--input X]... [--busy ID]...
[--answer WHO[@SECONDS]]`` (SPEC §7): print what an incoming call does as one JSON object.

Exit 0 with the JSON; 1 when the document has errors (then its problems are printed on stdout exactly as
``pbxdesk validate`` prints them, warnings included, and nothing is simulated);
2 with one line on stderr for an unreadable file, a bad argument, or a call that needs the directory
when none was given.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import NoReturn

from pbxdesk.domain.document import DocumentReadError, LoadResult, load_directory, load_path, strip_bom
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.models import Directory
from pbxdesk.domain.problems import has_errors
from pbxdesk.domain.simulator import SimulationError, check_input, parse_answer, simulate
from pbxdesk.domain.validation import validate_data

PROG = "pbxdesk simulate"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(prog=PROG, description="Simulate an incoming call (SPEC §6).")
    parser.add_argument("routing", metavar="ROUTING.json")
    parser.add_argument("--at", required=True, metavar="DATETIME",
                        help="ISO 8601; without an offset it is local time of the number")
    parser.add_argument("--directory", metavar="DIR.json")
    parser.add_argument("--input", action="append", default=[], metavar="X",
                        help="a key, several digits (an extension) or 'none'; repeatable")
    parser.add_argument("--busy", action="append", default=[], metavar="ID", help="a busy employee; repeatable")
    parser.add_argument("--answer", default="nobody", metavar="WHO[@SECONDS]",
                        help="an employee id, external:NUMBER or nobody (default)")
    return parser


def parse_at(text: str) -> datetime:
    """An ISO 8601 date-time (``Z`` or an offset allowed; none = local to the number)."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"bad --at {text!r}: expected an ISO 8601 date and time, "
                         "e.g. 2026-12-31T10:30 or 2026-12-31T10:30:00+03:00") from None


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2


def _read_directory(path: str) -> Directory:
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise DocumentReadError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(strip_bom(raw))
    except (ValueError, UnicodeDecodeError):
        data = None  # load_directory below says what is wrong
    if isinstance(data, dict) and not ({"employees", "departments"} & data.keys()):
        raise DocumentReadError(f"{path}: not a valid directory: it has neither 'employees' nor 'departments'")
    try:
        return load_directory(raw)
    except DocumentReadError as exc:
        raise DocumentReadError(f"{path}: {exc}") from exc


def _read_routing(path: str) -> LoadResult:
    try:
        loaded = load_path(path)
    except DocumentReadError as exc:
        message = str(exc)
        raise DocumentReadError(message if path in message else f"{path}: {message}") from exc
    if not isinstance(loaded.data, dict):  # as `pbxdesk validate`: not a routing document at all -> exit 2
        raise DocumentReadError(f"{path} is not a routing document: expected a JSON object")
    return loaded


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv[1:])
        at = parse_at(args.at)
        who, after_s = parse_answer(args.answer)
        for value in args.input:
            check_input(value)
    except (_UsageError, ValueError) as exc:
        return _fail(str(exc))
    try:
        directory = _read_directory(args.directory) if args.directory else None
        loaded = _read_routing(args.routing)
        problems = validate_data(loaded.data, directory)
    except DocumentReadError as exc:
        return _fail(str(exc))
    except RecursionError:
        return _fail(f"{args.routing}: the document is nested too deeply to read")
    if has_errors(problems) or loaded.document is None:
        lang = cli_language()
        for problem in problems or loaded.problems:
            print(problem.line(lang))
        return 1
    try:
        result = simulate(loaded.document, at, directory, inputs=args.input, busy=args.busy,
                          answer=who, answer_after_s=after_s)
    except SimulationError as exc:
        hint = " (pass --directory DIR.json)" if "needs the company directory" in str(exc) else ""
        return _fail(f"{exc}{hint}")
    except ValueError as exc:  # an unknown timezone, should validation not have caught it
        return _fail(str(exc))
    print(json.dumps(result.to_json(), ensure_ascii=False))
    return 0
