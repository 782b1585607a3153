"""Greetings the company uploaded to the server, heard in the app: opening a number downloads the audio files
its prompts use (with progress, off the GUI thread) into the profile's media library, named as they were
uploaded; a file once here is not downloaded again; offline, Listen says why nothing plays.

The demo company's server (embedded, real) holds two recorded greetings, «Приветствие.wav» and «Обеденный
перерыв.mp3»; a new profile has neither."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.audio.wavfile import is_master
from pbxdesk.domain.walk import media_ids
from pbxdesk.store import Store
from tests.app.conftest import open_with_enter, wait_until
from tests.support.scenario_ui import UI


def _tree_text(editor, ptr: str) -> str:
    return editor.scenarios.model.index_for_pointer(ptr).data()


def test_opening_a_number_downloads_its_greetings_named_as_uploaded(app_window, qtbot):
    window = app_window
    library = window.context.library
    with Store.open(window.context.profile_dir) as store:
        main = next(s for s in store.list_numbers() if s.name == "Главный номер")
        ids = media_ids(store.get_saved(main.number))
    assert len(ids) == 2 and not any(library.has(mid) for mid in ids)  # a new profile: none here yet
    progress: list[tuple[str, float]] = []
    fetched: list[str] = []
    window.media.progress.connect(lambda mid, fraction: progress.append((mid, fraction)))
    window.media.fetched.connect(lambda mid: fetched.append(mid))

    # the sync learnt the names: the list's "right now" names the greeting before any number is opened
    sales = next(r for r in range(window.model.rowCount())
                 if window.model.index(r, NumbersModel.NAME).data() == "Отдел продаж")
    qtbot.waitUntil(lambda: window.model.index(sales, NumbersModel.NOW).data()
                    == "Рабочее время: Сообщение аудиофайл «Приветствие.wav»", timeout=15000)
    assert not any(library.has(mid) for mid in ids)  # (names only: no file comes before it is needed)

    editor = open_with_enter(window, qtbot, "Главный номер")
    wait_until(lambda: sorted(fetched) == sorted(ids), timeout=30)
    assert all(library.has(mid) for mid in ids)
    assert {mid for mid, fraction in progress if fraction == 1.0} == set(ids)  # progress, to the end
    assert all(is_master(library.master_path(mid)) for mid in ids)  # kept by media id, as 8 kHz masters
    qtbot.waitUntil(lambda: _tree_text(editor, "/scenarios/working") == "Сообщение аудиофайл «Приветствие.wav»",
                    timeout=10000)
    assert _tree_text(editor, "/scenarios/custom1") == "Сообщение аудиофайл «Обеденный перерыв.mp3»"

    ui = UI(qtbot, editor.scenarios)
    ui.click_pointer("/scenarios/working")
    prompt = ui.current().findChild(QWidget, "messagePrompt")
    assert prompt.modeAudio.isChecked() and prompt.fileLabel.text() == "Приветствие.wav"
    assert prompt.listen.isEnabled() and prompt.listen.toolTip() == "Прослушать то, что услышит звонящий"
    qtbot.waitUntil(lambda: prompt.duration.text() not in ("", "–:––"), timeout=10000)  # its waveform read

    # the same greeting in another number: already here, not downloaded again
    fetched.clear()
    other = open_with_enter(window, qtbot, "Отдел продаж")
    qtbot.wait(500)
    assert fetched == [] and other.media.state(ids[0]) == "here"
    assert _tree_text(other, "/scenarios/working") == "Сообщение аудиофайл «Приветствие.wav»"


def test_offline_listen_says_why_nothing_plays_and_the_file_comes_when_the_server_is_back(app_window, qtbot):
    window = app_window
    context, library = window.context, window.context.library
    with Store.open(context.profile_dir) as store:
        main = next(s for s in store.list_numbers() if s.name == "Главный номер")
        lunch = media_ids(store.get_saved(main.number))[1]
    editor = open_with_enter(window, qtbot, "Главный номер")
    wait_until(lambda: library.has(lunch), timeout=30)
    library.master_path(lunch).unlink()  # as on a computer where it never came
    with context._lock:  # the server goes away (a closed port on this machine)
        url, context.server_url = context.server_url, "http://127.0.0.1:9"
    try:
        ui = UI(qtbot, editor.scenarios)
        ui.click_pointer("/scenarios/custom1")
        prompt = ui.current().findChild(QWidget, "messagePrompt")
        assert prompt.fileLabel.text().startswith("Обеденный перерыв.mp3")
        assert prompt.listen.isEnabled()  # Listen downloads it first
        ui.click(prompt.listen)
        offline = "Нет связи с сервером: аудиофайла пока нет на этом компьютере."
        qtbot.waitUntil(lambda: prompt.error.text().startswith(offline), timeout=30000)
        assert prompt.fileLabel.text().startswith("Обеденный перерыв.mp3 — Нет связи с сервером")
        assert not library.has(lunch) and prompt.listen.text() == "Прослушать"
    finally:
        with context._lock:
            context.server_url = url
    window.start_sync()  # a sync that reaches the server again brings what could not come
    wait_until(lambda: library.has(lunch), timeout=30)
    qtbot.waitUntil(lambda: prompt.fileLabel.text() == "Обеденный перерыв.mp3", timeout=10000)
