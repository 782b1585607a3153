"""The number editor: name, weekly schedule and call scenarios of one number, with one undo stack.

Edits autosave to the number's draft (within a second, valid or not); "Save changes" promotes a draft without
errors to the saved document and queues it for sync; "Cancel" drops the draft and goes back to the saved one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.app.copy_actions import CopyActions
from pbxdesk.desktop.context import AppContext
from pbxdesk.desktop.store_worker import StoreWorker
from pbxdesk.domain.document import parse_document, to_canonical_dict
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.phone import format_number
from pbxdesk.scenario_editor import ScenarioEditor
from pbxdesk.schedule_grid import ScheduleEditor
from pbxdesk.store import Store
from pbxdesk.test_call import TestCallTabs
from pbxdesk.widgets.error_dialog import error_box
from pbxdesk.widgets.session import DocumentSession, SetValuesCommand

AUTOSAVE_MS = 500
NAME_MERGE_ID = 1001


class NumberEditor(CopyActions, QWidget):
    saved = Signal(str)  # number
    copied = Signal(list)  # numbers that got this number's settings

    def __init__(self, context: AppContext, worker: StoreWorker, number: str, document: RoutingDocument,
                 saved: RoutingDocument | None, directory: Directory | None, player: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberEditor")
        self.context, self.worker, self.number = context, worker, number
        self._saved = saved
        self.copy_dialog: QWidget | None = None  # the open copy-settings dialog, if any
        self.session = DocumentSession(document, directory, parent=self)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave_now)
        self._build(player)
        self.session.changed.connect(self._on_changed)
        self.session.undo_stack.cleanChanged.connect(self._update_title)
        self._sync_name_field()
        self._update_title()

    # -- layout ----------------------------------------------------------------------------------------
    def _build(self, player: Any) -> None:
        self.number_label = QLabel(format_number(self.number), self)
        self.number_label.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("numberName")
        self.name_edit.setMinimumWidth(260)
        self.name_label.setBuddy(self.name_edit)
        self.name_edit.textEdited.connect(self._name_edited)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.session.undo_stack.undo)
        self.session.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = QPushButton(self)
        self.redo_button.setObjectName("redoButton")
        self.redo_button.clicked.connect(self.session.undo_stack.redo)
        self.session.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.copy_from_button = QPushButton(self)
        self.copy_from_button.setObjectName("copyFromButton")
        self.copy_to_button = QPushButton(self)
        self.copy_to_button.setObjectName("copyToButton")
        self.copy_from_button.clicked.connect(self.copy_from)
        self.copy_to_button.clicked.connect(self.copy_to)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_changes)
        header = QHBoxLayout()
        header.addWidget(self.number_label)
        header.addSpacing(12)
        header.addWidget(self.name_label)
        header.addWidget(self.name_edit, 1)
        self.command_buttons = (self.undo_button, self.redo_button, self.copy_from_button, self.copy_to_button,
                                self.cancel_button)
        self.buttons_box = QWidget(self)
        box = QHBoxLayout(self.buttons_box)
        box.setContentsMargins(0, 0, 0, 0)
        for button in self.command_buttons:
            box.addWidget(button)
        self.buttons_box.setMinimumWidth(1)  # its full width is what it asks for, not what it demands
        self.header_row, self.buttons_row = header, QHBoxLayout()
        self.buttons_row.addStretch(1)
        header.addWidget(self.buttons_box)
        self.buttons_in = header  # moved to buttons_row when the editor is narrow (_place_buttons)
        self._body_sized = False
        self.schedule = ScheduleEditor(self.session, self)
        self.scenarios = ScenarioEditor(self.session, self, library=self.context.library, tts=self.context.tts,
                                        player=player)
        self.scenarios.saveRequested.connect(self.save)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.schedule)
        self.splitter.addWidget(self.scenarios)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        audio = self.scenarios.context
        self.test_call = TestCallTabs(self.session, self.schedule.grid, self.scenarios.tree, audio.player, audio.tts,
                                      audio.library, self)
        self.test_call.pointerActivated.connect(self.scenarios.select_pointer)
        self.body = QSplitter(Qt.Orientation.Horizontal, self)
        self.body.addWidget(self.splitter)
        # the test call side scrolls rather than widening the window: with a number open the main window
        # still fits a 1366-pixel-wide screen
        self.test_call_area = QScrollArea(self)
        self.test_call_area.setObjectName("testCallArea")
        self.test_call_area.setWidgetResizable(True)
        self.test_call_area.setFrameShape(QFrame.Shape.NoFrame)
        self.test_call_area.setMinimumWidth(280)
        self.test_call_area.setWidget(self.test_call)
        self.body.addWidget(self.test_call_area)
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 1)
        self.status = QLabel(self)
        self.status.setObjectName("editorStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(self.buttons_row)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.scenarios.request_save)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.session.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, activated=self.session.undo_stack.redo)
        self.retranslate()

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("Number name:"))
        self.name_edit.setAccessibleName(self.tr("Number name"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self.copy_from_button.setText(self.tr("Copy settings…"))
        self.copy_from_button.setToolTip(self.tr("Copy the schedule and scenarios of another number here"))
        self.copy_to_button.setText(self.tr("Copy to numbers…"))
        self.copy_to_button.setToolTip(self.tr("Copy these settings to several other numbers"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Drop unsaved changes and go back to the saved settings"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._place_buttons(self.width())
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_buttons(event.size().width())
        if not self._body_sized and event.size().width() > 0:  # first real size: the test call side gets
            self._body_sized = True                             # what it asks for if the rest still fits
            total = sum(self.body.sizes()) or event.size().width()
            left_min = self.splitter.minimumSizeHint().width()
            side = max(self.test_call_area.minimumWidth(), min(self.test_call.sizeHint().width() + 16,
                                                                total - left_min))
            self.body.setSizes([total - side, side])
        super().resizeEvent(event)

    def _place_buttons(self, width: int) -> None:
        """The command buttons sit beside the name while there is room, on a row of their own below it
        otherwise (a 1366-pixel screen with the numbers list beside the editor)."""
        one_row = (self.number_label.sizeHint().width() + 12 + self.name_label.sizeHint().width() + 220
                   + self.buttons_box.sizeHint().width() + 40)
        row = self.header_row if width >= one_row else self.buttons_row
        if self.buttons_in is not row:
            self.buttons_in.removeWidget(self.buttons_box)
            row.addWidget(self.buttons_box)
            self.buttons_in = row

    # -- editing ---------------------------------------------------------------------------------------
    def _name_edited(self, text: str) -> None:
        self.session.push(SetValuesCommand(self.session, {"/name": text}, self.tr("Rename number"),
                                           merge_id=NAME_MERGE_ID))

    def _sync_name_field(self) -> None:
        if self.name_edit.text() != self.session.document.name:
            self.name_edit.setText(self.session.document.name)

    def _on_changed(self, area: str, _pointer: str) -> None:
        if area in ("name", "all"):
            self._sync_name_field()
        self._autosave.start()
        self._update_title()

    def is_dirty(self) -> bool:
        return self._saved is None or to_canonical_dict(self.session.document) != to_canonical_dict(self._saved)

    def title(self) -> str:
        return format_number(self.number) + (" *" if self.is_dirty() else "")

    def _update_title(self, *_args: Any) -> None:
        self.setWindowTitle(self.title())

    # -- persistence -----------------------------------------------------------------------------------
    def autosave_now(self) -> None:
        self._autosave.stop()
        number, data = self.number, to_canonical_dict(self.session.document)
        if not self.is_dirty():
            self.worker.submit(lambda store: store.discard_draft(number))
            return
        self.worker.submit(lambda store: store.save_draft(number, data))

    def save(self) -> None:
        number, data, directory = self.number, to_canonical_dict(self.session.document), self.session.directory
        self.status.setText(self.tr("Saving…"))

        def job(store: Store) -> Any:
            return store.save(number, data, directory)

        self.worker.submit(job, self._saved_done)

    def _saved_done(self, problems: Any, error: BaseException | None) -> None:
        if error is not None:
            self.status.setText(self.tr("Not saved: %1").replace("%1", str(error)))
            error_box(self, self.tr("The changes were not saved; they are kept in the draft."), error)
            return
        errors = [p for p in problems or [] if p.is_error]
        if errors:
            self.status.setText(self.tr("Not saved: %1").replace("%1", "; ".join(p.message() for p in errors[:5])))
            return
        self._saved = parse_document(to_canonical_dict(self.session.document)).document
        self.session.undo_stack.setClean()
        self.status.setText(self.tr("Saved. The change will be sent to the server at the next sync."))
        self._update_title()
        self.saved.emit(self.number)

    def cancel_changes(self) -> None:
        if self._saved is None:
            return
        if self.is_dirty():
            answer = QMessageBox.question(self, self.tr("Cancel changes"),
                                          self.tr("Drop the unsaved changes of this number?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.session.replace_document(self._saved.model_copy(deep=True))
        number = self.number
        self.worker.submit(lambda store: store.discard_draft(number))
        self._update_title()

    def replace_document(self, document: RoutingDocument, saved: RoutingDocument | None) -> None:
        """After a sync or a copy: show ``document``; the undo history no longer applies."""
        self._saved = saved
        self.session.replace_document(document)
        self._update_title()
