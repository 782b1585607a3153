"""Exception dates (holidays, shortened days): a date with its own ranges or a whole day off, and the
import of a year of Russian public holidays. Each action is ONE command on the undo stack."""

from __future__ import annotations

from datetime import date

import holidays
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.domain.models import ExceptionDate
from pbxdesk.domain.schedule_edit import add_days_off, normalise_spans, remove_exception, set_exception
from pbxdesk.domain.timeutil import parse_hhmm
from pbxdesk.schedule_grid.commands import push_exceptions
from pbxdesk.schedule_grid.dialogs import Confirm, Inform, message_box_confirm, message_box_inform
from pbxdesk.schedule_grid.names import date_format, date_label, ui_lang
from pbxdesk.schedule_grid.time_rows import TimeRows
from pbxdesk.widgets.session import AREA_ALL, AREA_SCHEDULE, DocumentSession


def russian_holidays(year: int) -> dict[date, str]:
    """Public holidays and transferred days off of Russia in ``year`` (the ``holidays`` package)."""
    found = holidays.country_holidays("RU", years=year, language="ru" if ui_lang() == "ru" else "en_US")
    return dict(found.items())


def import_russian_holidays(session: DocumentSession, year: int, text: str) -> int:
    """Add a whole-day-off exception for each Russian public holiday of ``year``; one command. How many."""
    new, added = add_days_off(session.document.schedule.exceptions, russian_holidays(year))
    if added:
        push_exceptions(session, new, text)
    return added


class ExceptionsDialog(QDialog):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionsEditor")
        self.setWindowTitle(self.tr("Schedule: exception dates"))
        self.resize(900, 480)
        self._session = session
        self.confirm: Confirm = message_box_confirm(self)
        self.inform: Inform = message_box_inform(self)

        self.dates = QListWidget(self)
        self.dates.setObjectName("exceptionDates")
        self.dates.setAccessibleName(self.tr("Exception dates"))
        self.dates.currentItemChanged.connect(lambda *_: self._load_selected())
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.add_date_button = QPushButton(self.tr("Add date"), self)
        self.add_date_button.clicked.connect(self._add_picked_date)
        self.delete_date_button = QPushButton(self.tr("Delete date"), self)
        self.delete_date_button.clicked.connect(self.delete_selected)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("Year of the holidays"))
        self.import_button = QPushButton(self.tr("Import Russian public holidays"), self)
        self.import_button.setObjectName("importHolidays")
        self.import_button.clicked.connect(lambda: self.import_holidays(self.year.value()))

        self.title = QLabel(self)
        self.day_off = QCheckBox(self.tr("Whole day off"), self)
        self.day_off.setObjectName("wholeDayOff")
        self.rows = TimeRows(session.document, self)
        self.day_off.toggled.connect(lambda on: self.rows.setEnabled(not on))
        self.add_range_button = QPushButton(self.tr("Add range"), self)
        self.add_range_button.clicked.connect(self.add_range)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("exceptionApply")
        self.apply_button.clicked.connect(self.apply)

        left = QVBoxLayout()
        left.addWidget(self.dates, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.date_edit)
        add_row.addWidget(self.add_date_button)
        left.addLayout(add_row)
        left.addWidget(self.delete_date_button)
        holiday_row = QHBoxLayout()
        holiday_row.addWidget(self.year)
        holiday_row.addWidget(self.import_button)
        left.addLayout(holiday_row)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.day_off)
        right.addWidget(self.rows)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_range_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.apply_button)
        right.addLayout(buttons_row)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("On these dates their own ranges replace the weekday's."), self))
        lay.addLayout(body, 1)
        lay.addWidget(close)
        session.changed.connect(self._on_changed)
        self._refresh_list()

    # --- list -------------------------------------------------------------------------------------
    def _exceptions(self) -> list[ExceptionDate]:
        return list(self._session.document.schedule.exceptions)

    def _on_changed(self, area: str, _pointer: str) -> None:
        if area in (AREA_SCHEDULE, AREA_ALL):
            self._refresh_list()

    def _refresh_list(self) -> None:
        selected = self.selected_date()
        names: dict[str, str] = {}
        for year in {e.date[:4] for e in self._exceptions() if e.date[:4].isdigit()}:
            names.update({d.isoformat(): n for d, n in russian_holidays(int(year)).items()})
        self.dates.blockSignals(True)
        self.dates.clear()
        for exc in self._exceptions():
            what = (self.tr("whole day off") if not exc.ranges
                    else self.tr("%n range(s)", "", len(exc.ranges)))
            label = f"{date_label(exc.date)} — {what}"
            if exc.date in names:  # the calendar's name of a day off; working on one is said so, not hidden
                label += (f" ({names[exc.date]})" if not exc.ranges else
                          " " + self.tr("(works on a public day off: %1)").replace("%1", names[exc.date]))
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, exc.date)
            self.dates.addItem(item)
            if exc.date == selected:
                self.dates.setCurrentItem(item)
        self.dates.blockSignals(False)
        self._load_selected()

    def selected_date(self) -> str | None:
        item = self.dates.currentItem() if hasattr(self, "dates") else None
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_date(self, date_iso: str) -> None:
        for i in range(self.dates.count()):
            if self.dates.item(i).data(Qt.ItemDataRole.UserRole) == date_iso:
                self.dates.setCurrentRow(i)

    def _load_selected(self) -> None:
        current = self.selected_date()
        exc = next((e for e in self._exceptions() if e.date == current), None)
        for w in (self.day_off, self.rows, self.add_range_button, self.apply_button, self.delete_date_button):
            w.setEnabled(exc is not None)
        self.title.setText(self.tr("Date %1").replace("%1", date_label(current)) if current else self.tr("Pick a date"))
        spans = [] if exc is None else [(parse_hhmm(r.start) or 0, parse_hhmm(r.end) or 0, r.interval)
                                        for r in exc.ranges]
        self.rows.set_spans(spans)
        self.day_off.setChecked(exc is not None and not exc.ranges)
        self.rows.setEnabled(exc is not None and bool(exc.ranges))

    # --- actions ---
    def _add_picked_date(self) -> None:
        picked = self.date_edit.date()
        self.add_date(date(picked.year(), picked.month(), picked.day()))

    def add_range(self) -> None:
        """A new range row for the selected date (it is no longer a whole day off)."""
        self.day_off.setChecked(False)
        self.rows.add_row()

    def add_date(self, day: date) -> None:
        iso = day.isoformat()
        if all(e.date != iso for e in self._exceptions()):
            new = set_exception(self._exceptions(), iso, [])
            push_exceptions(self._session, new, self.tr("Add exception date %1").replace("%1", date_label(iso)))
        self.select_date(iso)

    def delete_selected(self) -> None:
        current = self.selected_date()
        if current is not None:
            push_exceptions(self._session, remove_exception(self._exceptions(), current),
                            self.tr("Delete exception date %1").replace("%1", date_label(current)))

    def apply(self) -> bool:
        current = self.selected_date()
        if current is None:
            return False
        spans: list[tuple[int, int, str]] = []
        if not self.day_off.isChecked():
            for number, row in enumerate(self.rows.rows(), start=1):
                start, end, interval = row.values()
                if start is None or end is None or start >= end:
                    self.inform(self.tr("Exception date"),
                                self.tr("Range %1: enter a start before the end as HH:MM (00:00–24:00).")
                                .replace("%1", str(number)))
                    return False
                spans.append((start, end, interval))
        push_exceptions(self._session, set_exception(self._exceptions(), current, normalise_spans(spans)),
                        self.tr("Ranges of %1").replace("%1", current))
        return True

    def import_holidays(self, year: int) -> int:
        added = import_russian_holidays(
            self._session, year, self.tr("Import Russian public holidays %1").replace("%1", str(year)))
        self.inform(self.tr("Public holidays"),
                    self.tr("%n date(s) added as whole days off.", "", added) if added
                    else self.tr("All public holidays of this year are already exception dates."))
        return added
