"""The main window's sync wiring: start a sync when the embedded server is up, on demand (F5) and on the
auto-sync timer; reload untouched open editors with what the sync brought."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pbxdesk.desktop.options import AUTO_SYNC, AUTO_SYNC_INTERVAL_S

if TYPE_CHECKING:
    from pbxdesk.app.number_editor import NumberEditor
    from pbxdesk.store import Store


class SyncActions:
    """Mixed into MainWindow (which provides context, worker, sync, status, editors, signals)."""

    context: Any
    settings: Any
    worker: Any
    sync: Any
    status: Any
    editors: dict[str, NumberEditor]
    auto_sync_timer: Any
    firstSyncDone: Any
    _synced_once: bool
    _sync_when_open = False
    media: Any

    def _server_ready(self) -> None:
        if self.context.server_error:
            self.status.set_offline(self.context.server_error)
        if self.worker.store_open or not self.worker.open_later:
            self.start_sync()
        else:  # a fast start: the first sync waits until the first screen is shown and the store is open
            self._sync_when_open = True

    def _store_opened(self) -> None:
        if self._sync_when_open:
            self._sync_when_open = False
            if not self._synced_once and not self.sync.is_running():  # (the reachability check may have
                self.start_sync()  # started one meanwhile)

    def start_sync(self) -> None:
        if self.worker is None:  # the profile is still opening (attach() syncs when it is done)
            return
        for editor in self.editors.values():
            editor.autosave_now()
        self.worker.submit(lambda _store: None, lambda *_a: self.sync.start())

    def _auto_sync(self) -> None:
        if not self.sync.is_running():
            self.start_sync()

    def _apply_auto_sync(self) -> None:
        if self.settings.get(AUTO_SYNC):
            self.auto_sync_timer.start(int(self.settings.get(AUTO_SYNC_INTERVAL_S)) * 1000)
        else:
            self.auto_sync_timer.stop()

    def _sync_finished(self, report: Any, error: str) -> None:
        self.status.sync_finished(report, error)
        self.refresh_numbers()
        if not self._synced_once:
            self._synced_once = True
            self.firstSyncDone.emit()
        if report is not None:
            self._reload_untouched_editors()
            for number in getattr(report, "withdrawn", []):  # open editors of numbers that left: read-only now
                if number in self.editors:
                    from pbxdesk.app.withdrawn_editor import make_read_only

                    make_read_only(self.editors[number], number in report.kept_edits)
            if not report.offline and self.media is not None:
                self.media.learn_names()  # the list names greetings as uploaded too
                self.media.retry()  # the server is reachable again: greetings that could not come, now

    def _reload_untouched_editors(self) -> None:
        for number, editor in list(self.editors.items()):
            if editor.session.undo_stack.isClean() and not editor.session.undo_stack.count():

                def job(store: Store, n: str = number) -> Any:
                    return store.get_saved(n)

                def done(saved: Any, error: BaseException | None, ed: NumberEditor = editor) -> None:
                    if error is None and saved is not None and not ed.is_dirty() and ed.session.undo_stack.isClean():
                        ed.replace_document(saved.model_copy(deep=True), saved)

                self.worker.submit(job, done)

