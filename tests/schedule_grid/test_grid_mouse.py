"""Painting the weekly grid with the mouse: the real widget, real mouse events, the real undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_left_drag_paints_the_rectangle_of_days_and_times_as_one_command(grid, mouse, session, ranges_of):
    assert ranges_of("tue") == [] and ranges_of("wed") == []
    mouse.drag("tue", 9 * 60 + 10, "wed", 11 * 60 + 40)
    assert ranges_of("tue") == [("09:00", "12:00", "working")]
    assert ranges_of("wed") == [("09:00", "12:00", "working")]
    assert session.undo_stack.count() == 1
    assert "09:00–12:00" in session.undo_stack.text(0)


def test_dragging_upwards_and_leftwards_paints_the_same_rectangle(grid, mouse, ranges_of):
    mouse.drag("thu", 17 * 60 + 45, "wed", 15 * 60)
    assert ranges_of("wed") == [("15:00", "18:00", "working")]
    assert ranges_of("thu") == [("15:00", "18:00", "working")]


def test_non_working_brush_erases_and_splits(grid, mouse, ranges_of):
    grid.set_brush("non_working")
    mouse.drag("mon", 10 * 60 + 5, "mon", 10 * 60 + 50)
    assert ranges_of("mon") == [("09:00", "10:00", "working"), ("11:00", "13:00", "working"),
                                ("13:00", "14:00", "custom1"), ("14:00", "18:00", "working")]


def test_right_drag_always_erases_whatever_the_brush(grid, mouse, ranges_of):
    grid.set_brush("custom1")
    mouse.drag("mon", 12 * 60 + 10, "mon", 14 * 60 + 20, Qt.MouseButton.RightButton)
    assert ranges_of("mon") == [("09:00", "12:00", "working"), ("14:30", "18:00", "working")]


def test_painting_over_other_intervals_splits_and_merges(grid, mouse, ranges_of):
    grid.set_brush("custom1")
    mouse.drag("mon", 10 * 60, "mon", 10 * 60 + 59)
    assert ranges_of("mon") == [("09:00", "10:00", "working"), ("10:00", "11:00", "custom1"),
                                ("11:00", "13:00", "working"), ("13:00", "14:00", "custom1"),
                                ("14:00", "18:00", "working")]
    grid.set_brush("working")
    mouse.drag("mon", 10 * 60, "mon", 13 * 60 + 59)
    assert ranges_of("mon") == [("09:00", "18:00", "working")]


def test_painting_to_the_end_of_the_day_stores_24_00(grid, mouse, ranges_of):
    mouse.drag("sun", 22 * 60 + 10, "sun", 23 * 60 + 59)
    assert ranges_of("sun") == [("22:00", "24:00", "working")]


def test_escape_during_a_drag_cancels_it(grid, mouse, session, ranges_of):
    before = ranges_of("tue")
    mouse.press("tue", 9 * 60)
    mouse.move("tue", 15 * 60)
    assert grid.is_dragging()
    QTest.keyClick(grid, Qt.Key.Key_Escape)
    assert not grid.is_dragging()
    mouse.release("tue", 15 * 60)
    assert ranges_of("tue") == before
    assert session.undo_stack.count() == 0


def test_undo_and_redo_of_a_paint(grid, mouse, session, ranges_of):
    original = ranges_of("mon")
    mouse.drag("mon", 18 * 60, "mon", 20 * 60 + 30)
    painted = ranges_of("mon")
    assert painted[-1] == ("14:00", "21:00", "working")
    session.undo_stack.undo()
    assert ranges_of("mon") == original
    assert grid.paint_state().spans["mon"][-1] == (14 * 60, 18 * 60, "working")  # the grid repaints from the doc
    session.undo_stack.redo()
    assert ranges_of("mon") == painted


@pytest.mark.parametrize(("step", "expected"), [
    (5, ("09:05", "10:25")), (15, ("09:00", "10:30")), (30, ("09:00", "10:30")), (60, ("09:00", "11:00")),
])
def test_drags_snap_to_the_chosen_granularity(grid, mouse, ranges_of, step, expected):
    grid.set_granularity(step)
    mouse.drag("tue", 9 * 60 + 7, "tue", 10 * 60 + 22)
    assert ranges_of("tue") == [(*expected, "working")]


def test_a_click_without_moving_paints_one_cell(grid, mouse, ranges_of):
    grid.set_granularity(15)
    mouse.press("fri", 7 * 60 + 20)
    mouse.release("fri", 7 * 60 + 20)
    assert ranges_of("fri") == [("07:15", "07:30", "working")]


def test_hover_names_day_time_and_interval(grid, mouse):
    mouse.move("mon", 13 * 60 + 30)
    assert "Monday 13:30–14:00" in grid.toolTip()
    assert "Обед" in grid.toolTip()
    mouse.move("tue", 3 * 60)
    assert "Tuesday 03:00–03:30" in grid.toolTip() and "Non-working" in grid.toolTip()


def test_always_mode_greys_the_grid_and_ignores_drags(grid, mouse, session, ranges_of):
    from pbxdesk.widgets.session import SetValuesCommand

    session.push(SetValuesCommand(session, {"/schedule/mode": "always"}, "mode"))
    assert not grid.isEnabled()
    assert grid.paint_state().disabled
    before = ranges_of("tue")
    mouse.drag("tue", 9 * 60, "tue", 12 * 60)
    assert ranges_of("tue") == before
