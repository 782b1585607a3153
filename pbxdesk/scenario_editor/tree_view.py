"""The scenario tree view. Rows are painted by Qt's own delegate from the model's roles (interval rows in
their colour, "+" rows as a button icon: tree_display.py, icons.py), so a repaint runs no Python."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from pbxdesk.scenario_editor import icons
from pbxdesk.scenario_editor.tree_items import PLUS
from pbxdesk.scenario_editor.tree_model import KIND_ROLE, ScenarioTreeModel

SMALL_INSERT = 16  # rows with rows below, expanded one by one after an insert


class ScenarioTreeView(QTreeView):
    """Emits ``plusActivated(index)`` when a "+" row is clicked or Enter is pressed on it."""

    plusActivated = Signal(QModelIndex)

    def __init__(self, model: ScenarioTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioTree")
        self._retranslate()
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setAnimated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setIconSize(QSize(icons.PLUS_WIDTH, icons.SIZE))  # smaller icons keep their 16 x 16
        self.setModel(model)
        model.rowsInserted.connect(self._expand_inserted)
        model.rowsRemoved.connect(self._collapse_emptied)
        model.modelReset.connect(self.expandAll)
        self.clicked.connect(self._clicked)
        self.expandAll()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Call scenario"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """Show new rows expanded. A few are expanded one by one (Qt inserts them into its layout when their
        parent was a leaf); many at once in one relayout, as ``expandRecursively`` does."""
        model = self.model()
        expandable: list[QModelIndex] = []
        stack = [model.index(row, 0, parent) for row in range(last, first - 1, -1)]
        while stack:
            index = stack.pop()
            count = model.rowCount(index)
            if count:
                expandable.append(index)
                stack.extend(model.index(row, 0, index) for row in range(count - 1, -1, -1))
        if len(expandable) > SMALL_INSERT:
            self.scheduleDelayedItemsLayout()  # then expand() only records what to show expanded
        self.expand(parent)
        for index in expandable:
            self.expand(index)

    def _collapse_emptied(self, parent: QModelIndex, _first: int, _last: int) -> None:
        # a row left without rows is no longer kept expanded: rows arriving under it later can then be
        # inserted into the layout instead of Qt laying out every row again
        if parent.isValid() and not self.model().rowCount(parent):
            self.collapse(parent)

    def _clicked(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == PLUS:
            self.plusActivated.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.data(KIND_ROLE) == PLUS:
            self.plusActivated.emit(index)
            event.accept()
            return
        super().keyPressEvent(event)
