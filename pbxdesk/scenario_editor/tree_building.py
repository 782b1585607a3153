"""Rows built as far as they are shown (a mixin of :class:`~pbxdesk.scenario_editor.tree_model.ScenarioTreeModel`).

Opening a document, inserting a subtree and expanding a node build rows breadth first until ``row_budget``
rows are built; a node whose rows do not fit is *pending*: its ``QStandardItem`` holds one placeholder row
(a view shows it as expandable) and :meth:`fetch` builds its rows when the view expands it
(``ScenarioTreeView``). An ordinary scenario (tens of actions) is built whole; one of thousands of actions
opens with what fits some screens. Anything that looks a row up by pointer (selecting a problem, the test
call's path) builds the rows on the way to it; a change of the document below rows not built yet builds
nothing (they are built from the document when shown).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem

from pbxdesk.domain.problems import pointer, split
from pbxdesk.scenario_editor.tree_display import _READ
from pbxdesk.scenario_editor.tree_items import INTERVAL, NODE, ROOT, SLOT, Item

if TYPE_CHECKING:
    from pbxdesk.scenario_editor.tree_model import ScenarioTreeModel

ModelIndex = QModelIndex | QPersistentModelIndex
ROW_BUDGET = 300  # rows built ahead at a time: about seven screens of the tree (about 20 ms)


def _placeholder() -> QStandardItem:
    """The one row under a pending node: no data, never shown (the node's rows replace it when expanded)."""
    item = QStandardItem()
    item.setFlags(Qt.ItemFlag.ItemNeverHasChildren)
    return item


class BuildingMixin:
    """Building rows of :class:`ScenarioTreeModel` breadth first, pending nodes and their placeholders."""

    def _grow(self: ScenarioTreeModel, fresh: list[Item], budget: int | None) -> None:
        """Build the ``fresh`` items (not yet in the model) and rows below them, breadth first, until about
        ``budget`` rows are built (None: all); register them and make their detached QStandardItems. A slot
        is always built with its one row; a node whose rows do not fit is left pending (a placeholder row)."""
        doc = self.document
        queue = deque((item, None if item.kind == ROOT else item.value(doc)) for item in fresh)
        made: list[tuple[Item, object]] = []
        values: dict[int, object] = {}  # what the document holds at each row made: its children's owner
        items, slots = self._items, self._slots
        built = 0
        while queue:
            current, value = queue.popleft()
            made.append((current, value))
            values[current.uid] = value
            items[current.uid] = current
            if current.kind == INTERVAL or current.kind == SLOT:
                slots[current.pointer] = current
            pairs = self._children_of(current, value)
            if pairs and current.kind == NODE and budget is not None and built >= budget:
                current.children, current.pending = [], True
                continue
            children = [self._new_item(current, key) for key, _v in pairs]
            current.children = children
            built += len(pairs)
            queue.extend([(child, pair[1]) for child, pair in zip(children, pairs, strict=True)])
        missing = object()
        for row, value in reversed(made):  # children before their parent
            if row.kind == ROOT:
                continue
            parent = row.parent
            owner = values.get(parent.uid, missing) if parent is not None else None
            qitem = self._fill(row, value, owner if owner is not missing else _READ)
            if row.children:
                qitem.appendRows([child.qitem for child in row.children])
            elif row.pending:
                qitem.appendRow(_placeholder())

    def fetch(self: ScenarioTreeModel, item: Item, budget: int | None = -1) -> None:
        """Build the rows below the pending node ``item`` in place of its placeholder, and rows below them up
        to ``budget`` more (-1: the model's ``row_budget``; None: all)."""
        if not item.pending or self._items.get(item.uid) is not item:
            return
        item.pending = False
        fresh = [self._new_item(item, key) for key, _v in self._children_of(item, item.value(self.document))]
        item.children = fresh
        self._grow(fresh, self.row_budget if budget == -1 else budget)
        qitem: QStandardItem = item.qitem
        if fresh:
            qitem.insertRows(0, [child.qitem for child in fresh])
        qitem.removeRow(len(fresh))  # the placeholder, after the rows now
        self._refresh(item)  # no longer pending: its own marks only (or a leaf after all)
        self._place_marks_below()

    def fetch_all(self: ScenarioTreeModel, item: Item | None = None) -> None:
        """Build every row below ``item`` (the whole tree by default). When rows below it are pending, its
        rows are built again as one detached subtree and replace the old ones in one removal and one
        insertion: Qt updates every persistent index (each expanded row is one) on each change of rows, so
        filling hundreds of pending nodes one by one would cost that many times over."""
        item = item or self._root
        if self._items.get(item.uid) is not item and item is not self._root:
            return
        if not any(row.pending for row in item.walk()):
            return
        if item is self._root:  # the interval rows are always built
            for interval in list(item.children):
                self.fetch_all(interval)
            return
        if item.children:
            self._remove_rows(item, 0, len(item.children) - 1)
        elif item.pending:
            item.qitem.removeRow(0)
        item.pending = False
        fresh = [self._new_item(item, key) for key, _v in self._children_of(item, item.value(self.document))]
        item.children = fresh
        self._grow(fresh, None)
        if fresh:
            item.qitem.appendRows([row.qitem for row in fresh])
        self._refresh(item)
        self._place_marks_below()

    def is_pending(self: ScenarioTreeModel, index: ModelIndex) -> bool:
        """True for a node row whose rows are not built yet (it holds the placeholder)."""
        item = self.row_item(index) if index.isValid() else None
        return item is not None and item.pending

    def _built_slot(self: ScenarioTreeModel, ptr: str) -> Item | None:
        """The deepest slot row built so far whose pointer is ``ptr`` or a prefix of it."""
        tokens = split(ptr)
        for n in range(len(tokens), 1, -1):
            found = self._slots.get(pointer(*tokens[:n]))
            if found is not None:
                return found
        return None

    def slot_for_pointer(self: ScenarioTreeModel, ptr: str) -> Item | None:
        """The deepest slot row whose pointer is ``ptr`` or a prefix of it, building the rows on the way."""
        slot = self._built_slot(ptr)
        tokens = tuple(split(ptr))
        while slot is not None:
            node = slot.node_item()
            if node is None or node is slot or len(tokens) <= len(node.tokens):
                break
            if node.pending:
                self.fetch(node, 0)  # its branch rows and their actions; nothing deeper
            deeper = next((c for c in node.children if tokens[:len(c.tokens)] == c.tokens), None)
            if deeper is None:
                break
            slot = deeper
        return slot
