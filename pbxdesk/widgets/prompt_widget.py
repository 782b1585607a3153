"""The prompt editor embedded in every node editor: text to speech or an audio file, Listen/Stop.

It edits one prompt of the routing document (``TtsPrompt`` / ``AudioPrompt`` / None). ``setPrompt`` never
emits ``promptChanged``; every user edit does, with the new value of :meth:`PromptWidget.prompt`.
Synthesis, conversion and waveform reading run on worker threads (:class:`pbxdesk.audio.player.AudioJob`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import numpy as np
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.audio.errors import AudioError
from pbxdesk.audio.library import MediaLibrary
from pbxdesk.audio.player import IDLE, PLAYING, PREPARING, AudioJob, PromptPlayer
from pbxdesk.audio.tts import MAX_TEXT, TtsEngine
from pbxdesk.audio.wavfile import wav_info, waveform_peaks
from pbxdesk.domain.models import AudioPrompt, TtsPrompt
from pbxdesk.widgets.waveform import WaveformView

PromptValue = TtsPrompt | AudioPrompt | None
AUDIO_FILTER_EXTS = "*.wav *.mp3 *.ogg *.flac *.m4a"


_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


def _mmss(ms: int) -> str:
    seconds = max(0, int(round(ms / 1000)))
    return f"{seconds // 60}:{seconds % 60:02d}"


class PromptWidget(QWidget):
    promptChanged = Signal()

    def __init__(self, parent: QWidget | None = None, library: MediaLibrary | None = None,
                 tts: TtsEngine | None = None, player: PromptPlayer | None = None) -> None:
        super().__init__(parent)
        if library is None or tts is None:
            from pbxdesk.audio.defaults import default_library, default_tts

            library = library or default_library()
            tts = tts or default_tts()
        self._library = library
        self._tts = tts
        self._player = player or PromptPlayer.shared()
        self._prompt: PromptValue = None
        self._media_id = ""
        self._loading = False
        self._import_job: AudioJob | None = None
        self._peaks_job: AudioJob | None = None
        self._duration_ms = 0
        self._optional = False
        self._build()
        self._player.stateChanged.connect(self._on_player_state)
        self._player.positionChanged.connect(self._on_player_position)
        self._player.errorOccurred.connect(self._on_player_error)
        self._player.availabilityChanged.connect(self._refresh)
        self._refresh()

    # -- construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.enabledBox = _named(QCheckBox(), "promptEnabled")
        self.enabledBox.setVisible(False)
        self.enabledBox.toggled.connect(self._on_enabled)
        self.modeTts = _named(QRadioButton(), "promptModeTts")
        self.modeAudio = _named(QRadioButton(), "promptModeAudio")
        self.modeTts.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.modeTts)
        group.addButton(self.modeAudio)
        modes = QHBoxLayout()
        modes.addWidget(self.modeTts)
        modes.addWidget(self.modeAudio)
        modes.addStretch(1)

        self.text = _named(QPlainTextEdit(), "promptText")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(60)
        self.counter = _named(QLabel(), "promptCounter")
        self.voice = _named(QComboBox(), "promptVoice")
        self.voice.addItem("", "ru")
        self.voice.addItem("", "en")
        self.voiceLabel = QLabel()
        tts_row = QHBoxLayout()
        tts_row.addWidget(self.voiceLabel)
        tts_row.addWidget(self.voice)
        tts_row.addStretch(1)
        tts_row.addWidget(self.counter)
        tts_page = QWidget()
        tts_layout = QVBoxLayout(tts_page)
        tts_layout.setContentsMargins(0, 0, 0, 0)
        tts_layout.addWidget(self.text)
        tts_layout.addLayout(tts_row)

        self.chooseFile = _named(QPushButton(), "promptChooseFile")
        self.chooseFile.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.fileLabel = _named(QLabel(), "promptFileLabel")
        self.fileLabel.setWordWrap(True)
        self.progress = _named(QProgressBar(), "promptProgress")
        self.progress.setRange(0, 100)
        self.cancelImport = _named(QPushButton(), "promptCancelImport")
        audio_row = QHBoxLayout()
        audio_row.addWidget(self.chooseFile)
        audio_row.addWidget(self.progress, 1)
        audio_row.addWidget(self.cancelImport)
        audio_row.addStretch(0)
        audio_page = QWidget()
        audio_layout = QVBoxLayout(audio_page)
        audio_layout.setContentsMargins(0, 0, 0, 0)
        audio_layout.addLayout(audio_row)
        audio_layout.addWidget(self.fileLabel)
        audio_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(tts_page)
        self.pages.addWidget(audio_page)

        self.listen = _named(QPushButton(), "promptListen")
        self.listen.setMinimumWidth(130)
        self.duration = _named(QLabel(), "promptDuration")
        self.waveform = WaveformView()
        self.waveform.setObjectName("promptWaveform")
        play_row = QHBoxLayout()
        play_row.addWidget(self.listen)
        play_row.addWidget(self.duration)
        play_row.addWidget(self.waveform, 1)
        self.error = _named(QLabel(), "promptError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabledBox)
        layout.addLayout(modes)
        layout.addWidget(self.pages)
        layout.addLayout(play_row)
        layout.addWidget(self.error)

        self.modeTts.toggled.connect(self._on_mode)
        self.text.textChanged.connect(self._on_text)
        self.voice.currentIndexChanged.connect(self._on_voice)
        self.chooseFile.clicked.connect(self._choose_file)
        self.cancelImport.clicked.connect(self._cancel_import)
        self.listen.clicked.connect(self._on_listen)
        self._retranslate()

    def _retranslate(self) -> None:
        self.enabledBox.setText(self.tr("Play a voice message first"))
        self.modeTts.setText(self.tr("Text to speech"))
        self.modeAudio.setText(self.tr("Audio file"))
        self.text.setAccessibleName(self.tr("Text to speak"))
        self.text.setPlaceholderText(self.tr("What the caller hears, for example: Hello! You have called…"))
        self.voice.setAccessibleName(self.tr("Voice"))
        self.voice.setItemText(0, self.tr("Russian"))
        self.voice.setItemText(1, self.tr("English"))
        self.voiceLabel.setText(self.tr("Voice:"))
        self.chooseFile.setText(self.tr("Choose audio file…"))
        self.chooseFile.setAccessibleName(self.tr("Choose audio file"))
        self.progress.setAccessibleName(self.tr("Conversion progress"))
        self.cancelImport.setText(self.tr("Cancel"))
        self.cancelImport.setAccessibleName(self.tr("Cancel the conversion"))
        self.duration.setAccessibleName(self.tr("Duration"))
        widest = self.tr("{0} / {1} characters").format(MAX_TEXT, MAX_TEXT)
        self.counter.setMinimumWidth(self.counter.fontMetrics().horizontalAdvance(widest) + 4)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._refresh()
        super().changeEvent(event)

    # -- public API --------------------------------------------------------------------------------
    def setPrompt(self, prompt: PromptValue) -> None:
        """Show ``prompt`` (None: an empty text-to-speech prompt); does not emit ``promptChanged``."""
        self._loading = True
        try:
            if self._player.owner() is self:
                self._player.stop()
            self._prompt = prompt
            self.enabledBox.setChecked(prompt is not None or not self._optional)
            self.error.clear()
            if isinstance(prompt, AudioPrompt):
                self._media_id = prompt.audio
                self.modeAudio.setChecked(True)
            else:
                self._media_id = ""
                self.modeTts.setChecked(True)
                self.text.setPlainText(prompt.tts if isinstance(prompt, TtsPrompt) else "")
                index = self.voice.findData(prompt.voice if isinstance(prompt, TtsPrompt) else "ru")
                self.voice.setCurrentIndex(max(0, index))
        finally:
            self._loading = False
        self._load_peaks()
        self._refresh()

    def prompt(self) -> PromptValue:
        return self._prompt

    def setOptional(self, optional: bool) -> None:
        """For the optional voice messages (R8–R12): a check box decides whether there is a prompt at all;
        unchecked, :meth:`prompt` is None."""
        self._optional = optional
        self.enabledBox.setVisible(optional)
        self._loading = True
        self.enabledBox.setChecked(self._prompt is not None or not optional)
        self._loading = False
        self._refresh()

    def isOptional(self) -> bool:
        return self._optional

    def _on_enabled(self, checked: bool) -> None:
        if self._loading:
            return
        if not checked:
            if self._player.owner() is self:
                self._player.stop()
            self._prompt = None
            self._refresh()
            self.promptChanged.emit()
        else:
            self._user_changed()

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

    def player(self) -> PromptPlayer:
        return self._player

    # -- editing -----------------------------------------------------------------------------------
    def _user_changed(self) -> None:
        if self._loading or (self._optional and not self.enabledBox.isChecked()):
            return
        if self.modeAudio.isChecked():
            self._prompt = AudioPrompt(audio=self._media_id)
        else:
            self._prompt = TtsPrompt(tts=self.text.toPlainText(), voice=self.voice.currentData() or "ru")
        self._refresh()
        self.promptChanged.emit()

    def _on_mode(self) -> None:
        if self._player.owner() is self:
            self._player.stop()
        self.error.clear()
        self._load_peaks()
        self._user_changed()
        self._refresh()

    def _on_text(self) -> None:
        text = self.text.toPlainText()
        if len(text) > MAX_TEXT:  # the document allows 1–1000 characters: cut what was pasted beyond
            cursor = self.text.textCursor()
            position = min(cursor.position(), MAX_TEXT)
            self.text.setPlainText(text[:MAX_TEXT])
            cursor = self.text.textCursor()
            cursor.setPosition(position)
            self.text.setTextCursor(cursor)
            return
        self.waveform.set_peaks(None)
        self._duration_ms = 0
        self._user_changed()

    def _on_voice(self) -> None:
        self.waveform.set_peaks(None)
        self._duration_ms = 0
        self._user_changed()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose audio file"), "",
            self.tr("Audio files ({0});;All files (*)").format(AUDIO_FILTER_EXTS))
        if path:
            self.importFile(path)

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

    # -- listening ---------------------------------------------------------------------------------
    def _on_listen(self) -> None:
        if self._player.owner() is self and self._player.state() != IDLE:
            self._player.stop()
            return
        self.error.clear()
        if self.modeAudio.isChecked():
            master = self._library.master_path(self._media_id) if self._media_id else None
            if master is not None:
                self._player.play(master, owner=self)
            return
        text, voice = self.text.toPlainText(), self.voice.currentData() or "ru"
        cached = self._tts.cached_path(text, voice)
        if cached is not None:
            self._show_master(cached)
            self._player.play(cached, owner=self)
            return
        tts = self._tts

        def render(_progress: object, _cancel: object) -> Path:
            return tts.synthesize(text, voice)

        job = self._player.prepare_and_play(render, owner=self)
        job.succeeded.connect(self._on_rendered)

    def _on_rendered(self, path: object) -> None:
        self._show_master(Path(str(path)))

    def _show_master(self, master: Path) -> None:
        self._duration_ms = int(wav_info(master).duration_s * 1000)
        if not self.waveform.has_peaks():
            self.waveform.set_peaks(waveform_peaks(master))
        self._refresh()

    def _load_peaks(self) -> None:
        """Waveform and duration of the current audio file, read on a worker."""
        self.waveform.set_peaks(None)
        self._duration_ms = 0
        master = self._library.master_path(self._media_id) if self.modeAudio.isChecked() and self._media_id \
            else None
        if master is None:
            return
        job = AudioJob(lambda _p, _c: (waveform_peaks(master), int(wav_info(master).duration_s * 1000)))
        self._peaks_job = job
        job.succeeded.connect(self._on_peaks)
        job.start()

    def _on_peaks(self, result: tuple[np.ndarray, int]) -> None:
        self.waveform.set_peaks(result[0])
        self._duration_ms = int(result[1])
        self._refresh()

    def _on_player_state(self, _state: str) -> None:
        if self._player.owner() is self:
            self._refresh()
            if self._player.state() == IDLE:
                self.waveform.set_position(-1)

    def _on_player_position(self, ms: int) -> None:
        if self._player.owner() is self and self._player.state() == PLAYING and self._duration_ms:
            self.waveform.set_position(ms / self._duration_ms)
            self.duration.setText(f"{_mmss(ms)} / {_mmss(self._duration_ms)}")

    def _on_player_error(self, error: object) -> None:
        if self._player.owner() is self:
            self._on_failed(error)

    def _on_failed(self, error: object) -> None:
        if isinstance(error, AudioError):
            self.error.setText(error.message_ru if self._language() == "ru" else error.message_en)
        else:
            self.error.setText(str(error))
        self._refresh()

    def _language(self) -> str:
        return self.tr("en", "language code of this translation")

    # -- state -------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        audio = self.modeAudio.isChecked()
        editable = not self._optional or self.enabledBox.isChecked()
        for part in (self.modeTts, self.modeAudio, self.pages):
            part.setEnabled(editable)
        self.pages.setCurrentIndex(1 if audio else 0)
        length = len(self.text.toPlainText())
        self.counter.setText(self.tr("{0} / {1} characters").format(length, MAX_TEXT))
        self.counter.setStyleSheet("color: #c62828;" if length == 0 else "")
        importing = self._import_job is not None
        self.progress.setVisible(importing)
        self.cancelImport.setVisible(importing)
        self.chooseFile.setEnabled(not importing)
        if self._media_id:
            known = self._library.has(self._media_id)
            name = self._library.display_name(self._media_id) or self.tr("Audio file {0}…").format(
                self._media_id[:12])
            self.fileLabel.setText(name if known else self.tr("{0} (not available on this computer)").format(name))
        else:
            self.fileLabel.setText(self.tr("No file chosen"))

        state = self._player.state() if self._player.owner() is self else IDLE
        style = self.style()
        if state == PREPARING:
            self.listen.setText(self.tr("Preparing…"))
        elif state == PLAYING:
            self.listen.setText(self.tr("Playing"))
        else:
            self.listen.setText(self.tr("Listen"))
        active = state != IDLE
        self.listen.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop if active
                                               else QStyle.StandardPixmap.SP_MediaPlay))
        self.listen.setAccessibleName(self.tr("Stop") if active else self.tr("Listen"))
        reason = ""
        if not editable:
            reason = self.tr("No voice message is played.")
        elif not self._player.available():
            reason = self._player.unavailable_reason()
        elif audio and not self._media_id:
            reason = self.tr("Choose an audio file first.")
        elif audio and not self._library.has(self._media_id):
            reason = self.tr("This audio file is not available on this computer yet.")
        elif not audio and not self.text.toPlainText().strip():
            reason = self.tr("Type the text to speak first.")
        self.listen.setEnabled(active or not reason)
        self.listen.setToolTip(reason or (self.tr("Stop") if active else
                                          self.tr("Listen to what the caller will hear")))
        if not active:
            self.duration.setText(_mmss(self._duration_ms) if self._duration_ms else "–:––")
        elif "/" not in self.duration.text() and self._duration_ms:
            self.duration.setText(f"0:00 / {_mmss(self._duration_ms)}")
