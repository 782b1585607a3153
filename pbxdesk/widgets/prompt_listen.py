"""The listening part of the prompt editor: the Listen/Stop button, the duration and the waveform.

Plays the prompt with the shared :class:`~pbxdesk.audio.player.PromptPlayer` (synthesising text first, on a
worker); reads the waveform and duration of an audio file on a worker. A mixin of
:class:`~pbxdesk.widgets.prompt_widget.PromptWidget` (see :mod:`pbxdesk.widgets.prompt_parts`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle

from pbxdesk.audio.player import IDLE, PLAYING, PREPARING, AudioJob
from pbxdesk.audio.wavfile import wav_info, waveform_peaks
from pbxdesk.widgets.prompt_parts import PromptParts, named
from pbxdesk.widgets.waveform import WaveformView

if TYPE_CHECKING:  # the peaks come from a worker thread, which imports numpy
    import numpy as np


def _mmss(ms: int) -> str:
    seconds = max(0, int(round(ms / 1000)))
    return f"{seconds // 60}:{seconds % 60:02d}"


class PromptListenMixin(PromptParts):
    listen: QPushButton
    duration: QLabel
    _peaks_job: AudioJob | None

    def _build_listen_row(self) -> QHBoxLayout:
        self.listen = named(QPushButton(), "promptListen")
        self.listen.setMinimumWidth(130)
        self.duration = named(QLabel(), "promptDuration")
        self.waveform = WaveformView()
        self.waveform.setObjectName("promptWaveform")
        play_row = QHBoxLayout()
        play_row.addWidget(self.listen)
        play_row.addWidget(self.duration)
        play_row.addWidget(self.waveform, 1)
        return play_row

    def _retranslate_listen(self) -> None:
        self.duration.setAccessibleName(self.tr("Duration"))

    def _on_listen(self) -> None:
        if self._player.owner() is self and self._player.state() != IDLE:
            self._player.stop()
            return
        self.error.clear()
        if self.modeAudio.isChecked():
            master = self._library.master_path(self._media_id) if self._media_id else None
            if master is not None:
                self._player.play(master, owner=self)
            elif self._media is not None and self._media_id:  # the company's file: download it, then play
                self._play_when_fetched = True
                self._media.fetch([self._media_id])
                self._refresh()
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

    def _refresh_listen(self, audio: bool, editable: bool) -> None:
        """The Listen button (text, icon, enabled, the reason it is not) and the duration label."""
        state = self._player.state() if self._player.owner() is self else IDLE
        style = self.style()
        fetching = audio and self._play_when_fetched and self._media is not None
        if state == PREPARING or fetching:
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
        elif audio and self._media is None and not self._library.has(self._media_id):
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
