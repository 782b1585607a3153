"""``pbxdesk admin remove-number NUMBER`` and ``pbxdesk admin move-number NUMBER --to COMPANY
[--default-routing]``: the parsers and what they print (Russian or English, :func:`cli_language`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy import Engine

from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.text import printable
from pbxdesk.server.number_moves import NumberMoveError, move_number, remove_number

COMMANDS = ("remove-number", "move-number")


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("remove-number", parents=[common],
                       help="remove a number from its company (its history is kept; nodes delete its dialplan)")
    p.add_argument("number")
    p = sub.add_parser("move-number", parents=[common],
                       help="move a number with its routing to another company")
    p.add_argument("number")
    p.add_argument("--to", required=True, metavar="COMPANY", help="the company that gets the number")
    p.add_argument("--default-routing", action="store_true",
                   help="give it the new company's default routing instead of its own")


def run(args: argparse.Namespace, engine: Engine) -> int:
    ru = cli_language() == "ru"
    try:
        if args.command == "remove-number":
            gone = remove_number(engine, args.number)
            print(f"номер {gone.number} изъят у компании '{printable(gone.company)}'; его история (ревизии 1-"
                  f"{gone.revision}) сохранена; узлы удалят его диалплан" if ru else
                  f"removed {gone.number} from '{printable(gone.company)}'; its history (revisions up to "
                  f"{gone.revision}) is kept; the nodes delete its dialplan")
            return 0
        moved = move_number(engine, args.number, args.to, args.default_routing)
    except NumberMoveError as exc:
        lang = "ru" if ru else "en"
        for problem in exc.problems:
            print(problem.line(lang), file=sys.stderr)
        raise
    routing = ("маршрутизация по умолчанию" if moved.default_routing else "его маршрутизация") if ru else \
        ("the default routing" if moved.default_routing else "its routing")
    if ru:
        print(f"номер {moved.number} передан от '{printable(moved.from_company)}' компании "
              f"'{printable(moved.to_company)}' ({routing}, ревизия {moved.revision}); развёртывание поставлено в "
              "очередь")
    else:
        print(f"moved {moved.number} from '{printable(moved.from_company)}' to '{printable(moved.to_company)}' "
              f"({routing}, revision {moved.revision}), queued for deployment")
    if moved.media:
        print(f"аудиофайлов стало доступно новой компании: {len(moved.media)}" if ru else
              f"{len(moved.media)} audio file(s) made available to the new company")
    return 0
