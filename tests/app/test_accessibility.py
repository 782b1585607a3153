"""Every interactive widget a user can reach in the main window, an open number editor (schedule, scenario
tree, test call) and the settings dialog has a name a screen reader can say: its accessible name, its own
text (buttons), or a label that is its buddy."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QSlider,
    QTextEdit,
    QWidget,
)

from tests.app.conftest import wait_until

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit,
               QTextEdit, QSlider)


def unnamed_widgets(top: QWidget) -> list[str]:
    buddies = {label.buddy() for label in top.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar) or not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo or spin box is named through its owner
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.strip() and widget not in buddies:
            parent = widget.parent()
            missing.append(f"{type(widget).__name__} '{widget.objectName()}' in {type(parent).__name__} "
                           f"'{parent.objectName() if parent else ''}'")
    return missing


def test_every_interactive_widget_has_a_name(app_window, qtbot):
    window = app_window
    window.open_number(window.model.number_at(0))
    wait_until(lambda: window.tabs.count() == 1)
    assert unnamed_widgets(window) == []

    from pbxdesk.app.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_widgets(dialog) == []
    dialog.close()
