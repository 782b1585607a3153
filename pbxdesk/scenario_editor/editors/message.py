"""Editor of a message (R6): the prompt, text to speech or an audio file, with Listen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbxdesk.domain.models import AnyNode, MessageNode
from pbxdesk.scenario_editor.editors.base import EditorError, NodeEditor
from pbxdesk.scenario_editor.editors.fields import EditorContext


class MessageEditor(NodeEditor):
    kinds = ("message",)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.prompt = self._prompt_row("messagePrompt", self.tr("Message"))

    def _fill(self, node: AnyNode) -> None:
        assert isinstance(node, MessageNode)
        self.prompt.set(node.prompt)

    def _collect(self, current: AnyNode | None) -> AnyNode:
        prompt = self.prompt.get()
        if prompt is None:
            raise EditorError(self.tr("A message needs a text or an audio file."))
        return MessageNode(prompt=prompt, next=self._keep(current, "next"))
