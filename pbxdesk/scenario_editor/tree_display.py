"""What the scenario tree rows show: words, colours, problem marks, tooltips and flags (a mixin of the model).

The values are computed here from the domain tree and stored in each row's ``QStandardItem`` (``_fill`` for
a row not yet in the model, ``_refresh`` for a row in it: Qt skips unchanged values), so a view reads them
without calling Python. Every place that may change what a row shows calls ``_refresh`` on it. Validation
problems are mapped to rows by pointer (a problem inside an action marks the action; an empty branch marks
its branch row).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from pbxdesk.domain.problems import Problem
from pbxdesk.scenario_editor import icons, labels
from pbxdesk.scenario_editor.tree_items import INTERVAL, NODE, PLUS, ROOT, SLOT, Item

if TYPE_CHECKING:
    from pbxdesk.scenario_editor.tree_model import ScenarioTreeModel

POINTER_ROLE = int(Qt.ItemDataRole.UserRole) + 1
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 2
NODE_TYPE_ROLE = int(Qt.ItemDataRole.UserRole) + 3
SEVERITY_ROLE = int(Qt.ItemDataRole.UserRole) + 4
UID_ROLE = int(Qt.ItemDataRole.UserRole) + 6  # the row's ``Item.uid`` (index -> row item)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # never editable
_DRAG_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsDragEnabled
_DROP_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsDropEnabled
# a node or "+" row without rows below also says so: the view then neither lays it out as expandable nor
# keeps it expanded (one persistent index less for Qt to update on every removal); cleared before rows arrive
_LEAF = Qt.ItemFlag.ItemNeverHasChildren
_LEAF_DRAG_FLAGS = _DRAG_FLAGS | _LEAF
_LEAF_DROP_FLAGS = _DROP_FLAGS | _LEAF
_set_item_data = QStandardItemModel.setItemData  # the model refuses setItemData from outside


class DisplayMixin:
    """The role values and flags of :class:`ScenarioTreeModel` rows, and the problem marks."""

    _marks: dict[tuple[str, bool], list[Problem]]

    def _roles(self: ScenarioTreeModel, item: Item) -> dict[int, Any]:
        """Every role a row answers (None: the row has no value for it)."""
        kind = item.kind
        node_type = None
        if kind == NODE:
            node = self._node(item)
            text = labels.node_label(node, self.session.directory, self.session.media_names) if node is not None else ""
            node_type = node.type if node is not None else None
        else:
            text = self._text(item)
        marks = self._marks_of(item)
        severity = ("error" if any(p.is_error for p in marks) else "warning") if marks else None
        if marks:
            tooltip: str | None = "\n".join(p.message(labels.ui_language()) for p in marks)
        else:
            tooltip = labels.add_action_hint() if kind == PLUS else text
        roles: dict[int, Any] = {
            _DISPLAY: text, _ACCESSIBLE: text, _TOOLTIP: tooltip, POINTER_ROLE: item.pointer, KIND_ROLE: kind,
            NODE_TYPE_ROLE: node_type, SEVERITY_ROLE: severity,
            _DECORATION: icons.problem_icon(severity) if severity else None,
            _BACKGROUND: None, _FONT: None, _FOREGROUND: None,
        }
        if kind == INTERVAL:
            roles[_DECORATION] = icons.swatch(item.key, severity)
            roles[_BACKGROUND] = icons.tint_brush(item.key)  # the grid colour, lightened
            roles[_FONT] = icons.bold_font()
            roles[_FOREGROUND] = None if item.key in self._occurring else icons.muted_brush()
        elif kind == PLUS:  # a button, drawn as the row's icon: no words beside it, but for screen readers
            roles[_DISPLAY], roles[_DECORATION], roles[_ACCESSIBLE] = None, icons.plus_button(), tooltip
        return roles

    @staticmethod
    def _flags(item: Item) -> Qt.ItemFlag:
        if item.kind == NODE:
            return _DRAG_FLAGS if item.children else _LEAF_DRAG_FLAGS
        if item.kind == PLUS:
            return _LEAF_DROP_FLAGS
        return _DROP_FLAGS if item.is_empty_slot() else _FLAGS

    def _fill(self: ScenarioTreeModel, item: Item) -> QStandardItem:
        """A new, detached ``QStandardItem`` showing ``item`` (set as its ``qitem``)."""
        qitem = QStandardItem()
        qitem.setColumnCount(1)  # so that its first row below is no column insertion too
        qitem.setFlags(self._flags(item))  # first: Qt looks the flags up (a linear search) for every row it lays out
        qitem.setData(item.uid, UID_ROLE)
        for role, value in self._roles(item).items():
            if value is not None:
                qitem.setData(value, role)
        item.qitem = qitem
        return qitem

    def _refresh(self: ScenarioTreeModel, item: Item) -> None:
        """Store what ``item`` shows now (one ``dataChanged`` if anything differs, none otherwise)."""
        if item.kind == ROOT:
            return
        qitem: QStandardItem = item.qitem
        _set_item_data(self, self.indexFromItem(qitem), self._roles(item))
        flags = self._flags(item)
        if qitem.flags() != flags:
            qitem.setFlags(flags)

    def _text(self: ScenarioTreeModel, item: Item) -> str:
        if item.kind == INTERVAL:
            name = labels.interval_label(self.document, item.key)
            return name if item.key in self._occurring else f"{name} {labels.never_occurs_suffix()}"
        if item.kind == SLOT:
            owner = self._node(item.parent) if item.parent is not None else None
            return labels.slot_label(item.key, owner.type if owner is not None else "")
        if item.kind == NODE:
            node = self._node(item)
            return labels.node_label(node, self.session.directory, self.session.media_names) if node is not None else ""
        return labels.plus_label()

    def _marks_of(self: ScenarioTreeModel, item: Item) -> list[Problem]:
        if item.kind == NODE:
            return self._marks.get((item.pointer, True), [])
        if item.is_slot():
            return self._marks.get((item.pointer, False), [])
        return []

    def relabel(self: ScenarioTreeModel) -> None:
        """After a language switch: every row's words change, none of the structure."""
        for item in self.all_items():
            self._refresh(item)

    # ---- problems -------------------------------------------------------------------------------
    def mark_key(self: ScenarioTreeModel, ptr: str) -> tuple[str, bool] | None:
        slot = self.slot_for_pointer(ptr)
        if slot is None:
            return None
        return (slot.pointer, slot.node_item() is not None)

    def set_problems(self: ScenarioTreeModel, problems: list[Problem]) -> None:
        marks: dict[tuple[str, bool], list[Problem]] = {}
        for problem in problems:
            key = self.mark_key(problem.pointer)
            if key is not None:
                marks.setdefault(key, []).append(problem)
        touched = set(marks) | set(self._marks)
        self._marks = marks
        for ptr, on_node in touched:
            slot = self._slots.get(ptr)
            target = (slot.node_item() if on_node else slot) if slot is not None else None
            if target is not None:
                self._refresh(target)

    def branch_path(self: ScenarioTreeModel, ptr: str) -> str:
        """The branch in words: «Рабочее время › Кнопка 1 › если не ответили»."""
        slot = self.slot_for_pointer(ptr)
        parts: list[str] = []
        while slot is not None and slot.kind != ROOT:
            if slot.is_slot():
                parts.append(self._text(slot))
            slot = slot.parent
        return " › ".join(reversed(parts)) if parts else ptr
