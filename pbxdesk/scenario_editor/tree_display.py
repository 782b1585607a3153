"""What the scenario tree rows show: words, colours, problem marks and tooltips (a mixin of the model).

Everything is read from the domain tree when a view asks; validation problems are mapped to rows by
pointer (a problem inside an action marks the action; an empty branch marks its branch row).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from pbxdesk.domain.problems import Problem
from pbxdesk.scenario_editor import icons, labels
from pbxdesk.scenario_editor.tree_items import INTERVAL, NODE, PLUS, ROOT, SLOT, Item
from pbxdesk.widgets.palette import interval_color

if TYPE_CHECKING:
    from pbxdesk.scenario_editor.tree_model import ScenarioTreeModel

ModelIndex = QModelIndex | QPersistentModelIndex
POINTER_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
NODE_TYPE_ROLE = Qt.ItemDataRole.UserRole + 3
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 4
COLOR_ROLE = Qt.ItemDataRole.UserRole + 5  # the interval's grid colour (interval rows)


class DisplayMixin:
    """``data()`` and the problem marks of :class:`ScenarioTreeModel`."""

    _marks: dict[tuple[str, bool], list[Problem]]

    def data(self: ScenarioTreeModel, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._items.get(index.internalId()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == POINTER_ROLE:
            return item.pointer
        if role == KIND_ROLE:
            return item.kind
        if role == NODE_TYPE_ROLE:
            node = self._node(item) if item.kind == NODE else None
            return node.type if node is not None else None
        if role == SEVERITY_ROLE:
            return self._severity(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(item)
        if item.kind == INTERVAL and role in (Qt.ItemDataRole.BackgroundRole, COLOR_ROLE):
            color = interval_color(item.key)
            return color if role == COLOR_ROLE else QBrush(color)
        if role == Qt.ItemDataRole.FontRole and item.kind in (INTERVAL, PLUS):
            return icons.bold_font()
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.kind == PLUS:
                return icons.plus_brush()
            if item.kind == INTERVAL and item.key not in self._occurring:
                return icons.muted_brush()
        return None

    def _text(self: ScenarioTreeModel, item: Item) -> str:
        if item.kind == INTERVAL:
            name = labels.interval_label(self.document, item.key)
            return name if item.key in self._occurring else f"{name} {labels.never_occurs_suffix()}"
        if item.kind == SLOT:
            owner = self._node(item.parent) if item.parent is not None else None
            return labels.slot_label(item.key, owner.type if owner is not None else "")
        if item.kind == NODE:
            node = self._node(item)
            return labels.node_label(node, self.session.directory) if node is not None else ""
        return labels.plus_label()

    def _marks_of(self: ScenarioTreeModel, item: Item) -> list[Problem]:
        if item.kind == NODE:
            return self._marks.get((item.pointer, True), [])
        if item.is_slot():
            return self._marks.get((item.pointer, False), [])
        return []

    def _severity(self: ScenarioTreeModel, item: Item) -> str | None:
        marks = self._marks_of(item)
        if not marks:
            return None
        return "error" if any(p.is_error for p in marks) else "warning"

    def _decoration(self: ScenarioTreeModel, item: Item) -> Any:
        severity = self._severity(item)
        if item.kind == INTERVAL:
            return icons.swatch(item.key, severity)
        return icons.problem_icon(severity) if severity else None

    def _tooltip(self: ScenarioTreeModel, item: Item) -> str | None:
        marks = self._marks_of(item)
        if marks:
            return "\n".join(p.message(labels.ui_language()) for p in marks)
        if item.kind == PLUS:
            return labels.add_action_hint()
        return self._text(item)

    def relabel(self: ScenarioTreeModel) -> None:
        """After a language switch: every row's words change, none of the structure."""
        for item in self._root.children:
            first = self._index_of(item)
            self.dataChanged.emit(first, first)
            for below in item.walk()[1:]:
                index = self._index_of(below)
                self.dataChanged.emit(index, index)

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
                index = self._index_of(target)
                self.dataChanged.emit(index, index)

    def branch_path(self: ScenarioTreeModel, ptr: str) -> str:
        """The branch in words: «Рабочее время › Кнопка 1 › если не ответили»."""
        slot = self.slot_for_pointer(ptr)
        parts: list[str] = []
        while slot is not None and slot.kind != ROOT:
            if slot.is_slot():
                parts.append(self._text(slot))
            slot = slot.parent
        return " › ".join(reversed(parts)) if parts else ptr

