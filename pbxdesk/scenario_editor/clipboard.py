"""Subtrees on the clipboard and in drags: ``application/x-pbxdesk-node+json`` holds the node JSON.

A second type, ``application/x-pbxdesk-node-source``, says where a dragged node came from (the id of
the session and the pointer), so a drop into the same document can be a move.
"""

from __future__ import annotations

import atexit
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


_release_registered = False


def _release_clipboard() -> None:
    """Give the clipboard's data back to Qt before the interpreter shuts down: a QMimeData created from
    Python and still owned by the clipboard at exit makes the process crash (segfault) on teardown."""
    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


def copy_to_clipboard(node: AnyNode) -> None:
    global _release_registered
    if not _release_registered:
        atexit.register(_release_clipboard)  # tests and scripts that never run the event loop to its end
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_release_clipboard)  # the app, before its QApplication goes away
        _release_registered = True
    QGuiApplication.clipboard().setMimeData(node_to_mime(node))


def node_from_clipboard() -> AnyNode | None:
    return node_from_mime(QGuiApplication.clipboard().mimeData())
