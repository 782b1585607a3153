"""Fixtures of the scenario editor tests: a session on the SPEC §4 example, and tree/domain walkers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex

from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.problems import join, pointer
from pbxdesk.domain.schedule import occurring_intervals
from pbxdesk.domain.walk import child_slots
from pbxdesk.widgets.session import DocumentSession

Row = tuple[int, str, str]


@pytest.fixture
def session(qapp, spec_example, directory) -> DocumentSession:
    return DocumentSession(spec_example, directory)


def expected_rows(doc: RoutingDocument) -> list[Row]:
    """The rows the tree must show, derived from the document alone: (depth, kind, pointer)."""
    occurring = occurring_intervals(doc)
    rows: list[Row] = []

    def slot(depth: int, ptr: str, node, plus: bool) -> None:
        if node is not None:
            rows.append((depth, "node", ptr))
            for tokens, child in child_slots(node):
                child_ptr = join(ptr, *tokens)
                rows.append((depth + 1, "slot", child_ptr))
                slot(depth + 2, child_ptr, child, True)
        elif plus:
            rows.append((depth, "plus", ptr))

    for interval in doc.schedule.intervals:
        node = doc.scenarios.get(interval.id)
        if interval.id in occurring or node is not None:
            ptr = pointer("scenarios", interval.id)
            rows.append((0, "interval", ptr))
            slot(1, ptr, node, interval.id in occurring)
    return rows


def model_rows(model) -> list[Row]:
    """The rows as any view sees them, through the model's index API."""
    from pbxdesk.scenario_editor.tree_model import KIND_ROLE, POINTER_ROLE

    rows: list[Row] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            assert index.parent() == parent
            rows.append((depth, index.data(KIND_ROLE), index.data(POINTER_ROLE)))
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return rows


@pytest.fixture
def agree() -> Callable[[object, RoutingDocument], None]:
    def check(model, doc: RoutingDocument) -> None:
        assert model_rows(model) == expected_rows(doc)

    return check


class UI:
    """Drives a ScenarioEditor with the mouse and the keyboard only (pytest-qt)."""

    def __init__(self, qtbot, editor) -> None:
        self.qtbot = qtbot
        self.editor = editor

    @property
    def tree(self):
        return self.editor.tree

    def click_index(self, index) -> None:
        from PySide6.QtCore import Qt

        assert index.isValid()
        self.tree.scrollTo(index)
        rect = self.tree.visualRect(index)
        self.qtbot.mouseClick(self.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def click_pointer(self, ptr: str) -> None:
        self.click_index(self.editor.model.index_for_pointer(ptr))

    def plus(self, ptr: str):
        index = self.editor.plus_index(ptr)
        assert index.isValid(), f"no + at {ptr}"
        return index

    def add(self, ptr: str, kind: str, keyboard: bool = False) -> None:
        """Click the "+" of an empty branch (or press Enter on it) and pick an action from the menu."""
        from PySide6.QtCore import Qt

        index = self.plus(ptr)
        if keyboard:
            self.click_index(index)  # opens the menu too; close it and use Enter instead
            self.editor.action_menu.hide()
            self.tree.setFocus()
            self.qtbot.keyClick(self.tree, Qt.Key.Key_Return)
        else:
            self.click_index(index)
        menu = self.editor.action_menu
        self.qtbot.waitUntil(menu.isVisible)
        action = menu.action_for(kind)
        self.qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        self.qtbot.waitUntil(lambda: not menu.isVisible())

    def current(self):
        editor = self.editor.panel.current_editor()
        assert editor is not None
        return editor

    def click(self, widget) -> None:
        from PySide6.QtCore import Qt

        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())

    def toggle(self, box) -> None:
        """Click a check box on its indicator."""
        from PySide6.QtCore import QPoint, Qt

        self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))

    def check(self, box, on: bool = True) -> None:
        if box.isChecked() != on:
            self.toggle(box)
        assert box.isChecked() == on

    def type(self, widget, text: str, clear: bool = True) -> None:
        from PySide6.QtCore import Qt

        widget.setFocus()
        if clear:
            self.qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            self.qtbot.keyClick(widget, Qt.Key.Key_Delete)
        self.keys(widget, text)

    def keys(self, widget, text: str) -> None:
        """Key presses for ``text``; QTest.keyClicks asserts on non-ASCII (Cyrillic), so those are sent
        as key events that carry their text, as a Russian keyboard layout produces them."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        for ch in text:
            if ch.isascii():
                self.qtbot.keyClicks(widget, ch)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))

    def choose(self, combo, data) -> None:
        """Pick a combo entry by its data with the arrow keys."""
        from PySide6.QtCore import Qt

        target = combo.findData(data)
        assert target >= 0, f"{data!r} not offered"
        combo.setFocus()
        while combo.currentIndex() < target:
            self.qtbot.keyClick(combo, Qt.Key.Key_Down)
        while combo.currentIndex() > target:
            self.qtbot.keyClick(combo, Qt.Key.Key_Up)
        assert combo.currentData() == data

    def save_node(self) -> None:
        self.click(self.current().save_button)

    def shortcut(self, key, modifiers=None) -> None:
        from PySide6.QtCore import Qt

        self.activate()
        self.tree.setFocus()
        self.qtbot.keyClick(self.tree, key, modifiers or Qt.KeyboardModifier.NoModifier)

    def activate(self) -> None:
        """Shortcuts work in the active window only: make this editor's window the active one."""
        self.editor.activateWindow()
        self.qtbot.waitUntil(self.editor.isActiveWindow)


@pytest.fixture
def make_editor(qtbot, tmp_path):
    def make(session):
        from pbxdesk.audio.library import MediaLibrary
        from pbxdesk.audio.player import PromptPlayer
        from pbxdesk.audio.tts import EspeakEngine
        from pbxdesk.scenario_editor import ScenarioEditor

        # real library and espeak-ng under tmp_path; the player has no sound card here: backend "none"
        editor = ScenarioEditor(session, library=MediaLibrary(tmp_path / "media"),
                                tts=EspeakEngine(tmp_path / "tts"), player=PromptPlayer(backend="none"))
        qtbot.addWidget(editor)
        editor.resize(1100, 700)
        editor.show()
        qtbot.waitExposed(editor)
        return editor, UI(qtbot, editor)

    return make


@pytest.fixture
def ui(make_editor, session):
    return make_editor(session)[1]


@pytest.fixture
def answer_dialog(qtbot):
    return lambda owner_getter, yes: answer_next_dialog(qtbot, owner_getter, yes)


def answer_next_dialog(qtbot, owner_getter, yes: bool) -> None:
    """Answer the next question box (opened with exec) by clicking Yes or No."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def click() -> None:
        box = owner_getter()
        if box is None:
            QTimer.singleShot(10, click)
            return
        button = box.button(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    from PySide6.QtCore import Qt

    QTimer.singleShot(0, click)
