"""«History»: the server's revisions of one number with time and author; one revision in words, compared
unit by unit with the current document, and «Restore this version» (saved as a new change, queued).

Revisions come from ``GET /numbers/{n}/revisions`` and ``/revisions/{rev}`` in a background thread; the
current document and the restore go through the store worker.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.desktop.context import AppContext
from pbxdesk.desktop.store_worker import StoreWorker
from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.phone import format_number
from pbxdesk.domain.problems import has_errors
from pbxdesk.store import Store
from pbxdesk.sync_ui.background import call_in_thread
from pbxdesk.sync_ui.rich_text import diff_html, lines_html
from pbxdesk.sync_ui.words import diff_units, document_lines, lang


def _with_client(context: AppContext, fn: Any) -> Any:
    client = context.make_client()
    if client is None:
        raise RuntimeError(context.server_error or "not connected to a server (log in first)")
    try:
        return fn(client)
    finally:
        client.close()


def local_time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return text
    return moment.strftime("%d.%m.%Y %H:%M:%S")


class HistoryDialog(QDialog):
    restored = Signal(str)

    def __init__(self, context: AppContext, worker: StoreWorker, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.context, self.worker, self.number = context, worker, number
        self.items: list[dict[str, Any]] = []
        self.documents: dict[int, RoutingDocument] = {}
        self.current_doc: RoutingDocument | None = None
        self.directory: Any = None
        self.setWindowTitle(self.tr("History of %1").replace("%1", format_number(number)))
        self.summary = QLabel(self.tr("Loading the history from the server…"), self)
        self.summary.setObjectName("historySummary")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("revisionsTable")
        self.table.setAccessibleName(self.tr("Revisions on the server"))
        self.table.setHorizontalHeaderLabels([self.tr("Revision"), self.tr("Saved"), self.tr("Author")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.view = QTextBrowser(self)
        self.view.setObjectName("revisionView")
        self.view.setAccessibleName(self.tr("The selected version in words"))
        self.compare = QTextBrowser(self)
        self.compare.setObjectName("revisionCompare")
        self.compare.setAccessibleName(self.tr("The selected version compared with the current one"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("historyTabs")
        self.tabs.addTab(self.view, self.tr("This version"))
        self.tabs.addTab(self.compare, self.tr("Compared with the current"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setSizes([380, 620])
        self.restore = QPushButton(self.tr("Restore this version"), self)
        self.restore.setObjectName("restoreRevisionButton")
        self.restore.setToolTip(self.tr("Save this version as a new change; it is sent at the next sync"))
        self.restore.setEnabled(False)
        self.restore.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        self.message = QLabel(self)
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(splitter, 1)
        column.addLayout(buttons)
        self.resize(1040, 640)
        self.reload()

    def reload(self) -> None:
        number = self.number
        self.worker.submit(lambda store: (store.get_saved(number), store.get_directory()), self._current_loaded)
        call_in_thread(lambda: _with_client(self.context, lambda c: c.revisions(number)), self._listed)

    def _current_loaded(self, result: Any, error: BaseException | None) -> None:
        if error is None:
            self.current_doc, self.directory = result
            self._render()

    def _listed(self, items: Any, error: BaseException | None) -> None:
        if error is not None:
            self.summary.setText(self.tr("The history cannot be loaded: %1").replace("%1", str(error)))
            return
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = [str(item.get("revision")), local_time(str(item.get("saved_at", ""))), str(item.get("author"))]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.summary.setText(self.tr("%n version(s) on the server, newest first.", "", len(self.items)))
        if self.items:
            self.table.selectRow(0)

    def selected_revision(self) -> int | None:
        row = self.table.currentRow()
        return int(self.items[row]["revision"]) if 0 <= row < len(self.items) else None

    def _select(self, row: int) -> None:
        revision = self.selected_revision() if row >= 0 else None
        self.restore.setEnabled(False)
        if revision is None:
            return
        if revision in self.documents:
            self._render()
            return
        number = self.number
        self.view.setHtml(lines_html(self.tr("Revision %1").replace("%1", str(revision)), [self.tr("Loading…")]))
        call_in_thread(lambda: _with_client(self.context, lambda c: c.get_revision(number, revision)),
                       lambda doc, error: self._fetched(revision, doc, error))

    def _fetched(self, revision: int, doc: Any, error: BaseException | None) -> None:
        if error is not None:
            self.view.setHtml(lines_html(self.tr("Revision %1").replace("%1", str(revision)), [str(error)]))
            return
        self.documents[revision] = doc
        self._render()

    def _render(self) -> None:
        revision = self.selected_revision()
        doc = self.documents.get(revision) if revision is not None else None
        if doc is None:
            return
        self.restore.setEnabled(True)
        title = self.tr("Revision %1").replace("%1", str(revision))
        self.view.setHtml(lines_html(title, document_lines(doc, self.directory)))
        if self.current_doc is not None:
            diffs = diff_units(self.current_doc, doc, self.directory)
            self.compare.setHtml(diff_html(diffs, self.tr("Current"), title,
                                           self.tr("This version is the same as the current one.")))

    def restore_selected(self) -> None:
        revision = self.selected_revision()
        doc = self.documents.get(revision) if revision is not None else None
        if doc is None:
            return
        number = self.number

        def job(store: Store) -> Any:
            return store.save(number, doc)

        self.restore.setEnabled(False)
        self.worker.submit(job, lambda problems, error: self._restored(revision, problems, error))

    def _restored(self, revision: int | None, problems: Any, error: BaseException | None) -> None:
        self.restore.setEnabled(True)
        if error is not None or has_errors(problems or []):
            text = str(error) if error is not None else "; ".join(p.message(lang()) for p in problems if p.is_error)
            self.message.setText(self.tr("Not restored: %1").replace("%1", text))
            return
        self.message.setText(self.tr("Version %1 restored as a new change; it is sent at the next sync.")
                             .replace("%1", str(revision)))
        self.current_doc = self.documents.get(revision) if revision is not None else None
        self._render()
        self.restored.emit(self.number)
