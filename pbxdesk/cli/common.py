"""What the headless commands share: an argparse parser whose errors are exit 2 with one line, and reading
routing documents and directories with one-line messages (SPEC §7: exit 2 for a file that cannot be read or
parsed, never a traceback)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from pbxdesk.domain.directory_check import validate_directory
from pbxdesk.domain.document import DocumentReadError, load_directory, strip_bom
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.models import Directory
from pbxdesk.domain.text import printable


class UsageError(Exception):
    """Bad command-line arguments (argparse's own message)."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises :class:`UsageError` instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def profile_parser(command: str) -> Parser:
    """The parser of a command working on the local profile: ``--profile DIR`` and ``--lang ru|en``."""
    parser = Parser(prog=f"pbxdesk {command}")
    parser.add_argument("--profile", metavar="DIR", help="profile directory (default: $PBXDESK_HOME or the "
                        "user data directory)")
    parser.add_argument("--lang", choices=("en", "ru"), default=cli_language(),
                        help="language of messages (default: from PBXDESK_LANG / LANG, as pbxdesk validate)")
    return parser


def fail(prog: str, message: str) -> int:
    """Print ``prog: message`` on stderr, on one line whatever it quotes; the exit code of a command that could
    not run (2)."""
    print(f"{prog}: {printable(message)}", file=sys.stderr)
    return 2


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise DocumentReadError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _json_kind(data: Any) -> str:
    """What a decoded JSON value is, in JSON's own words."""
    if isinstance(data, list):
        return "an array"
    if isinstance(data, str):
        return "a string"
    if isinstance(data, bool):
        return "a boolean"
    if data is None:
        return "null"
    return "a number"


def read_routing_data(path: str) -> dict[str, Any]:
    """The decoded JSON object of a routing document. JSON that is not an object (an array, a string...) is
    not a routing document that could be checked member by member: a read error like bad JSON."""
    raw = read_bytes(path)
    try:
        data = json.loads(strip_bom(raw))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise DocumentReadError(f"{path} is not valid JSON: {first}") from exc
    if not isinstance(data, dict):
        raise DocumentReadError(f"{path} is not a routing document: expected a JSON object, "
                                f"found {_json_kind(data)}")
    return data


def read_directory(path: str) -> Directory:
    """A ``--directory`` file (SPEC §4); DocumentReadError with one line naming what is wrong."""
    raw = read_bytes(path)
    try:
        data = json.loads(strip_bom(raw))
    except (ValueError, UnicodeDecodeError, RecursionError):
        data = None  # load_directory below says what is wrong
    if isinstance(data, dict) and not ({"employees", "departments"} & data.keys()):
        raise DocumentReadError(f"{path}: not a valid directory: it has neither 'employees' nor 'departments'")
    try:
        directory = load_directory(raw)
    except DocumentReadError as exc:
        raise DocumentReadError(f"{path}: {exc}") from exc
    except RecursionError as exc:
        raise DocumentReadError(f"{path}: not a valid directory: nested too deeply") from exc
    errors = [p for p in validate_directory(directory) if p.is_error]
    if errors:  # by the rules of admin import-directory: what the dialplan could not use is not a directory
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise DocumentReadError(f"{path}: not a usable directory: {errors[0].line(cli_language())}{more}")
    return directory
