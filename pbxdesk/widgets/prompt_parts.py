"""What the parts of the prompt editor share: the prompt value type, the object-name helper and their base.

:class:`~pbxdesk.widgets.prompt_widget.PromptWidget` is put together from mixins, one per part
(:mod:`~pbxdesk.widgets.prompt_tts`, :mod:`~pbxdesk.widgets.prompt_file`, :mod:`~pbxdesk.widgets.prompt_listen`).
:class:`PromptParts` is their common base: at run time a plain class (so ``QWidget`` stays PromptWidget's one Qt
base and nothing changes for Qt), for the type checker a ``QWidget`` that declares what the parts use of each
other. Every attribute declared here is set by PromptWidget or by one of the parts' builders.

An audio file the company uploaded may not be on this computer yet: with a media fetcher (``media``: an
object with ``state(id)``, ``problem(id)``, ``fetch(ids)`` and the signals ``progress(id, fraction)``,
``fetched(id)``, ``failed(id)``, as :class:`pbxdesk.desktop.media_fetch.MediaFetcher`) the widget shows its
download, says why it failed, and Listen downloads it first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QRadioButton, QWidget

from pbxdesk.audio.library import MediaLibrary
from pbxdesk.audio.player import PromptPlayer
from pbxdesk.audio.tts import TtsEngine
from pbxdesk.domain.models import AudioPrompt, TtsPrompt
from pbxdesk.widgets.waveform import WaveformView

PromptValue = TtsPrompt | AudioPrompt | None

_W = TypeVar("_W", bound=QWidget)


def named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


class PromptParts(_Base):
    """Base of the prompt editor's mixins; see the module docstring."""

    _library: MediaLibrary
    _tts: TtsEngine
    _player: PromptPlayer
    _prompt: PromptValue
    _media_id: str
    _media: Any  # the media fetcher (pbxdesk.desktop.media_fetch), or None: audio files come from this computer
    _play_when_fetched: bool
    _duration_ms: int
    modeAudio: QRadioButton
    text: QPlainTextEdit
    voice: QComboBox
    error: QLabel
    waveform: WaveformView

    if TYPE_CHECKING:
        def _refresh(self) -> None: ...

        def _user_changed(self) -> None: ...

        def _on_failed(self, error: object) -> None: ...

        def _load_peaks(self) -> None: ...
