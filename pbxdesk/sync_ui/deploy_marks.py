"""Numbers not yet live on every Asterisk node, where people look: a mark and a tooltip in the numbers list,
a line on top of the number's editor ("Сохранено, работает на 2 из 3 узлов · узел ast-2: …").

The status comes from the last sync (``Store.deploy_status()``, read off the GUI thread with the other list
marks); a number absent from it is live everywhere and shows nothing. ``pending``: a node has not reported
the current revision yet (still deploying, behind, down); ``failed``: a node reported why not, in its own
words (the node agent's message, e.g. its reload failed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel

from pbxdesk.store.records import DeployState

STYLES = {"failed": "background: #f3e5f5; border: 1px solid #ab47bc; padding: 6px; color: #4a148c;",
          "pending": "background: #e3f2fd; border: 1px solid #64b5f6; padding: 6px; color: #0d47a1;"}


def live_text(state: DeployState) -> str:
    """«Сохранено, работает на 2 из 3 узлов» / «Сохранено, ещё не работает ни на одном узле»."""
    if state.live_on == 0:
        text = QCoreApplication.translate("DeployMarks", "Saved, not live on any of the %1 Asterisk nodes yet")
        return text.replace("%1", str(state.nodes_total))
    text = QCoreApplication.translate("DeployMarks", "Saved, live on %1 of %2 Asterisk nodes")
    return text.replace("%1", str(state.live_on)).replace("%2", str(state.nodes_total))


def node_lines(state: DeployState) -> list[str]:
    """One line per node that lacks the number: «узел ast-2: <its message>» / «узел ast-3: ещё не развернул»."""
    failed = QCoreApplication.translate("DeployMarks", "node %1: %2")
    waiting = QCoreApplication.translate("DeployMarks", "node %1: not deployed yet")
    return [failed.replace("%1", n.node).replace("%2", n.message) for n in state.failed_nodes] + \
        [waiting.replace("%1", n.node) for n in state.nodes if n.status == "pending"]


def tooltip(state: DeployState) -> str:
    return "\n".join([live_text(state), *node_lines(state)])


def mark_of(state: DeployState) -> str:
    """The list mark of a number not live everywhere: ``deploy_failed`` or ``deploy_pending``."""
    return "deploy_failed" if state.state == "failed" else "deploy_pending"


class DeployBanner(QObject):
    """Attached to one ``NumberEditor``: ``show(state)`` (None hides it: live on every node)."""

    def __init__(self, editor: Any) -> None:
        super().__init__(editor)
        self.editor = editor
        self.state: DeployState | None = None
        self.label = QLabel(editor)
        self.label.setObjectName("deployBanner")
        self.label.setWordWrap(True)
        self.label.hide()
        self.label.installEventFilter(self)  # says it again in the new language after a switch
        layout = editor.layout()
        if layout is not None:
            layout.insertWidget(0, self.label)

    def show(self, state: DeployState | None) -> None:
        self.state = state
        if state is None:
            self.label.hide()
            return
        self.label.setStyleSheet(STYLES["failed" if state.state == "failed" else "pending"])
        lines = node_lines(state)
        revision = QCoreApplication.translate("DeployMarks", "revision %1").replace("%1", str(state.revision))
        head = f"{live_text(state)} · {revision}"
        self.label.setText("\n".join([head, *lines]))
        self.label.setToolTip(tooltip(state))
        self.label.show()

    def retranslate(self) -> None:
        self.show(self.state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def attach(editor: Any) -> DeployBanner:
    """The editor's deploy banner (created on first use)."""
    banner = getattr(editor, "_deploy_banner", None)
    if banner is None:
        banner = DeployBanner(editor)
        editor._deploy_banner = banner
    return banner
