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

from pbxdesk.cli.common import Parser, UsageError, fail, read_directory, read_routing_data
from pbxdesk.domain.document import DocumentReadError
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.problems import has_errors
from pbxdesk.domain.text import json_text
from pbxdesk.domain.validation import validate_data

PROG = "pbxdesk validate"


def _parser() -> Parser:
    parser = Parser(prog=PROG, description="Check a routing document (SPEC §5). Exit 0: no errors; "
                                            "1: errors; 2: the file cannot be read or parsed.")
    parser.add_argument("routing", metavar="ROUTING.json")
    parser.add_argument("--directory", metavar="DIR.json",
                        help="company directory; without it employee and department references are not checked")
    parser.add_argument("--json", action="store_true", help="print a JSON list of problems")
    return parser


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv[1:])
    except UsageError as exc:
        return fail(PROG, str(exc))
    try:
        directory = read_directory(args.directory) if args.directory else None
        data = read_routing_data(args.routing)
    except DocumentReadError as exc:
        return fail(PROG, str(exc))
    try:
        problems = validate_data(data, directory)
    except RecursionError:
        return fail(PROG, f"{args.routing}: the document is nested too deeply to check")
    lang = cli_language()
    if args.json:
        print(json_text([p.as_dict(lang) for p in problems], indent=2))
    else:
        for problem in problems:
            print(problem.line(lang))
    return 1 if has_errors(problems) else 0
