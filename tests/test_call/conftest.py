"""Fixtures of the test call tests: the schedule and scenario editors with a test call panel beside them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from pbxdesk.widgets.session import DocumentSession
from tests.support.pulse import pulse_sink  # noqa: F401 - the shared fixture


@dataclass
class Editors:
    session: DocumentSession
    schedule: object
    scenarios: object
    tabs: object
    window: object

    @property
    def panel(self):
        return self.tabs.panel


@pytest.fixture
def make_editors(qtbot, tmp_path):
    def make(document, directory) -> Editors:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter

        from pbxdesk.audio.library import MediaLibrary
        from pbxdesk.audio.player import PromptPlayer
        from pbxdesk.audio.tts import EspeakEngine
        from pbxdesk.scenario_editor import ScenarioEditor
        from pbxdesk.schedule_grid import ScheduleEditor
        from pbxdesk.test_call import TestCallTabs

        session = DocumentSession(document, directory)
        window = QSplitter(Qt.Orientation.Horizontal)
        column = QSplitter(Qt.Orientation.Vertical, window)
        schedule = ScheduleEditor(session, column)
        # real library and espeak-ng under tmp_path; no sound card here, so the player's backend is "none"
        player = PromptPlayer(backend="none")
        library, tts = MediaLibrary(tmp_path / "media"), EspeakEngine(tmp_path / "tts")
        scenarios = ScenarioEditor(session, column, library=library, tts=tts, player=player)
        tabs = TestCallTabs(session, schedule.grid, scenarios.tree, player, tts, library, window)
        qtbot.addWidget(window)
        window.resize(1600, 950)
        window.show()
        qtbot.waitExposed(window)
        return Editors(session, schedule, scenarios, tabs, window)  # keeps the window alive

    return make


@pytest.fixture
def editors(qapp, make_editors, spec_example, directory) -> Editors:
    return make_editors(spec_example, directory)


@pytest.fixture
def english(qapp):
    """The UI in English (the source strings), whatever an earlier test in this process switched to."""
    from pbxdesk.desktop.i18n import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def russian(qapp):
    from pbxdesk.desktop.i18n import set_language

    set_language("ru")
    yield
    set_language("en")


