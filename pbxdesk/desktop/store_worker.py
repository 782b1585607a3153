"""A single background thread that runs store operations in order, so the GUI never waits on SQLite fsyncs.

``submit(job, on_done)``: ``job(store)`` runs on the worker thread with the worker's own ``Store``; its
result (or exception) comes back to ``on_done(result, error)`` on the GUI thread, unless ``on_done`` is a method
of a Qt object deleted meanwhile (an editor closed while its save was running).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from pbxdesk.store import Store

Job = Callable[[Store], Any]
Done = Callable[[Any, BaseException | None], None]


class StoreWorker(QObject):
    _finished = Signal(object, object, object)  # callback, result, error

    def __init__(self, profile_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile_dir = profile_dir
        self._jobs: queue.Queue[tuple[Job, Done | None] | None] = queue.Queue()
        self._finished.connect(self._deliver)
        self._idle = threading.Event()
        self._idle.set()
        self._thread = threading.Thread(target=self._loop, name="pbxdesk-store", daemon=True)
        self._thread.start()

    def submit(self, job: Job, on_done: Done | None = None) -> None:
        self._idle.clear()
        self._jobs.put((job, on_done))

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until every submitted job ran (used when closing and by tests)."""
        return self._idle.wait(timeout)

    def finish_pending(self, timeout: float = 10.0) -> bool:
        """Run every submitted job and deliver its result now (before the caller goes on: a tab that saves
        as it closes hands its editor the answer while the editor is still there)."""
        done = self.wait_idle(timeout)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        return done

    def stop(self) -> None:
        self._jobs.put(None)
        self._thread.join(10)

    def _loop(self) -> None:
        store = Store.open(self._profile_dir)
        try:
            while True:
                item = self._jobs.get()
                if item is None:
                    return
                job, on_done = item
                result: Any = None
                error: BaseException | None = None
                try:
                    result = job(store)
                except BaseException as exc:  # handed to the GUI, which shows it
                    error = exc
                if on_done is not None:
                    self._finished.emit(on_done, result, error)
                if self._jobs.empty():
                    self._idle.set()
        finally:
            store.close()

    @staticmethod
    def _deliver(on_done: Done, result: Any, error: BaseException | None) -> None:
        owner = getattr(on_done, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # the widget that asked (an editor closed meanwhile) is gone: nobody to tell
        on_done(result, error)
