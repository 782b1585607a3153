"""Routing documents and their differences in words, for the pending-changes, conflicts and history dialogs.

A document is shown unit by unit (the merge units of :mod:`pbxdesk.domain.merge`): the name, the time zone,
the schedule mode, each interval, each weekday's ranges, each exception date and each interval's scenario as
an indented tree of actions (``node_summary``). A changed scenario is compared node by node: which actions
were added, removed or changed, named by their branch («Рабочее время › кнопка 1 › если не ответили»).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from pbxdesk.desktop import i18n
from pbxdesk.domain.describe import DAY_NAMES, interval_name, node_summary
from pbxdesk.domain.document import from_dict
from pbxdesk.domain.merge import DOCUMENT_UNIT, units
from pbxdesk.domain.models import WEEKDAYS, Directory, RoutingDocument
from pbxdesk.domain.walk import child_slots, iter_nodes
from pbxdesk.schedule_grid.names import date_label

CTX = "SyncWords"


def _t(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def lang() -> str:
    return "en" if i18n.current_language() == "en" else "ru"


def mode_name(mode: str) -> str:
    if mode == "always":
        return QCoreApplication.translate("SyncWords", "Around the clock")
    if mode == "weekly":
        return QCoreApplication.translate("SyncWords", "By schedule")
    return mode


def day_name(day: str) -> str:
    return DAY_NAMES[lang()].get(day, day)


def unit_title(unit: str, doc: RoutingDocument | None) -> str:
    """``ranges:mon`` -> «Часы работы: понедельник»; ``scenario:working`` -> «Сценарий «Рабочее время»»."""
    kind, _, key = unit.partition(":")
    fixed = {"name": QCoreApplication.translate("SyncWords", "Name of the number"),
             "timezone": QCoreApplication.translate("SyncWords", "Time zone"),
             "schedule.mode": QCoreApplication.translate("SyncWords", "Schedule mode"),
             DOCUMENT_UNIT: QCoreApplication.translate("SyncWords", "The whole number (the merged result does "
                                                                    "not pass validation)")}
    if unit in fixed:
        return fixed[unit]
    name = interval_name(doc, key, lang()) if doc is not None else key
    if kind == "ranges":
        return QCoreApplication.translate("SyncWords", "Hours on %1").replace("%1", day_name(key))
    if kind == "exception":
        return QCoreApplication.translate("SyncWords", "Special day %1").replace("%1", date_label(key))
    if kind == "interval":
        return QCoreApplication.translate("SyncWords", "Interval “%1”").replace("%1", name)
    if kind == "scenario":
        return QCoreApplication.translate("SyncWords", "Scenario of “%1”").replace("%1", name)
    return unit


def _slot_words(tokens: list[str], parent: Any) -> str:
    if tokens and tokens[0] == "keys":
        return QCoreApplication.translate("SyncWords", "key %1").replace("%1", tokens[1])
    if tokens == ["no_input"]:
        return QCoreApplication.translate("SyncWords", "no key pressed")
    if tokens == ["next"] and parent is not None and parent.type == "message":
        return QCoreApplication.translate("SyncWords", "then")
    return QCoreApplication.translate("SyncWords", "if no answer")


def branch_words(doc: RoutingDocument, ptr: str) -> str:
    """A node's place in words: «Рабочее время › кнопка 1 › если не ответили» (the root: the interval)."""
    parts = ptr.strip("/").split("/")
    if len(parts) < 2 or parts[0] != "scenarios":
        return ptr
    words = [interval_name(doc, parts[1], lang())]
    node: Any = doc.scenarios.get(parts[1])
    rest = parts[2:]
    while rest and node is not None:
        take = 2 if rest[0] == "keys" else 1
        tokens, rest = rest[:take], rest[take:]
        if tokens[0] not in ("keys", "no_input", "next"):
            break
        words.append(_slot_words(tokens, node))
        node = node.keys.get(tokens[1]) if tokens[0] == "keys" else getattr(node, tokens[0], None)
    return " › ".join(words)


def scenario_lines(doc: RoutingDocument, interval_id: str, directory: Directory | None) -> list[str]:
    """The scenario of an interval as indented lines: «кнопка 1: Направить на отдел …»."""
    root = doc.scenarios.get(interval_id)
    if root is None:
        return [QCoreApplication.translate("SyncWords", "(no scenario)")]
    out: list[str] = []
    stack: list[tuple[int, str, Any, Any]] = [(0, "", root, None)]
    while stack:
        depth, label, node, _parent = stack.pop()
        prefix = "    " * depth + (label + ": " if label else "")
        if node is None:
            out.append(prefix + QCoreApplication.translate("SyncWords", "(empty branch)"))
            continue
        out.append(prefix + node_summary(node, directory, lang()))
        for tokens, child in reversed(child_slots(node)):
            stack.append((depth + 1, _slot_words(list(tokens), node), child, node))
    return out


def value_lines(unit: str, doc: RoutingDocument | None, directory: Directory | None) -> list[str]:
    """One side's value of ``unit`` in words (``doc`` None or the unit absent: «(нет)»)."""
    absent = [QCoreApplication.translate("SyncWords", "(none)")]
    if doc is None:
        return absent
    if unit == DOCUMENT_UNIT:
        return document_lines(doc, directory)
    value = units(doc).get(unit)
    if value is None:
        return absent
    kind, _, key = unit.partition(":")
    if unit == "schedule.mode":
        return [mode_name(str(value))]
    if kind == "ranges":
        return [f"{r['start']}–{r['end']} {interval_name(doc, r['interval'], lang())}" for r in value]
    if kind == "exception":
        ranges = value.get("ranges", [])
        if not ranges:
            return [QCoreApplication.translate("SyncWords", "closed all day")]
        return [f"{r['start']}–{r['end']} {interval_name(doc, r['interval'], lang())}" for r in ranges]
    if kind == "interval":
        return [str(value.get("name") or key)]
    if kind == "scenario":
        return scenario_lines(doc, key, directory)
    return [str(value)]


def document_lines(doc: RoutingDocument, directory: Directory | None) -> list[str]:
    """The whole document in words, unit by unit (titles followed by indented values)."""
    out: list[str] = []
    for unit in units(doc):
        out.append(unit_title(unit, doc))
        out += ["    " + line for line in value_lines(unit, doc, directory)]
    return out


@dataclass
class UnitDiff:
    unit: str
    title: str
    before: list[str]
    after: list[str]
    details: list[str] = field(default_factory=list)  # node by node, for scenarios


def _nodes(doc: RoutingDocument, interval_id: str) -> dict[str, Any]:
    prefix = f"/scenarios/{interval_id}"
    return {ptr: node for ptr, node in iter_nodes(doc) if ptr == prefix or ptr.startswith(prefix + "/")}


def _own(node: Any) -> dict[str, Any]:
    """A node's own settings (its children left out), to tell a changed action from a changed branch."""
    data = node.model_dump(mode="json")
    for key in ("next", "keys", "no_input"):
        data.pop(key, None)
    if node.type == "menu":
        data["keys"] = sorted(node.keys)
    return data


def scenario_details(old: RoutingDocument, new: RoutingDocument, interval_id: str,
                     directory: Directory | None) -> list[str]:
    """Node by node: «Добавлено: Рабочее время › кнопка 2: Сообщение …», «Изменено: …: A → B»."""
    before, after = _nodes(old, interval_id), _nodes(new, interval_id)
    out: list[str] = []
    lg = lang()
    for ptr, node in after.items():
        if ptr not in before:
            out.append(QCoreApplication.translate("SyncWords", "Added: %1: %2")
                       .replace("%1", branch_words(new, ptr)).replace("%2", node_summary(node, directory, lg)))
        elif _own(before[ptr]) != _own(node):
            old_text, new_text = node_summary(before[ptr], directory, lg), node_summary(node, directory, lg)
            text = old_text + " → " + new_text if old_text != new_text else new_text
            out.append(QCoreApplication.translate("SyncWords", "Changed: %1: %2")
                       .replace("%1", branch_words(new, ptr)).replace("%2", text))
    for ptr, node in before.items():
        if ptr not in after:
            out.append(QCoreApplication.translate("SyncWords", "Removed: %1: %2")
                       .replace("%1", branch_words(old, ptr)).replace("%2", node_summary(node, directory, lg)))
    return out


def diff_units(old: RoutingDocument | None, new: RoutingDocument, directory: Directory | None) -> list[UnitDiff]:
    """Every unit that differs between ``old`` and ``new``, in words (``old`` None: everything is new)."""
    a = units(old) if old is not None else {}
    b = units(new)
    keys = list(b) + [k for k in a if k not in b]
    out = []
    for unit in keys:
        if a.get(unit) == b.get(unit):
            continue
        doc = new if unit in b else old
        diff = UnitDiff(unit, unit_title(unit, doc), value_lines(unit, old, directory) if unit in a else
                        [_t("(none)")], value_lines(unit, new, directory) if unit in b else [_t("(none)")])
        kind, _, key = unit.partition(":")
        if kind == "scenario" and old is not None and unit in a and unit in b:
            diff.details = scenario_details(old, new, key, directory)
        out.append(diff)
    return out


def ordered_units(doc: RoutingDocument | None) -> list[str]:
    """Weekday units in calendar order, the rest as the document has them."""
    if doc is None:
        return []
    keys = list(units(doc))
    days = [f"ranges:{d}" for d in WEEKDAYS if f"ranges:{d}" in keys]
    return [k for k in keys if not k.startswith("ranges:")] + days


def doc_of(data: Any) -> RoutingDocument | None:
    try:
        return data if isinstance(data, RoutingDocument) else from_dict(data)
    except ValueError:
        return None
