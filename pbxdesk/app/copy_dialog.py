"""Copying settings (R2): from another number into the open one, or from the open one to several numbers.

"Copy from" changes the open editor through one undoable command (nothing is saved until "Save changes").
"Copy to" shows, for every checked number, what would change, and saves them all in one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.desktop import i18n
from pbxdesk.domain.defaults import copy_settings
from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.phone import format_number
from pbxdesk.store.summary import describe_changes


def _item(number: str, name: str, checkable: bool) -> QListWidgetItem:
    item = QListWidgetItem(f"{format_number(number)} — {name}")
    item.setData(Qt.ItemDataRole.UserRole, number)
    if checkable:
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    return item


class CopyFromDialog(QDialog):
    """Pick the number whose settings to copy here; "Copy" / "Cancel"."""

    def __init__(self, numbers: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copyFromDialog")
        self.setWindowTitle(self.tr("Copy settings"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the number whose settings you want to copy. Everything but the "
                                        "number itself and its name is copied."), self))
        self.list = QListWidget(self)
        self.list.setObjectName("copySource")
        self.list.setAccessibleName(self.tr("Numbers to copy from"))
        for number, name in numbers:
            self.list.addItem(_item(number, name, checkable=False))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.setObjectName("copyConfirm")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.copy_button.setEnabled(False)
        self.list.currentItemChanged.connect(lambda cur, _prev: self.copy_button.setEnabled(cur is not None))
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class CopyToDialog(QDialog):
    """Check the numbers that get this number's settings; the summary says what changes for each."""

    def __init__(self, source: RoutingDocument, targets: dict[str, RoutingDocument],
                 parent: QWidget | None = None, drafts: set[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copyToDialog")
        self.drafts = drafts or set()  # numbers with an unsaved draft, which the copy replaces
        self.setWindowTitle(self.tr("Copy settings to other numbers"))
        self.source, self.targets = source, targets
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Settings of %1 (schedule and scenarios) will replace those of the checked "
                                        "numbers; their names stay.").replace("%1", format_number(source.number)),
                                self))
        self.list = QListWidget(self)
        self.list.setObjectName("copyTargets")
        self.list.setAccessibleName(self.tr("Numbers to copy to"))
        for number, doc in targets.items():
            self.list.addItem(_item(number, doc.name, checkable=True))
        self.list.itemChanged.connect(lambda _i: self._update_summary())
        layout.addWidget(self.list)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("copySummary")
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("What changes"))
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.setObjectName("copyConfirm")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self._update_summary()

    def checked(self) -> list[str]:
        return [str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, numbers: list[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in numbers
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_summary(self) -> None:
        lang = i18n.current_language()
        lines: list[str] = []
        for number in self.checked():
            target = self.targets[number]
            changes = describe_changes(target, copy_settings(self.source, target))
            lines.append(f"{format_number(number)} — {target.name}:")
            lines += [f"  • {c.text(lang)}" for c in changes] or ["  " + self.tr("nothing changes")]
            if number in self.drafts:
                lines.append("  ⚠ " + self.tr("its unsaved draft will be replaced"))
        self.summary.setPlainText("\n".join(lines) or self.tr("Check the numbers to copy to."))
        self.copy_button.setEnabled(bool(self.checked()))
