"""Playback of masters — with :mod:`pbxdesk.audio.player_jobs`, the only Qt part of the package.

:class:`PromptPlayer` plays through Qt Multimedia (``QMediaPlayer`` + ``QAudioOutput``) when Qt reports an
audio output; when it reports none but ALSA opens, simpleaudio plays instead; with neither,
:meth:`PromptPlayer.available` is False and :meth:`PromptPlayer.unavailable_reason` says why.
:class:`AudioJob` (re-exported from :mod:`pbxdesk.audio.player_jobs`) runs conversion, synthesis or decoding
on a ``QThreadPool`` with progress and cancellation, so nothing slow happens on the GUI thread.
"""

from __future__ import annotations

import time
import wave
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioBufferOutput, QAudioOutput, QMediaDevices, QMediaPlayer

from pbxdesk.audio.errors import AudioError
from pbxdesk.audio.output import alsa_works, padded_for_qt
from pbxdesk.audio.player_jobs import AudioJob, JobFunction

__all__ = ["IDLE", "PLAYING", "PREPARING", "AudioJob", "JobFunction", "PromptPlayer"]

IDLE, PREPARING, PLAYING = "idle", "preparing", "playing"


class PromptPlayer(QObject):
    """Plays master WAVs: position (ms), state (idle/preparing/playing), stop and replay."""

    stateChanged = Signal(str)
    positionChanged = Signal(int)
    durationChanged = Signal(int)
    errorOccurred = Signal(object)  # AudioError
    firstBuffer = Signal()  # the first audio buffer of a playback went to the audio backend
    availabilityChanged = Signal()  # an output appeared or went away (available() may have changed)

    def __init__(self, parent: QObject | None = None, *, backend: str | None = None,
                 device_id: bytes | None = None) -> None:
        """``backend`` forces ``"qt"``, ``"simpleaudio"`` or ``"none"``; by default it is detected.
        ``device_id`` picks a Qt audio output by its id (default: the system's default output)."""
        super().__init__(parent)
        self._state = IDLE
        self._path: Path | None = None
        self._owner: object | None = None
        self._job: AudioJob | None = None
        self._sa_play: Any = None
        self._sa_started = 0.0
        self._sa_duration_ms = 0
        self._awaiting_buffer = False
        self._timer = QTimer(self)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._poll_simpleaudio)
        self._qt_player: QMediaPlayer | None = None
        self._device_id = device_id
        self._backend, self._reason = self._detect(backend)
        if self._backend == "qt":
            self._setup_qt()
        if backend is None:
            self._devices = QMediaDevices(self)
            self._devices.audioOutputsChanged.connect(self._on_outputs_changed)

    _shared: PromptPlayer | None = None

    @classmethod
    def shared(cls) -> PromptPlayer:
        """One player for the whole application (so one prompt plays at a time), parented to the app."""
        if cls._shared is None or not shiboken6.isValid(cls._shared):
            cls._shared = cls(QCoreApplication.instance())
        return cls._shared

    # -- availability ------------------------------------------------------------------------------
    def _detect(self, forced: str | None) -> tuple[str, str]:
        if forced in ("qt", "simpleaudio"):
            return forced, ""
        if forced is None and not QMediaDevices.defaultAudioOutput().isNull():
            return "qt", ""
        if forced is None and alsa_works():
            return "simpleaudio", ""
        return "none", "no_device"

    def _on_outputs_changed(self) -> None:
        """Headphones plugged in, a sound server started or stopped: detect again (not mid-playback)."""
        if self._state != IDLE:
            return
        backend, reason = self._detect(None)
        if backend == "qt" and self._qt_player is None:
            self._setup_qt()
        elif backend == "qt" and self._device_id is None:
            self._qt_output.setDevice(QMediaDevices.defaultAudioOutput())
        if (backend, reason) != (self._backend, self._reason):
            self._backend, self._reason = backend, reason
            self.availabilityChanged.emit()

    def available(self) -> bool:
        return self._backend != "none"

    def unavailable_reason(self) -> str:
        """Why nothing can play, in the UI language (empty when playback is available)."""
        if not self._reason:
            return ""
        return QCoreApplication.translate("PromptPlayer",
                                          "No audio output device: no sound card or sound server was found.")

    def backend(self) -> str:
        """``"qt"``, ``"simpleaudio"`` or ``"none"``."""
        return self._backend

    def state(self) -> str:
        return self._state

    def current_path(self) -> Path | None:
        return self._path

    def owner(self) -> object | None:
        """Who started the current (or last) playback — lets widgets sharing one player tell theirs."""
        return self._owner

    # -- playing -----------------------------------------------------------------------------------
    def prepare_and_play(self, fn: JobFunction, owner: object | None = None) -> AudioJob:
        """Run ``fn(progress, cancel)`` (returning a master path) on a worker while the state is
        ``preparing``, then play its result. Stop while preparing cancels the job."""
        self.stop()
        self._owner = owner
        job = AudioJob(fn, self)
        self._job = job
        job.succeeded.connect(lambda result, j=job: self._on_prepared(j, result))
        job.failed.connect(lambda error, j=job: self._on_prepare_failed(j, error))
        self._set_state(PREPARING)
        return job.start()

    def play(self, path: Path, owner: object | None = None) -> None:
        """Play the master at ``path`` from its start."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        if self._state != IDLE:
            self.stop()
        if owner is not None:
            self._owner = owner
        if not self.available():
            self.errorOccurred.emit(AudioError("No audio output device: no sound card or sound server was found.",
                                                "Нет устройства вывода звука: не найдены ни звуковая карта, "
                                                "ни звуковой сервер.", code="no_device"))
            self._set_state(IDLE)
            return
        self._path = Path(path)
        self._awaiting_buffer = True
        if self._backend == "qt":
            self._play_qt(self._path)
        else:
            self._play_simpleaudio(self._path)

    def replay(self) -> None:
        if self._path is not None:
            self.play(self._path, self._owner)

    def stop(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._stop_output()
        self._set_state(IDLE)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    def _stop_output(self) -> None:
        self._timer.stop()
        if self._sa_play is not None:
            self._sa_play.stop()
            self._sa_play = None
        if self._qt_player is not None and self._qt_player.playbackState() != QMediaPlayer.PlaybackState.StoppedState:
            self._qt_player.stop()

    def _on_prepared(self, job: AudioJob, path: object) -> None:
        if job is self._job:  # a job replaced or stopped meanwhile is ignored
            self._job = None
            self.play(Path(str(path)), self._owner)

    def _on_prepare_failed(self, job: AudioJob, error: object) -> None:
        if job is self._job:
            self._job = None
            self._set_state(IDLE)
            self.errorOccurred.emit(error)

    # -- Qt Multimedia -----------------------------------------------------------------------------
    def _setup_qt(self) -> None:
        self._qt_player = QMediaPlayer(self)
        device = QMediaDevices.defaultAudioOutput()
        for candidate in QMediaDevices.audioOutputs():
            if self._device_id is not None and candidate.id().data() == self._device_id:
                device = candidate
        self._qt_output = QAudioOutput(device, self)
        self._qt_output.setVolume(1.0)
        self._qt_player.setAudioOutput(self._qt_output)
        self._qt_buffers = QAudioBufferOutput(self)
        self._qt_player.setAudioBufferOutput(self._qt_buffers)
        self._qt_buffers.audioBufferReceived.connect(self._on_qt_buffer)
        self._qt_player.positionChanged.connect(self._on_qt_position)
        self._qt_player.durationChanged.connect(self._on_qt_duration)
        self._qt_player.playbackStateChanged.connect(self._on_qt_state)
        self._qt_player.errorOccurred.connect(self._on_qt_error)

    def _play_qt(self, path: Path) -> None:
        assert self._qt_player is not None
        url = QUrl.fromLocalFile(str(padded_for_qt(path)))
        if self._qt_player.source() != url:
            self._qt_player.setSource(url)
        else:
            self._qt_player.setPosition(0)
        self._set_state(PLAYING)
        self._qt_player.play()

    def _on_qt_position(self, ms: int) -> None:
        self.positionChanged.emit(int(ms))

    def _on_qt_duration(self, ms: int) -> None:
        self.durationChanged.emit(int(ms))

    def _on_qt_buffer(self, _buffer: object) -> None:
        if self._awaiting_buffer:
            self._awaiting_buffer = False
            self.firstBuffer.emit()

    def _on_qt_state(self, state: QMediaPlayer.PlaybackState) -> None:
        if state == QMediaPlayer.PlaybackState.StoppedState and self._state == PLAYING:
            self._set_state(IDLE)

    def _on_qt_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        self._set_state(IDLE)
        self.errorOccurred.emit(AudioError(f"Playback failed: {text}", f"Не удалось воспроизвести: {text}",
                                           code="playback"))

    # -- simpleaudio (ALSA) ------------------------------------------------------------------------
    def _play_simpleaudio(self, path: Path) -> None:
        import simpleaudio

        try:
            with wave.open(str(path), "rb") as w:
                channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
                frames = w.readframes(w.getnframes())
            self._sa_play = simpleaudio.play_buffer(frames, channels, width, rate)
        except Exception as exc:
            self._set_state(IDLE)
            self.errorOccurred.emit(AudioError(f"Playback failed: {exc}", f"Не удалось воспроизвести: {exc}",
                                               code="playback"))
            return
        self._awaiting_buffer = False
        self.firstBuffer.emit()
        self._sa_started = time.monotonic()
        self._sa_duration_ms = int(1000 * len(frames) / (channels * width * rate))
        self.durationChanged.emit(self._sa_duration_ms)
        self._set_state(PLAYING)
        self._timer.start()

    def _poll_simpleaudio(self) -> None:
        if self._sa_play is None:
            self._timer.stop()
            return
        position = min(self._sa_duration_ms, int(1000 * (time.monotonic() - self._sa_started)))
        self.positionChanged.emit(position)
        if not self._sa_play.is_playing():
            self._sa_play = None
            self._timer.stop()
            self.positionChanged.emit(self._sa_duration_ms)
            self._set_state(IDLE)
