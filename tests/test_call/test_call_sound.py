"""Prompts along the way: heard through the audio system when there is one, skipped when there is none."""

from __future__ import annotations

from datetime import datetime

from pbxdesk.audio.player import PromptPlayer
from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.test_call import TestCallPanel
from pbxdesk.widgets.session import DocumentSession


def make_panel(qtbot, spec_example, directory, player, tts):
    panel = TestCallPanel(DocumentSession(spec_example, directory), player=player, tts=tts)
    qtbot.addWidget(panel)
    panel.stepper.step_ms = 20
    return panel


def test_without_an_audio_device_the_call_just_steps(english, qtbot, spec_example, directory, tmp_path):
    # a machine with no sound card at all: the real player reports itself unavailable
    player = PromptPlayer(backend="none")
    panel = make_panel(qtbot, spec_example, directory, player, EspeakEngine(tmp_path / "tts"))
    panel.form.set_call(datetime(2026, 11, 24, 3, 0))
    result = panel.run()
    assert panel.sound_box.isChecked()
    with qtbot.waitSignal(panel.stepper.finished, timeout=5000):
        panel.play()
    assert panel.stepper.current == len(result.steps) - 1
    assert player.current_path() is None  # nothing was rendered or played
    assert "No audio output device" in panel.audio_label.text()


def test_prompts_are_played_along_the_way(qtbot, spec_example, directory, tmp_path, pulse_sink):
    player = PromptPlayer(device_id=pulse_sink.encode())
    assert player.backend() == "qt"
    tts = EspeakEngine(tmp_path / "tts")
    panel = make_panel(qtbot, spec_example, directory, player, tts)
    states: list[str] = []
    player.stateChanged.connect(states.append)
    events: list[object] = []
    player.stateChanged.connect(events.append)
    panel.form.set_call(datetime(2026, 11, 24, 3, 0))  # Tuesday night: the voicemail greeting, then recording
    result = panel.run()
    shown: list[int] = []
    panel.stepper.stepChanged.connect(shown.append)
    panel.stepper.stepChanged.connect(events.append)
    events.clear()
    assert [s["kind"] for s in result.steps] == ["play", "record"]
    with qtbot.waitSignal(panel.stepper.finished, timeout=30_000):
        panel.play()
    assert "playing" in states and states[-1] == "idle"
    assert player.current_path() == tts.cached_path("Мы работаем с 9 до 18", "ru")
    assert shown == [-1, 0, 1]
    # the recording step came only after the greeting had been played to its end
    assert events.index(1) > events.index("playing") > events.index(0)
    assert events[events.index(1) - 1] == "idle"
