"""The text-to-speech part of the prompt editor: the text, its character counter and the voice.

A mixin of :class:`~pbxdesk.widgets.prompt_widget.PromptWidget` (see :mod:`pbxdesk.widgets.prompt_parts`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.audio.tts import MAX_TEXT
from pbxdesk.widgets.prompt_parts import PromptParts, named


class PromptTtsMixin(PromptParts):
    counter: QLabel
    voiceLabel: QLabel

    def _build_tts_page(self) -> QWidget:
        self.text = named(QPlainTextEdit(), "promptText")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(60)
        # about five lines: room for a usual prompt, while the editor's other settings stay in view (a longer
        # text scrolls inside the box)
        self.text.setMaximumHeight(self.text.fontMetrics().lineSpacing() * 5 + 12)
        self.counter = named(QLabel(), "promptCounter")
        self.voice = named(QComboBox(), "promptVoice")
        self.voice.addItem("", "ru")
        self.voice.addItem("", "en")
        # the item texts arrive with retranslate(), after the combo may have measured itself empty; and a
        # narrow panel must not squeeze it to one letter: always as wide as its words
        self.voice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.voice.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
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
        return tts_page

    def _retranslate_tts(self) -> None:
        self.text.setAccessibleName(self.tr("Text to speak"))
        self.text.setPlaceholderText(self.tr("What the caller hears, for example: Hello! You have called…"))
        self.voice.setAccessibleName(self.tr("Voice"))
        self.voice.setItemText(0, self.tr("Russian"))
        self.voice.setItemText(1, self.tr("English"))
        self.voiceLabel.setText(self.tr("Voice:"))
        widest = self.tr("{0} / {1} characters").format(MAX_TEXT, MAX_TEXT)
        self.counter.setMinimumWidth(self.counter.fontMetrics().horizontalAdvance(widest) + 4)

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

    def _refresh_counter(self) -> None:
        length = len(self.text.toPlainText())
        self.counter.setText(self.tr("{0} / {1} characters").format(length, MAX_TEXT))
        self.counter.setStyleSheet("color: #c62828;" if length == 0 else "")
