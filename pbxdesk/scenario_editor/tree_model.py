"""``ScenarioTreeModel``: a thin ``QAbstractItemModel`` adapter over the scenarios of a document.

The model holds only row items (kind, key, pointer); everything shown is read from the domain tree
when asked. On ``session.changed`` it re-reads the branch the pointer names and applies the difference
with proper begin/end insert/remove signals, so expansion and selection elsewhere survive edits.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from pbxdesk.domain.models import AnyNode, RoutingDocument
from pbxdesk.domain.problems import Problem, join, pointer, split
from pbxdesk.domain.schedule import occurring_intervals
from pbxdesk.domain.walk import child_slots, get_at
from pbxdesk.scenario_editor.tree_display import (  # noqa: F401  (roles are part of this module's API)
    COLOR_ROLE,
    KIND_ROLE,
    NODE_TYPE_ROLE,
    POINTER_ROLE,
    SEVERITY_ROLE,
    DisplayMixin,
)
from pbxdesk.scenario_editor.tree_dragdrop import DragDropMixin
from pbxdesk.scenario_editor.tree_items import INTERVAL, NODE, PLUS, ROOT, SLOT, Item
from pbxdesk.widgets.session import AREA_NAME, AREA_SCENARIOS, AREA_SCHEDULE, DocumentSession

ModelIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DRAG_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsDragEnabled
_DROP_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsDropEnabled


class ScenarioTreeModel(DisplayMixin, DragDropMixin, QAbstractItemModel):
    def __init__(self, session: DocumentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._root = Item(ROOT, None, "", None)
        self._items: dict[int, Item] = {}
        self._slots: dict[str, Item] = {}
        self._marks: dict[tuple[str, bool], list[Problem]] = {}
        self._occurring: set[str] = set()
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

    def _grow(self, item: Item) -> None:
        """Build every row below a fresh item and register them."""
        stack: list[tuple[Item, Any]] = [(item, None if item.kind == ROOT else item.value(self.document))]
        items, slots = self._items, self._slots
        while stack:
            current, value = stack.pop()
            items[current.uid] = current
            if current.kind == INTERVAL or current.kind == SLOT:
                slots[current.pointer] = current
            pairs = self._children_of(current, value)
            current.children = [self._new_item(current, key) for key, _v in pairs]
            stack.extend(zip(current.children, (v for _k, v in pairs), strict=True))

    def _forget(self, item: Item) -> None:
        for gone in item.walk():
            self._items.pop(gone.uid, None)
            if gone.is_slot() and self._slots.get(gone.pointer) is gone:
                del self._slots[gone.pointer]

    def _build_all(self) -> None:
        self._items.clear()
        self._slots.clear()
        self._root = Item(ROOT, None, "", None)
        self._grow(self._root)

    def reload(self) -> None:
        self.beginResetModel()
        self._build_all()
        self._marks.clear()
        self.endResetModel()

    # ---- applying changes -----------------------------------------------------------------------
    def _on_changed(self, area: str, ptr: str) -> None:
        if area == AREA_NAME:
            return
        if area == AREA_SCENARIOS and ptr.startswith("/scenarios/"):
            self._sync(self._root, deep=False)
            slot = self.slot_for_pointer(ptr)
            if slot is not None:
                self._sync(slot, deep=True)
        elif area == AREA_SCHEDULE:
            self._sync(self._root, deep=False)
            for item in list(self._root.children):
                self._sync(item, deep=False)
        else:
            self._sync(self._root, deep=True)

    def _sync(self, start: Item, deep: bool) -> None:
        stack = [start]
        while stack:
            item = stack.pop()
            if item is not self._root and item.uid not in self._items:
                continue
            kept = self._reconcile(item)
            if item is not self._root:
                index = self._index_of(item)
                self.dataChanged.emit(index, index)
            if deep:
                stack.extend(kept)
            elif item is start and item.kind != ROOT:
                for child in kept:
                    child_index = self._index_of(child)
                    self.dataChanged.emit(child_index, child_index)

    def _reconcile(self, item: Item) -> list[Item]:
        """Make the children of ``item`` match the document; returns the children that were kept."""
        desired = self._desired(item)
        if item.is_slot() and len(desired) == 1 and len(item.children) == 1 and item.children[0].key != desired[0]:
            self._morph(item.children[0], desired[0])
            return []
        wanted = set(desired)
        parent_index = self._index_of(item)
        for row in range(len(item.children) - 1, -1, -1):
            if item.children[row].key not in wanted:
                self._remove_rows(item, parent_index, row, row)
        kept_keys = [c.key for c in item.children]
        if kept_keys != [k for k in desired if k in set(kept_keys)]:
            self._remove_rows(item, parent_index, 0, len(item.children) - 1)
        kept = list(item.children)
        for pos, key in enumerate(desired):
            if pos < len(item.children) and item.children[pos].key == key:
                continue
            child = self._new_item(item, key)
            self._grow(child)
            self.beginInsertRows(parent_index, pos, pos)
            item.children.insert(pos, child)
            self._rows_moved(item)
            self.endInsertRows()
        return kept

    def _morph(self, child: Item, kind: str) -> None:
        """Turn a "+" row into a node row or back in place (its row stays; only rows below change)."""
        index = self._index_of(child)
        if child.children:
            self._remove_rows(child, index, 0, len(child.children) - 1)
        child.kind = child.key = kind
        if kind == NODE:
            value = child.value(self.document)
            fresh = [self._new_item(child, key) for key, _v in self._children_of(child, value)]
            for row in fresh:
                self._grow(row)
            if fresh:
                self.beginInsertRows(index, 0, len(fresh) - 1)
                child.children = fresh
                self.endInsertRows()
        self.dataChanged.emit(index, index)

    def _remove_rows(self, item: Item, parent_index: QModelIndex, first: int, last: int) -> None:
        if last < first:
            return
        self.beginRemoveRows(parent_index, first, last)
        gone = item.children[first:last + 1]
        del item.children[first:last + 1]
        self._rows_moved(item)
        for child in gone:
            self._forget(child)
        self.endRemoveRows()

    # ---- lookups --------------------------------------------------------------------------------
    def item(self, index: ModelIndex) -> Item | None:
        if not index.isValid():
            return self._root
        return self._items.get(index.internalId())

    def _index_of(self, item: Item) -> QModelIndex:
        if item.parent is None:
            return QModelIndex()
        if item.index_cache is None:
            item.index_cache = self.createIndex(item.row(), 0, item.uid)
        cached: QModelIndex = item.index_cache
        return cached

    @staticmethod
    def _rows_moved(item: Item) -> None:
        for child in item.children:
            child.index_cache = None

    def index_of(self, item: Item) -> QModelIndex:
        return self._index_of(item)

    def slot_for_pointer(self, ptr: str) -> Item | None:
        """The deepest slot row whose pointer is ``ptr`` or a prefix of it."""
        tokens = split(ptr)
        for n in range(len(tokens), 1, -1):
            found = self._slots.get(pointer(*tokens[:n]))
            if found is not None:
                return found
        return None

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
        return self._root.walk()[1:]

    def is_occurring(self, interval_id: str) -> bool:
        return interval_id in self._occurring

    # ---- Qt model interface ---------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = _NO_PARENT) -> QModelIndex:
        owner = self._items.get(parent.internalId()) if parent.isValid() else self._root
        if owner is None or column or row < 0 or row >= len(owner.children):
            return QModelIndex()
        return self.createIndex(row, 0, owner.children[row].uid)

    def parent(self, child: ModelIndex | None = None) -> Any:
        # hot path: Qt calls it for every persistent index (expanded rows) on each insert / remove
        if child is None:
            return super().parent()
        item = self._items.get(child.internalId())
        if item is None:
            return _NO_PARENT
        owner = item.parent
        if owner is None or owner.parent is None:
            return _NO_PARENT
        cached = owner.index_cache
        if cached is None:
            cached = owner.index_cache = self.createIndex(owner.parent.children.index(owner), 0, owner.uid)
        return cached

    def rowCount(self, parent: ModelIndex = _NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._root.children)
        if parent.column():
            return 0
        owner = self._items.get(parent.internalId())
        return len(owner.children) if owner is not None else 0

    def columnCount(self, parent: ModelIndex = _NO_PARENT) -> int:
        return 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        item = self._items.get(index.internalId()) if index.isValid() else None
        if item is None:
            return Qt.ItemFlag.NoItemFlags
        if item.kind == NODE:
            return _DRAG_FLAGS
        if item.kind == PLUS or item.is_empty_slot():
            return _DROP_FLAGS
        return _FLAGS

