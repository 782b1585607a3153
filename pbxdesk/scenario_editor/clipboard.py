"""Subtrees on the clipboard and in drags: ``application/x-pbxdesk-node+json`` holds the node JSON.

A second type, ``application/x-pbxdesk-node-source``, says where a dragged node came from (the id of
the session and the pointer), so a drop into the same document can be a move.
"""

from __future__ import annotations

import json

from pydantic import TypeAdapter, ValidationError
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from pbxdesk.domain.models import AnyNode, Node

NODE_MIME = "application/x-pbxdesk-node+json"
SOURCE_MIME = "application/x-pbxdesk-node-source"

_NODE_ADAPTER: TypeAdapter[AnyNode] = TypeAdapter(Node)


def node_to_mime(node: AnyNode, source_session: int | None = None, pointer: str | None = None) -> QMimeData:
    data = QMimeData()
    text = json.dumps(node.model_dump(mode="json"), ensure_ascii=False)
    data.setData(NODE_MIME, text.encode("utf-8"))
    data.setText(text)
    if source_session is not None and pointer is not None:
        data.setData(SOURCE_MIME, json.dumps({"session": source_session, "pointer": pointer}).encode())
    return data


def node_from_mime(data: QMimeData | None) -> AnyNode | None:
    """The node a mime payload carries, or None when there is none or it is not a valid node."""
    if data is None or not data.hasFormat(NODE_MIME):
        return None
    try:
        return _NODE_ADAPTER.validate_json(bytes(data.data(NODE_MIME).data()))
    except (ValidationError, ValueError):
        return None


def source_of(data: QMimeData | None) -> tuple[int, str] | None:
    if data is None or not data.hasFormat(SOURCE_MIME):
        return None
    try:
        found = json.loads(bytes(data.data(SOURCE_MIME).data()))
        return int(found["session"]), str(found["pointer"])
    except (ValueError, KeyError, TypeError):
        return None


def copy_to_clipboard(node: AnyNode) -> None:
    QGuiApplication.clipboard().setMimeData(node_to_mime(node))


def node_from_clipboard() -> AnyNode | None:
    return node_from_mime(QGuiApplication.clipboard().mimeData())
