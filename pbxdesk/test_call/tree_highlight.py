"""Marks the path of a test call in the scenario tree without touching the scenario editor's code.

:class:`TreeHighlighter` wraps the tree's own delegate: rows whose node pointer is on the path get a tint
(the current step a stronger one and a bar on the left), then the original delegate paints the row as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractItemDelegate, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from pbxdesk.scenario_editor.tree_items import NODE, PLUS
from pbxdesk.scenario_editor.tree_model import KIND_ROLE, POINTER_ROLE

PATH_TINT = QColor(255, 213, 79, 110)
CURRENT_TINT = QColor(255, 179, 0, 170)
BAR = QColor("#e65100")
BROKEN_TINT = QColor(229, 57, 53, 120)


class _HighlightDelegate(QStyledItemDelegate):
    def __init__(self, inner: QAbstractItemDelegate, owner: TreeHighlighter) -> None:
        super().__init__(owner.tree)
        self.inner = inner
        self.owner = owner

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        ptr = index.data(POINTER_ROLE)
        kind = index.data(KIND_ROLE)
        if kind == PLUS and ptr == self.owner.broken:
            painter.fillRect(option.rect, BROKEN_TINT)
        elif kind == NODE and ptr in self.owner.pointers:
            current = ptr == self.owner.current
            painter.fillRect(option.rect, CURRENT_TINT if current else PATH_TINT)
            if current:
                painter.fillRect(QRect(option.rect.left(), option.rect.top(), 4, option.rect.height()), BAR)
        self.inner.paint(painter, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.inner.sizeHint(option, index)


class TreeHighlighter(QObject):
    """``set_path(pointers, current)`` tints those node rows of ``tree``; ``clear()`` removes the tint."""

    def __init__(self, tree: QTreeView, parent: QObject | None = None) -> None:
        super().__init__(parent or tree)
        self.tree = tree
        self.pointers: set[str] = set()
        self.current: str | None = None
        self.broken: str | None = None
        inner = tree.itemDelegate()
        self._delegate = _HighlightDelegate(inner, self)
        tree.setItemDelegate(self._delegate)

    def set_path(self, pointers: set[str], current: str | None = None, broken: str | None = None) -> None:
        """Tint the node rows at ``pointers`` (``current`` stronger) and the "+" row of ``broken``."""
        self.pointers, self.current, self.broken = set(pointers), current, broken
        focus = broken or current
        if focus is not None:
            index = self.tree.model().index_for_pointer(focus)  # type: ignore[attr-defined]
            if index.isValid():
                self.tree.scrollTo(index)
        self.tree.viewport().update()

    def clear(self) -> None:
        self.set_path(set())

    def highlighted_rows(self) -> list[QModelIndex]:
        """The node rows painted as on the path (what a user sees tinted)."""
        model = self.tree.model()
        rows: list[QModelIndex] = []
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        while stack:
            index = stack.pop()
            if index.data(KIND_ROLE) == NODE and index.data(POINTER_ROLE) in self.pointers:
                rows.append(index)
            stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
        return rows
