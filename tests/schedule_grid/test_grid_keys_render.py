"""Keyboard editing of the grid, its accessibility, and what it actually draws (pixels of a PNG)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from pbxdesk.schedule_grid.painter import FOCUS_COLOR
from pbxdesk.widgets.palette import INTERVAL_COLORS


def _focus(qtbot, grid) -> None:
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)


def test_arrows_move_shift_extends_space_paints(qtbot, grid, session, ranges_of):
    _focus(qtbot, grid)
    start = grid.cursor_cell()
    QTest.keyClick(grid, Qt.Key.Key_Down)            # Tuesday, same time
    assert grid.cursor_cell() == (start[0] + 1, start[1])
    for _ in range(3):
        QTest.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert grid.selection() == (1, 2, start[1], start[1] + 4 * 30)
    QTest.keyClick(grid, Qt.Key.Key_Space)
    assert ranges_of("tue") == [("09:00", "11:00", "working")]
    assert ranges_of("wed") == [("09:00", "11:00", "working")]
    assert session.undo_stack.count() == 1


def test_enter_paints_the_cursor_cell_with_the_brush_and_delete_clears(qtbot, grid, ranges_of):
    grid.set_brush("custom1")
    _focus(qtbot, grid)
    QTest.keyClick(grid, Qt.Key.Key_Down)
    QTest.keyClick(grid, Qt.Key.Key_Left)               # Tuesday 08:30
    QTest.keyClick(grid, Qt.Key.Key_Return)
    assert ranges_of("tue") == [("08:30", "09:00", "custom1")]
    QTest.keyClick(grid, Qt.Key.Key_Up)                 # Monday 08:30..09:30 selected with Shift
    QTest.keyClick(grid, Qt.Key.Key_Right)
    QTest.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert ranges_of("mon")[0] == ("10:00", "13:00", "working")


def test_the_grid_is_accessible_and_shows_a_focus_frame(qtbot, grid):
    assert grid.objectName() == "scheduleGrid"
    assert grid.accessibleName()
    assert grid.focusPolicy() & Qt.FocusPolicy.TabFocus
    grid.clearFocus()
    qtbot.waitUntil(lambda: not grid.hasFocus())
    assert grid.grab().toImage().pixelColor(1, 10) != FOCUS_COLOR
    _focus(qtbot, grid)
    assert grid.grab().toImage().pixelColor(1, 10) == FOCUS_COLOR


def _color_at(image: QImage, grid, day: int, minute: int) -> str:
    p = grid.cell_point(day, minute)
    return image.pixelColor(p.x(), p.y()).name()


def test_rendered_png_has_each_range_in_its_interval_colour(grid, mouse, artifacts):
    grid.set_granularity(5)
    grid.set_brush("custom1")
    mouse.drag("wed", 7 * 60 + 25, "wed", 7 * 60 + 49)         # Wed 07:25-07:50 in custom1
    grid.clearFocus()                                            # no keyboard cursor over the cells
    path = artifacts / "schedule_grid_cells.png"
    assert grid.grab().save(str(path))
    image = QImage(str(path))
    now = grid.paint_state().now
    checks = [
        (0, 10 * 60 + 20, "working"), (0, 13 * 60 + 30, "custom1"), (0, 16 * 60 + 40, "working"),
        (0, 8 * 60 + 40, "non_working"), (0, 18 * 60 + 20, "non_working"), (1, 10 * 60 + 20, "non_working"),
        (2, 7 * 60 + 30, "custom1"), (2, 7 * 60 + 45, "custom1"), (2, 8 * 60 + 20, "non_working"),
        (2, 6 * 60 + 40, "non_working"),
    ]
    checked = 0
    for day, minute, interval in checks:
        if now is not None and now[0] == day and abs(now[1] - minute) < 15:
            continue  # the red "now" marker is drawn there
        assert _color_at(image, grid, day, minute) == QColor(INTERVAL_COLORS[interval]).name(), (day, minute)
        checked += 1
    assert checked >= len(checks) - 1
    # exact minute boundaries: the colour changes at the pixel columns of 07:25 and 07:50
    geom, y = grid.grid_geometry(), grid.cell_point(2, 0).y() + 8
    for minute, before, after in ((7 * 60 + 25, "non_working", "custom1"), (7 * 60 + 50, "custom1", "non_working")):
        x = geom.x_of(minute)
        assert image.pixelColor(int(x) - 2, y).name() == QColor(INTERVAL_COLORS[before]).name()
        assert image.pixelColor(int(x) + 3, y).name() == QColor(INTERVAL_COLORS[after]).name()


def test_the_drag_preview_is_drawn_before_release(grid, mouse, session):
    mouse.press("thu", 2 * 60 + 10)
    mouse.move("thu", 4 * 60 + 10)
    image = grid.grab().toImage()
    assert _color_at(image, grid, 3, 3 * 60 + 20) == QColor(INTERVAL_COLORS["working"]).name()
    assert session.undo_stack.count() == 0
    mouse.release("thu", 4 * 60 + 10)
    assert session.undo_stack.count() == 1
