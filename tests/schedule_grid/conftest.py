"""Fixtures of the schedule grid tests: a session on the SPEC example and a mouse that really drags.

QTest's mouseMove does not carry the held buttons on every platform, so drags are sent as QMouseEvents
with the buttons set through QApplication.sendEvent, which goes through the widget's real handlers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pbxdesk.domain.document import load_path
from pbxdesk.schedule_grid.grid import ScheduleGrid
from pbxdesk.widgets.session import DocumentSession
from tests.support.grid_mouse import Mouse

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def session(spec_example_path: Path) -> DocumentSession:
    return DocumentSession(load_path(str(spec_example_path)).document)


@pytest.fixture
def grid(qtbot, session: DocumentSession) -> ScheduleGrid:
    widget = ScheduleGrid(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def mouse(grid: ScheduleGrid) -> Mouse:
    return Mouse(grid)


@pytest.fixture
def ranges_of(session: DocumentSession):
    """The (start, end, interval) ranges of a weekday in the session's document."""
    def ranges(day: str) -> list[tuple[str, str, str]]:
        return [(r.start, r.end, r.interval) for r in session.document.schedule.ranges if r.day == day]
    return ranges
