"""``pbxdesk media``: the company's audio library on the server the profile is logged in to.

* ``pbxdesk media list [--json]``: each file with its id, duration, size, when it was uploaded, its name, the
  numbers whose current routing uses it and the earlier revisions that do.
* ``pbxdesk media rename ID NAME``: a new name (the id stays).
* ``pbxdesk media remove ID``: removes a file no routing uses; refused while the current routing of a
  number uses it, or an earlier revision (which can be restored) does: the users are printed.

``ID`` is a media id or a unique beginning of one (at least 6 characters, as ``list`` shows them). Exit 0
done; 1 refused (in use, a bad name, no such file); 2 bad usage, not logged in, the server out of reach.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from pbxdesk.cli.common import UsageError, fail, profile_parser
from pbxdesk.domain.text import printable
from pbxdesk.store import Store, StoreError
from pbxdesk.store.in_use import profile_in_use
from pbxdesk.sync import credentials
from pbxdesk.sync.client import ApiClient, MediaItem
from pbxdesk.sync.errors import ApiError, AuthError, NetworkError

PROG = "pbxdesk media"
SHORT_ID = 12
MIN_PREFIX = 6


def _parser() -> argparse.ArgumentParser:
    parser = profile_parser("media")
    parser.add_argument("--ca-bundle", metavar="PEM", default=os.environ.get("PBXDESK_CA_BUNDLE") or None,
                        help="trust this CA bundle for the server's certificate")
    sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    listing = sub.add_parser("list", help="list the company's audio files")
    listing.add_argument("--json", action="store_true")
    rename = sub.add_parser("rename", help="give an audio file a new name")
    rename.add_argument("id", metavar="ID")
    rename.add_argument("name", metavar="NAME")
    remove = sub.add_parser("remove", help="remove an audio file no routing uses")
    remove.add_argument("id", metavar="ID")
    return parser


def _t(lang: str, ru: str, en: str) -> str:
    return ru if lang == "ru" else en


def _client(store: Store, lang: str, ca_bundle: str | None) -> ApiClient | str:
    """A client of the profile's server, or why there is none (in ``lang``)."""
    url = store.get_profile().server_url
    if not url:
        return _t(lang, "сервер не настроен: сначала выполните 'pbxdesk login URL'",
                  "no server configured: run 'pbxdesk login URL' first")
    token = credentials.load_token(url, store.profile_dir)
    if not token:
        return _t(lang, f"нет токена для {url}: выполните 'pbxdesk login {url}' или задайте {credentials.ENV_TOKEN}",
                  f"no token for {url}: run 'pbxdesk login {url}' or set {credentials.ENV_TOKEN}")
    return ApiClient(url, token, ca_bundle=ca_bundle, language=lang)


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv[1:])
    except UsageError as exc:
        return fail(PROG, str(exc))
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    lang = args.lang
    try:
        in_use = profile_in_use(args.profile)
        if in_use.is_demo:  # the demo company lives in the app only: its library is not on any server
            return fail(PROG, _t(lang, "сервер не настроен: сначала выполните 'pbxdesk login URL'",
                                 "no server configured: run 'pbxdesk login URL' first"))
        store = Store.open(in_use.profile_dir, read_only=True)
    except StoreError as exc:
        return fail(PROG, exc.message(lang))
    try:
        client = _client(store, lang, args.ca_bundle)
    finally:
        store.close()
    if isinstance(client, str):
        return fail(PROG, client)
    try:
        items = client.list_media()
        if args.action == "list":
            return _list(items, lang, args.json)
        found = _find(items, args.id, lang)
        if isinstance(found, str):
            print(f"{PROG}: {printable(found)}", file=sys.stderr)
            return 1
        if args.action == "rename":
            return _rename(client, found, args.name, lang)
        return _remove(client, found, lang)
    except (NetworkError, AuthError) as exc:
        return fail(PROG, str(exc))
    except ApiError as exc:
        print(f"{PROG}: {printable(exc.problem.get('detail') or exc)}", file=sys.stderr)
        return 1
    finally:
        client.close()


def _find(items: list[MediaItem], given: str, lang: str) -> MediaItem | str:
    key = given.strip().lower()
    matches = [i for i in items if i.id == key] or (
        [i for i in items if i.id.startswith(key)] if len(key) >= MIN_PREFIX else [])
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        return _t(lang, f"'{given}' — начало нескольких файлов; укажите больше символов",
                  f"'{given}' begins several files' ids; give more of it")
    return _t(lang, f"в библиотеке компании нет аудиофайла '{given}' (см. 'pbxdesk media list')",
              f"the company's library has no audio file '{given}' (see 'pbxdesk media list')")


def _duration(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _size(size: int, lang: str) -> str:
    kb = max(1, round(size / 1024))
    return f"{kb} {_t(lang, 'КБ', 'KB')}" if kb < 1024 else f"{size / 1048576:.1f} {_t(lang, 'МБ', 'MB')}"


def _list(items: list[MediaItem], lang: str, as_json: bool) -> int:
    if as_json:
        print(json.dumps([{"id": i.id, "name": i.name, "duration_s": i.duration_s, "size_bytes": i.size_bytes,
                           "uploaded_at": i.uploaded_at, "numbers": list(i.numbers),
                           "old_revisions": [{"number": n, "revision": r} for n, r in i.old_revisions]}
                          for i in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print(_t(lang, "в библиотеке компании нет аудиофайлов", "the company's library has no audio files"))
        return 0
    unnamed = _t(lang, "(без имени)", "(no name)")
    for i in items:
        when = i.uploaded_at[:16].replace("T", " ")
        print(f"{i.id[:SHORT_ID]}  {_duration(i.duration_s):>5}  {_size(i.size_bytes, lang):>7}  {when}  "
              f"{printable(i.name or unnamed)}")
        if i.numbers:
            print(f"    {_t(lang, 'номера', 'numbers')}: {', '.join(i.numbers)}")
        if i.old_revisions:
            old = ", ".join(f"{n} r{r}" for n, r in i.old_revisions)
            print(f"    {_t(lang, 'прежние версии', 'earlier revisions')}: {old}")
        if not i.numbers and not i.old_revisions:
            print(f"    {_t(lang, 'не используется', 'not used')}")
    return 0


def _rename(client: ApiClient, item: MediaItem, name: str, lang: str) -> int:
    renamed = client.rename_media(item.id, name)
    print(_t(lang, f"{item.id[:SHORT_ID]}: новое имя «{printable(renamed.name)}»",
             f"{item.id[:SHORT_ID]}: renamed to \"{printable(renamed.name)}\""))
    return 0


def _remove(client: ApiClient, item: MediaItem, lang: str) -> int:
    try:
        client.remove_media(item.id)
    except ApiError as exc:
        if exc.status != 409:
            raise
        problem = exc.problem
        print(f"{PROG}: {printable(problem.get('detail') or exc)}", file=sys.stderr)
        numbers = [str(n) for n in problem.get("numbers") or []]
        old = [f"{r.get('number')} r{r.get('revision')}" for r in problem.get("old_revisions") or []
               if isinstance(r, dict)]
        if numbers:
            print(f"{_t(lang, 'номера', 'numbers')}: {', '.join(numbers)}")
        if old:
            print(f"{_t(lang, 'прежние версии', 'earlier revisions')}: {', '.join(old)}")
        return 1
    name = printable(item.name or item.id[:SHORT_ID])
    print(_t(lang, f"{item.id[:SHORT_ID]} ({name}) удалён", f"{item.id[:SHORT_ID]} ({name}) removed"))
    return 0
