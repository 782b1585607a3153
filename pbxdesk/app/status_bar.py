"""The status bar: online/offline indicator, sync progress with cancel, and the last result or error."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget


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

    def state(self) -> str:
        return self._state

    def _set(self, state: str, detail: str = "") -> None:
        self._state, self._detail = state, detail
        self.retranslate()

    def set_opening(self) -> None:
        """The list is shown from a quick read while the profile opens behind it (the fast start)."""
        self._opening = True
        self.message.setText(self.tr("Opening the profile…"))

    def set_connecting(self) -> None:
        if self._opening:
            self._opening = False
            self.message.clear()
        self._set("connecting")

    def set_offline(self, detail: str) -> None:
        self._set("offline", detail)

    def set_online(self) -> None:  # the reachability check found the server
        self._set("online")

    def sync_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel.show()
        self.message.setText(self.tr("Syncing…"))

    def show_progress(self, done: int, total: int, item: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if item:
            self.message.setText(self.tr("Syncing: %1").replace("%1", item))

    def sync_finished(self, report: Any, error: str) -> None:
        self.cancel.hide()
        if report is None:
            self.progress.hide()
            self.message.setText(self.tr("Sync failed: %1").replace("%1", error))
            self.set_offline(error)
            return
        if report.cancelled:  # a cancelled sync does not claim 100 %
            self.progress.hide()
        else:
            self.progress.setValue(self.progress.maximum())
        if report.offline:
            self.set_offline(report.offline)
            self.message.setText(self.tr("Offline: changes are kept and sent when the server is back."))
        else:
            self._set("online")
            parts = [self.tr("Synced")]
            if report.cancelled:
                parts = [self.tr("Sync cancelled")]
            if report.pushed:
                parts.append(self.tr("sent: %1").replace("%1", str(len(report.pushed))))
            if report.pulled or report.merged:
                parts.append(self.tr("received: %1").replace("%1", str(len(report.pulled) + len(report.merged))))
            if report.conflicts:
                parts.append(self.tr("conflicts: %1").replace("%1", str(len(report.conflicts))))
            if report.errors:
                parts.append(self.tr("errors: %1").replace("%1", str(len(report.errors))))
            self.message.setText(", ".join(parts))

    def show_error(self, text: str) -> None:
        self.message.setText(text)
