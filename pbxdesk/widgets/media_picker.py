"""Choosing a greeting from the company's library: a dialog listing the audio files the company uploaded
(name, duration, the numbers using each) with Listen, Rename… and Remove….

The list comes from a catalog (``refresh()`` answered by the signals ``listed(items)`` / ``failed(text)``,
as :class:`pbxdesk.desktop.media_catalog.MediaCatalog`; items have ``id``, ``name``, ``duration_s``,
``numbers``). Listen plays the file with the shared player; a file not on this computer yet is downloaded
first by the media fetcher (``fetch(ids)``, ``fetched(id)``, ``failed(id)``, ``problem(id)``), all off the
GUI thread. :meth:`MediaPickerDialog.chosen` is the media id picked (the caller makes it the prompt's audio,
as one edit). Rename… and Remove… ask the catalog (``rename(id, name)``, ``remove(id, name)``, answered by
``changed(text)`` / ``refused(text)`` and a new list); the server refuses to remove a file a routing uses and
says which; the file chosen in the prompt the dialog was opened from cannot be removed from here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.audio.library import MediaLibrary
from pbxdesk.audio.player import IDLE, PromptPlayer
from pbxdesk.domain.phone import PhoneNumberError, format_number

ID_ROLE = Qt.ItemDataRole.UserRole


def _number(digits: str) -> str:
    try:
        return format_number(digits)
    except PhoneNumberError:
        return digits


def _mmss(seconds: float) -> str:
    """m:ss, a greeting shorter than a second counted as one (not 0:00, which reads as empty)."""
    whole = max(1 if seconds > 0 else 0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


class MediaPickerDialog(QDialog):
    NAME, DURATION, USED_BY = range(3)
    picked = Signal(str)  # the media id chosen (emitted on accept)

    def __init__(self, parent: QWidget | None, catalog: Any, media: Any, library: MediaLibrary,
                 player: PromptPlayer, current: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("mediaPicker")
        self._catalog, self._media, self._library, self._player = catalog, media, library, player
        self._current = current
        self._listen_pending = ""  # a file Listen asked for, being downloaded
        self._closed = False
        self.status = QLabel()
        self.status.setObjectName("mediaPickerStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("mediaPickerTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.DURATION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.USED_BY, QHeaderView.ResizeMode.Stretch)
        self.listen = QPushButton()
        self.listen.setObjectName("mediaPickerListen")
        self.rename = QPushButton()
        self.rename.setObjectName("mediaPickerRename")
        self.remove = QPushButton()
        self.remove.setObjectName("mediaPickerRemove")
        self._changing = False  # a rename or removal on its way to the server
        self._note = ""  # what the last rename or removal did, shown until another row is selected
        self._filling = False
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.choose = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.choose.setObjectName("mediaPickerChoose")
        row = QHBoxLayout()
        row.addWidget(self.listen)
        row.addWidget(self.rename)
        row.addWidget(self.remove)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(640, 360)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.listen.clicked.connect(self._on_listen)
        self.rename.clicked.connect(self._on_rename)
        self.remove.clicked.connect(self._on_remove)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept() if self.chosen() else None)
        catalog.listed.connect(self._on_listed)
        catalog.failed.connect(self._on_list_failed)
        catalog.changed.connect(self._on_changed)
        catalog.refused.connect(self._on_changed)
        player.stateChanged.connect(self._on_player_state)
        player.errorOccurred.connect(self._on_player_error)
        if media is not None:
            media.fetched.connect(self._on_fetched)
            media.failed.connect(self._on_fetch_failed)
        self._state = "loading"
        self._items: list[Any] = []
        self._retranslate()
        catalog.refresh()

    # -- what was chosen -----------------------------------------------------------------------------------
    def chosen(self) -> str:
        """The media id of the selected row ("" when none is)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return ""
        return str(self.table.item(rows[0].row(), self.NAME).data(ID_ROLE) or "")

    def done(self, result: int) -> None:
        if self._closed:
            super().done(result)
            return
        self._closed = True
        chosen = self.chosen() if result == QDialog.DialogCode.Accepted else ""
        if self._player.owner() is self:
            self._player.stop()
        for signal, slot in ((self._catalog.listed, self._on_listed), (self._catalog.failed, self._on_list_failed),
                             (self._catalog.changed, self._on_changed), (self._catalog.refused, self._on_changed),
                             (self._player.stateChanged, self._on_player_state),
                             (self._player.errorOccurred, self._on_player_error)):
            signal.disconnect(slot)
        if self._media is not None:
            self._media.fetched.disconnect(self._on_fetched)
            self._media.failed.disconnect(self._on_fetch_failed)
        super().done(result)
        if chosen:
            self.picked.emit(chosen)

    # -- the list ------------------------------------------------------------------------------------------
    def _on_listed(self, items: list[Any]) -> None:
        self._state = "listed" if items else "empty"
        self._items = list(items)
        self._fill(self.chosen() or self._current)
        self._retranslate()

    def _fill(self, selected: str) -> None:
        self._filling = True
        try:
            self._fill_rows(selected)
        finally:
            self._filling = False

    def _fill_rows(self, selected: str) -> None:
        self.table.setRowCount(0)
        for item in self._items:
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem(item.name or self.tr("Audio file {0}…").format(item.id[:12]))
            name.setData(ID_ROLE, item.id)
            name.setToolTip(item.id)
            self.table.setItem(row, self.NAME, name)
            self.table.setItem(row, self.DURATION, QTableWidgetItem(_mmss(item.duration_s)))
            used = ", ".join(_number(n) for n in item.numbers) if item.numbers else self.tr("not used")
            self.table.setItem(row, self.USED_BY, QTableWidgetItem(used))
            if item.id == selected:
                self.table.selectRow(row)

    def _selected_name(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), self.NAME).text() if rows else ""

    def _on_selection(self) -> None:
        if not self._filling:  # a row the user selects (not the list filled again after a change)
            self._note = ""
        self._retranslate()

    # -- rename and remove ---------------------------------------------------------------------------------
    def _on_rename(self) -> None:
        mid, old = self.chosen(), self._selected_name()
        if not mid:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename the greeting"), self.tr("New name:"), text=old)
        if ok and name.strip() and name.strip() != old:
            self._start_change(self.tr("Renaming…"))
            self._catalog.rename(mid, name.strip())

    def _on_remove(self) -> None:
        mid, name = self.chosen(), self._selected_name()
        if not mid or mid == self._current:
            return
        question = self.tr("Remove “%1” from the company's greetings? Numbers no longer play it; the server "
                           "refuses while a routing or an earlier revision uses it.").replace("%1", name)
        answer = QMessageBox.question(self, self.tr("Remove the greeting"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self._start_change(self.tr("Removing…"))
            self._catalog.remove(mid, name)

    def _start_change(self, words: str) -> None:
        self._changing, self._note = True, words
        self._retranslate()

    def _on_changed(self, text: str) -> None:
        self._changing, self._note = False, text
        self._retranslate()

    def _on_list_failed(self, text: str) -> None:
        self._state = "failed"
        self._failure = text
        self._retranslate()

    # -- Listen --------------------------------------------------------------------------------------------
    def _on_listen(self) -> None:
        if self._player.owner() is self and self._player.state() != IDLE:
            self._player.stop()
            return
        mid = self.chosen()
        if not mid:
            return
        master = self._library.master_path(mid)
        if master is not None:
            self._player.play(master, owner=self)
        elif self._media is not None:  # not on this computer yet: download it, then play
            self._listen_pending = mid
            self._media.fetch([mid])
        self._refresh()

    def _on_fetched(self, mid: str) -> None:
        if mid == self._listen_pending:
            self._listen_pending = ""
            master = self._library.master_path(mid)
            if master is not None and mid == self.chosen():
                self._player.play(master, owner=self)
            self._refresh()

    def _on_fetch_failed(self, mid: str) -> None:
        if mid == self._listen_pending:
            self._listen_pending = ""
            self.status.setText(self._media.problem(mid))
            self._refresh()

    # -- words and state -----------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("The company's greetings"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Duration"), self.tr("Used by numbers")])
        self.choose.setText(self.tr("Choose"))
        self.status.setText({"loading": self.tr("Reading the company's greetings from the server…"),
                             "empty": self.tr("The company has no greetings on the server yet."),
                             "failed": getattr(self, "_failure", ""),
                             "listed": self.tr("Choose a greeting; Listen plays it.")}[self._state])
        if self._note:
            self.status.setText(self._note)
        self.rename.setText(self.tr("Rename…"))
        self.remove.setText(self.tr("Remove…"))
        self._refresh()

    def _refresh(self) -> None:
        playing = self._player.owner() is self and self._player.state() != IDLE
        preparing = bool(self._listen_pending)
        self.listen.setText(self.tr("Preparing…") if preparing else self.tr("Stop") if playing else self.tr("Listen"))
        self.listen.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaStop if playing
                                                      else QStyle.StandardPixmap.SP_MediaPlay))
        selected = bool(self.chosen())
        self.listen.setEnabled(playing or (selected and self._player.available()))
        self.choose.setEnabled(selected)
        self.rename.setEnabled(selected and not self._changing)
        in_prompt = selected and self.chosen() == self._current
        self.remove.setEnabled(selected and not self._changing and not in_prompt)
        self.remove.setToolTip(self.tr("This greeting is the one chosen where you opened this list.") if in_prompt
                               else "")

    def _on_player_state(self, _state: str) -> None:
        self._refresh()

    def _on_player_error(self, error: object) -> None:
        """Why nothing plays (no sound device...), in the UI language, above the list."""
        if self._player.owner() is self:
            ru = self.tr("en", "language code of this translation") == "ru"
            self.status.setText(str(getattr(error, "message_ru" if ru else "message_en", error)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fill(self.chosen())
            self._retranslate()
        super().changeEvent(event)
