"""The number editor: name, weekly schedule and call scenarios of one number, with one undo stack.

Edits autosave to the number's draft (within a second, valid or not); "Save changes" promotes a draft without
errors to the saved document and queues it for sync; "Cancel" drops the draft and goes back to the saved one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from pbxdesk.app.copy_actions import CopyActions
from pbxdesk.app.editor_header import EditorHeader
from pbxdesk.desktop import i18n
from pbxdesk.desktop.context import AppContext
from pbxdesk.desktop.store_worker import StoreWorker, is_disk_trouble
from pbxdesk.domain.describe import quoted
from pbxdesk.domain.document import parse_document, to_canonical_dict
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.phone import format_number
from pbxdesk.domain.walk import media_ids
from pbxdesk.scenario_editor import ScenarioEditor
from pbxdesk.schedule_grid import ScheduleEditor
from pbxdesk.store.errors import StoreError
from pbxdesk.test_call import TestCallPanel
from pbxdesk.test_call.coverage_view import CoverageView
from pbxdesk.test_call.flow_view import FlowOverview
from pbxdesk.widgets.error_dialog import error_box
from pbxdesk.widgets.session import DocumentSession, SetValuesCommand
from pbxdesk.widgets.words_label import WordsLabel

if TYPE_CHECKING:  # SQLAlchemy is loaded by the store worker, not by the editors
    from pbxdesk.store import Store

AUTOSAVE_MS = 500
NAME_MERGE_ID = 1001
TITLE_NAME_CHARS = 28
SCHEDULE_SHARE = 0.45  # a tab names the number and the start of its name


def _said(error: BaseException) -> str:
    """An error in words of the UI language (the store's errors carry both)."""
    return error.message(i18n.current_language()) if isinstance(error, StoreError) else str(error)


class NumberEditor(CopyActions, QWidget):
    """One number open for editing. Its views: "Schedule and scenario" (the grid above the tree), "Week
    coverage" and "Flow overview", as tabs along its bottom edge. Its test call (``test_call``, a
    :class:`~pbxdesk.test_call.TestCallPanel` marking the grid and the tree) is shown by the main window in
    a dock beside the editor, where it may be hidden or float."""

    saved = Signal(str)  # number
    copied = Signal(list)  # numbers that got this number's settings
    titleChanged = Signal()  # the tab title (number, name, unsaved mark) changed

    def __init__(self, context: AppContext, worker: StoreWorker, number: str, document: RoutingDocument,
                 saved: RoutingDocument | None, directory: Directory | None, player: Any = None,
                 parent: QWidget | None = None, media: Any = None) -> None:
        """``media``: the :class:`~pbxdesk.desktop.media_fetch.MediaFetcher` that downloads the company's audio
        files the number's prompts use (when it opens, and when one is listened to)."""
        super().__init__(parent)
        self.setObjectName("numberEditor")
        self.context, self.worker, self.number, self.media = context, worker, number, media
        self._saved = saved
        self._title = ""
        self._split = False
        self.copy_dialog: QWidget | None = None  # the open copy-settings dialog, if any
        self.session = DocumentSession(document, directory, parent=self)
        self.session.set_media_names(context.media_names.names())
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave_now)
        self._build(player)
        self.session.changed.connect(self._on_changed)
        self.session.undo_stack.cleanChanged.connect(self._update_title)
        self.session.documentReplaced.connect(self.fetch_media)
        self._sync_name_field()
        self._update_title()
        self.fetch_media()

    def fetch_media(self) -> None:
        """Download the audio files the prompts use that are not on this computer yet."""
        if self.media is not None:
            self.media.fetch(media_ids(self.session.document))

    # -- layout ----------------------------------------------------------------------------------------
    def _build(self, player: Any) -> None:
        self.header = EditorHeader(format_number(self.number), self)
        for name in ("number_label", "name_label", "name_edit", "undo_button", "redo_button", "copy_from_button",
                     "copy_to_button", "cancel_button", "command_buttons"):
            setattr(self, name, getattr(self.header, name))
        self.name_edit.textEdited.connect(self._name_edited)
        stack = self.session.undo_stack
        self.undo_button.clicked.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button.clicked.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.copy_from_button.clicked.connect(self.copy_from)
        self.copy_to_button.clicked.connect(self.copy_to)
        self.cancel_button.clicked.connect(self.cancel_changes)
        self.schedule = ScheduleEditor(self.session, self)
        self.scenarios = ScenarioEditor(self.session, self, library=self.context.library, tts=self.context.tts,
                                        player=player, media=self.media)
        self.scenarios.saveRequested.connect(self.save)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("scheduleAndScenario")
        self.splitter.addWidget(self.schedule)
        self.splitter.addWidget(self.scenarios)
        self.splitter.setStretchFactor(0, 0)  # the grid keeps the height it asks for; the tree gets the rest
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        audio = self.scenarios.context
        self.coverage = CoverageView(self.session, self)
        self.flow = FlowOverview(self.session, self)
        self.views = QTabWidget(self)
        self.views.setObjectName("editorViews")
        self.views.setTabPosition(QTabWidget.TabPosition.South)
        self.views.setDocumentMode(True)
        self.views.addTab(self.splitter, "")
        self.views.addTab(self.coverage, "")
        self.views.addTab(self.flow, "")
        self.views.currentChanged.connect(self._view_shown)
        self.test_call = TestCallPanel(self.session, self.schedule.grid, self.scenarios.tree, audio.player, audio.tts,
                                       audio.library, self)
        self.test_call.hide()  # until the main window puts it in its test-call dock
        self.test_call.pointerActivated.connect(self.show_pointer)
        self.coverage.pointerActivated.connect(self.show_pointer)
        self.status = WordsLabel(self, hide_when_empty=True)
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.status)
        self._make_shortcuts()
        self.retranslate()

    def _make_shortcuts(self) -> None:
        """Ctrl+S saves; Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y redo anywhere in the editor, the tree
        included: the scenario editor's own Undo and Redo actions move here, so no two shortcuts of the
        editor ever claim the same keys (Qt would then run neither)."""
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.scenarios.request_save)
        whole = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for action in (self.scenarios.undo_action, self.scenarios.redo_action):
            self.scenarios.removeAction(action)
            action.setShortcutContext(whole)
            self.addAction(action)
        self.undo_action: QAction = self.scenarios.undo_action
        self.redo_action: QAction = self.scenarios.redo_action

    def retranslate(self) -> None:
        self.views.setTabText(0, self.tr("Schedule and scenario"))
        self.views.setTabText(1, self.tr("Week coverage"))
        self.views.setTabText(2, self.tr("Flow overview"))
        self.views.setAccessibleName(self.tr("Views of the number"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._split and self.splitter.height() > 100:  # the first real size: the grid gets the height it
            self._split = True                                # asks for, up to 45 %, the tree the rest
            total = sum(self.splitter.sizes())
            top = min(self.schedule.sizeHint().height(), int(total * SCHEDULE_SHARE))
            self.splitter.setSizes([top, total - top])

    def _view_shown(self, index: int) -> None:
        if self.views.widget(index) is self.flow:
            self.flow.view.fit()

    def show_pointer(self, ptr: str) -> None:
        """Select the action at ``ptr`` in the tree (from a test-call step or a coverage warning)."""
        self.views.setCurrentWidget(self.splitter)
        self.scenarios.select_pointer(ptr)

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

    def display_name(self) -> str:
        """The number and its name, as a question or a message names it: +7 495 230-22-22 «Главный номер»
        (“Главный номер” in English)."""
        name = self._own_name()
        return format_number(self.number) + (" " + quoted(name, i18n.current_language()) if name else "")

    def _own_name(self) -> str:
        """The number's name, or "" when it only repeats the number (a new number's default name)."""
        name = self.session.document.name.strip()
        digits = "".join(ch for ch in name if ch.isdigit())
        only_number = not any(ch.isalpha() for ch in name) and digits[-10:] == self.number[-10:]
        return "" if only_number else name

    def title(self) -> str:
        """The tab's text: the number, the start of its name (unless the name is the number itself), and "*"
        while there are unsaved changes."""
        name = self._own_name()
        if len(name) > TITLE_NAME_CHARS:
            name = name[: TITLE_NAME_CHARS - 1].rstrip() + "…"
        return format_number(self.number) + (f" {name}" if name else "") + (" *" if self.is_dirty() else "")

    def _update_title(self, *_args: Any) -> None:
        title = self.title()
        self.setWindowTitle(title)
        if title != self._title:
            self._title = title
            self.titleChanged.emit()

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
        self.status.say(lambda: self.tr("Saving…"))

        def job(store: Store) -> Any:
            return store.save(number, data, directory)

        self.worker.submit(job, self._saved_done)

    def _saved_done(self, problems: Any, error: BaseException | None) -> None:
        if error is not None:
            self.status.say(lambda: self.tr("Not saved: %1").replace("%1", _said(error)))
            if not is_disk_trouble(error):  # the disk's trouble is the window's banner, not a dialog
                error_box(self, self.tr("The changes were not saved; they are kept in the draft."), error)
            return
        errors = [p for p in problems or [] if p.is_error]
        if errors:
            self.status.say(lambda: self.tr("Not saved: %1").replace(
                "%1", "; ".join(p.message(i18n.current_language()) for p in errors[:5])))
            return
        self._saved = parse_document(to_canonical_dict(self.session.document)).document
        self.session.undo_stack.setClean()
        self.status.say(lambda: self.tr("Saved. The change will be sent to the server at the next sync."))
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
