"""The main window: "Incoming calls" (the numbers list), open number editors, sync status."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.app import i18n

if TYPE_CHECKING:
    from pbxdesk.app.number_editor import NumberEditor
from pbxdesk.app.numbers_model import NumbersFilter, NumbersModel, now_summary
from pbxdesk.app.options import AUTO_SYNC, AUTO_SYNC_INTERVAL_S, LANGUAGE, MAIN_GEOMETRY
from pbxdesk.app.startup import AppContext
from pbxdesk.app.status_bar import SyncStatusBar
from pbxdesk.app.store_worker import StoreWorker
from pbxdesk.app.sync_actions import SyncActions
from pbxdesk.app.sync_worker import SyncController
from pbxdesk.store import Store
from pbxdesk.sync_ui import SyncUi  # issue 12: pending changes, conflicts, history, banners
from pbxdesk.widgets.error_dialog import error_box


class MainWindow(SyncActions, QMainWindow):
    serverReady = Signal()
    numbersShown = Signal()  # after every refresh of the numbers list
    firstSyncDone = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.worker = StoreWorker(context.profile_dir, self)
        self.sync = SyncController(context, self)
        self.editors: dict[str, NumberEditor] = {}
        self._player: Any = None
        self._synced_once = False
        self._build()
        self._make_actions()
        self.sync_ui = SyncUi(self)  # issue 12 wiring
        self.sync.finished.connect(self._sync_finished)
        self.serverReady.connect(self._server_ready)
        self.auto_sync_timer = QTimer(self)
        self.auto_sync_timer.timeout.connect(self._auto_sync)
        self.context.settings.changed.connect(self._setting_changed)
        self._apply_auto_sync()
        geometry = context.settings.get(MAIN_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        self.retranslate()
        self.refresh_numbers()
        self.status.set_connecting()
        context.start_server_async(self.serverReady.emit)

    # -- layout -----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.model = NumbersModel(self)
        self.proxy = NumbersFilter(self)
        self.proxy.setSourceModel(self.model)
        left = QWidget(self)
        column = QVBoxLayout(left)
        self.list_title = QLabel(left)
        self.list_title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.search = QLineEdit(left)
        self.search.setObjectName("numbersSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.table = QTableView(left)
        self.table.setObjectName("numbersList")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Columns are fitted to the first rows once per list load, not on every change of every cell:
        # automatic fitting measured thousands of rows again on each refresh and froze the window.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setResizeContentsPrecision(64)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda idx: self.open_number(self._number_at(idx)))
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(lambda idx: self.open_number(self._number_at(idx)))
        column.addWidget(self.list_title)
        column.addWidget(self.search)
        column.addWidget(self.table, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("editorPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #607d8b; font-size: 13pt; padding: 40px;")
        self.editor_area = QStackedWidget(self)
        self.editor_area.addWidget(self.placeholder)
        self.editor_area.addWidget(self.tabs)
        self.tabs.currentChanged.connect(
            lambda _i: self.editor_area.setCurrentWidget(self.tabs if self.tabs.count() else self.placeholder))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_area)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([460, 940])
        self.setCentralWidget(self.splitter)
        self.status = SyncStatusBar(self)
        self.setStatusBar(self.status)
        self.status.cancelRequested.connect(self.sync.cancel)
        self.sync.progress.connect(self.status.show_progress)
        self.sync.started.connect(self.status.sync_started)

    def _make_actions(self) -> None:
        self.menu_file = self.menuBar().addMenu("")
        self.menu_number = self.menuBar().addMenu("")
        self.menu_sync = self.menuBar().addMenu("")
        self.menu_help = self.menuBar().addMenu("")
        self.act_open = self._action("actionOpen", self.menu_number, self._open_current, QKeySequence("Return"))
        self.act_open.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.act_open)
        self.act_find = self._action("actionFind", self.menu_number, self.search.setFocus,
                                     QKeySequence(QKeySequence.StandardKey.Find))
        self.act_sync = self._action("actionSync", self.menu_sync, self.start_sync, QKeySequence("F5"))
        self.act_cancel_sync = self._action("actionCancelSync", self.menu_sync, self.sync.cancel)
        self.act_settings = self._action("actionSettings", self.menu_file, self.show_settings,
                                         QKeySequence(QKeySequence.StandardKey.Preferences))
        self.act_quit = self._action("actionQuit", self.menu_file, self.close,
                                     QKeySequence(QKeySequence.StandardKey.Quit))
        self.act_about = self._action("actionAbout", self.menu_help, self.show_about)
        toolbar = self.addToolBar("main")
        toolbar.setObjectName("mainToolbar")
        toolbar.addActions([self.act_open, self.act_sync, self.act_settings])

    def _action(self, name: str, menu: Any, slot: Any, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def retranslate(self) -> None:
        title = self.tr("pbxdesk — Incoming calls")
        if self.context.is_demo:
            title += " " + self.tr("(demo)")
        self.setWindowTitle(title)
        self.list_title.setText(self.tr("Incoming calls"))
        self.placeholder.setText(self.tr("Choose a number and press the pencil, Enter or double-click to set up "
                                         "its schedule and call scenario."))
        self.search.setPlaceholderText(self.tr("Search by number or name"))
        self.search.setAccessibleName(self.tr("Search numbers"))
        self.table.setAccessibleName(self.tr("Incoming calls: the company's numbers"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns of the numbers list"))
        self.tabs.setAccessibleName(self.tr("Open numbers"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_number.setTitle(self.tr("&Number"))
        self.menu_sync.setTitle(self.tr("&Sync"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_open.setText(self.tr("Edit number"))
        self.act_open.setToolTip(self.tr("Open the selected number (Enter or double-click)"))
        self.act_find.setText(self.tr("Find number"))
        self.act_sync.setText(self.tr("Sync now"))
        self.act_cancel_sync.setText(self.tr("Cancel sync"))
        self.act_settings.setText(self.tr("Settings…"))
        self.act_quit.setText(self.tr("Quit"))
        self.act_about.setText(self.tr("About pbxdesk"))
        for i in range(self.tabs.count()):
            editor = self.tabs.widget(i)
            if hasattr(editor, "title"):
                self.tabs.setTabText(i, editor.title())
        self.status.retranslate()
        self.sync_ui.retranslate()  # issue 12 wiring

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- numbers list -----------------------------------------------------------------------------------
    def _number_at(self, index: QModelIndex) -> str:
        return str(self.proxy.mapToSource(index).data(NumbersModel.NumberRole)) if index.isValid() else ""

    def _clicked(self, index: QModelIndex) -> None:
        if self.proxy.mapToSource(index).column() == NumbersModel.EDIT:
            self.open_number(self._number_at(index))

    def _open_current(self) -> None:
        self.open_number(self._number_at(self.table.currentIndex()))

    def refresh_numbers(self) -> None:
        """Reload the list off the GUI thread: first the rows, then what happens right now on each number
        (which needs every saved document, so it comes second and never delays the list)."""
        self.worker.submit(lambda store: store.list_numbers(), self._numbers_loaded)

    def _numbers_loaded(self, rows: Any, error: BaseException | None) -> None:
        if error is not None:
            self.status.show_error(str(error))
            return
        current = self._number_at(self.table.currentIndex())
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        row = self.model.row_of(current) if current else (0 if rows else -1)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self.numbersShown.emit()
        lang = i18n.current_language()
        numbers = [r.number for r in rows]

        def job(store: Store) -> dict[str, str]:
            directory = store.get_directory()
            now = datetime.now().astimezone()
            texts: dict[str, str] = {}
            for number in numbers:
                doc = store.get_saved(number)
                if doc is not None:
                    texts[number] = now_summary(doc, directory, now, lang)
            return texts

        self.worker.submit(job, self._now_loaded)

    def _now_loaded(self, texts: Any, error: BaseException | None) -> None:
        if error is None:
            self.model.set_now_texts(texts)
            self.table.resizeColumnToContents(NumbersModel.NOW)

    # -- editors ----------------------------------------------------------------------------------------
    def open_number(self, number: str) -> None:
        if not number:
            return
        if number in self.editors:
            self.tabs.setCurrentWidget(self.editors[number])
            return

        def job(store: Store) -> Any:
            return store.load_draft(number), store.get_saved(number), store.get_directory()

        self.worker.submit(job, lambda result, error: self._editor_loaded(number, result, error))

    def _editor_loaded(self, number: str, result: Any, error: BaseException | None) -> None:
        from pbxdesk.domain.document import parse_document

        if error is not None or number in self.editors:
            if error is not None:
                error_box(self, self.tr("The number %1 could not be opened.").replace("%1", number), error)
            return
        draft, saved, directory = result
        document = parse_document(draft).document if draft is not None else None
        if document is None:
            if saved is None:
                error_box(self, self.tr("The number %1 could not be opened.").replace("%1", number),
                          LookupError(f"{number}: no saved settings and no draft in this profile"))
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
        close = self.tabs.tabBar().tabButton(index, QTabBar.ButtonPosition.RightSide)
        if close is not None:
            close.setAccessibleName(self.tr("Close %1").replace("%1", editor.title()))
        self.tabs.setCurrentWidget(editor)
        self.sync_ui.editor_opened(editor)  # issue 12 wiring

    def _update_tab(self, editor: NumberEditor) -> None:
        index = self.tabs.indexOf(editor)
        if index >= 0:
            self.tabs.setTabText(index, editor.title())

    def close_tab(self, index: int) -> bool:
        editor = self.tabs.widget(index)
        if not hasattr(editor, "session"):
            return True
        if not editor.session.undo_stack.isClean():
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                              self.tr("The number %1 has unsaved changes. They are kept as a draft if you "
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

    def player(self) -> Any:
        if self._player is None:
            from pbxdesk.audio.player import PromptPlayer

            self._player = PromptPlayer(self)
        return self._player

    # -- settings, about, closing -------------------------------------------------------------------------
    def _setting_changed(self, key: str) -> None:
        if key == LANGUAGE.key:
            i18n.set_language(self.context.settings.get(LANGUAGE))
        if key in (AUTO_SYNC.key, AUTO_SYNC_INTERVAL_S.key):
            self._apply_auto_sync()

    def show_settings(self) -> None:
        from pbxdesk.app.settings_dialog import SettingsDialog

        SettingsDialog(self.context, self).exec()

    def show_about(self) -> None:
        from pbxdesk.app.about import about_text

        QMessageBox.about(self, self.tr("About pbxdesk"), about_text())

    def closeEvent(self, event: QCloseEvent) -> None:
        for index in reversed(range(self.tabs.count())):
            if not self.close_tab(index):
                event.ignore()
                return
        self.context.settings.set(MAIN_GEOMETRY, self.saveGeometry())
        self.sync_ui.shutdown()  # issue 12 wiring
        self.sync.cancel()
        self.sync.wait(15000)
        self.worker.wait_idle()
        self.worker.stop()
        super().closeEvent(event)
