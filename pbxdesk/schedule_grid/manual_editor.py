"""Manual entry of the weekly ranges (R4): a weekday, its ranges with minute precision, Apply, Add,
Delete all, copy to other days; Confirm pushes ONE command, Cancel drops everything."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.domain.models import WEEKDAYS, Range
from pbxdesk.domain.schedule_edit import (
    copy_day,
    day_spans_of,
    paint_pieces,
    replaced_by_pieces,
    set_day,
    split_overnight,
)
from pbxdesk.schedule_grid.commands import push_ranges
from pbxdesk.schedule_grid.dialogs import Confirm, Inform, message_box_confirm, message_box_inform
from pbxdesk.schedule_grid.names import day_long, day_short, range_text
from pbxdesk.schedule_grid.time_rows import TimeRows
from pbxdesk.widgets.session import DocumentSession


class ManualEditorDialog(QDialog):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualEditor")
        self.setWindowTitle(self.tr("Schedule: manual entry"))
        self._session = session
        self.confirm: Confirm = message_box_confirm(self)
        self.inform: Inform = message_box_inform(self)
        self.draft: list[Range] = [r.model_copy() for r in session.document.schedule.ranges]
        self._day = "mon"

        self.day_combo = QComboBox(self)
        self.day_combo.setObjectName("manualDay")
        self.day_combo.setAccessibleName(self.tr("Weekday"))
        for day in WEEKDAYS:
            self.day_combo.addItem(day_long(day), day)
        self.day_combo.currentIndexChanged.connect(self._day_picked)
        self.rows = TimeRows(session.document, self)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("manualAdd")
        self.add_button.clicked.connect(lambda: self.rows.add_row())
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("manualApply")
        self.apply_button.clicked.connect(self.apply)
        self.delete_all_button = QPushButton(self.tr("Delete all"), self)
        self.delete_all_button.setObjectName("manualDeleteAll")
        self.delete_all_button.setToolTip(self.tr("Delete all ranges of the day: the whole day becomes non-working"))
        self.delete_all_button.clicked.connect(self.delete_all)
        self.copy_boxes: dict[str, QCheckBox] = {}
        copy_row = QHBoxLayout()
        copy_row.addWidget(QLabel(self.tr("Copy this day to:"), self))
        for day in WEEKDAYS:
            box = QCheckBox(day_short(day), self)
            box.setAccessibleName(day_long(day))
            self.copy_boxes[day] = box
            copy_row.addWidget(box)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("manualCopy")
        self.copy_button.clicked.connect(self.copy_checked)
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(self.tr("Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.confirm_changes)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Weekday:"), self))
        top.addWidget(self.day_combo)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.apply_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_all_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(QLabel(self.tr("Ranges (an end before the start continues after midnight):"), self))
        lay.addWidget(self.rows)
        lay.addLayout(actions)
        lay.addLayout(copy_row)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self._load_day()

    # --- day --------------------------------------------------------------------------------------
    def day(self) -> str:
        return self._day

    def set_day(self, day: str) -> None:
        self.day_combo.setCurrentIndex(WEEKDAYS.index(day))

    def _day_picked(self, index: int) -> None:
        new_day = WEEKDAYS[index]
        if new_day == self._day:
            return
        if self.has_unapplied() and self.confirm(
                self.tr("Manual entry"),
                self.tr("Apply the changes of %1 first?").replace("%1", day_long(self._day))):
            if not self.apply():
                self.day_combo.blockSignals(True)
                self.day_combo.setCurrentIndex(WEEKDAYS.index(self._day))
                self.day_combo.blockSignals(False)
                return
        self._day = new_day
        self._load_day()

    def _load_day(self) -> None:
        self.rows.set_spans(day_spans_of(self.draft, self._day))
        for day, box in self.copy_boxes.items():
            box.setChecked(False)
            box.setEnabled(day != self._day)

    # --- rows -------------------------------------------------------------------------------------
    def _parsed(self) -> list[tuple[int, int, str]] | None:
        """The rows as (start, end, interval); informs the user and returns None when one is invalid."""
        out = []
        for number, row in enumerate(self.rows.rows(), start=1):
            start, end, interval = row.values()
            if start is None or end is None or start == 1440:
                self.inform(self.tr("Manual entry"),
                            self.tr("Range %1: enter the start and the end as HH:MM (00:00–24:00).")
                            .replace("%1", str(number)))
                return None
            if start == end or (end == 0 and start == 0):
                self.inform(self.tr("Manual entry"),
                            self.tr("Range %1: the start and the end are the same.").replace("%1", str(number)))
                return None
            out.append((start, end, interval))
        return out

    def has_unapplied(self) -> bool:
        rows = [row.values() for row in self.rows.rows()]
        return rows != [(s, e, iv) for s, e, iv in day_spans_of(self.draft, self._day)]

    def apply(self) -> bool:
        """Store the rows as the day's ranges in the draft, after naming what an overlap replaces."""
        parsed = self._parsed()
        if parsed is None:
            return False
        result = set_day(self.draft, self._day, [])
        replaced: list[Range] = []
        for start, end, interval in parsed:
            pieces = split_overnight(self._day, start, end)
            replaced += replaced_by_pieces(result, pieces, interval)
            result = paint_pieces(result, pieces, interval)
        if replaced:
            doc = self._session.document
            listing = "\n".join("• " + range_text(doc, r) for r in replaced)
            question = self.tr("This replaces:") + "\n" + listing + "\n" + self.tr("Apply?")
            if not self.confirm(self.tr("Manual entry"), question):
                return False
        self.draft = result
        self._load_day()
        return True

    def delete_all(self) -> None:
        """All ranges of the day go: the whole day becomes non-working."""
        self.draft = set_day(self.draft, self._day, [])
        self._load_day()

    def copy_to(self, days: list[str]) -> bool:
        if self.has_unapplied() and not self.apply():
            return False
        self.draft = copy_day(self.draft, self._day, [d for d in days if d != self._day])
        return True

    def copy_checked(self) -> None:
        days = [d for d, box in self.copy_boxes.items() if box.isChecked()]
        if days and self.copy_to(days):
            for box in self.copy_boxes.values():
                box.setChecked(False)

    def confirm_changes(self) -> None:
        if self.has_unapplied() and not self.apply():
            return
        push_ranges(self._session, self.draft, self.tr("Manual schedule entry"))
        self.accept()

