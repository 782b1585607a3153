"""Colours of the schedule intervals, shared by the grid, the legend, the scenario tree and the overview."""

from __future__ import annotations

from PySide6.QtGui import QColor

INTERVAL_COLORS: dict[str, str] = {
    "working": "#43a047",
    "non_working": "#cfd8dc",
    "custom1": "#fb8c00",
    "custom2": "#1e88e5",
    "custom3": "#8e24aa",
}
UNKNOWN_COLOR = "#e53935"


def interval_color(interval_id: str) -> QColor:
    return QColor(INTERVAL_COLORS.get(interval_id, UNKNOWN_COLOR))
