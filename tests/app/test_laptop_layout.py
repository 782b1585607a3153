"""The main window on an everyday laptop (1280 x 800) and on a full-HD screen (1920 x 1080), driven with the
mouse and the keyboard: the grid and the tree get the room, the numbers list steps aside while a number is
open, the test call opens in a dock that can float or be hidden, the coverage and the flow get the editor's
whole width, the node editor's buttons are always in sight, tabs name the number and its name. The same on a
2560 x 1600 screen at 200 % runs in a child process (layout_child.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QToolButton

from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.desktop.options import TEST_CALL_DOCK
from tests.app.conftest import wait_until
from tests.support.layout import node_actions_on_screen, on_screen, shares, tab_titles_whole
from tests.support.screens import virtual_screen

HERE = Path(__file__).parent


def _resize(window, qtbot, width: int, height: int) -> None:
    window.showNormal()
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height), timeout=5000)


def _open_by_double_click(window, qtbot, name: str):
    row = next(r for r in range(window.model.rowCount()) if window.model.index(r, NumbersModel.NAME).data() == name)
    cell = window.proxy.mapFromSource(window.model.index(row, NumbersModel.NAME))
    rect = window.table.visualRect(cell)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    number = window.model.number_at(row)
    wait_until(lambda: number in window.editors, timeout=20)
    return window.editors[number]


def _toolbar_button(window, action) -> QToolButton:
    button = window.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton) and button.isVisible()
    return button


def _activate(window, qtbot) -> None:
    """Shortcuts reach the active window only (a floating dock may have been the last one)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def _select_in_tree(qtbot, editor, ptr: str) -> None:
    tree = editor.scenarios.tree
    index = tree.model().index_for_pointer(ptr)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
    qtbot.waitUntil(lambda: editor.scenarios.panel.current_editor() is not None, timeout=5000)


def test_on_a_laptop_screen_the_work_gets_the_room(app_window, qtbot):
    window = app_window
    window.settings.set(TEST_CALL_DOCK, "auto")
    _resize(window, qtbot, 1280, 800)
    editor = _open_by_double_click(window, qtbot, "Главный номер")
    qtbot.waitUntil(lambda: not window.list_panel.isVisible(), timeout=5000)  # the list steps aside
    assert window.width() == 1280  # nothing in the editor asks for more than the screen
    assert window.test_call_dock.isHidden()  # on a laptop it opens on demand
    assert window.tabs.tabText(0) == "+7 495 230-22-22 Главный номер"
    qtbot.waitUntil(lambda: shares(window, editor)["grid_width"] > 0.55, timeout=5000)  # laid out again
    assert shares(window, editor)["tree_height"] >= 200

    # every node editor: its Save / Cancel / Delete in sight without scrolling
    for ptr in ("/scenarios/working", "/scenarios/working/next", "/scenarios/non_working"):
        _select_in_tree(qtbot, editor, ptr)
        assert node_actions_on_screen(window, editor), ptr
    assert all(on_screen(window, button) for button in editor.command_buttons)

    # the list comes back with a click (and the editor still fits), F9 hides it again
    _click(qtbot, _toolbar_button(window, window.act_numbers_list))
    qtbot.waitUntil(window.list_panel.isVisible, timeout=5000)
    assert window.width() == 1280 and window.table.width() >= 200
    assert node_actions_on_screen(window, editor)
    assert all(on_screen(window, button) for button in editor.command_buttons)
    _activate(window, qtbot)
    qtbot.keyClick(editor.scenarios.tree, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.list_panel.isVisible(), timeout=5000)

    # the test call opens beside the editor with room for its form, and can float or be hidden
    _click(qtbot, _toolbar_button(window, window.act_test_call))
    dock = window.test_call_dock
    qtbot.waitUntil(dock.isVisible, timeout=5000)
    assert dock.current_panel() is editor.test_call and editor.test_call.isVisible()
    assert dock.width() >= 340 and window.width() == 1280
    panel = editor.test_call
    form = panel.form
    parts = (panel.call_button, form.when, form.inputs, form.busy, form.answer)
    qtbot.waitUntil(lambda: all(on_screen(window, part) for part in parts), timeout=5000)  # once laid out
    assert node_actions_on_screen(window, editor)  # still in sight with the dock open
    qtbot.waitUntil(lambda: shares(window, editor)["grid_width"] > 0.4, timeout=5000)
    float_button = dock.findChild(QAbstractButton, "qt_dockwidget_floatbutton")
    _click(qtbot, float_button)
    qtbot.waitUntil(dock.isFloating, timeout=5000)
    dock.resize(900, 700)  # a window of its own, as large as the user makes it
    qtbot.waitUntil(lambda: panel.width() > 800, timeout=5000)
    _click(qtbot, float_button)
    qtbot.waitUntil(lambda: not dock.isFloating(), timeout=5000)
    _click(qtbot, dock.findChild(QAbstractButton, "qt_dockwidget_closebutton"))
    qtbot.waitUntil(dock.isHidden, timeout=5000)
    assert window.settings.get(TEST_CALL_DOCK) == "hidden"  # remembered: the user's own choice

    # the week coverage and the flow take the editor's whole width: all 24 hours in sight
    bar = editor.views.tabBar()
    assert [bar.tabText(i) for i in range(bar.count())] == ["Расписание и сценарий", "Покрытие недели", "Схема"]
    assert tab_titles_whole(bar)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitUntil(editor.coverage.isVisible, timeout=5000)
    table = editor.coverage.table
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(23) + header.sectionSize(23) <= table.viewport().width()
    assert header.sectionSize(0) >= 30  # wide enough for the action's letters
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    qtbot.waitUntil(editor.flow.isVisible, timeout=5000)
    assert editor.flow.view.width() > 0.9 * editor.width()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    qtbot.waitUntil(editor.schedule.grid.isVisible, timeout=5000)


def test_closing_the_last_number_brings_the_list_back(app_window, qtbot):
    window = app_window
    _resize(window, qtbot, 1280, 800)
    editor = _open_by_double_click(window, qtbot, "Факс")
    qtbot.waitUntil(lambda: not window.list_panel.isVisible(), timeout=5000)
    close = window.tabs.tabBar().tabButton(window.tabs.indexOf(editor), window.tabs.tabBar().ButtonPosition.RightSide)
    assert close.accessibleName() == "Закрыть +7 495 230-22-25 «Факс»"
    _click(qtbot, close)
    qtbot.waitUntil(lambda: window.tabs.count() == 0, timeout=5000)
    assert window.list_panel.isVisible() and window.test_call_dock.isHidden()
    # Find (Ctrl+F) brings a hidden list back, with the cursor in its search field
    editor = _open_by_double_click(window, qtbot, "Факс")
    qtbot.waitUntil(lambda: not window.list_panel.isVisible(), timeout=5000)
    _activate(window, qtbot)
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.list_panel.isVisible, timeout=5000)
    assert QApplication.focusWidget() is window.search, QApplication.focusWidget()


def test_on_a_full_hd_screen_the_list_and_the_test_call_stay_beside_the_number(app_window, qtbot):
    window = app_window
    window.settings.set(TEST_CALL_DOCK, "auto")
    _resize(window, qtbot, 1920, 1080)
    editor = _open_by_double_click(window, qtbot, "Главный номер")
    qtbot.waitUntil(window.test_call_dock.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: window.test_call_dock.width() < 450, timeout=5000)  # laid out again
    assert window.list_panel.isVisible() and 300 <= window.table.width() <= 400
    room = shares(window, editor)
    assert room["grid_width"] > 0.4 and room["tree_height"] >= 300, room
    _select_in_tree(qtbot, editor, "/scenarios/working/next")
    assert node_actions_on_screen(window, editor)
    assert on_screen(window, editor.test_call.call_button)
    assert all(on_screen(window, button) for button in editor.command_buttons)
    window.resize(1400, 900)


@pytest.mark.slow
def test_a_laptop_screen_at_200_percent(tmp_path):
    """A 2560 x 1600 screen at QT_SCALE_FACTOR=2: the same 1280 x 800 logical layout, drawn at 2x."""
    done = subprocess.run([sys.executable, str(HERE / "layout_child.py"), str(tmp_path / "profile")],
                          env=virtual_screen("1280x800@2", tmp_path), capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["screen"] == [1280, 800] and facts["dpr"] == 2.0
    assert facts["window"] == [1280, 800]  # maximised on the first run, nothing asks for more
    assert facts["list_hidden"] and facts["node_actions_on_screen"] and facts["commands_on_screen"]
    assert facts["grid_width"] > 0.55 and facts["tree_height"] >= 200, facts
    assert facts["test_call_on_screen"]
    assert facts["image"] == [2560, 1600]  # what the screen shows is drawn at twice the pixels
