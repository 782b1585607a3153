"""The prompt widget as an administrator uses it: type or pick, switch modes, Listen and Stop."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton

from pbxdesk.audio.library import MediaLibrary
from pbxdesk.audio.player import PromptPlayer
from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.domain.models import AudioPrompt, TtsPrompt
from pbxdesk.widgets.prompt_widget import PromptWidget

pytestmark = pytest.mark.gui
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture
def make_widget(qtbot, tmp_path: Path):
    def make(player: PromptPlayer | None = None) -> PromptWidget:
        widget = PromptWidget(library=MediaLibrary(tmp_path / "media"), tts=EspeakEngine(tmp_path / "tts"),
                              player=player or PromptPlayer(backend="none"))
        qtbot.addWidget(widget)
        widget.resize(520, 240)
        widget.show()
        return widget
    return make


def listen_button(widget: PromptWidget) -> QPushButton:
    return widget.findChild(QPushButton, "promptListen")


def test_set_prompt_shows_it_without_reporting_a_change(make_widget, qtbot) -> None:
    widget = make_widget()
    with qtbot.assertNotEmitted(widget.promptChanged):
        widget.setPrompt(TtsPrompt(tts="Добрый день", voice="en"))
    assert widget.findChild(object, "promptText").toPlainText() == "Добрый день"
    assert widget.findChild(object, "promptVoice").currentData() == "en"
    assert widget.prompt() == TtsPrompt(tts="Добрый день", voice="en")
    assert "11 / 1000" in widget.findChild(QLabel, "promptCounter").text()


def test_typing_and_choosing_a_voice_edit_the_prompt(make_widget, qtbot) -> None:
    widget = make_widget()
    widget.setPrompt(None)
    assert widget.prompt() is None
    text = widget.findChild(object, "promptText")
    with qtbot.waitSignal(widget.promptChanged):
        qtbot.keyClicks(text, "Welcome")  # QTest types ASCII only
    assert widget.prompt() == TtsPrompt(tts="Welcome", voice="ru")
    changes: list[object] = []
    widget.promptChanged.connect(lambda: changes.append(widget.prompt()))
    qtbot.keyClicks(text, "!!")
    assert changes == [TtsPrompt(tts="Welcome!", voice="ru"), TtsPrompt(tts="Welcome!!", voice="ru")]
    voice = widget.findChild(object, "promptVoice")
    with qtbot.waitSignal(widget.promptChanged):
        voice.setCurrentIndex(voice.findData("en"))
    assert widget.prompt() == TtsPrompt(tts="Welcome!!", voice="en")


def test_text_longer_than_1000_characters_is_cut(make_widget) -> None:
    widget = make_widget()
    widget.findChild(object, "promptText").setPlainText("а" * 1200)
    assert widget.prompt() == TtsPrompt(tts="а" * 1000, voice="ru")


def test_switching_modes_keeps_each_side(make_widget, qtbot) -> None:
    widget = make_widget()
    widget.setPrompt(TtsPrompt(tts="Меню", voice="ru"))
    with qtbot.waitSignal(widget.promptChanged):
        qtbot.mouseClick(widget.findChild(QPushButton.__base__, "promptModeAudio"), Qt.MouseButton.LeftButton)
    assert widget.prompt() == AudioPrompt(audio="")  # an unfinished draft that validation reports
    assert widget.findChild(QPushButton, "promptChooseFile").isVisible()
    assert not widget.findChild(object, "promptText").isVisible()
    assert not listen_button(widget).isEnabled()
    with qtbot.waitSignal(widget.promptChanged):
        qtbot.mouseClick(widget.findChild(QPushButton.__base__, "promptModeTts"), Qt.MouseButton.LeftButton)
    assert widget.prompt() == TtsPrompt(tts="Меню", voice="ru")


def test_the_company_greetings_are_offered_only_with_a_server(make_widget, qtbot) -> None:
    widget = make_widget()  # no media fetcher: audio files come from this computer only
    widget.setPrompt(AudioPrompt(audio=""))
    assert widget.findChild(QPushButton, "promptChooseFile").isVisible()
    assert not widget.findChild(QPushButton, "promptChooseLibrary").isVisible()


def test_listen_is_disabled_with_the_reason_when_there_is_no_audio_device(make_widget) -> None:
    widget = make_widget(PromptPlayer(backend="none"))
    widget.setPrompt(TtsPrompt(tts="Здравствуйте", voice="ru"))
    button = listen_button(widget)
    assert not button.isEnabled()
    assert "No audio output device" in button.toolTip()
    assert widget.findChild(QPushButton, "promptChooseFile").isEnabled()  # everything else still works
    ARTIFACTS.mkdir(exist_ok=True)
    widget.grab().save(str(ARTIFACTS / "prompt_widget_no_device.png"))


def test_the_no_device_reason_is_told_in_russian(make_widget) -> None:
    from pbxdesk.desktop import i18n

    player = PromptPlayer(backend="none")
    i18n.set_language("ru")
    try:
        assert player.unavailable_reason().startswith("Нет устройства вывода звука")
    finally:
        i18n.set_language("en")


def test_a_picked_file_is_converted_in_the_background_and_becomes_the_prompt(
        make_widget, qtbot, speech_sources: dict[str, Path]) -> None:
    widget = make_widget()
    widget.setPrompt(AudioPrompt(audio=""))
    src = speech_sources["ogg"]
    with qtbot.waitSignal(widget.promptChanged, timeout=20_000):
        job = widget.importFile(src)
        assert widget.findChild(QPushButton, "promptCancelImport").isVisible()
    assert job.done
    assert widget.prompt() == AudioPrompt(audio=hashlib.sha256(src.read_bytes()).hexdigest())
    assert widget.findChild(QLabel, "promptFileLabel").text() == "speech.ogg"
    qtbot.waitUntil(lambda: widget.findChild(QLabel, "promptDuration").text().startswith("0:0"))
    assert widget.waveform.has_peaks()
    widget.grab().save(str(ARTIFACTS / "prompt_widget_audio.png"))


def test_a_bad_file_shows_the_reason_and_keeps_the_prompt(make_widget, qtbot, tmp_path: Path) -> None:
    widget = make_widget()
    widget.setPrompt(TtsPrompt(tts="Старый текст", voice="ru"))
    bad = tmp_path / "notes.txt"
    bad.write_text("not audio", encoding="utf-8")
    with qtbot.assertNotEmitted(widget.promptChanged, wait=100):
        job = widget.importFile(bad)
        qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert "not an audio file" in widget.findChild(QLabel, "promptError").text()
    assert widget.prompt() == TtsPrompt(tts="Старый текст", voice="ru")


def test_listen_prepares_plays_and_stops(make_widget, qtbot, pulse_sink: str) -> None:
    widget = make_widget(PromptPlayer(device_id=pulse_sink.encode()))
    assert widget.player().backend() == "qt"
    widget.setPrompt(TtsPrompt(tts="Один, два, три, четыре, пять. Вышел зайчик погулять.", voice="ru"))
    button = listen_button(widget)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Preparing…"
    qtbot.waitUntil(lambda: button.text() == "Playing", timeout=15_000)
    widget.grab().save(str(ARTIFACTS / "prompt_widget_playing.png"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the same button stops
    assert button.text() == "Listen" and widget.player().state() == "idle"
    # unchanged text: no synthesis this time, straight to playing, and it ends on its own
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Playing"
    assert widget._tts.renders == 1
    qtbot.waitUntil(lambda: button.text() == "Listen", timeout=20_000)
    assert widget.findChild(QLabel, "promptDuration").text().startswith("0:0")
    QApplication.processEvents()


def test_optional_voice_message_can_be_switched_off_and_on(make_widget, qtbot) -> None:
    widget = make_widget()
    widget.setOptional(True)
    widget.setPrompt(None)
    box = widget.findChild(QCheckBox, "promptEnabled")
    assert box.isVisible() and not box.isChecked()
    assert not widget.findChild(object, "promptText").isEnabled()
    with qtbot.waitSignal(widget.promptChanged):
        box.setChecked(True)
    assert widget.prompt() == TtsPrompt(tts="", voice="ru")  # empty text: validation reports it
    qtbot.keyClicks(widget.findChild(object, "promptText"), "Hold on")
    assert widget.prompt() == TtsPrompt(tts="Hold on", voice="ru")
    with qtbot.waitSignal(widget.promptChanged):
        box.setChecked(False)
    assert widget.prompt() is None
    widget.setPrompt(TtsPrompt(tts="Ждите ответа", voice="ru"))
    assert box.isChecked() and widget.findChild(object, "promptText").isEnabled()
    widget.grab().save(str(ARTIFACTS / "prompt_widget_optional.png"))
