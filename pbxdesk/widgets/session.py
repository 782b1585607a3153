"""The editing session of one routing document: the document, the directory, one undo stack.

Every editor (schedule grid, scenario tree, node editors, name field) changes the document only by
pushing commands on ``session.undo_stack``; each command calls ``session.notify(area, pointer)`` after
redo and undo, so every view refreshes from the same model. Dirty = ``not undo_stack.isClean()``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.walk import delete_at, get_at, set_at

MISSING: Any = object()  # "no such member": setting it deletes a dict member (a scenario, a menu key)

AREA_NAME = "name"
AREA_SCHEDULE = "schedule"
AREA_SCENARIOS = "scenarios"
AREA_ALL = "all"


class DocumentSession(QObject):
    """Holds the document being edited. ``changed(area, pointer)`` fires after every command."""

    changed = Signal(str, str)
    documentReplaced = Signal()
    mediaNamesChanged = Signal()  # more audio files have a name: views that name greetings word them again

    def __init__(self, document: RoutingDocument, directory: Directory | None = None,
                 undo_stack: QUndoStack | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._directory = directory or Directory()
        self._media_names: Mapping[str, str] = {}
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)

    @property
    def document(self) -> RoutingDocument:
        return self._document

    @property
    def directory(self) -> Directory:
        return self._directory

    @property
    def media_names(self) -> Mapping[str, str]:
        """Media id -> the name the audio file was uploaded with (not part of the document: not undoable)."""
        return self._media_names

    def set_media_names(self, names: Mapping[str, str]) -> None:
        """Name greetings with ``names`` (a live mapping: call again, or :meth:`media_names_changed`, when it
        grows)."""
        self._media_names = names
        self.mediaNamesChanged.emit()

    def media_names_changed(self) -> None:
        self.mediaNamesChanged.emit()

    def set_directory(self, directory: Directory) -> None:
        self._directory = directory
        self.changed.emit(AREA_ALL, "")

    def replace_document(self, document: RoutingDocument, clear_undo: bool = True) -> None:
        """Load another document (e.g. after a sync); the undo history no longer applies."""
        self._document = document
        if clear_undo:
            self.undo_stack.clear()
        self.documentReplaced.emit()
        self.changed.emit(AREA_ALL, "")

    def notify(self, area: str, pointer: str = "") -> None:
        self.changed.emit(area, pointer)

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()


def _area_of(pointer: str) -> str:
    for area in (AREA_SCHEDULE, AREA_SCENARIOS, AREA_NAME):
        if pointer == "/" + area or pointer.startswith("/" + area + "/"):
            return area
    return AREA_ALL


def _read(doc: RoutingDocument, pointer: str) -> Any:
    try:
        value = get_at(doc, pointer)
    except (KeyError, IndexError, ValueError):
        return MISSING
    return value.model_copy(deep=True) if hasattr(value, "model_copy") else _deep(value)


def _deep(value: Any) -> Any:
    if isinstance(value, list):
        return [_deep(v) for v in value]
    if isinstance(value, dict):
        return {k: _deep(v) for k, v in value.items()}
    return value.model_copy(deep=True) if hasattr(value, "model_copy") else value


def _write(doc: RoutingDocument, pointer: str, value: Any) -> None:
    if value is MISSING:
        delete_at(doc, pointer)
    else:
        set_at(doc, pointer, _deep(value))


def _common_ancestor(pointers: list[str]) -> str:
    """The deepest pointer at or above all of ``pointers`` (the one place that covers every change)."""
    split_all = [p.split("/") for p in pointers]
    common: list[str] = []
    for parts in zip(*split_all, strict=False):
        if any(part != parts[0] for part in parts):
            break
        common.append(parts[0])
    return "/".join(common)


class SetValuesCommand(QUndoCommand):
    """Set one or more places of the document (by JSON Pointer) at once; undo restores them all.

    ``MISSING`` as a value deletes a dict member. Values are deep-copied in and out, so the caller may
    keep using the objects it passed.
    """

    def __init__(self, session: DocumentSession, changes: dict[str, Any], text: str,
                 merge_id: int = -1, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._session = session
        self._new = {p: _deep(v) if v is not MISSING else MISSING for p, v in changes.items()}
        self._old = {p: _read(session.document, p) for p in changes}
        self._merge_id = merge_id

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValuesCommand) or other.id() != self.id() or self._merge_id == -1:
            return False
        if set(other._new) != set(self._new):
            return False
        self._new = other._new
        return True

    def _apply(self, values: dict[str, Any]) -> None:
        doc = self._session.document
        # deletions last-first so that removing a parent does not break a child write
        for pointer in sorted(values, key=len):
            _write(doc, pointer, values[pointer])
        by_area: dict[str, list[str]] = {}
        for pointer in values:
            by_area.setdefault(_area_of(pointer), []).append(pointer)
        for area, pointers in sorted(by_area.items()):
            self._session.notify(area, _common_ancestor(pointers))

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


class CallbackCommand(QUndoCommand):
    """A command from two callables, for edits that are not a plain replacement of values."""

    def __init__(self, session: DocumentSession, text: str, do: Callable[[RoutingDocument], None],
                 undo: Callable[[RoutingDocument], None], area: str = AREA_ALL, pointer: str = "") -> None:
        super().__init__(text)
        self._session, self._do, self._undo = session, do, undo
        self._area, self._pointer = area, pointer

    def redo(self) -> None:
        self._do(self._session.document)
        self._session.notify(self._area, self._pointer)

    def undo(self) -> None:
        self._undo(self._session.document)
        self._session.notify(self._area, self._pointer)
