"""Running a sync off the GUI thread, reporting progress and the result through Qt signals."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from pbxdesk.desktop.context import AppContext
from pbxdesk.desktop.i18n import current_language

if TYPE_CHECKING:  # the sync engine, SQLAlchemy and requests load on the sync's thread, not at start-up
    from pbxdesk.sync.engine import SyncReport


class _SyncThread(QThread):
    progress = Signal(int, int, str)
    finishedWith = Signal(object, str)  # SyncReport | None, error text
    trouble = Signal(object)  # a StoreError of the profile's disk

    def __init__(self, context: AppContext, cancel: threading.Event) -> None:
        super().__init__()
        self._context, self._cancel = context, cancel

    def run(self) -> None:
        from pbxdesk.store.disk import profile_trouble
        from pbxdesk.sync.engine import SyncEngine
        from pbxdesk.sync.errors import ApiError

        client = self._context.make_client()
        if client is None:
            self.finishedWith.emit(None, self._context.server_error or "no server configured")
            return
        store = None
        try:
            store = self._context.open_store()
            engine = SyncEngine(store, client, media_original=self._context.library.original_path)
            report = engine.run(progress=lambda d, t, i: self.progress.emit(d, t, i), cancel=self._cancel)
            self.finishedWith.emit(report, "")
        except ApiError as exc:
            self.finishedWith.emit(None, str(exc))
        except Exception as exc:  # reported to the user, never a crash of the GUI
            trouble = profile_trouble(self._context.profile_dir, exc)
            if trouble is not None:  # the profile's disk: the window shows it in its banner
                self.trouble.emit(trouble)
                self.finishedWith.emit(None, trouble.message(current_language()))
            else:
                self.finishedWith.emit(None, f"{type(exc).__name__}: {exc}")
        finally:
            if store is not None:
                store.close()
            client.close()


class SyncController(QObject):
    """One sync at a time. ``started``, ``progress(done, total, item)``, ``finished(report|None, error)``."""

    started = Signal()
    progress = Signal(int, int, str)
    finished = Signal(object, str)
    profileTrouble = Signal(object)  # the profile's disk failed during a sync (a StoreError)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._thread: _SyncThread | None = None
        self._cancel = threading.Event()
        self.last_report: SyncReport | None = None
        self.last_error = ""

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self) -> bool:
        if self.is_running():
            return False
        self._cancel = threading.Event()
        thread = _SyncThread(self._context, self._cancel)
        thread.progress.connect(self.progress)
        thread.trouble.connect(self.profileTrouble)
        thread.finishedWith.connect(self._done)
        self._thread = thread
        thread.start()
        self.started.emit()
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms) if self._thread is not None else True

    def _done(self, report: object, error: str) -> None:
        from pbxdesk.sync.engine import SyncReport  # (loaded by the sync's thread by now)

        self.last_report = report if isinstance(report, SyncReport) else None
        self.last_error = error
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None
        self.finished.emit(report, error)
