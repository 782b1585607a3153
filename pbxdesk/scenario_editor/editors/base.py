"""The frame every node editor shares: its fields (they scroll when the panel is short), a note line, then the
error line and Save / Cancel / Delete, which stay in sight below the fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.domain.models import AnyNode, Directory
from pbxdesk.scenario_editor.editors.fields import EditorContext, PromptSlot, Switch, make_prompt_widget


class EditorError(ValueError):
    """A field value the editor cannot save; the message is shown next to the buttons."""


class FieldError(EditorError):
    """A value the editor cannot save whose message is already shown at its field (shown once, not again next
    to the buttons); the field gets the focus."""

    def __init__(self, message: str, field: QWidget) -> None:
        super().__init__(message)
        self.field = field


class NodeEditor(QWidget):
    """Base of the per-kind editors. Subclasses fill ``self.form`` and implement ``_fill``/``_collect``."""

    saveClicked = Signal()
    cancelClicked = Signal()
    deleteClicked = Signal()
    edited = Signal()
    kinds: tuple[str, ...] = ()

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._original: AnyNode | None = None
        self._loading = False
        self.current_node: Callable[[], AnyNode | None] = lambda: self._original
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # the fields scroll; the error line and the buttons stay below them, always in sight
        self.fields = QScrollArea(self)
        self.fields.setObjectName("nodeFields")
        self.fields.setWidgetResizable(True)
        self.fields.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self.fields)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow panel: label above its field
        column.addLayout(self.form)
        self.note = QLabel(body)
        self.note.setObjectName("editorNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8d6e00;")
        self.note.hide()
        column.addWidget(self.note)
        column.addStretch(1)
        self.fields.setWidget(body)
        outer.addWidget(self.fields, 1)
        self.error = QLabel(self)
        self.error.setObjectName("editorError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.save_button = self._button("saveNodeButton", self.tr("Save"), self.saveClicked)
        self.cancel_button = self._button("cancelNodeButton", self.tr("Cancel"), self.cancelClicked)
        self.delete_button = self._button("deleteNodeButton", self.tr("Delete"), self.deleteClicked)
        self.save_button.setDefault(True)
        for button in (self.save_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        outer.addLayout(buttons)

    def _button(self, name: str, text: str, signal: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.clicked.connect(signal.emit)
        return button

    def _prompt_row(self, name: str, label: str) -> PromptSlot:
        widget = make_prompt_widget(self.context, self)
        slot = PromptSlot(widget)
        if widget is not None:
            widget.setObjectName(name)
            widget.setAccessibleName(label)
            self.form.addRow(label, widget)
            slot.connect(self._changed)
        return slot

    def _switch(self, name: str, text: str) -> Switch:
        switch = Switch(text, self)
        switch.setObjectName(name)
        switch.setAccessibleName(text)
        switch.toggled.connect(self._changed)
        return switch

    @property
    def directory(self) -> Directory:
        return self.context.session.directory

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self.error.hide()
            self.edited.emit()

    # ---- the contract with the panel ------------------------------------------------------------
    def load(self, node: AnyNode) -> None:
        """Show ``node`` (a copy of the document's, or a fresh default one for a new action)."""
        self._original = node.model_copy()  # its own fields; branches stay the document's (a menu may hold thousands)
        self._loading = True
        try:
            self.note.hide()
            self.error.hide()
            self._fill(node)
        finally:
            self._loading = False

    def build(self, current: AnyNode | None) -> AnyNode:
        """The node the fields describe; branches below are taken from ``current`` (the document's).

        Raises :class:`EditorError` when a field cannot be saved as it is.
        """
        return self._collect(current)

    def show_error(self, error: EditorError | str) -> None:
        if isinstance(error, FieldError):
            self.error.hide()
            error.field.setFocus()
            return
        self.error.setText(str(error))
        self.error.show()

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def original(self) -> AnyNode | None:
        return self._original

    def _fill(self, node: AnyNode) -> None:
        raise NotImplementedError

    def _collect(self, current: AnyNode | None) -> AnyNode:
        raise NotImplementedError

    @staticmethod
    def _keep(current: AnyNode | None, field: str) -> Any:
        value = getattr(current, field, None) if current is not None else None
        return value.model_copy(deep=True) if value is not None else None


def section_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b>{text}</b>", parent)
    return label
