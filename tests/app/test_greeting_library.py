"""Choosing a greeting from the company's library in the app: next to "Choose audio file…", "From the
company's greetings…" lists what the company uploaded (name, duration, the numbers using it), Listen plays one
(downloaded first, off the GUI thread), and choosing makes it the prompt's audio in one undoable edit; saved
and synced, the server's library counts the number among its users and no file is uploaded again.

The demo company's server (embedded, real) holds «Приветствие.wav» (used by 4952302222 and 4952302223) and
«Обеденный перерыв.mp3» (used by 4952302222)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from pbxdesk.audio.player import IDLE
from pbxdesk.domain.models import AudioPrompt
from pbxdesk.widgets.media_picker import MediaPickerDialog
from tests.app.conftest import open_with_enter, wait_until
from tests.support.scenario_ui import UI


def _row_of(table, name: str) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, MediaPickerDialog.NAME).text() == name)


def test_a_greeting_is_chosen_from_the_company_library_with_listen(app_window, qtbot):
    window = app_window
    library = window.context.library
    editor = open_with_enter(window, qtbot, "Поддержка")
    ui = UI(qtbot, editor.scenarios)
    ui.click_pointer("/scenarios/working")
    prompt = ui.current().findChild(QWidget, "announcementPrompt")
    stack = editor.session.undo_stack
    before, spoken = stack.count(), editor.session.document.scenarios["working"].announcement
    ui.click(prompt.modeAudio)  # "Audio file": then where it comes from
    assert prompt.chooseLibrary.isVisible() and prompt.chooseLibrary.text() == "Из приветствий компании…"

    ui.click(prompt.chooseLibrary)
    dialog = prompt.findChild(MediaPickerDialog, "mediaPicker")
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Приветствия компании"
    table = dialog.table
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=15000)
    welcome, lunch = _row_of(table, "Приветствие.wav"), _row_of(table, "Обеденный перерыв.mp3")
    assert table.item(welcome, MediaPickerDialog.USED_BY).text() == "+7 495 230-22-22, +7 495 230-22-23"
    assert table.item(lunch, MediaPickerDialog.USED_BY).text() == "+7 495 230-22-22"
    assert table.item(lunch, MediaPickerDialog.DURATION).text().startswith("0:")
    assert not dialog.choose.isEnabled() and not dialog.listen.isEnabled()  # nothing selected yet

    rect = table.visualItemRect(table.item(lunch, MediaPickerDialog.NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    lunch_id = dialog.chosen()
    assert len(lunch_id) == 64 and dialog.choose.isEnabled()
    player = prompt.player()
    assert player.available(), player.unavailable_reason()
    ui.click(dialog.listen)  # not on this computer yet: downloaded, then played
    qtbot.waitUntil(lambda: player.owner() is dialog and player.state() != IDLE, timeout=30000)
    assert library.has(lunch_id) and player.current_path() == library.master_path(lunch_id)
    assert dialog.listen.text() == "Стоп"
    assert stack.count() == before  # listening edits nothing

    ui.click(dialog.choose)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert player.state() == IDLE  # closing the dialog stops its playback
    assert prompt.prompt() == AudioPrompt(audio=lunch_id)
    assert prompt.fileLabel.text() == "Обеденный перерыв.mp3"
    ui.click(editor.scenarios.save_button)  # the action's edit, saved: one command
    assert stack.count() == before + 1
    assert editor.session.document.scenarios["working"].announcement == AudioPrompt(audio=lunch_id)
    stack.undo()
    assert editor.session.document.scenarios["working"].announcement == spoken
    stack.redo()
    assert editor.session.document.scenarios["working"].announcement == AudioPrompt(audio=lunch_id)

    # saved and synced: the server counts the number among the greeting's users; nothing was uploaded
    editor.save()
    window.start_sync()
    client = window.context.make_client()
    try:
        wait_until(lambda: "4952302224" in next(i for i in client.list_media() if i.id == lunch_id).numbers,
                   timeout=30)
        assert len(client.list_media()) == 2
    finally:
        client.close()


def test_without_a_server_the_library_says_why_and_nothing_changes(app_window, qtbot):
    window = app_window
    context = window.context
    editor = open_with_enter(window, qtbot, "Факс")
    ui = UI(qtbot, editor.scenarios)
    ui.click_pointer("/scenarios/working")
    prompt = ui.current().findChild(QWidget, "greetingPrompt")
    if not prompt.enabledBox.isChecked():
        ui.toggle(prompt.enabledBox)
    ui.click(prompt.modeAudio)
    before = prompt.prompt()
    with context._lock:  # logged out: no server to read the library from
        url, context.server_url = context.server_url, None
    try:
        ui.click(prompt.chooseLibrary)
        dialog = prompt.findChild(MediaPickerDialog, "mediaPicker")
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Нет сервера"), timeout=10000)
        assert dialog.table.rowCount() == 0 and not dialog.choose.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    finally:
        with context._lock:
            context.server_url = url
    assert prompt.prompt() == before


def _answer_modal(qtbot, kind, act) -> None:
    """Answer the next modal dialog of ``kind`` (a question box, an input dialog) with ``act(dialog)``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(50, answer)
            return
        act(dialog)

    QTimer.singleShot(100, answer)


def _select(qtbot, dialog, name: str) -> None:
    table = dialog.table
    rect = table.visualItemRect(table.item(_row_of(table, name), MediaPickerDialog.NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_greetings_are_renamed_and_removed_in_the_library_and_one_in_use_stays(app_window, qtbot):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from tests.support.tones import tone_wav

    window = app_window
    client = window.context.make_client()
    spare, _duration = client.upload_media(tone_wav(660), "Спасибо.wav")  # a greeting no routing uses
    editor = open_with_enter(window, qtbot, "Директор")
    ui = UI(qtbot, editor.scenarios)
    ui.click_pointer("/scenarios/working")
    prompt = ui.current().findChild(QWidget, "announcementPrompt") or ui.current().findChild(QWidget, "messagePrompt")
    ui.click(prompt.modeAudio)
    ui.click(prompt.chooseLibrary)
    dialog = prompt.findChild(MediaPickerDialog, "mediaPicker")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=15000)
    spare_row = _row_of(dialog.table, "Спасибо.wav")
    assert dialog.table.item(spare_row, MediaPickerDialog.DURATION).text() == "0:01"  # half a second: not 0:00
    assert dialog.table.item(spare_row, MediaPickerDialog.USED_BY).text() == "не используется"
    assert dialog.rename.text() == "Переименовать…" and dialog.remove.text() == "Удалить…"
    assert not dialog.rename.isEnabled() and not dialog.remove.isEnabled()  # nothing selected yet

    # used by two numbers' routings: the server refuses, and says which numbers
    _select(qtbot, dialog, "Приветствие.wav")
    _answer_modal(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    ui.click(dialog.remove)
    qtbot.waitUntil(lambda: "не удалён" in dialog.status.text(), timeout=15000)
    assert dialog.status.text().startswith("«Приветствие.wav» не удалён: файл используется текущей "
                                           "маршрутизацией номеров: 4952302222")
    assert dialog.table.rowCount() == 3 and dialog.remove.isEnabled()

    _select(qtbot, dialog, "Спасибо.wav")
    assert dialog.status.text() == "Выберите приветствие; «Прослушать» проиграет его."  # another row: note gone
    _answer_modal(qtbot, QInputDialog, lambda box: (box.setTextValue("Благодарность за звонок"), box.accept()))
    ui.click(dialog.rename)
    qtbot.waitUntil(lambda: dialog.status.text() == "Новое имя: «Благодарность за звонок».", timeout=15000)
    qtbot.waitUntil(lambda: any(dialog.table.item(r, 0).text() == "Благодарность за звонок"
                                for r in range(dialog.table.rowCount())), timeout=15000)
    assert dialog.chosen() == spare  # still selected after the list was read again
    assert window.context.media_names.names().get(spare) == "Благодарность за звонок"
    assert next(i for i in client.list_media() if i.id == spare).name == "Благодарность за звонок"

    _answer_modal(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    ui.click(dialog.remove)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=15000)
    assert dialog.status.text() == "«Благодарность за звонок» удалён из приветствий компании."
    assert spare not in {i.id for i in client.list_media()}
    client.close()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_the_greeting_chosen_in_the_prompt_cannot_be_removed_from_its_own_list(app_window, qtbot):
    window = app_window
    editor = open_with_enter(window, qtbot, "Главный номер")
    ui = UI(qtbot, editor.scenarios)
    ui.click_pointer("/scenarios/custom1")
    prompt = ui.current().findChild(QWidget, "messagePrompt")
    assert prompt.fileLabel.text().startswith("Обеденный перерыв.mp3")
    ui.click(prompt.chooseLibrary)
    dialog = prompt.findChild(MediaPickerDialog, "mediaPicker")
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 2 and bool(dialog.chosen()), timeout=15000)
    assert dialog.table.item(dialog.table.currentRow(), 0).text() == "Обеденный перерыв.mp3"
    assert not dialog.remove.isEnabled() and dialog.rename.isEnabled()
    assert dialog.remove.toolTip() == "Это приветствие выбрано там, откуда открыт этот список."
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
