"""The main window: "Incoming calls" (the numbers list), open number editors, sync status."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.app.editor_tabs import EditorTabs
from pbxdesk.app.numbers_list import NumbersList
from pbxdesk.app.numbers_model import NumbersFilter, NumbersModel
from pbxdesk.app.status_bar import SyncStatusBar
from pbxdesk.app.sync_actions import SyncActions
from pbxdesk.app.window_views import WindowViews
from pbxdesk.desktop import i18n
from pbxdesk.desktop.options import AUTO_SYNC, AUTO_SYNC_INTERVAL_S, LANGUAGE, MAIN_GEOMETRY, Settings

if TYPE_CHECKING:  # the heavy parts are imported by attach() (on the loader's thread at a fast start)
    from PySide6.QtGui import QCloseEvent, QShowEvent  # (annotations only: each class costs ms to set up)

    from pbxdesk.app.number_editor import NumberEditor
    from pbxdesk.app.quick_start import QuickStart
    from pbxdesk.desktop.context import AppContext
    from pbxdesk.desktop.media_fetch import MediaFetcher
    from pbxdesk.desktop.store_worker import StoreWorker
    from pbxdesk.desktop.sync_worker import SyncController
    from pbxdesk.sync_ui import SyncUi


class MainWindow(NumbersList, EditorTabs, SyncActions, WindowViews, QMainWindow):
    serverReady = Signal()
    numbersShown = Signal()  # after every refresh of the numbers list
    nowShown = Signal()  # after every refresh of its "Right now" column
    firstSyncDone = Signal()
    attached = Signal()  # the profile is open: store, sync and editors work from now on

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None, *,
                 profile_dir: str | Path | None = None, quick: QuickStart | None = None,
                 settings: Settings | None = None) -> None:
        """``MainWindow(context=...)`` on an opened profile; ``MainWindow(profile_dir=...)`` opens it first
        (both ready at once, as tests want); ``MainWindow(quick=...)`` shows the list read by ``quick_start``
        and waits for ``attach(context)`` (the fast start of ``run_app``; ``settings`` are then that profile's,
        handed on to ``open_profile`` so that one object serves both)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        if context is None and quick is None:
            from pbxdesk.app.startup import open_profile

            context = open_profile(None if profile_dir is None else str(profile_dir))
        self.context: Any = None
        self.worker: StoreWorker | Any = None
        self.sync: SyncController | Any = None
        self.media: MediaFetcher | Any = None
        self.sync_ui: SyncUi | Any = None
        if context is not None:
            self.settings = context.settings
        else:
            self.settings = settings or Settings(quick.profile_dir)  # type: ignore[union-attr]
        self._is_demo = context.is_demo if context is not None else quick.is_demo  # type: ignore[union-attr]
        self.editors: dict[str, NumberEditor] = {}
        self._player: Any = None
        self._synced_once = False
        self._pending_open = ""
        self._closed = False
        self._shown_once = False
        self.list_loaded = False  # the numbers list has been filled at least once
        self._build()
        self._make_actions()
        # relabelled by i18n, not by a Python changeEvent(): an event handler in Python would run for every
        # window event and cost a few milliseconds of start-up to wrap the first one
        i18n.on_language_changed(self._language_changed)
        self.auto_sync_timer = QTimer(self)
        self.auto_sync_timer.timeout.connect(self._auto_sync)
        geometry = self.settings.get(MAIN_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self._first_size()
        if context is not None:
            self.attach(context)
        else:
            self.retranslate()
            self.status.set_opening()
            self._show_rows(quick.rows)  # type: ignore[union-attr]

    def attach(self, context: AppContext) -> None:
        """Connect the opened profile: store worker, sync, the sync views; then reload and sync."""
        from pbxdesk.desktop.media_fetch import MediaFetcher
        from pbxdesk.desktop.store_worker import StoreWorker
        from pbxdesk.desktop.sync_worker import SyncController
        from pbxdesk.sync_ui import SyncUi  # pending changes, conflicts, history, banners, list marks

        if self._closed:  # closed while the profile was opening
            context.close()
            return
        self.context = context
        self._is_demo = context.is_demo
        self.worker = StoreWorker(context.profile_dir, self, open_later=context.store is None)
        self.worker.storeOpened.connect(self._store_opened)
        self.media = MediaFetcher(context, self)  # the company's audio files, downloaded as numbers use them
        self.media.namesChanged.connect(self._media_names_learned)
        self.sync = SyncController(context, self)
        self.status.cancelRequested.connect(self.sync.cancel)
        self.sync.progress.connect(self.status.show_progress)
        self.sync.started.connect(self.status.sync_started)
        self.sync_ui = SyncUi(self)  # adds its menu actions, banners and list marks to this window
        self.sync.finished.connect(self._sync_finished)
        self.serverReady.connect(self._server_ready)
        self.settings.changed.connect(self._setting_changed)
        self._apply_auto_sync()
        for action in (self.act_sync, self.act_cancel_sync, self.act_settings):
            action.setEnabled(True)
        self.retranslate()
        self.refresh_numbers()
        self.start_clock()
        self.status.set_connecting()
        context.start_server_async(self.serverReady.emit)
        QTimer.singleShot(0, self.player)  # the audio output is looked for once, before a number is opened
        self.attached.emit()
        if self._pending_open:
            self.open_number(self._pending_open)

    def attach_failed(self, error: BaseException) -> None:
        """The profile could not be opened: say so; the list read at start stays visible. A failing disk (the
        profile removed, its drive gone) is said in words where the editor would be, not in a dialog."""
        from pbxdesk.desktop.i18n import current_language
        from pbxdesk.store import StoreError
        from pbxdesk.widgets.error_dialog import error_box

        if isinstance(error, StoreError):
            said = error.message(current_language())
            self.status.show_error(said)
            self.placeholder.setText(self.tr("The profile could not be opened.") + "\n\n" + said)
            return
        self.status.show_error(str(error))
        error_box(self, self.tr("The profile could not be opened."), error)

    # -- layout -----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.model = NumbersModel(self)
        self.proxy = NumbersFilter(self)
        self.proxy.setSourceModel(self.model)
        left = self.list_panel = QWidget(self)
        left.setObjectName("numbersPanel")
        column = QVBoxLayout(left)
        self.list_title = QLabel(left)
        title_font = self.list_title.font()  # fonts and palettes, not style sheets: those cost at start-up
        title_font.setPointSize(14)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.list_title.setFont(title_font)
        self.search = QLineEdit(left)
        self.search.setObjectName("numbersSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.show_withdrawn = QCheckBox(left)  # numbers the company no longer has: hidden unless asked for
        self.show_withdrawn.setObjectName("showWithdrawn")
        self.show_withdrawn.toggled.connect(self.proxy.set_show_withdrawn)
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
        self.table.horizontalHeader().setStretchLastSection(True)
        # titles at the start of their column (a wide "Right now" column hid its centred title), and one
        # line per number: a long text is elided, not wrapped into a taller row
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda idx: self.open_number(self._number_at(idx)))
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(lambda idx: self.open_number(self._number_at(idx)))
        column.addWidget(self.list_title)
        column.addWidget(self.search)
        column.addWidget(self.show_withdrawn)
        column.addWidget(self.table, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setUsesScrollButtons(True)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("editorPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        hint_font = self.placeholder.font()
        hint_font.setPointSize(13)
        self.placeholder.setFont(hint_font)
        self.placeholder.setContentsMargins(40, 40, 40, 40)
        hint_palette = self.placeholder.palette()
        hint_palette.setColor(QPalette.ColorRole.WindowText, QColor("#607d8b"))
        self.placeholder.setPalette(hint_palette)
        self.editor_area = QStackedWidget(self)
        self.editor_area.addWidget(self.placeholder)
        self.editor_area.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._current_tab_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_area)
        self.splitter.setStretchFactor(0, 0)  # the list keeps its width; a larger window widens the editor
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([460, 940])
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        self.status = SyncStatusBar(self)
        self.setStatusBar(self.status)

    def _make_actions(self) -> None:
        self.menu_file = self.menuBar().addMenu("")
        self.menu_number = self.menuBar().addMenu("")
        self.menu_view = self.menuBar().addMenu("")
        self.menu_sync = self.menuBar().addMenu("")
        self.menu_help = self.menuBar().addMenu("")
        self.act_open = self._action("actionOpen", self.menu_number, self._open_current, QKeySequence("Return"))
        self.act_open.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.act_open)
        self.act_find = self._action("actionFind", self.menu_number, self.find_number,
                                     QKeySequence(QKeySequence.StandardKey.Find))
        self.act_sync = self._action("actionSync", self.menu_sync, self.start_sync, QKeySequence("F5"))
        self.act_cancel_sync = self._action("actionCancelSync", self.menu_sync, lambda: self.sync.cancel())
        self.act_settings = self._action("actionSettings", self.menu_file, self.show_settings,
                                         QKeySequence(QKeySequence.StandardKey.Preferences))
        for action in (self.act_sync, self.act_cancel_sync, self.act_settings):  # until attach()
            action.setEnabled(False)
        self.act_quit = self._action("actionQuit", self.menu_file, self.close,
                                     QKeySequence(QKeySequence.StandardKey.Quit))
        self.act_about = self._action("actionAbout", self.menu_help, self.show_about)
        toolbar = self.toolbar = self.addToolBar("main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.act_open, self.act_sync, self.act_settings])
        self._make_views()

    def _media_names_learned(self) -> None:
        """The server named more audio files: every view naming greetings words them again."""
        for editor in self.editors.values():
            editor.session.media_names_changed()
        self.refresh_now()

    def _first_size(self) -> None:
        """The first run (no saved geometry): the whole screen up to a full-HD one (a 1280 x 800 laptop, one at
        200 %, a 1920 x 1080 desktop), 1600 x 1000 on a larger screen."""
        screen = self.screen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None and room.width() <= 1920:
            self.resize(room.size())
            self.setWindowState(Qt.WindowState.WindowMaximized)
        else:
            self.resize(1600, 1000)

    def _action(self, name: str, menu: Any, slot: Any, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _language_changed(self) -> None:
        self.retranslate()
        self.model.relabel()  # the schedule and sync columns are words of the language, read when painted
        self.refresh_now(fit=True)  # "right now" is worded when computed

    def retranslate(self) -> None:
        title = self.tr("pbxdesk — Incoming calls")
        if self._is_demo:
            title += " " + self.tr("(demo)")
        self.setWindowTitle(title)
        self.list_title.setText(self.tr("Incoming calls"))
        self.placeholder.setText(self.tr("Choose a number and press the pencil, Enter or double-click to set up "
                                         "its schedule and call scenario."))
        self.search.setPlaceholderText(self.tr("Search by number or name"))
        self.search.setAccessibleName(self.tr("Search numbers"))
        self.show_withdrawn.setText(self.tr("Show withdrawn numbers"))
        self.show_withdrawn.setToolTip(self.tr("Numbers the company no longer has (removed, or moved to another "
                                               "company): read-only, an unsent edit of them can be exported"))
        self.table.setAccessibleName(self.tr("Incoming calls: the company's numbers"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns of the numbers list"))
        self.tabs.setAccessibleName(self.tr("Open numbers"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_number.setTitle(self.tr("&Number"))
        self.menu_sync.setTitle(self.tr("&Sync"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.act_open.setText(self.tr("Edit number"))
        self.act_open.setToolTip(self.tr("Open the selected number (Enter or double-click)"))
        self.act_find.setText(self.tr("Find number"))
        self.act_sync.setText(self.tr("Sync now"))
        self.act_cancel_sync.setText(self.tr("Cancel sync"))
        self.act_settings.setText(self.tr("Settings…"))
        self.act_quit.setText(self.tr("Quit"))
        self.act_about.setText(self.tr("About pbxdesk"))
        self._retranslate_views()
        for editor in self.editors.values():
            self._update_tab(editor)
        self.status.retranslate()
        if self.sync_ui is not None:
            self.sync_ui.retranslate()

    # -- settings, about, closing -------------------------------------------------------------------------
    def _setting_changed(self, key: str) -> None:
        if key == LANGUAGE.key:
            i18n.set_language(self.settings.get(LANGUAGE))
        if key in (AUTO_SYNC.key, AUTO_SYNC_INTERVAL_S.key):
            self._apply_auto_sync()

    def show_settings(self) -> None:
        if self.context is None:
            return
        from pbxdesk.app.settings_dialog import SettingsDialog

        SettingsDialog(self.context, self).exec()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from pbxdesk.app.about import about_text

        QMessageBox.about(self, self.tr("About pbxdesk"), about_text())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # the list's first width, once the window has its real (maybe maximised) size
            self._shown_once = True
            QTimer.singleShot(0, self.fit_numbers_list)

    def closeEvent(self, event: QCloseEvent) -> None:
        for index in reversed(range(self.tabs.count())):
            if not self.close_tab(index):
                event.ignore()
                return
        self.settings.set(MAIN_GEOMETRY, self.saveGeometry())
        self.save_views()
        self._closed = True
        if self.worker is not None:
            self.sync_ui.shutdown()  # stops the reachability probe
            self.media.shutdown()
            self.sync.cancel()
            self.sync.wait(15000)
            self.worker.wait_idle()
            self.worker.stop()
        super().closeEvent(event)
