"""``WordsLabel``: a label that says something in the UI language, and says it again after a language switch.

A message set once with ``setText(self.tr(...))`` stays in the language it was written in; ``say(words)``
keeps the function that words it and calls it again on every ``LanguageChange``::

    label.say(lambda: self.tr("Saved. The change will be sent to the server at the next sync."))

``setText`` still sets plain text (a name, a path) and forgets the function.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

Words = Callable[[], str]


class WordsLabel(QLabel):
    """With ``hide_when_empty`` the label takes no room while it has nothing to say."""

    def __init__(self, parent: QWidget | None = None, *, hide_when_empty: bool = False) -> None:
        super().__init__(parent)
        self._words: Words | None = None
        self._hide_when_empty = hide_when_empty
        if hide_when_empty:
            self.hide()

    def say(self, words: Words | None) -> None:
        """Show what ``words()`` returns now and after every language switch (None: nothing)."""
        self._words = words
        self._show(words() if words is not None else "")

    def setText(self, text: str) -> None:
        self._words = None
        self._show(text)

    def clear(self) -> None:
        self._words = None
        self._show("")

    def _show(self, text: str) -> None:
        super().setText(text)
        if self._hide_when_empty:
            self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._words is not None:
            super().setText(self._words())
        super().changeEvent(event)
