"""A single background thread that runs store operations in order, so the GUI never waits on SQLite fsyncs.

``submit(job, on_done)``: ``job(store)`` runs on the worker thread with the worker's own ``Store``; its
result (or exception) comes back to ``on_done(result, error)`` on the GUI thread, unless ``on_done`` is a method
of a Qt object deleted meanwhile (an editor closed while its save was running).

When the profile's disk fails (full, read-only, removed: ``ProfileUnavailable``) the jobs keep running and
failing cleanly, ``profileTrouble(error)`` tells the window once, and ``profileTrouble(None)`` when a store
operation works again. A profile whose disk cannot be written is opened read-only (everything committed
can still be seen); the worker tries to open it for writing again before each job until it succeeds.

At a fast start (``open_later=True``) the store is not opened at once: ``submit_read(job, on_done)`` runs
``job`` with a :class:`~pbxdesk.store.quick_read.QuickReader` (stdlib ``sqlite3``: the numbers list, a
number's documents, the directory) until the store is open, and with the store afterwards, so the first
screen needs no SQLAlchemy. The store opens with the first ``submit`` (a save, an autosave: in order, so
nothing is lost) or when ``open_store()`` is called, whichever comes first; ``storeOpened`` says so.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from pbxdesk.store.errors import ProfileUnavailable, StoreError

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when it is opened, on the worker's thread
    from pbxdesk.store import Store

Job = Callable[["Store"], Any]
Done = Callable[[Any, BaseException | None], None]
_OPEN = object()  # a queue item: open the store now


def open_store(profile_dir: Path) -> tuple[Store | None, StoreError | None]:
    """The profile's store, read-only when its disk cannot be written (with the reason), or only the reason."""
    from pbxdesk.store import Store

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
    storeOpened = Signal()  # the real store is open (at once, or at a fast start when it was first needed)

    def __init__(self, profile_dir: Path, parent: QObject | None = None, open_later: bool = False) -> None:
        super().__init__(parent)
        self._profile_dir = profile_dir
        self.open_later = open_later  # a fast start: reads go to the quick reader until the store is open
        self.store_open = False  # set on the worker's thread once the store is open
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._finished.connect(self._deliver)
        self._idle = threading.Event()
        self._idle.set()
        self._trouble: StoreError | None = None
        self._thread = threading.Thread(target=self._loop, name="pbxdesk-store", daemon=True)
        self._thread.start()

    def submit(self, job: Job, on_done: Done | None = None) -> None:
        """Run ``job(store)`` with the real store (opening it first if need be)."""
        self._idle.clear()
        self._jobs.put((job, on_done, True))

    def submit_read(self, job: Job, on_done: Done | None = None) -> None:
        """Run ``job`` with the quick reader while the store is not open yet, else with the store: for reads
        that only use what both have (``list_numbers()``, ``load_draft``, ``get_saved``, ``saved_texts``,
        ``get_directory``)."""
        self._idle.clear()
        self._jobs.put((job, on_done, False))

    def open_store(self) -> None:
        """Open the real store now if it is not open yet (after the first screen is shown)."""
        self._idle.clear()
        self._jobs.put(_OPEN)

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
        store: Store | None = None
        reader: Any = None
        opened = False
        if not self.open_later:
            store, opened = self._open(), True
        try:
            while True:
                item = self._jobs.get()
                if item is None:
                    return
                if item is _OPEN:
                    if not opened:
                        store, opened = self._open(), True
                    if self._jobs.empty():
                        self._idle.set()
                    continue
                job, on_done, needs_store = item
                if not opened and not needs_store:
                    if reader is None:
                        from pbxdesk.store.quick_read import QuickReader

                        reader = QuickReader.open(self._profile_dir) or False
                    if reader and self._run_read(reader, job, on_done):
                        continue
                if not opened:
                    store, opened = self._open(), True
                if reader:
                    reader.close()
                    reader = False
                store = self._run(store, job, on_done)
        finally:
            if reader:
                reader.close()
            if store is not None:
                store.close()

    def _open(self) -> Store | None:
        store, self._trouble = open_store(self._profile_dir)
        if self._trouble is not None:
            self.profileTrouble.emit(self._trouble)
        self.store_open = True
        self.storeOpened.emit()
        return store

    def _run_read(self, reader: Any, job: Job, on_done: Done | None) -> bool:
        """Run a read with the quick reader; False when the file could not be read that way (the store then
        runs it, and says what is wrong if anything is)."""
        import sqlite3

        result: Any = None
        error: BaseException | None = None
        try:
            result = job(reader)
        except sqlite3.Error:
            return False
        except BaseException as exc:  # handed to the GUI, which shows it
            error = exc
        if on_done is not None:
            self._finished.emit(on_done, result, error)
        if self._jobs.empty():
            self._idle.set()
        return True

    def _run(self, store: Store | None, job: Job, on_done: Done | None) -> Store | None:
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
        return store

    def _reopen(self, store: Store | None) -> Store | None:
        from pbxdesk.store import Store

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
