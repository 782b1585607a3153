"""The number editor's header: the number, its name, and the commands (undo, redo, copy, cancel).

The commands sit on the name's row while there is room for both, on a row of their own below it otherwise
(a narrow editor: a 1280-pixel screen with the test call open beside it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

NAME_MIN_WIDTH = 220


class EditorHeader(QWidget):
    def __init__(self, number_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorHeader")
        self.number_label = QLabel(number_text, self)
        self.number_label.setObjectName("editorNumber")
        font = QFont(self.number_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.number_label.setFont(font)
        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("numberName")
        self.name_edit.setMinimumWidth(NAME_MIN_WIDTH)
        self.name_label.setBuddy(self.name_edit)
        self.undo_button = self._button("undoButton")
        self.redo_button = self._button("redoButton")
        self.copy_from_button = self._button("copyFromButton")
        self.copy_to_button = self._button("copyToButton")
        self.cancel_button = self._button("cancelButton")
        self.command_buttons = (self.undo_button, self.redo_button, self.copy_from_button, self.copy_to_button,
                                self.cancel_button)
        self.buttons_box = QWidget(self)
        box = QHBoxLayout(self.buttons_box)
        box.setContentsMargins(0, 0, 0, 0)
        for button in self.command_buttons:
            box.addWidget(button)
        self.buttons_box.setMinimumWidth(1)  # its full width is what it asks for, not what it demands
        self.header_row = QHBoxLayout()
        self.header_row.addWidget(self.number_label)
        self.header_row.addSpacing(12)
        self.header_row.addWidget(self.name_label)
        self.header_row.addWidget(self.name_edit, 1)
        self.header_row.addWidget(self.buttons_box)
        self.buttons_row = QHBoxLayout()
        self.buttons_row.addStretch(1)
        self.buttons_in = self.header_row
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.header_row)
        column.addLayout(self.buttons_row)
        self.retranslate()

    def _button(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        return button

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("Number name:"))
        self.name_edit.setAccessibleName(self.tr("Number name"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.redo_button.setText(self.tr("Redo"))
        self.redo_button.setToolTip(self.tr("Redo the change undone last (Ctrl+Shift+Z or Ctrl+Y)"))
        self.copy_from_button.setText(self.tr("Copy settings…"))
        self.copy_from_button.setToolTip(self.tr("Copy the schedule and scenarios of another number here"))
        self.copy_to_button.setText(self.tr("Copy to numbers…"))
        self.copy_to_button.setToolTip(self.tr("Copy these settings to several other numbers"))
        self.cancel_button.setText(self.tr("Cancel changes"))
        self.cancel_button.setToolTip(self.tr("Drop unsaved changes and go back to the saved settings"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.place_buttons(self.width())
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.place_buttons(event.size().width())
        super().resizeEvent(event)

    def one_row_width(self) -> int:
        """The width the number, the name and every command need on one row."""
        return (self.number_label.sizeHint().width() + 12 + self.name_label.sizeHint().width() + NAME_MIN_WIDTH
                + self.buttons_box.sizeHint().width() + 40)

    def place_buttons(self, width: int) -> None:
        row = self.header_row if width >= self.one_row_width() else self.buttons_row
        if self.buttons_in is not row:
            self.buttons_in.removeWidget(self.buttons_box)
            row.addWidget(self.buttons_box)
            self.buttons_in = row
