"""Rows of ``start – end  interval  [trash]`` used by the manual editor and the exceptions editor."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.timeutil import format_hhmm, parse_hhmm
from pbxdesk.schedule_grid.intervals_panel import swatch
from pbxdesk.schedule_grid.names import interval_label
from pbxdesk.widgets.palette import interval_color

_TIME_RE = QRegularExpression(r"^([01]?[0-9]|2[0-4]):?[0-5]?[0-9]?$")


def parse_time(text: str) -> int | None:
    """``9:05``, ``09:05``, ``0905`` -> minutes; ``24:00`` -> 1440; None when it is no time of day."""
    text = text.strip()
    if ":" not in text and text.isdigit() and len(text) in (3, 4):
        text = text[:-2] + ":" + text[-2:]
    if ":" in text:
        hours, _, minutes = text.partition(":")
        if hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) in (1, 2):
            return parse_hhmm(f"{int(hours):02d}:{minutes}")
    return None


class TimeRow(QWidget):
    removeRequested = Signal(object)

    def __init__(self, doc: RoutingDocument, start: str, end: str, interval: str, parent: QWidget) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        validator = QRegularExpressionValidator(_TIME_RE, self)
        self.start = QLineEdit(start, self)
        self.end = QLineEdit(end, self)
        for edit, name in ((self.start, self.tr("Start (HH:MM)")), (self.end, self.tr("End (HH:MM)"))):
            edit.setValidator(validator)
            edit.setPlaceholderText(self.tr("HH:MM"))
            edit.setMaximumWidth(70)
            edit.setAccessibleName(name)
        self.interval = QComboBox(self)
        self.interval.setAccessibleName(self.tr("Interval"))
        for iv in doc.schedule.intervals:
            self.interval.addItem(swatch(interval_color(iv.id)), interval_label(doc, iv.id), iv.id)
        index = self.interval.findData(interval)
        self.interval.setCurrentIndex(max(0, index))
        self.remove = QToolButton(self)
        self.remove.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.remove.setToolTip(self.tr("Remove this range"))
        self.remove.setAccessibleName(self.tr("Remove this range"))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        lay.addWidget(self.start)
        lay.addWidget(QLabel("–", self))
        lay.addWidget(self.end)
        lay.addWidget(self.interval, 1)
        lay.addWidget(self.remove)

    def set_values(self, start: str, end: str, interval: str) -> None:
        self.start.setText(start)
        self.end.setText(end)
        self.interval.setCurrentIndex(max(0, self.interval.findData(interval)))

    def values(self) -> tuple[int | None, int | None, str]:
        return parse_time(self.start.text()), parse_time(self.end.text()), str(self.interval.currentData())


class TimeRows(QWidget):
    """A vertical list of TimeRow."""

    def __init__(self, doc: RoutingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._rows: list[TimeRow] = []
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel(self.tr("No ranges: the whole day is non-working."), self)
        self._box.addWidget(self._empty)

    def rows(self) -> list[TimeRow]:
        return list(self._rows)

    def add_row(self, start: str = "", end: str = "", interval: str = "working") -> TimeRow:
        if not start:
            last_end = self._rows[-1].values()[1] if self._rows else None
            begin = last_end if last_end is not None and last_end < 1440 else 9 * 60
            start, end = format_hhmm(begin), format_hhmm(min(1440, begin + 60))
        row = TimeRow(self._doc, start, end, interval, self)
        row.removeRequested.connect(self.remove_row)
        self._rows.append(row)
        self._box.addWidget(row)
        self._empty.setVisible(False)
        return row

    def remove_row(self, row: TimeRow) -> None:
        if row in self._rows:
            self._rows.remove(row)
            row.hide()
            row.deleteLater()
        self._empty.setVisible(not self._rows)

    def clear(self) -> None:
        for row in list(self._rows):
            self.remove_row(row)

    def set_spans(self, spans: list[tuple[int, int, str]]) -> None:
        self.clear()
        for s, e, iv in spans:
            self.add_row(format_hhmm(s), format_hhmm(e), iv)
        self._empty.setVisible(not self._rows)
