"""``pbxdesk export ROUTING.json --to asterisk [--directory DIR.json] [--settings FILE.ini]`` (SPEC §7).

Prints the dialplan the provisioning server deploys for that number (docs/asterisk.md). Exit 0 with the
dialplan on stdout (warnings, if any, on stderr); 1 when the document has errors, printed as
``pbxdesk validate`` prints them; 2 with one line on stderr for a file that cannot be read or parsed,
bad arguments or settings, or a document that rings or mails employees/departments without
``--directory``.
"""

from __future__ import annotations

import sys

from pbxdesk.backend.asterisk import CompileError, DirectoryRequired, compile_routing
from pbxdesk.backend.asterisk.settings import SettingsError, load_settings
from pbxdesk.cli.common import Parser, UsageError, fail, read_directory, read_routing_data
from pbxdesk.domain.document import DocumentReadError, parse_document
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.problems import has_errors
from pbxdesk.domain.validation import validate_data

PROG = "pbxdesk export"
BACKENDS = ("asterisk",)


def _parser() -> Parser:
    parser = Parser(prog=PROG, description="Print the telephony backend configuration of a routing document.")
    parser.add_argument("routing", metavar="ROUTING.json")
    parser.add_argument("--to", required=True, metavar="BACKEND", help="the backend: asterisk")
    parser.add_argument("--directory", metavar="DIR.json", help="company directory (employees, departments)")
    parser.add_argument("--settings", metavar="FILE.ini", help="Asterisk settings (channels, trunk, mail hook)")
    return parser


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv[1:])
    except UsageError as exc:
        return fail(PROG, str(exc))
    if args.to not in BACKENDS:
        return fail(PROG, f"unknown backend {args.to!r} (available: {', '.join(BACKENDS)})")
    try:
        settings = load_settings(args.settings)
        directory = read_directory(args.directory) if args.directory else None
        data = read_routing_data(args.routing)
    except (DocumentReadError, SettingsError) as exc:
        return fail(PROG, str(exc))
    try:
        problems = validate_data(data, directory)
    except RecursionError:
        return fail(PROG, f"{args.routing}: the document is nested too deeply to check")
    lang = cli_language()
    loaded = parse_document(data)
    if has_errors(problems) or loaded.document is None:
        for problem in problems or loaded.problems:
            print(problem.line(lang))
        return 1
    try:
        compiled = compile_routing(loaded.document, directory, settings)
    except DirectoryRequired as exc:
        return fail(PROG, f"{exc} (pass --directory DIR.json)")
    except CompileError as exc:
        return fail(PROG, str(exc))
    for problem in problems:
        print(problem.line(lang), file=sys.stderr)
    sys.stdout.write(compiled.text)
    return 0
