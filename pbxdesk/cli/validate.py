"""``pbxdesk validate ROUTING.json [--directory DIR.json] [--json]`` (SPEC §7).

Exit 0 when the document has no errors (warnings allowed), 1 when it has, 2 with one line on stderr for
a file that cannot be read or parsed (the routing document or the directory) or bad arguments. JSON that
is not an object at all (an array, a string, ...) is not a routing document that could be checked member
by member, so it counts as a file that cannot be parsed (exit 2), not as a problem list (exit 1). Each
problem is printed as ``ERROR /json/pointer code: message`` (or ``WARNING ...``); ``--json`` prints a
list of ``{"severity", "pointer", "code", "message"}``. Messages are English unless the environment asks
for Russian (``pbxdesk.domain.lang.cli_language``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from pbxdesk.domain.document import DocumentReadError, load_directory, strip_bom
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.models import Directory
from pbxdesk.domain.problems import has_errors
from pbxdesk.domain.validation import validate_data

PROG = "pbxdesk validate"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(prog=PROG, description="Check a routing document (SPEC §5). Exit 0: no errors; "
                                            "1: errors; 2: the file cannot be read or parsed.")
    parser.add_argument("routing", metavar="ROUTING.json")
    parser.add_argument("--directory", metavar="DIR.json",
                        help="company directory; without it employee and department references are not checked")
    parser.add_argument("--json", action="store_true", help="print a JSON list of problems")
    return parser


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise DocumentReadError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _read_routing(path: str) -> Any:
    raw = _read(path)
    try:
        data = json.loads(strip_bom(raw))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise DocumentReadError(f"{path} is not valid JSON: {first}") from exc
    if not isinstance(data, dict):
        raise DocumentReadError(f"{path} is not a routing document: expected a JSON object, "
                                f"found {_json_kind(data)}")
    return data


def _json_kind(data: Any) -> str:
    """What a decoded JSON value is, in JSON's own words (for the one-line error of exit 2)."""
    if isinstance(data, list):
        return "an array"
    if isinstance(data, str):
        return "a string"
    if isinstance(data, bool):
        return "a boolean"
    if data is None:
        return "null"
    return "a number"


def _read_directory(path: str) -> Directory:
    raw = _read(path)
    try:
        data = json.loads(strip_bom(raw))
    except (ValueError, UnicodeDecodeError, RecursionError):
        data = None  # load_directory below says what is wrong
    if isinstance(data, dict) and not ({"employees", "departments"} & data.keys()):
        raise DocumentReadError(f"{path}: not a valid directory: it has neither 'employees' nor 'departments'")
    try:
        return load_directory(raw)
    except DocumentReadError as exc:
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
    try:
        directory = _read_directory(args.directory) if args.directory else None
        data = _read_routing(args.routing)
    except DocumentReadError as exc:
        return _fail(str(exc))
    try:
        problems = validate_data(data, directory)
    except RecursionError:
        return _fail(f"{args.routing}: the document is nested too deeply to check")
    lang = cli_language()
    if args.json:
        print(json.dumps([p.as_dict(lang) for p in problems], ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem.line(lang))
    return 1 if has_errors(problems) else 0
