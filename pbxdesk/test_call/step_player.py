"""Plays a simulated call step by step: Play (timed, waiting for each prompt to be heard), Step, Pause.

Prompts are rendered off the GUI thread (text to speech with the editor's engine, uploaded audio from the
media library) and played with the shared :class:`~pbxdesk.audio.player.PromptPlayer`. Without an audio
device, with sound switched off or when a prompt cannot be rendered, the player just moves on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

STEP_MS = 700
IDLE, RUNNING, PAUSED = "idle", "running", "paused"
SYSTEM_PROMPTS = {
    "voicemail": "Оставьте сообщение после звукового сигнала.",
    "fax": "Начните передачу факса.",
}


class StepPlayer(QObject):
    """``current`` is the index of the step shown (-1: none yet). Signals: ``stepChanged(index)``,
    ``stateChanged(state)`` (idle/running/paused), ``finished()`` after the last step,
    ``audioProblem(text)``."""

    stepChanged = Signal(int)
    stateChanged = Signal(str)
    finished = Signal()
    audioProblem = Signal(str)

    def __init__(self, player: Any = None, tts: Any = None, library: Any = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player, self.tts, self.library = player, tts, library
        self.steps: list[dict[str, Any]] = []
        self.current = -1
        self.state = IDLE
        self.sound = True
        self.step_ms = STEP_MS
        self._waiting_audio = False
        self._heard = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._tick)
        if player is not None:
            player.stateChanged.connect(self._player_state)
            player.errorOccurred.connect(self._player_error)

    # -- control ---------------------------------------------------------------------------------------
    def load(self, steps: list[dict[str, Any]]) -> None:
        self.stop()
        self.steps = list(steps)
        self.current = -1

    def can_sound(self) -> bool:
        return bool(self.sound and self.player is not None and self.player.available())

    def play(self) -> None:
        if not self.steps:
            return
        if self.current >= len(self.steps) - 1:
            self.current = -1
        self._set_state(RUNNING)
        self._timer.start(0)

    def pause(self) -> None:
        if self.state == RUNNING:
            self._timer.stop()
            self._stop_audio()
            self._set_state(PAUSED)

    def stop(self) -> None:
        self._timer.stop()
        self._stop_audio()
        self._set_state(IDLE)

    def step(self) -> None:
        """One step forward (from a pause or at rest); plays that step's prompt without waiting for it."""
        self._timer.stop()
        self._stop_audio()
        if self.state == RUNNING:
            self._set_state(PAUSED)
        if self.current < len(self.steps) - 1:
            self._advance(wait=False)
        if self.current >= len(self.steps) - 1:
            self._set_state(IDLE)
            self.finished.emit()

    def reset(self) -> None:
        self.stop()
        self.current = -1
        self.stepChanged.emit(-1)

    def show_all(self) -> None:
        """Jump to the last step (the whole path)."""
        self.stop()
        self.current = len(self.steps) - 1
        self.stepChanged.emit(self.current)

    # -- running ---------------------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    def _tick(self) -> None:
        if self.state != RUNNING:
            return
        if self.current >= len(self.steps) - 1:
            self._set_state(IDLE)
            self.finished.emit()
            return
        if not self._advance(wait=True):
            self._timer.start(self.step_ms)

    def _advance(self, wait: bool) -> bool:
        """Show the next step; True when it waits for a prompt to finish playing."""
        self.current += 1
        self.stepChanged.emit(self.current)
        step = self.steps[self.current]
        if step.get("kind") != "play" or not self.can_sound():
            return False
        prompt = dict(step.get("prompt", {}))
        self.player.prepare_and_play(lambda _progress, _cancel: self._render(prompt), owner=self)
        self._waiting_audio, self._heard = wait, False
        return wait

    def _render(self, prompt: dict[str, Any]) -> Path:
        from pbxdesk.audio.errors import AudioError

        if "audio" in prompt:
            path = self.library.master_path(prompt["audio"]) if self.library is not None else None
            if path is None:
                raise AudioError("The audio file is not in the media library on this computer.",
                                 "Аудиофайла нет в медиатеке на этом компьютере.", code="missing_media")
            return Path(path)
        if self.tts is None:
            raise AudioError("No text-to-speech engine.", "Нет синтезатора речи.", code="no_tts")
        if "system" in prompt:
            text = SYSTEM_PROMPTS.get(prompt["system"], SYSTEM_PROMPTS["voicemail"])
            return Path(self.tts.synthesize(text, "ru"))
        return Path(self.tts.synthesize(str(prompt["tts"]), str(prompt.get("voice", "ru"))))

    def _player_state(self, state: str) -> None:
        if not self._waiting_audio or self.player.owner() is not self:
            return
        if state == "playing":
            self._heard = True
        elif state == "idle" and self._heard:  # the player passes through idle between preparing and playing
            self._waiting_audio = False
            if self.state == RUNNING:
                self._timer.start(self.step_ms // 2)

    def _player_error(self, error: object) -> None:
        if self.player.owner() is not self:
            return
        message = getattr(error, "message", None)
        text = message(_language()) if callable(message) else str(error)
        self.audioProblem.emit(text)
        if self._waiting_audio:
            self._waiting_audio = False
            if self.state == RUNNING:
                self._timer.start(self.step_ms)

    def _stop_audio(self) -> None:
        self._waiting_audio = False
        if self.player is not None and self.player.owner() is self and self.player.state() != "idle":
            self.player.stop()


def _language() -> str:
    from pbxdesk.scenario_editor.labels import ui_language

    return ui_language()

