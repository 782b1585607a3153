"""The "+" menu: the seven actions of the guide, in its order."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from pbxdesk.scenario_editor import labels


class ActionMenu(QMenu):
    """Emits ``chosen(kind)`` for the action picked; ``target`` is the pointer of the empty branch."""

    chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionMenu")
        self.setAccessibleName(self.tr("Add an action"))
        self.target = ""
        self.relabel()
        self.triggered.connect(lambda action: self.chosen.emit(self.target, str(action.data())))

    def relabel(self) -> None:
        self.clear()
        for kind, text in labels.kind_names().items():
            action = self.addAction(text)
            action.setObjectName("action_" + kind)
            action.setData(kind)

    def action_for(self, kind: str):  # type: ignore[no-untyped-def]
        return next(a for a in self.actions() if a.data() == kind)
