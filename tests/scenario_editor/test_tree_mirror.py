"""The tree stores what each row shows; after edits, undos, problems and a language switch the stored values
must be what a model freshly built on the same document shows (the failure mode of a mirror: a stale row)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel

from pbxdesk.desktop.i18n import set_language
from pbxdesk.domain.models import (
    ForwardExternalNode,
    MenuNode,
    TtsPrompt,
)
from pbxdesk.domain.validation import validate_document
from pbxdesk.scenario_editor import clipboard, commands, icons
from pbxdesk.scenario_editor.tree_model import (
    KIND_ROLE,
    NODE_TYPE_ROLE,
    POINTER_ROLE,
    SEVERITY_ROLE,
    UID_ROLE,
    ScenarioTreeModel,
)
from pbxdesk.widgets.session import DocumentSession
from tests.support.scenario_edits import EDITS, msg

F = Qt.ItemFlag


def _comparable(value: Any) -> Any:
    return ("icon", value.cacheKey()) if isinstance(value, QIcon) else value  # icons are shared (cached) objects


def shown(model) -> list[tuple[int, dict[int, Any], F]]:
    """Every row as stored: depth, every role value (but the internal row id) and the flags."""
    rows: list[tuple[int, dict[int, Any], F]] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            roles = {role: _comparable(v) for role, v in model.itemData(index).items() if role != UID_ROLE}
            rows.append((depth, roles, model.flags(index)))
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return rows


def fresh(session: DocumentSession, problems: bool) -> ScenarioTreeModel:
    model = ScenarioTreeModel(DocumentSession(session.document.model_copy(deep=True), session.directory))
    if problems:
        model.set_problems(list(validate_document(model.document, model.session.directory)))
    return model


@pytest.fixture
def same_as_fresh():
    def check(model: ScenarioTreeModel, problems: bool = False) -> None:
        rows = shown(model)
        assert rows == shown(fresh(model.session, problems))
        for _depth, roles, flags in rows:
            assert not flags & F.ItemIsEditable
            kind = roles[KIND_ROLE]
            assert bool(flags & F.ItemIsDragEnabled) == (kind == "node")
            if kind == "plus":
                assert flags & F.ItemIsDropEnabled and Qt.ItemDataRole.DisplayRole not in roles  # no words:
                assert roles[Qt.ItemDataRole.DecorationRole] == _comparable(icons.plus_button())  # the "+" button
                assert roles[Qt.ItemDataRole.AccessibleTextRole]  # what a screen reader says
            if kind == "node":
                assert roles[NODE_TYPE_ROLE] and not flags & F.ItemIsDropEnabled

    return check


def test_stored_rows_match_a_fresh_model_through_edits_and_undos(session, same_as_fresh) -> None:
    model = ScenarioTreeModel(session)
    same_as_fresh(model)
    for edit in EDITS:
        edit(session)
        same_as_fresh(model)
    for _ in EDITS:
        session.undo_stack.undo()
        same_as_fresh(model)
    for _ in EDITS:
        session.undo_stack.redo()
        same_as_fresh(model)


def test_problem_marks_follow_edits(session, same_as_fresh) -> None:
    model = ScenarioTreeModel(session)

    def validate() -> None:
        model.set_problems(list(validate_document(session.document, session.directory)))

    validate()
    same_as_fresh(model, problems=True)
    assert any(roles.get(SEVERITY_ROLE) for _depth, roles, _flags in shown(model))
    for edit in EDITS[:5]:
        edit(session)
        validate()
        same_as_fresh(model, problems=True)
    session.undo_stack.undo()
    validate()
    same_as_fresh(model, problems=True)


def test_relabelled_after_a_language_switch(session, same_as_fresh, qapp) -> None:
    model = ScenarioTreeModel(session)
    english = shown(model)
    try:
        set_language("ru")
        model.relabel()
        same_as_fresh(model)
        assert shown(model) != english
        assert model.index(0, 0).data() == "Рабочее время"
    finally:
        set_language("en")
    model.relabel()
    assert shown(model) == english


def test_the_model_changes_only_through_the_document(session, agree) -> None:
    """What a view or Qt's own QStandardItemModel logic might do never touches the rows: after a move-drop a
    view asks the model to remove the dragged rows; editing and Qt's item drops are refused too."""
    model = ScenarioTreeModel(session)
    source = model.index_for_pointer("/scenarios/working/no_input")
    data = model.mimeData([source])
    target = model.index_for_pointer("/scenarios/custom1/next")
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    agree(model, session.document)
    gone_parent = model.index_for_pointer("/scenarios/working")
    assert not model.removeRows(0, 1, gone_parent)  # what QAbstractItemView does after a move-drag
    assert not model.insertRows(0, 1, gone_parent)
    node = model.index_for_pointer("/scenarios/custom1/next")
    assert not model.setData(node, "renamed", Qt.ItemDataRole.EditRole)
    assert not model.setItemData(node, {Qt.ItemDataRole.DisplayRole: "renamed"})
    other = QStandardItemModel()  # rows dragged from some QStandardItemModel, in Qt's own format
    other.appendRow(QStandardItem("intruder"))
    foreign = other.mimeData([other.index(0, 0)])
    assert foreign.hasFormat("application/x-qstandarditemmodeldatalist")
    plus = model.index_for_pointer("/scenarios/working/no_input")
    assert plus.data(KIND_ROLE) == "plus"
    assert not model.canDropMimeData(foreign, Qt.DropAction.CopyAction, -1, 0, plus)
    assert not model.dropMimeData(foreign, Qt.DropAction.CopyAction, -1, 0, plus)
    agree(model, session.document)
    assert node.data(Qt.ItemDataRole.DisplayRole) != "renamed"
    assert clipboard.NODE_MIME in model.mimeTypes() and len(model.mimeTypes()) == 1
    assert not model.flags(QModelIndex()) & F.ItemIsDropEnabled


def _collapsed_rows(tree) -> list[str]:
    """Pointers of rows that have rows below them but are not shown expanded."""
    model, out = tree.model(), []
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.rowCount(index) and not tree.isExpanded(index):
                out.append(f"{index.data(KIND_ROLE)} {index.data(POINTER_ROLE)}")
            stack.append(index)
    return out


def test_new_rows_are_shown_expanded_after_edits_and_undos(make_editor, session, qapp) -> None:
    editor, _ui = make_editor(session)
    tree = editor.tree
    assert _collapsed_rows(tree) == []
    menu = MenuNode(prompt=TtsPrompt(tts="меню"), keys={"1": ForwardExternalNode(
        number="4951234567", timeout_s=20, announcement=None, next=msg("никто")), "2": None},
        no_input=msg("пока"), extension_dialing=False)
    steps = [
        lambda: commands.set_node(session, "/scenarios/custom1/next", menu, "a menu under lunch"),  # "+" -> rows
        lambda: commands.set_node(session, "/scenarios/non_working", msg("закрыто"), "voicemail -> message"),
        lambda: commands.delete_node(session, "/scenarios/custom1/next", "delete the menu"),
        session.undo_stack.undo, session.undo_stack.undo, session.undo_stack.undo,
        session.undo_stack.redo, session.undo_stack.redo, session.undo_stack.redo,
    ]
    for step in steps:
        step()
        qapp.processEvents()
        assert _collapsed_rows(tree) == []
    assert tree.model().index_for_pointer("/scenarios/non_working/next").data(KIND_ROLE) == "plus"
    assert tree.visualRect(tree.model().index_for_pointer("/scenarios/custom1/next/keys/1/next")).isValid()
