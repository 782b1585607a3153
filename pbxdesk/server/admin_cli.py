"""``pbxdesk admin ...``: companies, tokens, directory, numbers and Asterisk nodes of the reference server.

Every command takes ``--data DIR`` (the server's data directory) and optionally ``--database URL``.
``revoke-token`` takes either a TOKEN (that token) or ``--company NAME`` (every token of the company).
``remove-number`` and ``move-number`` (:mod:`pbxdesk.server.admin_moves`) take a number away from its
company. ``import-directory`` and ``add-number`` commit the change and its deployment job together; the nodes
deploy it (``pbxdesk serve``'s in-process agent, ``pbxdesk node-agent`` on each Asterisk node).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from pbxdesk.domain.describe import count_text
from pbxdesk.domain.directory_check import validate_directory
from pbxdesk.domain.document import DocumentReadError, load_directory
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.problems import Problem
from pbxdesk.domain.text import printable
from pbxdesk.server import accounts, admin_moves, directory_report, storage
from pbxdesk.server.accounts import AccountError
from pbxdesk.server.context import ServerConfig, ServerContext
from pbxdesk.server.database import read_connection


class DirectoryRefused(Exception):
    """The directory file has entries the service could not use; nothing was imported."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(f"{printable(path)}: not imported, {len(problems)} error(s) (ERROR lines above, with their "
                         "pointers into the file); the company's directory is unchanged")
        self.problems = problems


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", type=Path, default=argparse.SUPPRESS, help="the server's data directory")
    common.add_argument("--database", default=argparse.SUPPRESS,
                        help="database URL (default: SQLite under --data), e.g. postgresql+psycopg://...")
    parser = argparse.ArgumentParser(prog="pbxdesk admin", parents=[common],
                                     description="Administer the reference provisioning server.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("create-company", parents=[common], help="create a company; prints its API token last")
    p.add_argument("name")
    p.add_argument("--label", help="who the token is (revision author); default: the company name")
    p = sub.add_parser("create-token", parents=[common], help="issue another API token for a company")
    p.add_argument("--company", required=True)
    p.add_argument("--label", help="who the token is (revision author); default: the company name")
    p = sub.add_parser("import-directory", parents=[common],
                       help="replace a company's employees and departments; reports the numbers whose routings "
                            "it breaks")
    p.add_argument("--company", required=True)
    p.add_argument("--dry-run", action="store_true", help="only report what the import would break; change nothing")
    p.add_argument("file", type=Path)
    p = sub.add_parser("add-number", parents=[common],
                       help="provision numbers with the default routing (R1), all or none")
    p.add_argument("--company", required=True)
    p.add_argument("number", nargs="+")
    admin_moves.add_parsers(sub, common)
    p = sub.add_parser("revoke-token", parents=[common], help="revoke TOKEN, or every token of --company")
    p.add_argument("token", nargs="?")
    p.add_argument("--company")
    sub.add_parser("list-companies", parents=[common], help="the names of all companies")
    p = sub.add_parser("create-node", parents=[common],
                       help="register an Asterisk node; prints its node-agent token last (shown once)")
    p.add_argument("name")
    sub.add_parser("list-nodes", parents=[common], help="nodes with their feed position and when last seen")
    p = sub.add_parser("remove-node", parents=[common], help="revoke a node's token; it no longer counts in "
                                                            "deploy statuses")
    p.add_argument("name")
    return parser


def main(argv: list[str]) -> int:
    args_in = argv[1:] if argv and argv[0] == "admin" else argv
    parser = _parser()
    try:
        args = parser.parse_args(args_in)
    except SystemExit as exc:
        return int(exc.code or 0)
    data = getattr(args, "data", None)
    if data is None:
        print("pbxdesk admin: --data DIR is required", file=sys.stderr)
        return 2
    try:
        return _run(args, ServerConfig(Path(data), getattr(args, "database", None)))
    except (AccountError, DocumentReadError) as exc:
        print(f"pbxdesk admin: {printable(exc)}", file=sys.stderr)
        return 1
    except DirectoryRefused as exc:
        for problem in exc.problems:
            print(problem.line(cli_language()), file=sys.stderr)
        print(f"pbxdesk admin: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:  # the database is unreachable or refused a value: one line, no traceback
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        print(f"pbxdesk admin: database error: {printable(first, 300)}", file=sys.stderr)
        return 1



def _run(args: argparse.Namespace, config: ServerConfig) -> int:
    from pbxdesk.server.app import build_context

    ctx = build_context(config)
    try:
        return _command(args, ctx)
    finally:
        ctx.engine.dispose()


def _command(args: argparse.Namespace, ctx: ServerContext) -> int:
    engine = ctx.engine
    if args.command == "create-company":
        cid, token = accounts.create_company(engine, args.name)
        if args.label:
            accounts.revoke_token(engine, token)
            token = accounts.issue_token(engine, cid, args.label)
        print(f"created company '{accounts.check_name(args.name)}'; its API token (shown once):")
        print(token)
    elif args.command == "create-token":
        cid = accounts.company_id(engine, args.company)
        print(accounts.issue_token(engine, cid, args.label or args.company))
    elif args.command == "import-directory":
        cid = accounts.company_id(engine, args.company)
        try:
            raw = args.file.read_bytes()
        except OSError as exc:
            raise DocumentReadError(f"cannot read {args.file}: {exc.strerror or exc}") from exc
        directory = load_directory(raw)
        problems = [p for p in validate_directory(directory) if p.is_error]
        if problems:
            raise DirectoryRefused(args.file, problems)
        lang = cli_language()
        for line in directory_report.report(directory_report.impact(engine, cid, directory), lang):
            print(line)
        if args.dry_run:
            print(directory_report.words("dry_run", lang))
            return 0
        revision = storage.set_directory(engine, cid, directory)
        staff = count_text(len(directory.employees), "en", ("", "", ""), ("employee", "employees"))
        groups = count_text(len(directory.departments), "en", ("", "", ""), ("department", "departments"))
        print(f"imported {staff} and {groups} (directory revision {revision}); the company's numbers are "
              "queued for deployment")
    elif args.command == "add-number":
        cid = accounts.company_id(engine, args.company)
        docs = storage.add_numbers(engine, cid, args.number)
        with read_connection(engine) as conn:  # revision 1, or after the kept history of a removed number
            revisions = {d["number"]: storage.get_number(conn, cid, d["number"]) for d in docs}
        for doc in docs:
            stored = revisions[doc["number"]]
            print(f"added {doc['number']} ({printable(doc['name'])}) with the default routing, revision "
                  f"{stored.revision if stored else 1}, queued for deployment")
    elif args.command in admin_moves.COMMANDS:
        return admin_moves.run(args, engine)
    elif args.command == "revoke-token":
        if bool(args.token) == bool(args.company):
            print("pbxdesk admin revoke-token: give either TOKEN or --company NAME", file=sys.stderr)
            return 2
        count = accounts.revoke_token(engine, args.token) if args.token \
            else accounts.revoke_company_tokens(engine, args.company)
        if count == 0:
            print("pbxdesk admin: no live token matched", file=sys.stderr)
            return 1
        print(f"revoked {count} token(s)")
    elif args.command == "list-companies":
        for name in accounts.company_names(engine):
            print(printable(name))
    elif args.command in ("create-node", "list-nodes", "remove-node"):
        return _node_command(args, ctx)
    return 0


def _node_command(args: argparse.Namespace, ctx: ServerContext) -> int:
    from pbxdesk.fleet import nodes
    from pbxdesk.fleet.feed import feed_head

    if args.command == "create-node":
        node, token = nodes.create_node(ctx.engine, args.name)
        print(f"created node '{node.name}'; run 'pbxdesk node-agent' on it with this token (shown once):")
        print(token)
    elif args.command == "remove-node":
        nodes.remove_node(ctx.engine, args.name)
        print(f"removed node '{args.name.strip()}'")
    else:
        with read_connection(ctx.engine) as conn:
            head = feed_head(conn)
        print(f"deployment feed at {head}")
        for n in nodes.list_nodes(ctx.engine):
            behind = "no snapshot yet" if n["cursor"] is None else f"{head - n['cursor']} behind"
            print(f"{n['name']}  cursor {n['cursor'] if n['cursor'] is not None else '-'} ({behind})  "
                  f"last seen {n['last_seen_at'] or 'never'}")
    return 0
