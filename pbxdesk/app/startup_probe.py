"""Start-up markers for ``bench/startup_bench.py`` (``PBXDESK_STARTUP_PROBE``), printed on stdout as
``PBXDESK_<NAME> <wall clock>``.

* ``IDLE``: the main window has been painted with the numbers list and the event loop is idle.
* with ``PBXDESK_STARTUP_PROBE=ready``, what a user needs before the app is "ready", each printed when it
  happens, then ``READY`` once all have happened:

  - ``LIST``: the profile is open and the list reloaded from the store is painted with every column,
    "Right now" included;
  - ``EDITOR``: the first number of the list, asked for at the first frame (as a user who double-clicks it
    at once), is open in its tab and its scenario tree has been painted;
  - ``SYNC``: the sync can be started (the profile is attached: "Sync now" is enabled);

* ``SYNCED``: the first sync has finished with the server (in demo mode after the demo server started), so
  the status bar says what the server has. It is not part of "ready" (the user works meanwhile) and is
  printed when it happens, before or after ``READY``.

The app quits once ``READY`` and ``SYNCED`` have both been printed. Nothing here runs unless the variable is
set.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

NEEDED = ("LIST", "EDITOR", "SYNC")


def _print(name: str) -> None:
    print(f"PBXDESK_{name} {time.time():.6f}", flush=True)


class _PaintWatch(QObject):
    """Calls ``done`` from the first zero-time timer after ``widget`` got a paint event (once)."""

    def __init__(self, widget: Any, done: Any) -> None:
        super().__init__(widget)
        self._widget, self._done = widget, done
        widget.installEventFilter(self)
        widget.update()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._done)
        return False


class StartupProbe(QObject):
    def __init__(self, window: Any, until_ready: bool, trace: Any) -> None:
        super().__init__(window)
        self.window, self.until_ready, self.trace = window, until_ready, trace
        self.seen: set[str] = set()
        self._watch: Any = None

    def start(self) -> None:
        from pbxdesk.app.main import when_painted

        window = self.window
        if self.until_ready:
            window.nowShown.connect(self._now_shown)
            window.attached.connect(self._attached)
            window.firstSyncDone.connect(lambda: self._mark("SYNCED"))
            window.tabs.currentChanged.connect(self._tab_shown)
        if window.list_loaded:  # the fast start fills the list before the window is shown
            when_painted(window, self._idle)
        else:
            window.numbersShown.connect(lambda: when_painted(window, self._idle))

    def _idle(self) -> None:
        if "IDLE" in self.seen:
            return
        self._mark("IDLE")
        if not self.until_ready:
            QApplication.quit()
            return
        if self.window.act_sync.isEnabled():  # a profile opened before the window (no fast start)
            self._mark("SYNC")
        if self.window.model.rowCount():
            self.window.open_number(self.window.model.number_at(0))
        else:
            self.seen.add("EDITOR")  # an empty profile has no number to open

    def _now_shown(self) -> None:
        if self.window.worker is not None:  # "Right now" of the list reloaded from the store
            from pbxdesk.app.main import when_painted

            when_painted(self.window, lambda: self._mark("LIST"))

    def _attached(self) -> None:
        if self.window.act_sync.isEnabled():
            self._mark("SYNC")

    def _tab_shown(self, _index: int) -> None:
        editor = self.window.tabs.currentWidget()
        tree = getattr(getattr(editor, "scenarios", None), "tree", None)
        if tree is not None and self._watch is None:
            self._watch = _PaintWatch(tree.viewport(), lambda: self._mark("EDITOR"))

    def _mark(self, name: str) -> None:
        if name in self.seen:
            return
        self.seen.add(name)
        self.trace(name.lower())
        _print(name)
        if self.until_ready and "READY" not in self.seen and all(n in self.seen for n in NEEDED):
            self.seen.add("READY")
            self.trace("ready")
            _print("READY")
        if self.until_ready and "READY" in self.seen and "SYNCED" in self.seen:
            QApplication.quit()


def install(window: Any, mode: str, trace: Any) -> None:
    """Start watching ``window`` (``mode``: ``idle`` or ``ready``)."""
    if mode not in ("idle", "ready"):
        print(f"pbxdesk: unknown PBXDESK_STARTUP_PROBE={mode!r} (idle or ready)", file=sys.stderr)
    StartupProbe(window, mode == "ready", trace).start()
