"""The prompt editor embedded in every node editor: text to speech or an audio file, Listen/Stop.

It edits one prompt of the routing document (``TtsPrompt`` / ``AudioPrompt`` / None). ``setPrompt`` never
emits ``promptChanged``; every user edit does, with the new value of :meth:`PromptWidget.prompt`.
Synthesis, conversion and waveform reading run on worker threads (:class:`pbxdesk.audio.player.AudioJob`).

The parts live in their own modules, as mixins of :class:`PromptWidget`: the text and voice
(:mod:`~pbxdesk.widgets.prompt_tts`), choosing and importing an audio file (:mod:`~pbxdesk.widgets.prompt_file`),
Listen/Stop with duration and waveform (:mod:`~pbxdesk.widgets.prompt_listen`); what they share is in
:mod:`~pbxdesk.widgets.prompt_parts`. This module puts them together and holds the prompt value itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.audio.errors import AudioError
from pbxdesk.audio.library import MediaLibrary
from pbxdesk.audio.player import PromptPlayer
from pbxdesk.audio.tts import TtsEngine
from pbxdesk.domain.models import AudioPrompt, TtsPrompt
from pbxdesk.widgets.prompt_file import AUDIO_FILTER_EXTS, PromptFileMixin
from pbxdesk.widgets.prompt_listen import PromptListenMixin
from pbxdesk.widgets.prompt_parts import PromptValue, named
from pbxdesk.widgets.prompt_tts import PromptTtsMixin

__all__ = ["AUDIO_FILTER_EXTS", "PromptValue", "PromptWidget"]


class PromptWidget(PromptTtsMixin, PromptFileMixin, PromptListenMixin, QWidget):
    promptChanged = Signal()

    def __init__(self, parent: QWidget | None = None, library: MediaLibrary | None = None,
                 tts: TtsEngine | None = None, player: PromptPlayer | None = None, media: Any = None) -> None:
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
        self._media = media
        self._play_when_fetched = False
        self._loading = False
        self._import_job = None
        self._picker = None  # the company's greetings, while the dialog is open
        self._peaks_job = None
        self._duration_ms = 0
        self._optional = False
        self._build()
        self._player.stateChanged.connect(self._on_player_state)
        self._player.positionChanged.connect(self._on_player_position)
        self._player.errorOccurred.connect(self._on_player_error)
        self._player.availabilityChanged.connect(self._refresh)
        if media is not None:
            media.progress.connect(self._on_fetch_progress)
            media.fetched.connect(self._on_fetched)
            media.failed.connect(self._on_fetch_failed)
        self._refresh()

    # -- construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.enabledBox = named(QCheckBox(), "promptEnabled")
        self.enabledBox.setVisible(False)
        self.enabledBox.toggled.connect(self._on_enabled)
        self.modeTts = named(QRadioButton(), "promptModeTts")
        self.modeAudio = named(QRadioButton(), "promptModeAudio")
        self.modeTts.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.modeTts)
        group.addButton(self.modeAudio)
        modes = QHBoxLayout()
        modes.addWidget(self.modeTts)
        modes.addWidget(self.modeAudio)
        modes.addStretch(1)

        tts_page = self._build_tts_page()
        audio_page = self._build_file_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(tts_page)
        self.pages.addWidget(audio_page)

        play_row = self._build_listen_row()
        self.error = named(QLabel(), "promptError")
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
        self.chooseLibrary.clicked.connect(self._choose_from_library)
        self.cancelImport.clicked.connect(self._cancel_import)
        self.listen.clicked.connect(self._on_listen)
        self._retranslate()

    def _retranslate(self) -> None:
        self.enabledBox.setText(self.tr("Play a voice message first"))
        self.modeTts.setText(self.tr("Text to speech"))
        self.modeAudio.setText(self.tr("Audio file"))
        self._retranslate_tts()
        self._retranslate_file()
        self._retranslate_listen()

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
            self._play_when_fetched = False
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
        self._refresh_counter()
        self._refresh_file()
        self._refresh_listen(audio, editable)
