"""Marks in the numbers list: a warning icon and bold red text on numbers in conflict or refused by the
server, so they stand out without reading the «Sync» column; an amber one on numbers whose routings have problems
against the company directory (:mod:`.directory_marks`); a quieter icon on numbers saved on the server
but not yet live on every Asterisk node (``deploy_pending``, ``deploy_failed``), with the nodes and why in
its tooltip (:mod:`.deploy_marks`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from pbxdesk.store.records import DeployState
from pbxdesk.sync_ui.deploy_marks import mark_of as deploy_mark
from pbxdesk.sync_ui.deploy_marks import tooltip as deploy_tooltip

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1  # NumbersModel.NumberRole
COLOURS = {"conflict": "#c62828", "error": "#e65100", "deploy_failed": "#8e24aa", "deploy_pending": "#1e88e5",
           "directory": "#f9a825"}
GLYPHS = {"deploy_pending": "…"}
BOLD = ("conflict", "error")


def mark_icon(state: str, size: int = 16) -> QIcon:
    """A filled circle with «!» (or «…» for a deployment on its way) in the state's colour (drawn, so it
    looks the same on every platform)."""
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
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, GLYPHS.get(state, "!"))
    painter.end()
    return QIcon(pixmap)


class SyncMarkDelegate(QStyledItemDelegate):
    """For the number column: ``states`` maps a number to ``conflict`` / ``error`` (others unmarked);
    ``deploy`` maps a number not live on every node to its :class:`DeployState` (marked when it has no sync
    mark)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.states: dict[str, str] = {}
        self.deploy: dict[str, DeployState] = {}
        self.problems: dict[str, int] = {}  # number -> problems against the company directory (directory_marks)
        self._icons = {state: mark_icon(state) for state in COLOURS}

    def set_deploy(self, deploy: dict[str, DeployState]) -> None:
        self.deploy = dict(deploy)
        self.set_states(self.states)

    def set_problems(self, problems: dict[str, int]) -> None:
        self.problems = {n: c for n, c in problems.items() if c > 0}
        self.set_states(self.states)

    def mark_of(self, number: str) -> str | None:
        state = self.states.get(number)
        if state is None and number in self.problems:
            return "directory"
        if state is None and number in self.deploy:
            return deploy_mark(self.deploy[number])
        return state

    def problems_tooltip(self, count: int) -> str:
        return self.tr("The routing has %1 problem(s) checked against the current company directory (for example, "
                       "someone it forwards calls to has left). Open the number to see where.").replace("%1",
                                                                                                    str(count))

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        number = str(index.data(NUMBER_ROLE))
        if self.mark_of(number) == "directory" and event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), self.problems_tooltip(self.problems[number]), view)
            return True
        state = self.deploy.get(number)
        if state is not None and event.type() == QEvent.Type.ToolTip and number not in self.states:
            QToolTip.showText(event.globalPos(), deploy_tooltip(state), view)
            return True
        return super().helpEvent(event, view, option, index)

    def set_states(self, states: dict[str, str]) -> None:
        self.states = dict(states)
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.update()
            viewport = getattr(parent, "viewport", None)
            if viewport is not None:
                viewport().update()

    def state_of(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        return self.mark_of(str(index.data(NUMBER_ROLE)))

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        state = self.state_of(index)
        if state is None:
            return
        option.icon = self._icons[state]
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        if state in BOLD:
            option.font.setBold(True)
            option.palette.setColor(option.palette.ColorRole.Text, QColor(COLOURS[state]))
