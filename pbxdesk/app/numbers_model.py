"""The "Incoming calls" table: a thin Qt model over the store's number summaries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from pbxdesk.domain.describe import interval_name, node_summary
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.phone import format_number
from pbxdesk.domain.schedule import interval_at

Index = QModelIndex | QPersistentModelIndex
STATE_COLORS = {"synced": "#2e7d32", "changed": "#f9a825", "conflict": "#c62828", "error": "#c62828"}


class NumbersModel(QAbstractTableModel):
    """Columns: number, name, schedule mode, what happens right now, sync state."""

    EDIT, NUMBER, NAME, MODE, NOW, STATE = range(6)
    NumberRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._now_text: dict[str, str] = {}

    def set_rows(self, rows: list[Any], now_text: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if now_text is not None:
            self._now_text = dict(now_text)
        self.endResetModel()

    def set_now_texts(self, now_text: dict[str, str]) -> None:
        """Fill the "Right now" column (computed after the rows, off the GUI thread)."""
        self._now_text.update(now_text)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.NOW), self.index(len(self._rows) - 1, self.NOW),
                                  [Qt.ItemDataRole.DisplayRole])

    def number_at(self, row: int) -> str:
        return str(self._rows[row].number)

    def row_of(self, number: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.number == number), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ["", self.tr("Number"), self.tr("Name"), self.tr("Schedule"), self.tr("Right now"),
                self.tr("Sync")][section]

    def _mode_text(self, mode: str) -> str:
        return self.tr("Around the clock") if mode == "always" else self.tr("By schedule")

    def _state_text(self, state: str) -> str:
        return {"synced": self.tr("synced"), "changed": self.tr("changed"), "conflict": self.tr("conflict"),
                "error": self.tr("error")}.get(state, state)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == self.NumberRole:
            return row.number
        if col == self.EDIT:
            if role == Qt.ItemDataRole.DisplayRole:
                return "✎"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("Edit number %1").replace("%1", format_number(row.number))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NUMBER:
                return format_number(row.number)
            if col == self.NAME:
                return row.name
            if col == self.MODE:
                return self._mode_text(row.schedule_mode)
            if col == self.NOW:
                return self._now_text.get(row.number, "")
            if col == self.STATE:
                text = self._state_text(row.sync_state)
                if getattr(row, "has_draft", False):
                    text += " · " + self.tr("draft")
                return text
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATE:
            return QBrush(QColor(STATE_COLORS.get(row.sync_state, "#455a64")))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.STATE and row.sync_message:
            return row.sync_message
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{format_number(row.number)} {row.name}"
        return None


def now_summary(doc: RoutingDocument, directory: Directory | None, at: datetime, lang: str) -> str:
    """What a call right now gets: the interval and its first action, in words."""
    try:
        interval = interval_at(doc, at)
    except ValueError:
        return ""
    node = doc.scenarios.get(interval)
    action = node_summary(node, directory, lang) if node is not None else ("—")
    return f"{interval_name(doc, interval, lang)}: {action}"


class NumbersFilter(QSortFilterProxyModel):
    """Search by number (any typed form: digits are compared) or by name."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self._text:
            return True
        model = self.sourceModel()
        number = str(model.index(row, 0, parent).data(NumbersModel.NumberRole))
        name = str(model.index(row, NumbersModel.NAME, parent).data()).casefold()
        digits = "".join(ch for ch in self._text if ch.isdigit())
        if len(digits) == 11 and digits[0] in "78":
            digits = digits[1:]
        return self._text in name or (len(digits) >= 2 and digits in number)
