"""The weekly schedule editors: the drag grid, the intervals panel, the manual and exception editors."""

from pbxdesk.schedule_grid.pyside_refs import protect_singletons

protect_singletons()  # before any widget exists: PySide6 6.12.0 + Python 3.11 leak (see pyside_refs)

from pbxdesk.schedule_grid.editor import ScheduleEditor  # noqa: E402
from pbxdesk.schedule_grid.grid import ScheduleGrid  # noqa: E402

__all__ = ["ScheduleEditor", "ScheduleGrid"]
