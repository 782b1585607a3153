"""The scenario editor: the call tree of each interval, the "+" menu and one editor per action."""

from __future__ import annotations

from pbxdesk.scenario_editor.editor import ScenarioEditor

__all__ = ["ScenarioEditor"]
