"""Undo commands of the scenario tree: set / clear / move nodes, each slot notified on its own.

A command notifies ``session.changed("scenarios", pointer)`` once per place it changed, so the tree
model re-reads exactly those branches (``SetValuesCommand`` notifies only the shortest pointer).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from pbxdesk.domain.models import AnyNode
from pbxdesk.domain.problems import split
from pbxdesk.domain.walk import delete_at, get_at, set_at
from pbxdesk.widgets.session import AREA_SCENARIOS, MISSING, DocumentSession


def _copy(value: Any) -> Any:
    if value is MISSING or value is None:
        return value
    return value.model_copy(deep=True) if hasattr(value, "model_copy") else value


def read_slot(session: DocumentSession, ptr: str) -> Any:
    """The node at a pointer, None for an empty slot, MISSING when the place does not exist."""
    try:
        return get_at(session.document, ptr)
    except (KeyError, IndexError, ValueError):
        return MISSING


def empty_value(ptr: str) -> Any:
    """What an emptied slot holds: a scenario disappears, a key / no_input / next becomes null."""
    tokens = split(ptr)
    return MISSING if len(tokens) == 2 and tokens[0] == "scenarios" else None


class TreeEditCommand(QUndoCommand):
    """Put nodes (or None / MISSING) at scenario pointers; undo puts back what was there."""

    def __init__(self, session: DocumentSession, changes: dict[str, Any], text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._session = session
        self._new = {p: _copy(v) for p, v in changes.items()}
        self._old = {p: _copy(read_slot(session, p)) for p in changes}

    def _apply(self, values: dict[str, Any]) -> None:
        doc = self._session.document
        order = sorted(values, key=len)
        for ptr in order:
            value = values[ptr]
            if value is MISSING:
                delete_at(doc, ptr)
            else:
                set_at(doc, ptr, _copy(value))
        for ptr in order:
            self._session.notify(AREA_SCENARIOS, ptr)

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


def set_node(session: DocumentSession, ptr: str, node: AnyNode | None, text: str) -> None:
    session.push(TreeEditCommand(session, {ptr: node if node is not None else empty_value(ptr)}, text))


def delete_node(session: DocumentSession, ptr: str, text: str) -> None:
    session.push(TreeEditCommand(session, {ptr: empty_value(ptr)}, text))


def move_node(session: DocumentSession, source: str, target: str, text: str) -> bool:
    """Move the subtree at ``source`` into the empty slot ``target`` (one undo step)."""
    node = read_slot(session, source)
    if node is MISSING or node is None or target == source or target.startswith(source + "/"):
        return False
    session.push(TreeEditCommand(session, {source: empty_value(source), target: node}, text))
    return True
