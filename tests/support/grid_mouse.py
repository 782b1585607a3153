"""A mouse that really drags on the schedule grid.

QTest's mouseMove does not carry the held buttons on every platform, so drags are sent as QMouseEvents
with the buttons set through QApplication.sendEvent, which goes through the widget's real handlers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from pbxdesk.schedule_grid.grid import ScheduleGrid

DAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


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
