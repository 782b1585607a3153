"""Where things are on the weekly grid: pixels <-> (weekday row, minute of the day). Pure Python, no Qt.

Days are rows (Monday at the top), the 24 hours are columns, as in the provider's guide. The hit test
and its inverse are what the widget, the painter and the tests share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

DAYS = 7
HOURS = 24
DAY_MINUTES = 24 * 60
GRANULARITIES: tuple[int, ...] = (5, 15, 30, 60)
DEFAULT_GRANULARITY = 30

LEFT = 44      # day labels
TOP = 26       # hour labels
RIGHT = 10
LEGEND = 34    # legend under the grid
MIN_ROW_H = 22.0
MIN_HOUR_W = 22.0


@dataclass(frozen=True)
class GridGeometry:
    """The grid area inside a widget of ``width`` x ``height`` pixels."""

    width: int
    height: int

    @property
    def left(self) -> float:
        return float(LEFT)

    @property
    def top(self) -> float:
        return float(TOP)

    @property
    def hour_w(self) -> float:
        return max(1.0, (self.width - LEFT - RIGHT) / HOURS)

    @property
    def row_h(self) -> float:
        return max(1.0, (self.height - TOP - LEGEND) / DAYS)

    @property
    def right(self) -> float:
        return self.left + self.hour_w * HOURS

    @property
    def bottom(self) -> float:
        return self.top + self.row_h * DAYS

    def x_of(self, minute: float) -> float:
        """The x of a minute boundary (0..1440)."""
        return self.left + minute * self.hour_w / 60.0

    def y_of(self, day: int) -> float:
        """The top of a weekday row (0 = Monday .. 7 = below Sunday)."""
        return self.top + day * self.row_h

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x < self.right and self.top <= y < self.bottom


def hit(geom: GridGeometry, x: float, y: float, clamp: bool = False) -> tuple[int, int] | None:
    """(day 0..6, minute 0..1439) under a pixel; None outside the grid unless ``clamp`` (for drags)."""
    if not clamp and not geom.contains(x, y):
        return None
    day = int((y - geom.top) // geom.row_h)
    minute = int((x - geom.left) * 60.0 // geom.hour_w)
    return min(DAYS - 1, max(0, day)), min(DAY_MINUTES - 1, max(0, minute))


def cell_center(geom: GridGeometry, day: int, minute: float) -> tuple[float, float]:
    """The inverse of :func:`hit`: the pixel in the middle of ``minute`` of ``day`` (its row's middle)."""
    return geom.x_of(minute + 0.5), geom.y_of(day) + geom.row_h / 2.0


def snap_span(m0: int, m1: int, granularity: int) -> tuple[int, int]:
    """The granularity cells from the one holding ``m0`` through the one holding ``m1`` as [start, end)."""
    lo, hi = min(m0, m1), max(m0, m1)
    start = (lo // granularity) * granularity
    end = min(DAY_MINUTES, (hi // granularity) * granularity + granularity)
    return start, end


def span_rect(geom: GridGeometry, day0: int, day1: int, start: int, end: int) -> tuple[float, float, float, float]:
    """(x, y, w, h) of days ``day0..day1`` (inclusive) x minutes ``[start, end)``."""
    lo, hi = min(day0, day1), max(day0, day1)
    x0, x1 = geom.x_of(start), geom.x_of(end)
    return x0, geom.y_of(lo), x1 - x0, geom.y_of(hi + 1) - geom.y_of(lo)


def pixel_of(geom: GridGeometry, day: int, minute: int) -> tuple[int, int]:
    """The first whole pixel whose hit is ``minute`` or (when a minute is narrower than a pixel) the
    next minute covered by a pixel, in the middle of the row of ``day``: the inverse used to aim at cells."""
    y = int(geom.y_of(day) + geom.row_h / 2.0)
    x = math.ceil(geom.x_of(minute))
    last = math.ceil(geom.right) - 1
    while x < last and (cell := hit(geom, x, y, clamp=True)) is not None and cell[1] < minute:
        x += 1                                        # floating-point rounding put us one column short
    return min(x, last), y
