"""Where the main window's room goes: the numbers list, the open numbers and the panels beside them.

* The numbers list can be hidden (View › Numbers list, F9, or the toolbar) to give an open number the whole
  width; opening a number on a window narrower than ``ROOMY_WIDTH`` hides it, closing the last number shows
  it again, and Find (Ctrl+F) brings it back to search.
* Panels beside the editors are dock widgets (``add_panel``): each gets a View menu entry and a toolbar toggle,
  can be hidden, moved to another edge or float, and keeps its place between runs (``MAIN_STATE``). The
  test call is the first: it is shown with the first open number when the window is roomy, or as the user
  last chose (``TEST_CALL_DOCK``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from pbxdesk.app.test_call_dock import DOCK_WIDTH, TestCallDock
from pbxdesk.desktop.options import MAIN_STATE, TEST_CALL_DOCK

ROOMY_WIDTH = 1600  # logical pixels: below this an open number and the numbers list do not both fit well
LIST_WIDTH = 340  # the list beside an open number: its number and name columns
LIST_ALONE_WIDTH = 760  # the list with no number open: "Right now" too


class WindowViews:
    """Mixed into MainWindow (which provides splitter, list_panel, tabs, settings, menus and the toolbar)."""

    splitter: Any
    list_panel: Any
    tabs: Any
    search: Any
    settings: Any
    menu_view: Any
    toolbar: Any
    addDockWidget: Any
    resizeDocks: Any
    restoreState: Any
    saveState: Any
    width: Any

    def _make_views(self) -> None:
        self.act_numbers_list = QAction(self)  # type: ignore[arg-type]
        self.act_numbers_list.setObjectName("actionNumbersList")
        self.act_numbers_list.setCheckable(True)
        self.act_numbers_list.setChecked(True)
        self.act_numbers_list.setShortcut(QKeySequence("F9"))
        self.act_numbers_list.triggered.connect(self.show_numbers_list)
        self.menu_view.addAction(self.act_numbers_list)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_numbers_list)
        self.test_call_dock = TestCallDock(self)  # type: ignore[arg-type]
        self.act_test_call = self.add_panel(self.test_call_dock, Qt.DockWidgetArea.RightDockWidgetArea,
                                            QKeySequence("F8"), "actionTestCall")
        self.act_test_call.triggered.connect(self._test_call_toggled)
        self.test_call_dock.closedByUser.connect(lambda: self._test_call_toggled(False))
        state = self.settings.get(MAIN_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self.test_call_dock.hide()  # until a number is open

    def add_panel(self, dock: QDockWidget, area: Qt.DockWidgetArea, shortcut: QKeySequence | None = None,
                  name: str = "") -> QAction:
        """Add a panel beside the editors; its toggle goes to the View menu and the toolbar."""
        self.addDockWidget(area, dock)
        action = dock.toggleViewAction()
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        self.menu_view.addAction(action)
        self.toolbar.addAction(action)
        return action

    def _test_call_toggled(self, shown: bool) -> None:
        self.settings.set(TEST_CALL_DOCK, "shown" if shown else "hidden")
        if shown:
            self._size_test_call()

    def _size_test_call(self) -> None:
        if not self.test_call_dock.isFloating():
            self.resizeDocks([self.test_call_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    def _retranslate_views(self) -> None:  # (the window's translation context: this is a part of it)
        self.menu_view.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.act_numbers_list.setText(QCoreApplication.translate("MainWindow", "Numbers list"))
        self.act_numbers_list.setToolTip(QCoreApplication.translate("MainWindow",
                                                                    "Show or hide the list of numbers (F9)"))
        self.test_call_dock.retranslate()
        self.act_test_call.setText(QCoreApplication.translate("MainWindow", "Test call"))
        self.act_test_call.setToolTip(QCoreApplication.translate(
            "MainWindow", "Show or hide the test call of the open number (F8)"))

    # -- the numbers list ---------------------------------------------------------------------------------
    def show_numbers_list(self, visible: bool = True) -> None:
        """Show (as wide as :meth:`fit_numbers_list` makes it) or hide the numbers list."""
        shown = self.list_panel.isVisible()
        self.list_panel.setVisible(visible)
        self.act_numbers_list.setChecked(visible)
        if visible and not shown:
            self.fit_numbers_list()
        if not visible and self.tabs.count():
            self.tabs.currentWidget().setFocus()

    def fit_numbers_list(self) -> None:
        """Beside an open number the list shows its number and name columns (``LIST_WIDTH``); alone it has
        room for what a call gets right now too (``LIST_ALONE_WIDTH``, less on a narrow window). A window
        that grows or shrinks later changes the editor's width, not the list's."""
        sizes = self.splitter.sizes()
        if len(sizes) != 2 or not self.list_panel.isVisible():
            return
        total = sum(sizes)
        width = LIST_WIDTH if self.tabs.count() else min(LIST_ALONE_WIDTH, int(total * 0.6))
        if sizes[0] != width:
            self.splitter.setSizes([width, max(0, total - width)])

    def find_number(self) -> None:
        self.show_numbers_list(True)
        self.search.setFocus()
        self.search.selectAll()

    # -- opening and closing numbers ----------------------------------------------------------------------
    def editor_opened_layout(self) -> None:
        roomy = self.width() >= ROOMY_WIDTH
        if not roomy:
            self.show_numbers_list(False)
        else:
            self.fit_numbers_list()
        choice = self.settings.get(TEST_CALL_DOCK)
        if self.test_call_dock.isHidden() and (choice == "shown" or (choice == "auto" and roomy)):
            self.test_call_dock.show()
            self._size_test_call()

    def editors_closed_layout(self) -> None:
        self.test_call_dock.hide()
        self.show_numbers_list(True)
        self.fit_numbers_list()

    def save_views(self) -> None:
        self.settings.set(MAIN_STATE, self.saveState())
