"""The "Incoming calls" table: a thin Qt model over the store's number summaries.

It imports nothing heavy (no domain models, no store): the main window shows it before those load.
The "Right now" texts are computed elsewhere (``numbers_now``) and handed in."""

from __future__ import annotations

import re
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

from pbxdesk.domain.phone import format_number

Index = QModelIndex | QPersistentModelIndex
STATE_COLORS = {"synced": "#2e7d32", "changed": "#f9a825", "conflict": "#c62828", "error": "#c62828",
                "withdrawn": "#78909c"}
WITHDRAWN = "withdrawn"  # the company no longer has the number (pbxdesk.store.withdrawn)


class NumbersModel(QAbstractTableModel):
    """Columns: number, name, schedule mode, what happens right now, sync state."""

    EDIT, NUMBER, NAME, MODE, NOW, STATE = range(6)
    NumberRole = Qt.ItemDataRole.UserRole + 1
    # "A" (active) or "W" (withdrawn), "digits\nname in lower case": what NumbersFilter matches
    SearchRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._now_text: dict[str, str] = {}

    def set_rows(self, rows: list[Any], now_text: dict[str, str] | None = None) -> None:
        rows = list(rows)
        if rows == self._rows and now_text is None:  # a reload that changed nothing (the list read at start,
            return  # then from the store; a sync with nothing new): no reset, no repaint, the view stays put
        self.beginResetModel()
        self._rows = rows
        if now_text is not None:
            self._now_text = dict(now_text)
        self.endResetModel()

    def set_now_texts(self, now_text: dict[str, str]) -> None:
        """Fill the "Right now" column (computed after the rows, off the GUI thread)."""
        self._now_text.update(now_text)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.NOW), self.index(len(self._rows) - 1, self.NOW),
                                  [Qt.ItemDataRole.DisplayRole])

    def relabel(self) -> None:
        """After a language switch: every cell's words may change, none of the rows."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

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
                "error": self.tr("error"), WITHDRAWN: self.tr("withdrawn")}.get(state, state)

    def display_text(self, row: Any, col: int) -> str:
        """What the cell of ``row`` (a NumberSummary) in column ``col`` shows."""
        if col == self.EDIT:
            return "✎"
        if col == self.NUMBER:
            return format_number(row.number)
        if col == self.NAME:
            return str(row.name)
        if col == self.MODE:
            return self._mode_text(row.schedule_mode)
        if col == self.NOW:
            return self._now_text.get(row.number, "")
        text = self._state_text(row.sync_state)
        if getattr(row, "has_draft", False):
            text += " · " + self.tr("draft")
        return text

    def rows(self, count: int) -> list[Any]:
        """The first ``count`` rows (for fitting the columns)."""
        return self._rows[:count]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the view asks seven roles of every painted cell: the ones this model never answers return at once
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return self.display_text(row, col)
        if role == _NUMBER:
            return row.number
        if role == _SEARCH:
            return f"{'W' if row.sync_state == WITHDRAWN else 'A'}{row.number}\n{row.name.casefold()}"
        if col == self.EDIT:
            if role == _TOOLTIP or role == _ACCESSIBLE:
                return self.tr("Edit number %1").replace("%1", format_number(row.number))
            if role == _ALIGNMENT:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if role == _FOREGROUND and col == self.STATE:
            return QBrush(QColor(STATE_COLORS.get(row.sync_state, "#455a64")))
        if role == _TOOLTIP and col == self.STATE and row.sync_message:
            return row.sync_message
        if role == _ACCESSIBLE:
            return f"{format_number(row.number)} {row.name}"
        return None


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_NUMBER = int(NumbersModel.NumberRole)
_SEARCH = int(NumbersModel.SearchRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ACCESSIBLE, _ALIGNMENT, _FOREGROUND, _NUMBER, _SEARCH})


class NumbersFilter(QSortFilterProxyModel):
    """Search by number (any typed form: digits are compared) or by name; withdrawn numbers only when asked.

    The matching runs inside Qt: a regular expression over each row's search key (``SearchRole``:
    "A" or "W", "digits\nname in lower case"), so typing in a list of thousands of numbers never calls
    Python per row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterRole(NumbersModel.SearchRole)
        self.setFilterKeyColumn(0)
        self._text = ""
        self.show_withdrawn = False
        self.setFilterRegularExpression(search_pattern(""))

    def set_text(self, text: str) -> None:
        self._text = text
        self.setFilterRegularExpression(search_pattern(text, self.show_withdrawn))

    def set_show_withdrawn(self, show: bool) -> None:
        self.show_withdrawn = bool(show)
        self.setFilterRegularExpression(search_pattern(self._text, self.show_withdrawn))


def search_pattern(text: str, withdrawn: bool = False) -> str:
    """The filter for ``text``: the text inside the name, or (two digits or more) the digits inside the
    number; an 11-digit Russian form (+7 / 8 ...) is compared without its country prefix. Withdrawn numbers
    match only with ``withdrawn``."""
    states = "[AW]" if withdrawn else "A"
    needle = text.strip().casefold()
    if not needle:
        return "" if withdrawn else "^A"
    alternatives = ["[^\n]*\n.*" + re.escape(needle)]
    digits = "".join(ch for ch in needle if ch.isdigit())
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) >= 2:
        alternatives.append("\\d*" + digits)
    return f"^{states}(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")"
