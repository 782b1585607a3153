"""Headless commands on the local store: ``numbers``, ``get``, ``set``, ``copy``, ``status``.

All take ``--profile DIR`` (else ``$PBXDESK_HOME``, else the platform data directory; the same profile the
app opens there, :mod:`pbxdesk.store.in_use`) and ``--lang en|ru``
for messages (default as ``pbxdesk validate``: ``PBXDESK_LANG``/``LANG``, else en). Exit codes: 0 done; 1 refused (a document with errors — printed as
``ERROR /json/pointer code: message`` lines, nothing changed — or a number not in the profile);
2 with one line on stderr for bad arguments, an unreadable file, or a profile that cannot be opened or
written (written by a newer pbxdesk; its disk full or read-only; removed; none there for ``numbers``, ``get``
and ``status``, which never create one). The reading commands still read a profile whose disk is full or
read-only; a write to it changes nothing (SQLite commits whole transactions or none).

``set`` on a number that is not in the profile adds it (the document names the number): it is queued
like any save and created on the server by the next ``pbxdesk sync`` (the server accepts it only for a
number of the company).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from pbxdesk.cli.common import Parser, UsageError, profile_parser, read_directory
from pbxdesk.cli.problem_lines import print_problems, problems_data
from pbxdesk.domain.document import DocumentReadError, dumps, load_path
from pbxdesk.domain.models import Directory
from pbxdesk.domain.phone import PhoneNumberError, normalize_number
from pbxdesk.domain.problems import Problem, has_errors
from pbxdesk.domain.text import json_text, printable
from pbxdesk.store import SaveRefusedError, Store, StoreError, UnknownNumberError
from pbxdesk.store.in_use import profile_in_use
from pbxdesk.store.summary import MODE_NAMES
from pbxdesk.sync.deploy_words import deploy_line

STATE_NAMES = {"en": {"synced": "synced", "changed": "not sent", "conflict": "CONFLICT", "error": "ERROR",
                      "withdrawn": "WITHDRAWN"},
               "ru": {"synced": "синхронизирован", "changed": "не отправлен", "conflict": "КОНФЛИКТ",
                      "error": "ОШИБКА", "withdrawn": "ИЗЪЯТ"}}


def _parser(command: str) -> Parser:
    parser = profile_parser(command)
    if command == "numbers":
        parser.add_argument("--search", metavar="TEXT")
        parser.add_argument("--state", choices=("synced", "changed", "conflict", "error", "withdrawn"))
        parser.add_argument("--json", action="store_true")
    elif command == "get":
        parser.add_argument("number", metavar="NUMBER")
        parser.add_argument("--draft", action="store_true", help="print the draft (raw JSON) instead")
    elif command == "set":
        parser.add_argument("number", metavar="NUMBER")
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--directory", metavar="DIR.json", help="check references against this directory "
                            "(default: the cached one)")
    elif command == "copy":
        parser.add_argument("source", metavar="FROM")
        parser.add_argument("targets", metavar="TO", nargs="+")
    elif command == "status":
        parser.add_argument("--json", action="store_true")
    return parser


def _say(lang: str, ru: str, en: str) -> str:
    return ru if lang == "ru" else en


def _print_problems(problems: list[Problem], lang: str) -> None:
    for p in problems:
        print(p.line(lang))


def cmd_numbers(store: Store, args: argparse.Namespace) -> int:
    rows = store.list_numbers(search=args.search, state=args.state)
    if args.json:
        print(json_text([{"number": r.number, "name": r.name, "schedule_mode": r.schedule_mode,
                          "sync_state": r.sync_state, "has_draft": r.has_draft, "revision": r.revision}
                         for r in rows], indent=2))
        return 0
    head = ("Номер", "Название", "Расписание", "Состояние", "Черновик", "Ревизия") if args.lang == "ru" else \
        ("Number", "Name", "Schedule", "State", "Draft", "Revision")
    table = [head] + [(r.number, printable(r.name), MODE_NAMES[args.lang].get(r.schedule_mode, r.schedule_mode), STATE_NAMES[args.lang].get(r.sync_state, r.sync_state),
                       "*" if r.has_draft else "", "" if r.revision is None else str(r.revision)) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


def cmd_get(store: Store, args: argparse.Namespace) -> int:
    num = normalize_number(args.number)
    if not store.has_number(num):
        raise UnknownNumberError(num)
    if args.draft:
        draft = store.load_draft(num)
        if draft is None:
            print(_say(args.lang, f"У номера {num} нет черновика", f"{num} has no draft"), file=sys.stderr)
            return 1
        print(json_text(draft, indent=2))
        return 0
    doc = store.get_saved(num)
    assert doc is not None
    sys.stdout.write(dumps(doc))
    return 0


def cmd_set(store: Store, args: argparse.Namespace) -> int:
    num = normalize_number(args.number)
    directory: Directory | None = read_directory(args.directory) if args.directory else None
    data = load_path(args.file).data
    is_new = not store.has_number(num)
    problems = store.save(num, data, directory, create=True)
    _print_problems(problems, args.lang)
    if has_errors(problems):
        print(_say(args.lang, f"Не сохранено: в документе есть ошибки; номер {num} не изменён",
                   f"Not saved: the document has errors; {num} is unchanged"), file=sys.stderr)
        return 1
    summary = store.summary(num)
    if summary.sync_state == "synced":
        print(_say(args.lang, f"{num}: совпадает с сервером, отправлять нечего",
                   f"{num}: same as on the server, nothing to send"))
    elif summary.sync_state == "conflict":
        print(_say(args.lang, f"{num}: сохранено; номер в конфликте с сервером — разрешите его (pbxdesk resolve)",
                   f"{num}: saved; the number is in conflict with the server, resolve it (pbxdesk resolve)"))
    elif is_new:
        print(_say(args.lang, f"{num}: новый номер сохранён и будет отправлен при синхронизации",
                   f"{num}: new number saved and queued for the next sync"))
    else:
        print(_say(args.lang, f"{num}: сохранено и поставлено в очередь на отправку",
                   f"{num}: saved and queued for the next sync"))
    return 0


def cmd_copy(store: Store, args: argparse.Namespace) -> int:
    try:
        done = store.copy_settings(args.source, list(args.targets))
    except SaveRefusedError as exc:
        for num, problems in exc.problems.items():
            print(f"{num}:")
            _print_problems(problems, args.lang)
        print(exc.message(args.lang) + _say(args.lang, "; ничего не изменено", "; nothing changed"),
              file=sys.stderr)
        return 1
    src = normalize_number(args.source)
    for num in done:
        print(_say(args.lang, f"{num}: настройки скопированы из {src}, поставлено в очередь",
                   f"{num}: settings copied from {src}, queued for the next sync"))
    return 0


def _status_data(store: Store, lang: str) -> dict[str, Any]:
    pending = store.pending_changes()
    numbers = store.list_numbers()
    kept = set(store.kept_edits())
    names = {n.number: n.name for n in numbers}
    return {
        "pending": [{"number": p.number, "name": p.name, "sync_state": p.sync_state,
                     "base_revision": p.base_revision, "attempts": p.attempts, "last_error": p.last_error,
                     "changes": [c.text(lang) for c in p.changes]} for p in pending],
        "drafts": [{"number": n.number, "name": n.name} for n in numbers if n.has_draft],
        "conflicts": [{"number": n.number, "name": n.name} for n in numbers if n.sync_state == "conflict"],
        "errors": [{"number": n.number, "name": n.name, "message": n.sync_message}
                   for n in numbers if n.sync_state == "error"],
        "not_live": [{"number": d.number, "name": names.get(d.number, ""), "revision": d.revision,
                      "state": d.state, "live_on": d.live_on, "nodes_total": d.nodes_total,
                      "nodes": [{"node": n.node, "status": n.status, "message": n.message} for n in d.nodes],
                      "text": deploy_line(d, lang)}
                     for d in store.deploy_status().values()],
        "withdrawn": [{"number": n.number, "name": n.name, "kept_edit": n.number in kept}
                      for n in numbers if n.sync_state == "withdrawn"],
        "directory_problems": problems_data(store, lang),
    }


def cmd_status(store: Store, args: argparse.Namespace) -> int:
    lang = args.lang
    data = _status_data(store, lang)
    if args.json:
        print(json_text(data, indent=2))
        return 0
    print(_say(lang, f"Не отправлено на сервер: {len(data['pending'])}",
               f"Changes not on the server: {len(data['pending'])}"))
    for p in data["pending"]:
        state = STATE_NAMES[lang].get(p["sync_state"], p["sync_state"])
        print(f"  {p['number']}  {printable(p['name'])}  [{state}]")
        for line in p["changes"]:
            print(f"    - {printable(line)}")
        if p["last_error"]:
            print("    ! " + _say(lang, "последняя ошибка: ", "last error: ") + _lines(p["last_error"], 6))
    print(_say(lang, f"Черновики: {len(data['drafts'])}", f"Drafts: {len(data['drafts'])}"))
    for d in data["drafts"]:
        print(f"  {d['number']}  {printable(d['name'])}")
    print(_say(lang, f"Конфликты: {len(data['conflicts'])}", f"Conflicts: {len(data['conflicts'])}"))
    for c in data["conflicts"]:
        print(f"  {c['number']}  {printable(c['name'])}")
    if data["errors"]:
        print(_say(lang, f"Отложено: отклонено сервером, не отправляется, пока номер не исправлен и не сохранён: "
                         f"{len(data['errors'])}",
                   f"Set aside: refused by the server, not sent until the number is fixed and saved: "
                   f"{len(data['errors'])}"))
        for e in data["errors"]:
            print(f"  {e['number']}  {printable(e['name'])}: {_lines(e['message'] or '', 4)}")
    if data["not_live"]:
        print(_say(lang, f"Ещё не работает на всех узлах Asterisk (по последней синхронизации): "
                         f"{len(data['not_live'])}",
                   f"Not yet live on every Asterisk node (as of the last sync): {len(data['not_live'])}"))
        for d in data["not_live"]:
            state = _say(lang, "ОШИБКА", "FAILED") if d["state"] == "failed" else _say(lang, "развёртывается",
                                                                                     "deploying")
            print(f"  {d['number']}  {printable(d['name'])}  [{state}] r{d['revision']}: {printable(d['text'])}")
    if data["withdrawn"]:
        print(_say(lang, f"Изъяты у компании (удалены или переданы другой компании на сервере): {len(data['withdrawn'])}",
                   f"Withdrawn from the company (removed or moved to another company on the server): "
                   f"{len(data['withdrawn'])}"))
        for w in data["withdrawn"]:
            kept_text = _say(lang, f" — неотправленная правка сохранена: pbxdesk get {w['number']} > файл.json",
                             f" - unsent edit kept: pbxdesk get {w['number']} > FILE.json") if w["kept_edit"] else ""
            print(f"  {w['number']}  {printable(w['name'])}{kept_text}")
    print_problems(data["directory_problems"], lang)
    return 0


def _lines(text: str, indent: int) -> str:
    """A stored multi-line message (a summary, then ``ERROR /pointer code: message`` lines) with each line
    escaped and the following ones indented under the first."""
    return ("\n" + " " * indent).join(printable(line) for line in text.splitlines())


# these never create a profile and read one whose disk cannot be written; only `set` creates one
READING = frozenset({"numbers", "get", "status"})
COMMANDS = {"numbers": cmd_numbers, "get": cmd_get, "set": cmd_set, "copy": cmd_copy, "status": cmd_status}


def main(argv: list[str]) -> int:
    """``argv[0]`` is the command (numbers/get/set/copy/status), the rest its arguments."""
    command, rest = argv[0], argv[1:]
    prog = f"pbxdesk {command}"
    if command not in COMMANDS:
        print(f"pbxdesk: unknown store command {command!r}", file=sys.stderr)
        return 2
    try:
        args = _parser(command).parse_args(rest)
    except UsageError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    lang = args.lang
    try:
        store = Store(profile_in_use(args.profile).profile_dir, read_only=command in READING,
                      create=command == "set")
    except StoreError as exc:
        print(f"{prog}: {printable(exc.message(lang))}", file=sys.stderr)
        return 2
    try:
        return COMMANDS[command](store, args)
    except UnknownNumberError as exc:
        print(f"{prog}: {exc.message(lang)}", file=sys.stderr)
        return 1
    except StoreError as exc:  # the disk failed meanwhile (full, read-only, removed): one line, nothing half-done
        print(f"{prog}: {printable(exc.message(lang))}", file=sys.stderr)
        return 2
    except PhoneNumberError as exc:
        print(f"{prog}: {printable(exc.message_ru if lang == 'ru' else exc.message_en)}", file=sys.stderr)
        return 2
    except DocumentReadError as exc:
        print(f"{prog}: {printable(exc)}", file=sys.stderr)
        return 2
    finally:
        store.close()
