"""``ScenarioTreeModel``: the scenarios of a document as a ``QStandardItemModel`` mirror of row items.

The model holds row items (kind, key, pointer; ``tree_items``) and, for each, a ``QStandardItem`` storing
what the row shows (``tree_display``), so views and Qt's bookkeeping of persistent indexes never call
Python. On ``session.changed`` it re-reads the branch the pointer names and applies the difference: new
rows are built as a detached subtree and inserted at once, gone rows are removed, kept rows refreshed,
so expansion and selection elsewhere survive edits. Only the model changes the rows: the item-model
editing API (setData, insertRows, removeRows, ...) refuses callers from outside, as a view's move-drag.

Rows are built as far as they are shown (``tree_building``): a scenario of thousands of actions opens
with what fits some screens, the rest is built when expanded or looked up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItemModel

from pbxdesk.domain.models import AnyNode, RoutingDocument
from pbxdesk.domain.problems import Problem, join, pointer
from pbxdesk.domain.schedule import occurring_intervals
from pbxdesk.domain.walk import child_slots, get_at
from pbxdesk.scenario_editor.tree_building import ROW_BUDGET, BuildingMixin
from pbxdesk.scenario_editor.tree_display import (  # noqa: F401  (roles are part of this module's API)
    KIND_ROLE,
    NODE_TYPE_ROLE,
    POINTER_ROLE,
    SEVERITY_ROLE,
    UID_ROLE,
    DisplayMixin,
)
from pbxdesk.scenario_editor.tree_dragdrop import DragDropMixin
from pbxdesk.scenario_editor.tree_items import INTERVAL, NODE, PLUS, ROOT, SLOT, Item
from pbxdesk.widgets.session import AREA_NAME, AREA_SCENARIOS, AREA_SCHEDULE, DocumentSession

ModelIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


class ScenarioTreeModel(BuildingMixin, DisplayMixin, DragDropMixin, QStandardItemModel):
    def __init__(self, session: DocumentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._root = Item(ROOT, None, "", None)
        # no drops between the top rows. The root item is Qt's: no Python wrapper of it is kept (Qt deletes it
        # with the model without telling Python), the top rows go through the model's own row functions.
        self.invisibleRootItem().setFlags(Qt.ItemFlag.NoItemFlags)
        self._items: dict[int, Item] = {}
        self._slots: dict[str, Item] = {}
        self._marks: dict[tuple[str, bool], list[Problem]] = {}
        self._below: dict[str, list[Problem]] = {}
        self._occurring: set[str] = set()
        self.row_budget: int | None = ROW_BUDGET  # None: build every row at once
        self._build_all()
        session.changed.connect(self._on_changed)
        session.documentReplaced.connect(self.reload)

    # ---- domain reading -------------------------------------------------------------------------
    @property
    def document(self) -> RoutingDocument:
        return self.session.document

    def node_at(self, ptr: str) -> AnyNode | None:
        try:
            found = get_at(self.document, ptr)
        except (KeyError, IndexError, ValueError):
            return None
        return found if hasattr(found, "type") else None

    def _top_keys(self) -> list[str]:
        doc = self.document
        self._occurring = set(occurring_intervals(doc))
        declared = [iv.id for iv in doc.schedule.intervals]
        keys = [i for i in declared if i in self._occurring or doc.scenarios.get(i) is not None]
        keys += [i for i, node in doc.scenarios.items() if i not in declared and node is not None]
        return keys

    def _plus_allowed(self, item: Item) -> bool:
        return item.kind == SLOT or (item.kind == INTERVAL and item.key in self._occurring)

    def _children_of(self, item: Item, value: Any) -> list[tuple[Any, Any]]:
        """(key, document value) of the rows that belong under ``item`` holding ``value``."""
        if item.kind == ROOT:
            scenarios = self.document.scenarios
            return [(key, scenarios.get(key)) for key in self._top_keys()]
        if item.kind == INTERVAL or item.kind == SLOT:
            if value is not None and hasattr(value, "type"):
                return [(NODE, value)]
            return [(PLUS, None)] if self._plus_allowed(item) else []
        if item.kind == NODE and value is not None:
            return [(tokens, child) for tokens, child in child_slots(value)]
        return []

    def _desired(self, item: Item) -> list[Any]:
        value = None if item.kind == ROOT else item.value(self.document)
        return [key for key, _value in self._children_of(item, value)]

    def _new_item(self, parent: Item, key: Any) -> Item:
        if parent.kind == ROOT:
            return Item(INTERVAL, key, pointer("scenarios", key), parent, ("scenarios", key))
        if parent.is_slot():
            return Item(key, key, parent.pointer, parent, parent.tokens)
        return Item(SLOT, key, join(parent.pointer, *key), parent, parent.tokens + key)

    def _node(self, item: Item) -> AnyNode | None:
        found = item.value(self.session.document)
        return found if hasattr(found, "type") else None

    def _forget(self, item: Item) -> None:
        for gone in item.walk():
            self._items.pop(gone.uid, None)
            if gone.is_slot() and self._slots.get(gone.pointer) is gone:
                del self._slots[gone.pointer]
            gone.qitem = None  # Qt deletes the QStandardItems of removed rows

    def _build_all(self) -> None:
        self._items.clear()
        self._slots.clear()
        self._root = Item(ROOT, None, "", None)
        self._grow([self._root], self.row_budget)
        for pos, child in enumerate(self._root.children):
            self.insertRow(pos, [child.qitem])

    def reload(self) -> None:
        self.beginResetModel()
        blocked = self.blockSignals(True)  # one reset, not a removal and insertions inside it
        try:
            QStandardItemModel.removeRows(self, 0, self.rowCount())
            self._marks.clear()
            self._below.clear()
            self._build_all()
        finally:
            self.blockSignals(blocked)
        self.endResetModel()

    # ---- applying changes -----------------------------------------------------------------------
    def _on_changed(self, area: str, ptr: str) -> None:
        if area == AREA_NAME:
            return
        if area == AREA_SCENARIOS and ptr.startswith("/scenarios/"):
            self._sync(self._root, deep=False)
            slot = self._built_slot(ptr)  # rows not built yet are built from the document when shown
            if slot is not None:
                self._sync(slot, deep=True)
        elif area == AREA_SCHEDULE:
            self._sync(self._root, deep=False)
            for item in list(self._root.children):
                self._sync(item, deep=False)
        else:
            self._sync(self._root, deep=True)

    def _sync(self, start: Item, deep: bool) -> None:
        """Reconcile ``start`` (and with ``deep`` all below it) and refresh what the kept rows show."""
        stack = [start]
        while stack:
            item = stack.pop()
            if item is not self._root and item.uid not in self._items:
                continue
            kept = self._reconcile(item)
            self._refresh(item)
            if deep:
                stack.extend(kept)
            elif item is start and item.kind != ROOT:
                for child in kept:
                    self._refresh(child)

    def _reconcile(self, item: Item) -> list[Item]:
        """Make the children of ``item`` match the document; returns the children that were kept."""
        if item.pending:  # its rows are not built: only whether it has any can change
            if not self._children_of(item, item.value(self.document)):
                item.pending = False
                item.qitem.removeRow(0)
            return []
        desired = self._desired(item)
        if item.is_slot() and len(desired) == 1 and len(item.children) == 1 and item.children[0].key != desired[0]:
            self._morph(item.children[0], desired[0])
            return []
        wanted = set(desired)
        for row in range(len(item.children) - 1, -1, -1):
            if item.children[row].key not in wanted:
                self._remove_rows(item, row, row)
        kept_keys = [c.key for c in item.children]
        if kept_keys != [k for k in desired if k in set(kept_keys)]:
            self._remove_rows(item, 0, len(item.children) - 1)
        kept = list(item.children)
        for pos, key in enumerate(desired):
            if pos < len(item.children) and item.children[pos].key == key:
                continue
            child = self._new_item(item, key)
            self._grow([child], self.row_budget)
            qitem = child.qitem
            item.children.insert(pos, child)
            if item.kind == ROOT:
                self.insertRow(pos, [qitem])
                continue
            if len(item.children) == 1:
                item.qitem.setFlags(self._flags(item))  # no longer a leaf
            item.qitem.insertRow(pos, [qitem])  # the list overload: the model takes ownership
        return kept

    def _morph(self, child: Item, kind: str) -> None:
        """Turn a "+" row into a node row or back in place (its row stays; only rows below change)."""
        if child.children:
            self._remove_rows(child, 0, len(child.children) - 1)
        elif child.pending:
            child.qitem.removeRow(0)
        child.kind = child.key = kind
        child.pending = False
        fresh: list[Item] = []
        if kind == NODE:
            value = child.value(self.document)
            fresh = [self._new_item(child, key) for key, _v in self._children_of(child, value)]
        child.children = fresh
        self._refresh(child)  # before its rows arrive: a row with rows is no leaf
        if fresh:
            self._grow(fresh, self.row_budget)
            child.qitem.appendRows([row.qitem for row in fresh])

    def _remove_rows(self, item: Item, first: int, last: int) -> None:
        if last < first:
            return
        gone = item.children[first:last + 1]
        del item.children[first:last + 1]
        for child in gone:
            self._forget(child)
        if item.kind == ROOT:
            QStandardItemModel.removeRows(self, first, last - first + 1)
        else:
            item.qitem.removeRows(first, last - first + 1)

    # ---- lookups --------------------------------------------------------------------------------
    def row_item(self, index: ModelIndex) -> Item | None:
        """The row item of ``index`` (the root for an invalid index; None for a row that is gone)."""
        if not index.isValid():
            return self._root
        uid = index.data(UID_ROLE)
        return self._items.get(uid) if uid is not None else None

    def _index_of(self, item: Item) -> QModelIndex:
        if item.parent is None or item.qitem is None:
            return QModelIndex()
        return self.indexFromItem(item.qitem)

    def index_of(self, item: Item) -> QModelIndex:
        return self._index_of(item)

    def index_for_pointer(self, ptr: str, prefer_node: bool = True) -> QModelIndex:
        """The node row at ``ptr`` (or its "+" / slot row when the slot is empty)."""
        slot = self.slot_for_pointer(ptr)
        if slot is None:
            return QModelIndex()
        target = slot.node_item() if prefer_node else None
        if target is None and prefer_node and slot.children:
            target = slot.children[0]
        return self._index_of(target or slot)

    def top_level_intervals(self) -> list[str]:
        return [c.key for c in self._root.children]

    def all_items(self) -> list[Item]:
        """Every row built so far (see ``fetch_all``)."""
        return self._root.walk()[1:]

    def is_occurring(self, interval_id: str) -> bool:
        return interval_id in self._occurring

    # ---- the item-model editing API: rows change only through the document ----------------------
    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False

    def setItemData(self, index: ModelIndex, roles: dict[int, Any]) -> bool:
        return False

    def clearItemData(self, index: ModelIndex) -> bool:
        return False

    def insertRows(self, row: int, count: int, parent: ModelIndex = _NO_PARENT) -> bool:
        return False

    def removeRows(self, row: int, count: int, parent: ModelIndex = _NO_PARENT) -> bool:
        # a view calls this on the dragged rows after a successful move-drop: the move command did it already
        return False

    def moveRows(self, source: ModelIndex, row: int, count: int, target: ModelIndex, child: int) -> bool:
        return False
