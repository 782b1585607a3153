"""Editor of voicemail and fax (R12): greeting, recipients added and removed one by one, external e-mail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.domain.models import AnyNode, DepartmentRecipient, EmployeeRecipient, FaxNode, VoicemailNode
from pbxdesk.domain.text import is_email
from pbxdesk.scenario_editor.editors.base import EditorError, NodeEditor
from pbxdesk.scenario_editor.editors.fields import EditorContext

Key = tuple[str, str]  # ("employee" | "department", id)


class MailEditor(NodeEditor):
    kinds = ("voicemail", "fax")

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.kind = "voicemail"
        self.greeting_switch = self._switch("greetingSwitch", self.tr("Own voice message"))
        self.form.addRow("", self.greeting_switch)
        self.greeting = self._prompt_row("greetingPrompt", self.tr("Voice message"))
        self.greeting_switch.toggled.connect(self._show_greeting)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.recipients = QListWidget(box)
        self.recipients.setObjectName("recipientsList")
        self.recipients.setAccessibleName(self.tr("Send messages to"))
        self.recipients.setMaximumHeight(120)
        column.addWidget(self.recipients)
        row = QHBoxLayout()
        self.picker = QComboBox(box)
        self.picker.setObjectName("recipientPicker")
        self.picker.setAccessibleName(self.tr("Employee or department"))
        # narrower than its longest name when the panel is narrow; the open list still shows whole names
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(8)
        row.addWidget(self.picker, 1)
        self.add_button = QPushButton(self.tr("Add"), box)
        self.add_button.setObjectName("addRecipientButton")
        self.add_button.setAccessibleName(self.tr("Add recipient"))
        self.add_button.clicked.connect(self._add_recipient)
        row.addWidget(self.add_button)
        self.remove_button = QPushButton(self.tr("Remove"), box)
        self.remove_button.setObjectName("removeRecipientButton")
        self.remove_button.setAccessibleName(self.tr("Remove recipient"))
        self.remove_button.clicked.connect(self._remove_recipient)
        row.addWidget(self.remove_button)
        column.addLayout(row)
        self.form.addRow(self.tr("Send messages to"), box)
        self.external_email = QLineEdit(self)
        self.external_email.setObjectName("externalEmail")
        self.external_email.setAccessibleName(self.tr("Also send to an external e-mail"))
        self.external_email.setPlaceholderText("office@example.ru")
        self.external_email.textEdited.connect(self._changed)
        self.form.addRow(self.tr("Also send to an external e-mail"), self.external_email)

    def _show_greeting(self, on: bool) -> None:
        if self.greeting.widget is not None:
            self.form.setRowVisible(self.greeting.widget, on)

    def _label(self, key: Key) -> str:
        kind, ident = key
        if kind == "employee":
            person = self.directory.employee(ident)
            return self.tr("Employee: %1").replace("%1", person.name if person else ident)
        dept = self.directory.department(ident)
        return self.tr("Department: %1").replace("%1", dept.name if dept else ident)

    def _fill_picker(self) -> None:
        self.picker.clear()
        for person in self.directory.employees:
            self.picker.addItem(self._label(("employee", person.id)), "employee:" + person.id)
        for dept in self.directory.departments:
            self.picker.addItem(self._label(("department", dept.id)), "department:" + dept.id)

    def _keys(self) -> list[Key]:
        keys: list[Key] = []
        for i in range(self.recipients.count()):
            kind, ident = self.recipients.item(i).data(Qt.ItemDataRole.UserRole)
            keys.append((str(kind), str(ident)))
        return keys

    def _append(self, key: Key) -> None:
        item = QListWidgetItem(self._label(key))
        item.setData(Qt.ItemDataRole.UserRole, list(key))
        self.recipients.addItem(item)

    def _add_recipient(self) -> None:
        data = self.picker.currentData()
        if data is None:
            return
        kind, _sep, ident = str(data).partition(":")
        key: Key = (kind, ident)
        if key in self._keys():
            self.show_error(self.tr("%1 is already a recipient.").replace("%1", self._label(key)))
            return
        self._append(key)
        self._changed()

    def _remove_recipient(self) -> None:
        row = self.recipients.currentRow()
        if row < 0 and self.recipients.count():
            row = self.recipients.count() - 1
        if row >= 0:
            self.recipients.takeItem(row)
            self._changed()

    def _fill(self, node: AnyNode) -> None:
        assert isinstance(node, VoicemailNode | FaxNode)
        self.kind = node.type
        self.greeting_switch.setChecked(node.greeting is not None)
        self._show_greeting(node.greeting is not None)
        self.greeting.set(node.greeting)
        self._fill_picker()
        self.recipients.clear()
        for rec in node.recipients:
            self._append(("employee", rec.employee) if isinstance(rec, EmployeeRecipient)
                         else ("department", rec.department))
        self.external_email.setText(node.external_email or "")

    def _collect(self, current: AnyNode | None) -> AnyNode:
        greeting = None
        if self.greeting_switch.isChecked():
            greeting = self.greeting.get()
            if greeting is None:
                raise EditorError(self.tr("Enter the voice message or switch it off."))
        email = self.external_email.text().strip() or None
        if email is not None and not is_email(email):
            raise EditorError(self.tr("“%1” is not an e-mail address.").replace("%1", email))
        recipients: list[EmployeeRecipient | DepartmentRecipient] = [
            EmployeeRecipient(employee=ident) if kind == "employee" else DepartmentRecipient(department=ident)
            for kind, ident in self._keys()]
        cls = FaxNode if self.kind == "fax" else VoicemailNode
        return cls(greeting=greeting, recipients=recipients, external_email=email)
