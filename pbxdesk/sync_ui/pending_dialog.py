"""«Pending changes»: every number not in sync, what changed since the last sync in words, and «Revert».

The data is read on the store worker; the diff is unit by unit (schedule per day, each interval's scenario
node by node) against the last synced document. «Revert this number» drops the local change (and the
draft) after a confirmation; a number never synced is removed from this computer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.desktop.store_worker import StoreWorker
from pbxdesk.domain.phone import format_number
from pbxdesk.domain.text import printable
from pbxdesk.store import Store
from pbxdesk.sync_ui.rich_text import diff_html, message_html
from pbxdesk.sync_ui.words import diff_units


def load_pending(store: Store) -> list[dict[str, Any]]:
    """For each number not in sync: number, name, state, message, base and saved documents, directory."""
    directory = store.get_directory()
    out = []
    for change in store.pending_changes():
        summary = store.summary(change.number)
        out.append({"number": change.number, "name": change.name, "state": change.sync_state,
                    "message": summary.sync_message or change.last_error or "",
                    "base": store.get_base(change.number), "mine": store.get_saved(change.number),
                    "directory": directory, "revision": change.base_revision})
    return out


class PendingChangesDialog(QDialog):
    openRequested = Signal(str)
    reverted = Signal(str)

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingDialog")
        self.worker = worker
        self.items: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Pending changes"))
        self.summary = QLabel(self)
        self.summary.setObjectName("pendingSummary")
        self.list = QListWidget(self)
        self.list.setObjectName("pendingList")
        self.list.setAccessibleName(self.tr("Numbers with changes not on the server yet"))
        self.list.currentRowChanged.connect(self._show)
        self.diff = QTextBrowser(self)
        self.diff.setObjectName("pendingDiff")
        self.diff.setAccessibleName(self.tr("What changed"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([260, 640])
        self.revert = QPushButton(self.tr("Revert this number…"), self)
        self.revert.setObjectName("revertButton")
        self.revert.setToolTip(self.tr("Drop the local change and go back to the version on the server"))
        self.revert.clicked.connect(self.revert_current)
        self.open_button = QPushButton(self.tr("Open in the editor"), self)
        self.open_button.setObjectName("pendingOpenButton")
        self.open_button.clicked.connect(lambda: self.openRequested.emit(self.current_number()))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revert)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(splitter, 1)
        column.addLayout(buttons)
        self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Revert the number"), "",
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        self.confirm.setObjectName("revertConfirm")
        self.resize(980, 620)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.worker.submit(load_pending, lambda result, error: self._loaded(result, error, select))

    def _loaded(self, result: Any, error: BaseException | None, select: str | None) -> None:
        if error is not None:
            self.summary.setText(str(error))
            return
        current = select or self.current_number()
        self.items = list(result)
        self.list.blockSignals(True)
        self.list.clear()
        states = {"changed": self.tr("waiting to be sent"),
                  "error": self.tr("set aside: refused, not sent until fixed"), "conflict": self.tr("conflict")}
        for item in self.items:
            entry = QListWidgetItem(f"{format_number(item['number'])}  {printable(item['name'])}\n"
                                    f"{states.get(item['state'], item['state'])}")
            entry.setData(Qt.ItemDataRole.UserRole, item["number"])
            if item["state"] in ("error", "conflict"):
                entry.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self.summary.setText(self.tr("%n number(s) with changes not on the server yet.", "", len(self.items))
                             if self.items else self.tr("Everything is in sync."))
        numbers = [i["number"] for i in self.items]
        row = numbers.index(current) if current in numbers else (0 if numbers else -1)
        self.list.setCurrentRow(row)
        self._show(row)

    def current_number(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self.items)
        self.revert.setEnabled(has)
        self.open_button.setEnabled(has)
        if not has:
            self.diff.setHtml("")
            return
        item = self.items[row]
        html = ""
        if item["state"] == "error" and item["message"]:
            html += message_html(self.tr("This change is set aside: it was refused, and it is not sent again until "
                                         "you fix the number and save it. Every other change was sent.")
                                 + "\n" + item["message"])
        if item["state"] == "conflict":
            html += message_html(self.tr("The number was also changed on the server: resolve the conflict "
                                         "(Sync › Conflicts…)."))
        if item["mine"] is not None:
            diffs = diff_units(item["base"], item["mine"], item["directory"])
            html += diff_html(diffs, self.tr("On the server"), self.tr("On this computer"),
                              self.tr("No difference from the server's version."))
        self.diff.setHtml(html)

    def revert_current(self) -> None:
        number = self.current_number()
        if not number:
            return
        self.confirm.setText(self.tr("Drop the local changes of %1 and go back to the version on the server? "
                                     "This cannot be undone.").replace("%1", format_number(number)))
        if self.confirm.exec() != QMessageBox.StandardButton.Yes:
            return

        def job(store: Store) -> None:
            store.revert(number)

        self.worker.submit(job, lambda _r, error: self._reverted(number, error))

    def _reverted(self, number: str, error: BaseException | None) -> None:
        if error is not None:
            self.summary.setText(self.tr("Not reverted: %1").replace("%1", str(error)))
            return
        self.reverted.emit(number)
        self.reload()
