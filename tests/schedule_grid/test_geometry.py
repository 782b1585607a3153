"""Pure hit-testing of the grid: pixels <-> (weekday, minute), and snapping to the drag step."""

from __future__ import annotations

import pytest

from pbxdesk.schedule_grid.geometry import GridGeometry, hit, pixel_of, snap_span


@pytest.mark.parametrize("size", [(390, 200), (1100, 420), (2400, 900)])
def test_pixel_of_is_the_inverse_of_hit_at_every_hour_and_half_hour(size):
    geom = GridGeometry(*size)
    for day in range(7):
        for minute in range(0, 1440, 30):
            x, y = pixel_of(geom, day, minute)
            got_day, got_minute = hit(geom, x, y)
            assert got_day == day
            assert minute <= got_minute < minute + 5     # within the finest step (5 min) of the target


def test_outside_the_grid_is_no_cell_unless_clamped_for_a_drag():
    geom = GridGeometry(1100, 420)
    assert hit(geom, 5, 100) is None                      # on the day labels
    assert hit(geom, 500, 5) is None                      # on the hour labels
    assert hit(geom, 5000, 5000, clamp=True) == (6, 1439)
    assert hit(geom, -50, -50, clamp=True) == (0, 0)


@pytest.mark.parametrize(("m0", "m1", "step", "span"), [
    (547, 547, 30, (540, 570)), (622, 547, 15, (540, 630)), (547, 622, 5, (545, 625)),
    (1439, 1300, 60, (1260, 1440)), (0, 0, 5, (0, 5)),
])
def test_snap_covers_the_cells_from_press_to_release(m0, m1, step, span):
    assert snap_span(m0, m1, step) == span
