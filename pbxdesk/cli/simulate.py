"""``pbxdesk simulate ROUTING.json --at DATETIME [--directory DIR.json] [--input X]... [--busy ID]...
[--answer WHO[@SECONDS]]`` (SPEC §7): print what an incoming call does as one JSON object.

Exit 0 with the JSON; 1 when the document has errors (then its problems are printed on stdout exactly as
``pbxdesk validate`` prints them, warnings included, and nothing is simulated);
2 with one line on stderr for an unreadable file, a bad argument, or a call that needs the directory
when none was given.
"""

from __future__ import annotations

import json
from datetime import datetime

from pbxdesk.cli.common import Parser, UsageError, fail, read_directory, read_routing_data
from pbxdesk.domain.document import DocumentReadError, parse_document
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.problems import has_errors
from pbxdesk.domain.simulator import SimulationError, check_input, parse_answer, simulate
from pbxdesk.domain.validation import validate_data

PROG = "pbxdesk simulate"


def _parser() -> Parser:
    parser = Parser(prog=PROG, description="Simulate an incoming call (SPEC §6).")
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


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv[1:])
        at = parse_at(args.at)
        who, after_s = parse_answer(args.answer)
        for value in args.input:
            check_input(value)
    except (UsageError, ValueError) as exc:
        return fail(PROG, str(exc))
    try:
        directory = read_directory(args.directory) if args.directory else None
        loaded = parse_document(read_routing_data(args.routing))
        problems = validate_data(loaded.data, directory)
    except DocumentReadError as exc:
        return fail(PROG, str(exc))
    except RecursionError:
        return fail(PROG, f"{args.routing}: the document is nested too deeply to read")
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
        return fail(PROG, f"{exc}{hint}")
    except ValueError as exc:  # an unknown timezone, should validation not have caught it
        return fail(PROG, str(exc))
    print(json.dumps(result.to_json(), ensure_ascii=False))
    return 0
