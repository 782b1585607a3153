"""The weekly schedule editors: the drag grid, the intervals panel, the manual and exception editors."""

from pbxdesk.schedule_grid.editor import ScheduleEditor
from pbxdesk.schedule_grid.grid import ScheduleGrid

__all__ = ["ScheduleEditor", "ScheduleGrid"]
