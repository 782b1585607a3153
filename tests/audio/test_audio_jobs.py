"""Slow audio work runs on worker threads: the GUI thread keeps running, sees progress, can cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from pbxdesk.audio.convert import convert_to_master
from pbxdesk.audio.library import MediaLibrary
from pbxdesk.audio.player import AudioJob, PromptPlayer
from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.domain.models import AudioPrompt, TtsPrompt
from pbxdesk.widgets.prompt_widget import PromptWidget

from .conftest import run

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def long_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "four_minutes.flac"
    run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=300:d=240:r=22050",
         "-f", "lavfi", "-i", "anoisesrc=d=240:r=22050:a=0.05", "-filter_complex", "amix=inputs=2", str(path)])
    return path


def test_conversion_job_reports_progress_on_the_gui_thread(qtbot, long_source: Path, tmp_path: Path) -> None:
    gui_thread = threading.current_thread()
    seen: list[tuple[float, bool]] = []
    job = AudioJob(lambda progress, cancel: convert_to_master(long_source, tmp_path / "m.wav",
                                                              progress=progress, cancel=cancel))
    job.progress.connect(lambda value: seen.append((value, threading.current_thread() is gui_thread)))
    with qtbot.waitSignal(job.succeeded, timeout=30_000):
        job.start()
    assert seen and all(on_gui for _, on_gui in seen)
    values = [value for value, _ in seen]
    assert values == sorted(values) and values[-1] == 1.0
    assert (tmp_path / "m.wav").is_file()


def test_cancelled_conversion_ends_without_a_file(qtbot, long_source: Path, tmp_path: Path) -> None:
    started = threading.Event()

    def work(progress, cancel):
        started.set()
        return convert_to_master(long_source, tmp_path / "m.wav", progress=progress, cancel=cancel)

    job = AudioJob(work)
    outcomes: list[str] = []
    job.succeeded.connect(lambda _r: outcomes.append("succeeded"))
    job.cancelled.connect(lambda: outcomes.append("cancelled"))
    with qtbot.waitSignal(job.finished, timeout=30_000):
        job.start()
        assert started.wait(10)
        job.cancel()
    assert outcomes == ["cancelled"]
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_cancel_button_stops_a_file_import(qtbot, long_source: Path, tmp_path: Path) -> None:
    library = MediaLibrary(tmp_path / "media")
    widget = PromptWidget(library=library, tts=EspeakEngine(tmp_path / "tts"), player=PromptPlayer(backend="none"))
    qtbot.addWidget(widget)
    widget.show()
    previous = AudioPrompt(audio="a" * 64)
    widget.setPrompt(previous)
    with qtbot.assertNotEmitted(widget.promptChanged):
        job = widget.importFile(long_source)
        cancel = widget.findChild(QPushButton, "promptCancelImport")
        assert cancel.isVisible() and not widget.findChild(QPushButton, "promptChooseFile").isEnabled()
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert widget.prompt() == previous
    assert library.ids() == []
    assert not cancel.isVisible() and widget.findChild(QPushButton, "promptChooseFile").isEnabled()


def test_stop_while_preparing_cancels_and_nothing_plays(qtbot, tmp_path: Path) -> None:
    # "simpleaudio" is forced so Listen is enabled; stopping before synthesis ends means nothing reaches ALSA
    player = PromptPlayer(backend="simpleaudio")
    tts = EspeakEngine(tmp_path / "tts")
    widget = PromptWidget(library=MediaLibrary(tmp_path / "media"), tts=tts, player=player)
    qtbot.addWidget(widget)
    widget.show()
    widget.setPrompt(TtsPrompt(tts="Пожалуйста, оставайтесь на линии, вам обязательно ответят.", voice="ru"))
    button = widget.findChild(QPushButton, "promptListen")
    states: list[str] = []
    player.stateChanged.connect(states.append)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Preparing…" and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Listen"
    qtbot.wait(1500)  # long enough for the synthesis to finish in the background
    QApplication.processEvents()
    assert states == ["preparing", "idle"]
    assert player.current_path() is None
