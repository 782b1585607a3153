"""Background jobs of the player part: conversion, synthesis or decoding off the GUI thread (Qt).

:class:`AudioJob` runs ``fn(progress, cancel_event)`` on a ``QThreadPool`` with progress and cancellation;
its signals arrive on the job's (GUI) thread. Re-exported by :mod:`pbxdesk.audio.player`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from pbxdesk.audio.errors import AudioCancelled, AudioError

JobFunction = Callable[[Callable[[float], None], threading.Event], Any]


class _Runnable(QRunnable):
    def __init__(self, job: AudioJob) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self.job._run()


class AudioJob(QObject):
    """``fn(progress, cancel_event)`` run on a worker thread; signals arrive on the job's (GUI) thread.

    ``succeeded(result)``, ``failed(AudioError)`` or ``cancelled()`` is emitted exactly once, then
    ``finished()``.
    """

    progress = Signal(float)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()
    _report = Signal(str, object)

    _running: set[AudioJob] = set()

    def __init__(self, fn: JobFunction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self._report.connect(self._on_report)  # queued: emitted on the worker, received here
        self.done = False

    def start(self, pool: QThreadPool | None = None) -> AudioJob:
        AudioJob._running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report_safely(self, kind: str, value: object) -> None:
        try:
            self._report.emit(kind, value)
        except RuntimeError:  # the job's QObject was deleted with its parent meanwhile: nobody listens
            self._cancel.set()

    def _run(self) -> None:
        def progress(value: float) -> None:
            self._report_safely("progress", float(value))

        try:
            result = self._fn(progress, self._cancel)
        except AudioCancelled:
            self._report_safely("cancelled", None)
        except AudioError as exc:
            self._report_safely("cancelled" if self._cancel.is_set() else "failed", exc)
        except Exception as exc:  # a bug must not kill the worker thread silently
            self._report_safely("failed", AudioError(f"Unexpected error: {exc}", f"Непредвиденная ошибка: {exc}"))
        else:
            self._report_safely("cancelled" if self._cancel.is_set() else "succeeded", result)

    @Slot(str, object)
    def _on_report(self, kind: str, value: object) -> None:
        if self.done:
            return
        if kind == "progress":
            self.progress.emit(value)
            return
        self.done = True
        if kind == "succeeded":
            self.succeeded.emit(value)
        elif kind == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.finished.emit()
        AudioJob._running.discard(self)
