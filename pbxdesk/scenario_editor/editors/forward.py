"""Editor of the three forwards (R8–R11) with the "Forward to" switch between them.

Switching the kind keeps the announcement and the continuation; a timeout the new kind does not allow
takes the default (30 s, allowed by all three) and the note under the fields says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from pbxdesk.domain.models import (
    DEPARTMENT_STEPS,
    DEPARTMENT_TIMEOUTS,
    EMPLOYEE_TIMEOUTS,
    EXTERNAL_TIMEOUTS,
    AnyNode,
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    ForwardExternalNode,
)
from pbxdesk.domain.phone import PhoneNumberError, format_number, normalize_number
from pbxdesk.scenario_editor import labels
from pbxdesk.scenario_editor.editors.base import EditorError, FieldError, NodeEditor
from pbxdesk.scenario_editor.editors.fields import DurationCombo, EditorContext, duration_text

TIMEOUTS = {"forward_external": EXTERNAL_TIMEOUTS, "forward_employee": EMPLOYEE_TIMEOUTS,
            "forward_department": DEPARTMENT_TIMEOUTS}
DEFAULT_TIMEOUT = 30
DEFAULT_STEP = 10
KINDS = ("forward_external", "forward_employee", "forward_department")


class ForwardEditor(NodeEditor):
    kinds = KINDS

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.kind = QComboBox(self)
        self.kind.setObjectName("forwardKind")
        self.kind.setAccessibleName(self.tr("Forward to"))
        self.kind.addItem(self.tr("External number"), "forward_external")
        self.kind.addItem(self.tr("Employee"), "forward_employee")
        self.kind.addItem(self.tr("Department"), "forward_department")
        self.form.addRow(self.tr("Forward to"), self.kind)
        self.announcement_switch = self._switch("announcementSwitch", self.tr("Voice message before ringing"))
        self.form.addRow("", self.announcement_switch)
        self.announcement = self._prompt_row("announcementPrompt", self.tr("Voice message"))
        self.announcement_switch.toggled.connect(self._show_announcement)
        self._build_external_page()
        self._build_employee_page()
        self._build_department_page()
        self.timeout = DurationCombo(EXTERNAL_TIMEOUTS, self)
        self.timeout.setObjectName("timeoutCombo")
        self.timeout.setAccessibleName(self.tr("Answer timeout"))
        self.timeout.valueChanged.connect(self._changed)
        self.form.addRow(self.tr("Answer timeout"), self.timeout)
        self.kind.currentIndexChanged.connect(self._kind_switched)

    # ---- rows of each kind (shown for the kind picked in "Forward to") -----------------------------
    def _show_announcement(self, on: bool) -> None:
        if self.announcement.widget is not None:
            self.form.setRowVisible(self.announcement.widget, on)

    def _build_external_page(self) -> None:
        page, layout = self, self.form
        self.number = QLineEdit(page)
        self.number.setObjectName("externalNumber")
        self.number.setAccessibleName(self.tr("Number"))
        self.number.setPlaceholderText("+7 495 123-45-67")
        self.number.textEdited.connect(self._changed)
        self.number.editingFinished.connect(self._check_number)
        layout.addRow(self.tr("Number"), self.number)
        self.number_message = QLabel(page)
        self.number_message.setObjectName("numberMessage")
        self.number_message.setStyleSheet("color: #c62828;")
        self.number_message.setWordWrap(True)
        layout.addRow("", self.number_message)

    def _build_employee_page(self) -> None:
        page, layout = self, self.form
        self.employee = QComboBox(page)
        self.employee.setObjectName("employeePicker")
        self.employee.setAccessibleName(self.tr("Employee"))
        self.employee.currentIndexChanged.connect(self._changed)
        layout.addRow(self.tr("Employee"), self.employee)

    def _build_department_page(self) -> None:
        page, layout = self, self.form
        self.department = QComboBox(page)
        self.department.setObjectName("departmentPicker")
        self.department.setAccessibleName(self.tr("Department"))
        self.department.currentIndexChanged.connect(self._changed)
        layout.addRow(self.tr("Department"), self.department)
        self.distribution = QComboBox(page)
        self.distribution.setObjectName("distribution")
        self.distribution.setAccessibleName(self.tr("Call distribution"))
        self.distribution.addItem(self.tr("All at once"), "all")
        self.distribution.addItem(self.tr("In turn"), "in_turn")
        self.distribution.addItem(self.tr("Incremental"), "incremental")
        self.distribution.currentIndexChanged.connect(self._distribution_changed)
        layout.addRow(self.tr("Call distribution"), self.distribution)
        self.step = DurationCombo(DEPARTMENT_STEPS, page)
        self.step.setObjectName("stepCombo")
        self.step.setAccessibleName(self.tr("Step between members"))
        self.step.valueChanged.connect(self._changed)
        layout.addRow(self.tr("Step between members"), self.step)

    # ---- directory pickers ----------------------------------------------------------------------
    def _fill_pickers(self, employee: str, department: str) -> None:
        self.employee.clear()
        for person in self.directory.employees:
            text = f"{person.name} ({person.extension})" if person.extension else person.name
            self.employee.addItem(text, person.id)
        if employee and self.employee.findData(employee) < 0:
            self.employee.addItem(self.tr("%1 (not in the directory)").replace("%1", employee), employee)
        self.employee.setCurrentIndex(self.employee.findData(employee) if employee else -1)
        self.department.clear()
        for dept in self.directory.departments:
            self.department.addItem(dept.name, dept.id)
        if department and self.department.findData(department) < 0:
            self.department.addItem(self.tr("%1 (not in the directory)").replace("%1", department), department)
        self.department.setCurrentIndex(self.department.findData(department) if department else -1)

    # ---- kind and distribution ------------------------------------------------------------------
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _show_kind(self, kind: str) -> None:
        rows = {"forward_external": [self.number], "forward_employee": [self.employee],
                "forward_department": [self.department, self.distribution]}
        for owner, widgets in rows.items():
            for widget in widgets:
                self.form.setRowVisible(widget, owner == kind)
        self.form.setRowVisible(self.number_message, kind == "forward_external" and bool(self.number_message.text()))
        self._show_step()
        self.timeout.set_values(TIMEOUTS[kind])

    def _show_step(self) -> None:
        stepped = self.current_kind() == "forward_department" and self.distribution.currentData() != "all"
        self.form.setRowVisible(self.step, stepped)
        self.step.setEnabled(stepped)

    def _kind_switched(self, _index: int) -> None:
        if self._loading:
            return
        kind = self.current_kind()
        before = self.timeout.value()
        self._show_kind(kind)
        notes = []
        if before not in TIMEOUTS[kind]:
            self.timeout.set_value(DEFAULT_TIMEOUT)
            notes.append(self.tr("The answer timeout %1 is not available for %2; it is set to %3.")
                         .replace("%1", duration_text(before)).replace("%2", labels.kind_names()[kind])
                         .replace("%3", duration_text(DEFAULT_TIMEOUT)))
        else:
            self.timeout.set_value(before)
        if kind == "forward_employee" and self.employee.currentIndex() < 0 and self.employee.count():
            self.employee.setCurrentIndex(0)
        if kind == "forward_department" and self.department.currentIndex() < 0 and self.department.count():
            self.department.setCurrentIndex(0)
        notes.append(self.tr("The voice message and what happens if nobody answers are kept."))
        self.show_note(" ".join(notes))
        self._changed()

    def _distribution_changed(self, _index: int) -> None:
        stepped = self.distribution.currentData() != "all"
        self._show_step()
        if stepped and self.step.value() not in DEPARTMENT_STEPS:
            self.step.set_value(DEFAULT_STEP)
        self._changed()

    # ---- load / save ----------------------------------------------------------------------------
    def _fill(self, node: AnyNode) -> None:
        assert isinstance(node, ForwardExternalNode | ForwardEmployeeNode | ForwardDepartmentNode)
        self.kind.setCurrentIndex(KINDS.index(node.type))
        self._show_kind(node.type)
        self.announcement_switch.setChecked(node.announcement is not None)
        self._show_announcement(node.announcement is not None)
        self.announcement.set(node.announcement)
        self.number.setText(format_number(node.number) if isinstance(node, ForwardExternalNode) else "")
        self.number_message.setText("")
        self._fill_pickers(node.employee if isinstance(node, ForwardEmployeeNode) else "",
                           node.department if isinstance(node, ForwardDepartmentNode) else "")
        dist = node.distribution if isinstance(node, ForwardDepartmentNode) else "all"
        self.distribution.setCurrentIndex(max(0, self.distribution.findData(dist)))
        step = node.step_s if isinstance(node, ForwardDepartmentNode) else None
        self.step.set_value(step if step is not None else DEFAULT_STEP)
        self._distribution_changed(0)
        self.timeout.set_value(node.timeout_s)

    def _check_number(self) -> str | None:
        text = self.number.text().strip()
        try:
            digits = normalize_number(text)
        except PhoneNumberError as exc:
            message = exc.message_ru if labels.ui_language() == "ru" else exc.message_en
            if not text:
                message = self.tr("Enter a 10-digit number.")
            self.number_message.setText(message)
            self.form.setRowVisible(self.number_message, True)
            return None
        self.number_message.setText("")
        self.form.setRowVisible(self.number_message, False)
        if self.number.text() != format_number(digits):
            self.number.setText(format_number(digits))
        return digits

    def _collect(self, current: AnyNode | None) -> AnyNode:
        kind = self.current_kind()
        announcement = None
        if self.announcement_switch.isChecked():
            announcement = self.announcement.get()
            if announcement is None:
                raise EditorError(self.tr("Enter the voice message or switch it off."))
        follow = self._keep(current, "next")
        timeout = self.timeout.value()
        if kind == "forward_external":
            digits = self._check_number()
            if digits is None:
                raise FieldError(self.number_message.text(), self.number)
            return ForwardExternalNode(number=digits, timeout_s=timeout, announcement=announcement, next=follow)
        if kind == "forward_employee":
            employee = self.employee.currentData()
            if not employee:
                raise EditorError(self.tr("Choose an employee."))
            return ForwardEmployeeNode(employee=employee, timeout_s=timeout, announcement=announcement,
                                       next=follow)
        department = self.department.currentData()
        if not department:
            raise EditorError(self.tr("Choose a department."))
        distribution = self.distribution.currentData()
        step = None if distribution == "all" else self.step.value()
        return ForwardDepartmentNode(department=department, distribution=distribution, step_s=step,
                                     timeout_s=timeout, announcement=announcement, next=follow)
