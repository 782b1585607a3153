"""``TestCallTabs``: the test call, the week coverage and the flow overview as three tabs for the editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from pbxdesk.test_call.coverage_view import CoverageView
from pbxdesk.test_call.flow_view import FlowOverview
from pbxdesk.test_call.panel import TestCallPanel
from pbxdesk.widgets.session import DocumentSession


class TestCallTabs(QTabWidget):
    """``TestCallTabs(session, grid=None, tree=None, player=None, tts=None, library=None, parent=None)``.

    ``pointerActivated(ptr)``: a step or a warning was double-clicked; the editor may select that action
    (``ScenarioEditor.select_pointer``).
    """

    __test__ = False  # not a pytest test class, despite its name

    pointerActivated = Signal(str)

    def __init__(self, session: DocumentSession, grid: Any = None, tree: Any = None, player: Any = None,
                 tts: Any = None, library: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testCallTabs")
        self.panel = TestCallPanel(session, grid, tree, player, tts, library, self)
        self.coverage = CoverageView(session, self)
        self.flow = FlowOverview(session, self)
        self.addTab(self.panel, "")
        self.addTab(self.coverage, "")
        self.addTab(self.flow, "")
        self.panel.pointerActivated.connect(self.pointerActivated)
        self.coverage.pointerActivated.connect(self.pointerActivated)
        self.currentChanged.connect(self._tab_shown)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Test call"))
        self.setTabText(1, self.tr("Week coverage"))
        self.setTabText(2, self.tr("Flow overview"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _tab_shown(self, index: int) -> None:
        if self.widget(index) is self.flow:
            self.flow.view.fit()
