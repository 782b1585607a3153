"""Confirmation and message hooks: QMessageBox by default, replaceable by tests and tools."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

Confirm = Callable[[str, str], bool]
Inform = Callable[[str, str], None]


def message_box_confirm(parent: QWidget | None) -> Confirm:
    def confirm(title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
    return confirm


def message_box_inform(parent: QWidget | None) -> Inform:
    def inform(title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)
    return inform
