"""Drives a ScenarioEditor with the mouse and the keyboard only (pytest-qt)."""

from __future__ import annotations


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
