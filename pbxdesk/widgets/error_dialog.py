"""Errors for people: a readable sentence first, the technical details (exception, traceback) on request."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def error_box(parent: QWidget | None, text: str, error: BaseException | None = None) -> QMessageBox:
    """A non-blocking message box: ``text`` in words, the exception and its traceback under "Show Details…".
    The error also goes to the log file."""
    title = QCoreApplication.translate("ErrorDialog", "pbxdesk: something went wrong")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("errorBox")
    if error is not None:
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        box.setInformativeText(str(error) or type(error).__name__)
        box.setDetailedText(details)
        log.error("%s: %s", text, details)
    box.open()
    return box
