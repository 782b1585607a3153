"""Rows built as far as they are shown (tree_model.py): a large scenario opens with what fits a few screens,
and everything a user does reaches rows that were not built yet — expanding with the mouse and the keyboard,
a problem selected in the list, drag and drop, undo and redo (the path of a test call:
tests/test_call/test_call_lazy_tree.py) — always showing what
the document holds. The model stays correct for QAbstractItemModelTester throughout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester

from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.walk import iter_nodes
from pbxdesk.scenario_editor import clipboard, tree_model
from pbxdesk.scenario_editor.tree_model import KIND_ROLE, POINTER_ROLE, SEVERITY_ROLE
from pbxdesk.widgets.session import DocumentSession
from tests.scenario_editor.conftest import expected_rows
from tests.support.big_scenario import big_document
from tests.support.scenario_edits import EDITS


@pytest.fixture
def complaints():
    """Every message of QAbstractItemModelTester (attached by ``lazy_editor``); none may say FAIL."""
    seen: list[str] = []
    previous = qInstallMessageHandler(lambda _mode, _context, message: seen.append(message))
    yield seen
    qInstallMessageHandler(previous)
    assert [m for m in seen if "FAIL" in m] == []


@pytest.fixture
def lazy_editor(make_editor, complaints):
    """A scenario editor on ``document`` with the model under QAbstractItemModelTester."""
    testers = []

    def make(document, directory):
        editor, ui = make_editor(DocumentSession(document, directory))
        testers.append(QAbstractItemModelTester(editor.model, QAbstractItemModelTester.FailureReportingMode.Warning))
        return editor, ui

    return make


def built_rows(model) -> tuple[list[tuple[int, str, str]], set[tuple[int, str]]]:
    """The rows built so far, as ``expected_rows`` words them, and the pending nodes (depth, pointer); a
    placeholder row is checked to be the one row of a pending node."""
    rows: list[tuple[int, str, str]] = []
    pending: set[tuple[int, str]] = set()

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            assert index.parent() == parent
            if index.data(KIND_ROLE) is None:  # the placeholder of a pending node
                assert model.is_pending(parent) and model.rowCount(parent) == 1
                assert not index.flags() & Qt.ItemFlag.ItemIsEnabled
                pending.add((depth - 1, parent.data(POINTER_ROLE)))
                continue
            rows.append((depth, index.data(KIND_ROLE), index.data(POINTER_ROLE)))
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return rows, pending


def agree_built(model, doc: RoutingDocument) -> set[tuple[int, str]]:
    """The built rows are exactly the document's rows, but for what lies below pending nodes."""
    got, pending = built_rows(model)
    wanted, skip_below = [], None
    for depth, kind, ptr in expected_rows(doc):
        if skip_below is not None and depth > skip_below:
            continue
        skip_below = None
        wanted.append((depth, kind, ptr))
        if kind == "node" and (depth, ptr) in pending:
            skip_below = depth
    assert got == wanted
    return pending


def expander(tree, index) -> QPoint:
    """Where the branch arrow of ``index`` is drawn (left of the row's text)."""
    rect = tree.visualRect(index)
    return QPoint(rect.left() - tree.indentation() // 2, rect.center().y())


def test_a_large_scenario_opens_with_what_fits_and_expands_with_the_mouse(lazy_editor, directory, qtbot) -> None:
    doc = big_document()
    total = len(expected_rows(doc))
    editor, _ui = lazy_editor(doc, directory)
    model, tree = editor.model, editor.tree
    pending = agree_built(model, doc)
    built = len(model.all_items())
    assert pending and built < total / 3, (built, total)
    for item in model.all_items():  # what is built is shown expanded; a pending node collapsed, expandable
        index = model.index_of(item)
        assert tree.isExpanded(index) == bool(item.children), item.pointer
        assert model.hasChildren(index) == bool(item.children or item.pending)
    depth, ptr = min(pending, key=lambda p: (p[0], p[1]))
    index = model.index_for_pointer(ptr)
    assert model.is_pending(index) and not tree.isExpanded(index)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=expander(tree, index))
    assert tree.isExpanded(index) and not model.is_pending(index)
    agree_built(model, doc)
    first_key = model.index(0, 0, index)  # "Key 1" of the menu, shown with the action below it
    assert first_key.data(Qt.ItemDataRole.DisplayRole) == "Key 1" and tree.isExpanded(first_key)
    assert tree.visualRect(model.index(0, 0, first_key)).isValid()
    assert len(model.all_items()) > built


def test_keyboard_expands_pending_rows_and_star_expands_everything(lazy_editor, directory, qtbot) -> None:
    doc = big_document(3)
    editor, ui = lazy_editor(doc, directory)
    model, tree = editor.model, editor.tree
    _depth, ptr = min(agree_built(model, doc))
    index = model.index_for_pointer(ptr)
    ui.click_index(index)
    ui.shortcut(Qt.Key.Key_Right)
    assert tree.isExpanded(index) and not model.is_pending(index)
    ui.click_index(model.index(0, 0))  # the interval row
    ui.shortcut(Qt.Key.Key_Asterisk)
    assert agree_built(model, doc) == set()
    assert len(model.all_items()) == len(expected_rows(doc))
    assert all(tree.isExpanded(model.index_of(item)) == bool(item.children) for item in model.all_items())


def test_a_problem_in_rows_not_built_is_marked_and_selected_from_the_list(lazy_editor, directory, qtbot) -> None:
    doc = big_document()
    deep = "/scenarios/working" + "/keys/4" * 5  # the last forward, at the bottom of the last menus
    assert dict(iter_nodes(doc))[deep].type == "forward_employee"
    doc_data = to_canonical_dict(doc)
    editor, _ui = lazy_editor(doc, directory)
    model = editor.model
    assert model._built_slot(deep).pointer != deep  # not built at open
    node = model.node_at(deep)
    changed = node.model_copy(update={"employee": "e-404"})  # nobody: an error on that action
    from pbxdesk.scenario_editor import commands

    commands.set_node(editor.session, deep, changed, "edit")
    assert model._built_slot(deep).pointer != deep  # an edit there builds nothing
    agree_built(model, editor.session.document)
    qtbot.waitUntil(lambda: editor.problems.count() > 0, timeout=3000)
    item = next(editor.problems.item(i) for i in range(editor.problems.count())
                if editor.problems.item(i).data(Qt.ItemDataRole.UserRole).startswith(deep))
    assert item.text().startswith("Working time › Key 4 › Key 4 › Key 4 › Key 4 › Key 4: ")  # from the document
    rect = editor.problems.visualItemRect(item)
    qtbot.mouseClick(editor.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = editor.tree.currentIndex()
    assert current.data(POINTER_ROLE) == deep and current.data(KIND_ROLE) == "node"
    assert current.data(SEVERITY_ROLE) == "error" and current.data(Qt.ItemDataRole.DecorationRole) is not None
    assert editor.tree.visualRect(current).intersects(editor.tree.viewport().rect())  # scrolled into view
    agree_built(model, editor.session.document)
    editor.session.undo_stack.undo()
    assert to_canonical_dict(editor.session.document) == doc_data
    qtbot.waitUntil(lambda: current.data(SEVERITY_ROLE) is None, timeout=3000)


def test_a_collapsed_branch_shows_the_problems_below_it(lazy_editor, directory, qtbot, monkeypatch) -> None:
    """A problem in rows not built yet marks the collapsed action above them; expanding it moves the mark
    down to the rows it belongs to; fixing the problem clears both."""
    monkeypatch.setattr(tree_model, "ROW_BUDGET", 0)
    doc = big_document(3)
    deep = "/scenarios/working/keys/2/keys/3/keys/1/keys/4"
    editor, ui = lazy_editor(doc, directory)
    model, tree = editor.model, editor.tree
    from pbxdesk.scenario_editor import commands

    commands.set_node(editor.session, deep, model.node_at(deep).model_copy(update={"employee": "e-404"}), "edit")
    root = model.index_for_pointer("/scenarios/working")  # the menu under "Working time": collapsed
    assert model.is_pending(root) and not tree.isExpanded(root)
    qtbot.waitUntil(lambda: root.data(SEVERITY_ROLE) == "error", timeout=3000)
    assert "Problems in the actions below: 1" in root.data(Qt.ItemDataRole.ToolTipRole)
    assert root.data(Qt.ItemDataRole.DecorationRole) is not None
    ui.click_index(root)
    ui.shortcut(Qt.Key.Key_Right)  # expand: the mark moves down to the branch it is in
    assert tree.isExpanded(root) and root.data(SEVERITY_ROLE) is None
    key2 = model.index_for_pointer("/scenarios/working/keys/2")
    assert key2.data(SEVERITY_ROLE) == "error" and model.is_pending(key2)
    row = model.index_for_pointer(deep)  # looked up: built on the way, marked itself
    assert row.data(SEVERITY_ROLE) == "error" and key2.data(SEVERITY_ROLE) is None
    assert "e-404" in row.data(Qt.ItemDataRole.ToolTipRole)
    editor.session.undo_stack.undo()
    qtbot.waitUntil(lambda: row.data(SEVERITY_ROLE) is None, timeout=3000)
    assert all(model.index_of(i).data(SEVERITY_ROLE) is None for i in model.all_items())


def test_drag_of_an_action_whose_rows_are_not_built(lazy_editor, directory, monkeypatch) -> None:
    monkeypatch.setattr(tree_model, "ROW_BUDGET", 40)
    doc = big_document(3)
    doc.scenarios["working"].keys["4"] = None  # an empty branch to drop on ("+")
    editor, ui = lazy_editor(doc, directory)
    model, session = editor.model, editor.session
    pending = sorted(agree_built(model, doc))
    source = pending[0][1]
    moved = model.node_at(source).model_dump(mode="json")
    data = model.mimeData([model.index_for_pointer(source)])
    plus = editor.plus_index("/scenarios/working/keys/4")
    assert plus.isValid() and model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, plus)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, plus)
    assert session.document.scenarios["working"].keys["4"].model_dump(mode="json") == moved
    agree_built(model, session.document)
    moved_row = model.index_for_pointer("/scenarios/working/keys/4")
    assert moved_row.data(KIND_ROLE) == "node" and editor.tree.isExpanded(moved_row)
    session.undo_stack.undo()
    assert model.node_at(source).model_dump(mode="json") == moved
    assert session.document.scenarios["working"].keys["4"] is None
    agree_built(model, session.document)
    session.undo_stack.redo()
    agree_built(model, session.document)
    assert clipboard.NODE_MIME in data.formats()


def test_edits_undo_and_redo_with_rows_not_built(lazy_editor, spec_example, directory, monkeypatch) -> None:
    """The shared sequence of edits (tests/support/scenario_edits.py) on the SPEC example, with no row below
    the intervals built at open: after each step what is built agrees with the document, then everything."""
    monkeypatch.setattr(tree_model, "ROW_BUDGET", 0)
    editor, _ui = lazy_editor(spec_example, directory)
    model, session = editor.model, editor.session
    stack = session.undo_stack
    original = to_canonical_dict(session.document)
    assert agree_built(model, session.document)
    for step, edit in enumerate(EDITS):
        edit(session)
        agree_built(model, session.document)
        if step % 3 == 1:  # now and then a user opens everything there is
            model.fetch_all()
            assert agree_built(model, session.document) == set()
    for _ in EDITS:
        stack.undo()
        agree_built(model, session.document)
    assert to_canonical_dict(session.document) == original
    for _ in EDITS:
        stack.redo()
        agree_built(model, session.document)
    model.fetch_all()
    assert agree_built(model, session.document) == set()
    session.replace_document(session.document.model_copy(deep=True))
    agree_built(model, session.document)
    assert built_rows(model)[0][0] == (0, "interval", "/scenarios/working")
