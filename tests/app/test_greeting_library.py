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
    assert table.item(welcome, MediaPickerDialog.USED_BY).text() == "4952302222, 4952302223"
    assert table.item(lunch, MediaPickerDialog.USED_BY).text() == "4952302222"
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
