"""Switching the UI language as a user does (Settings › Language), with a number open, saved and synced, its
test call run: afterwards no word of the other language is left in sight — only the company's own data
(names, prompts, e-mails) stays as it was typed. And Qt's own file dialog speaks Russian, starting in a
sensible folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.desktop import i18n
from pbxdesk.domain.document import to_canonical_dict
from tests.app.conftest import open_with_enter, wait_until
from tests.support.scenario_ui import UI

CYRILLIC = re.compile("[А-Яа-яЁё]")
LATIN_WORD = re.compile("[A-Za-z]{3,}")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _data_words(window, editor) -> list[str]:
    """What the company typed: it stays in its own language whatever the UI speaks."""
    words = _strings(to_canonical_dict(editor.session.document))
    directory = editor.session.directory
    words += [e.name for e in directory.employees] + [d.name for d in directory.departments]
    words += [window.model.index(r, NumbersModel.NAME).data() for r in range(window.model.rowCount())]
    return sorted({w for w in words if w}, key=len, reverse=True)


def _texts_in_sight(window) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        for attr in ("text", "toolTip", "accessibleName", "placeholderText", "title"):
            getter = getattr(widget, attr, None)
            try:
                value = getter() if callable(getter) else None
            except TypeError:
                continue
            if isinstance(value, str) and value:
                found.append((f"{where}.{attr}", value))
        if widget.isWindow():
            found.append((f"{where}.windowTitle", widget.windowTitle()))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                found += [(f"{where}.tab", widget.tabText(i)), (f"{where}.tabToolTip", widget.tabToolTip(i))]
        if isinstance(widget, QComboBox):
            found += [(f"{where}.item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += [(f"{where}.row", text) for text in _view_texts(widget)]
    for action in window.findChildren(type(window.act_sync)):
        found += [(f"action#{action.objectName()}", action.text()), (f"action#{action.objectName()}.tip",
                                                                     action.toolTip())]
    return found


def _view_texts(view) -> list[str]:
    model, texts = view.model(), []
    stack = [QModelIndex()]
    while stack and len(texts) < 400:
        parent = stack.pop()
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model (its columnCount is private)
            columns = 1
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                value = index.data(Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    texts.append(value)
            stack.append(model.index(row, 0, parent))
    try:
        sections = model.columnCount()
    except TypeError:
        sections = 0
    for section in range(sections):
        header = model.headerData(section, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            texts.append(header)
    return texts


def _left_in(text: str, data: list[str], pattern: re.Pattern[str]) -> bool:
    """Does ``pattern`` match what is left of ``text`` without the company's data (also quoted and cut short:
    «Нажмите 1 для…»)?"""
    for word in data:
        text = text.replace(word, "")
    text = re.sub(r"«[^»]*»|“[^”]*”", "", text)
    return bool(pattern.search(text))


def _wait_for(condition, seconds: float = 15.0) -> None:
    """Let the event loop run until ``condition()`` (or the time is up: the caller asserts, with details)."""
    try:
        wait_until(condition, timeout=seconds)
    except TimeoutError:
        pass


def _choose_language_in_settings(window, qtbot, name: str) -> None:
    """Settings (Ctrl+,) › Language › ``name``, then Close — a modal dialog, driven from inside its loop."""
    done: list[bool] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog) and dialog.objectName() == "settingsDialog"
        combo = dialog.findChild(QComboBox, "language")
        target = combo.findText(name)
        combo.setFocus()
        key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
        while combo.currentIndex() != target:
            qtbot.keyClick(combo, key)
        close = next(b for b in dialog.findChildren(QAbstractButton) if b.text() in ("Закрыть", "Close"))
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton, pos=close.rect().center())
        done.append(True)

    QTimer.singleShot(200, drive)
    window.act_settings.trigger()
    assert done


def test_after_switching_to_english_nothing_russian_is_left_in_sight(app_window, qtbot):
    window = app_window
    window.showNormal()
    window.resize(1600, 1000)
    editor = open_with_enter(window, qtbot, "Главный номер")
    ui = UI(qtbot, editor.scenarios)
    ui.type(editor.name_edit, "Главный номер офиса")
    ui.click(editor.scenarios.save_button)
    qtbot.waitUntil(lambda: editor.status.text().startswith("Сохранено."), timeout=10000)
    before = len(window.sync.last_report.pushed) if window.sync.last_report else 0
    window.start_sync()
    qtbot.waitUntil(lambda: window.status.message.text().startswith("Синхронизировано, отправлено: 1"),
                    timeout=30000)
    assert before == 0
    ui.click_pointer("/scenarios/working/next")
    qtbot.waitUntil(window.test_call_dock.isVisible, timeout=5000)  # a roomy window shows it with the number
    ui.click(editor.test_call.call_button)
    qtbot.waitUntil(lambda: bool(editor.test_call.outcome_label.text()), timeout=5000)

    _choose_language_in_settings(window, qtbot, "English")
    qtbot.waitUntil(lambda: window.list_title.text() == "Incoming calls", timeout=5000)
    data = _data_words(window, editor)

    def russian() -> list[tuple[str, str]]:
        return [(where, text) for where, text in _texts_in_sight(window) if _left_in(text, data, CYRILLIC)]

    # some words come back from a worker (the list's "Right now") or a timer (the test call runs again)
    _wait_for(lambda: not russian())
    assert not russian(), russian()
    assert editor.status.text() == "Saved. The change will be sent to the server at the next sync."
    assert window.status.message.text() == "Synced, sent: 1"

    _choose_language_in_settings(window, qtbot, "Русский")
    qtbot.waitUntil(lambda: window.list_title.text() == "Входящие вызовы", timeout=5000)
    def english() -> list[tuple[str, str]]:
        return [(where, text) for where, text in _texts_in_sight(window)
                if _left_in(text, data, LATIN_WORD) and not _technical(text)]

    _wait_for(lambda: not english())
    assert not english(), english()
    assert editor.status.text().startswith("Сохранено.")


NOT_ENGLISH = {"pbxdesk", "Ctrl", "Shift", "Enter", "none", "PNG", "PDF", "OK", "WAV", "MP3"}  # names, keys, syntax


def _technical(text: str) -> bool:
    """Only names, keys and codes in Latin letters: a time zone, an e-mail address, a media id, "Ctrl+Z"."""
    if re.fullmatch(r"[\w+\-]+/[\w/+\-]+", text) or "@" in text:
        return True
    words = re.findall(r"[A-Za-z0-9]+", text)
    return all(w in NOT_ENGLISH or any(c.isdigit() for c in w) or len(w) < 3 for w in words)


def test_the_audio_file_dialog_speaks_russian_and_starts_in_a_sensible_folder(app_window, qtbot, tmp_path):
    window = app_window
    i18n.set_language("ru")
    editor = open_with_enter(window, qtbot)  # the first number: «Главный номер», renamed by the test before
    ui = UI(qtbot, editor.scenarios)
    ui.click_pointer("/scenarios/working/next")  # the menu: its prompt has "Choose audio file…"
    prompt = ui.current().findChild(QWidget, "menuPrompt")
    ui.click(prompt.modeAudio)
    seen: dict[str, object] = {}

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        seen["folder"] = dialog.directory().absolutePath()
        seen["buttons"] = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text()]
        seen["name_field"] = dialog.findChild(QLineEdit, "fileNameEdit") is not None
        dialog.reject()

    os.chdir(tmp_path)  # started from some working directory: the dialog must not open there
    try:
        QTimer.singleShot(300, look_and_cancel)
        ui.click(prompt.chooseFile)
    finally:
        os.chdir(Path(__file__).resolve().parents[2])
    assert "labels" in seen, "no file dialog was shown"
    labels = [text.replace("&", "") for text in seen["labels"]]
    assert "Папка:" in labels and "Типы файлов:" in labels and "Имя файла:" in labels, labels
    assert not any(LATIN_WORD.search(text) for text in labels), labels
    assert {"Открыть", "Отмена"} <= {b.replace("&", "") for b in seen["buttons"]}, seen["buttons"]
    assert seen["folder"] != str(tmp_path)
    assert seen["folder"] in (str(Path.home()), str(Path.home() / "Music"))
