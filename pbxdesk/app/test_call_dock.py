"""The test-call dock: the current number's test call beside its editor, in a panel that can be hidden, moved
to another edge of the window or float as a window of its own (each open number has its own test call; the
dock shows the current tab's)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDockWidget,
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

DOCK_WIDTH = 380  # what the call form, its buttons and the steps list need to be read without wrapping words


class TestCallDock(QDockWidget):
    __test__ = False  # not a pytest test class, despite its name

    closedByUser = Signal()  # its close button (the View menu's toggle is the other way the user hides it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testCallDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
                             | Qt.DockWidgetArea.BottomDockWidgetArea)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("testCallPages")
        self.hint = QLabel(self.pages)
        self.hint.setObjectName("testCallHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setContentsMargins(16, 16, 16, 16)
        self.pages.addWidget(self.hint)
        self.setWidget(self.pages)
        self._areas: dict[QWidget, QScrollArea] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Test call"))
        # Qt names its title buttons once, in the language of the moment: named again here
        for name, words in (("qt_dockwidget_floatbutton", self.tr("Float the panel as a window, or dock it again")),
                            ("qt_dockwidget_closebutton", self.tr("Hide the test call (F8 shows it)"))):
            button = self.findChild(QAbstractButton, name)
            if button is not None:
                button.setAccessibleName(words)
                button.setToolTip(words)
        self.hint.setText(self.tr("Open a number to make a test call: pick a day and time, the keys the caller "
                                  "presses and who answers, and watch the call go through the schedule and the "
                                  "scenario."))

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closedByUser.emit()

    def add(self, panel: QWidget) -> None:
        """Hold ``panel`` (a number editor's test call); it scrolls up and down, never sideways."""
        area = QScrollArea(self.pages)
        area.setObjectName("testCallArea")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(panel)
        panel.show()
        # never narrower than the panel can be laid out in: sideways it neither scrolls nor gets cut
        area.setMinimumWidth(panel.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
        self._areas[panel] = area
        self.pages.addWidget(area)

    def show_panel(self, panel: QWidget | None) -> None:
        area = self._areas.get(panel) if panel is not None else None
        self.pages.setCurrentWidget(area if area is not None else self.hint)

    def remove(self, panel: QWidget) -> None:
        area = self._areas.pop(panel, None)
        if area is None:
            return
        self.pages.removeWidget(area)
        area.takeWidget()
        panel.setParent(None)  # deleted by its editor's owner
        area.deleteLater()
        if self.pages.currentWidget() is None:
            self.pages.setCurrentWidget(self.hint)

    def current_panel(self) -> QWidget | None:
        area = self.pages.currentWidget()
        return area.widget() if isinstance(area, QScrollArea) else None
