"""The main window's numbers list: loading it off the GUI thread (the rows first, then what happens right
now on each number), keeping the selection, fitting the columns, and opening the number a row names."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer

from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.desktop import i18n

if TYPE_CHECKING:
    from pbxdesk.store import Store

FIRST_ROWS = 80  # "Right now" is computed first for the rows at the top of the list (what a window shows)


class NumbersList:
    """Mixed into MainWindow (which provides model, proxy, table, worker, status, numbersShown, open_number)."""

    model: NumbersModel
    proxy: Any
    table: Any
    worker: Any
    status: Any
    numbersShown: Any
    nowShown: Any
    list_loaded: bool
    open_number: Any
    _now_texts: Any = None
    _now_head_done = False
    context: Any

    def _number_at(self, index: QModelIndex) -> str:
        return str(self.proxy.mapToSource(index).data(NumbersModel.NumberRole)) if index.isValid() else ""

    def _clicked(self, index: QModelIndex) -> None:
        if self.proxy.mapToSource(index).column() == NumbersModel.EDIT:
            self.open_number(self._number_at(index))

    def _open_current(self) -> None:
        self.open_number(self._number_at(self.table.currentIndex()))

    def refresh_numbers(self) -> None:
        """Reload the list off the GUI thread: first the rows, then what happens right now on each number
        (which needs every saved document, so it comes second and never delays the list)."""
        if self.worker is not None:
            self.worker.submit_read(lambda store: store.list_numbers(), self._numbers_loaded)

    def _show_rows(self, rows: list[Any]) -> None:
        current = self._number_at(self.table.currentIndex())
        self.model.set_rows(rows)
        self._fit_columns()
        row = self.model.row_of(current) if current else (0 if rows else -1)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self.list_loaded = True
        self.numbersShown.emit()

    def _numbers_loaded(self, rows: Any, error: BaseException | None) -> None:
        if error is not None:
            self.status.show_error(str(error))
            return
        self._show_rows(rows)
        self.refresh_now(fit=True)

    def refresh_now(self, fit: bool = False) -> None:
        """Recompute the "Right now" column off the GUI thread (every saved document is read); ``fit`` the
        column to the texts (when the list loads, not on every minute: the user may have resized it)."""
        if self.worker is None:
            return
        lang = i18n.current_language()
        numbers = [self.model.number_at(row) for row in range(self.model.rowCount())]

        if self._now_texts is None:
            from pbxdesk.app.numbers_now import NowTexts

            self._now_texts = NowTexts()  # keeps parsed documents; only the store worker thread uses it
        compute, context = self._now_texts, self.context

        def job(store: Store, wanted: list[str] = numbers) -> dict[str, str]:
            return compute(store, wanted, lang, media=context.media_names.names())  # (names read here, off the GUI)

        if not self._now_head_done:  # the first time: the rows in sight first (parsing 1,000 documents takes
            self._now_head_done = True  # about 0.2 s), then all
            if len(numbers) > FIRST_ROWS:
                head = [self._number_at(self.proxy.index(row, 0)) for row in range(FIRST_ROWS)]
                self.worker.submit_read(lambda store: job(store, head),
                                        lambda texts, error: self._now_loaded(texts, error, fit, head=True))
        self.worker.submit_read(job, lambda texts, error: self._now_loaded(texts, error, fit))

    def start_clock(self) -> None:
        """Keep "Right now" true as time passes: recompute it at every full minute (a schedule's ranges
        start and end on minutes), not only when the list reloads after a save or a sync."""
        self.clock = QTimer(self.table)
        self.clock.setSingleShot(True)
        self.clock.timeout.connect(self._minute_passed)
        self._arm_clock()

    def _arm_clock(self) -> None:
        self.clock.start(int((60 - time.time() % 60) * 1000) + 20)

    def _minute_passed(self) -> None:
        self.refresh_now()
        self._arm_clock()

    def _now_loaded(self, texts: Any, error: BaseException | None, fit: bool, head: bool = False) -> None:
        if error is None:
            self.model.set_now_texts(texts)
            if fit:
                self._fit_columns([NumbersModel.NOW])
            self.nowShown.emit()
        if not head and not self.worker.store_open:  # the first screen is read: the store opens behind it
            self.worker.open_store()

    def _fit_columns(self, columns: list[int] | None = None, sample: int = 40) -> None:
        """Fit the columns to their header and first ``sample`` rows, measured with the font metrics.
        (``resizeColumnsToContents`` asks the model for every role of every sampled cell: a quarter of
        the start-up time with 1,000 numbers.)"""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        head_metrics = header.fontMetrics()
        rows = self.model.rows(sample)
        count = self.model.columnCount()
        for column in columns if columns is not None else range(count):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = head_metrics.horizontalAdvance(title) + 24  # room for the sort/section margins
            for row in rows:
                text = self.model.display_text(row, column)
                if text:
                    width = max(width, metrics.horizontalAdvance(text) + 16)
            if column < count - 1 or columns is not None:
                header.resizeSection(column, min(width, 480))

