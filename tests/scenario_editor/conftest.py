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
from tests.support.scenario_ui import UI

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
