"""Fixtures of the schedule grid tests: a session on the SPEC example and a mouse that really drags.

QTest's mouseMove does not carry the held buttons on every platform, so drags are sent as QMouseEvents
with the buttons set through QApplication.sendEvent, which goes through the widget's real handlers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from pbxdesk.domain.document import load_path
from pbxdesk.schedule_grid.grid import ScheduleGrid
from pbxdesk.widgets.session import DocumentSession

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
DAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def session(spec_example_path: Path) -> DocumentSession:
    return DocumentSession(load_path(str(spec_example_path)).document)


class Mouse:
    """Press, move and release at (weekday, minute) cells computed with the grid's own hit-test inverse."""

    def __init__(self, grid: ScheduleGrid) -> None:
        self.grid = grid
        self.buttons = Qt.MouseButton.NoButton

    def point(self, day: str, minute: int) -> QPointF:
        return QPointF(self.grid.cell_point(DAY[day], minute))

    def _send(self, kind: QEvent.Type, pos: QPointF, button: Qt.MouseButton) -> None:
        glob = QPointF(self.grid.mapToGlobal(pos.toPoint()))
        event = QMouseEvent(kind, pos, glob, button, self.buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.grid, event)

    def press(self, day: str, minute: int, button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
        self.buttons = button
        self._send(QEvent.Type.MouseButtonPress, self.point(day, minute), button)

    def move(self, day: str, minute: int) -> None:
        self._send(QEvent.Type.MouseMove, self.point(day, minute), Qt.MouseButton.NoButton)

    def release(self, day: str, minute: int, button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
        self.buttons = Qt.MouseButton.NoButton
        self._send(QEvent.Type.MouseButtonRelease, self.point(day, minute), button)

    def drag(self, day0: str, m0: int, day1: str, m1: int,
             button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
        self.press(day0, m0, button)
        self.move(day0, (m0 + m1) // 2)
        self.move(day1, m1)
        self.release(day1, m1, button)


@pytest.fixture
def grid(qtbot, session: DocumentSession) -> ScheduleGrid:
    widget = ScheduleGrid(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def mouse(grid: ScheduleGrid) -> Mouse:
    return Mouse(grid)


@pytest.fixture
def ranges_of(session: DocumentSession):
    """The (start, end, interval) ranges of a weekday in the session's document."""
    def ranges(day: str) -> list[tuple[str, str, str]]:
        return [(r.start, r.end, r.interval) for r in session.document.schedule.ranges if r.day == day]
    return ranges
