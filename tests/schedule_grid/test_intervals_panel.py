"""The intervals panel and the mode switch of the ScheduleEditor (R3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pbxdesk.schedule_grid import ScheduleEditor


class Answers:
    """Stands in for the user answering the confirmation boxes; records what they were asked."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[str] = []
        self.told: list[str] = []

    def confirm(self, _title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer

    def inform(self, _title: str, text: str) -> None:
        self.told.append(text)


@pytest.fixture
def editor(qtbot, session):
    widget = ScheduleEditor(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def answers(editor) -> Answers:
    a = Answers()
    editor.intervals.confirm, editor.intervals.inform = a.confirm, a.inform
    return a


def _ids(session) -> list[str]:
    return [iv.id for iv in session.document.schedule.intervals]


def test_fixed_intervals_are_shown_translated_and_cannot_be_renamed_or_deleted(editor):
    panel = editor.intervals
    assert panel.row_ids()[:2] == ["working", "non_working"]
    for fixed in ("working", "non_working"):
        assert panel.name_edit(fixed) is None and panel.delete_button(fixed) is None
    assert panel.name_edit("custom1").text() == "Обед"


def test_plus_adds_extra_intervals_up_to_three_then_is_disabled_with_a_reason(qtbot, editor, session):
    add = editor.intervals.add_button
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert _ids(session) == ["working", "non_working", "custom1", "custom2"]
    assert editor.grid.brush() == "custom2"                 # the new interval becomes the brush
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert _ids(session)[-1] == "custom3"
    assert not add.isEnabled()
    assert "3" in add.toolTip()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert len(_ids(session)) == 5
    session.undo_stack.undo()
    assert add.isEnabled()


def test_a_new_interval_takes_the_lowest_free_id(qtbot, editor, session, answers):
    qtbot.mouseClick(editor.intervals.add_button, Qt.MouseButton.LeftButton)       # custom2
    assert editor.intervals.delete_interval("custom1")
    qtbot.mouseClick(editor.intervals.add_button, Qt.MouseButton.LeftButton)
    assert sorted(_ids(session)) == ["custom1", "custom2", "non_working", "working"]


def test_rename_in_place_and_undo(qtbot, editor, session):
    edit = editor.intervals.name_edit("custom1")
    edit.setFocus()
    edit.selectAll()
    edit.insert("Перерыв")  # QTest.keyClicks only types ASCII
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert session.document.schedule.intervals[2].name == "Перерыв"
    session.undo_stack.undo()
    assert session.document.schedule.intervals[2].name == "Обед"
    assert editor.intervals.name_edit("custom1").text() == "Обед"


@pytest.mark.parametrize("bad", ["   ", "Рабочее время", "working time"])
def test_empty_or_duplicate_names_are_refused_with_a_message(qtbot, editor, session, answers, bad):
    edit = editor.intervals.name_edit("custom1")
    edit.setFocus()
    edit.setText(bad)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert session.document.schedule.intervals[2].name == "Обед"
    assert edit.text() == "Обед"
    assert len(answers.told) == 1
    assert session.undo_stack.count() == 0


def test_delete_asks_naming_ranges_and_scenario_and_removes_all_as_one_command(qtbot, editor, session, answers):
    from pbxdesk.widgets.session import SetValuesCommand

    doc = session.document
    exc = [e.model_copy(deep=True) for e in doc.schedule.exceptions]
    exc[0].ranges.append(exc[0].ranges[0].model_copy(update={"start": "15:00", "end": "16:00", "interval": "custom1"}))
    session.push(SetValuesCommand(session, {"/schedule/exceptions": exc}, "setup"))
    answers.answer = False
    qtbot.mouseClick(editor.intervals.delete_button("custom1"), Qt.MouseButton.LeftButton)
    assert "custom1" in _ids(session)
    asked = answers.asked[0]
    assert "Обед" in asked and "1 weekly range" in asked and "1 range" in asked
    assert "Message" in asked                                   # the scenario that goes with it
    answers.answer = True
    qtbot.mouseClick(editor.intervals.delete_button("custom1"), Qt.MouseButton.LeftButton)
    assert "custom1" not in _ids(session)
    assert all(r.interval != "custom1" for r in doc.schedule.ranges)
    assert all(r.interval != "custom1" for e in doc.schedule.exceptions for r in e.ranges)
    assert "custom1" not in doc.scenarios
    assert editor.intervals.row_ids() == ["working", "non_working"]
    session.undo_stack.undo()
    assert "custom1" in _ids(session) and "custom1" in session.document.scenarios
    assert any(r.interval == "custom1" for r in session.document.schedule.ranges)


def test_picking_an_interval_makes_it_the_brush(qtbot, editor):
    radio = editor.intervals._rows["custom1"].radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)
    assert editor.grid.brush() == "custom1"


def test_around_the_clock_keeps_ranges_and_greys_the_grid(qtbot, editor, session):
    ranges = list(session.document.schedule.ranges)
    qtbot.mouseClick(editor.always_radio, Qt.MouseButton.LeftButton)
    assert session.document.schedule.mode == "always"
    assert session.document.schedule.ranges == ranges
    assert not editor.grid.isEnabled() and not editor.intervals.isEnabled()
    session.undo_stack.undo()
    assert session.document.schedule.mode == "weekly"
    assert editor.weekly_radio.isChecked() and editor.grid.isEnabled()


def test_granularity_picker_drives_the_grid(editor):
    combo = editor.granularity
    assert combo.currentData() == 30
    combo.setCurrentIndex(combo.findData(15))
    assert editor.grid.granularity() == 15
