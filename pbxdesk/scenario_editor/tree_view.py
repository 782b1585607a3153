"""The scenario tree view. Rows are painted by Qt's own delegate from the model's roles (interval rows in
their colour, "+" rows as a button icon: tree_display.py, icons.py), so a repaint runs no Python.

Every row the model has built is shown expanded; a pending node (rows not built yet: tree_building.py) is
shown collapsed, and expanding it (click, Right or +, double-click, a path shown by ``scrollTo``) has the
model build its rows, which are then shown expanded in turn. ``*`` expands everything below the current row."""

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
        self._bulk = False  # expand_all_below at work: the rows it builds are expanded at the end, at once
        model.rowsInserted.connect(self._expand_inserted)
        model.rowsRemoved.connect(self._collapse_emptied)
        model.modelReset.connect(self._expand_built)
        self.expanded.connect(self._fetch)
        self.clicked.connect(self._clicked)
        self._expand_built()

    def _expand_built(self, parent: QModelIndex | None = None) -> None:
        """Expand every built row below ``parent`` (the whole tree by default), in one relayout."""
        self.scheduleDelayedItemsLayout()  # expand() then only records what to show expanded
        model = self.model()
        stack = [QModelIndex() if parent is None else parent]
        while stack:
            index = stack.pop()
            count = model.rowCount(index)
            if count and (not index.isValid() or not model.is_pending(index)):
                if index.isValid():
                    self.expand(index)
                stack.extend(model.index(row, 0, index) for row in range(count))

    def _fetch(self, index: QModelIndex) -> None:
        if self._bulk:
            return
        model = self.model()
        item = model.row_item(index)
        if item is not None and item.pending:
            model.fetch(item)  # rowsInserted: _expand_inserted shows them expanded

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Call scenario"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """Show new rows expanded. A few are expanded one by one (Qt inserts them into its layout when their
        parent was a leaf); many at once in one relayout, as ``expandRecursively`` does."""
        if self._bulk:
            return
        model = self.model()
        expandable: list[QModelIndex] = []
        stack = [model.index(row, 0, parent) for row in range(last, first - 1, -1)]
        while stack:
            index = stack.pop()
            count = model.rowCount(index)
            if count and not model.is_pending(index):
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
        if event.key() == Qt.Key.Key_Asterisk and index.isValid():  # Qt's own would expand row by row
            self.expand_all_below(index)
            event.accept()
            return
        super().keyPressEvent(event)

    def expand_all_below(self, index: QModelIndex) -> None:
        """Build and expand every row below ``index`` (and ``index`` itself)."""
        model = self.model()
        item = model.row_item(index)
        if item is None:
            return
        self._bulk = True
        try:
            model.fetch_all(item)  # nothing below is pending now
            index = model.index_of(item)
            self.expand(index)
            self.expandRecursively(index)  # Qt's own walk: one relayout, no Python per row but the signal
        finally:
            self._bulk = False
