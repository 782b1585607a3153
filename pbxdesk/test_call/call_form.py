"""The test call's questions: when the call comes, what the caller presses, who is busy, who answers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from pbxdesk.domain.models import Directory
from pbxdesk.domain.phone import PhoneNumberError, normalize_number
from pbxdesk.domain.simulator import check_input
from pbxdesk.schedule_grid.names import date_format

NOBODY, EXTERNAL = "nobody", "external:"


@dataclass
class CallSpec:
    """One test call, as ``pbxdesk simulate`` takes it (``at`` naive = the number's local time)."""

    at: datetime
    inputs: list[str] = field(default_factory=list)
    busy: list[str] = field(default_factory=list)
    answer: str | None = None
    answer_after_s: float = 0.0


def parse_inputs(text: str) -> list[str]:
    """``"1 101, none"`` -> ``["1", "101", "none"]``; ValueError naming a bad one."""
    values = [v for v in re.split(r"[\s,;]+", text.strip()) if v]
    for value in values:
        check_input(value)
    return values


class CallForm(QWidget):
    """Emits ``changed()`` whenever an answer changes. ``spec()`` raises ValueError for a bad entry."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now_box = QCheckBox(self)
        self.now_box.setObjectName("testCallNow")
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("testCallWhen")
        self.when.setCalendarPopup(True)
        self.when.setDateTime(QDateTime.currentDateTime())
        self.inputs = QLineEdit(self)
        self.inputs.setObjectName("testCallInputs")
        self.busy = QListWidget(self)
        self.busy.setObjectName("testCallBusy")
        self.busy.setMaximumHeight(90)
        self.answer = QComboBox(self)
        self.answer.setObjectName("testCallAnswer")
        self.external = QLineEdit(self)
        self.external.setObjectName("testCallExternal")
        self.after = QDoubleSpinBox(self)
        self.after.setObjectName("testCallAfter")
        self.after.setRange(0, 600)
        self.after.setDecimals(1)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 1)
        when_row.addWidget(self.now_box)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer, 2)
        answer_row.addWidget(self.external, 2)
        answer_row.addWidget(self.after, 1)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow side panel: label above
        self.form.setContentsMargins(0, 0, 0, 0)
        self.row_labels = [QLabel(self) for _ in range(4)]
        self.row_labels[0].setBuddy(self.when)
        self.row_labels[1].setBuddy(self.inputs)
        self.row_labels[2].setBuddy(self.busy)
        self.row_labels[3].setBuddy(self.answer)
        for label, row in zip(self.row_labels, (when_row, self.inputs, self.busy, answer_row), strict=True):
            self.form.addRow(label, row)
        self._directory = Directory()
        self.now_box.toggled.connect(self.when.setDisabled)
        for signal in (self.now_box.toggled, self.when.dateTimeChanged, self.inputs.textChanged,
                       self.busy.itemChanged, self.answer.currentIndexChanged, self.external.textChanged,
                       self.after.valueChanged):
            signal.connect(self._changed)
        self.answer.currentIndexChanged.connect(self._answer_kind)
        self.retranslate()
        self._answer_kind()

    def retranslate(self) -> None:
        self.when.setLocale(QLocale())  # weekday and date as the UI language writes them: «пт 04.12.2026» / «Fri 2026-12-04»
        self.when.setDisplayFormat(f"ddd {date_format()} HH:mm")
        self.now_box.setText(self.tr("Now"))
        self.now_box.setAccessibleName(self.tr("Call now"))
        self.when.setAccessibleName(self.tr("Day and time of the call"))
        self.inputs.setPlaceholderText(self.tr("e.g. 1 or 101 or none, separated by spaces"))
        self.inputs.setAccessibleName(self.tr("What the caller presses at each menu"))
        self.busy.setAccessibleName(self.tr("Busy employees"))
        self.answer.setAccessibleName(self.tr("Who answers"))
        self.external.setPlaceholderText(self.tr("external number"))
        self.external.setAccessibleName(self.tr("External number that answers"))
        self.after.setSuffix(self.tr(" s"))
        self.after.setAccessibleName(self.tr("Answers after, seconds"))
        self.after.setToolTip(self.tr("How long after its phone starts ringing the target picks up"))
        labels = [self.tr("When:"), self.tr("Caller presses:"), self.tr("Busy:"), self.tr("Answers:")]
        for label, text in zip(self.row_labels, labels, strict=True):
            label.setText(text)
        if self.answer.count():
            self.answer.setItemText(0, self.tr("Nobody"))
            self.answer.setItemText(self.answer.count() - 1, self.tr("External number…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _changed(self, *_args: object) -> None:
        self.changed.emit()

    def _answer_kind(self, *_args: object) -> None:
        external = self.answer.currentData() == EXTERNAL
        self.external.setVisible(external)
        self.after.setEnabled(self.answer.currentData() not in (NOBODY, None))

    def set_directory(self, directory: Directory) -> None:
        """Fill the busy list and the answer choices from the company directory (keeping the choices)."""
        self._directory = directory
        busy = set(self.busy_ids())
        answer = self.answer.currentData()
        self.blockSignals(True)
        self.busy.clear()
        for employee in directory.employees:
            item = QListWidgetItem(employee.name, self.busy)
            item.setData(Qt.ItemDataRole.UserRole, employee.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if employee.id in busy else Qt.CheckState.Unchecked)
        self.answer.clear()
        self.answer.addItem(self.tr("Nobody"), NOBODY)
        for employee in directory.employees:
            self.answer.addItem(employee.name, employee.id)
        self.answer.addItem(self.tr("External number…"), EXTERNAL)
        found = self.answer.findData(answer)
        self.answer.setCurrentIndex(max(0, found))
        self.blockSignals(False)
        self._answer_kind()

    def busy_ids(self) -> list[str]:
        out = []
        for row in range(self.busy.count()):
            item = self.busy.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    # -- setting from code (tests, "try this key" links) -------------------------------------------------
    def set_call(self, at: datetime | None, inputs: Sequence[str] = (), busy: Sequence[str] = (),
                 answer: str | None = None, after_s: float = 0) -> None:
        """Fill the form: ``at`` None = now; ``answer`` an employee id, ``external:NUMBER`` or None."""
        self.blockSignals(True)
        self.now_box.setChecked(at is None)
        if at is not None:
            self.when.setDateTime(QDateTime(at.date(), at.time().replace(microsecond=0)))
        self.inputs.setText(" ".join(inputs))
        for row in range(self.busy.count()):
            item = self.busy.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in set(busy)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        if answer and answer.startswith(EXTERNAL):
            self.answer.setCurrentIndex(self.answer.findData(EXTERNAL))
            self.external.setText(answer[len(EXTERNAL):])
        else:
            self.answer.setCurrentIndex(max(0, self.answer.findData(answer or NOBODY)))
        self.after.setValue(after_s)
        self.blockSignals(False)
        self._answer_kind()
        self.changed.emit()

    def spec(self) -> CallSpec:
        if self.now_box.isChecked():
            at = datetime.now(UTC)
        else:
            at = self.when.dateTime().toPython().replace(second=0, microsecond=0)
        inputs = parse_inputs(self.inputs.text())
        kind = self.answer.currentData()
        answer: str | None = None
        if kind == EXTERNAL:
            try:
                answer = EXTERNAL + normalize_number(self.external.text())
            except PhoneNumberError:
                message = self.tr("The external number that answers is not a 10-digit number")
                raise ValueError(message) from None
        elif kind not in (NOBODY, None):
            answer = str(kind)
        return CallSpec(at, inputs, self.busy_ids(), answer, float(self.after.value()))
