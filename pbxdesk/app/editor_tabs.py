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
            return store.load_draft(number), store.get_saved(number), store.get_directory()

        self.worker.submit(job, lambda result, error: self._editor_loaded(number, result, error))

    def _editor_loaded(self, number: str, result: Any, error: BaseException | None) -> None:
        from pbxdesk.domain.document import parse_document
        from pbxdesk.widgets.error_dialog import error_box  # not imported at start: the window shows first

        cannot_open = QCoreApplication.translate("MainWindow", "The number %1 could not be opened.").replace("%1", number)
        if error is not None or number in self.editors:
            if error is not None:
                error_box(self, cannot_open, error)
            return
        draft, saved, directory = result
        document = parse_document(draft).document if draft is not None else None
        if document is None:
            if saved is None:
                error_box(self, cannot_open, LookupError(f"{number}: no saved settings and no draft in this profile"))
                return
            document = saved.model_copy(deep=True)
        from pbxdesk.app.number_editor import NumberEditor  # the editors load on first use

        editor = NumberEditor(self.context, self.worker, number, document, saved, directory, self.player())
        editor.saved.connect(lambda _n: (self.refresh_numbers(), self._update_tab(editor)))
        editor.copied.connect(lambda _numbers: self.refresh_numbers())
        editor.session.changed.connect(lambda *_a: self._update_tab(editor))
        editor.session.undo_stack.cleanChanged.connect(lambda *_a: self._update_tab(editor))
        self.editors[number] = editor
        index = self.tabs.addTab(editor, editor.title())
        close = self.tabs.tabBar().tabButton(index, self.tabs.tabBar().ButtonPosition.RightSide)
        if close is not None:
            close.setAccessibleName(QCoreApplication.translate("MainWindow", "Close %1").replace("%1", editor.title()))
        self.tabs.setCurrentWidget(editor)
        self._give_editor_room()
        self.sync_ui.editor_opened(editor)  # server problems and a conflict being resolved show in it

    def _give_editor_room(self, list_width: int = 420) -> None:
        """An open editor needs the width more than the list: a list wider than ``list_width`` gives the rest
        to the editor (a narrower one, as the user left it, is kept)."""
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[0] > list_width:
            self.splitter.setSizes([list_width, sizes[0] + sizes[1] - list_width])

    def _update_tab(self, editor: NumberEditor) -> None:
        index = self.tabs.indexOf(editor)
        if index >= 0:
            self.tabs.setTabText(index, editor.title())

    def close_tab(self, index: int) -> bool:
        editor = self.tabs.widget(index)
        if not hasattr(editor, "session"):
            return True
        if not editor.session.undo_stack.isClean():
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MainWindow", "Unsaved changes"),
                              QCoreApplication.translate("MainWindow", "The number %1 has unsaved changes. They are kept as a draft if you "
                                      "close it now.").replace("%1", editor.title()),
                              QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Close
                              | QMessageBox.StandardButton.Cancel, self)
            answer = box.exec()
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save and not editor.scenarios.request_save():
                return False
        editor.autosave_now()
        self.tabs.removeTab(index)
        self.editors.pop(editor.number, None)
        editor.deleteLater()
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

