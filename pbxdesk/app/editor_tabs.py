"""The main window's number editors: open a number in a tab (off the GUI thread), keep the tab's title,
close it (asking about unsaved changes), and the one audio player they share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from pbxdesk.app.number_editor import NumberEditor
    from pbxdesk.store import Store


class EditorTabs:
    """Mixed into MainWindow (which provides context, worker, status, tabs, editors, sync_ui, refresh_numbers)."""

    context: Any
    worker: Any
    status: Any
    tabs: Any
    editors: dict[str, NumberEditor]
    sync_ui: Any
    splitter: Any
    _pending_open: str
    _player: Any
    test_call_dock: Any
    media: Any
    editor_area: Any
    placeholder: Any
    editor_opened_layout: Any
    editors_closed_layout: Any

    table: Any

    refresh_numbers: Any
    _number_at: Any

    def open_number(self, number: str) -> None:
        if not number:
            return
        if self.worker is None:  # still opening the profile: open it as soon as that is done
            self._pending_open = number
            self.status.set_opening()
            return
        if number in self.editors:
            self.tabs.setCurrentWidget(self.editors[number])
            return

        def job(store: Store) -> Any:
            withdrawn = store.is_withdrawn(number)
            return (store.load_draft(number), store.get_saved(number), store.get_directory(), withdrawn,
                    withdrawn and store.has_kept_edit(number))

        self.worker.submit_read(job, lambda result, error: self._editor_loaded(number, result, error))

    def _editor_loaded(self, number: str, result: Any, error: BaseException | None) -> None:
        from pbxdesk.domain.document import parse_document
        from pbxdesk.widgets.error_dialog import error_box  # not imported at start: the window shows first

        cannot_open = QCoreApplication.translate("MainWindow", "The number %1 could not be opened.").replace("%1", number)
        if error is not None or number in self.editors:
            from pbxdesk.desktop.store_worker import is_disk_trouble

            if error is not None and not is_disk_trouble(error):  # the disk's trouble: the window's banner
                error_box(self, cannot_open, error)
            elif error is not None:
                self.status.show_error(cannot_open)
            return
        draft, saved, directory, withdrawn, kept_edit = result
        document = parse_document(draft).document if draft is not None else None
        if document is None:
            if saved is None:
                error_box(self, cannot_open, LookupError(f"{number}: no saved settings and no draft in this profile"))
                return
            document = saved.model_copy(deep=True)
        from pbxdesk.app.number_editor import NumberEditor  # the editors load on first use

        editor = NumberEditor(self.context, self.worker, number, document, saved, directory, self.player(),
                              media=self.media)
        editor.saved.connect(lambda _n: self.refresh_numbers())
        editor.copied.connect(lambda _numbers: self.refresh_numbers())
        editor.titleChanged.connect(lambda: self._update_tab(editor))
        self.editors[number] = editor
        self.test_call_dock.add(editor.test_call)
        if withdrawn:  # the company no longer has it: read-only, its routing can be exported
            from pbxdesk.app.withdrawn_editor import make_read_only

            make_read_only(editor, kept_edit)
        self.tabs.addTab(editor, "")
        self._update_tab(editor)
        self.tabs.setCurrentWidget(editor)
        self.editor_opened_layout()
        self.sync_ui.editor_opened(editor)  # server problems and a conflict being resolved show in it

    def _update_tab(self, editor: NumberEditor) -> None:
        """The tab names the number and its name (the whole name in its tooltip), "*" while unsaved."""
        index = self.tabs.indexOf(editor)
        if index < 0:
            return
        self.tabs.setTabText(index, editor.title())
        self.tabs.setTabToolTip(index, editor.display_name())
        close = self.tabs.tabBar().tabButton(index, self.tabs.tabBar().ButtonPosition.RightSide)
        if close is not None:
            words = QCoreApplication.translate("MainWindow", "Close %1").replace("%1", editor.display_name())
            close.setAccessibleName(words)
            close.setToolTip(words)

    def _current_tab_changed(self, _index: int) -> None:
        editor = self.tabs.currentWidget()
        self.editor_area.setCurrentWidget(self.tabs if self.tabs.count() else self.placeholder)
        self.test_call_dock.show_panel(editor.test_call if hasattr(editor, "test_call") else None)

    def close_tab(self, index: int) -> bool:
        editor = self.tabs.widget(index)
        if not hasattr(editor, "session"):
            return True
        if not editor.session.undo_stack.isClean():
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MainWindow", "Unsaved changes"),
                              QCoreApplication.translate("MainWindow", "The number %1 has unsaved changes. They are kept "
                                                         "as a draft if you close it now.").replace(
                                  "%1", editor.display_name()),
                              QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Close
                              | QMessageBox.StandardButton.Cancel, self)
            answer = box.exec()
            box.deleteLater()
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save:
                if not editor.scenarios.request_save():
                    return False
                self.worker.finish_pending()  # saved (or told why not) while the editor is still open
                if not editor.session.undo_stack.isClean():
                    return False
        editor.autosave_now()
        # from here on nothing the editor or its parts still emit (its undo stack empties as it goes) may
        # reach the window: their receivers would find the editor's widgets already deleted
        editor.blockSignals(True)
        editor.session.blockSignals(True)
        editor.session.undo_stack.blockSignals(True)
        self.test_call_dock.remove(editor.test_call)
        self.tabs.removeTab(index)
        self.editors.pop(editor.number, None)
        editor.test_call.deleteLater()
        editor.deleteLater()
        if not self.tabs.count():
            self.editors_closed_layout()
        return True

    def current_number(self) -> str:
        """The number the user is looking at: the current editor's, else the one selected in the list."""
        editor = self.tabs.currentWidget()
        if editor is not None and hasattr(editor, "session"):
            return str(editor.number)
        return str(self._number_at(self.table.currentIndex()))

    def player(self) -> Any:
        if self._player is None:
            from pbxdesk.audio.player import PromptPlayer

            self._player = PromptPlayer(self)
        return self._player

