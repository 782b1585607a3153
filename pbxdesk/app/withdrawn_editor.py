"""A withdrawn number in the editor: the company no longer has it (removed, or moved to another company), so
its editor is read-only, with a banner saying so and an "Export routing…" button that saves what the
editor shows (the unsent edit kept in the profile, else the last synced settings) as a routing file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from pbxdesk.widgets import file_dialogs

if TYPE_CHECKING:
    from pbxdesk.app.number_editor import NumberEditor


class WithdrawnBanner(QFrame):
    """On top of a withdrawn number's editor: what happened, and the export of its routing."""

    exported = Signal(str)  # the file written

    def __init__(self, editor: NumberEditor, kept_edit: bool) -> None:
        super().__init__(editor)
        self.setObjectName("withdrawnBanner")
        self.editor, self.kept_edit = editor, kept_edit
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#eceff1"))
        self.setPalette(palette)
        self.text = QLabel(self)
        self.text.setObjectName("withdrawnText")
        self.text.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportRouting")
        self.export_button.clicked.connect(self.export)
        self.result = QLabel(self)
        self.result.setObjectName("withdrawnResult")
        self.result.setWordWrap(True)
        self.result.hide()
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.export_button)
        self._said: Any = None
        self.retranslate()

    def retranslate(self) -> None:
        text = self.tr("This number was withdrawn from the company (removed, or moved to another company). It is "
                       "read-only here; its history is kept.")
        if self.kept_edit:
            text += " " + self.tr("Your edit that was never sent is kept: export it as a routing file so that "
                                  "nothing is lost.")
        self.text.setText(text)
        self.export_button.setText(self.tr("Export routing…"))
        self.export_button.setToolTip(self.tr("Save these settings as a routing file (JSON)"))
        if self._said is not None:
            self.result.setText(self._said())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def export(self) -> None:
        number = self.editor.number
        path = file_dialogs.save_file(self, self.tr("Export routing"), f"{number}.json",
                                      self.tr("Routing file (*.json)"), file_dialogs.EXPORT)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the routing the editor shows to ``path`` (on the store worker: a file written off the GUI)."""
        from pbxdesk.domain.document import dumps

        text = dumps(self.editor.session.document)

        def job(_store: Any) -> str:
            target = Path(path)
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)
            return str(target)

        self.editor.worker.submit(job, self._exported)

    def _exported(self, written: Any, error: BaseException | None) -> None:
        if error is not None:
            message = str(error)
            self._said = lambda: self.tr("Not exported: %1").replace("%1", message)
        else:
            self._said = lambda: self.tr("Exported to %1").replace("%1", str(written))
        self.result.setText(self._said())
        self.result.show()
        if error is None:
            self.exported.emit(str(written))


def make_read_only(editor: NumberEditor, kept_edit: bool) -> WithdrawnBanner:
    """Turn ``editor`` into the read-only view of a withdrawn number: nothing in it edits or saves any more
    (the store refuses a save of it too); the week coverage and the flow overview stay readable."""
    existing = editor.findChild(WithdrawnBanner)
    if existing is not None:
        return existing
    editor.withdrawn = True
    editor._autosave.stop()
    for part in (editor.header, editor.schedule, editor.scenarios):
        part.setEnabled(False)
    for action in (editor.undo_action, editor.redo_action):
        action.setEnabled(False)
    banner = WithdrawnBanner(editor, kept_edit)
    layout = editor.layout()
    layout.insertWidget(0, banner)  # type: ignore[attr-defined]
    layout.insertWidget(1, banner.result)  # type: ignore[attr-defined]
    return banner


def is_read_only(widget: QWidget) -> bool:
    return bool(getattr(widget, "withdrawn", False))
