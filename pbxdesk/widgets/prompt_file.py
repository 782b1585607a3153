"""The audio-file part of the prompt editor: choosing a file and importing it into the media library.

The conversion runs on a worker (:class:`~pbxdesk.audio.player.AudioJob`) with a progress bar and Cancel.
A mixin of :class:`~pbxdesk.widgets.prompt_widget.PromptWidget` (see :mod:`pbxdesk.widgets.prompt_parts`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.audio.player import AudioJob
from pbxdesk.domain.models import AudioPrompt
from pbxdesk.widgets import file_dialogs
from pbxdesk.widgets.prompt_parts import PromptParts, named

AUDIO_FILTER_EXTS = "*.wav *.mp3 *.ogg *.flac *.m4a"


class PromptFileMixin(PromptParts):
    chooseFile: QPushButton
    chooseLibrary: QPushButton
    fileLabel: QLabel
    progress: QProgressBar
    cancelImport: QPushButton
    _import_job: AudioJob | None
    _picker: Any  # the company's greetings (a MediaPickerDialog) while it is open

    def _build_file_page(self) -> QWidget:
        self.chooseFile = named(QPushButton(), "promptChooseFile")
        self.chooseFile.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.chooseLibrary = named(QPushButton(), "promptChooseLibrary")  # with a server: its greetings
        self.chooseLibrary.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.fileLabel = named(QLabel(), "promptFileLabel")
        self.fileLabel.setWordWrap(True)
        self.progress = named(QProgressBar(), "promptProgress")
        self.progress.setRange(0, 100)
        self.cancelImport = named(QPushButton(), "promptCancelImport")
        audio_row = QHBoxLayout()
        audio_row.addWidget(self.chooseFile)
        audio_row.addWidget(self.chooseLibrary)
        audio_row.addWidget(self.progress, 1)
        audio_row.addWidget(self.cancelImport)
        audio_row.addStretch(0)
        audio_page = QWidget()
        audio_layout = QVBoxLayout(audio_page)
        audio_layout.setContentsMargins(0, 0, 0, 0)
        audio_layout.addLayout(audio_row)
        audio_layout.addWidget(self.fileLabel)
        audio_layout.addStretch(1)
        return audio_page

    def _retranslate_file(self) -> None:
        self.chooseFile.setText(self.tr("Choose audio file…"))
        self.chooseFile.setAccessibleName(self.tr("Choose audio file"))
        self.chooseLibrary.setText(self.tr("From the company's greetings…"))
        self.chooseLibrary.setAccessibleName(self.tr("Choose from the company's greetings"))
        self.chooseLibrary.setToolTip(self.tr("A greeting the company already uploaded, used by other numbers"))
        self.progress.setAccessibleName(self.tr("Conversion progress"))
        self.cancelImport.setText(self.tr("Cancel"))
        self.cancelImport.setAccessibleName(self.tr("Cancel the conversion"))

    def importFile(self, path: str | Path) -> AudioJob:
        """Convert ``path`` into the media library on a worker; on success it becomes the prompt."""
        self._cancel_import()
        self.error.clear()
        source = Path(path)
        library = self._library
        job = AudioJob(lambda progress, cancel: library.import_file(source, progress=progress, cancel=cancel))
        self._import_job = job
        job.progress.connect(self._on_import_progress)
        job.succeeded.connect(self._on_imported)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_import_finished)
        self.progress.setValue(0)
        job.start()
        self._refresh()
        return job

    def _choose_file(self) -> None:
        path = file_dialogs.open_file(self, self.tr("Choose audio file"),
                                      self.tr("Audio files ({0});;All files (*)").format(AUDIO_FILTER_EXTS),
                                      file_dialogs.AUDIO)
        if path:
            self.importFile(path)

    def _choose_from_library(self) -> None:
        """Pick one of the company's greetings (the dialog lists them and plays them); it becomes the prompt's
        audio in one edit, and is downloaded if it is not on this computer yet."""
        from pbxdesk.widgets.media_picker import MediaPickerDialog

        self._cancel_import()
        if self._picker is not None:
            self._picker.raise_()
            return
        dialog = MediaPickerDialog(self, self._media.catalog, self._media, self._library, self._player,
                                   self._media_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._picker = dialog
        dialog.picked.connect(self._on_picked)
        dialog.finished.connect(self._on_picker_closed)
        dialog.open()

    def _on_picker_closed(self) -> None:
        self._picker = None

    def _on_picked(self, chosen: str) -> None:
        if chosen == self._media_id and isinstance(self._prompt, AudioPrompt):
            return
        self.error.clear()
        self._media_id = chosen
        self._media.fetch([chosen])
        self._load_peaks()
        self._user_changed()

    def _cancel_import(self) -> None:
        if self._import_job is not None:
            self._import_job.cancel()

    def _on_import_progress(self, value: float) -> None:
        self.progress.setValue(int(value * 100))

    def _on_imported(self, result: tuple[str, Path, float]) -> None:
        self._media_id = str(result[0])
        self._load_peaks()
        self._user_changed()

    def _on_import_finished(self) -> None:
        self._import_job = None
        self._refresh()

    def _refresh_file(self) -> None:
        importing = self._import_job is not None
        state = self._file_state()
        self.progress.setVisible(importing or state == "fetching")
        self.cancelImport.setVisible(importing)
        self.chooseFile.setEnabled(not importing)
        self.chooseLibrary.setVisible(getattr(self._media, "catalog", None) is not None)
        self.chooseLibrary.setEnabled(not importing)
        if self._media_id:
            name = self._library.display_name(self._media_id) or self.tr("Audio file {0}…").format(
                self._media_id[:12])
            if state == "here":
                self.fileLabel.setText(name)
            elif state == "fetching":
                self.fileLabel.setText(self.tr("{0} — downloading from the server…").format(name))
            elif state == "failed":
                self.fileLabel.setText(f"{name} — {self._media.problem(self._media_id)}")
            else:
                self.fileLabel.setText(self.tr("{0} (not available on this computer)").format(name))
        else:
            self.fileLabel.setText(self.tr("No file chosen"))

    def _file_state(self) -> str:
        """``here``, ``fetching``, ``failed`` or ``missing``: where the chosen audio file is."""
        if not self._media_id:
            return "missing"
        if self._media is not None:
            return str(self._media.state(self._media_id))
        return "here" if self._library.has(self._media_id) else "missing"

    # -- a file of the company, downloaded from the server (see prompt_parts) -------------------------------
    def _on_fetch_progress(self, mid: str, fraction: float) -> None:
        if mid == self._media_id and self._import_job is None:
            self.progress.setValue(int(fraction * 100))
            self.progress.setVisible(True)

    def _on_fetched(self, mid: str) -> None:
        if mid != self._media_id:
            return
        self._load_peaks()
        master = self._library.master_path(mid)
        if self._play_when_fetched and self.modeAudio.isChecked():
            if master is None and self._media is not None:  # removed from this computer since it came (Listen
                self._media.fetch([mid])  # was pressed while that download was being reported): once more
                self._refresh()
                return
            self._play_when_fetched = False
            if master is not None:
                self._player.play(master, owner=self)
        self._refresh()

    def _on_fetch_failed(self, mid: str) -> None:
        if mid == self._media_id:
            if self._play_when_fetched:  # the user pressed Listen: say why nothing plays beside the button
                self.error.setText(self._media.problem(mid))
            self._play_when_fetched = False
            self._refresh()
