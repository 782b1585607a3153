"""The test call, the week coverage and the flow overview of a number."""

from __future__ import annotations

from pbxdesk.test_call.coverage_view import CoverageView
from pbxdesk.test_call.flow_scene import FlowScene
from pbxdesk.test_call.flow_view import FlowOverview
from pbxdesk.test_call.panel import TestCallPanel
from pbxdesk.test_call.tabs import TestCallTabs

__all__ = ["CoverageView", "FlowOverview", "FlowScene", "TestCallPanel", "TestCallTabs"]
