"""Fixtures of the test call tests: the schedule and scenario editors with a test call panel beside them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from pbxdesk.widgets.session import DocumentSession


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
    from pbxdesk.app.i18n import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def russian(qapp):
    from pbxdesk.app.i18n import set_language

    set_language("ru")
    yield
    set_language("en")


@pytest.fixture
def pulse_sink():
    """A null sink of our own in the PulseAudio server that scripts/test_services.sh starts (the sound card
    is the one thing that cannot run here)."""
    import os
    import subprocess
    import uuid

    if os.environ.get("PBXDESK_TEST_PULSE") != "1":
        pytest.skip("needs the PulseAudio server started by scripts/test_services.sh (PBXDESK_TEST_PULSE=1)")
    name = f"pbxdesk_call_{uuid.uuid4().hex[:8]}"
    module = subprocess.run(["pactl", "load-module", "module-null-sink", f"sink_name={name}", "rate=8000",
                             "channels=1", "format=s16le"], capture_output=True, text=True, check=True).stdout
    try:
        yield name
    finally:
        subprocess.run(["pactl", "unload-module", module.strip()], capture_output=True, check=False)
