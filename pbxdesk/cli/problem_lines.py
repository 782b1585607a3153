"""``pbxdesk status``: the numbers whose routings have problems against the company directory, as the last
sync counted them on the server, each with its problems (pointer, code, message in ru/en) checked with the
profile's copy of the directory (what a directory import broke: a forward to someone who left...)."""

from __future__ import annotations

from typing import Any

from pbxdesk.domain.directory_impact import routing_problems
from pbxdesk.domain.text import printable
from pbxdesk.store import Store


def problems_data(store: Store, lang: str) -> list[dict[str, Any]]:
    """One entry per number with problems: number, name, revision, count and the problem lines."""
    counts = store.number_problems()
    if not counts:
        return []
    directory = store.get_directory()
    names = {n.number: n.name for n in store.list_numbers()}
    found = []
    for number, (revision, count) in counts.items():
        doc = store.get_saved(number) if store.has_number(number) else None
        problems = routing_problems(doc, directory) if doc is not None and directory is not None else []
        found.append({"number": number, "name": names.get(number, ""), "revision": revision, "problems": count,
                      "lines": [p.line(lang) for p in problems]})
    return found


def print_problems(entries: list[dict[str, Any]], lang: str) -> None:
    if not entries:
        return
    print(f"Проблемы из-за справочника компании (по последней синхронизации): {len(entries)}" if lang == "ru"
          else f"Problems against the company directory (as of the last sync): {len(entries)}")
    for e in entries:
        word = f"проблем: {e['problems']}" if lang == "ru" else f"{e['problems']} problem(s)"
        print(f"  {e['number']}  {printable(e['name'])}  [{word}]")
        for line in e["lines"]:
            print(f"    {line}")
