"""The rows of the scenario tree, as a light mirror of the domain tree (no copies of node data).

Each row also holds the ``QStandardItem`` that shows it (``qitem``); the model keeps the two in step.
Rows are built as far as they are shown: a node whose rows below are not built yet is ``pending`` (its
``QStandardItem`` holds one placeholder row, so a view shows it as expandable) and has no children items
until it is expanded; a slot is always built with its one row.

Row kinds: ``interval`` (top level; the slot of a scenario root), ``slot`` (a menu key, "nothing
pressed", or the continuation of a message / forward), ``node`` (an action) and ``plus`` (where R5/R13
allow a node and there is none). A slot has exactly one child (its node, or "+"); a node's children
are its slots (``walk.child_slots``). Items of a slot and of the node in it share the pointer.
"""

from __future__ import annotations

from itertools import count
from typing import Any

ROOT, INTERVAL, SLOT, NODE, PLUS = "root", "interval", "slot", "node", "plus"
_uids = count(1)


class Item:
    __slots__ = ("uid", "kind", "key", "pointer", "tokens", "parent", "children", "qitem", "pending")

    def __init__(self, kind: str, key: Any, pointer: str, parent: Item | None,
                 tokens: tuple[str, ...] = ()) -> None:
        self.uid = next(_uids)
        self.kind = kind
        self.key = key
        self.pointer = pointer
        self.tokens = tokens  # the pointer's reference tokens, for walking without parsing
        self.parent = parent
        self.children: list[Item] = []
        self.qitem: Any = None  # the QStandardItem showing this row (None for ROOT)
        self.pending = False  # a node with rows below it in the document that are not built yet

    def is_slot(self) -> bool:
        return self.kind in (INTERVAL, SLOT)

    def is_empty_slot(self) -> bool:
        return self.is_slot() and (not self.children or self.children[0].kind == PLUS)

    def node_item(self) -> Item | None:
        """The node row of a slot (or the node itself)."""
        if self.kind == NODE:
            return self
        if self.is_slot() and self.children and self.children[0].kind == NODE:
            return self.children[0]
        return None

    def slot_item(self) -> Item | None:
        """The slot row a node or "+" sits in (or the slot itself)."""
        if self.is_slot():
            return self
        if self.kind in (NODE, PLUS):
            return self.parent
        return None

    def value(self, document: Any) -> Any:
        """What the document holds at this row's pointer (None when it holds nothing there)."""
        current = document.scenarios
        for token in self.tokens[1:]:
            if current is None:
                return None
            if isinstance(current, dict):
                current = current.get(token)
            else:
                current = getattr(current, token, None)
        return current

    def walk(self) -> list[Item]:
        """This item and all built items below it, pre-order."""
        out: list[Item] = []
        stack = [self]
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(reversed(item.children))
        return out
