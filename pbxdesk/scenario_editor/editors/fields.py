"""Small field widgets shared by the node editors: duration combos, the prompt slot, on/off switches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from pbxdesk.domain.models import AudioPrompt, TtsPrompt
from pbxdesk.widgets.session import DocumentSession

PromptValue = TtsPrompt | AudioPrompt | None


@dataclass
class EditorContext:
    """What every node editor needs: the session and the audio services for the prompt widget (``media``:
    downloads the company's audio files from the server, see ``pbxdesk.widgets.prompt_parts``)."""

    session: DocumentSession
    library: Any = None
    tts: Any = None
    player: Any = None
    media: Any = None


def shared_audio(context: EditorContext, owner: QWidget) -> EditorContext:
    """One media library, TTS engine and player for all the prompt widgets of an editor.

    Without the audio package (or Qt Multimedia) the prompt widgets make their own, or are absent.
    """
    try:
        if context.library is None or context.tts is None:
            from pbxdesk.audio.defaults import default_library, default_tts

            context.library = context.library or default_library()
            context.tts = context.tts or default_tts()
        if context.player is None:
            from pbxdesk.audio.player import PromptPlayer

            context.player = PromptPlayer(owner)
    except ImportError:
        pass
    return context


def duration_text(seconds: int) -> str:
    """10 -> «10 s», 60 -> «1 min», 120 -> «2 min» (as the guide lists them)."""
    if seconds >= 60 and seconds % 60 == 0:
        return QCoreApplication.translate("ScenarioFields", "%1 min").replace("%1", str(seconds // 60))
    return QCoreApplication.translate("ScenarioFields", "%1 s").replace("%1", str(seconds))


class DurationCombo(QComboBox):
    """A combo of allowed durations in seconds; a stored value outside the set is shown and marked."""

    valueChanged = Signal(int)

    def __init__(self, values: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: tuple[int, ...] = ()
        self.set_values(values)
        self.currentIndexChanged.connect(lambda _i: self.valueChanged.emit(self.value()))

    def set_values(self, values: tuple[int, ...]) -> None:
        current = self.value() if self.count() else None
        self.blockSignals(True)
        self.clear()
        self._values = values
        for seconds in values:
            self.addItem(duration_text(seconds), seconds)
        self.blockSignals(False)
        if current is not None and current in values:
            self.set_value(current)

    def allowed(self) -> tuple[int, ...]:
        return self._values

    def set_value(self, seconds: int) -> None:
        found = self.findData(seconds)
        if found < 0:
            label = QCoreApplication.translate("ScenarioFields", "%1 (not allowed)").replace(
                "%1", duration_text(seconds))
            self.addItem(label, seconds)
            found = self.count() - 1
        self.setCurrentIndex(found)

    def value(self) -> int:
        data = self.currentData()
        return int(data) if data is not None else 0


class Switch(QCheckBox):
    """The guide's on/off slider, as a check box that says what it switches."""


def make_prompt_widget(context: EditorContext, parent: QWidget) -> QWidget | None:
    """The audio engineer's ``PromptWidget`` (TTS text or audio file, voice, Listen), when available."""
    try:
        from pbxdesk.widgets.prompt_widget import PromptWidget
    except ImportError:
        return None
    return PromptWidget(parent, library=context.library, tts=context.tts, player=context.player, media=context.media)


class PromptSlot:
    """Holds a prompt value, edited by the prompt widget when it exists (else kept as loaded)."""

    def __init__(self, widget: QWidget | None) -> None:
        self.widget = widget
        self._value: PromptValue = None

    def set(self, prompt: PromptValue) -> None:
        self._value = prompt.model_copy(deep=True) if prompt is not None else None
        if self.widget is not None:
            self.widget.setPrompt(self._value)  # type: ignore[attr-defined]

    def get(self) -> PromptValue:
        if self.widget is not None:
            return self.widget.prompt()  # type: ignore[attr-defined, no-any-return]
        return self._value.model_copy(deep=True) if self._value is not None else None

    def connect(self, slot: Any) -> None:
        if self.widget is not None:
            self.widget.promptChanged.connect(slot)  # type: ignore[attr-defined]
