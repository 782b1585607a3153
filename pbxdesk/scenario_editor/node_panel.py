"""The panel beside the tree: the editor of the selected action, or a hint for an empty branch.

Save pushes one undo command; Cancel shows the document's values again; Delete removes the action
with its subtree. The panel re-reads the document after every change, so it never shows a state the
tree does not have (pending, unsaved edits of the action's own fields are kept while only the branches
below it change).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from pbxdesk.domain.models import (
    AnyNode,
    DepartmentRecipient,
    Directory,
    FaxNode,
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    ForwardExternalNode,
    MenuNode,
    MessageNode,
    TtsPrompt,
    VoicemailNode,
)
from pbxdesk.scenario_editor import commands, labels
from pbxdesk.scenario_editor.editors.base import EditorError, NodeEditor
from pbxdesk.scenario_editor.editors.fields import EditorContext
from pbxdesk.scenario_editor.editors.forward import DEFAULT_TIMEOUT, ForwardEditor
from pbxdesk.scenario_editor.editors.mail import MailEditor
from pbxdesk.scenario_editor.editors.menu import MenuEditor
from pbxdesk.scenario_editor.editors.message import MessageEditor
from pbxdesk.scenario_editor.tree_model import ScenarioTreeModel

EDITOR_CLASSES: dict[str, type[NodeEditor]] = {
    kind: cls for cls in (MessageEditor, MenuEditor, ForwardEditor, MailEditor) for kind in cls.kinds}


def default_node(kind: str, directory: Directory) -> AnyNode:
    """A fresh action of ``kind`` as the "+" menu creates it (R1 defaults where they apply)."""
    prompt = TtsPrompt(tts="", voice="ru")
    first_dept = directory.departments[0].id if directory.departments else ""
    if kind == "message":
        return MessageNode(prompt=prompt, next=None)
    if kind == "menu":
        return MenuNode(prompt=prompt, keys={}, no_input=None, extension_dialing=False)
    if kind == "forward_external":
        return ForwardExternalNode(number="", timeout_s=DEFAULT_TIMEOUT, announcement=None, next=None)
    if kind == "forward_employee":
        first = directory.employees[0].id if directory.employees else ""
        return ForwardEmployeeNode(employee=first, timeout_s=DEFAULT_TIMEOUT, announcement=None, next=None)
    if kind == "forward_department":
        return ForwardDepartmentNode(department=first_dept, distribution="all", step_s=None,
                                     timeout_s=DEFAULT_TIMEOUT, announcement=None, next=None)
    recipients = [DepartmentRecipient(department=first_dept)] if first_dept else []
    cls = FaxNode if kind == "fax" else VoicemailNode
    return cls(greeting=None, recipients=recipients, external_email=None)


def own_fields(node: AnyNode | None) -> Any:
    """What the action's editor shows: every field but the branches below it (keys kept by name)."""
    if node is None:
        return None
    data = node.model_dump(exclude={"next", "no_input", "keys"})
    if isinstance(node, MenuNode):
        data["keys"] = sorted(node.keys)
    return data


class NodePanel(QWidget):
    nodeSaved = Signal(str)

    def __init__(self, context: EditorContext, model: ScenarioTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = model
        self.pointer: str | None = None
        self.new_kind: str | None = None
        self.dirty = False
        self._loaded: Any = None
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("editorTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long title or branch path wraps: the panel may be narrow
        layout.addWidget(self.title)
        self.branch = QLabel(self)
        self.branch.setObjectName("editorBranch")
        self.branch.setStyleSheet("color: #616161;")
        self.branch.setWordWrap(True)
        layout.addWidget(self.branch)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.hint = QLabel(self)
        self.hint.setObjectName("editorHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack.addWidget(self.hint)
        self._editors: dict[type[NodeEditor], NodeEditor] = {}
        self.show_pointer(None)

    def rebuild(self) -> None:
        """Drop the built editors (their labels are in the old language) and show the pointer again."""
        for editor in self._editors.values():
            self.stack.removeWidget(editor)
            editor.deleteLater()
        self._editors.clear()
        self.show_pointer(self.pointer)

    def editor_for(self, kind: str) -> NodeEditor:
        """The editor of ``kind`` (built on first use: opening the panel stays cheap)."""
        cls = EDITOR_CLASSES[kind]
        editor = self._editors.get(cls)
        if editor is None:
            editor = self._editors[cls] = cls(self.context, self.stack)
            editor.current_node = self._current_node
            editor.saveClicked.connect(self.save)
            editor.cancelClicked.connect(self.cancel)
            editor.deleteClicked.connect(self.delete)
            editor.edited.connect(self._edited)
            self.stack.addWidget(editor)
        return editor

    # ---- what is shown --------------------------------------------------------------------------
    def current_editor(self) -> NodeEditor | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, NodeEditor) else None

    def _current_node(self) -> AnyNode | None:
        return self.model.node_at(self.pointer) if self.pointer else None

    def _edited(self) -> None:
        self.dirty = True

    def show_pointer(self, ptr: str | None) -> None:
        """Show the action at ``ptr``, or the hint when that branch is empty (or nothing is selected)."""
        self.pointer, self.new_kind, self.dirty = ptr, None, False
        node = self.model.node_at(ptr) if ptr else None
        if node is None:
            self._loaded = None
            self.title.setText(self.tr("No action selected") if ptr is None else self.tr("Empty branch"))
            self.branch.setText(self.model.branch_path(ptr) if ptr else "")
            self.hint.setText(self.tr("Select an action in the tree to edit it.") if ptr is None else
                              self.tr("Nothing happens here yet. Click \u201c+\u201d in the tree (or press "
                                      "Enter on it) and choose an action."))
            self.stack.setCurrentWidget(self.hint)
            return
        self._open(ptr or "", node, labels.kind_names()[node.type])
        self._loaded = own_fields(node)

    def start_new(self, ptr: str, kind: str) -> None:
        """Open the editor of a new ``kind`` action for the empty branch ``ptr`` (created on Save)."""
        self.pointer, self.new_kind, self.dirty = ptr, kind, True
        self._loaded = None
        self._open(ptr, default_node(kind, self.context.session.directory),
                   self.tr("New: %1").replace("%1", labels.kind_names()[kind]))

    def _open(self, ptr: str, node: AnyNode, title: str) -> None:
        editor = self.editor_for(node.type)
        editor.load(node)
        self.title.setText(title)
        self.branch.setText(self.model.branch_path(ptr))
        editor.delete_button.setEnabled(self.new_kind is None)
        self.stack.setCurrentWidget(editor)

    def sync(self) -> None:
        """After any document change: follow the document unless only branches below changed."""
        if self.pointer is None:
            return
        node = self.model.node_at(self.pointer)
        if self.new_kind is not None:
            if node is not None or self.model.slot_for_pointer(self.pointer) is None:
                self.show_pointer(self.pointer if self.model.slot_for_pointer(self.pointer) else None)
            return
        if self.model.slot_for_pointer(self.pointer) is None:
            self.show_pointer(None)
        elif own_fields(node) != self._loaded:
            self.show_pointer(self.pointer)
        elif node is not None:
            self.branch.setText(self.model.branch_path(self.pointer))

    # ---- Save / Cancel / Delete -----------------------------------------------------------------
    def save(self) -> bool:
        editor = self.current_editor()
        if editor is None or self.pointer is None:
            return True
        current = self.model.node_at(self.pointer)
        try:
            node = editor.build(current)
        except EditorError as exc:
            editor.show_error(exc)
            return False
        name = labels.kind_names()[node.type]
        text = (self.tr("Add %1") if current is None else self.tr("Edit %1")).replace("%1", name)
        ptr = self.pointer
        self.new_kind, self.dirty = None, False
        if current is None or node != current:
            commands.set_node(self.context.session, ptr, node, text)
        self.show_pointer(ptr)
        self.nodeSaved.emit(ptr)
        return True

    def cancel(self) -> None:
        self.show_pointer(self.pointer)

    def delete(self) -> None:
        if self.pointer is None or self.model.node_at(self.pointer) is None:
            return
        ptr = self.pointer
        node = self.model.node_at(ptr)
        assert node is not None
        commands.delete_node(self.context.session, ptr,
                             self.tr("Delete %1").replace("%1", labels.kind_names()[node.type]))
        self.show_pointer(ptr if self.model.slot_for_pointer(ptr) is not None else None)
