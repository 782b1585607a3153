"""The tree model against QAbstractItemModelTester through edits and undos; the tree always matches the document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester

from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.scenario_editor import clipboard, commands
from pbxdesk.scenario_editor.tree_model import KIND_ROLE, POINTER_ROLE, ScenarioTreeModel
from pbxdesk.widgets.palette import interval_color
from pbxdesk.widgets.session import SetValuesCommand
from tests.support.scenario_edits import EDITS


@pytest.fixture
def tested(session):
    """The model under QAbstractItemModelTester; every complaint of the tester fails the test."""
    complaints: list[str] = []

    def handler(_mode, _context, message: str) -> None:
        complaints.append(message)

    previous = qInstallMessageHandler(handler)
    model = ScenarioTreeModel(session)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    try:
        yield model, tester
    finally:
        qInstallMessageHandler(previous)
    assert [m for m in complaints if "FAIL" in m] == []


def test_spec_example_rows(tested, session) -> None:
    model, _ = tested
    texts = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            plus = index.data(KIND_ROLE) == "plus"  # a "+" row is a button icon, without words
            texts.append((depth, "+" if plus else index.data(Qt.ItemDataRole.DisplayRole)))
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    assert [t for d, t in texts if d == 0] == ["Working time", "Non-working time", "Обед"]
    for row, interval in enumerate(("working", "non_working", "custom1")):  # in their grid colours
        tint = model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color()  # light, the name stays readable
        assert tint.rgb() == interval_color(interval).rgb() and tint.alpha() < 128
    assert (2, "Key 1") in texts and (2, "Nothing pressed") in texts
    assert (4, "if not answered") in texts and (2, "then") in texts
    assert sum(1 for _d, t in texts if t == "+") == 2  # next of no_input's forward and of the lunch message


def test_edits_and_undos_keep_model_and_document_in_step(tested, session, agree) -> None:
    model, _ = tested
    stack = session.undo_stack
    original = to_canonical_dict(session.document)
    agree(model, session.document)
    for edit in EDITS:
        edit(session)
        agree(model, session.document)
    for _ in EDITS:
        stack.undo()
        agree(model, session.document)
    assert to_canonical_dict(session.document) == original
    for _ in EDITS:
        stack.redo()
        agree(model, session.document)
    session.replace_document(session.document.model_copy(deep=True))
    agree(model, session.document)


def test_rows_follow_the_schedule(tested, session, agree) -> None:
    model, _ = tested
    session.push(SetValuesCommand(session, {"/schedule/mode": "always"}, "always"))
    agree(model, session.document)
    # non_working and custom1 still have scenarios: shown (never occurring) without "+"
    assert model.top_level_intervals() == ["working", "non_working", "custom1"]
    commands.delete_node(session, "/scenarios/custom1", "delete")
    assert model.top_level_intervals() == ["working", "non_working"]
    agree(model, session.document)
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert model.top_level_intervals() == ["working", "non_working", "custom1"]
    agree(model, session.document)


def test_drag_and_drop_through_mime_data(tested, session, agree) -> None:
    model, _ = tested
    source = model.index_for_pointer("/scenarios/working/no_input")
    assert source.data(KIND_ROLE) == "node"
    data = model.mimeData([source])
    assert data.hasFormat(clipboard.NODE_MIME)
    assert clipboard.node_from_mime(data).type == "forward_employee"
    inside = model.index_for_pointer("/scenarios/working/no_input/next")
    assert inside.data(KIND_ROLE) == "plus"
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, inside)  # into itself
    occupied = model.index_for_pointer("/scenarios/working/keys/1")
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, occupied)
    target = model.index_for_pointer("/scenarios/custom1/next")
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)  # between rows
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    doc = session.document
    assert doc.scenarios["working"].no_input is None
    assert doc.scenarios["custom1"].next.employee == "e-101"
    agree(model, doc)
    session.undo_stack.undo()
    assert session.document.scenarios["working"].no_input.employee == "e-101"
    assert session.document.scenarios["custom1"].next is None
    agree(model, session.document)
    # a copy-drop into another document's model leaves the source alone
    from pbxdesk.widgets.session import DocumentSession

    other = DocumentSession(session.document.model_copy(deep=True), session.directory)
    other_model = ScenarioTreeModel(other)
    other_target = other_model.index_for_pointer("/scenarios/custom1/next")
    assert other_model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, other_target)
    assert other.document.scenarios["custom1"].next.employee == "e-101"
    assert session.document.scenarios["working"].no_input is not None


def test_no_plus_under_voicemail_or_fax(tested, session) -> None:
    model, _ = tested
    vm = model.index_for_pointer("/scenarios/non_working")
    assert vm.data(POINTER_ROLE) == "/scenarios/non_working"
    assert model.rowCount(vm) == 0
    assert not (model.flags(vm) & Qt.ItemFlag.ItemIsDropEnabled)


def test_row_icons_stay_sharp_on_a_high_density_screen(qapp) -> None:
    """Swatches, problem badges and the "+" button are painted at 2x too, not blown up from 1x."""
    from PySide6.QtCore import QSize

    from pbxdesk.scenario_editor import icons

    for icon, size in ((icons.plus_button(), QSize(icons.PLUS_WIDTH, icons.SIZE)),
                       (icons.swatch("working", "error"), QSize(icons.SIZE, icons.SIZE)),
                       (icons.problem_icon("warning"), QSize(icons.SIZE, icons.SIZE))):
        for ratio in (1.0, 2.0):
            pixmap = icon.pixmap(size, ratio)
            assert pixmap.devicePixelRatio() == ratio
            assert (pixmap.width(), pixmap.height()) == (size.width() * ratio, size.height() * ratio)
