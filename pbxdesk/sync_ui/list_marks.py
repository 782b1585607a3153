"""Marks in the numbers list: a warning icon and bold red text on numbers in conflict or refused by the
server, so they stand out without reading the «Sync» column."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1  # NumbersModel.NumberRole
COLOURS = {"conflict": "#c62828", "error": "#e65100"}


def mark_icon(state: str, size: int = 16) -> QIcon:
    """A filled circle with «!» in the state's colour (drawn, so it looks the same on every platform)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(COLOURS.get(state, "#c62828")))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(size - 4)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)


class SyncMarkDelegate(QStyledItemDelegate):
    """For the number column: ``states`` maps a number to ``conflict`` / ``error`` (others unmarked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.states: dict[str, str] = {}
        self._icons = {state: mark_icon(state) for state in COLOURS}

    def set_states(self, states: dict[str, str]) -> None:
        self.states = dict(states)
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.update()
            viewport = getattr(parent, "viewport", None)
            if viewport is not None:
                viewport().update()

    def state_of(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        return self.states.get(str(index.data(NUMBER_ROLE)))

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        state = self.state_of(index)
        if state is None:
            return
        option.icon = self._icons[state]
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        option.font.setBold(True)
        option.palette.setColor(option.palette.ColorRole.Text, QColor(COLOURS[state]))
