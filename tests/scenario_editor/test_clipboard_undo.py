"""Copy / cut / paste of subtrees (also into another number), and undo / redo of every command."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.scenario_editor.clipboard import NODE_MIME, node_from_clipboard
from pbxdesk.widgets.session import DocumentSession

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_copy_paste_subtree_between_intervals(ui, session) -> None:
    ui.click_pointer("/scenarios/working/keys/1")  # department forward with its voicemail below
    ui.shortcut(Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().mimeData().hasFormat(NODE_MIME)
    ui.click_index(ui.plus("/scenarios/custom1/next"))
    ui.editor.action_menu.hide()
    ui.shortcut(Qt.Key.Key_V, CTRL)
    doc = session.document
    assert doc.scenarios["custom1"].next == doc.scenarios["working"].keys["1"]
    assert doc.scenarios["custom1"].next is not doc.scenarios["working"].keys["1"]
    assert ui.editor.model.index_for_pointer("/scenarios/custom1/next/next").data(Qt.ItemDataRole.DisplayRole) \
        .startswith("Voicemail")


def test_cut_and_paste_into_another_number(make_editor, session, directory, spec_example) -> None:
    _, ui = make_editor(session)
    other = DocumentSession(spec_example.model_copy(deep=True), directory)
    other.document.scenarios["custom1"].next = None
    _, other_ui = make_editor(other)
    ui.click_pointer("/scenarios/working/no_input")
    ui.shortcut(Qt.Key.Key_X, CTRL)
    assert session.document.scenarios["working"].no_input is None
    assert ui.plus("/scenarios/working/no_input").isValid()
    cut = node_from_clipboard()
    assert cut is not None and cut.type == "forward_employee"
    other_ui.click_index(other_ui.plus("/scenarios/custom1/next"))
    other_ui.editor.action_menu.hide()
    other_ui.shortcut(Qt.Key.Key_V, CTRL)
    assert other.document.scenarios["custom1"].next == cut
    other_ui.shortcut(Qt.Key.Key_Z, CTRL)
    assert other.document.scenarios["custom1"].next is None
    assert session.document.scenarios["working"].no_input is None  # undo stacks are per number


def test_paste_over_an_action_replaces_it(ui, session) -> None:
    ui.click_pointer("/scenarios/non_working")
    ui.shortcut(Qt.Key.Key_C, CTRL)
    ui.click_pointer("/scenarios/working/keys/1")
    ui.shortcut(Qt.Key.Key_V, CTRL)
    assert session.document.scenarios["working"].keys["1"] == session.document.scenarios["non_working"]


def _steps(ui, session):
    """Every kind of command the editor pushes, each done through the UI."""
    def add() -> None:
        ui.add("/scenarios/custom1/next", "fax")
        ui.save_node()

    def edit() -> None:
        ui.click_pointer("/scenarios/working/keys/1")
        ui.choose(ui.current().timeout, 20)
        ui.save_node()

    def switch_kind() -> None:
        ui.click_pointer("/scenarios/working/no_input")
        ui.choose(ui.current().kind, "forward_department")
        ui.save_node()

    def menu_keys() -> None:
        ui.click_pointer("/scenarios/working")
        ui.check(ui.current().keys["5"])
        ui.save_node()

    def delete_key() -> None:
        ui.click_pointer("/scenarios/working/keys/1")
        ui.shortcut(Qt.Key.Key_Delete)

    def cut() -> None:
        ui.click_pointer("/scenarios/non_working")
        ui.shortcut(Qt.Key.Key_X, CTRL)

    def paste() -> None:
        ui.click_index(ui.plus("/scenarios/working/keys/5"))
        ui.editor.action_menu.hide()
        ui.shortcut(Qt.Key.Key_V, CTRL)

    def drop() -> None:
        model = ui.editor.model
        data = model.mimeData([model.index_for_pointer("/scenarios/working/keys/5")])
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, ui.plus("/scenarios/non_working"))

    def delete_button() -> None:
        ui.click_pointer("/scenarios/custom1")
        ui.click(ui.current().delete_button)

    return [add, edit, switch_kind, menu_keys, delete_key, cut, paste, drop, delete_button]


def test_every_command_undoes_and_redoes(ui, session) -> None:
    states = [to_canonical_dict(session.document)]
    for step in _steps(ui, session):
        step()
        states.append(to_canonical_dict(session.document))
        assert states[-1] != states[-2], step.__name__
    assert session.undo_stack.count() == len(states) - 1
    for expected in reversed(states[:-1]):
        ui.qtbot.keyClick(ui.tree, Qt.Key.Key_Z, CTRL)
        assert to_canonical_dict(session.document) == expected
    for expected in states[1:]:
        ui.qtbot.keyClick(ui.tree, Qt.Key.Key_Z, CTRL_SHIFT)
        assert to_canonical_dict(session.document) == expected


@pytest.mark.parametrize("keyboard", [False, True])
def test_plus_opens_the_seven_actions(ui, session, keyboard) -> None:
    ui.add("/scenarios/custom1/next", "message", keyboard=keyboard)
    menu = ui.editor.action_menu
    assert [a.data() for a in menu.actions()] == ["message", "menu", "forward_external", "forward_employee",
                                                  "forward_department", "voicemail", "fax"]
    assert ui.editor.panel.new_kind == "message"
    ui.click(ui.current().cancel_button)
    assert session.document.scenarios["custom1"].next is None
    assert session.undo_stack.count() == 0
