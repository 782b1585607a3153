"""The number editor's keys and tabs as a user meets them: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo in
the scenario tree as on the grid (Qt used to see two owners of those keys there and run neither), and closing
a changed tab asks about the number by its number and name, keeps the draft, and leaves nothing broken."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.store import Store
from tests.app.conftest import open_with_enter
from tests.support.grid_mouse import Mouse
from tests.support.scenario_ui import UI


def test_undo_and_redo_keys_work_in_the_tree_and_on_the_grid(app_window, qtbot, qtlog):
    window = app_window
    editor = open_with_enter(window, qtbot, "Главный номер")
    ui = UI(qtbot, editor.scenarios)
    tree = editor.scenarios.tree
    lunch = "/scenarios/custom1"
    ui.click_pointer(lunch)
    assert editor.session.document.scenarios.get("custom1") is not None
    qtbot.keyClick(tree, Qt.Key.Key_Delete)  # the action goes
    assert editor.session.document.scenarios.get("custom1") is None
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tree, Qt.Key.Key_Z, control)  # and comes back
    assert editor.session.document.scenarios.get("custom1") is not None
    qtbot.keyClick(tree, Qt.Key.Key_Z, control | shift)
    assert editor.session.document.scenarios.get("custom1") is None
    qtbot.keyClick(tree, Qt.Key.Key_Z, control)
    assert editor.session.document.scenarios.get("custom1") is not None
    qtbot.keyClick(tree, Qt.Key.Key_Y, control)
    assert editor.session.document.scenarios.get("custom1") is None
    qtbot.keyClick(tree, Qt.Key.Key_Z, control)

    grid = editor.schedule.grid
    before = list(editor.session.document.schedule.ranges)
    editor.schedule.intervals.select_brush("working")
    Mouse(grid).drag("sat", 10 * 60 + 5, "sat", 11 * 60 + 55)
    assert editor.session.document.schedule.ranges != before
    qtbot.keyClick(grid, Qt.Key.Key_Z, control)
    assert editor.session.document.schedule.ranges == before
    qtbot.keyClick(grid, Qt.Key.Key_Y, control)
    assert editor.session.document.schedule.ranges != before
    qtbot.keyClick(grid, Qt.Key.Key_Z, control)
    assert not [r for r in qtlog.records if "Ambiguous shortcut" in r.message]


def _answer_next_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(200, answer)


def _close_button(window, editor):
    bar = window.tabs.tabBar()
    return bar.tabButton(window.tabs.indexOf(editor), bar.ButtonPosition.RightSide)


def test_closing_a_changed_tab_names_the_number_keeps_the_draft_and_breaks_nothing(app_window, qtbot):
    window = app_window
    editor = open_with_enter(window, qtbot, "Факс")
    number = editor.number
    ui = UI(qtbot, editor.scenarios)
    ui.type(editor.name_edit, "Факс бухгалтерии")
    assert window.tabs.tabText(0) == "+7 495 230-22-25 Факс бухгалтерии *"
    seen: list[str] = []
    _answer_next_question(QMessageBox.StandardButton.Close, seen)
    close = _close_button(window, editor)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton, pos=close.rect().center())
    assert seen == ["У номера +7 495 230-22-25 «Факс бухгалтерии» есть несохранённые изменения. Если закрыть его "
                    "сейчас, они останутся в черновике."]
    assert window.tabs.count() == 0 and number not in window.editors
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the editor is really gone now
    qtbot.wait(200)  # (its undo stack empties as it goes: nothing of it may reach the window any more)
    window.worker.wait_idle()
    with Store.open(window.context.profile_dir) as store:
        assert store.load_draft(number)["name"] == "Факс бухгалтерии"

    # reopened, the draft is there; closing with «Сохранить» saves it before the tab goes
    editor = open_with_enter(window, qtbot, "Факс")
    assert editor.name_edit.text() == "Факс бухгалтерии" and editor.is_dirty()
    ui = UI(qtbot, editor.scenarios)
    ui.type(editor.name_edit, "Факс офиса")
    seen.clear()
    _answer_next_question(QMessageBox.StandardButton.Save, seen)
    close = _close_button(window, editor)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton, pos=close.rect().center())
    assert seen and "«Факс офиса»" in seen[0]
    assert window.tabs.count() == 0
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: any(window.model.index(r, NumbersModel.NAME).data() == "Факс офиса"
                                for r in range(window.model.rowCount())), timeout=10000)
    with Store.open(window.context.profile_dir) as store:
        assert store.get_saved(number).name == "Факс офиса" and store.load_draft(number) is None


def test_a_name_that_only_repeats_the_number_is_not_said_twice(app_window, qtbot):
    """A new number's default name is the number itself: the tab and the close question say it once."""
    window = app_window
    editor = open_with_enter(window, qtbot, "Поддержка")
    ui = UI(qtbot, editor.scenarios)
    ui.type(editor.name_edit, "+7 (495) 230-22-24")
    assert window.tabs.tabText(0) == "+7 495 230-22-24 *"
    assert editor.display_name() == "+7 495 230-22-24"
    ui.type(editor.name_edit, "Факс 230-22-24")  # a name with words is a name
    assert window.tabs.tabText(0) == "+7 495 230-22-24 Факс 230-22-24 *"
