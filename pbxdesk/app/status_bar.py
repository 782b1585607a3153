"""The status bar: online/offline indicator, sync progress with cancel, and the last result or error.

Its message is kept as the function that words it (``say``), so a language switch words it again. The
progress bar shows while a sync runs, stays at 100 % for a moment when it ends, then goes away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

DONE_SHOWN_MS = 2500  # how long a finished sync's 100 % stays in sight


class SyncStatusBar(QStatusBar):
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.online = QLabel(self)
        self.online.setObjectName("onlineIndicator")
        bold = self.online.font()
        bold.setWeight(QFont.Weight.DemiBold)
        self.online.setFont(bold)
        self.message = QLabel(self)
        self.message.setObjectName("syncMessage")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelSyncButton")
        self.cancel.clicked.connect(self.cancelRequested)
        self.cancel.hide()
        self.addWidget(self.message, 1)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel)
        self.addPermanentWidget(self.online)
        self._state = "connecting"
        self._detail = ""
        self._opening = False
        self._words: Any = None  # () -> str: the message, worded in the current language
        self._done_timer = QTimer(self, singleShot=True, interval=DONE_SHOWN_MS)
        self._done_timer.timeout.connect(self.progress.hide)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel sync"))
        self.progress.setAccessibleName(self.tr("Sync progress"))
        texts = {"online": ("● " + self.tr("online"), "#2e7d32"),
                 "offline": ("● " + self.tr("offline"), "#c62828"),
                 "connecting": ("● " + self.tr("connecting…"), "#f9a825")}
        text, colour = texts[self._state]
        self.online.setText(text)
        palette = self.online.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.online.setPalette(palette)
        self.online.setToolTip(self._detail)
        self.online.setAccessibleName(text)
        if self._words is not None:
            self.message.setText(self._words())

    def say(self, words: Any) -> None:
        """Show ``words()`` as the message, now and (worded again) after a language switch."""
        self._words = words
        self.message.setText(words() if words is not None else "")

    def state(self) -> str:
        return self._state

    def _set(self, state: str, detail: str = "") -> None:
        self._state, self._detail = state, detail
        self.retranslate()

    def set_opening(self) -> None:
        """The list is shown from a quick read while the profile opens behind it (the fast start)."""
        self._opening = True
        self.say(lambda: self.tr("Opening the profile…"))

    def set_connecting(self) -> None:
        if self._opening:
            self._opening = False
            self.say(None)
        self._set("connecting")

    def set_offline(self, detail: str) -> None:
        self._set("offline", detail)

    def set_online(self) -> None:  # the reachability check found the server
        self._set("online")

    def sync_started(self) -> None:
        self._done_timer.stop()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel.show()
        self.say(lambda: self.tr("Syncing…"))

    def show_progress(self, done: int, total: int, item: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if item:
            self.say(lambda: self.tr("Syncing: %1").replace("%1", item))

    def sync_finished(self, report: Any, error: str) -> None:
        self.cancel.hide()
        if report is None or report.cancelled or report.offline:  # nothing done to claim 100 % of
            self._done_timer.stop()
            self.progress.hide()
        else:  # 100 % for a moment, then out of the way
            self.progress.setValue(self.progress.maximum())
            self._done_timer.start()
        if report is None:  # failed here (the profile's disk, no server configured): the server's reachability
            self.say(lambda: self.tr("Sync failed: %1").replace("%1", error))  # is what it was
        elif report.offline:
            self.set_offline(report.offline)
            self.say(lambda: self.tr("Offline: changes are kept and sent when the server is back."))
        else:
            self._set("online")
            self.say(lambda: self._summary(report))

    def _summary(self, report: Any) -> str:
        parts = [self.tr("Sync cancelled") if report.cancelled else self.tr("Synced")]
        if report.pushed:
            parts.append(self.tr("sent: %1").replace("%1", str(len(report.pushed))))
        if report.pulled or report.merged:
            parts.append(self.tr("received: %1").replace("%1", str(len(report.pulled) + len(report.merged))))
        if report.conflicts:
            parts.append(self.tr("conflicts: %1").replace("%1", str(len(report.conflicts))))
        if report.errors:
            parts.append(self.tr("errors: %1").replace("%1", str(len(report.errors))))
        withdrawn, kept = getattr(report, "withdrawn", []), getattr(report, "kept_edits", [])
        if withdrawn:
            parts.append(self.tr("withdrawn from the company: %1").replace("%1", str(len(withdrawn))))
        if kept:
            parts.append(self.tr("unsent edits kept (export them): %1").replace("%1", str(len(kept))))
        return ", ".join(parts)

    def show_error(self, text: str) -> None:
        self.say(lambda: text)
