"""Moving and copying subtrees by drag and drop, through the model's mime data (a mixin of the model).

A node row drags its subtree as ``application/x-pbxdesk-node+json``; it drops on a "+" row or an empty
branch only, never into itself. Within one document a move is one undo step; from another document
(or with Ctrl) it is a copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from pbxdesk.scenario_editor import clipboard, commands
from pbxdesk.scenario_editor.tree_items import NODE, PLUS, Item

if TYPE_CHECKING:
    from pbxdesk.scenario_editor.tree_model import ScenarioTreeModel

ModelIndex = QModelIndex | QPersistentModelIndex


class DragDropMixin:
    def mimeTypes(self) -> list[str]:
        return [clipboard.NODE_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeData(self: ScenarioTreeModel, indexes: list[QModelIndex]) -> QMimeData | None:
        for index in indexes:
            item = self.row_item(index)
            node = self._node(item) if item is not None and item.kind == NODE else None
            if item is not None and node is not None:
                return clipboard.node_to_mime(node, id(self.session), item.pointer)
        return None

    def drop_target(self: ScenarioTreeModel, parent: ModelIndex) -> Item | None:
        """The empty slot a drop on ``parent`` fills, or None."""
        item = self.row_item(parent) if parent.isValid() else None
        if item is None:
            return None
        slot = item.slot_item() if item.kind == PLUS else item
        if slot is None or not slot.is_empty_slot() or not self._plus_allowed(slot):
            return None
        return slot

    def canDropMimeData(self: ScenarioTreeModel, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: ModelIndex) -> bool:
        if row != -1 or clipboard.node_from_mime(data) is None:
            return False
        slot = self.drop_target(parent)
        if slot is None:
            return False
        source = clipboard.source_of(data)
        if source is not None and source[0] == id(self.session):
            return not (slot.pointer == source[1] or slot.pointer.startswith(source[1] + "/"))
        return True

    def dropMimeData(self: ScenarioTreeModel, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: ModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        slot = self.drop_target(parent)
        node = clipboard.node_from_mime(data)
        assert slot is not None and node is not None
        source = clipboard.source_of(data)
        if action == Qt.DropAction.MoveAction and source is not None and source[0] == id(self.session):
            return commands.move_node(self.session, source[1], slot.pointer, QCoreApplication.translate("ScenarioTreeModel", "Move action"))
        commands.set_node(self.session, slot.pointer, node, QCoreApplication.translate("ScenarioTreeModel", "Paste action"))
        return True
