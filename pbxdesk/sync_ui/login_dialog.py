"""«Log in again»: ask for the API token, check it against the server (off the GUI thread) and keep it.

The token is verified with one ``GET /changes?limit=1``; a token the server accepts is stored with
:func:`pbxdesk.sync.credentials.save_token` (keyring; else kept for this session) and given to the running
app. In demo mode the embedded server's token can be taken with one click.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.desktop.context import AppContext
from pbxdesk.sync_ui.background import call_in_thread, probe_server


class LoginDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.context = context
        self.setWindowTitle(self.tr("Log in to the server"))
        self.url = QLabel(context.server_url or self.tr("(no server configured)"), self)
        self.url.setObjectName("loginServer")
        self.token = QLineEdit(self)
        self.token.setObjectName("tokenEdit")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Access token"))
        self.token.setPlaceholderText(self.tr("Paste the API token your provider gave you"))
        self.message = QLabel(self)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.url)
        form.addRow(self.tr("Access token:"), self.token)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Log in"))
        self.ok.setObjectName("loginButton")
        self.buttons.accepted.connect(self.verify)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        if context.is_demo:
            self.demo = QPushButton(self.tr("Use the demo server's token"), self)
            self.demo.setObjectName("demoTokenButton")
            self.demo.clicked.connect(self._use_demo)
            column.addWidget(self.demo)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self.resize(520, 180)

    def _use_demo(self) -> None:
        token = getattr(self.context.embedded, "token", None)
        if token:
            self.token.setText(token)
            self.verify()
        else:
            self.message.setText(self.tr("The demo server is not running."))

    def verify(self) -> None:
        url, token = self.context.server_url, self.token.text().strip()
        if not url:
            self.message.setText(self.tr("No server is configured for this profile."))
            return
        if not token:
            self.message.setText(self.tr("Enter the access token."))
            return
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Checking the token…"))
        demo = self.context.is_demo
        base = self.context.base_dir

        def work() -> tuple[str, str, str]:
            state, detail = probe_server(url, token, None)
            return state, detail, (store_token(url, token, base) if state == "online" and not demo else "session")

        call_in_thread(work, lambda r, e: self._checked(token, r, e))

    def _checked(self, token: str, result: Any, error: BaseException | None) -> None:
        self.ok.setEnabled(True)
        state, detail, where = result if error is None else ("offline", str(error), "")
        if state == "auth":
            self.message.setText(self.tr("The server did not accept this token. Check it and try again."))
            self.message.setToolTip(detail)
            return
        if state == "offline":
            self.message.setText(self.tr("The server cannot be reached: %1").replace("%1", detail))
            return
        with self.context._lock:
            self.context.token = token
        self.stored_where = where
        self.accept()


def store_token(url: str, token: str, base_dir: Any) -> str:
    """Keep the token with the sync layer's credentials (keyring, else this session only)."""
    try:
        from pbxdesk.sync.credentials import save_token
    except ImportError:
        return "session"
    return save_token(url, token, base_dir).kind
