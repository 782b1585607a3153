"""A single background thread that runs store operations in order, so the GUI never waits on SQLite fsyncs.

``submit(job, on_done)``: ``job(store)`` runs on the worker thread with the worker's own ``Store``; its
result (or exception) comes back to ``on_done(result, error)`` on the GUI thread, unless ``on_done`` is a method
of a Qt object deleted meanwhile (an editor closed while its save was running).

When the profile's disk fails (full, read-only, removed: ``ProfileUnavailable``) the jobs keep running and
failing cleanly, ``profileTrouble(error)`` tells the window once, and ``profileTrouble(None)`` when a store
operation works again. A profile whose disk cannot be written is opened read-only (everything committed
can still be seen); the worker tries to open it for writing again before each job until it succeeds.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from pbxdesk.store import ProfileUnavailable, Store, StoreError

Job = Callable[[Store], Any]
Done = Callable[[Any, BaseException | None], None]


def open_store(profile_dir: Path) -> tuple[Store | None, StoreError | None]:
    """The profile's store, read-only when its disk cannot be written (with the reason), or only the reason."""
    try:
        return Store.open(profile_dir), None
    except StoreError as exc:
        trouble = exc
    try:
        return Store.open(profile_dir, read_only=True), trouble
    except StoreError:
        return None, trouble


class StoreWorker(QObject):
    _finished = Signal(object, object, object)  # callback, result, error
    profileTrouble = Signal(object)  # a StoreError of the profile's disk, or None once it works again

    def __init__(self, profile_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile_dir = profile_dir
        self._jobs: queue.Queue[tuple[Job, Done | None] | None] = queue.Queue()
        self._finished.connect(self._deliver)
        self._idle = threading.Event()
        self._idle.set()
        self._trouble: StoreError | None = None
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

    def note_trouble(self, error: StoreError) -> None:
        """The disk failed elsewhere (a sync): the next write that works here says it is back."""
        self._trouble = error

    def _loop(self) -> None:
        store, self._trouble = open_store(self._profile_dir)
        if self._trouble is not None:
            self.profileTrouble.emit(self._trouble)
        try:
            while True:
                item = self._jobs.get()
                if item is None:
                    return
                job, on_done = item
                if self._trouble is not None and (store is None or store.read_only):
                    store = self._reopen(store)  # the disk may be back: open it for writing again
                result: Any = None
                error: BaseException | None = None
                writes = store.writes if store is not None else 0
                try:
                    if store is None:
                        raise self._trouble or ProfileUnavailable("io", str(self._profile_dir))
                    result = job(store)
                except BaseException as exc:  # handed to the GUI, which shows it
                    error = exc
                if isinstance(error, StoreError) and not _about_data(error):
                    if self._trouble is None or str(self._trouble) != str(error):
                        self.profileTrouble.emit(error)
                    self._trouble = error
                elif error is None and self._trouble is not None and store is not None and store.writes > writes:
                    self._trouble = None  # a write went through: the disk is back
                    self.profileTrouble.emit(None)
                if on_done is not None:
                    self._finished.emit(on_done, result, error)
                if self._jobs.empty():
                    self._idle.set()
        finally:
            if store is not None:
                store.close()

    def _reopen(self, store: Store | None) -> Store | None:
        try:
            writable = Store.open(self._profile_dir)
        except StoreError:
            return store if store is not None else open_store(self._profile_dir)[0]
        if store is not None:
            store.close()
        return writable

    @staticmethod
    def _deliver(on_done: Done, result: Any, error: BaseException | None) -> None:
        owner = getattr(on_done, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # the widget that asked (an editor closed meanwhile) is gone: nobody to tell
        on_done(result, error)


def is_disk_trouble(error: BaseException) -> bool:
    """A failure of the profile's disk (full, read-only, removed), which the window shows in a banner."""
    return isinstance(error, StoreError) and not _about_data(error)


def _about_data(error: StoreError) -> bool:
    """A store error about what was asked (a number not in the profile, a refused save), not about the disk."""
    return not isinstance(error, ProfileUnavailable) and type(error).__name__ != "StoreVersionError"
