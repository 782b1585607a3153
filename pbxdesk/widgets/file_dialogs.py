"""Open and save dialogs that start in a sensible folder: where the user last picked a file of that kind in
this run, else the usual folder for it (Music for greetings, Documents for exports), else the home folder —
never the working directory the app happened to be started in.

The dialogs are modal and run their own event loop (``exec``), as ``QFileDialog.getOpenFileName`` does; their
words come from Qt's own translation (loaded by :mod:`pbxdesk.desktop.i18n`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

AUDIO = "audio"
EXPORT = "export"
_USUAL = {AUDIO: QStandardPaths.StandardLocation.MusicLocation,
          EXPORT: QStandardPaths.StandardLocation.DocumentsLocation}
_last: dict[str, str] = {}  # kind -> the folder of the file picked last in this run


def start_folder(kind: str) -> str:
    last = _last.get(kind)
    if last and Path(last).is_dir():
        return last
    location = _USUAL.get(kind)
    usual = QStandardPaths.writableLocation(location) if location is not None else ""
    if usual and Path(usual).is_dir():
        return usual
    return str(Path.home())


def open_file(parent: QWidget | None, title: str, filters: str, kind: str) -> str:
    """An existing file the user picks ("" when they cancel)."""
    dialog = QFileDialog(parent, title, start_folder(kind), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _run(dialog, kind)


def save_file(parent: QWidget | None, title: str, file_name: str, filters: str, kind: str) -> str:
    """Where to save ``file_name`` ("" when the user cancels); the dialog proposes it in the start folder."""
    dialog = QFileDialog(parent, title, str(Path(start_folder(kind)) / file_name), filters)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return _run(dialog, kind)


def _run(dialog: QFileDialog, kind: str) -> str:
    dialog.setObjectName(f"fileDialog_{kind}")
    path = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
    dialog.deleteLater()
    if path:
        _last[kind] = str(Path(path).parent)
    return path
