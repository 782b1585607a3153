"""The manual range editor (R4): weekday, minute-precise ranges, Apply, Add, Delete all, overnight
ranges (SPEC §4), copy a day, Confirm as one undo command, Cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pbxdesk.schedule_grid import ScheduleEditor
from pbxdesk.schedule_grid.manual_editor import ManualEditorDialog


class Answers:
    def __init__(self, answer: bool = True) -> None:
        self.answer, self.asked, self.told = answer, [], []

    def confirm(self, _title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer

    def inform(self, _title: str, text: str) -> None:
        self.told.append(text)


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def dialog(qtbot, session, answers):
    editor = ScheduleEditor(session)
    qtbot.addWidget(editor)
    editor.confirm, editor.inform = answers.confirm, answers.inform
    editor.show()
    qtbot.mouseClick(editor.manual_button, Qt.MouseButton.LeftButton)
    dlg = editor.findChild(QDialog, "manualEditor")
    assert isinstance(dlg, ManualEditorDialog) and dlg.isVisible()
    return dlg


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill(row, start: str, end: str, interval: str) -> None:
    row.start.setText(start)
    row.end.setText(end)
    row.interval.setCurrentIndex(row.interval.findData(interval))


def test_a_day_shows_its_ranges_and_is_edited_with_minute_precision(qtbot, dialog, session, ranges_of):
    assert [r.values() for r in dialog.rows.rows()] == [(540, 780, "working"), (780, 840, "custom1"),
                                                        (840, 1080, "working")]
    dialog.set_day("tue")
    assert dialog.rows.rows() == []
    _click(qtbot, dialog.add_button)
    _fill(dialog.rows.rows()[0], "08:17", "12:43", "working")
    _click(qtbot, dialog.apply_button)
    _click(qtbot, dialog.add_button)
    _fill(dialog.rows.rows()[1], "12:43", "13:29", "custom1")
    _click(qtbot, dialog.apply_button)
    assert ranges_of("tue") == []                                   # nothing changes before Confirm
    _click(qtbot, dialog.confirm_button)
    assert not dialog.isVisible()
    assert ranges_of("tue") == [("08:17", "12:43", "working"), ("12:43", "13:29", "custom1")]
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert ranges_of("tue") == []


def test_cancel_changes_nothing(qtbot, dialog, session, ranges_of):
    before = ranges_of("mon")
    _click(qtbot, dialog.delete_all_button)
    _click(qtbot, dialog.cancel_button)
    assert ranges_of("mon") == before and session.undo_stack.count() == 0


def test_delete_all_makes_the_day_non_working(qtbot, dialog, ranges_of):
    _click(qtbot, dialog.delete_all_button)
    assert dialog.rows.rows() == []
    _click(qtbot, dialog.confirm_button)
    assert ranges_of("mon") == []


def test_a_range_across_midnight_is_stored_as_two_after_naming_what_it_replaces(qtbot, dialog, answers,
                                                                                 ranges_of):
    dialog.set_day("tue")
    _click(qtbot, dialog.add_button)
    _fill(dialog.rows.rows()[0], "05:00", "07:30", "working")
    _click(qtbot, dialog.apply_button)
    dialog.set_day("mon")
    _click(qtbot, dialog.add_button)
    _fill(dialog.rows.rows()[-1], "22:00", "06:00", "custom1")
    answers.answer = False
    _click(qtbot, dialog.apply_button)
    assert "Tue 05:00–06:00 Working time" in answers.asked[-1]       # named before applying
    assert dialog.has_unapplied()
    answers.answer = True
    _click(qtbot, dialog.apply_button)
    _click(qtbot, dialog.confirm_button)
    assert ranges_of("mon")[-1] == ("22:00", "24:00", "custom1")
    assert ranges_of("tue") == [("00:00", "06:00", "custom1"), ("06:00", "07:30", "working")]


def test_sunday_night_wraps_to_monday(qtbot, dialog, ranges_of):
    dialog.set_day("sun")
    _click(qtbot, dialog.add_button)
    _fill(dialog.rows.rows()[0], "23:00", "01:15", "working")
    _click(qtbot, dialog.confirm_button)                          # Confirm applies pending rows
    assert ranges_of("sun") == [("23:00", "24:00", "working")]
    assert ranges_of("mon")[0] == ("00:00", "01:15", "working")


def test_an_invalid_time_is_refused_with_a_message(qtbot, dialog, answers, ranges_of):
    _click(qtbot, dialog.add_button)
    dialog.rows.rows()[-1].start.setText("25:")
    _click(qtbot, dialog.apply_button)
    assert answers.told and "Range 4" in answers.told[0]
    _click(qtbot, dialog.confirm_button)
    assert dialog.isVisible()                                      # not closed with an invalid row


def test_copy_a_day_to_other_days(qtbot, dialog, session, ranges_of):
    dialog.copy_boxes["wed"].setChecked(True)
    dialog.copy_boxes["fri"].setChecked(True)
    _click(qtbot, dialog.copy_button)
    _click(qtbot, dialog.confirm_button)
    assert ranges_of("wed") == ranges_of("mon") == ranges_of("fri")
    assert ranges_of("tue") == []
    assert session.undo_stack.count() == 1
