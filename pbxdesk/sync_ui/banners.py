"""Readable banners above the editor tabs: the profile's disk failing (full, read-only, removed: nothing can
be saved now), server unreachable (Retry), access refused (Log in again), numbers refused by the server and
set aside (Show) and conflicts waiting (Resolve)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

STYLES = {"error": "background: #fdecea; border: 1px solid #e57373;",
          "warning": "background: #fff8e1; border: 1px solid #ffb300;"}


class Banner(QFrame):
    """One message with up to two buttons; hidden until ``show_text``."""

    def __init__(self, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(f"#{name} {{ {STYLES[kind]} border-radius: 4px; }}")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setObjectName(name + "Text")
        self.buttons: list[QPushButton] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(8, 4, 8, 4)
        self._row.addWidget(self.label, 1)
        self.hide()

    def add_button(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        self._row.addWidget(button)
        self.buttons.append(button)
        return button

    def show_text(self, text: str, detail: str = "") -> None:
        self.label.setText(text)
        self.label.setToolTip(detail)
        self.setAccessibleName(text)
        self.show()


class BannerArea(QWidget):
    retryRequested = Signal()
    loginRequested = Signal()
    conflictsRequested = Signal()
    pendingRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBanners")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(4)
        self.profile = Banner("profileBanner", "error", self)
        self.network = Banner("networkBanner", "warning", self)
        self.retry = self.network.add_button("retryButton")
        self.retry.clicked.connect(self.retryRequested)
        self.auth = Banner("authBanner", "error", self)
        self.login = self.auth.add_button("loginAgainButton")
        self.login.clicked.connect(self.loginRequested)
        self.refused = Banner("refusedBanner", "error", self)
        self.show_refused = self.refused.add_button("showRefusedButton")
        self.show_refused.clicked.connect(self.pendingRequested)
        self.conflicts = Banner("conflictsBanner", "warning", self)
        self.resolve = self.conflicts.add_button("resolveConflictsButton")
        self.resolve.clicked.connect(self.conflictsRequested)
        for banner in (self.profile, self.network, self.auth, self.refused, self.conflicts):
            column.addWidget(banner)
        self._profile_error: Any = None
        self._network_detail = self._auth_detail = ""
        self._refused = self._conflicts = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.retry.setText(self.tr("Retry"))
        self.retry.setAccessibleName(self.tr("Retry the sync"))
        self.login.setText(self.tr("Log in again…"))
        self.login.setAccessibleName(self.tr("Log in to the server again"))
        self.show_refused.setText(self.tr("Show…"))
        self.show_refused.setAccessibleName(self.tr("Show the numbers the server refused"))
        self.resolve.setText(self.tr("Resolve…"))
        self.resolve.setAccessibleName(self.tr("Resolve conflicts"))
        self.set_profile_trouble(self._profile_error)
        if self.network.isVisibleTo(self):
            self.set_network_error(self._network_detail)
        if self.auth.isVisibleTo(self):
            self.set_auth_error(self._auth_detail)
        self.set_counts(self._refused, self._conflicts)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_profile_trouble(self, error: Any) -> None:
        """The profile's disk failed (a ``StoreError``: full, read-only, removed...), or None: it works again.
        The store says what happened in both languages; the banner adds what it means for the user."""
        from pbxdesk.desktop.i18n import current_language

        self._profile_error = error
        if error is None:
            self.profile.hide()
            return
        lang = current_language()
        said = error.message(lang) if hasattr(error, "message") else str(error)
        self.profile.show_text(self.tr("%1 Edits not saved yet stay open in their editors.").replace("%1", said),
                               getattr(error, "path", ""))

    def set_network_error(self, detail: str | None) -> None:
        if not detail:
            self.network.hide()
            return
        self._network_detail = detail
        self.network.show_text(self.tr("The server cannot be reached. Your changes are kept on this computer and "
                                       "will be sent when the connection is back."), detail)

    def set_auth_error(self, detail: str | None) -> None:
        if not detail:
            self.auth.hide()
            return
        self._auth_detail = detail
        self.auth.show_text(self.tr("The server did not accept your access token. Log in again to keep "
                                    "syncing; your changes are kept on this computer."), detail)

    def set_counts(self, refused: int, conflicts: int) -> None:
        self._refused, self._conflicts = refused, conflicts
        if refused:
            self.refused.show_text(self.tr("The server refused the changes of %n number(s): they are set aside "
                                           "until you fix them, and every other change was sent. Open the number "
                                           "to see the marked branches.", "", refused))
        else:
            self.refused.hide()
        if conflicts:
            self.conflicts.show_text(self.tr("%n number(s) were changed both here and on the server. Choose "
                                             "which settings to keep.", "", conflicts))
        else:
            self.conflicts.hide()
