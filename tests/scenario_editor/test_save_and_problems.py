"""Validation marks on the tree, the problems list, and "Save changes" refusing while branches are empty (R14)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pbxdesk.scenario_editor.tree_model import SEVERITY_ROLE
from pbxdesk.widgets.session import DocumentSession


def _empty_scenarios(spec_example, directory) -> DocumentSession:
    doc = spec_example.model_copy(deep=True)
    doc.scenarios = {}
    return DocumentSession(doc, directory)


def test_save_refused_naming_every_interval_without_scenario(make_editor, spec_example, directory, qtbot) -> None:
    session = _empty_scenarios(spec_example, directory)
    editor, ui = make_editor(session)
    refused: list[list[str]] = []
    editor.saveRefused.connect(refused.append)
    with qtbot.assertNotEmitted(editor.saveRequested):
        ui.click(editor.save_button)
    assert len(refused) == 1
    text = editor.save_message.text()
    assert editor.save_message.isVisible()
    for name in ("Working time", "Non-working time", "Обед"):
        assert name in text


def test_save_refused_names_the_menu_branches_then_accepts(ui, session, qtbot) -> None:
    editor = ui.editor
    ui.click_pointer("/scenarios/working")
    ui.check(ui.current().keys["2"])
    ui.save_node()
    session.document.scenarios["working"].no_input = None
    session.notify("scenarios", "/scenarios/working/no_input")
    with qtbot.assertNotEmitted(editor.saveRequested):
        ui.click(editor.save_button)
    text = editor.save_message.text()
    assert "Working time › Key 2" in text and "Working time › Nothing pressed" in text
    assert "Key 1" not in text and "Обед" not in text
    ui.add("/scenarios/working/keys/2", "voicemail")
    ui.save_node()
    ui.add("/scenarios/working/no_input", "fax")
    ui.save_node()
    with qtbot.waitSignal(editor.saveRequested):
        ui.click(editor.save_button)
    assert not editor.save_message.isVisible()


def test_rows_marked_and_problem_list_selects_the_branch(ui, session, qtbot) -> None:
    editor = ui.editor
    qtbot.waitUntil(lambda: editor.problems.count() > 0, timeout=2000)
    warnings = editor.problems.count()  # the spec example has one warning (extensions start with key 1)
    assert warnings == len([p for p in editor.validator.problems if not p.is_error])
    ui.click_pointer("/scenarios/working/keys/1")
    ui.shortcut(Qt.Key.Key_Delete)
    slot = editor.model.slot_for_pointer("/scenarios/working/keys/1")
    slot_index = editor.model.index_of(slot)
    qtbot.waitUntil(lambda: slot_index.data(SEVERITY_ROLE) == "error", timeout=2000)
    assert "key 1" in slot_index.data(Qt.ItemDataRole.ToolTipRole).lower()
    assert slot_index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert editor.problems.isVisible() and editor.problems.count() == warnings + 1
    ui.click_pointer("/scenarios/non_working")
    item = editor.problems.item(0)  # errors first
    assert "Working time › Key 1" in item.text()
    rect = editor.problems.visualItemRect(item)
    qtbot.mouseClick(editor.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.tree.currentIndex() == editor.plus_index("/scenarios/working/keys/1")
    ui.qtbot.keyClick(ui.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.problems.count() == warnings, timeout=2000)
    assert editor.model.index_for_pointer("/scenarios/working/keys/1").data(SEVERITY_ROLE) == "warning"


def test_unsaved_action_is_saved_first_or_refusal_says_so(ui, session, qtbot) -> None:
    editor = ui.editor
    ui.add("/scenarios/custom1/next", "forward_external")
    ui.type(ui.current().number, "123")
    with qtbot.assertNotEmitted(editor.saveRequested):
        ui.click(editor.save_button)
    assert "action being edited" in editor.save_message.text()
    ui.type(ui.current().number, "4951112233")
    with qtbot.waitSignal(editor.saveRequested):
        ui.click(editor.save_button)
    assert session.document.scenarios["custom1"].next.number == "4951112233"
