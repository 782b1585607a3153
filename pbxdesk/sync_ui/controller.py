"""Wiring of the sync UI into the main window: menu actions, banners, list marks, the reachability probe,
server problems on open editors and the «edit» way of resolving a conflict.

The main window creates ``SyncUi(window)`` once (after its actions), calls ``editor_opened(editor)`` for every
number editor it opens, ``retranslate()`` on a language change and ``shutdown()`` when closing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pbxdesk.desktop.options import AUTO_SYNC
from pbxdesk.domain.models import RoutingDocument
from pbxdesk.sync_ui import deploy_marks
from pbxdesk.sync_ui.background import ReachabilityProbe, call_in_thread
from pbxdesk.sync_ui.banners import BannerArea
from pbxdesk.sync_ui.directory_marks import DirectoryMarks
from pbxdesk.sync_ui.list_marks import SyncMarkDelegate
from pbxdesk.sync_ui.server_problems import attach

if TYPE_CHECKING:  # SQLAlchemy is loaded by the store worker, not at start-up
    from pbxdesk.store import Store

DEPLOY_RECHECK_S = (2.0, 5.0, 10.0, 30.0, 60.0)  # after a sync that left numbers pending, look again


def _marks(store: Store) -> tuple[dict[str, str], dict[str, str], str | None, dict[str, Any]]:
    states, messages = {}, {}
    for state in ("conflict", "error"):
        for summary in store.list_numbers(state=state):
            states[summary.number] = state
            messages[summary.number] = summary.sync_message or ""
    return states, messages, store.get_cursor(), store.deploy_status()


class SyncUi(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.states: dict[str, str] = {}
        self.messages: dict[str, str] = {}
        self.deploy: dict[str, Any] = {}  # number -> DeployState: not live on every Asterisk node
        self._deploy_checks = 0
        self._deploy_timer = QTimer(self)
        self._deploy_timer.setSingleShot(True)
        self._deploy_timer.timeout.connect(self._check_deploy)
        self.cursor: str | None = None
        self.conflict_edits: dict[str, RoutingDocument] = {}
        self._disk_failed_sync = False
        self.dialog: Any = None
        self._marks_waiting = False
        self._build_banners()
        self.delegate = SyncMarkDelegate(window.table)
        window.table.setItemDelegateForColumn(0, self.delegate)
        self.directory_marks = DirectoryMarks(self)
        menu = window.menu_sync
        menu.addSeparator()
        self.act_pending = self._action("actionPendingChanges", menu, self.show_pending)
        self.act_conflicts = self._action("actionConflicts", menu, self.show_conflicts)
        self.act_history = self._action("actionHistory", window.menu_number, self.show_history)
        self.act_login = self._action("actionLogin", menu, self.show_login)
        self.probe = ReachabilityProbe(self._probe_target, self)
        self.probe.checked.connect(self._probe_checked)
        window.sync.finished.connect(self._sync_finished)
        window.numbersShown.connect(self.refresh_marks)
        window.serverReady.connect(self.probe.start)
        self.retranslate()

    def _build_banners(self) -> None:
        window = self.window
        self.banners = BannerArea()
        self.banners.retryRequested.connect(window.start_sync)
        self.banners.loginRequested.connect(self.show_login)
        self.banners.conflictsRequested.connect(self.show_conflicts)
        self.banners.pendingRequested.connect(self.show_pending)
        self.banners.set_profile_trouble(self.context.profile_trouble)  # met while the profile was opening
        window.worker.profileTrouble.connect(self.banners.set_profile_trouble)
        window.sync.profileTrouble.connect(self._sync_trouble)
        index = window.splitter.count() - 1  # the editor area, right of the numbers list
        editors = window.splitter.widget(index)
        sizes, policy = window.splitter.sizes(), editors.sizePolicy()
        holder = QWidget()
        holder.setObjectName("editorsWithBanners")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        window.splitter.insertWidget(index, holder)  # takes ownership (replaceWidget does not in PySide)
        column.addWidget(self.banners)
        column.addWidget(editors, 1)
        holder.setSizePolicy(policy)  # keeps the stretch factor the window gave its editor area
        window.splitter.setSizes(sizes)

    def _sync_trouble(self, error: Any) -> None:
        self._disk_failed_sync = True  # (arrives before the sync's end: that end is not a network error)
        self.banners.set_profile_trouble(error)
        self.window.worker.note_trouble(error)  # the next save that works hides the banner

    def _action(self, name: str, menu: Any, slot: Any) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def retranslate(self) -> None:
        self.act_pending.setText(self.tr("Pending changes…"))
        self.act_conflicts.setText(self.tr("Conflicts…"))
        self.act_history.setText(self.tr("History…"))
        self.act_history.setToolTip(self.tr("Versions of the number on the server"))
        self.act_login.setText(self.tr("Log in again…"))
        self.banners.retranslate()
        for editor in getattr(self.window, "editors", {}).values():
            banner = getattr(editor, "_deploy_banner", None)
            if banner is not None:
                banner.retranslate()

    def shutdown(self) -> None:
        self.probe.stop()
        self._deploy_timer.stop()

    # -- reachability ------------------------------------------------------------------------------------
    def _probe_target(self) -> tuple[str | None, str | None, str | None]:
        with self.context._lock:
            if self.context.token_later:  # not read yet (the first sync reads it): nothing to check with
                return None, None, self.cursor
            return self.context.server_url, self.context.token, self.cursor

    def _probe_checked(self, state: str, detail: str) -> None:
        status = self.window.status
        was = status.state()
        if state == "online":
            self.banners.set_network_error(None)
            self.banners.set_auth_error(None)
            if was != "online" and not self.window.sync.is_running():
                status.set_online()
                if self.context.settings.get(AUTO_SYNC):
                    self.window.start_sync()
        elif state == "auth":
            self.banners.set_auth_error(detail)
            status.set_offline(detail)
        elif not self.window.sync.is_running():
            status.set_offline(detail)
            self.banners.set_network_error(detail)

    # -- after a sync --------------------------------------------------------------------------------------
    def _sync_finished(self, report: Any, error: str) -> None:
        if self._disk_failed_sync:
            self._disk_failed_sync = False
            return
        if report is None:
            missing_token = bool(self.context.server_url) and not self.context.token
            self.banners.set_auth_error(error if missing_token else None)
            self.banners.set_network_error(None if missing_token else error)
            return
        self.banners.set_auth_error(report.auth_error)
        self.banners.set_network_error(report.offline)
        if report.auth_error:  # after the status bar took the report (it only knows reachable / not)
            QTimer.singleShot(0, lambda: self._show_auth_status(report.auth_error))

    def _show_auth_status(self, detail: str) -> None:
        self.window.status.set_offline(detail)
        self.window.status.progress.hide()
        self.window.status.say(lambda: self.tr("The server did not accept the access token: log in again."))

    def refresh_marks(self) -> None:
        worker = self.window.worker
        if not worker.store_open:  # a fast start: the marks come once the store is open
            if not self._marks_waiting:
                self._marks_waiting = True
                worker.storeOpened.connect(self.refresh_marks)
            return
        worker.submit(_marks, self._marks_loaded)

    def _marks_loaded(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            return
        deploy = result[3]
        if deploy != self.deploy:
            self._deploy_checks = 0  # something moved: look again soon
        self.states, self.messages, self.cursor, self.deploy = result
        self.delegate.set_deploy(self.deploy)
        self._follow_deploy()
        self.delegate.set_states(self.states)
        values = list(self.states.values())
        self.banners.set_counts(values.count("error"), values.count("conflict"))
        for number, editor in self.window.editors.items():
            self._show_server_problems(number, editor)
            deploy_marks.attach(editor).show(self.deploy.get(number))

    # -- deploy status ---------------------------------------------------------------------------------
    def _follow_deploy(self) -> None:
        """While a number is not live on every Asterisk node (on its way, or a node failed and retries), look
        again a little later (2 s after a change, then less and less often, at most every minute) without a
        whole sync, so the marks go as soon as it is live."""
        if not self.deploy:
            self._deploy_checks = 0
            self._deploy_timer.stop()
            return
        if not self._deploy_timer.isActive():
            delay = DEPLOY_RECHECK_S[min(self._deploy_checks, len(DEPLOY_RECHECK_S) - 1)]
            self._deploy_timer.start(int(delay * 1000))

    def _check_deploy(self) -> None:
        client = self.context.make_client()
        if client is None:
            return

        def fetch() -> Any:
            try:
                return client.deploy_overview()
            finally:
                client.close()

        call_in_thread(fetch, self._deploy_fetched)

    def _deploy_fetched(self, states: Any, error: BaseException | None) -> None:
        self._deploy_checks += 1
        if error is not None:  # offline or an older server: the next sync says more
            self._follow_deploy()
            return
        self.window.worker.submit(lambda store: store.set_deploy_status(states), lambda *_a: self.refresh_marks())

    def _show_server_problems(self, number: str, editor: Any) -> None:
        view = getattr(editor, "_server_problems", None)
        if self.states.get(number) == "error":
            attach(editor).show(self.messages.get(number))
        elif view is not None and view.problems:
            view.clear()

    # -- editors -------------------------------------------------------------------------------------------
    def editor_opened(self, editor: Any) -> None:
        attach(editor)
        editor.saved.connect(self._editor_saved)
        self._show_server_problems(editor.number, editor)
        deploy_marks.attach(editor).show(self.deploy.get(editor.number))
        self.directory_marks.editor_opened(editor)
        if editor.number in self.conflict_edits:
            self._load_conflict_edit(editor, self.conflict_edits[editor.number])

    def _load_conflict_edit(self, editor: Any, merged: RoutingDocument) -> None:
        from pbxdesk.widgets.session import SetValuesCommand

        changes = {"/name": merged.name, "/timezone": merged.timezone, "/schedule": merged.schedule,
                   "/scenarios": merged.scenarios}
        editor.session.push(SetValuesCommand(editor.session, changes, self.tr("Merge with the server's version")))
        editor.status.say(lambda: self.tr("Resolving a conflict: check the settings and save; saving resolves the "
                                      "conflict with this version."))

    def edit_conflict(self, number: str, merged: RoutingDocument) -> None:
        self.conflict_edits[number] = merged
        if self.dialog is not None:
            self.dialog.accept()
        editor = self.window.editors.get(number)
        if editor is not None:
            self.window.tabs.setCurrentWidget(editor)
            self._load_conflict_edit(editor, merged)
        else:
            self.window.open_number(number)

    def _editor_saved(self, number: str) -> None:
        if number not in self.conflict_edits:
            return
        from pbxdesk.sync.conflicts import ResolveError, resolve_with_document

        def job(store: Store) -> None:
            saved = store.get_saved(number)
            if saved is not None and store.summary(number).sync_state == "conflict":
                resolve_with_document(store, number, saved)

        def done(_result: Any, error: BaseException | None) -> None:
            editor = self.window.editors.get(number)
            if error is None:
                self.conflict_edits.pop(number, None)
                if editor is not None:
                    editor.status.say(lambda: self.tr("Conflict resolved. The number is sent at the next sync."))
            elif editor is not None:
                text = error.args[0] if isinstance(error, ResolveError) else str(error)
                editor.status.say(lambda: self.tr("The conflict is not resolved: %1").replace("%1", text))
            self.window.refresh_numbers()

        self.window.worker.submit(job, done)

    def reload_editor(self, number: str) -> None:
        """After a revert or a restore: an open editor shows the saved document again."""
        editor = self.window.editors.get(number)
        if editor is None:
            return

        def done(saved: Any, error: BaseException | None) -> None:
            if error is None and saved is not None:
                editor.replace_document(saved.model_copy(deep=True), saved)
                self.window.worker.submit(lambda store: store.discard_draft(number))
            elif error is None:
                self.window.close_tab(self.window.tabs.indexOf(editor))

        self.window.worker.submit(lambda store: store.get_saved(number) if store.has_number(number) else None,
                                  done)

    # -- dialogs ---------------------------------------------------------------------------------------
    def _changed(self, number: str) -> None:
        self.reload_editor(number)
        self.window.refresh_numbers()

    def show_pending(self) -> Any:
        from pbxdesk.sync_ui.pending_dialog import PendingChangesDialog

        for editor in self.window.editors.values():
            editor.autosave_now()
        dialog = PendingChangesDialog(self.window.worker, self.window)
        dialog.reverted.connect(self._changed)
        dialog.openRequested.connect(lambda n: (dialog.accept(), self.window.open_number(n)))
        return self._run(dialog)

    def show_conflicts(self) -> Any:
        from pbxdesk.sync_ui.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.window.worker, self.window)
        dialog.resolved.connect(self._changed)
        dialog.editRequested.connect(self.edit_conflict)
        return self._run(dialog)

    def show_history(self, number: str | None = None) -> Any:
        from pbxdesk.sync_ui.history_dialog import HistoryDialog

        number = number or self.window.current_number()
        if not number:
            return None
        dialog = HistoryDialog(self.context, self.window.worker, number, self.window)
        dialog.restored.connect(self._changed)
        return self._run(dialog)

    def show_login(self) -> Any:
        from pbxdesk.sync_ui.login_dialog import LoginDialog

        dialog = LoginDialog(self.context, self.window)
        dialog.accepted.connect(self._logged_in)
        return self._run(dialog)

    def _logged_in(self) -> None:
        self.banners.set_auth_error(None)
        self.window.start_sync()

    def _run(self, dialog: Any) -> Any:
        """Dialogs are window-modal but not blocking (``open``), so syncs and tests keep running."""
        self.dialog = dialog
        dialog.finished.connect(lambda *_a: setattr(self, "dialog", None) if self.dialog is dialog else None)
        dialog.open()
        return dialog
