"""What the scenario tree rows show: words, colours, problem marks, tooltips and flags (a mixin of the model).

The values are computed here from the domain tree and stored in each row's ``QStandardItem`` (``_fill`` for
a row not yet in the model, ``_refresh`` for a row in it: Qt skips unchanged values), so a view reads them
without calling Python. Every place that may change what a row shows calls ``_refresh`` on it. Validation
problems are mapped to rows by pointer (a problem inside an action marks the action; an empty branch marks
its branch row), from the document: a row built later (``tree_building``) finds its marks when it is filled,
and a pending node whose rows below are not built yet carries the marks of what is below it ("problems in
the actions below"), so a collapsed branch never hides a problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from pbxdesk.domain.problems import Problem, pointer, split
from pbxdesk.domain.walk import child_slots
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
_READ = object()  # "read it from the document"


class DisplayMixin:
    """The role values and flags of :class:`ScenarioTreeModel` rows, and the problem marks."""

    _marks: dict[tuple[str, bool], list[Problem]]
    _below: dict[str, list[Problem]]  # pending node pointer -> problems of the rows below it not built yet

    def _roles(self: ScenarioTreeModel, item: Item, value: Any = _READ, owner: Any = _READ) -> dict[int, Any]:
        """Every role a row answers (None: the row has no value for it). ``value`` (what the document holds at
        the row) and ``owner`` (at its parent row) are read from the document unless given."""
        kind = item.kind
        node_type = None
        if kind == NODE:
            node = self._node(item) if value is _READ else value
            text = labels.node_label(node, self.session.directory, self.session.media_names) if node is not None else ""
            node_type = node.type if node is not None else None
        else:
            text = self._text(item, owner)
        marks = self._marks_of(item)
        below = self._below.get(item.pointer, []) if item.pending else []
        severity = ("error" if any(p.is_error for p in marks + below) else "warning") if marks or below else None
        if marks or below:
            lines = [p.message(labels.ui_language()) for p in marks]
            tooltip: str | None = "\n".join(lines + ([labels.problems_below(len(below))] if below else []))
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
            return _DRAG_FLAGS if item.children or item.pending else _LEAF_DRAG_FLAGS
        if item.kind == PLUS:
            return _LEAF_DROP_FLAGS
        return _DROP_FLAGS if item.is_empty_slot() else _FLAGS

    def _fill(self: ScenarioTreeModel, item: Item, value: Any = _READ, owner: Any = _READ) -> QStandardItem:
        """A new, detached ``QStandardItem`` showing ``item`` (set as its ``qitem``; ``value`` and ``owner``
        as for ``_roles``)."""
        qitem = QStandardItem()
        qitem.setColumnCount(1)  # so that its first row below is no column insertion too
        qitem.setFlags(self._flags(item))  # first: Qt looks the flags up (a linear search) for every row it lays out
        qitem.setData(item.uid, UID_ROLE)
        for role, data in self._roles(item, value, owner).items():
            if data is not None:
                qitem.setData(data, role)
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

    def _interval_text(self: ScenarioTreeModel, interval_id: str) -> str:
        name = labels.interval_label(self.document, interval_id)
        return name if interval_id in self._occurring else f"{name} {labels.never_occurs_suffix()}"

    def _text(self: ScenarioTreeModel, item: Item, owner: Any = _READ) -> str:
        if item.kind == INTERVAL:
            return self._interval_text(item.key)
        if item.kind == SLOT:
            if owner is _READ:
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
    def _slot_path(self: ScenarioTreeModel, ptr: str) -> list[tuple[tuple[str, ...], Any, tuple[str, ...], Any]]:
        """The slots from the interval down to the deepest slot whose pointer is ``ptr`` or a prefix of it,
        read from the document, whether their rows are built or not: (slot tokens, the node owning the slot
        or None for the interval, the slot's key below its owner, what the slot holds). Empty when the
        interval has no row."""
        tokens = tuple(split(ptr))
        if len(tokens) < 2 or tokens[0] != "scenarios" or tokens[1] not in self.top_level_intervals():
            return []
        value = self.document.scenarios.get(tokens[1])
        path: list[tuple[tuple[str, ...], Any, tuple[str, ...], Any]] = [(tokens[:2], None, tokens[1:2], value)]
        depth = 2
        while value is not None and hasattr(value, "type"):
            owner = value
            for key, child in child_slots(owner):
                if tokens[depth:depth + len(key)] == key:
                    depth += len(key)
                    path.append((tokens[:depth], owner, key, child))
                    value = child
                    break
            else:
                break
        return path

    def mark_key(self: ScenarioTreeModel, ptr: str) -> tuple[str, bool] | None:
        path = self._slot_path(ptr)
        if not path:
            return None
        tokens, _owner, _key, value = path[-1]
        return (pointer(*tokens), value is not None and hasattr(value, "type"))

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
        self._place_marks_below()

    def _place_marks_below(self: ScenarioTreeModel) -> None:
        """Give each pending node the marks of the rows below it that are not built (after new problems, and
        after rows were built)."""
        below: dict[str, list[Problem]] = {}
        for (ptr, _on_node), problems in self._marks.items():
            if ptr in self._slots:
                continue
            holder = self._built_slot(ptr)
            node = holder.node_item() if holder is not None else None
            if node is not None and node.pending:
                below.setdefault(node.pointer, []).extend(problems)
        changed = {p for p in set(below) | set(self._below) if below.get(p) != self._below.get(p)}
        self._below = below
        for ptr in changed:
            slot = self._slots.get(ptr)
            node = slot.node_item() if slot is not None else None
            if node is not None:
                self._refresh(node)

    def branch_path(self: ScenarioTreeModel, ptr: str) -> str:
        """The branch in words: «Рабочее время › Кнопка 1 › если не ответили»."""
        parts = [self._interval_text(key[0]) if owner is None else labels.slot_label(key, owner.type)
                 for _tokens, owner, key, _value in self._slot_path(ptr)]
        return " › ".join(parts) if parts else ptr
